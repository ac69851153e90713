#include "onewindow/ui/QueuePage.h"

#include "onewindow/queue/QueueRules.h"
#include "onewindow/sync/QueueService.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/CounterDevices.h"
#include "onewindow/ui/HallTicketSlip.h"
#include "onewindow/ui/WalkInDialog.h"
#include "ui_QueuePage.h"

#include <QEvent>
#include <QHeaderView>
#include <QShortcut>
#include <QTimer>

namespace ow::ui {

using queue::Ticket;
using queue::TicketState;
using Action = sync::QueueService::Action;

namespace {

// The waiting times in the list move on by the clock (the queue itself follows the back office).
constexpr int kLiveMs = 15000;
constexpr int kCallNext = -1;
constexpr int kWalkIn = -2;
constexpr int kReprint = -3;

} // namespace

QueuePage::QueuePage(const ClientContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_ui(std::make_unique<Ui::QueuePage>())
    , m_liveTimer(new QTimer(this))
    , m_recallTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_ui->ticketTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_recallTimer->setSingleShot(true);
    connect(m_recallTimer, &QTimer::timeout, this, &QueuePage::refreshCurrent);
    m_liveTimer->setInterval(kLiveMs);
    connect(m_liveTimer, &QTimer::timeout, this, &QueuePage::refreshTable);

    const struct
    {
        QPushButton *button;
        Qt::Key key;
        int action;
    } keys[] = {{m_ui->callNextButton, Qt::Key_F1, kCallNext}, {m_ui->recallButton, Qt::Key_F2, int(Action::Recall)},
        {m_ui->noShowButton, Qt::Key_F3, int(Action::NoShow)},
        {m_ui->transferButton, Qt::Key_F4, int(Action::Transfer)}, {m_ui->parkButton, Qt::Key_F5, int(Action::Park)},
        {m_ui->resumeButton, Qt::Key_F6, int(Action::Resume)}, {m_ui->walkInButton, Qt::Key_F7, kWalkIn},
        {m_ui->reprintButton, Qt::Key_F8, kReprint}, {m_ui->serveButton, Qt::Key_Return, int(Action::Serve)}};
    for (const auto &k : keys) {
        auto *shortcut = new QShortcut(QKeySequence(k.key), this);
        // Only while the 排队叫号 section is shown (a hidden page's shortcuts never fire), wherever
        // the focus is in the window: after a click in the section list too.
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, k.button, [b = k.button] {
            if (b->isEnabled())
                b->click();
        });
        connect(k.button, &QPushButton::clicked, this, [this, a = k.action] { act(a); });
    }
    connect(m_ui->parkedList, &QListWidget::currentRowChanged, this, &QueuePage::refreshCurrent);

    if (m_context.queue) {
        connect(m_context.queue, &sync::QueueService::snapshotReady, this, &QueuePage::showSnapshot);
        connect(m_context.queue, &sync::QueueService::ticketChanged, this, &QueuePage::ticketChanged);
        connect(m_context.queue, &sync::QueueService::nobodyWaiting, this,
            [this] { say(tr("No one is waiting in this window's services.")); });
        connect(m_context.queue, &sync::QueueService::failed, this, [this](const QString &m) {
            m_issuing = false;
            say(m, true);
        });
        connect(m_context.queue, &sync::QueueService::ticketIssued, this, &QueuePage::issued);
        // The waiting list follows the hall's events (QueueService::follow): a ticket issued at
        // the kiosk or called at another window shows at once.
        m_context.queue->follow();
        m_liveTimer->start();
    }
    if (m_context.devices)
        connect(m_context.devices, &CounterDevices::printed, this, [this](bool ok, const QString &message) {
            if (m_printing) // not another document on the shared printer
                printed(ok, message);
        });
    retranslate();
}

QueuePage::~QueuePage() = default;

void QueuePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QWidget::changeEvent(event);
}

