#pragma once

// A hall's queue in memory behind sync::QueueService, decided by the real rules (queue::QueueRules),
// for the GUI tests of the kiosk, the queue section and the hall display: what a station's own
// queue does, without its store. Answers come as queued signals, as from the real services.

#include "onewindow/core/Clock.h"
#include "onewindow/queue/QueueRules.h"
#include "onewindow/sync/QueueService.h"

#include <QTimer>
#include <QUuid>

class HallQueue : public ow::sync::QueueService
{
public:
    HallQueue(const ow::Clock &clock, QString window, QList<ow::queue::CategoryLoad> categories)
        : m_clock(clock)
        , m_window(std::move(window))
        , m_categories(std::move(categories))
    { }

    ow::queue::HallSettings settings;
    QList<ow::queue::Ticket> tickets;
    QList<ow::queue::HallCall> calls; // newest first
    QStringList windowCategories() const
    {
        QStringList codes;
        for (const auto &c : m_categories)
            codes << c.code;
        return codes;
    }

    ow::queue::QueueSnapshot snapshot() const
    {
        using namespace ow::queue;
        QueueSnapshot s;
        s.hall = QStringLiteral("330106-H1");
        s.at = m_clock.now();
        s.calls = calls;
        for (CategoryLoad c : m_categories) {
            c.waiting = 0;
            c.longestWaitSeconds = 0;
            for (const Ticket &t : tickets) {
                if (t.category == c.code && t.isWaiting()) {
                    ++c.waiting;
                    c.longestWaitSeconds = qMax(c.longestWaitSeconds, t.queuedAt.secsTo(s.at));
                }
            }
            s.categories << c;
        }
        QList<Ticket> waiting;
        for (const Ticket &t : tickets) {
            if ((t.state == TicketState::Called || t.state == TicketState::Serving) && t.window == m_window)
                s.current = t;
            if (t.state == TicketState::Parked && t.window == m_window)
                s.parked << t;
            if (QueueRules::mayCall(t, m_window, windowCategories()))
                waiting << t;
        }
        std::sort(waiting.begin(), waiting.end(), [&](const Ticket &a, const Ticket &b) {
            return QueueRules::orderKey(a, settings, s.at) < QueueRules::orderKey(b, settings, s.at);
        });
        s.next = waiting;
        return s;
    }

    void refresh() override
    {
        const auto s = snapshot();
        later([this, s] { Q_EMIT snapshotReady(s); });
    }

    void callNext() override
    {
        using namespace ow::queue;
        const auto i = QueueRules::pickNext(tickets, m_window, windowCategories(), settings, m_clock.now());
        if (!i) {
            later([this] { Q_EMIT nobodyWaiting(); });
            return;
        }
        apply(QueueRules::call(tickets.at(*i), m_window, m_clock.now()), QStringLiteral("call"));
    }

    void act(const QString &ticketId, Action action, const ActionArgs &args = {}) override
    {
        using namespace ow::queue;
        const Ticket *t = find(ticketId);
        if (!t) {
            later([this] { Q_EMIT failed(QStringLiteral("no such ticket")); });
            return;
        }
        const QDateTime now = m_clock.now();
        switch (action) {
        case Action::Serve: {
            auto served = QueueRules::serve(*t, m_window);
            if (served) {
                served.value().caseId = args.caseId;
                served.value().caseNumber = args.caseNumber;
            }
            apply(served, {});
            break;
        }
        case Action::Recall: apply(QueueRules::recall(*t, m_window, settings, now), QStringLiteral("recall")); break;
        case Action::NoShow: apply(QueueRules::noShow(*t, m_window, settings, now), {}); break;
        case Action::Park: apply(QueueRules::park(*t, m_window), {}); break;
        case Action::Resume: apply(QueueRules::resume(*t, m_window, now), QStringLiteral("resume")); break;
        case Action::Done: apply(QueueRules::done(*t, m_window), {}); break;
        case Action::Transfer: apply(QueueRules::transfer(*t, m_window, args.toWindow, args.toCategory), {}); break;
        }
    }

