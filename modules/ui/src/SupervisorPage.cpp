#include "onewindow/ui/SupervisorPage.h"

#include "onewindow/sync/OverviewCsv.h"
#include "onewindow/sync/SupervisorService.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/SupervisorChartsPlugin.h"
#include "onewindow/ui/SupervisorReport.h"
#include "ui_SupervisorPage.h"

#include <QEvent>
#include <QHeaderView>
#include <QLocale>
#include <QPointer>
#include <QSaveFile>
#include <QShortcut>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace ow::ui {

namespace {

using Overview = sync::SupervisorOverview;

const QColor kRed(0xb3, 0x26, 0x1e);
const QColor kAmber(0x9a, 0x5b, 0x00);

QString duration(qint64 seconds)
{
    if (seconds < 60)
        return SupervisorPage::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return SupervisorPage::tr("%1 min").arg(seconds / 60);
    if (seconds < 86400)
        return SupervisorPage::tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
    return SupervisorPage::tr("%n day(s)", nullptr, int(seconds / 86400));
}

QString minutes(std::optional<double> seconds)
{
    return seconds ? QString::number(*seconds / 60.0, 'f', 1) : QStringLiteral("—");
}

QString percent(std::optional<double> share)
{
    return share ? QString::number(*share * 100.0, 'f', 1) + QLatin1Char('%') : QStringLiteral("—");
}

QTableWidgetItem *cell(const QString &text, bool number = false)
{
    auto *item = new QTableWidgetItem(text);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

void setRows(QTableWidget *table, const QList<QStringList> &rows, const QList<int> &numbers = {})
{
    table->setSortingEnabled(false);
    table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows.at(r).size() && c < table->columnCount(); ++c)
            table->setItem(r, c, cell(rows.at(r).at(c), numbers.contains(c)));
    }
    table->resizeColumnsToContents();
}

// A department's cell: its name, its code as the tool tip (the catalogue's and the departments' id).
void nameDepartment(QTableWidget *table, int row, int column, const QString &code)
{
    if (QTableWidgetItem *item = table->item(row, column))
        item->setToolTip(code);
}

void paintRow(QTableWidget *table, int row, const QColor &colour, bool bold = true)
{
    for (int c = 0; c < table->columnCount(); ++c) {
        if (QTableWidgetItem *item = table->item(row, c)) {
            item->setForeground(colour);
            QFont f = item->font();
            f.setBold(bold);
            item->setFont(f);
        }
    }
}

QString levelName(const QString &level)
{
    if (level == QLatin1String("veryDissatisfied"))
        return SupervisorPage::tr("Very dissatisfied");
    if (level == QLatin1String("dissatisfied"))
        return SupervisorPage::tr("Dissatisfied");
    return level;
}

QString serviceName(const QString &service)
{
    if (service == QLatin1String("acceptance"))
        return SupervisorPage::tr("Acceptance");
    if (service == QLatin1String("supplement"))
        return SupervisorPage::tr("Supplement");
    if (service == QLatin1String("handout"))
        return SupervisorPage::tr("Hand-out");
    return service;
}

QString callbackName(const std::optional<Overview::Callback> &callback)
{
    if (!callback)
        return SupervisorPage::tr("Not called back yet");
    QString outcome = callback->outcome;
    if (outcome == QLatin1String("resolved"))
        outcome = SupervisorPage::tr("resolved");
    else if (outcome == QLatin1String("unresolved"))
        outcome = SupervisorPage::tr("unresolved");
    else if (outcome == QLatin1String("unreachable"))
        outcome = SupervisorPage::tr("unreachable");
    return SupervisorPage::tr("%1 (%2, %3)")
        .arg(outcome, callback->by, QLocale().toString(callback->at.toLocalTime(), QLocale::ShortFormat));
}

} // namespace

