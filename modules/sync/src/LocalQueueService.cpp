#include "onewindow/sync/LocalQueueService.h"

#include "onewindow/queue/QueueRules.h"
#include "onewindow/store/CaseRepository.h"
#include "onewindow/store/Store.h"

#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <utility>

namespace ow::sync {

using queue::QueueRules;
using queue::Ticket;
using queue::TicketState;

namespace {
constexpr int kCallsShown = 10;
}

LocalQueueService::LocalQueueService(
    store::Store &store, QString window, QString prefix, const Clock &clock, QObject *parent)
    : QueueService(parent)
    , m_store(store)
    , m_journal(store)
    , m_window(std::move(window))
    , m_prefix(std::move(prefix))
    , m_clock(clock)
{ }

bool LocalQueueService::isValidPrefix(const QString &prefix)
{
    return prefix.isEmpty() || (prefix.size() == 1 && prefix.at(0) >= u'A' && prefix.at(0) <= u'Z');
}

QString LocalQueueService::eventKind(Action action)
{
    switch (action) {
    case Action::Serve: return QStringLiteral("served");
    case Action::Recall: return QStringLiteral("recalled");
    case Action::NoShow: return QStringLiteral("no-show");
    case Action::Park: return QStringLiteral("parked");
    case Action::Resume: return QStringLiteral("resumed");
    case Action::Done: return QStringLiteral("done");
    case Action::Transfer: return QStringLiteral("transferred");
    }
    return QString();
}

void LocalQueueService::later(std::function<void()> f)
{
    QTimer::singleShot(0, this, std::move(f));
}

void LocalQueueService::fail(const QString &message)
{
    later([this, message] { Q_EMIT failed(message); });
}

QStringList LocalQueueService::categoryCodes() const
{
    QStringList codes;
    for (const queue::Category &c : m_categories)
        codes << c.code;
    return codes;
}

Result<queue::QueueSnapshot> LocalQueueService::snapshot() const
{
    using R = Result<queue::QueueSnapshot>;
    queue::QueueSnapshot s;
    s.hall = m_window;
    s.at = m_clock.now().toUTC();
    auto tickets = m_journal.tickets(s.at.toLocalTime().date());
    if (!tickets)
        return R::failure(tickets.error());
    QHash<QString, Ticket> byId;
    QList<Ticket> waiting;
    for (const Ticket &t : tickets.value()) {
        byId.insert(t.id, t);
        if ((t.state == TicketState::Called || t.state == TicketState::Serving) && t.window == m_window)
            s.current = t;
        if (t.state == TicketState::Parked && t.window == m_window)
            s.parked << t;
        if (QueueRules::mayCall(t, m_window, categoryCodes()))
            waiting << t;
    }
    std::sort(waiting.begin(), waiting.end(), [&](const Ticket &a, const Ticket &b) {
        return QueueRules::orderKey(a, m_settings, s.at) < QueueRules::orderKey(b, m_settings, s.at);
    });
    s.next = waiting;
    for (const queue::Category &c : m_categories) {
        queue::CategoryLoad load {c.code, c.name, c.letter, 0, 0};
        for (const Ticket &t : tickets.value()) {
            if (t.category == c.code && t.isWaiting()) {
                ++load.waiting;
                load.longestWaitSeconds = std::max(load.longestWaitSeconds, t.queuedAt.secsTo(s.at));
            }
        }
        s.categories << load;
    }
    auto calls = m_journal.latestCalls(kCallsShown);
    if (!calls)
        return R::failure(calls.error());
    qint64 cursor = calls->size();
    for (const StationQueueJournal::Event &e : calls.value()) {
        queue::HallCall call;
        call.cursor = cursor--;
        call.type = e.kind == QLatin1String("recalled") ? QStringLiteral("recall")
            : e.kind == QLatin1String("resumed")        ? QStringLiteral("resume")
                                                        : QStringLiteral("call");
        call.ticket = e.ticket;
        const auto t = byId.constFind(e.ticket);
        if (t != byId.constEnd()) {
            call.number = t->number;
            call.category = t->category;
        } else {
            auto old = m_journal.ticket(e.ticket);
            if (old) {
                call.number = old->number;
                call.category = old->category;
            }
        }
        call.window = m_window;
        call.at = e.at;
        s.calls << call;
    }
    return s;
}

void LocalQueueService::refresh()
{
    auto s = snapshot();
    if (!s)
        return fail(s.error());
    later([this, current = s.value()] { Q_EMIT snapshotReady(current); });
}

void LocalQueueService::commit(const Result<Ticket> &after, const QString &kind, const QJsonObject &data)
{
    if (!after)
        return fail(after.error());
    const QString err = m_journal.record(after.value(), kind, m_clock.now().toUTC(), m_clerk, data);
    if (!err.isEmpty())
        return fail(tr("The station's queue could not be saved: %1").arg(err));
    Q_EMIT changed();
    later([this, t = after.value()] { Q_EMIT ticketChanged(t); });
}

void LocalQueueService::callNext()
{
    const QDateTime now = m_clock.now().toUTC();
    auto tickets = m_journal.tickets(now.toLocalTime().date());
    if (!tickets)
        return fail(tickets.error());
    const auto i = QueueRules::pickNext(tickets.value(), m_window, categoryCodes(), m_settings, now);
    if (!i) {
        later([this] { Q_EMIT nobodyWaiting(); });
        return;
    }
    commit(QueueRules::call(tickets->at(*i), m_window, now), QStringLiteral("called"), {});
}

void LocalQueueService::act(const QString &ticketId, Action action, const ActionArgs &args)
{
    auto found = m_journal.ticket(ticketId);
    if (!found)
        return fail(found.error());
    const Ticket &t = found.value();
    const QDateTime now = m_clock.now().toUTC();
    QJsonObject data;
    switch (action) {
    case Action::Serve: {
        auto served = QueueRules::serve(t, m_window);
        if (served) {
            if (!args.caseId.isEmpty())
                served.value().caseId = args.caseId;
            if (!args.caseNumber.isEmpty())
                served.value().caseNumber = args.caseNumber;
            if (!args.caseId.isEmpty())
                data.insert(QStringLiteral("caseId"), args.caseId);
            if (!args.caseNumber.isEmpty())
                data.insert(QStringLiteral("caseNumber"), args.caseNumber);
        }
        return commit(served, eventKind(action), data);
    }
    case Action::Recall: return commit(QueueRules::recall(t, m_window, m_settings, now), eventKind(action), data);
    case Action::NoShow: return commit(QueueRules::noShow(t, m_window, m_settings, now), eventKind(action), data);
    case Action::Park: return commit(QueueRules::park(t, m_window), eventKind(action), data);
    case Action::Resume: return commit(QueueRules::resume(t, m_window, now), eventKind(action), data);
    case Action::Done: return commit(QueueRules::done(t, m_window), eventKind(action), data);
    case Action::Transfer:
        // A station is one window: its tickets move between its categories only.
        if (!args.toWindow.isEmpty() && args.toWindow != m_window)
            return fail(tr("A station's ticket stays at the station: transfer it to another category."));
        if (!args.toCategory.isEmpty() && !categoryCodes().contains(args.toCategory))
            return fail(tr("The station has no category %1.").arg(args.toCategory));
        data.insert(QStringLiteral("toCategory"), args.toCategory);
        return commit(QueueRules::transfer(t, m_window, QString(), args.toCategory), eventKind(action), data);
    }
}

void LocalQueueService::checkIn(const QString &, ow::queue::Priority)
{
    later([this] { Q_EMIT noAppointment(); });
}

void LocalQueueService::issue(const QString &category, ow::queue::Priority priority, const QString &caseNumber)
{
    if (!categoryCodes().contains(category))
        return fail(tr("The station has no category %1.").arg(category));
    Ticket t;
    t.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    t.hall = m_window;
    t.category = category;
    t.source = queue::TicketSource::Station;
    t.priority = priority;
    t.issuedAt = t.queuedAt = m_clock.now().toUTC();
    if (!caseNumber.isEmpty()) {
        // A return ticket (a notice or receipt QR scanned at the station's window): its case is in
        // this store, and calling the ticket opens it.
        auto record = store::CaseRepository(m_store).findByNumber(caseNumber);
        if (!record)
            return fail(tr("The station has no case %1: %2").arg(caseNumber, record.error()));
        t.caseId = record->id;
        t.caseNumber = caseNumber;
    }
    QString prefix = m_prefix;
    if (prefix.isEmpty()) {
        for (const queue::Category &c : std::as_const(m_categories)) {
            if (c.code == category)
                prefix = c.letter;
        }
    }
    auto tickets = m_journal.tickets(t.issuedAt.toLocalTime().date());
    if (!tickets)
        return fail(tickets.error());
    auto issued =
        m_journal.issue(t, prefix, m_clerk, QJsonObject {{QStringLiteral("priority"), queue::priorityName(priority)}});
    if (!issued)
        return fail(tr("The station's queue could not be saved: %1").arg(issued.error()));
    // Ahead: whoever this station would call before it now.
    const auto mine = QueueRules::orderKey(issued.value(), m_settings, t.issuedAt);
    int ahead = 0;
    for (const Ticket &o : tickets.value()) {
        if (QueueRules::mayCall(o, m_window, {category}) && QueueRules::orderKey(o, m_settings, t.issuedAt) < mine)
            ++ahead;
    }
    Q_EMIT changed();
    later([this, ticket = issued.value(), ahead] { Q_EMIT ticketIssued(ticket, ahead, QString()); });
}

} // namespace ow::sync
