#include "onewindow/ui/SupervisorPage.h"

#include "onewindow/ui/ClientContext.h"
#include "ui_SupervisorPage.h"

#include <QEvent>
#include <QLocale>

namespace ow::ui {

SupervisorPage::SupervisorPage(const ClientContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_ui(std::make_unique<Ui::SupervisorPage>())
{
    m_ui->setupUi(this);
    refresh();
}

SupervisorPage::~SupervisorPage() = default;

void SupervisorPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        refresh();
    }
    QWidget::changeEvent(event);
}

void SupervisorPage::refresh()
{
    // Deadlines are counted in working days: show the supervisor what the calendar says today.
    const QDate today = m_context.clock->today();
    const QLocale locale;
    const QString holiday = m_context.calendar.holidayName(today);
    QString status;
    if (!holiday.isEmpty())
        status = tr("Today, %1, is a public holiday (%2).").arg(locale.toString(today, QLocale::LongFormat), holiday);
    else if (m_context.calendar.isWorkingDay(today))
        status = tr("Today, %1, is a working day.").arg(locale.toString(today, QLocale::LongFormat));
    else
        status = tr("Today, %1, is a rest day.").arg(locale.toString(today, QLocale::LongFormat));
    const QDate due = m_context.calendar.addWorkingDays(today, 5);
    status += QLatin1Char(' ')
        + tr("A case accepted today with a 5-working-day promise is due on %1.")
              .arg(locale.toString(due, QLocale::LongFormat));
    if (!m_context.calendar.covers(due.year()))
        status += QLatin1Char(' ')
            + tr("Warning: there is no holiday table for %1; only weekends are counted.").arg(due.year());
    else if (m_context.calendar.isProvisional(due.year()))
        status += QLatin1Char(' ') + tr("Note: the %1 holiday table is provisional.").arg(due.year());
    m_ui->calendarLabel->setText(status);
    m_ui->emptyLabel->setVisible(m_ui->windowTable->rowCount() == 0);
}

} // namespace ow::ui
