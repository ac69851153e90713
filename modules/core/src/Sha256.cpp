#include "onewindow/core/Sha256.h"

#include <QIODevice>
#include <QtGlobal>

#include <openssl/evp.h>

namespace ow {

struct Sha256::Context
{
    Context()
        : ctx(EVP_MD_CTX_new())
    {
        start();
    }
    ~Context() { EVP_MD_CTX_free(ctx); }
    Context(const Context &) = delete;
    Context &operator=(const Context &) = delete;

    void start()
    {
        // Only fails when libcrypto is out of memory or broken: nothing sensible to go on with.
        if (!ctx || EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr) != 1)
            qFatal("libcrypto failed to compute SHA-256");
    }

    EVP_MD_CTX *ctx;
};

Sha256::Sha256()
    : m_context(std::make_unique<Context>())
{ }

Sha256::~Sha256() = default;
Sha256::Sha256(Sha256 &&other) noexcept = default;
Sha256 &Sha256::operator=(Sha256 &&other) noexcept = default;

void Sha256::addData(QByteArrayView data)
{
    if (!m_context)
        m_context = std::make_unique<Context>();
    if (!data.isEmpty() && EVP_DigestUpdate(m_context->ctx, data.data(), size_t(data.size())) != 1)
        qFatal("libcrypto failed to compute SHA-256");
}

bool Sha256::addData(QIODevice *device)
{
    QByteArray buffer(256 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 n = device->read(buffer.data(), buffer.size());
        if (n < 0)
            return false;
        if (n == 0)
            return true;
        addData(QByteArrayView(buffer.constData(), n));
    }
}

QByteArray Sha256::result()
{
    if (!m_context)
        m_context = std::make_unique<Context>();
    QByteArray digest(kLength, Qt::Uninitialized);
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(m_context->ctx, reinterpret_cast<unsigned char *>(digest.data()), &length) != 1
        || length != kLength)
        qFatal("libcrypto failed to compute SHA-256");
    m_context->start();
    return digest;
}

void Sha256::reset()
{
    if (!m_context)
        m_context = std::make_unique<Context>();
    else
        m_context->start();
}

QByteArray Sha256::hash(QByteArrayView data)
{
    QByteArray digest(kLength, Qt::Uninitialized);
    unsigned int length = 0;
    if (EVP_Digest(data.data(), size_t(data.size()), reinterpret_cast<unsigned char *>(digest.data()), &length,
            EVP_sha256(), nullptr)
            != 1
        || length != kLength)
        qFatal("libcrypto failed to compute SHA-256");
    return digest;
}

QString Sha256::hex(QByteArrayView data)
{
    return QString::fromLatin1(hash(data).toHex());
}

} // namespace ow
