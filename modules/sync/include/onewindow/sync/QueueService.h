#pragma once

#include "onewindow/queue/QueueSnapshot.h"
#include "onewindow/queue/Ticket.h"

#include <QObject>
#include <QString>

class QTimer;

namespace ow::sync {

// The queue as a window works it, for the UI (the 排队叫号 section) and the kiosk: at a hall
// window the back office's queue (RemoteQueueService, over the signed-in session), at a station
// its own offline queue in its store (LocalQueueService, pushed when the link returns). Every call
// returns at once; its answer comes as a signal (on the thread that owns the service). The window
// acting is always the signed-in one: it is never passed in.
class QueueService : public QObject
{
    Q_OBJECT

public:
    enum class Action { Serve, Recall, NoShow, Park, Resume, Done, Transfer };
    Q_ENUM(Action)
    explicit QueueService(QObject *parent = nullptr);

    // → snapshotReady
    virtual void refresh() = 0;
    // Keeps the queue on screen current: snapshotReady now and again whenever the queue may have
    // changed, until the service is destroyed (failed while it cannot). This base refreshes every
    // kFollowPollMs; RemoteQueueService follows the hall's events (long-poll) instead.
    virtual void follow();
    static constexpr int kFollowPollMs = 15000;
    // → ticketChanged (the ticket now called) or nobodyWaiting
    virtual void callNext() = 0;
    // → ticketChanged or failed. Serve: caseId/caseNumber join the case the window opens with
    // the ticket; Transfer: toWindow or toCategory (one of them).
    struct ActionArgs
    {
        QString toWindow;
        QString toCategory;
        QString caseId;
        QString caseNumber;
    };
    virtual void act(const QString &ticketId, Action action, const ActionArgs &args = {}) = 0;
    // A walk-in ticket (or, with caseNumber, a return ticket: linked to that case, which calling
    // it opens) → ticketIssued. A return ticket at a hall may leave `category` empty: the back
    // office takes the category the case's accepting window serves (the kiosk's scanned QR).
    virtual void issue(const QString &category, ow::queue::Priority priority, const QString &caseNumber = {}) = 0;
    // The ID card on the kiosk's reader: the holder's appointment for today, checked in →
    // ticketIssued; none → noAppointment (the applicant chooses a category as a walk-in). The
    // number is only passed on (the back office matches its blind index), never kept or logged.
    virtual void checkIn(const QString &idNumber, ow::queue::Priority priority) = 0;

Q_SIGNALS:
    void snapshotReady(const ow::queue::QueueSnapshot &snapshot);
    void ticketChanged(const ow::queue::Ticket &ticket);
    void nobodyWaiting();
    void noAppointment();
    void ticketIssued(const ow::queue::Ticket &ticket, int ahead, const QString &follow);
    // A refusal (too soon to recall …) or the link/store failing: a message for the clerk.
    void failed(const QString &message);

private:
    QTimer *m_followTimer = nullptr;
};

} // namespace ow::sync