void QueuePage::retranslate()
{
    m_ui->callNextButton->setText(tr("Call next (F1)"));
    m_ui->serveButton->setText(tr("Start intake (Enter)"));
    m_ui->recallButton->setText(tr("Recall (F2)"));
    m_ui->noShowButton->setText(tr("No-show (F3)"));
    m_ui->transferButton->setText(tr("Transfer (F4)"));
    m_ui->parkButton->setText(tr("Park (F5)"));
    m_ui->resumeButton->setText(tr("Resume (F6)"));
    m_ui->walkInButton->setText(tr("Walk-in ticket (F7)"));
    m_ui->walkInButton->setToolTip(tr("A ticket for the applicant at the window; a scanned notice or receipt QR "
                                      "makes it a return ticket for the case."));
    m_ui->reprintButton->setText(tr("Reprint ticket (F8)"));
    refreshCurrent();
    refreshTable();
}

void QueuePage::setHallSettings(const queue::HallSettings &settings)
{
    m_settings = settings;
    refreshCurrent();
}

QString QueuePage::message() const
{
    return m_ui->messageLabel->text();
}

void QueuePage::say(const QString &text, bool problem)
{
    m_ui->messageLabel->setStyleSheet(problem ? QStringLiteral("color: #b3261e;") : QString());
    m_ui->messageLabel->setText(text);
}

QString QueuePage::priorityText(queue::Priority priority)
{
    switch (priority) {
    case queue::Priority::None: return {};
    case queue::Priority::Elderly: return tr("Elderly");
    case queue::Priority::Disabled: return tr("Disabled");
    case queue::Priority::Pregnant: return tr("Pregnant");
    case queue::Priority::Military: return tr("Military");
    }
    return {};
}

QString QueuePage::waitText(qint64 seconds)
{
    const qint64 minutes = qMax<qint64>(0, seconds) / 60;
    if (minutes < 60)
        return tr("%n min", nullptr, int(minutes));
    return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

void QueuePage::showSnapshot(const queue::QueueSnapshot &snapshot)
{
    m_snapshot = snapshot;
    if (snapshot.current) {
        if (!m_current || m_current->id != snapshot.current->id) {
            m_caseId.clear();
            m_caseNumber.clear();
        }
        m_current = snapshot.current;
    } else {
        m_current.reset();
    }
    refreshCurrent();
    refreshTable();
}

void QueuePage::ticketChanged(const Ticket &ticket)
{
    const bool fresh = !m_current || m_current->id != ticket.id;
    const bool stays = ticket.state == TicketState::Called || ticket.state == TicketState::Serving;
    m_current = stays ? std::optional<Ticket>(ticket) : std::nullopt;
    if (fresh && ticket.state == TicketState::Called) {
        // A ticket newly called: its case begins here, at 受理 (a return ticket opens its case).
        m_caseId.clear();
        m_caseNumber.clear();
        if (m_openCase) {
            const auto opened = m_openCase(ticket);
            if (opened) {
                m_caseId = opened->first;
                m_caseNumber = opened->second;
                say(tr("Ticket %1 called; case %2 is open for it.").arg(ticket.number, m_caseNumber));
            } else {
                say(tr("Ticket %1 called, but its case could not be opened: %2").arg(ticket.number, opened.error()),
                    true);
            }
        } else {
            say(tr("Ticket %1 called.").arg(ticket.number));
        }
    } else {
        switch (ticket.state) {
        case TicketState::Called: say(tr("Ticket %1 called again.").arg(ticket.number)); break;
        case TicketState::Serving: say(tr("Serving ticket %1.").arg(ticket.number)); break;
        case TicketState::Parked: say(tr("Ticket %1 parked.").arg(ticket.number)); break;
        case TicketState::NoShow: say(tr("Ticket %1 marked as no-show.").arg(ticket.number)); break;
        case TicketState::Transferred: say(tr("Ticket %1 transferred.").arg(ticket.number)); break;
        case TicketState::Done: say(tr("Ticket %1 done.").arg(ticket.number)); break;
        case TicketState::Waiting: break;
        }
    }
    if (!stays) {
        m_caseId.clear();
        m_caseNumber.clear();
    }
    refreshCurrent();
    if (m_context.queue)
        m_context.queue->refresh();
}

void QueuePage::act(int action)
{
    if (!m_context.queue) {
        say(tr("This window has no queue (no back office)."), true);
        return;
    }
    if (action == kCallNext) {
        m_context.queue->callNext();
        return;
    }
    if (action == kWalkIn) {
        walkIn();
        return;
    }
    if (action == kReprint) {
        print();
        return;
    }
    const auto a = Action(action);
    if (a == Action::Serve) {
        serve();
        return;
    }
    if (a == Action::Transfer) {
        transfer();
        return;
    }
    if (a == Action::Resume) {
        const int row = m_ui->parkedList->currentRow();
        if (row < 0 || row >= m_snapshot.parked.size()) {
            say(tr("Choose a parked ticket to resume."), true);
            return;
        }
        m_context.queue->act(m_snapshot.parked.at(row).id, Action::Resume);
        return;
    }
    if (!m_current)
        return;
    m_context.queue->act(m_current->id, a);
}

void QueuePage::walkIn()
{
    if (m_walkIn || m_issuing)
        return;
    m_walkIn = new WalkInDialog(m_context, m_snapshot.categories, this);
    m_walkIn->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_walkIn, &QDialog::accepted, this, [this] {
        const WalkInDialog::Request r = m_walkIn->request();
        m_issuing = true;
        say(r.caseNumber.isEmpty() ? tr("Issuing a ticket…")
                                   : tr("Issuing a return ticket for case %1…").arg(r.caseNumber));
        m_context.queue->issue(r.category, r.priority, r.caseNumber);
    });
    m_walkIn->open();
}

