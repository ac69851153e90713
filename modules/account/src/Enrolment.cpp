#include "onewindow/account/Enrolment.h"

#include "onewindow/account/AccountSettings.h"
#include "onewindow/account/ReplyMessage.h"
#include "onewindow/receipt/WindowKey.h"
#include "onewindow/store/CaseNumbering.h"
#include "onewindow/store/FileModes.h"
#include "onewindow/store/Store.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace ow::account {

Enrolment::Enrolment(QString dataDir, QObject *parent)
    : QObject(parent)
    , m_dataDir(std::move(dataDir))
    , m_nam(new QNetworkAccessManager(this))
{ }

Enrolment::~Enrolment()
{
    if (m_reply)
        m_reply->abort();
}

void Enrolment::fail(const QString &message)
{
    if (!m_stagedKey.isEmpty())
        QFile::remove(m_stagedKey);
    m_stagedKey.clear();
    // Always asynchronous, like an answer from the network.
    QTimer::singleShot(0, this, [this, message] { Q_EMIT finished(false, message); });
}

void Enrolment::start(const QString &address, const QString &windowKeyId, const QString &code)
{
    if (busy())
        return;
    auto base = AccountSettings::parseAddress(address);
    if (!base)
        return fail(base.error());
    m_base = base.value();
    m_keyId = windowKeyId.trimmed().toUpper();
    const int dash = m_keyId.indexOf(QLatin1Char('-'));
    const store::WindowIdentity guess {m_keyId.left(dash), m_keyId.mid(dash + 1), QStringLiteral("-")};
    if (dash < 0 || !store::WindowSettings::validate(guess).isEmpty())
        return fail(tr("The window is given as region-code, as the administrator's note prints it (e.g. "
                       "330106-W03), not \"%1\".")
                        .arg(windowKeyId.trimmed()));
    if (code.trimmed().isEmpty())
        return fail(tr("Enter the enrolment code the administrator gave you."));

    // The window's key: the one already there, or a new one that is kept only if the back office
    // takes it (a refused enrolment leaves no stray key behind).
    const QString keysDir = QDir(m_dataDir).filePath(QStringLiteral("keys"));
    const QString keyFile = QDir(keysDir).filePath(m_keyId + QStringLiteral(".key"));
    QString dir = keysDir;
    if (!QFile::exists(keyFile)) {
        dir = QDir(m_dataDir).filePath(QStringLiteral("keys-enrolling"));
        m_stagedKey = QDir(dir).filePath(m_keyId + QStringLiteral(".key"));
    }
    const QString dirError = store::FileModes::makePrivateDir(dir);
    if (!dirError.isEmpty())
        return fail(dirError);
    auto key = receipt::WindowKey::loadOrCreate(dir, m_keyId);
    if (!key)
        return fail(key.error());

    QUrl url = m_base;
    url.setPath(m_base.path() + QStringLiteral("/v1/enrol"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(m_timeoutMs);
    const QJsonObject body {{QStringLiteral("code"), code.trimmed()}, {QStringLiteral("keyId"), m_keyId},
        {QStringLiteral("publicKey"), QString::fromLatin1(key->publicKey().toBase64())}};
    m_reply = m_nam->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(m_reply, &QNetworkReply::finished, this, &Enrolment::answered);
}

void Enrolment::answered()
{
    QNetworkReply *reply = m_reply;
    m_reply.clear();
    reply->deleteLater();
    const QByteArray body = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 201) {
        const QString code = ReplyMessage::errorCode(body);
        if (code == QLatin1String("enrolment-code-invalid"))
            return fail(tr("The back office does not know this enrolment code; check it (letters and digits, "
                           "no 0/O/1/I) or ask the administrator for a new one."));
        if (code == QLatin1String("enrolment-code-used"))
            return fail(tr("This enrolment code was already used; ask the administrator for a new one."));
        if (code == QLatin1String("enrolment-code-expired"))
            return fail(tr("This enrolment code has expired; ask the administrator for a new one."));
        if (code == QLatin1String("key-id-mismatch"))
            return fail(tr("This enrolment code is for another window than %1; check the window on the "
                           "administrator's note.")
                            .arg(m_keyId));
        if (code == QLatin1String("window-already-enrolled"))
            return fail(tr("Window %1 is already enrolled with another key; the administrator revokes that key "
                           "before this computer can enrol.")
                            .arg(m_keyId));
        if (code == QLatin1String("key-revoked"))
            return fail(tr("This window's key was revoked; remove %1 and enrol again with a new code.")
                            .arg(QDir(m_dataDir).filePath(QStringLiteral("keys"))));
        return fail(ReplyMessage::describe(reply, body));
    }
    const QJsonObject window = QJsonDocument::fromJson(body).object().value(QLatin1String("window")).toObject();
    const store::WindowIdentity identity =
        store::WindowSettings::normalised({window.value(QLatin1String("region")).toString(),
            window.value(QLatin1String("code")).toString(), window.value(QLatin1String("name")).toString()});
    if (!store::WindowSettings::validate(identity).isEmpty()
        || identity.region + QLatin1Char('-') + identity.code != m_keyId)
        return fail(tr("The back office's answer does not name window %1; nothing was stored.").arg(m_keyId));
    // Case numbers continue after those the back office holds for this window (a reinstalled
    // window's new store would otherwise take numbers already used, and every push of them would
    // be refused).
    const QJsonObject numbers = QJsonDocument::fromJson(body).object().value(QLatin1String("caseNumbers")).toObject();
    if (!numbers.isEmpty()) {
        auto store = store::Store::open(m_dataDir);
        if (!store)
            return fail(store.error());
        const QString seeded = store.value().transact([&](QSqlDatabase &db) {
            for (auto it = numbers.constBegin(); it != numbers.constEnd(); ++it) {
                const QString err = store::CaseNumbering::continueAfter(
                    db, identity.code, QDate::fromString(it.key(), Qt::ISODate), it.value().toInt(-1));
                if (!err.isEmpty())
                    return err;
            }
            return QString();
        });
        if (!seeded.isEmpty())
            return fail(seeded);
    }
    if (!m_stagedKey.isEmpty()) {
        const QString keysDir = QDir(m_dataDir).filePath(QStringLiteral("keys"));
        const QString dirError = store::FileModes::makePrivateDir(keysDir);
        if (!dirError.isEmpty())
            return fail(dirError);
        if (!QFile::rename(m_stagedKey, QDir(keysDir).filePath(m_keyId + QStringLiteral(".key"))))
            return fail(tr("The window key could not be moved into %1.").arg(keysDir));
        m_stagedKey.clear();
    }
    QString err = store::WindowSettings::save(m_dataDir, identity);
    if (!err.isEmpty())
        return fail(err);
    auto config = AccountSettings::load(m_dataDir);
    AccountConfig c = config ? config.value() : AccountConfig();
    c.backOffice = m_base;
    err = AccountSettings::save(m_dataDir, c);
    if (!err.isEmpty())
        return fail(err);
    m_identity = identity;
    Q_EMIT finished(true, QString());
}

} // namespace ow::account
