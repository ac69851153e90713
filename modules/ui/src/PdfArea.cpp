#include "onewindow/ui/PdfArea.h"

#include "onewindow/ui/PdfPlugin.h"

#include <QAbstractScrollArea>
#include <QLabel>
#include <QLayout>
#include <QWidget>

#include <utility>

namespace ow::ui {

PdfArea::PdfArea(QWidget *area, QString viewName, PdfPane::Layout layout)
    : m_area(area)
    , m_viewName(std::move(viewName))
    , m_layout(layout)
{ }

PdfPane *PdfArea::pane()
{
    if (m_pane || m_unavailable)
        return m_pane;
    const PdfApi *api = PdfPlugin::load();
    if (!api) {
        // Never a blank: the clerk reads why the document is not shown here.
        m_unavailable = new QLabel(PdfPlugin::error(), m_area);
        m_unavailable->setObjectName(QStringLiteral("pdfUnavailableLabel"));
        m_unavailable->setWordWrap(true);
        m_unavailable->setAlignment(Qt::AlignCenter);
        m_unavailable->setStyleSheet(QStringLiteral("color:#b00020;"));
        m_area->layout()->addWidget(m_unavailable);
        return nullptr;
    }
    m_pane = api->createPane(m_area, m_layout);
    QAbstractScrollArea *view = m_pane->view();
    view->setObjectName(m_viewName);
    view->setAccessibleName(m_area->accessibleName());
    view->setFocusPolicy(Qt::StrongFocus);
    m_area->layout()->addWidget(view);
    return m_pane;
}

} // namespace ow::ui
