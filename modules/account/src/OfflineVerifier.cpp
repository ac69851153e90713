#include "onewindow/account/OfflineVerifier.h"

#include "onewindow/store/FileModes.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStringList>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>

namespace ow::account {

namespace {

QByteArray pbkdf2(const QByteArray &password, const QByteArray &salt, int iterations)
{
    QByteArray out(32, '\0');
    if (PKCS5_PBKDF2_HMAC(password.constData(), int(password.size()),
            reinterpret_cast<const unsigned char *>(salt.constData()), int(salt.size()), iterations, EVP_sha256(),
            int(out.size()), reinterpret_cast<unsigned char *>(out.data()))
        != 1)
        return {};
    return out;
}

QJsonObject readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// "" or the message.
QString writeAll(const QString &path, const QJsonObject &all)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return OfflineVerifier::tr("Cannot write %1: %2").arg(f.fileName(), f.errorString());
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(QJsonDocument(all).toJson());
    if (!f.commit())
        return OfflineVerifier::tr("Cannot write %1: %2").arg(f.fileName(), f.errorString());
    return store::FileModes::makePrivateFile(path);
}

} // namespace

OfflineVerifier::OfflineVerifier(QString dataDir, int iterations)
    : m_dataDir(std::move(dataDir))
    , m_iterations(std::max(iterations, 1000))
{ }

QString OfflineVerifier::path(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("verifiers.json"));
}

QString OfflineVerifier::remember(const QString &name, const QString &window, const QString &password) const
{
    QByteArray salt(16, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), int(salt.size())) != 1)
        return tr("No random numbers for the offline sign-in.");
    const QByteArray hash = pbkdf2(password.toUtf8(), salt, m_iterations);
    if (hash.isEmpty())
        return tr("The offline sign-in could not be prepared (PBKDF2 failed).");
    const QString dirError = store::FileModes::makePrivateDir(m_dataDir);
    if (!dirError.isEmpty())
        return dirError;
    QJsonObject all = readAll(path(m_dataDir));
    all.insert(name,
        QJsonObject {{QStringLiteral("window"), window},
            {QStringLiteral("verifier"),
                QStringLiteral("pbkdf2-sha256$%1$%2$%3")
                    .arg(m_iterations)
                    .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(hash.toBase64()))}});
    return writeAll(path(m_dataDir), all);
}

void OfflineVerifier::recordFailures(const QString &name, int count, const QDateTime &blockedUntil) const
{
    QJsonObject all = readAll(path(m_dataDir));
    QJsonObject entry = all.value(name).toObject();
    if (entry.isEmpty())
        return;
    entry.insert(QStringLiteral("failures"), count);
    entry.insert(QStringLiteral("blockedUntil"), blockedUntil.toUTC().toString(Qt::ISODateWithMs));
    all.insert(name, entry);
    (void)writeAll(path(m_dataDir), all);
}

int OfflineVerifier::failures(const QString &name) const
{
    return readAll(path(m_dataDir)).value(name).toObject().value(QLatin1String("failures")).toInt();
}

QDateTime OfflineVerifier::blockedUntil(const QString &name) const
{
    return QDateTime::fromString(
        readAll(path(m_dataDir)).value(name).toObject().value(QLatin1String("blockedUntil")).toString(),
        Qt::ISODateWithMs);
}

OfflineVerifier::Check OfflineVerifier::check(const QString &name, const QString &window, const QString &password) const
{
    const QJsonObject entry = readAll(path(m_dataDir)).value(name).toObject();
    if (entry.value(QLatin1String("window")).toString() != window)
        return Check::Unknown;
    const QStringList parts = entry.value(QLatin1String("verifier")).toString().split(QLatin1Char('$'));
    if (parts.size() != 4 || parts.at(0) != QLatin1String("pbkdf2-sha256"))
        return Check::Unknown;
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    if (!ok || iterations < 1000)
        return Check::Unknown;
    const QByteArray salt = QByteArray::fromBase64(parts.at(2).toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts.at(3).toLatin1());
    const QByteArray actual = pbkdf2(password.toUtf8(), salt, iterations);
    const bool same = !actual.isEmpty() && actual.size() == expected.size()
        && CRYPTO_memcmp(actual.constData(), expected.constData(), size_t(actual.size())) == 0;
    return same ? Check::Match : Check::Wrong;
}

bool OfflineVerifier::knows(const QString &name, const QString &window) const
{
    const QJsonObject entry = readAll(path(m_dataDir)).value(name).toObject();
    return !entry.isEmpty() && entry.value(QLatin1String("window")).toString() == window;
}

} // namespace ow::account
