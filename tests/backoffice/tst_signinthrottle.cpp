// SignInThrottle with a clock the test moves: the buckets fill, drain with time, are kept apart
// per address and per (name, address), and never grow past their bound.
#include "onewindow/backoffice/SignInThrottle.h"

#include <QTest>

using ow::backoffice::SignInThrottle;

class TestSignInThrottle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pairLocksAfterBurstAndDrains();
    void addressWaitsAfterBurstWhateverTheName();
    void successRefundsAndUnlocksThePair();
    void ipv6CountsPerSlash64();
    void namesAreKeptAsShortDigests();
    void tablesStayBounded();

private:
    SignInThrottle throttle()
    {
        return SignInThrottle([this] { return m_now; });
    }
    QDateTime m_now = QDateTime(QDate(2026, 12, 1), QTime(8, 30), Qt::UTC);
};

void TestSignInThrottle::pairLocksAfterBurstAndDrains()
{
    SignInThrottle t = throttle();
    const QHostAddress a(QStringLiteral("10.0.0.5"));
    const QHostAddress b(QStringLiteral("10.0.0.6"));
    for (int i = 0; i < SignInThrottle::kPairBurst; ++i) {
        QVERIFY(!t.pairLocked(QStringLiteral("wang"), a));
        t.attempted(QStringLiteral("wang"), a);
    }
    QVERIFY(t.pairLocked(QStringLiteral("wang"), a));
    QVERIFY(t.pairLocked(QStringLiteral("WANG"), a)); // the same name, differently cased
    QVERIFY(!t.pairLocked(QStringLiteral("wang"), b)); // another address: not locked
    QVERIFY(!t.pairLocked(QStringLiteral("li"), a)); // another name: not locked
    QCOMPARE(t.addressWait(a), 0); // five failures do not slow the address yet
    m_now = m_now.addSecs(SignInThrottle::kPairLeakSeconds + 1);
    QVERIFY(!t.pairLocked(QStringLiteral("wang"), a)); // one more try after a minute
}

void TestSignInThrottle::addressWaitsAfterBurstWhateverTheName()
{
    SignInThrottle t = throttle();
    const QHostAddress a(QStringLiteral("10.0.0.7"));
    for (int i = 0; i < SignInThrottle::kAddressBurst; ++i) {
        QCOMPARE(t.addressWait(a), 0);
        t.attempted(QStringLiteral("name%1").arg(i), a);
    }
    const int wait = t.addressWait(a);
    QVERIFY(wait >= 1 && wait <= SignInThrottle::kAddressLeakSeconds);
    QCOMPARE(t.addressWait(QHostAddress(QStringLiteral("10.0.0.8"))), 0);
    m_now = m_now.addSecs(wait);
    QCOMPARE(t.addressWait(a), 0);
}

void TestSignInThrottle::successRefundsAndUnlocksThePair()
{
    SignInThrottle t = throttle();
    const QHostAddress a(QStringLiteral("10.0.0.9"));
    // A centre behind one address: many clerks sign in right, one after another.
    for (int i = 0; i < 5 * SignInThrottle::kAddressBurst; ++i) {
        QCOMPARE(t.addressWait(a), 0);
        t.attempted(QStringLiteral("clerk%1").arg(i), a);
        t.succeeded(QStringLiteral("clerk%1").arg(i), a);
    }
    for (int i = 0; i < SignInThrottle::kPairBurst - 1; ++i)
        t.attempted(QStringLiteral("zhao"), a);
    t.attempted(QStringLiteral("zhao"), a);
    QVERIFY(t.pairLocked(QStringLiteral("zhao"), a));
    t.succeeded(QStringLiteral("zhao"), a);
    QVERIFY(!t.pairLocked(QStringLiteral("zhao"), a));
}

void TestSignInThrottle::ipv6CountsPerSlash64()
{
    QCOMPARE(SignInThrottle::addressKey(QHostAddress(QStringLiteral("2001:db8:1:2::5"))),
        SignInThrottle::addressKey(QHostAddress(QStringLiteral("2001:db8:1:2:ffff::9"))));
    QVERIFY(SignInThrottle::addressKey(QHostAddress(QStringLiteral("2001:db8:1:2::5")))
        != SignInThrottle::addressKey(QHostAddress(QStringLiteral("2001:db8:1:3::5"))));
    // An IPv4-mapped address is its IPv4 address.
    QCOMPARE(SignInThrottle::addressKey(QHostAddress(QStringLiteral("::ffff:10.0.0.1"))), QByteArray("v4:10.0.0.1"));
}

void TestSignInThrottle::namesAreKeptAsShortDigests()
{
    const QString huge = QStringLiteral("x").repeated(4 * 1024 * 1024);
    QCOMPARE(SignInThrottle::nameDigest(huge).size(), 16);
    QVERIFY(SignInThrottle::nameDigest(huge) != SignInThrottle::nameDigest(huge + QLatin1Char('y')));
}

void TestSignInThrottle::tablesStayBounded()
{
    SignInThrottle t = throttle();
    for (int i = 0; i < 3 * SignInThrottle::kMaxEntries; ++i) {
        const QHostAddress from(quint32(0x0A000000u + quint32(i)));
        t.attempted(QStringLiteral("n%1").arg(i), from);
        if (i % 1000 == 0)
            m_now = m_now.addMSecs(1);
    }
    QVERIFY2(t.entries() <= 2 * SignInThrottle::kMaxEntries, qPrintable(QString::number(t.entries())));
    // The most recent are still counted.
    const QHostAddress last(quint32(0x0A000000u + quint32(3 * SignInThrottle::kMaxEntries - 1)));
    for (int i = 1; i < SignInThrottle::kPairBurst; ++i)
        t.attempted(QStringLiteral("n%1").arg(3 * SignInThrottle::kMaxEntries - 1), last);
    QVERIFY(t.pairLocked(QStringLiteral("n%1").arg(3 * SignInThrottle::kMaxEntries - 1), last));
}

QTEST_GUILESS_MAIN(TestSignInThrottle)
#include "tst_signinthrottle.moc"