void QueuePage::issued(const queue::Ticket &ticket, int ahead, const QString &follow)
{
    if (!m_issuing)
        return; // not this window's walk-in
    m_issuing = false;
    QString hall = m_context.window.office;
    if (hall.isEmpty())
        hall = m_context.window.windowName;
    m_slip = HallTicketSlip::of(ticket, ahead, follow, hall, m_snapshot.categories, m_context.queueFollowBase);
    const printer::PrinterProfile profile =
        m_context.devices ? m_context.devices->printerProfile() : m_context.printerProfile;
    const auto blocks = HallTicketSlip::blocks(*m_slip, profile);
    m_slipBlocks = blocks ? blocks.value() : QList<QByteArray>();
    m_slipProblem = blocks ? QString() : blocks.error();
    m_issuedText = ticket.caseNumber.isEmpty()
        ? tr("Ticket %1 issued (%2, %n waiting ahead).", nullptr, ahead)
              .arg(ticket.number, HallTicketSlip::categoryName(ticket.category, m_snapshot.categories))
        : tr("Return ticket %1 issued for case %2 (%n waiting ahead).", nullptr, ahead)
              .arg(ticket.number, ticket.caseNumber);
    print();
    if (m_context.queue)
        m_context.queue->refresh();
}

void QueuePage::print()
{
    if (!m_slip || m_printing)
        return;
    QString problem = m_slipProblem;
    if (problem.isEmpty() && (!m_context.devices || !m_context.devices->canPrint())) {
        problem = m_context.devices ? m_context.devices->printerProblem() : QString();
        if (problem.isEmpty())
            problem = tr("The receipt printer is not connected.");
    }
    if (!problem.isEmpty()) {
        printed(false, problem);
        return;
    }
    m_printing = true;
    m_ui->reprintButton->setEnabled(false);
    say(tr("%1 %2", "the ticket issued, then its printing").arg(m_issuedText, tr("Printing the ticket…")));
    m_context.devices->requestPrint(m_slipBlocks);
}

