#include "onewindow/receipt/KeyRing.h"
#include "onewindow/receipt/QrPayload.h"
#include "onewindow/receipt/WindowKey.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ow::receipt;

class TestQrPayload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void genuineVerifies();
    void everySingleByteChangeIsRejected();
    void malformed_data();
    void malformed();
    void unknownWindowKey();
    void otherWindowsKeyDoesNotVerify();
    void keyPersistsWithPrivatePermissions();
    void keyRingJson();

private:
    QString signedPayload(const WindowKey &key, QChar kind = u'R') const;
    std::optional<WindowKey> m_key;
    KeyRing m_ring;
};

QString TestQrPayload::signedPayload(const WindowKey &key, QChar kind) const
{
    QrPayload p;
    p.kind = kind;
    p.caseId = QStringLiteral("6f1c2b8e-3d0a-4c52-9a57-2f1e0c9b7d11");
    p.caseNumber = QStringLiteral("330106-W03-20261128-0007");
    p.issued = QDate(2026, 11, 28);
    p.keyId = key.keyId();
    p.signature = key.sign(p.signedPart()).value();
    return p.encode();
}

void TestQrPayload::initTestCase()
{
    auto key = WindowKey::generate(QStringLiteral("330106-W03"));
    QVERIFY2(key.ok(), qPrintable(key.error()));
    m_key = key.value();
    m_ring.add(m_key->keyId(), m_key->publicKey());
}

void TestQrPayload::genuineVerifies()
{
    const QString text = signedPayload(*m_key);
    QVERIFY(text.startsWith(QStringLiteral("OW1;k=R;c=6f1c2b8e")));
    const auto p = m_ring.verify(text);
    QVERIFY2(p.ok(), qPrintable(p.error()));
    QCOMPARE(p->caseNumber, QStringLiteral("330106-W03-20261128-0007"));
    QCOMPARE(p->issued, QDate(2026, 11, 28));
    QCOMPARE(p->kind, QChar(u'R'));
}

void TestQrPayload::everySingleByteChangeIsRejected()
{
    const QByteArray genuine = signedPayload(*m_key).toLatin1();
    for (qsizetype i = 0; i < genuine.size(); ++i) {
        for (char replacement : {'0', 'A', '-', ';'}) {
            if (genuine.at(i) == replacement)
                continue;
            QByteArray forged = genuine;
            forged[i] = replacement;
            const auto p = m_ring.verify(QString::fromLatin1(forged));
            QVERIFY2(!p.ok(),
                qPrintable(QStringLiteral("accepted a change at byte %1: %2").arg(i).arg(QString::fromLatin1(forged))));
        }
    }
}

void TestQrPayload::malformed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("messageContains");
    const QString good = QStringLiteral("OW1;k=R;c=abc;n=N-1;d=20261128;w=W03;s=");
    QTest::newRow("empty") << ""
                           << "not a OneWindow";
    QTest::newRow("a URL") << "https://example.com/x"
                           << "not a OneWindow";
    QTest::newRow("missing field") << "OW1;k=R;c=abc;n=N-1;d=20261128;s=AAAA"
                                   << "incomplete";
    QTest::newRow("fields out of order") << "OW1;c=abc;k=R;n=N-1;d=20261128;w=W03;s=AAAA"
                                         << "malformed";
    QTest::newRow("unknown kind") << "OW1;k=Z;c=abc;n=N-1;d=20261128;w=W03;s=AAAA"
                                  << "Unknown document kind";
    QTest::newRow("impossible date") << "OW1;k=R;c=abc;n=N-1;d=20261332;w=W03;s=AAAA"
                                     << "date";
    QTest::newRow("short signature") << good + QStringLiteral("AAAA") << "damaged";
    QTest::newRow("signature not base64") << good + QString(86, u'*') << "damaged";
}

void TestQrPayload::malformed()
{
    QFETCH(QString, text);
    QFETCH(QString, messageContains);
    const auto p = m_ring.verify(text);
    QVERIFY(!p.ok());
    QVERIFY2(p.error().contains(messageContains), qPrintable(p.error()));
}

void TestQrPayload::unknownWindowKey()
{
    auto other = WindowKey::generate(QStringLiteral("330106-W09"));
    const auto p = m_ring.verify(signedPayload(other.value()));
    QVERIFY(!p.ok());
    QVERIFY2(p.error().contains(QStringLiteral("unknown")), qPrintable(p.error()));
}

void TestQrPayload::otherWindowsKeyDoesNotVerify()
{
    // A forger with their own key who claims to be window W03.
    auto forger = WindowKey::generate(QStringLiteral("330106-W03"));
    const auto p = m_ring.verify(signedPayload(forger.value()));
    QVERIFY(!p.ok());
    QVERIFY2(p.error().contains(QStringLiteral("altered or forged")), qPrintable(p.error()));
}

void TestQrPayload::keyPersistsWithPrivatePermissions()
{
    QTemporaryDir dir;
    auto first = WindowKey::loadOrCreate(dir.path(), QStringLiteral("W03"));
    QVERIFY2(first.ok(), qPrintable(first.error()));
    auto second = WindowKey::loadOrCreate(dir.path(), QStringLiteral("W03"));
    QCOMPARE(second->publicKey(), first->publicKey());
    const QFile::Permissions perms = QFile::permissions(dir.filePath(QStringLiteral("W03.key")));
    QVERIFY(perms & QFile::ReadOwner);
    QVERIFY(!(perms & (QFile::ReadGroup | QFile::ReadOther)));
    auto ring = KeyRing::loadDirectory(dir.path(), QStringLiteral("W03"));
    QVERIFY(ring.ok());
    QVERIFY(ring->verify(signedPayload(first.value())).ok());

    QFile damaged(dir.filePath(QStringLiteral("W04.key")));
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write("not a key\n");
    damaged.close();
    const auto broken = WindowKey::loadOrCreate(dir.path(), QStringLiteral("W04"));
    QVERIFY(!broken.ok());
    QVERIFY(broken.error().contains(QStringLiteral("damaged")));
    QVERIFY(!WindowKey::generate(QStringLiteral("../etc")).ok());
}

void TestQrPayload::keyRingJson()
{
    const auto ring = KeyRing::fromJson(m_ring.toJson());
    QVERIFY(ring.ok());
    QVERIFY(ring->contains(m_key->keyId()));
    QVERIFY(ring->verify(signedPayload(*m_key, u'N')).ok());
    QVERIFY(!KeyRing::fromJson(QByteArray("{\"keys\":{\"W\":\"AAAA\"}}")).ok());
    QVERIFY(!KeyRing::fromJson(QByteArray("[")).ok());
}

QTEST_GUILESS_MAIN(TestQrPayload)
#include "tst_qrpayload.moc"
