#pragma once

#include "onewindow/sync/QueueService.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace ow::sync {

class BackOfficeCalls;

// QueueService at a hall's window: the back office's queue over the signed-in session (the
// clerk's bearer token), for `window` in `hall`. Asynchronous on its own QNetworkAccessManager;
// every request has a transfer timeout (BackOfficeCalls). Also a kiosk's (a device token; callNext and act are then
// refused by the back office with 403, reported through failed()).
class RemoteQueueService final : public QueueService
{
    Q_OBJECT

public:
    RemoteQueueService(QUrl baseUrl, QByteArray token, QString window, QString hall, QObject *parent = nullptr);

    void setToken(const QByteArray &token);
    // The clerk's credentials (in memory only): without a token, or when the back office refuses
    // it (401), the service signs in with them (POST /v1/sessions) and sends the request again once.
    void setCredentials(const QString &user, const QString &password);

    void refresh() override;
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
    void send(const QByteArray &method, const QString &path, const QJsonObject &body, Handler handler,
        const QStringList &answers = {});

    BackOfficeCalls *m_calls; // the clerk's session: timeouts, sign-in again on 401
    QString m_window;
    QString m_hall;
};

} // namespace ow::sync
