#pragma once

#include "onewindow/account/ClerkCredentials.h"
#include "onewindow/account/OfflineVerifier.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace ow::account {

struct SignInOutcome
{
    bool ok = false;
    bool offline = false; // signed in against the cached verifier (离线登录)
    QString user;
    QString role;
    QString token; // online only
    QString message; // why not, or (offline) why the back office was not asked
    int waitSeconds = 0; // a wrong password: the next try is refused this long
};

// A clerk's sign-in at this window. Online: POST /v1/sessions {name, password}; a success caches
// the offline verifier (clerks and stations of this window). When the back office is out of reach
// (no address, no network, refused, timed out, TLS, 5xx) the cached verifier decides instead;
// any other answer (404, 403 …) is a refusal with its message.
// Each wrong password, online or offline, makes the next try wait longer: 1, 2, 4 … up to 300 s.
// Every successful sign-in (start(), and verifyOffline() at the lock screen) also hands the
// clerk's credentials to accepted(), in memory only, for the sync engine (SyncLink).
class SignIn : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    // `windowKeyId`: this window ("330106-W03"); `backOffice` empty: offline only.
    SignIn(QString dataDir, QString windowKeyId, QUrl backOffice, QObject *parent = nullptr);
    ~SignIn() override;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setVerifierIterations(int iterations) { m_iterations = iterations; }
    bool busy() const { return !m_reply.isNull(); }
    const QString &windowKeyId() const { return m_windowKeyId; }

    // Answers with finished(); a refusal that needs no network comes at once (still queued).
    void start(const QString &name, const QString &password);
    // The offline check alone (the lock screen): the same verifier and the same growing delay.
    SignInOutcome verifyOffline(const QString &name, const QString &password);
    // Seconds until `name` may try again (0: now).
    int waitSeconds(const QString &name) const;

Q_SIGNALS:
    void finished(const ow::account::SignInOutcome &outcome);
    // Emitted before finished() for an online or offline sign-in that succeeded, and at once by a
    // verifyOffline() that matched.
    void accepted(const ow::account::ClerkCredentials &credentials);

private:
    void answered();
    void finish(const SignInOutcome &outcome);
    void finishAccepted(const SignInOutcome &outcome, const QString &password);
    void clearFailures(const QString &name);
    SignInOutcome wrongPassword(const QString &name, const QString &message);
    SignInOutcome offline(const QString &name, const QString &password, const QString &why);

    QString m_dataDir;
    QString m_windowKeyId;
    QUrl m_backOffice;
    int m_timeoutMs = 10000;
    int m_iterations = OfflineVerifier::kIterations;
    Clock m_clock = [] { return QDateTime::currentDateTimeUtc(); };
    QNetworkAccessManager *m_nam;
    QPointer<QNetworkReply> m_reply;
    QString m_name;
    QString m_password; // only while the request is in flight
    QHash<QString, int> m_failures;
    QHash<QString, QDateTime> m_blockedUntil;
};

} // namespace ow::account

Q_DECLARE_METATYPE(ow::account::SignInOutcome)
