#include "onewindow/backoffice/TokenCache.h"

#include "onewindow/backoffice/Secrets.h"

namespace ow::backoffice {

TokenCache::TokenCache()
{
    m_clock.start();
}

QString TokenCache::hashOf(const QByteArray &authorization)
{
    // As Accounts::authenticate reads the header.
    const QByteArray header = authorization.trimmed();
    if (!header.toLower().startsWith("bearer "))
        return QString();
    const QByteArray token = header.mid(7).trimmed();
    return token.isEmpty() ? QString() : Secrets::sha256Hex(token);
}

std::optional<Principal> TokenCache::find(const QString &tokenHash) const
{
    if (tokenHash.isEmpty())
        return std::nullopt;
    QMutexLocker locked(&m_lock);
    const auto it = m_entries.constFind(tokenHash);
    if (it == m_entries.constEnd() || it->until <= m_clock.elapsed())
        return std::nullopt;
    return it->who;
}

void TokenCache::remember(const Principal &who)
{
    if (who.tokenHash.isEmpty())
        return;
    QMutexLocker locked(&m_lock);
    if (m_entries.size() >= kMaxEntries)
        m_entries.clear();
    m_entries.insert(who.tokenHash, Entry {who, m_clock.elapsed() + kLifeMs});
}

void TokenCache::forget(const QString &tokenHash)
{
    QMutexLocker locked(&m_lock);
    m_entries.remove(tokenHash);
}

} // namespace ow::backoffice
