// BackOfficeServer's routes of the hall's queue: each authenticates and hands over to HallQueue
// (the worker's own on a worker thread, see runsOnEventLoop).
#include "onewindow/backoffice/BackOfficeServer.h"
#include "onewindow/backoffice/Database.h"
#include "onewindow/backoffice/EventLog.h"
#include "onewindow/backoffice/EventWaiters.h"
#include "onewindow/backoffice/HallQueue.h"
#include "onewindow/backoffice/Sealer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <limits>

namespace ow::backoffice {

namespace {

// An empty body is an empty object (call next, most actions); otherwise a JSON object.
ApiResult<QJsonObject> objectBody(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError err {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError)
        return ApiReply::error(400, QStringLiteral("invalid-json"),
            QStringLiteral("The body is not valid JSON (%1 at offset %2).").arg(err.errorString()).arg(err.offset));
    if (!doc.isObject())
        return ApiReply::error(400, QStringLiteral("bad-request"), QStringLiteral("The body is a JSON object."));
    return doc.object();
}

} // namespace

ApiReply BackOfficeServer::readHall(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    return hallQueue().readHall(*who.value, r.params.value(QStringLiteral("hall")));
}

ApiReply BackOfficeServer::readHallQueue(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    return hallQueue().readQueue(*who.value, r.params.value(QStringLiteral("hall")));
}

ApiReply BackOfficeServer::issueTicket(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    auto body = objectBody(r.body());
    if (!body)
        return body.error;
    const QString hall = r.params.value(QStringLiteral("hall"));
    const QJsonValue caseNumber = body.value->value(QLatin1String("caseNumber"));
    if (caseNumber.isString() && !body.value->contains(QLatin1String("category"))) {
        // A return ticket at the kiosk (a scanned notice or receipt QR): the applicant chooses no
        // service; the ticket goes to the category the case's accepting window serves in this
        // hall (the first by the hall's order), else to the hall's first category.
        auto q = database().exec(QStringLiteral("SELECT c.code FROM case_numbers n"
                                                " JOIN hall_window_categories w ON w.window_key_id = n.window_key_id"
                                                " JOIN hall_categories c ON c.hall = ? AND c.code = w.category"
                                                " WHERE n.number = ? ORDER BY c.position LIMIT 1"),
            {hall, caseNumber.toString()});
        if (!q)
            return ApiReply::storage(q.error());
        QString category;
        if (q.value().next()) {
            category = q.value().value(0).toString();
        } else {
            auto first = database().exec(
                QStringLiteral("SELECT code FROM hall_categories WHERE hall = ? ORDER BY position LIMIT 1"), {hall});
            if (!first)
                return ApiReply::storage(first.error());
            if (first.value().next())
                category = first.value().value(0).toString();
        }
        if (!category.isEmpty())
            body.value->insert(QStringLiteral("category"), category);
    }
    return hallQueue().issue(*who.value, hall, *body.value);
}

ApiReply BackOfficeServer::checkInAppointment(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    auto body = objectBody(r.body());
    if (!body)
        return body.error;
    return hallQueue().checkIn(*who.value, r.params.value(QStringLiteral("hall")),
        r.params.value(QStringLiteral("appointmentId")), *body.value);
}

ApiReply BackOfficeServer::checkInByIdCard(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    auto body = objectBody(r.body());
    if (!body)
        return body.error;
    // The number is matched by its blind index only: never stored, logged or answered.
    const QString number = Sealer::normaliseIdNumber(body.value->value(QLatin1String("idNumber")).toString());
    if (number.isEmpty() || number.size() > 32)
        return ApiReply::error(400, QStringLiteral("bad-request"),
            QStringLiteral("idNumber is the ID number read from the card (at most 32 characters)."));
    QJsonObject rest = *body.value;
    rest.remove(QStringLiteral("idNumber"));
    return hallQueue().checkInByApplicant(
        *who.value, r.params.value(QStringLiteral("hall")), m_sealer->blindIndex(number), rest);
}

ApiReply BackOfficeServer::callNext(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    return hallQueue().callNext(*who.value, r.params.value(QStringLiteral("window")));
}

ApiReply BackOfficeServer::pushStationTickets(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    auto body = objectBody(r.body());
    if (!body)
        return body.error;
    return hallQueue().pushStation(*who.value, r.params.value(QStringLiteral("window")), *body.value);
}

ApiReply BackOfficeServer::readTicket(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    return hallQueue().readTicket(*who.value, r.params.value(QStringLiteral("ticketId")));
}

ApiReply BackOfficeServer::followTicket(const Request &r)
{
    return hallQueue().follow(r.params.value(QStringLiteral("ticketId")));
}

ApiReply BackOfficeServer::actOnTicket(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    auto body = objectBody(r.body());
    if (!body)
        return body.error;
    // The action is the path's last segment (one route per action: /v1/tickets/{ticketId}/recall …).
    return hallQueue().act(
        *who.value, r.params.value(QStringLiteral("ticketId")), r.path.section(QLatin1Char('/'), -1), *body.value);
}

ApiReply BackOfficeServer::readHallEvents(const Request &r)
{
    auto who = authenticate(r);
    if (!who)
        return who.error;
    const QUrlQuery query = r.query();
    auto number = [&query](const char *name, qint64 fallback, qint64 lo, qint64 hi, qint64 *out) {
        const QString text = query.queryItemValue(QLatin1String(name));
        if (text.isEmpty()) {
            *out = fallback;
            return true;
        }
        bool ok = false;
        *out = text.toLongLong(&ok);
        return ok && *out >= lo && *out <= hi;
    };
    qint64 after = 0;
    qint64 wait = 0;
    qint64 limit = EventLog::kDefaultLimit;
    if (!number("after", 0, 0, std::numeric_limits<qint64>::max(), &after)
        || !number("wait", 0, 0, EventLog::kMaxWaitSeconds, &wait)
        || !number("limit", EventLog::kDefaultLimit, 1, EventLog::kMaxLimit, &limit))
        return ApiReply::error(400, QStringLiteral("bad-request"),
            QStringLiteral("after is a cursor (a whole number from 0), wait 0–%1 seconds, limit 1–%2.")
                .arg(EventLog::kMaxWaitSeconds)
                .arg(EventLog::kMaxLimit));
    auto key = hallQueue().eventKey(*who.value, r.params.value(QStringLiteral("hall")));
    if (!key)
        return key.error;
    // The first read on a worker; an empty page waits on the event loop (EventWaiters).
    const QString eventKey = *key.value;
    const quint64 seen = m_waiters->generation(eventKey);
    auto page = events().read(eventKey, after, int(limit));
    if (!page)
        return page.error;
    if (wait > 0 && page.value->value(QLatin1String("events")).toArray().isEmpty()) {
        // The waiter answers with EventLog's page: HallEvents is made from it by the handle's
        // transform (HallQueue::hallEventsPage).
        QMetaObject::invokeMethod(
            m_waiters.get(),
            [waiters = m_waiters.get(), eventKey, after, limit, wait,
                handle = r.later().transformed(&HallQueue::hallEventsPage),
                seen] { waiters->wait(eventKey, after, int(limit), int(wait), handle, seen); },
            Qt::QueuedConnection);
        return ApiReply::later();
    }
    return ApiReply::json(200, HallQueue::hallEventsPage(*page.value));
}

} // namespace ow::backoffice