SupervisorPage::SupervisorPage(const ClientContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_ui(std::make_unique<Ui::SupervisorPage>())
    , m_timer(new QTimer(this))
{
    m_ui->setupUi(this);
    const QDate today = m_context.clock->today();
    for (QDateEdit *edit : {m_ui->fromEdit, m_ui->toEdit}) {
        edit->setDate(today);
        edit->setMaximumDate(today);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_ui->windowOutcomeTable->setColumnHidden(1, true); // a window's row has no clerk
    m_ui->supplementLabel->setVisible(false);
    m_ui->supplementTable->setVisible(false);
    for (QTableWidget *t : findChildren<QTableWidget *>()) {
        t->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
        t->setWordWrap(false); // a case number on one line, never cut across two
    }
    // A hidden tab's tables were sized before they were laid out: sized again when shown.
    connect(m_ui->sectionTabs, &QTabWidget::currentChanged, this, [this] {
        if (QWidget *tab = m_ui->sectionTabs->currentWidget()) {
            for (QTableWidget *t : tab->findChildren<QTableWidget *>())
                t->resizeColumnsToContents();
        }
    });

    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &SupervisorPage::refresh);
    auto *f5 = new QShortcut(QKeySequence(Qt::Key_F5), this);
    f5->setContext(Qt::WidgetWithChildrenShortcut);
    connect(f5, &QShortcut::activated, this, &SupervisorPage::refresh);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &SupervisorPage::refresh);
    // A supervisor of many windows (an admin: all of them) pages through the windows; the totals
    // stay those of every window.
    connect(m_ui->previousPageButton, &QPushButton::clicked, this, [this] {
        if (m_overview)
            m_offset = std::max(0, m_offset - m_overview->pageLimit);
        refresh();
    });
    connect(m_ui->nextPageButton, &QPushButton::clicked, this, [this] {
        if (m_overview && m_overview->pageOffset + m_overview->pageLimit < m_overview->windowCount)
            m_offset = m_overview->pageOffset + m_overview->pageLimit;
        refresh();
    });
    connect(m_ui->todayButton, &QPushButton::clicked, this, [this] {
        m_followToday = true;
        refresh();
    });
    connect(m_ui->fromEdit, &QDateEdit::dateChanged, this, [this](const QDate &from) {
        if (m_ui->toEdit->date() < from)
            m_ui->toEdit->setDate(from);
    });
    connect(m_ui->toEdit, &QDateEdit::dateChanged, this, [this](const QDate &to) {
        if (m_ui->fromEdit->date() > to)
            m_ui->fromEdit->setDate(to);
    });
    // A new period asks at once (leaving a date field unchanged does not).
    for (QDateEdit *edit : {m_ui->fromEdit, m_ui->toEdit})
        connect(edit, &QDateEdit::editingFinished, this, [this] {
            if (!m_overview || m_overview->from != m_ui->fromEdit->date() || m_overview->to != m_ui->toEdit->date()) {
                m_followToday = false;
                refresh();
            }
        });
    connect(m_ui->exportButton, &QPushButton::clicked, this, &SupervisorPage::exportCsv);
    connect(m_ui->reportButton, &QPushButton::clicked, this, &SupervisorPage::saveReport);
    connect(m_ui->upholdButton, &QPushButton::clicked, this, [this] { decideAppeal(QStringLiteral("upheld")); });
    connect(m_ui->removeButton, &QPushButton::clicked, this, [this] { decideAppeal(QStringLiteral("removed")); });
    connect(m_ui->appealTable, &QTableWidget::itemSelectionChanged, this, [this] {
        const bool one = !m_ui->appealTable->selectedItems().isEmpty();
        m_ui->upholdButton->setEnabled(one);
        m_ui->removeButton->setEnabled(one);
    });
    m_ui->upholdButton->setEnabled(false);
    m_ui->removeButton->setEnabled(false);
    // The charts (Qt Charts, a plugin) load the first time they are looked at.
    connect(m_ui->sectionTabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_ui->sectionTabs->widget(index) == m_ui->chartsTab)
            ensureCharts();
    });

    if (sync::SupervisorService *service = m_context.supervisor) {
        connect(service, &sync::SupervisorService::overviewReady, this, &SupervisorPage::showOverview);
        connect(service, &sync::SupervisorService::failed, this, &SupervisorPage::showFailure);
        connect(service, &sync::SupervisorService::appealDecided, this,
            [this](const QString &appealId, const QString &state) {
                m_notice = state == QLatin1String("removed") ? tr("The appeal is granted: the rating is removed.")
                                                             : tr("The appeal is refused: the rating stands.");
                showStatus();
                Q_EMIT appealDecided(appealId, state);
                refresh();
            });
        connect(service, &sync::SupervisorService::appealFailed, this, [this](const QString &, const QString &message) {
            m_notice = tr("The appeal was not decided: %1").arg(message);
            showStatus();
        });
    }
    showCalendar();
    showStatus();
}

