#pragma once

#include "onewindow/sync/Backoff.h"
#include "onewindow/sync/QueueService.h"

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkReply;
class QTimer;

namespace ow::sync {

// QueueService at a hall's window: the back office's queue over the signed-in session (the
// clerk's bearer token), for `window` in `hall`. Asynchronous on its own QNetworkAccessManager;
// every request has a transfer timeout. Also a kiosk's (a device token; callNext and act are then
// refused by the back office with 403, reported through failed()).
class RemoteQueueService final : public QueueService
{
    Q_OBJECT

public:
    static constexpr int kTimeoutMs = 10000;
    static constexpr int kEventWaitSeconds = 25;
    static constexpr int kEventLimit = 500;
    static constexpr int kRefreshGapMs = 30;
    static constexpr int kRetryMs = 500;
    static constexpr int kMaxRetryMs = 5000;
    RemoteQueueService(QUrl baseUrl, QByteArray token, QString window, QString hall, QObject *parent = nullptr);
    ~RemoteQueueService() override;

    void setToken(const QByteArray &token) { m_token = token; }
    // The clerk's credentials (in memory only): without a token, or when the back office refuses
    // it (401), the service signs in with them (POST /v1/sessions) and sends the request again once.
    void setCredentials(const QString &user, const QString &password);

    void refresh() override;
    // Follows GET /v1/halls/{hall}/events (long-poll, kEventWaitSeconds per request, from the
    // newest call of the first snapshot on): each answer with events refreshes the snapshot (at
    // most one refresh per kRefreshGapMs), and so does each empty one (the waiting times and the
    // order move with time). A failed poll says failed() and, after a backoff (kRetryMs doubling
    // to kMaxRetryMs), asks for the snapshot again; its answer resumes the poll.
    void follow() override;
    void callNext() override;
    void act(const QString &ticketId, Action action, const ActionArgs &args = {}) override;
    void issue(const QString &category, ow::queue::Priority priority, const QString &caseNumber = {}) override;
    // POST /v1/halls/{hall}/appointments/check-in {idNumber, priority}: 201 → ticketIssued, 404
    // no-appointment → noAppointment.
    void checkIn(const QString &idNumber, ow::queue::Priority priority) override;

    // The path segment of an action (POST /v1/tickets/{id}/{action}).
    static QString actionName(Action action);

private:
    using Handler = std::function<void(int status, const QJsonObject &body)>;
    // After failed() was said (the link, a refusal): what the caller does then.
    using Failure = std::function<void()>;
    void send(const QByteArray &method, const QString &path, const QJsonObject &body, Handler handler,
        Failure onFailure = {});
    void sendNow(const QByteArray &method, const QString &path, const QJsonObject &body, Handler handler,
        Failure onFailure, bool retried);
    // then(true) once signed in, then(false) after failed() said why not.
    void signIn(std::function<void(bool)> then);
    void poll();
    void pollAnswered(QNetworkReply *reply);
    void retryPoll(const QString &problem);

    QNetworkAccessManager m_nam;
    QUrl m_baseUrl;
    QByteArray m_token;
    QString m_window;
    QString m_hall;
    QString m_user;
    QString m_password;
    QNetworkReply *m_signInReply = nullptr;
    QList<std::function<void(bool)>> m_afterSignIn;
    // follow(): the hall's events.
    bool m_following = false;
    std::optional<qint64> m_cursor; // the last event seen; set from the first snapshot
    QNetworkReply *m_pollReply = nullptr;
    Backoff m_backoff {kRetryMs, kMaxRetryMs};
    QTimer *m_retryTimer;
    QTimer *m_refreshTimer;
};

} // namespace ow::sync
