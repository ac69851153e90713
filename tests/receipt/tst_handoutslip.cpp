#include "onewindow/receipt/HandoutSlip.h"
#include "onewindow/receipt/KeyRing.h"
#include "onewindow/receipt/QrPayload.h"
#include "onewindow/receipt/Rating.h"
#include "onewindow/receipt/RatingSeal.h"
#include "onewindow/receipt/WindowKey.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace ow::receipt;

namespace {

HandoutSlip slip()
{
    HandoutSlip s;
    s.kind = SlipKind::Handout;
    s.office = QStringLiteral("杭州市西湖区行政服务中心");
    s.caseId = QStringLiteral("8c1f0c7e-0000-4000-8000-000000000001");
    s.caseNumber = QStringLiteral("330106-W01-20261127-0001");
    s.applicantName = QStringLiteral("张*");
    s.applicantId = QStringLiteral("330106********1234");
    s.items.append({QStringLiteral("i-1"), QStringLiteral("食品经营许可"), QStringLiteral("市场监管局"),
        QStringLiteral("approved"), QStringLiteral("食品经营许可证")});
    s.visits = 1;
    s.window = QStringLiteral("330106-W01");
    s.clerk = QStringLiteral("clerk1");
    s.issuedAt = QDateTime(QDate(2026, 11, 27), QTime(10, 0), QTimeZone(8 * 3600));
    s.language = QStringLiteral("zh_CN");
    return s;
}

} // namespace

// The hand-out / dispatch slip's model (canonical bytes, digest, signed QR) and the rating's
// sealed box: the contract of the case's return to the window (issue 22).
class TestHandoutSlip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void slipRoundTripsAndItsQrVouchesForIt();
    void anAlteredSlipFailsItsQr();
    void ratingSealOpensOnlyWithTheBackOfficeKey();
    void ratingSealIsBoundToItsCaseAndService();
    void ratingValuesAreChecked();
    void keyRingCarriesTheRatingKey();
};

void TestHandoutSlip::slipRoundTripsAndItsQrVouchesForIt()
{
    auto key = WindowKey::generate(QStringLiteral("330106-W01"));
    QVERIFY(key);
    HandoutSlip s = slip();
    QrPayload qr = QrPayload::forSlip(s, key->keyId());
    auto sig = key->sign(qr.signedPart());
    QVERIFY(sig);
    qr.signature = sig.value();
    s.qrPayload = qr.encode();
    QVERIFY(s.qrPayload.startsWith(QLatin1String("OW2;k=H;")));
    auto back = HandoutSlip::fromJson(s.toJson());
    QVERIFY2(back, qPrintable(back.error()));
    QCOMPARE(back->toJson(), s.toJson());
    QCOMPARE(back->digest(), s.digest());
    KeyRing ring;
    ring.add(key->keyId(), key->publicKey());
    auto checked = ring.check(s.qrPayload);
    QVERIFY2(checked, qPrintable(checked.error()));
    QVERIFY(checked->payload.isSlip());
    QVERIFY(checked->payload.vouchesFor(*back));
    // The QR's digest covers the fields, not the QR itself.
    QCOMPARE(s.canonicalBytes(), QJsonDocument(s.toJson(false)).toJson(QJsonDocument::Compact));
    HandoutSlip d = slip();
    d.kind = SlipKind::Dispatch;
    d.carrier = QStringLiteral("EMS");
    d.tracking = QStringLiteral("1190012345678");
    QCOMPARE(QrPayload::forSlip(d, key->keyId()).kind, QChar(u'D'));
    QVERIFY(d.digest() != s.digest());
}

void TestHandoutSlip::anAlteredSlipFailsItsQr()
{
    auto key = WindowKey::generate(QStringLiteral("330106-W01"));
    QVERIFY(key);
    HandoutSlip s = slip();
    QrPayload qr = QrPayload::forSlip(s, key->keyId());
    qr.signature = key->sign(qr.signedPart()).value();
    s.items[0].given = QStringLiteral("营业执照");
    QVERIFY(!qr.vouchesFor(s));
    QVERIFY(!HandoutSlip::fromJson(
        QJsonObject {{QStringLiteral("format"), 1}, {QStringLiteral("kind"), QStringLiteral("x")}}));
}