void QueuePage::printed(bool ok, const QString &message)
{
    if (!m_slip)
        return;
    m_printing = false;
    m_ui->reprintButton->setEnabled(true);
    if (ok) {
        say(tr("%1 %2", "the ticket issued, then its printing")
                .arg(m_issuedText, tr("The ticket is printed: hand it to the applicant.")));
        return;
    }
    // The ticket is in the queue whatever the printer does: the clerk tells the number or reprints.
    say(tr("%1 %2", "the ticket issued, then its printing")
            .arg(m_issuedText,
                tr("It could not be printed: %1 The ticket is in the queue: tell the applicant the number %2, or "
                   "reprint it (F8) once the printer is ready.")
                    .arg(message, m_slip->number)),
        true);
}

void QueuePage::serve()
{
    if (!m_current)
        return;
    if (m_current->state == TicketState::Called) {
        sync::QueueService::ActionArgs args;
        args.caseId = m_caseId;
        args.caseNumber = m_caseNumber;
        m_context.queue->act(m_current->id, Action::Serve, args);
    }
    Q_EMIT intakeRequested();
}

void QueuePage::transfer()
{
    if (!m_current || !m_context.askText)
        return;
    QStringList codes;
    for (const queue::CategoryLoad &c : std::as_const(m_snapshot.categories))
        codes << QStringLiteral("%1 (%2)").arg(c.code, c.name);
    const auto target = m_context.askText(tr("Transfer ticket %1").arg(m_current->number),
        tr("Window code (e.g. W03), or a service: %1").arg(codes.join(QStringLiteral(", "))));
    if (!target || target->trimmed().isEmpty())
        return;
    const QString t = target->trimmed();
    sync::QueueService::ActionArgs args;
    bool isCategory = false;
    for (const queue::CategoryLoad &c : std::as_const(m_snapshot.categories))
        isCategory = isCategory || c.code == t || c.name == t;
    if (isCategory) {
        for (const queue::CategoryLoad &c : std::as_const(m_snapshot.categories)) {
            if (c.code == t || c.name == t)
                args.toCategory = c.code;
        }
    } else {
        args.toWindow = t;
    }
    m_context.queue->act(m_current->id, Action::Transfer, args);
}

