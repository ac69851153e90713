#pragma once

#include "onewindow/store/WindowSettings.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace ow::account {

// Enrols this window with its back office once: POST /v1/enrol {code, keyId, publicKey} with the
// window's own Ed25519 key (made now, or the one already in <dataDir>/keys). On 201 the identity the
// back office answers (region, code, name) is stored in window.json and the address in
// account.json; the window never runs with an identity the back office did not confirm.
class Enrolment : public QObject
{
    Q_OBJECT

public:
    explicit Enrolment(QString dataDir, QObject *parent = nullptr);
    ~Enrolment() override;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    bool busy() const { return !m_reply.isNull(); }
    const store::WindowIdentity &identity() const { return m_identity; }
    const QUrl &backOffice() const { return m_base; }

    // `windowKeyId` is the window the admin added ("330106-W03", printed with the code). Answers
    // with finished(); a bad argument is answered at once.
    void start(const QString &address, const QString &windowKeyId, const QString &code);

Q_SIGNALS:
    // ok: identity() is the confirmed identity; else `message` says what went wrong.
    void finished(bool ok, const QString &message);

private:
    void fail(const QString &message);
    void answered();

    QString m_dataDir;
    int m_timeoutMs = 15000;
    QNetworkAccessManager *m_nam;
    QPointer<QNetworkReply> m_reply;
    QUrl m_base;
    QString m_keyId;
    store::WindowIdentity m_identity;
    QString m_stagedKey; // the new key's file until the back office accepts it
};

} // namespace ow::account
