#include "onewindow/backoffice/SignInThrottle.h"

#include <QCryptographicHash>

#include <algorithm>
#include <cmath>
#include <vector>

namespace ow::backoffice {

SignInThrottle::SignInThrottle(Clock clock)
    : m_clock(std::move(clock))
{ }

QByteArray SignInThrottle::addressKey(const QHostAddress &from)
{
    bool v4 = false;
    const quint32 ip4 = from.toIPv4Address(&v4);
    if (v4)
        return "v4:" + QHostAddress(ip4).toString().toLatin1();
    Q_IPV6ADDR ip6 = from.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        ip6[i] = 0;
    return "v6:" + QHostAddress(ip6).toString().toLatin1() + "/64";
}

QString SignInThrottle::nameDigest(const QString &name)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(name.toCaseFolded().toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

QByteArray SignInThrottle::pairKey(const QString &name, const QHostAddress &from) const
{
    return addressKey(from) + ' ' + nameDigest(name).toLatin1();
}

double SignInThrottle::levelNow(QHash<QByteArray, Bucket> &table, const QByteArray &key, int leakSeconds) const
{
    const auto it = table.constFind(key);
    if (it == table.constEnd())
        return 0;
    const double drained = double(it->touched.msecsTo(m_clock())) / 1000.0 / leakSeconds;
    return std::max(0.0, it->level - std::max(0.0, drained));
}

void SignInThrottle::add(QHash<QByteArray, Bucket> &table, const QByteArray &key, int leakSeconds)
{
    const double level = levelNow(table, key, leakSeconds);
    if (!table.contains(key) && table.size() >= kMaxEntries)
        makeRoom(table, leakSeconds);
    table.insert(key, Bucket {level + 1, m_clock()});
}

void SignInThrottle::makeRoom(QHash<QByteArray, Bucket> &table, int leakSeconds)
{
    const QDateTime now = m_clock();
    for (auto it = table.begin(); it != table.end();) {
        if (it->level - double(it->touched.msecsTo(now)) / 1000.0 / leakSeconds <= 0)
            it = table.erase(it);
        else
            ++it;
    }
    if (table.size() < kMaxEntries)
        return;
    std::vector<QDateTime> times;
    times.reserve(size_t(table.size()));
    for (const Bucket &b : std::as_const(table))
        times.push_back(b.touched);
    auto middle = times.begin() + std::ptrdiff_t(times.size() / 2);
    std::nth_element(times.begin(), middle, times.end());
    const QDateTime cut = *middle;
    for (auto it = table.begin(); it != table.end();) {
        if (it->touched <= cut)
            it = table.erase(it);
        else
            ++it;
    }
}

int SignInThrottle::addressWait(const QHostAddress &from)
{
    // Over burst − 1 after kAddressBurst failures (the level drains a little while they run).
    const double level = levelNow(m_addresses, addressKey(from), kAddressLeakSeconds);
    if (level <= kAddressBurst - 1)
        return 0;
    return std::max(1, int(std::ceil((level - (kAddressBurst - 1)) * kAddressLeakSeconds)));
}

bool SignInThrottle::pairLocked(const QString &name, const QHostAddress &from)
{
    return levelNow(m_pairs, pairKey(name, from), kPairLeakSeconds) > kPairBurst - 1;
}

void SignInThrottle::attempted(const QString &name, const QHostAddress &from)
{
    add(m_addresses, addressKey(from), kAddressLeakSeconds);
    add(m_pairs, pairKey(name, from), kPairLeakSeconds);
}

void SignInThrottle::succeeded(const QString &name, const QHostAddress &from)
{
    m_pairs.remove(pairKey(name, from));
    const QByteArray key = addressKey(from);
    const double level = levelNow(m_addresses, key, kAddressLeakSeconds);
    if (level <= 1)
        m_addresses.remove(key);
    else
        m_addresses.insert(key, Bucket {level - 1, m_clock()});
}

} // namespace ow::backoffice