SupervisorPage::~SupervisorPage()
{
    // Closing the page moves the focus out of a date field (editingFinished): no refresh then.
    m_ui->fromEdit->disconnect(this);
    m_ui->toEdit->disconnect(this);
}

void SupervisorPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        showCalendar();
        if (m_overview)
            showOverview(*m_overview);
        else
            showStatus();
    }
    QWidget::changeEvent(event);
}

void SupervisorPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_context.supervisor)
        return;
    m_timer->start();
    // Fresh figures when the section comes back into view (not when they are only seconds old).
    if (!m_overview || m_fetchedAt.secsTo(m_context.clock->now()) * 1000 >= kRefreshMs)
        refresh();
}

void SupervisorPage::hideEvent(QHideEvent *event)
{
    m_timer->stop();
    QWidget::hideEvent(event);
}

void SupervisorPage::refresh()
{
    if (!m_context.supervisor)
        return;
    // Today is the centre's day as the back office counts it (China time), whatever this PC's zone:
    // no dates asked, and the answer's period shown.
    if (m_followToday)
        m_context.supervisor->fetch(QDate(), QDate(), m_offset);
    else
        m_context.supervisor->fetch(m_ui->fromEdit->date(), m_ui->toEdit->date(), m_offset);
    if (!m_overview)
        showStatus();
}

void SupervisorPage::showCalendar()
{
    // Deadlines are counted in working days: show the supervisor what the calendar says today
    // (the centre's today, as the back office counted the deadlines, once it answered).
    const QDate today = m_overview && m_overview->today.isValid() ? m_overview->today : m_context.clock->today();
    const QLocale locale;
    const QString holiday = m_context.calendar.holidayName(today);
    QString status;
    if (!holiday.isEmpty())
        status = tr("Today, %1, is a public holiday (%2).").arg(locale.toString(today, QLocale::LongFormat), holiday);
    else if (m_context.calendar.isWorkingDay(today))
        status = tr("Today, %1, is a working day.").arg(locale.toString(today, QLocale::LongFormat));
    else
        status = tr("Today, %1, is a rest day.").arg(locale.toString(today, QLocale::LongFormat));
    const QDate due = m_context.calendar.addWorkingDays(today, 2);
    status += QLatin1Char(' ')
        + tr("Cases due by %1 (2 working days) count as near their deadline.")
              .arg(locale.toString(due, QLocale::LongFormat));
    if (!m_context.calendar.covers(due.year()))
        status += QLatin1Char(' ')
            + tr("Warning: there is no holiday table for %1; only weekends are counted.").arg(due.year());
    else if (m_context.calendar.isProvisional(due.year()))
        status += QLatin1Char(' ') + tr("Note: the %1 holiday table is provisional.").arg(due.year());
    m_ui->calendarLabel->setText(status);
}

