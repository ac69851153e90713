#include "onewindow/backoffice/HallQueue.h"

#include "onewindow/backoffice/Database.h"
#include "onewindow/backoffice/EventLog.h"
#include "onewindow/backoffice/Secrets.h"
#include "onewindow/queue/Category.h"
#include "onewindow/queue/QueueRules.h"
#include "onewindow/queue/QueueSnapshot.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <algorithm>

namespace ow::backoffice {

using queue::Priority;
using queue::QueueRules;
using queue::Ticket;
using queue::TicketSource;
using queue::TicketState;

namespace {

const QString kColumns = QStringLiteral(
    "id, hall, number, category, source, priority, issued_at, queued_at, appointment_id, slot_start, slot_end,"
    " case_id, case_number, state, calls, last_called_at, window_key_id, target_window, last_seq");
constexpr int kLastSeqColumn = 18;
// China Standard Time: a hall's day (ticket numbers start again at 001 each day).
constexpr int kHallUtcOffset = 8 * 3600;
constexpr int kTransactionAttempts = 5;

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant nullableTime(const QDateTime &t)
{
    return t.isValid() ? QVariant(isoUtc(t)) : QVariant(QMetaType::fromType<QString>());
}

QDateTime timeOf(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

ApiReply forbidden(const QString &message)
{
    return ApiReply::error(403, QStringLiteral("forbidden"), message);
}

ApiReply notFound(const QString &message)
{
    return ApiReply::error(404, QStringLiteral("not-found"), message);
}

ApiReply badRequest(const QString &message)
{
    return ApiReply::error(400, QStringLiteral("bad-request"), message);
}

bool isDevice(const Principal &who)
{
    return who.role == QLatin1String("kiosk") || who.role == QLatin1String("display");
}

bool readsEveryHall(const Principal &who)
{
    return who.role == QLatin1String("admin") || who.role == QLatin1String("supervisor");
}

QString hallDay(const QDateTime &now)
{
    return now.toOffsetFromUtc(kHallUtcOffset).date().toString(Qt::ISODate);
}

} // namespace

HallQueue::HallQueue(Database &db, EventLog &events, Clock clock)
    : m_db(db)
    , m_events(events)
    , m_clock(std::move(clock))
    , m_stats(db)
{ }

ApiReply HallQueue::fail(const QString &what)
{
    m_db.rollback();
    return ApiReply::storage(what);
}

ApiResult<HallQueue::HallInfo> HallQueue::loadHall(const QString &hall)
{
    auto q = m_db.exec(QStringLiteral("SELECT code, name, settings FROM halls WHERE code = ?"), {hall});
    if (!q)
        return ApiReply::storage(q.error());
    if (!q.value().next())
        return notFound(QStringLiteral("There is no hall %1.").arg(hall.left(40)));
    return hallFrom(q.value());
}

ApiResult<HallQueue::HallInfo> HallQueue::loadHallOfWindow(const QString &window, QString *atWindow)
{
    // One round trip (call next runs it each time, in its transaction).
    auto q = m_db.exec(QStringLiteral("SELECT h.code, h.name, h.settings, (SELECT number FROM tickets"
                                      " WHERE window_key_id = w.window_key_id AND state IN ('called', 'serving')"
                                      " LIMIT 1) FROM hall_windows w JOIN halls h ON h.code = w.hall"
                                      " WHERE w.window_key_id = ?"),
        {window});
    if (!q)
        return ApiReply::storage(q.error());
    if (!q.value().next())
        return notFound(QStringLiteral("The window is in no hall (admin set-hall)."));
    if (atWindow)
        *atWindow = q.value().value(3).toString();
    return hallFrom(q.value());
}

ApiResult<HallQueue::HallInfo> HallQueue::hallFrom(const QSqlQuery &q)
{
    const QString hall = q.value(0).toString();
    HallInfo info;
    info.code = hall;
    info.name = q.value(1).toString();
    auto settings = queue::HallSettings::fromJson(QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object());
    if (!settings)
        return ApiReply::storage(QStringLiteral("hall %1: %2").arg(hall, settings.error()));
    info.settings = *settings;
    return info;
}

ApiResult<QString> HallQueue::hallOfWindow(const QString &window)
{
    auto q = m_db.exec(QStringLiteral("SELECT hall FROM hall_windows WHERE window_key_id = ?"), {window});
    if (!q)
        return ApiReply::storage(q.error());
    if (!q.value().next())
        return QString();
    return q.value().value(0).toString();
}

ApiReply HallQueue::mayRead(const Principal &who, const QString &hall)
{
    if (readsEveryHall(who))
        return ApiReply::empty(200);
    if (isDevice(who))
        return who.hall == hall ? ApiReply::empty(200) : forbidden(QStringLiteral("This device is not of this hall."));
    if (who.isWindowRole()) {
        auto own = hallOfWindow(who.window);
        if (!own)
            return own.error;
        if (*own.value == hall)
            return ApiReply::empty(200);
    }
    return forbidden(QStringLiteral("Only the hall's windows, devices, supervisors and admins see its queue."));
}

Ticket HallQueue::ticketFrom(const QSqlQuery &q)
{
    Ticket t;
    t.id = q.value(0).toString();
    t.hall = q.value(1).toString();
    t.number = q.value(2).toString();
    t.category = q.value(3).toString();
    t.source = queue::ticketSourceFromString(q.value(4).toString()).value();
    t.priority = queue::priorityFromString(q.value(5).toString()).value();
    t.issuedAt = timeOf(q.value(6));
    t.queuedAt = timeOf(q.value(7));
    t.appointmentId = q.value(8).toString();
    t.slotStart = timeOf(q.value(9));
    t.slotEnd = timeOf(q.value(10));
    t.caseId = q.value(11).toString();
    t.caseNumber = q.value(12).toString();
    t.state = queue::ticketStateFromString(q.value(13).toString()).value();
    t.calls = q.value(14).toInt();
    t.lastCalledAt = timeOf(q.value(15));
    t.window = q.value(16).toString();
    t.targetWindow = q.value(17).toString();
    return t;
}

ApiResult<Ticket> HallQueue::loadTicket(const QString &id, bool lock, int *lastSeq)
{
    auto q = m_db.exec(
        QStringLiteral("SELECT %1 FROM tickets WHERE id = ?%2").arg(kColumns, lock ? m_db.forUpdate() : QString()),
        {id});
    if (!q)
        return ApiReply::storage(q.error());
    if (!q.value().next())
        return notFound(QStringLiteral("There is no such ticket."));
    if (lastSeq)
        *lastSeq = q.value().value(kLastSeqColumn).toInt();
    return ticketFrom(q.value());
}

QString HallQueue::insertTicket(const Ticket &t, const queue::HallSettings &settings, int lastSeq)
{
    auto q = m_db.exec(QStringLiteral("INSERT INTO tickets (%1, day, rank_class, rank_key)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                           .arg(kColumns),
        {t.id, t.hall, t.number, t.category, queue::sourceName(t.source), queue::priorityName(t.priority),
            isoUtc(t.issuedAt), isoUtc(t.queuedAt), nullable(t.appointmentId), nullableTime(t.slotStart),
            nullableTime(t.slotEnd), nullable(t.caseId), nullable(t.caseNumber), queue::stateName(t.state), t.calls,
            nullableTime(t.lastCalledAt), nullable(t.window), nullable(t.targetWindow), lastSeq, hallDay(t.issuedAt),
            QueueRules::isOnTimeAppointment(t, settings) ? 1 : 2, isoUtc(QueueRules::rankKey(t, settings))});
    return q ? QString() : q.error();
}

QString HallQueue::addEvent(const QString &ticketId, int seq, const QString &kind, const QDateTime &at,
    const QString &window, const QString &clerk, const QJsonObject &data, const QDateTime &queuedAt)
{
    auto q = m_db.exec(QStringLiteral("INSERT INTO ticket_events (ticket_id, seq, kind, at, window_key_id, clerk, data)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {ticketId, seq, kind, isoUtc(at), nullable(window), nullable(clerk), compact(data)});
    if (!q)
        return q.error();
    return m_stats.ticketEvent(ticketId, kind, at, window, clerk, queuedAt);
}

QString HallQueue::saveTicket(
    const Ticket &t, int expectedSeq, const QString &kind, const Principal &who, const QJsonObject &data)
{
    auto q = m_db.exec(QStringLiteral("UPDATE tickets SET category = ?, state = ?, calls = ?, last_called_at = ?,"
                                      " window_key_id = ?, target_window = ?, case_id = ?, case_number = ?,"
                                      " last_seq = ? WHERE id = ? AND last_seq = ?"),
        {t.category, queue::stateName(t.state), t.calls, nullableTime(t.lastCalledAt), nullable(t.window),
            nullable(t.targetWindow), nullable(t.caseId), nullable(t.caseNumber), expectedSeq + 1, t.id, expectedSeq});
    if (!q)
        return q.error();
    if (q.value().numRowsAffected() != 1)
        return QStringLiteral("ticket %1 changed meanwhile").arg(t.id);
    return addEvent(t.id, expectedSeq + 1, kind, m_clock(), who.window, who.user, data, t.queuedAt);
}

QString HallQueue::announce(const Ticket &t, const QString &type)
{
    // case_id is NOT NULL in the event tables: "" (not a null QString) when the ticket has no case.
    return m_events.append(QLatin1String(EventLog::kHallPrefix) + t.hall, type,
        t.caseId.isEmpty() ? QStringLiteral("") : t.caseId, QString(),
        QJsonObject {{QStringLiteral("ticket"), t.id}, {QStringLiteral("number"), t.number},
            {QStringLiteral("category"), t.category}, {QStringLiteral("window"), t.window}});
}

ApiResult<QString> HallQueue::nextNumber(const QString &hall, const QString &day, const QString &prefix)
{
    auto made = m_db.exec(QStringLiteral("INSERT INTO ticket_numbers (hall, day, prefix, last_no) VALUES (?, ?, ?, 0)"
                                         " ON CONFLICT (hall, day, prefix) DO NOTHING"),
        {hall, day, prefix});
    if (!made)
        return ApiReply::storage(made.error());
    auto bumped = m_db.exec(QStringLiteral("UPDATE ticket_numbers SET last_no = last_no + 1"
                                           " WHERE hall = ? AND day = ? AND prefix = ?"),
        {hall, day, prefix});
    if (!bumped)
        return ApiReply::storage(bumped.error());
    auto last =
        m_db.exec(QStringLiteral("SELECT last_no FROM ticket_numbers WHERE hall = ? AND day = ? AND prefix = ?"),
            {hall, day, prefix});
    if (!last)
        return ApiReply::storage(last.error());
    if (!last.value().next())
        return ApiReply::storage(QStringLiteral("ticket numbers of %1 are missing").arg(hall));
    return QueueRules::ticketNumber(prefix, last.value().value(0).toInt());
}

ApiResult<int> HallQueue::peopleAhead(const Ticket &t, const queue::HallSettings &settings)
{
    auto q = m_db.exec(QStringLiteral("SELECT %1 FROM tickets WHERE hall = ? AND category = ? AND target_window IS NULL"
                                      " AND state IN ('waiting', 'transferred')")
                           .arg(kColumns),
        {t.hall, t.category});
    if (!q)
        return ApiReply::storage(q.error());
    const QDateTime now = m_clock();
    const auto mine = QueueRules::orderKey(t, settings, now);
    int ahead = 0;
    while (q.value().next()) {
        const Ticket other = ticketFrom(q.value());
        if (other.id != t.id && QueueRules::orderKey(other, settings, now) < mine)
            ++ahead;
    }
    return ahead;
}

ApiReply HallQueue::readHall(const Principal &who, const QString &hallCode)
{
    auto info = loadHall(hallCode);
    if (!info)
        return info.error;
    const ApiReply allowed = mayRead(who, hallCode);
    if (allowed.isError())
        return allowed;
    auto cats = m_db.exec(
        QStringLiteral("SELECT code, name, letter FROM hall_categories WHERE hall = ? ORDER BY position"), {hallCode});
    if (!cats)
        return ApiReply::storage(cats.error());
    QJsonArray categories;
    while (cats.value().next())
        categories.append(queue::Category {
            cats.value().value(0).toString(), cats.value().value(1).toString(), cats.value().value(2).toString()}
                              .toJson());
    auto wins = m_db.exec(QStringLiteral("SELECT w.window_key_id, c.category FROM hall_windows w"
                                         " LEFT JOIN hall_window_categories c ON c.window_key_id = w.window_key_id"
                                         " WHERE w.hall = ? ORDER BY w.window_key_id, c.category"),
        {hallCode});
    if (!wins)
        return ApiReply::storage(wins.error());
    QJsonArray windows;
    QString current;
    QJsonArray currentCats;
    const auto flush = [&] {
        if (!current.isEmpty())
            windows.append(
                QJsonObject {{QStringLiteral("window"), current}, {QStringLiteral("categories"), currentCats}});
    };
    while (wins.value().next()) {
        const QString w = wins.value().value(0).toString();
        if (w != current) {
            flush();
            current = w;
            currentCats = QJsonArray();
        }
        if (!wins.value().value(1).isNull())
            currentCats.append(wins.value().value(1).toString());
    }
    flush();
    return ApiReply::json(200,
        QJsonObject {{QStringLiteral("hall"), info.value->code}, {QStringLiteral("name"), info.value->name},
            {QStringLiteral("categories"), categories}, {QStringLiteral("settings"), info.value->settings.toJson()},
            {QStringLiteral("windows"), windows}});
}

ApiReply HallQueue::readQueue(const Principal &who, const QString &hallCode)
{
    auto info = loadHall(hallCode);
    if (!info)
        return info.error;
    const ApiReply allowed = mayRead(who, hallCode);
    if (allowed.isError())
        return allowed;
    const QDateTime now = m_clock();
    const queue::HallSettings &settings = info.value->settings;
    queue::QueueSnapshot snapshot;
    snapshot.hall = hallCode;
    snapshot.at = now;
    auto cats = m_db.exec(
        QStringLiteral("SELECT code, name, letter FROM hall_categories WHERE hall = ? ORDER BY position"), {hallCode});
    if (!cats)
        return ApiReply::storage(cats.error());
    while (cats.value().next())
        snapshot.categories.append({cats.value().value(0).toString(), cats.value().value(1).toString(),
            cats.value().value(2).toString(), 0, 0});
    auto waiting = m_db.exec(
        QStringLiteral("SELECT %1 FROM tickets WHERE hall = ? AND state IN ('waiting', 'transferred')").arg(kColumns),
        {hallCode});
    if (!waiting)
        return ApiReply::storage(waiting.error());
    QList<Ticket> all;
    while (waiting.value().next())
        all.append(ticketFrom(waiting.value()));
    for (const Ticket &t : all) {
        for (queue::CategoryLoad &c : snapshot.categories) {
            if (c.code == t.category) {
                ++c.waiting;
                c.longestWaitSeconds = std::max(c.longestWaitSeconds, std::max<qint64>(0, t.queuedAt.secsTo(now)));
            }
        }
    }
    auto calls = m_db.exec(QStringLiteral("SELECT cursor_no, type, at, data FROM hall_events WHERE hall_key = ?"
                                          " AND type IN ('call', 'recall', 'resume') AND cursor_no IS NOT NULL"
                                          " ORDER BY cursor_no DESC LIMIT %1")
                               .arg(kLatestCalls),
        {QLatin1String(EventLog::kHallPrefix) + hallCode});
    if (!calls)
        return ApiReply::storage(calls.error());
    while (calls.value().next()) {
        const QJsonObject data = QJsonDocument::fromJson(calls.value().value(3).toString().toUtf8()).object();
        queue::HallCall c;
        c.cursor = calls.value().value(0).toLongLong();
        c.type = calls.value().value(1).toString();
        c.at = timeOf(calls.value().value(2));
        c.ticket = data.value(QLatin1String("ticket")).toString();
        c.number = data.value(QLatin1String("number")).toString();
        c.category = data.value(QLatin1String("category")).toString();
        c.window = data.value(QLatin1String("window")).toString();
        snapshot.calls.append(c);
    }
    if (who.isWindowRole()) {
        auto mine = m_db.exec(QStringLiteral("SELECT %1 FROM tickets WHERE window_key_id = ?"
                                             " AND state IN ('called', 'serving', 'parked') ORDER BY last_called_at")
                                  .arg(kColumns),
            {who.window});
        if (!mine)
            return ApiReply::storage(mine.error());
        while (mine.value().next()) {
            const Ticket t = ticketFrom(mine.value());
            if (t.state == TicketState::Parked)
                snapshot.parked.append(t);
            else
                snapshot.current = t;
        }
        auto served = m_db.exec(
            QStringLiteral("SELECT category FROM hall_window_categories WHERE window_key_id = ?"), {who.window});
        if (!served)
            return ApiReply::storage(served.error());
        QStringList categories;
        while (served.value().next())
            categories.append(served.value().value(0).toString());
        QList<std::pair<QueueRules::OrderKey, Ticket>> ordered;
        for (const Ticket &t : all) {
            if (QueueRules::mayCall(t, who.window, categories))
                ordered.append({QueueRules::orderKey(t, settings, now), t});
        }
        std::sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        for (qsizetype i = 0; i < ordered.size() && i < kNextShown; ++i)
            snapshot.next.append(ordered.at(i).second);
    }
    return ApiReply::json(200, snapshot.toJson());
}

ApiReply HallQueue::issueTicket(const Principal &who, const HallInfo &hall, Ticket t, const QString &appointmentId)
{
    const QDateTime now = m_clock();
    t.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    t.hall = hall.code;
    t.issuedAt = now;
    t.queuedAt = now;
    t.state = TicketState::Waiting;
    for (int attempt = 1;; ++attempt) {
        if (!m_db.begin())
            return ApiReply::storage(m_db.lastError());
        auto letter = m_db.exec(
            QStringLiteral("SELECT letter FROM hall_categories WHERE hall = ? AND code = ?"), {hall.code, t.category});
        if (!letter)
            return fail(letter.error());
        if (!letter.value().next()) {
            m_db.rollback();
            return notFound(QStringLiteral("The hall has no category %1.").arg(t.category.left(64)));
        }
        const QString prefix = letter.value().value(0).toString();
        if (!appointmentId.isEmpty()) {
            auto claimed = m_db.exec(QStringLiteral("UPDATE appointments SET state = 'checked-in', ticket_id = ?"
                                                    " WHERE id = ? AND state = 'booked'"),
                {t.id, appointmentId});
            if (!claimed)
                return fail(claimed.error());
            if (claimed.value().numRowsAffected() != 1) {
                m_db.rollback();
                return ApiReply::error(409, QStringLiteral("checked-in"),
                    QStringLiteral("This appointment was checked in already or cancelled."));
            }
        }
        auto number = nextNumber(hall.code, hallDay(now), prefix);
        if (!number) {
            m_db.rollback();
            return number.error;
        }
        t.number = *number.value;
        QString failed = insertTicket(t, hall.settings, 1);
        if (failed.isEmpty())
            failed =
                addEvent(t.id, 1, appointmentId.isEmpty() ? QStringLiteral("issued") : QStringLiteral("checked-in"),
                    now, who.window, who.user,
                    QJsonObject {{QStringLiteral("source"), queue::sourceName(t.source)},
                        {QStringLiteral("priority"), queue::priorityName(t.priority)},
                        {QStringLiteral("number"), t.number}, {QStringLiteral("category"), t.category}});
        // The hall's windows see the new ticket in their waiting lists by the events' long-poll.
        if (failed.isEmpty())
            failed = announce(t, QStringLiteral("issue"));
        if (failed.isEmpty() && m_db.commit()) {
            m_events.publish();
            break;
        }
        const bool again = m_db.lastErrorRetryable() && attempt < kTransactionAttempts;
        const QString why = failed.isEmpty() ? m_db.lastError() : failed;
        m_db.rollback();
        if (!again)
            return ApiReply::storage(why);
    }
    auto ahead = peopleAhead(t, hall.settings);
    if (!ahead)
        return ahead.error;
    return ApiReply::json(201,
        QJsonObject {{QStringLiteral("ticket"), t.toJson()}, {QStringLiteral("ahead"), *ahead.value},
            {QStringLiteral("follow"), QStringLiteral("/v1/tickets/%1/follow").arg(t.id)}});
}

ApiReply HallQueue::issue(const Principal &who, const QString &hallCode, const QJsonObject &body)
{
    auto info = loadHall(hallCode);
    if (!info)
        return info.error;
    Ticket t;
    if (who.role == QLatin1String("kiosk") && who.hall == hallCode) {
        t.source = TicketSource::Kiosk;
    } else if (who.isWindowRole()) {
        auto own = hallOfWindow(who.window);
        if (!own)
            return own.error;
        if (*own.value != hallCode)
            return forbidden(QStringLiteral("Tickets are issued by the hall's kiosks and windows."));
        t.source = TicketSource::Window;
    } else {
        return forbidden(QStringLiteral("Tickets are issued by the hall's kiosks and windows."));
    }
    t.category = body.value(QLatin1String("category")).toString();
    if (t.category.isEmpty())
        return badRequest(QStringLiteral("A ticket needs a category."));
    const QJsonValue priority = body.value(QLatin1String("priority"));
    if (!priority.isUndefined()) {
        auto p = queue::priorityFromString(priority.toString());
        if (!p)
            return badRequest(p.error());
        t.priority = *p;
    }
    const QJsonValue caseNumber = body.value(QLatin1String("caseNumber"));
    if (!caseNumber.isUndefined()) {
        if (!caseNumber.isString() || caseNumber.toString().isEmpty() || caseNumber.toString().size() > 64)
            return badRequest(QStringLiteral("caseNumber is the case number of a notice or receipt."));
        auto q =
            m_db.exec(QStringLiteral("SELECT case_id FROM case_numbers WHERE number = ?"), {caseNumber.toString()});
        if (!q)
            return ApiReply::storage(q.error());
        if (!q.value().next())
            return notFound(QStringLiteral("There is no case with this number."));
        t.caseId = q.value().value(0).toString();
        t.caseNumber = caseNumber.toString();
        t.source = TicketSource::Return;
    }
    return issueTicket(who, *info.value, t, QString());
}

ApiReply HallQueue::checkIn(
    const Principal &who, const QString &hallCode, const QString &appointmentId, const QJsonObject &body)
{
    auto info = loadHall(hallCode);
    if (!info)
        return info.error;
    const bool kiosk = who.role == QLatin1String("kiosk") && who.hall == hallCode;
    if (!kiosk) {
        if (!who.isWindowRole())
            return forbidden(QStringLiteral("Appointments are checked in at the hall's kiosks and windows."));
        auto own = hallOfWindow(who.window);
        if (!own)
            return own.error;
        if (*own.value != hallCode)
            return forbidden(QStringLiteral("Appointments are checked in at the hall's kiosks and windows."));
    }
    auto q = m_db.exec(QStringLiteral("SELECT category, slot_start, slot_end, state FROM appointments"
                                      " WHERE id = ? AND hall = ?"),
        {appointmentId, hallCode});
    if (!q)
        return ApiReply::storage(q.error());
    if (!q.value().next())
        return notFound(QStringLiteral("There is no such appointment in this hall."));
    Ticket t;
    t.source = TicketSource::Appointment;
    t.appointmentId = appointmentId;
    t.category = q.value().value(0).toString();
    t.slotStart = timeOf(q.value().value(1));
    t.slotEnd = timeOf(q.value().value(2));
    if (q.value().value(3).toString() != QLatin1String("booked"))
        return ApiReply::error(
            409, QStringLiteral("checked-in"), QStringLiteral("This appointment was checked in already or cancelled."));
    if (hallDay(t.slotStart) != hallDay(m_clock()))
        return ApiReply::error(
            409, QStringLiteral("not-today"), QStringLiteral("This appointment is for another day."));
    const QJsonValue priority = body.value(QLatin1String("priority"));
    if (!priority.isUndefined()) {
        auto p = queue::priorityFromString(priority.toString());
        if (!p)
            return badRequest(p.error());
        t.priority = *p;
    }
    return issueTicket(who, *info.value, t, appointmentId);
}

ApiReply HallQueue::checkInByApplicant(
    const Principal &who, const QString &hallCode, const QString &idHmac, const QJsonObject &body)
{
    auto info = loadHall(hallCode);
    if (!info)
        return info.error;
    if (!(who.role == QLatin1String("kiosk") && who.hall == hallCode)) {
        if (!who.isWindowRole())
            return forbidden(QStringLiteral("Appointments are checked in at the hall's kiosks and windows."));
        auto own = hallOfWindow(who.window);
        if (!own)
            return own.error;
        if (*own.value != hallCode)
            return forbidden(QStringLiteral("Appointments are checked in at the hall's kiosks and windows."));
    }
    auto q = m_db.exec(QStringLiteral("SELECT id, slot_start FROM appointments"
                                      " WHERE hall = ? AND id_hmac = ? AND state = 'booked' ORDER BY slot_start, id"),
        {hallCode, idHmac});
    if (!q)
        return ApiReply::storage(q.error());
    const QString today = hallDay(m_clock());
    while (q.value().next()) {
        if (hallDay(timeOf(q.value().value(1))) == today)
            return checkIn(who, hallCode, q.value().value(0).toString(), body);
    }
    return ApiReply::error(
        404, QStringLiteral("no-appointment"), QStringLiteral("No appointment today for this ID card."));
}

ApiReply HallQueue::callNext(const Principal &who, const QString &window)
{
    if (!who.isWindowRole() || who.window != window)
        return forbidden(QStringLiteral("A window calls only for itself."));
    const bool postgres = m_db.dialect() == Database::Dialect::Postgres;
    for (int attempt = 1;; ++attempt) {
        if (!m_db.begin())
            return ApiReply::storage(m_db.lastError());
        QString atWindow;
        auto info = loadHallOfWindow(window, &atWindow);
        if (!info) {
            m_db.rollback();
            return info.error;
        }
        if (!atWindow.isEmpty()) {
            m_db.rollback();
            return ApiReply::error(409, QStringLiteral("window-busy"),
                QStringLiteral("Ticket %1 is still at this window: finish, park or transfer it first.").arg(atWindow));
        }
        const QString hallCode = info.value->code;
        const queue::HallSettings &settings = info.value->settings;
        const QDateTime now = m_clock();
        const QString nowText = isoUtc(now);
        const QString cutoff = isoUtc(now.addSecs(-settings.maxPriorityDelay));
        // QueueRules::orderKey in SQL, one class after the other, each read in the order of its
        // own partial index over the waiting tickets, so a call reads a few index entries instead
        // of sorting the hall's whole waiting line: overdue tickets by queued_at; on-time
        // appointments whose slot has started by slot; everybody else by rank_key; then by number.
        // One statement: COALESCE runs a class's subquery only when the ones before found none.
        // PostgreSQL skips the rows another caller holds, so concurrent windows take the next
        // tickets instead of waiting; the outer lock (on a row this call holds already) reads the
        // row's latest version.
        const QString mine = QStringLiteral(" AND (target_window = ? OR (target_window IS NULL AND category IN"
                                            " (SELECT category FROM hall_window_categories WHERE window_key_id = ?)))");
        const QString skip = postgres ? QStringLiteral(" FOR UPDATE SKIP LOCKED") : QString();
        const QString waiting =
            QStringLiteral("(SELECT id FROM tickets WHERE hall = ? AND state IN ('waiting', 'transferred')");
        auto next = m_db.exec(QStringLiteral("SELECT %1 FROM tickets WHERE id = COALESCE(").arg(kColumns) + waiting
                + QStringLiteral(" AND queued_at <= ?") + mine + QStringLiteral(" ORDER BY queued_at, number LIMIT 1")
                + skip + QStringLiteral("), ") + waiting
                + QStringLiteral(" AND rank_class = 1 AND slot_start <= ? AND queued_at > ?") + mine
                + QStringLiteral(" ORDER BY slot_start, number LIMIT 1") + skip + QStringLiteral("), ") + waiting
                + QStringLiteral(" AND queued_at > ? AND NOT (rank_class = 1 AND slot_start <= ?)") + mine
                + QStringLiteral(" ORDER BY rank_key, number LIMIT 1") + skip + QStringLiteral("))")
                + (postgres ? QStringLiteral(" FOR UPDATE") : QString()),
            {hallCode, cutoff, window, window, hallCode, nowText, cutoff, window, window, hallCode, cutoff, nowText,
                window, window});
        if (!next)
            return fail(next.error());
        if (!next.value().next()) {
            m_db.rollback();
            return ApiReply::empty(204);
        }
        const Ticket before = ticketFrom(next.value());
        const int seq = next.value().value(kLastSeqColumn).toInt();
        auto called = QueueRules::call(before, window, now);
        if (!called) {
            m_db.rollback();
            return ApiReply::error(409, QStringLiteral("ticket-state"), called.error());
        }
        QString failed = saveTicket(*called, seq, QStringLiteral("called"), who, QJsonObject());
        if (failed.isEmpty())
            failed = announce(*called, QStringLiteral("call"));
        if (failed.isEmpty() && m_db.commit()) {
            m_events.publish();
            return ApiReply::json(200, called->toJson());
        }
        const bool again = m_db.lastErrorRetryable() && attempt < kTransactionAttempts;
        const QString why = failed.isEmpty() ? m_db.lastError() : failed;
        m_db.rollback();
        if (!again)
            return ApiReply::storage(why);
    }
}

ApiReply HallQueue::act(const Principal &who, const QString &ticketId, const QString &action, const QJsonObject &body)
{
    static const QStringList actions {QStringLiteral("serve"), QStringLiteral("recall"), QStringLiteral("no-show"),
        QStringLiteral("park"), QStringLiteral("resume"), QStringLiteral("done"), QStringLiteral("transfer")};
    if (!actions.contains(action))
        return notFound(QStringLiteral("There is no action %1 on a ticket.").arg(action.left(20)));
    if (!who.isWindowRole())
        return forbidden(QStringLiteral("Only a window's clerk or station acts on a ticket."));
    const QString toWindow = body.value(QLatin1String("toWindow")).toString();
    const QString toCategory = body.value(QLatin1String("toCategory")).toString();
    const QString caseId = body.value(QLatin1String("caseId")).toString();
    const QString caseNumber = body.value(QLatin1String("caseNumber")).toString();
    if (caseId.size() > 64 || caseNumber.size() > 64 || toWindow.size() > 40 || toCategory.size() > 64)
        return badRequest(QStringLiteral("A field is too long."));
    if (action == QLatin1String("transfer") && toWindow.isEmpty() == toCategory.isEmpty())
        return badRequest(QStringLiteral("Transfer to either toWindow or toCategory."));
    for (int attempt = 1;; ++attempt) {
        const QDateTime now = m_clock();
        if (!m_db.begin())
            return ApiReply::storage(m_db.lastError());
        int seq = 0;
        auto loaded = loadTicket(ticketId, true, &seq);
        if (!loaded) {
            m_db.rollback();
            return loaded.error;
        }
        const Ticket before = *loaded.value;
        if (before.window != who.window) {
            m_db.rollback();
            return forbidden(QStringLiteral("The ticket is not at this window."));
        }
        // The hall's settings rule a recall and a no-show only.
        queue::HallSettings settings;
        if (action == QLatin1String("recall") || action == QLatin1String("no-show")) {
            auto hall = loadHall(before.hall);
            if (!hall) {
                m_db.rollback();
                return hall.error;
            }
            settings = hall.value->settings;
        }
        if (action == QLatin1String("transfer")) {
            auto q = toWindow.isEmpty()
                ? m_db.exec(QStringLiteral("SELECT 1 FROM hall_categories WHERE hall = ? AND code = ?"),
                    {before.hall, toCategory})
                : m_db.exec(QStringLiteral("SELECT 1 FROM hall_windows WHERE hall = ? AND window_key_id = ?"),
                    {before.hall, toWindow});
            if (!q)
                return fail(q.error());
            if (!q.value().next()) {
                m_db.rollback();
                return notFound(QStringLiteral("The hall has no such window or category."));
            }
        }
        Result<Ticket> after = Result<Ticket>::failure(QString());
        QJsonObject data;
        QString announced;
        if (action == QLatin1String("serve")) {
            after = QueueRules::serve(before, who.window);
            if (after && !caseId.isEmpty()) {
                after.value().caseId = caseId;
                after.value().caseNumber = caseNumber;
                data = QJsonObject {{QStringLiteral("case"), caseId}, {QStringLiteral("caseNumber"), caseNumber}};
            }
        } else if (action == QLatin1String("recall")) {
            after = QueueRules::recall(before, who.window, settings, now);
            announced = QStringLiteral("recall");
        } else if (action == QLatin1String("no-show")) {
            after = QueueRules::noShow(before, who.window, settings, now);
        } else if (action == QLatin1String("park")) {
            after = QueueRules::park(before, who.window);
        } else if (action == QLatin1String("resume")) {
            after = QueueRules::resume(before, who.window, now);
            announced = QStringLiteral("resume");
        } else if (action == QLatin1String("done")) {
            after = QueueRules::done(before, who.window);
        } else {
            after = QueueRules::transfer(before, who.window, toWindow, toCategory);
            data = QJsonObject {{QStringLiteral("from"), who.window}, {QStringLiteral("toWindow"), toWindow},
                {QStringLiteral("toCategory"), toCategory}};
            announced = QStringLiteral("transfer");
        }
        if (!after) {
            m_db.rollback();
            return ApiReply::error(409, QStringLiteral("ticket-state"), after.error());
        }
        static const QHash<QString, QString> kinds {{QStringLiteral("serve"), QStringLiteral("served")},
            {QStringLiteral("recall"), QStringLiteral("recalled")},
            {QStringLiteral("no-show"), QStringLiteral("no-show")}, {QStringLiteral("park"), QStringLiteral("parked")},
            {QStringLiteral("resume"), QStringLiteral("resumed")}, {QStringLiteral("done"), QStringLiteral("done")},
            {QStringLiteral("transfer"), QStringLiteral("transferred")}};
        QString failed = saveTicket(*after, seq, kinds.value(action), who, data);
        if (failed.isEmpty() && !announced.isEmpty())
            failed = announce(*after, announced);
        if (failed.isEmpty() && m_db.commit()) {
            m_events.publish();
            return ApiReply::json(200, after->toJson());
        }
        const bool again = m_db.lastErrorRetryable() && attempt < kTransactionAttempts;
        const QString why = failed.isEmpty() ? m_db.lastError() : failed;
        m_db.rollback();
        if (!again)
            return ApiReply::storage(why);
    }
}

ApiReply HallQueue::readTicket(const Principal &who, const QString &ticketId)
{
    auto t = loadTicket(ticketId, false);
    if (!t)
        return t.error;
    // A station's own tickets (its hall is its window): that station, supervisors, admins.
    const bool stationTicket = t.value->source == TicketSource::Station;
    if (stationTicket ? !(readsEveryHall(who) || who.window == t.value->hall) : mayRead(who, t.value->hall).isError())
        return forbidden(QStringLiteral("Only the hall's windows, supervisors and admins read a ticket's log."));
    auto q = m_db.exec(QStringLiteral("SELECT seq, kind, at, window_key_id, clerk, data FROM ticket_events"
                                      " WHERE ticket_id = ? ORDER BY seq"),
        {ticketId});
    if (!q)
        return ApiReply::storage(q.error());
    QJsonArray events;
    while (q.value().next())
        events.append(
            QJsonObject {{QStringLiteral("ticket"), ticketId}, {QStringLiteral("seq"), q.value().value(0).toInt()},
                {QStringLiteral("kind"), q.value().value(1).toString()},
                {QStringLiteral("at"), q.value().value(2).toString()},
                {QStringLiteral("window"),
                    q.value().value(3).isNull() ? QJsonValue() : QJsonValue(q.value().value(3).toString())},
                {QStringLiteral("clerk"),
                    q.value().value(4).isNull() ? QJsonValue() : QJsonValue(q.value().value(4).toString())},
                {QStringLiteral("data"), QJsonDocument::fromJson(q.value().value(5).toString().toUtf8()).object()}});
    return ApiReply::json(
        200, QJsonObject {{QStringLiteral("ticket"), t.value->toJson()}, {QStringLiteral("events"), events}});
}

ApiReply HallQueue::follow(const QString &ticketId)
{
    if (QUuid::fromString(ticketId).isNull())
        return notFound(QStringLiteral("There is no such ticket."));
    auto t = loadTicket(ticketId, false);
    if (!t)
        return t.error;
    int ahead = 0;
    if (t.value->isWaiting() && t.value->source != TicketSource::Station) {
        auto hall = loadHall(t.value->hall);
        if (!hall)
            return hall.error;
        auto n = peopleAhead(*t.value, hall.value->settings);
        if (!n)
            return n.error;
        ahead = *n.value;
    }
    return ApiReply::json(200,
        QJsonObject {{QStringLiteral("number"), t.value->number}, {QStringLiteral("category"), t.value->category},
            {QStringLiteral("state"), queue::stateName(t.value->state)}, {QStringLiteral("ahead"), ahead},
            {QStringLiteral("window"), t.value->window.isEmpty() ? QJsonValue() : QJsonValue(t.value->window)}});
}

ApiReply HallQueue::pushStation(const Principal &who, const QString &window, const QJsonObject &body)
{
    if (who.role != QLatin1String("station") || who.window != window)
        return forbidden(QStringLiteral("A station pushes only its own queue."));
    const QJsonValue ticketsValue = body.value(QLatin1String("tickets"));
    const QJsonValue eventsValue = body.value(QLatin1String("events"));
    if (!ticketsValue.isArray() || !eventsValue.isArray())
        return badRequest(QStringLiteral("A station's queue is {tickets: [...], events: [...]}."));
    QList<Ticket> tickets;
    QHash<QString, int> lastSeq;
    for (const QJsonValue &v : ticketsValue.toArray()) {
        auto t = Ticket::fromJson(v.toObject());
        if (!t)
            return badRequest(t.error());
        if (t->source != TicketSource::Station || t->hall != window)
            return forbidden(QStringLiteral("A station pushes only tickets of its own queue (hall %1).").arg(window));
        if (!t->window.isEmpty() && t->window != window)
            return forbidden(QStringLiteral("A station's ticket is at that station only."));
        tickets.append(*t);
        lastSeq.insert(t->id, 0);
    }
    struct Event
    {
        QString ticket;
        int seq;
        QString kind;
        QString at;
        QString clerk;
        QString data;
    };
    static const QStringList kinds {QStringLiteral("issued"), QStringLiteral("called"), QStringLiteral("recalled"),
        QStringLiteral("served"), QStringLiteral("parked"), QStringLiteral("resumed"), QStringLiteral("transferred"),
        QStringLiteral("no-show"), QStringLiteral("done")};
    QList<Event> events;
    for (const QJsonValue &v : eventsValue.toArray()) {
        const QJsonObject o = v.toObject();
        Event e {o.value(QLatin1String("ticket")).toString(), o.value(QLatin1String("seq")).toInt(),
            o.value(QLatin1String("kind")).toString(), QString(), o.value(QLatin1String("clerk")).toString(),
            compact(o.value(QLatin1String("data")).toObject())};
        const QDateTime at = QDateTime::fromString(o.value(QLatin1String("at")).toString(), Qt::ISODateWithMs);
        if (!lastSeq.contains(e.ticket) || e.seq < 1 || !kinds.contains(e.kind) || !at.isValid())
            return badRequest(QStringLiteral("An event names no pushed ticket, or its seq, kind or time do not read."));
        e.at = isoUtc(at);
        lastSeq[e.ticket] = std::max(lastSeq.value(e.ticket), e.seq);
        events.append(e);
    }
    const queue::HallSettings settings;
    for (int attempt = 1;; ++attempt) {
        if (!m_db.begin())
            return ApiReply::storage(m_db.lastError());
        int stored = 0;
        int applied = 0;
        int acknowledged = 0;
        QString failed;
        for (const Ticket &t : tickets) {
            auto have = m_db.exec(
                QStringLiteral("SELECT hall, last_seq FROM tickets WHERE id = ?%1").arg(m_db.forUpdate()), {t.id});
            if (!have)
                return fail(have.error());
            const int pushedSeq = lastSeq.value(t.id);
            if (!have.value().next()) {
                failed = insertTicket(t, settings, pushedSeq);
                ++stored;
            } else if (have.value().value(0).toString() != window) {
                m_db.rollback();
                return forbidden(QStringLiteral("A ticket of another queue has this id."));
            } else if (have.value().value(1).toInt() < pushedSeq) {
                auto q = m_db.exec(QStringLiteral("UPDATE tickets SET category = ?, state = ?, calls = ?,"
                                                  " last_called_at = ?, window_key_id = ?, target_window = ?,"
                                                  " case_id = ?, case_number = ?, last_seq = ? WHERE id = ?"),
                    {t.category, queue::stateName(t.state), t.calls, nullableTime(t.lastCalledAt), nullable(t.window),
                        nullable(t.targetWindow), nullable(t.caseId), nullable(t.caseNumber), pushedSeq, t.id});
                if (!q)
                    failed = q.error();
                ++stored;
            }
            if (!failed.isEmpty())
                break;
        }
        for (const Event &e : events) {
            if (!failed.isEmpty())
                break;
            auto have =
                m_db.exec(QStringLiteral("SELECT kind, at, data FROM ticket_events WHERE ticket_id = ? AND seq = ?"),
                    {e.ticket, e.seq});
            if (!have) {
                failed = have.error();
                break;
            }
            if (have.value().next()) {
                if (have.value().value(0).toString() != e.kind || have.value().value(1).toString() != e.at
                    || have.value().value(2).toString() != e.data) {
                    m_db.rollback();
                    return ApiReply::error(409, QStringLiteral("entry-conflict"),
                        QStringLiteral("Event %1 of ticket %2 is stored with other content.").arg(e.seq).arg(e.ticket));
                }
                ++acknowledged;
                continue;
            }
            failed = addEvent(e.ticket, e.seq, e.kind, QDateTime::fromString(e.at, Qt::ISODateWithMs), window, e.clerk,
                QJsonDocument::fromJson(e.data.toUtf8()).object());
            ++applied;
        }
        if (failed.isEmpty() && m_db.commit())
            return ApiReply::json(200,
                QJsonObject {{QStringLiteral("tickets"), stored}, {QStringLiteral("applied"), applied},
                    {QStringLiteral("acknowledged"), acknowledged}});
        const bool again = m_db.lastErrorRetryable() && attempt < kTransactionAttempts;
        const QString why = failed.isEmpty() ? m_db.lastError() : failed;
        m_db.rollback();
        if (!again)
            return ApiReply::storage(why);
    }
}

ApiResult<QString> HallQueue::eventKey(const Principal &who, const QString &hallCode)
{
    auto info = loadHall(hallCode);
    if (!info)
        return info.error;
    const ApiReply allowed = mayRead(who, hallCode);
    if (allowed.isError())
        return allowed;
    return QLatin1String(EventLog::kHallPrefix) + hallCode;
}

QJsonObject HallQueue::hallEventsPage(const QJsonObject &page)
{
    QJsonArray calls;
    for (const QJsonValue &v : page.value(QLatin1String("events")).toArray()) {
        const QJsonObject e = v.toObject();
        const QJsonObject data = e.value(QLatin1String("data")).toObject();
        calls.append(QJsonObject {{QStringLiteral("cursor"), e.value(QLatin1String("cursor"))},
            {QStringLiteral("type"), e.value(QLatin1String("type"))},
            {QStringLiteral("ticket"), data.value(QLatin1String("ticket"))},
            {QStringLiteral("number"), data.value(QLatin1String("number"))},
            {QStringLiteral("category"), data.value(QLatin1String("category"))},
            {QStringLiteral("window"), data.value(QLatin1String("window"))},
            {QStringLiteral("at"), e.value(QLatin1String("at"))}});
    }
    return QJsonObject {
        {QStringLiteral("events"), calls}, {QStringLiteral("cursor"), page.value(QLatin1String("cursor"))}};
}

Result<bool> HallQueue::setHall(const QJsonObject &d)
{
    using R = Result<bool>;
    const QString code = d.value(QLatin1String("hall")).toString().trimmed();
    const QString name = d.value(QLatin1String("name")).toString().trimmed();
    if (code.isEmpty() || code.size() > 32 || name.isEmpty())
        return R::failure(QStringLiteral("A hall needs \"hall\" (its code, at most 32 characters) and \"name\"."));
    auto settings = queue::HallSettings::fromJson(d.value(QLatin1String("settings")).toObject());
    if (!settings)
        return R::failure(settings.error());
    QList<queue::Category> categories;
    for (const QJsonValue &v : d.value(QLatin1String("categories")).toArray()) {
        auto c = queue::Category::fromJson(v.toObject());
        if (!c)
            return R::failure(c.error());
        categories.append(*c);
    }
    if (categories.isEmpty())
        return R::failure(QStringLiteral("A hall needs at least one category."));
    if (!m_db.begin())
        return R::failure(m_db.lastError());
    const auto run = [this](const QString &sql, const QVariantList &binds) -> QString {
        auto q = m_db.exec(sql, binds);
        return q ? QString() : q.error();
    };
    QString failed =
        run(QStringLiteral("INSERT INTO halls (code, name, settings, created_at) VALUES (?, ?, ?, ?)"
                           " ON CONFLICT (code) DO UPDATE SET name = excluded.name, settings = excluded.settings"),
            {code, name, compact(settings->toJson()), isoUtc(m_clock())});
    if (failed.isEmpty())
        failed = run(QStringLiteral("DELETE FROM hall_window_categories WHERE window_key_id IN"
                                    " (SELECT window_key_id FROM hall_windows WHERE hall = ?)"),
            {code});
    if (failed.isEmpty())
        failed = run(QStringLiteral("DELETE FROM hall_windows WHERE hall = ?"), {code});
    if (failed.isEmpty())
        failed = run(QStringLiteral("DELETE FROM hall_categories WHERE hall = ?"), {code});
    for (qsizetype i = 0; failed.isEmpty() && i < categories.size(); ++i)
        failed = run(
            QStringLiteral("INSERT INTO hall_categories (hall, code, name, letter, position) VALUES (?, ?, ?, ?, ?)"),
            {code, categories.at(i).code, categories.at(i).name, categories.at(i).letter, int(i)});
    for (const QJsonValue &v : d.value(QLatin1String("windows")).toArray()) {
        if (!failed.isEmpty())
            break;
        const QJsonObject w = v.toObject();
        const QString key = w.value(QLatin1String("window")).toString();
        failed = run(QStringLiteral("INSERT INTO hall_windows (window_key_id, hall) VALUES (?, ?)"), {key, code});
        if (!failed.isEmpty())
            failed = QStringLiteral("window %1: %2 (is it added with admin add-window, and in no other hall?)")
                         .arg(key, failed);
        for (const QJsonValue &c : w.value(QLatin1String("categories")).toArray()) {
            if (!failed.isEmpty())
                break;
            const bool known = std::any_of(categories.begin(), categories.end(),
                [&c](const queue::Category &k) { return k.code == c.toString(); });
            if (!known)
                failed = QStringLiteral("window %1 serves %2, which is no category of the hall").arg(key, c.toString());
            else
                failed =
                    run(QStringLiteral("INSERT INTO hall_window_categories (window_key_id, category) VALUES (?, ?)"),
                        {key, c.toString()});
        }
    }
    if (failed.isEmpty() && m_db.commit())
        return true;
    const QString why = failed.isEmpty() ? m_db.lastError() : failed;
    m_db.rollback();
    return R::failure(why);
}

Result<QString> HallQueue::addDevice(
    const QString &hall, const QString &kind, const QString &name, const QString &given)
{
    using R = Result<QString>;
    if (kind != QLatin1String("kiosk") && kind != QLatin1String("display"))
        return R::failure(QStringLiteral("--kind is kiosk or display."));
    if (name.trimmed().isEmpty() || name.size() > 100)
        return R::failure(QStringLiteral("--name names the device."));
    auto token = given.isEmpty() ? Secrets::newToken() : Result<QString>(given);
    if (!token)
        return R::failure(token.error());
    auto q = m_db.exec(QStringLiteral("INSERT INTO hall_devices (name, hall, kind, token_hash, created_at)"
                                      " VALUES (?, ?, ?, ?, ?)"),
        {name.trimmed(), hall, kind, Secrets::sha256Hex(token->toLatin1()), isoUtc(m_clock())});
    if (!q)
        return R::failure(QStringLiteral("%1 (is there a hall %2, and no device of that name?)").arg(q.error(), hall));
    return *token;
}

Result<QString> HallQueue::addAppointment(
    const QString &hall, const QString &category, const QDateTime &slotStart, int minutes, const QString &idHmac)
{
    using R = Result<QString>;
    if (!slotStart.isValid() || minutes < 1 || minutes > 24 * 60)
        return R::failure(QStringLiteral("An appointment needs --slot ISO-TIME and --minutes 1–1440."));
    auto c = m_db.exec(QStringLiteral("SELECT 1 FROM hall_categories WHERE hall = ? AND code = ?"), {hall, category});
    if (!c)
        return R::failure(c.error());
    if (!c.value().next())
        return R::failure(QStringLiteral("The hall %1 has no category %2.").arg(hall, category));
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto q = m_db.exec(QStringLiteral("INSERT INTO appointments (id, hall, category, slot_start, slot_end, id_hmac,"
                                      " state, created_at) VALUES (?, ?, ?, ?, ?, ?, 'booked', ?)"),
        {id, hall, category, isoUtc(slotStart), isoUtc(slotStart.addSecs(60 * minutes)), nullable(idHmac),
            isoUtc(m_clock())});
    if (!q)
        return R::failure(q.error());
    return id;
}

} // namespace ow::backoffice
