#include "onewindow/backoffice/Secrets.h"

#include "onewindow/core/Sha256.h"

#include <QCryptographicHash>
#include <QStringList>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace ow::backoffice {

namespace {

QByteArray pbkdf2(const QByteArray &password, const QByteArray &salt, int iterations)
{
    QByteArray out(32, '\0');
    if (PKCS5_PBKDF2_HMAC(password.constData(), int(password.size()),
            reinterpret_cast<const unsigned char *>(salt.constData()), int(salt.size()), iterations, EVP_sha256(),
            int(out.size()), reinterpret_cast<unsigned char *>(out.data()))
        != 1)
        return QByteArray();
    return out;
}

} // namespace

Result<QByteArray> Secrets::randomBytes(int count)
{
    QByteArray out(count, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1)
        return Result<QByteArray>::failure(QStringLiteral("The system random generator failed."));
    return out;
}

Result<QString> Secrets::hashPassword(const QByteArray &password)
{
    auto salt = randomBytes(16);
    if (!salt)
        return Result<QString>::failure(salt.error());
    const QByteArray hash = pbkdf2(password, *salt, kIterations);
    if (hash.isEmpty())
        return Result<QString>::failure(QStringLiteral("PBKDF2 failed."));
    return QStringLiteral("pbkdf2-sha256$%1$%2$%3")
        .arg(kIterations)
        .arg(QString::fromLatin1(salt->toBase64()), QString::fromLatin1(hash.toBase64()));
}

bool Secrets::verifyPassword(const QByteArray &password, const QString &stored)
{
    const QStringList parts = stored.split(QLatin1Char('$'));
    if (parts.size() != 4 || parts.at(0) != QLatin1String("pbkdf2-sha256"))
        return false;
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    if (!ok || iterations < 1)
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts.at(2).toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts.at(3).toLatin1());
    const QByteArray actual = pbkdf2(password, salt, iterations);
    return !actual.isEmpty() && actual.size() == expected.size()
        && CRYPTO_memcmp(actual.constData(), expected.constData(), size_t(actual.size())) == 0;
}

void Secrets::burnVerification(const QByteArray &password)
{
    (void)pbkdf2(password, QByteArrayLiteral("onewindow-nobody"), kIterations);
}

Result<QString> Secrets::newToken()
{
    auto bytes = randomBytes(32);
    if (!bytes)
        return Result<QString>::failure(bytes.error());
    return QString::fromLatin1(bytes->toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<QString> Secrets::newEnrolmentCode()
{
    static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // 32 symbols, no 0/O/1/I
    auto bytes = randomBytes(15);
    if (!bytes)
        return Result<QString>::failure(bytes.error());
    QString code;
    for (int i = 0; i < 15; ++i) {
        if (i > 0 && i % 5 == 0)
            code += QLatin1Char('-');
        code += QLatin1Char(alphabet[quint8(bytes->at(i)) % 32]);
    }
    return code;
}

QString Secrets::normaliseCode(const QString &code)
{
    QString out;
    for (const QChar c : code) {
        if (c != QLatin1Char('-') && !c.isSpace())
            out += c.toUpper();
    }
    return out;
}

QString Secrets::sha256Hex(const QByteArray &data)
{
    return Sha256::hex(data);
}

} // namespace ow::backoffice
