#pragma once

#include "onewindow/core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace ow::receipt {

// The Ed25519 key pair of one window. The private half never leaves the window's data folder;
// the public half is published (by the back office) so anyone can verify receipts offline.
class WindowKey
{
    Q_DECLARE_TR_FUNCTIONS(WindowKey)

public:
    static Result<WindowKey> generate(const QString &keyId);
    // Loads <dir>/<keyId>.key, creating it (mode 0600) on first use.
    static Result<WindowKey> loadOrCreate(const QString &dir, const QString &keyId);

    const QString &keyId() const { return m_keyId; }
    const QByteArray &publicKey() const { return m_public; } // raw 32 bytes
    Result<QByteArray> sign(const QByteArray &message) const; // raw 64 bytes

private:
    QString m_keyId;
    QByteArray m_private; // raw 32-byte seed
    QByteArray m_public;
};

} // namespace ow::receipt