void SupervisorPage::showStatus()
{
    QString text;
    bool bad = false;
    if (!m_context.supervisor) {
        m_ui->emptyLabel->setText(tr("This window has no back office: the supervisor's view is computed there. "
                                     "Set the window up with its back office (onewindow-tool enrol) and sign in "
                                     "again."));
    } else if (m_overview && m_overview->windowCount == 0) {
        m_ui->emptyLabel->setText(tr("No windows are assigned to you for supervision yet. An administrator assigns "
                                     "them at the back office: onewindow-backoffice admin add-user --name %1 --role "
                                     "supervisor --windows KEYID,KEYID.")
                                      .arg(m_context.window.clerk));
    } else {
        m_ui->emptyLabel->clear();
    }
    const bool showing = m_context.supervisor && m_overview && m_overview->windowCount > 0;
    m_ui->emptyLabel->setVisible(!m_ui->emptyLabel->text().isEmpty());
    m_ui->sectionTabs->setVisible(showing);
    m_ui->exportButton->setEnabled(showing);
    m_ui->reportButton->setEnabled(showing);
    for (QWidget *w :
        std::initializer_list<QWidget *> {m_ui->refreshButton, m_ui->todayButton, m_ui->fromEdit, m_ui->toEdit})
        w->setEnabled(m_context.supervisor != nullptr);

    const QLocale locale;
    if (!m_context.supervisor) {
        text.clear();
    } else if (!m_overview && m_failure.isEmpty()) {
        text = tr("Asking the back office…");
    } else if (!m_overview) {
        text = tr("The back office did not answer: %1").arg(m_failure);
        bad = true;
    } else if (!m_failure.isEmpty()) {
        const qint64 age = m_fetchedAt.secsTo(m_context.clock->now());
        text = tr("Figures as of %1 (%2 old): the refresh failed: %3")
                   .arg(locale.toString(m_fetchedAt.time(), QStringLiteral("HH:mm:ss")),
                       duration(std::max<qint64>(age, 0)), m_failure);
        bad = true;
    } else {
        text = tr("Updated at %1; refreshed every %2 s while shown (F5: now).")
                   .arg(locale.toString(m_fetchedAt.time(), QStringLiteral("HH:mm:ss")))
                   .arg(kRefreshMs / 1000);
    }
    if (!m_notice.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral("  ")) + m_notice;
    m_ui->statusLabel->setText(text);
    m_ui->statusLabel->setStyleSheet(bad ? QStringLiteral("color: #b3261e; font-weight: bold;") : QString());
}

void SupervisorPage::showOverview(const Overview &overview)
{
    m_overview = overview;
    m_fetchedAt = m_context.clock->now();
    showCalendar();
    if (m_followToday && overview.from.isValid() && overview.to.isValid()) {
        for (QDateEdit *edit : {m_ui->fromEdit, m_ui->toEdit})
            edit->setMaximumDate(std::max(edit->maximumDate(), overview.to));
        m_ui->toEdit->setDate(overview.to);
        m_ui->fromEdit->setDate(overview.from);
    }
    m_failure.clear();
    fillLive();
    fillDeadlines();
    fillOutcomes();
    fillRatings();
    if (m_charts)
        fillCharts();
    showStatus();
    Q_EMIT refreshed(true);
}

void SupervisorPage::showFailure(const QString &message)
{
    m_failure = message;
    showStatus();
    Q_EMIT refreshed(false);
}

QString SupervisorPage::windowName(const QString &keyId) const
{
    return m_overview ? m_overview->windowName(keyId) : keyId;
}

void SupervisorPage::fillLive()
{
    const QLocale locale;
    const Overview &o = *m_overview;
    const bool paged = o.pageOffset > 0 || o.windows.size() < o.windowCount;
    m_ui->pageLabel->setText(paged ? tr("Windows %1–%2 of %3, those that need attention first; the totals count "
                                        "all %3.")
                                         .arg(o.pageOffset + (o.windows.isEmpty() ? 0 : 1))
                                         .arg(o.pageOffset + o.windows.size())
                                         .arg(o.windowCount)
                                   : QString());
    m_ui->pageLabel->setVisible(paged);
    m_ui->previousPageButton->setVisible(paged);
    m_ui->nextPageButton->setVisible(paged);
    m_ui->previousPageButton->setEnabled(o.pageOffset > 0);
    m_ui->nextPageButton->setEnabled(o.pageOffset + o.windows.size() < o.windowCount);
    QList<QStringList> rows;
    for (const auto &w : m_overview->windows) {
        QString sync;
        if (!w.lastSyncAt.isValid())
            sync = tr("never");
        else
            sync = tr("%1 (%2 ago)")
                       .arg(locale.toString(w.lastSyncAt.toLocalTime(), QLocale::ShortFormat),
                           duration(w.syncAgeSeconds.value_or(0)));
        if (w.offline)
            sync = tr("OFFLINE: %1").arg(sync);
        QString serving;
        if (w.serving)
            serving = w.serving->state == QLatin1String("called") ? tr("%1 (called)").arg(w.serving->number)
                                                                  : w.serving->number;
        rows << QStringList {w.name.isEmpty() ? w.window : w.name + QStringLiteral(" · ") + w.window,
            w.clerk.isEmpty() ? tr("nobody signed in") : w.clerk, serving,
            w.serving ? duration(w.serving->seconds) : QString(), QString::number(w.waiting),
            w.longestWaitSeconds ? duration(*w.longestWaitSeconds) : QString(), sync};
    }
    setRows(m_ui->liveTable, rows, {4});
    for (int r = 0; r < m_overview->windows.size(); ++r) {
        if (m_overview->windows.at(r).offline)
            paintRow(m_ui->liveTable, r, kRed);
    }
}

