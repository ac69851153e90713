#include "onewindow/receipt/KeyRing.h"
#include "onewindow/receipt/QrPayload.h"
#include "onewindow/receipt/ReceiptDocument.h"
#include "onewindow/receipt/WindowKey.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

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
    void documentRoundTrips();
    void anyAlteredFieldFailsVerification_data();
    void anyAlteredFieldFailsVerification();
    void firstFormatIsNamed();

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
    p.digest = QByteArray(32, '\x5a');
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
    QVERIFY(text.startsWith(QStringLiteral("OW2;k=R;c=6f1c2b8e")));
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
    const QString digest = QStringLiteral("WlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlo");
    const QString good = QStringLiteral("OW2;k=R;c=abc;n=N-1;d=20261128;w=W03;h=") + digest + QStringLiteral(";s=");
    QTest::newRow("empty") << ""
                           << "not a OneWindow";
    QTest::newRow("a URL") << "https://example.com/x"
                           << "not a OneWindow";
    QTest::newRow("missing field") << "OW2;k=R;c=abc;n=N-1;d=20261128;h=AAAA;s=AAAA"
                                   << "incomplete";
    QTest::newRow("fields out of order") << "OW2;c=abc;k=R;n=N-1;d=20261128;w=W03;h=AAAA;s=AAAA"
                                         << "malformed";
    QTest::newRow("unknown kind") << "OW2;k=Z;c=abc;n=N-1;d=20261128;w=W03;h=AAAA;s=AAAA"
                                  << "Unknown document kind";
    QTest::newRow("impossible date") << "OW2;k=R;c=abc;n=N-1;d=20261332;w=W03;h=AAAA;s=AAAA"
                                     << "date";
    QTest::newRow("short signature") << good + QStringLiteral("AAAA") << "damaged";
    QTest::newRow("signature not base64") << good + QString(86, u'*') << "damaged";
    QTest::newRow("short digest") << "OW2;k=R;c=abc;n=N-1;d=20261128;w=W03;h=WlpaWlpa;s=AAAA"
                                  << "digest";
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

namespace {

ReceiptDocument sampleDocument()
{
    ReceiptDocument d;
    d.kind = DocumentKind::ToleratedNotice;
    d.office = QStringLiteral("杭州市西湖区行政服务中心");
    d.caseNumber = QStringLiteral("330106-W03-20261128-0007");
    d.caseId = QStringLiteral("6f1c2b8e-3d0a-4c52-9a57-2f1e0c9b7d11");
    d.applicantName = QStringLiteral("张*");
    d.applicantId = QStringLiteral("330106********1234");
    d.agentName = QStringLiteral("李*");
    d.agentId = QStringLiteral("330102********5678");
    d.otherParties = {{QStringLiteral("赵*"), QStringLiteral("330106********1231"), QString(), QString(), QString(), QString()}};
    d.matters = {{QStringLiteral("食品经营许可"), QStringLiteral("市场监管局")},
        {QStringLiteral("公众聚集场所投入使用前消防安全检查"), QStringLiteral("消防救援大队")}};
    d.received = {{QStringLiteral("营业执照"), QStringLiteral("原件核验后退回，留存复印件 1 份")}};
    d.missing = {
        {QStringLiteral("健康证明"), QStringLiteral("食品经营许可：从业人员"), QStringLiteral("带原件"), true}};
    d.promisedDate = QDate(2026, 12, 7);
    d.supplementDeadline = QDate(2026, 12, 2);
    d.deadlineNote = QStringLiteral("因承诺时限提前");
    d.confirmedConditions = {QStringLiteral("经营场所不在居民住宅楼内")};
    d.window = QStringLiteral("综合窗口 3");
    d.clerk = QStringLiteral("王小明");
    d.issuedAt = QDateTime(QDate(2026, 11, 28), QTime(9, 30, 15, 120), QTimeZone(8 * 3600));
    d.courier = true;
    d.contact = QStringLiteral("0571-12345");
    d.provisional = true;
    return d;
}

} // namespace

void TestQrPayload::documentRoundTrips()
{
    const ReceiptDocument d = sampleDocument();
    const auto back = ReceiptDocument::fromJson(d.toJson());
    QVERIFY2(back.ok(), qPrintable(back.error()));
    QCOMPARE(back->canonicalBytes(), d.canonicalBytes());
    QCOMPARE(back->issuedAt.time(), QTime(9, 30, 15, 120));
    QCOMPARE(back->issuedAt.offsetFromUtc(), 8 * 3600);
    QVERIFY(!ReceiptDocument::fromJson(QJsonObject {{QStringLiteral("format"), 9}}).ok());
    QVERIFY(!ReceiptDocument::fromJson(QJsonObject {}).ok());
}

void TestQrPayload::anyAlteredFieldFailsVerification_data()
{
    QTest::addColumn<QString>("field");
    // Every key of the canonical form: a new field of ReceiptDocument must be added here too.
    const QStringList keys = sampleDocument().toJson(false).keys();
    for (const QString &k : keys) {
        if (k != QLatin1String("format"))
            QTest::newRow(qPrintable(k)) << k;
    }
    QCOMPARE(keys.size(), 25);
}

void TestQrPayload::anyAlteredFieldFailsVerification()
{
    QFETCH(QString, field);
    const ReceiptDocument genuine = sampleDocument();
    QrPayload p = QrPayload::forDocument(genuine, m_key->keyId());
    p.signature = m_key->sign(p.signedPart()).value();
    const auto verified = m_ring.verify(p.encode());
    QVERIFY2(verified.ok(), qPrintable(verified.error()));
    QVERIFY(verified->vouchesFor(genuine));

    // Alter one field of the stored form, as a forger editing the paper (or the store) would.
    QJsonObject o = genuine.toJson();
    const QJsonValue v = o.value(field);
    if (v.isBool())
        o.insert(field, !v.toBool());
    else if (v.isArray()) {
        QJsonArray a = v.toArray();
        if (a.first().isString()) {
            a.replace(0, a.first().toString() + QStringLiteral("改"));
        } else {
            QJsonObject first = a.first().toObject();
            first.insert(first.keys().first(), QStringLiteral("改"));
            a.replace(0, first);
        }
        o.insert(field, a);
    } else if (field == QLatin1String("kind"))
        o.insert(field, QStringLiteral("receipt"));
    else if (field == QLatin1String("specimen"))
        o.insert(field, QStringLiteral("sample")); // a real paper passed off as a sample, or back
    else if (field.endsWith(QLatin1String("Date")) || field.endsWith(QLatin1String("Deadline")))
        o.insert(field, QStringLiteral("2027-01-05"));
    else if (field == QLatin1String("issuedAt"))
        o.insert(field, QStringLiteral("2026-11-28T09:30:16.120+08:00"));
    else
        o.insert(field, v.toString() + QStringLiteral("X"));
    const auto altered = ReceiptDocument::fromJson(o);
    QVERIFY2(altered.ok(), qPrintable(altered.error()));
    QVERIFY(altered->canonicalBytes() != genuine.canonicalBytes());
    QVERIFY2(!verified->vouchesFor(altered.value()), qPrintable(field));
}

void TestQrPayload::firstFormatIsNamed()
{
    const auto p = QrPayload::parse(QStringLiteral("OW1;k=R;c=abc;n=N-1;d=20261128;w=W03;s=AAAA"));
    QVERIFY(!p.ok());
    QVERIFY2(p.error().contains(QStringLiteral("first OneWindow format")), qPrintable(p.error()));
}

QTEST_GUILESS_MAIN(TestQrPayload)
#include "tst_qrpayload.moc"
