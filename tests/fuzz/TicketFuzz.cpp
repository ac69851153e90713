#include "TicketFuzz.h"

#include "onewindow/queue/HallSettings.h"
#include "onewindow/queue/QueueRules.h"
#include "onewindow/queue/QueueSnapshot.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdlib>

using namespace ow::queue;

int owFuzzTicketJson(const uint8_t *data, size_t size)
{
    const QJsonObject json =
        QJsonDocument::fromJson(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)))
            .object();
    const auto ticket = Ticket::fromJson(json);
    if (!ticket) {
        if (ticket.error().isEmpty())
            std::abort();
    } else {
        const auto again = Ticket::fromJson(ticket->toJson());
        if (!again || *again != *ticket)
            std::abort();
        const HallSettings settings;
        const QDateTime now = ticket->issuedAt.addSecs(3600);
        const QString window = ticket->window.isEmpty() ? QStringLiteral("W01") : ticket->window;
        (void)QueueRules::orderKey(*ticket, settings, now);
        if (const auto called = QueueRules::call(*ticket, window, now)) {
            if (called->state != TicketState::Called || called->window != window || called->calls != 1)
                std::abort();
        }
        if (const auto r = QueueRules::recall(*ticket, window, settings, now)) {
            if (r->calls != ticket->calls + 1 || now < QueueRules::recallAllowedAt(*ticket, settings))
                std::abort();
        }
        if (const auto n = QueueRules::noShow(*ticket, window, settings, now)) {
            if (ticket->calls < settings.noShowAfterCalls)
                std::abort();
        }
        if (const auto t = QueueRules::transfer(*ticket, window, QStringLiteral("W99"), QString())) {
            if (t->queuedAt != ticket->queuedAt || !t->isWaiting())
                std::abort();
        }
        (void)QueueRules::park(*ticket, window);
        (void)QueueRules::resume(*ticket, window, now);
        (void)QueueRules::done(*ticket, window);
        (void)QueueRules::serve(*ticket, window);
    }
    const auto settings = HallSettings::fromJson(json);
    if (settings) {
        const auto again = HallSettings::fromJson(settings->toJson());
        if (!again || !(*again == *settings))
            std::abort();
    } else if (settings.error().isEmpty()) {
        std::abort();
    }
    const auto snapshot = QueueSnapshot::fromJson(json);
    if (snapshot) {
        const auto again = QueueSnapshot::fromJson(snapshot->toJson());
        if (!again || again->next.size() != snapshot->next.size() || again->calls.size() != snapshot->calls.size())
            std::abort();
    } else if (snapshot.error().isEmpty()) {
        std::abort();
    }
    return 0;
}