void SupervisorPage::fillDeadlines()
{
    const QLocale locale;
    int overdue = 0;
    int near = 0;
    QList<QStringList> rows;
    for (const auto &c : m_overview->deadlinesByWindow) {
        rows << QStringList {windowName(c.key), QString::number(c.near), QString::number(c.overdue)};
        overdue += c.overdue;
        near += c.near;
    }
    setRows(m_ui->deadlineWindowTable, rows, {1, 2});
    rows.clear();
    for (const auto &c : m_overview->deadlinesByDepartment)
        rows << QStringList {c.name.isEmpty() ? c.key : c.name, QString::number(c.near), QString::number(c.overdue)};
    setRows(m_ui->deadlineDepartmentTable, rows, {1, 2});
    for (int r = 0; r < m_overview->deadlinesByDepartment.size(); ++r)
        nameDepartment(m_ui->deadlineDepartmentTable, r, 0, m_overview->deadlinesByDepartment.at(r).key);
    m_ui->deadlineSummaryLabel->setText(tr("%1 item(s) past the promised date, %2 due within 2 working days (by %3).")
                                            .arg(overdue)
                                            .arg(near)
                                            .arg(locale.toString(m_overview->nearLimit, QLocale::ShortFormat)));
    m_ui->deadlineSummaryLabel->setStyleSheet(
        overdue > 0 ? QStringLiteral("font-weight: bold; color: #b3261e;") : QStringLiteral("font-weight: bold;"));
    rows.clear();
    for (const auto &d : m_overview->deadlineItems)
        rows << QStringList {d.caseNumber, d.name.isEmpty() ? d.matter : d.name,
            d.departmentName.isEmpty() ? d.department : d.departmentName, windowName(d.window),
            locale.toString(d.promisedDate, QLocale::ShortFormat),
            d.overdue ? tr("%n working day(s) late", nullptr, -d.workingDaysLeft)
                      : tr("%n working day(s) left", nullptr, d.workingDaysLeft)};
    setRows(m_ui->deadlineTable, rows);
    for (int r = 0; r < m_overview->deadlineItems.size(); ++r)
        nameDepartment(m_ui->deadlineTable, r, 2, m_overview->deadlineItems.at(r).department);
    for (int r = 0; r < m_overview->deadlineItems.size(); ++r)
        paintRow(m_ui->deadlineTable, r, m_overview->deadlineItems.at(r).overdue ? kRed : kAmber,
            m_overview->deadlineItems.at(r).overdue);
    rows.clear();
    for (const auto &s : m_overview->supplementsOverdue)
        rows << QStringList {s.caseNumber, windowName(s.window),
            s.kind == QLatin1String("tolerated") ? tr("容缺 supplement") : tr("Department's request"), s.bring,
            locale.toString(s.dueBy, QLocale::ShortFormat)};
    setRows(m_ui->supplementTable, rows);
    for (int r = 0; r < rows.size(); ++r)
        paintRow(m_ui->supplementTable, r, kRed);
    m_ui->supplementLabel->setText(tr("Supplements overdue: %1").arg(rows.size()));
    m_ui->supplementLabel->setVisible(!rows.isEmpty());
    m_ui->supplementTable->setVisible(!rows.isEmpty());
}

