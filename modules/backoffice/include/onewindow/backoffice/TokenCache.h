#pragma once

#include "onewindow/backoffice/Accounts.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QString>

#include <optional>

namespace ow::backoffice {

// The principals of window tokens that signed in a moment ago, per instance, for the append
// route (issue 21: a window pushing entry after entry costs no token query). Safe because the
// append's own statement checks the session again (AppendBatcher): a cached principal only ever
// writes through that statement, and anything else it would do is answered after a full check.
// Entries live kLifeMs; this instance's sign-out forgets its token at once.
class TokenCache
{
public:
    static constexpr qint64 kLifeMs = 5000;
    static constexpr int kMaxEntries = 4096;

    TokenCache();
    // The SHA-256 (hex) of the bearer token in an Authorization header, "" if there is none.
    static QString hashOf(const QByteArray &authorization);
    std::optional<Principal> find(const QString &tokenHash) const;
    void remember(const Principal &who);
    void forget(const QString &tokenHash);

private:
    struct Entry
    {
        Principal who;
        qint64 until = 0;
    };
    mutable QMutex m_lock;
    QElapsedTimer m_clock;
    QHash<QString, Entry> m_entries;
};

} // namespace ow::backoffice