    void issue(const QString &category, ow::queue::Priority priority, const QString &caseNumber = {}) override
    {
        using namespace ow::queue;
        QString letter;
        for (const auto &c : m_categories) {
            if (c.code == category)
                letter = c.letter;
        }
        if (letter.isEmpty()) {
            later([this] { Q_EMIT failed(QStringLiteral("no such category")); });
            return;
        }
        Ticket t;
        t.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        t.number = QueueRules::ticketNumber(letter, ++m_sequence[category]);
        t.hall = QStringLiteral("330106-H1");
        t.category = category;
        t.source = caseNumber.isEmpty() ? TicketSource::Kiosk : TicketSource::Return;
        t.priority = priority;
        t.issuedAt = t.queuedAt = m_clock.now().toUTC();
        t.caseNumber = caseNumber;
        int ahead = 0;
        for (const Ticket &o : std::as_const(tickets))
            ahead += o.category == category && o.isWaiting() ? 1 : 0;
        tickets << t;
        later([this, t, ahead] { Q_EMIT ticketIssued(t, ahead, QStringLiteral("/v1/tickets/%1/follow").arg(t.id)); });
    }

    // Today's appointments by the applicant's ID number (the back office keeps only its blind
    // index): checked in once, as a ticket of source appointment.
    struct Appointment
    {
        QString category;
        QDateTime slotStart;
        QDateTime slotEnd;
        bool checkedIn = false;
    };
    QHash<QString, Appointment> appointments;
    void checkIn(const QString &idNumber, ow::queue::Priority priority) override
    {
        using namespace ow::queue;
        auto a = appointments.find(idNumber);
        if (a == appointments.end() || a->checkedIn) {
            later([this] { Q_EMIT noAppointment(); });
            return;
        }
        a->checkedIn = true;
        Ticket t;
        t.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QString letter;
        for (const auto &c : m_categories) {
            if (c.code == a->category)
                letter = c.letter;
        }
        t.number = QueueRules::ticketNumber(letter, ++m_sequence[a->category]);
        t.hall = QStringLiteral("330106-H1");
        t.category = a->category;
        t.source = TicketSource::Appointment;
        t.priority = priority;
        t.issuedAt = t.queuedAt = m_clock.now().toUTC();
        t.slotStart = a->slotStart;
        t.slotEnd = a->slotEnd;
        t.appointmentId = QStringLiteral("appointment-") + t.number;
        const QDateTime now = m_clock.now();
        const auto mine = QueueRules::orderKey(t, settings, now);
        int ahead = 0;
        for (const Ticket &o : std::as_const(tickets))
            ahead += QueueRules::mayCall(o, QString(), {t.category}) && QueueRules::orderKey(o, settings, now) < mine;
        tickets << t;
        later([this, t, ahead] { Q_EMIT ticketIssued(t, ahead, QStringLiteral("/v1/tickets/%1/follow").arg(t.id)); });
    }

    const ow::queue::Ticket *find(const QString &id) const
    {
        for (const auto &t : tickets) {
            if (t.id == id)
                return &t;
        }
        return nullptr;
    }

private:
    void later(std::function<void()> f) { QTimer::singleShot(0, this, std::move(f)); }

    void apply(const ow::Result<ow::queue::Ticket> &changed, const QString &callType)
    {
        if (!changed) {
            const QString why = changed.error();
            later([this, why] { Q_EMIT failed(why); });
            return;
        }
        const ow::queue::Ticket t = changed.value();
        for (auto &o : tickets) {
            if (o.id == t.id)
                o = t;
        }
        if (!callType.isEmpty()) {
            ow::queue::HallCall c;
            c.cursor = ++m_cursor;
            c.type = callType;
            c.ticket = t.id;
            c.number = t.number;
            c.category = t.category;
            c.window = m_window;
            c.at = m_clock.now();
            calls.prepend(c);
        }
        later([this, t] { Q_EMIT ticketChanged(t); });
    }

    const ow::Clock &m_clock;
    QString m_window;
    QList<ow::queue::CategoryLoad> m_categories;
    QHash<QString, int> m_sequence;
    qint64 m_cursor = 0;
};
