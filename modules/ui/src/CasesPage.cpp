#include "onewindow/ui/CasesPage.h"

#include "onewindow/ui/ClientContext.h"
#include "ui_CasesPage.h"

#include <QEvent>

namespace ow::ui {

CasesPage::CasesPage(const ClientContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_ui(std::make_unique<Ui::CasesPage>())
{
    m_ui->setupUi(this);
    refresh();
}

CasesPage::~CasesPage() = default;

void CasesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        refresh();
    }
    QWidget::changeEvent(event);
}

void CasesPage::refresh()
{
    // Cases arrive with the store; until then the table is empty and says so.
    const bool empty = m_ui->caseTable->rowCount() == 0;
    m_ui->emptyLabel->setVisible(empty);
}

} // namespace ow::ui
