#include "onewindow/ui/QueuePage.h"

#include "onewindow/ui/ClientContext.h"
#include "ui_QueuePage.h"

#include <QEvent>

namespace ow::ui {

QueuePage::QueuePage(const ClientContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_ui(std::make_unique<Ui::QueuePage>())
{
    m_ui->setupUi(this);
    refresh();
}

QueuePage::~QueuePage() = default;

void QueuePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        refresh();
    }
    QWidget::changeEvent(event);
}

void QueuePage::refresh()
{
    // Tickets arrive with the queue module; until then the table is empty and says so.
    const bool empty = m_ui->ticketTable->rowCount() == 0;
    m_ui->emptyLabel->setVisible(empty);
}

} // namespace ow::ui
