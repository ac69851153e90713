#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace ow::sync {

// The window's trusted keys: the back office's key ring (GET /v1/keyring, every key a window ever
// had with its validity) kept as <dataDir>/keys/trusted.json, which receipt::KeyRing::loadDirectory
// reads beside the window's own key. Written whole (QSaveFile), only when the ring is well formed.
class TrustedKeys
{
    Q_DECLARE_TR_FUNCTIONS(TrustedKeys)

public:
    static QString path(const QString &dataDir);
    // Writes `ring` unless it already is the file's content. Returns "" or why not.
    static QString write(const QString &dataDir, const QByteArray &ring);
    // "" when `ring` is a key ring: {"keys": {id: base64 of 32 bytes}, …}; else why not.
    static QString check(const QByteArray &ring);
};

} // namespace ow::sync