void SupervisorPage::fillOutcomes()
{
    const auto cells = [](const QString &window, const QString &clerk, const Overview::Outcome &o) {
        return QStringList {window, clerk, QString::number(o.tickets), minutes(o.avgWaitSeconds),
            minutes(o.p90WaitSeconds ? std::optional<double>(double(*o.p90WaitSeconds)) : std::nullopt),
            minutes(o.avgHandlingSeconds), QString::number(o.accepted), QString::number(o.tolerated),
            QString::number(o.notice), QString::number(o.refused), percent(o.oneVisitShare)};
    };
    const QList<int> numbers {2, 3, 4, 5, 6, 7, 8, 9, 10};
    QList<QStringList> rows;
    for (const auto &o : m_overview->windowOutcomes)
        rows << cells(windowName(o.window), QString(), o);
    setRows(m_ui->windowOutcomeTable, rows, numbers);
    rows.clear();
    for (const auto &o : m_overview->clerkOutcomes)
        rows << cells(windowName(o.window), o.clerk, o);
    setRows(m_ui->clerkOutcomeTable, rows, numbers);
    const QLocale locale;
    const auto &t = m_overview->total;
    const QString period = m_overview->from == m_overview->to
        ? locale.toString(m_overview->from, QLocale::ShortFormat)
        : tr("%1 to %2")
              .arg(locale.toString(m_overview->from, QLocale::ShortFormat),
                  locale.toString(m_overview->to, QLocale::ShortFormat));
    m_ui->outcomeTotalLabel->setText(
        tr("%1: %2 tickets, average wait %3 min (P90 %4 min), average handling %5 min; accepted %6, 容缺 %7, "
           "notices %8, refused %9; done in at most one visit: %10 of %11 (%12).")
            .arg(period, QString::number(t.tickets), minutes(t.avgWaitSeconds),
                minutes(t.p90WaitSeconds ? std::optional<double>(double(*t.p90WaitSeconds)) : std::nullopt),
                minutes(t.avgHandlingSeconds), QString::number(t.accepted), QString::number(t.tolerated),
                QString::number(t.notice), QString::number(t.refused))
            .arg(QString::number(t.oneVisit), QString::number(t.cases), percent(t.oneVisitShare)));
}

void SupervisorPage::fillRatings()
{
    const QLocale locale;
    QList<QStringList> rows;
    for (const auto &b : m_overview->badRatings) {
        QString state = b.state == QLatin1String("done") ? tr("Rectified") : tr("Open");
        if (b.overdue)
            state = tr("OVERDUE");
        if (b.appealPending)
            state += QLatin1Char(' ') + tr("(appealed)");
        rows << QStringList {b.caseNumber, windowName(b.window), b.clerk, levelName(b.level), serviceName(b.service),
            locale.toString(b.dueBy, QLocale::ShortFormat), state, callbackName(b.callback)};
    }
    setRows(m_ui->badRatingTable, rows);
    for (int r = 0; r < m_overview->badRatings.size(); ++r) {
        if (m_overview->badRatings.at(r).overdue)
            paintRow(m_ui->badRatingTable, r, kRed);
    }
    m_ui->badRatingLabel->setText(
        tr("Bad ratings: %1 (each opens a rectification due in 15 working days)").arg(rows.size()));
    rows.clear();
    for (const auto &a : m_overview->appeals)
        rows << QStringList {a.caseNumber, windowName(a.window), a.clerk, levelName(a.level), a.reason,
            locale.toString(a.filedAt.toLocalTime(), QLocale::ShortFormat)};
    setRows(m_ui->appealTable, rows);
    for (int r = 0; r < m_overview->appeals.size(); ++r)
        m_ui->appealTable->item(r, 0)->setData(Qt::UserRole, m_overview->appeals.at(r).appeal);
    m_ui->appealLabel->setText(tr("Appeals waiting for your decision: %1").arg(rows.size()));
    m_ui->upholdButton->setEnabled(false);
    m_ui->removeButton->setEnabled(false);
}

void SupervisorPage::ensureCharts()
{
    if (m_charts || !m_overview)
        return;
    if (!m_chartsPlugin)
        m_chartsPlugin = std::make_unique<SupervisorChartsPlugin>(m_context.pluginDirs);
    m_charts = m_chartsPlugin->create(m_ui->chartsTab);
    if (!m_charts) {
        m_ui->chartsStatusLabel->setText(m_chartsPlugin->error());
        return;
    }
    m_ui->chartsLayout->addWidget(m_charts->waitsView(), 1);
    m_ui->chartsLayout->addWidget(m_charts->outcomesView(), 1);
    fillCharts();
}

