#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

class QIODevice;

namespace ow {

// SHA-256 through OpenSSL's libcrypto (EVP_sha256: SHA-NI / ARMv8 crypto extensions where the
// processor has them, several times faster than QCryptographicHash's portable code). Use it for
// every hash over more than a few bytes: blobs, scans, uploads, catalogues.
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(Sha256 &&other) noexcept;
    Sha256 &operator=(Sha256 &&other) noexcept;
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(QByteArrayView data);
    // Reads `device` to its end; false when a read fails.
    [[nodiscard]] bool addData(QIODevice *device);
    // The 32-byte digest of everything added since construction or the last reset(); the hash
    // starts over afterwards.
    [[nodiscard]] QByteArray result();
    void reset();

    static constexpr int kLength = 32;
    [[nodiscard]] static QByteArray hash(QByteArrayView data);
    // Lower-case hex of the digest, as blob names and catalogue pins spell it.
    [[nodiscard]] static QString hex(QByteArrayView data);

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

} // namespace ow