void QueuePage::refreshCurrent()
{
    const QDateTime now = m_context.clock->now();
    const bool hasQueue = m_context.queue != nullptr;
    m_ui->callNextButton->setEnabled(hasQueue);
    m_ui->resumeButton->setEnabled(hasQueue && m_ui->parkedList->currentRow() >= 0);
    m_ui->walkInButton->setEnabled(hasQueue);
    m_ui->reprintButton->setEnabled(m_slip.has_value() && !m_printing);
    if (!m_current) {
        m_ui->currentNumberLabel->setText(QStringLiteral("—"));
        m_ui->currentCategoryLabel->setText(hasQueue
                ? tr("No ticket is called to this window. Press F1 to call the next applicant.")
                : tr("This window has no queue: it needs a back office, or a station's own queue."));
        m_ui->currentWaitLabel->clear();
        m_ui->currentPriorityLabel->clear();
        m_ui->currentStateLabel->clear();
        for (QPushButton *b :
            {m_ui->serveButton, m_ui->recallButton, m_ui->noShowButton, m_ui->transferButton, m_ui->parkButton})
            b->setEnabled(false);
        m_ui->actionHintLabel->clear();
        return;
    }
    const Ticket &t = *m_current;
    m_ui->currentNumberLabel->setText(t.number);
    QString category = t.category;
    for (const queue::CategoryLoad &c : std::as_const(m_snapshot.categories)) {
        if (c.code == t.category)
            category = c.name;
    }
    m_ui->currentCategoryLabel->setText(category);
    const QDateTime calledAt = t.lastCalledAt.isValid() ? t.lastCalledAt : now;
    m_ui->currentWaitLabel->setText(
        tr("Taken at %1, waited %2")
            .arg(t.issuedAt.toLocalTime().toString(QStringLiteral("HH:mm")), waitText(t.queuedAt.secsTo(calledAt))));
    const QString priority = priorityText(t.priority);
    m_ui->currentPriorityLabel->setText(priority.isEmpty() ? QString() : tr("Priority: %1").arg(priority));
    const bool called = t.state == TicketState::Called;
    QString state =
        called ? tr("Called %n time(s); waiting for the applicant.", nullptr, t.calls) : tr("Being served.");
    if (!m_caseNumber.isEmpty())
        state += QLatin1Char(' ') + tr("Case %1.").arg(m_caseNumber);
    else if (!t.caseNumber.isEmpty())
        state += QLatin1Char(' ') + tr("Case %1.").arg(t.caseNumber);
    m_ui->currentStateLabel->setText(state);

    m_ui->serveButton->setEnabled(true);
    m_ui->transferButton->setEnabled(true);
    m_ui->parkButton->setEnabled(true);
    const QDateTime recallAt = queue::QueueRules::recallAllowedAt(t, m_settings);
    const bool recallable = called && (!recallAt.isValid() || recallAt <= now);
    const bool noShow = called && queue::QueueRules::mayMarkNoShow(t, m_settings, now);
    m_ui->recallButton->setEnabled(recallable);
    m_ui->noShowButton->setEnabled(noShow);
    QStringList hints;
    if (called && !recallable && recallAt.isValid()) {
        const qint64 secs = now.secsTo(recallAt);
        hints << tr("Recall is possible in %n second(s): the applicant needs time to come.", nullptr, int(secs));
        m_recallTimer->start(int(qBound(qint64(0), now.msecsTo(recallAt), qint64(24 * 3600 * 1000))) + 50);
    }
    if (called && !noShow)
        hints << tr(
            "No-show only after %n call(s), the recall delay after the last.", nullptr, m_settings.noShowAfterCalls);
    m_ui->recallButton->setToolTip(hints.value(0));
    m_ui->actionHintLabel->setText(hints.join(QLatin1Char(' ')));
}

void QueuePage::refreshTable()
{
    const QDateTime now = m_context.clock->now();
    const QList<Ticket> &next = m_snapshot.next;
    m_ui->waitingTitleLabel->setText(tr("Waiting for this window: %n", nullptr, int(next.size())));
    m_ui->ticketTable->setRowCount(int(next.size()));
    for (int row = 0; row < int(next.size()); ++row) {
        const Ticket &t = next.at(row);
        QString category = t.category;
        for (const queue::CategoryLoad &c : std::as_const(m_snapshot.categories)) {
            if (c.code == t.category)
                category = c.name;
        }
        const QStringList cells {t.number, category, t.issuedAt.toLocalTime().toString(QStringLiteral("HH:mm")),
            waitText(t.queuedAt.secsTo(now)), priorityText(t.priority)};
        for (int col = 0; col < cells.size(); ++col)
            m_ui->ticketTable->setItem(row, col, new QTableWidgetItem(cells.at(col)));
    }
    m_ui->emptyLabel->setVisible(next.isEmpty());
    m_ui->parkedTitleLabel->setText(tr("Parked here: %n", nullptr, int(m_snapshot.parked.size())));
    const int keep = m_ui->parkedList->currentRow();
    m_ui->parkedList->clear();
    for (const Ticket &t : std::as_const(m_snapshot.parked))
        m_ui->parkedList->addItem(QStringLiteral("%1  %2").arg(t.number, t.category));
    if (keep >= 0 && keep < m_ui->parkedList->count())
        m_ui->parkedList->setCurrentRow(keep);
    m_ui->parkedTitleLabel->setVisible(!m_snapshot.parked.isEmpty());
    m_ui->parkedList->setVisible(!m_snapshot.parked.isEmpty());
}

} // namespace ow::ui