void SupervisorPage::fillCharts()
{
    QList<SupervisorCharts::Day> days;
    for (const auto &d : m_overview->daily)
        days << SupervisorCharts::Day {d.day, d.tickets,
            d.p90WaitSeconds ? std::optional<double>(*d.p90WaitSeconds / 60.0) : std::nullopt, d.accepted, d.cases,
            d.oneVisitShare ? std::optional<double>(*d.oneVisitShare * 100.0) : std::nullopt};
    SupervisorCharts::Titles titles;
    titles.waits = tr("Tickets and waits per day");
    titles.outcomes = tr("Results per day and the share done in one visit");
    titles.tickets = tr("Tickets");
    titles.p90Wait = tr("P90 wait (min)");
    titles.minutes = tr("min");
    titles.accepted = tr("Accepted (incl. 容缺)");
    titles.cases = tr("Cases with a result");
    titles.oneVisit = tr("Done in one visit (%)");
    titles.percent = QStringLiteral("%");
    titles.dateFormat = tr("M/d");
    m_charts->show(days, titles);
    m_ui->chartsStatusLabel->setText(
        tr("%1 day(s) from %2 to %3.")
            .arg(days.size())
            .arg(m_overview->from.toString(Qt::ISODate), m_overview->to.toString(Qt::ISODate)));
}

void SupervisorPage::exportCsv()
{
    if (!m_overview || !m_context.askSavePath)
        return;
    const QString name = QStringLiteral("督办-%1_%2.csv")
                             .arg(m_overview->from.toString(Qt::ISODate), m_overview->to.toString(Qt::ISODate));
    const QString path = m_context.askSavePath(tr("Export the outcomes"), name, tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    QString error;
    if (!file.open(QIODevice::WriteOnly) || file.write(sync::OverviewCsv::outcomes(*m_overview)) < 0 || !file.commit())
        error = file.errorString();
    m_notice = error.isEmpty() ? tr("Saved %1.").arg(path) : tr("%1 was not saved: %2").arg(path, error);
    showStatus();
    Q_EMIT saved(path, error);
}

void SupervisorPage::saveReport()
{
    if (!m_overview || !m_context.askSavePath)
        return;
    const QString name = QStringLiteral("督办日报-%1.pdf").arg(m_overview->to.toString(Qt::ISODate));
    const QString path = m_context.askSavePath(tr("Save the daily report"), name, tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    m_ui->reportButton->setEnabled(false);
    m_notice = tr("Writing the report…");
    showStatus();
    // Set and written on a thread of its own: a long period's report takes a moment.
    auto error = std::make_shared<QString>();
    QThread *worker = QThread::create(
        [overview = *m_overview, office = m_context.window.office, who = m_context.window.clerk, path, error] {
            auto pdf = SupervisorReport::render(overview, office, who);
            if (!pdf) {
                *error = pdf.error();
                return;
            }
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(pdf.value()) < 0 || !file.commit())
                *error = file.errorString();
        });
    connect(worker, &QThread::finished, this, [this, worker, path, error] {
        worker->deleteLater();
        m_ui->reportButton->setEnabled(m_overview.has_value());
        m_notice = error->isEmpty() ? tr("Saved %1.").arg(path) : tr("%1 was not saved: %2").arg(path, *error);
        showStatus();
        Q_EMIT saved(path, *error);
    });
    worker->start();
}

void SupervisorPage::decideAppeal(const QString &decision)
{
    const QList<QTableWidgetItem *> selected = m_ui->appealTable->selectedItems();
    if (selected.isEmpty() || !m_context.supervisor)
        return;
    const int row = selected.first()->row();
    const QString appealId = m_ui->appealTable->item(row, 0)->data(Qt::UserRole).toString();
    const QString caseNumber = m_ui->appealTable->item(row, 0)->text();
    const QString question = decision == QLatin1String("removed")
        ? tr("Grant the appeal on case %1 and remove the rating? It then counts nowhere and its rectification ends.")
              .arg(caseNumber)
        : tr("Refuse the appeal on case %1? The rating stands.").arg(caseNumber);
    if (!m_context.confirm || !m_context.confirm(tr("Decide the appeal"), question))
        return;
    m_context.supervisor->decideAppeal(appealId, decision, QString());
}

} // namespace ow::ui
