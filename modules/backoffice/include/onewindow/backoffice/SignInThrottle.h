#pragma once

#include "onewindow/backoffice/Clock.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QString>

namespace ow::backoffice {

// Wrong sign-ins, counted in memory in leaky buckets (nothing an attacker sends is stored):
// - per address (IPv4, or the /64 of an IPv6 address): up to kAddressBurst failures, then one
//   more every kAddressLeakSeconds; over it, every sign-in from there waits (429), whatever name
//   it gives, so the answer tells nothing about which names exist;
// - per (name, address): up to kPairBurst failures, then one every kPairLeakSeconds; over it the
//   pair is refused like a wrong password, and the right password from another address still works.
// Both tables hold at most kMaxEntries keys; when full, drained buckets go first, then the
// least recently touched half.
class SignInThrottle
{
public:
    static constexpr int kAddressBurst = 20;
    static constexpr int kAddressLeakSeconds = 30;
    static constexpr int kPairBurst = 5;
    static constexpr int kPairLeakSeconds = 60;
    static constexpr int kMaxEntries = 10'000;

    explicit SignInThrottle(Clock clock);

    // Seconds the address must wait before its next sign-in (0: it may try now).
    int addressWait(const QHostAddress &from);
    // True while (name, from) has had too many wrong passwords.
    bool pairLocked(const QString &name, const QHostAddress &from);
    // A sign-in is being tried: counted as a failure at once (so that sign-ins running at the same
    // time cannot slip past the limits) …
    void attempted(const QString &name, const QHostAddress &from);
    // … and refunded when it succeeds: the pair's count ends, the address's goes back by one.
    void succeeded(const QString &name, const QHostAddress &from);

    int entries() const { return int(m_addresses.size() + m_pairs.size()); }
    // The key an address is counted under ("v4:1.2.3.4" or "v6:2001:db8:1:2::/64").
    static QByteArray addressKey(const QHostAddress &from);
    // A short, fixed-size stand-in for a name given at sign-in (SHA-256, 16 hex digits).
    static QString nameDigest(const QString &name);

private:
    struct Bucket
    {
        double level = 0;
        QDateTime touched;
    };
    double levelNow(QHash<QByteArray, Bucket> &table, const QByteArray &key, int leakSeconds) const;
    void add(QHash<QByteArray, Bucket> &table, const QByteArray &key, int leakSeconds);
    void makeRoom(QHash<QByteArray, Bucket> &table, int leakSeconds);
    QByteArray pairKey(const QString &name, const QHostAddress &from) const;

    Clock m_clock;
    QHash<QByteArray, Bucket> m_addresses;
    QHash<QByteArray, Bucket> m_pairs;
};

} // namespace ow::backoffice