void TestHandoutSlip::ratingSealOpensOnlyWithTheBackOfficeKey()
{
    auto priv = RatingSeal::generatePrivateKey();
    QVERIFY(priv);
    auto pub = RatingSeal::publicKeyOf(priv.value());
    QVERIFY(pub);
    Rating r;
    r.caseId = QStringLiteral("c-1");
    r.service = QStringLiteral("acceptance");
    r.level = Rating::Level::VeryDissatisfied;
    r.reasons = {QStringLiteral("attitude")};
    r.text = QStringLiteral("窗口人员态度差");
    r.at = QDateTime(QDate(2026, 11, 27), QTime(2, 0), Qt::UTC);
    auto sealed = RatingSeal::seal(r, pub.value());
    QVERIFY2(sealed, qPrintable(sealed.error()));
    QVERIFY(!sealed->contains(QStringLiteral("veryDissatisfied")));
    QVERIFY(!sealed->contains(QStringLiteral("attitude")));
    QCOMPARE(RatingSeal::keyIdOf(sealed.value()), RatingSeal::keyIdFor(pub.value()));
    // Two seals of one rating differ (fresh ephemeral key and nonce).
    QVERIFY(RatingSeal::seal(r, pub.value()).value() != sealed.value());
    auto opened = RatingSeal::open(sealed.value(), priv.value(), r.caseId, r.service);
    QVERIFY2(opened, qPrintable(opened.error()));
    QCOMPARE(opened->toJson(), r.toJson());
    auto other = RatingSeal::generatePrivateKey();
    QVERIFY(!RatingSeal::open(sealed.value(), other.value(), r.caseId, r.service));
    // One byte of the ciphertext altered: the tag refuses it.
    QString tampered = sealed.value();
    const qsizetype at = tampered.size() - 10;
    tampered[at] = tampered.at(at) == u'A' ? u'B' : u'A';
    QVERIFY(!RatingSeal::open(tampered, priv.value(), r.caseId, r.service));
}

void TestHandoutSlip::ratingSealIsBoundToItsCaseAndService()
{
    auto priv = RatingSeal::generatePrivateKey().value();
    const QByteArray pub = RatingSeal::publicKeyOf(priv).value();
    Rating r;
    r.caseId = QStringLiteral("c-1");
    r.service = QStringLiteral("handout");
    r.level = Rating::Level::Satisfied;
    r.at = QDateTime::currentDateTimeUtc();
    const QString sealed = RatingSeal::seal(r, pub).value();
    QVERIFY(!RatingSeal::open(sealed, priv, QStringLiteral("c-2"), r.service));
    QVERIFY(!RatingSeal::open(sealed, priv, r.caseId, QStringLiteral("acceptance")));
    QVERIFY(RatingSeal::open(sealed, priv, r.caseId, r.service));
}

void TestHandoutSlip::ratingValuesAreChecked()
{
    QJsonObject o {{QStringLiteral("caseId"), QStringLiteral("c")},
        {QStringLiteral("service"), QStringLiteral("acceptance")},
        {QStringLiteral("level"), QStringLiteral("satisfied")}, {QStringLiteral("reasons"), QJsonArray {}},
        {QStringLiteral("text"), QString()}, {QStringLiteral("at"), QStringLiteral("2026-11-27T02:00:00.000Z")}};
    QVERIFY(Rating::fromJson(o));
    QJsonObject reasonsWithGood = o;
    reasonsWithGood.insert(QStringLiteral("reasons"), QJsonArray {QStringLiteral("attitude")});
    QVERIFY(!Rating::fromJson(reasonsWithGood));
    QJsonObject declined = o;
    declined.insert(QStringLiteral("level"), QStringLiteral("declined"));
    auto d = Rating::fromJson(declined);
    QVERIFY(d && d->declined() && !d->bad());
    QJsonObject unknown = o;
    unknown.insert(QStringLiteral("level"), QStringLiteral("meh"));
    QVERIFY(!Rating::fromJson(unknown));
}

void TestHandoutSlip::keyRingCarriesTheRatingKey()
{
    const QByteArray pub = RatingSeal::publicKeyOf(RatingSeal::generatePrivateKey().value()).value();
    KeyRing ring;
    ring.setRatingKey(RatingSeal::keyIdFor(pub), pub);
    auto back = KeyRing::fromJson(ring.toJson());
    QVERIFY2(back, qPrintable(back.error()));
    QCOMPARE(back->ratingKey(), pub);
    QCOMPARE(back->ratingKeyId(), RatingSeal::keyIdFor(pub));
}

QTEST_GUILESS_MAIN(TestHandoutSlip)
#include "tst_handoutslip.moc"
