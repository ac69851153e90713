#include "onewindow/receipt/DocumentLayout.h"
#include "onewindow/receipt/KeyRing.h"
#include "onewindow/receipt/QrPayload.h"
#include "onewindow/receipt/ReceiptDocument.h"
#include "onewindow/receipt/WindowKey.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ow::receipt;

// Sample and demo papers say so, and their keys are never trusted by a real window.
class TestSpecimen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void markedFirstAndLast_data();
    void markedFirstAndLast();
    void demoKeyIds_data();
    void demoKeyIds();
    void publishedDemoKeysAreDropped();
    void localKeyNeverOverridesPublished();
    void otherLocalKeysAreNotTrusted();
};

namespace {

QString signedBy(const WindowKey &key)
{
    QrPayload p;
    p.kind = u'R';
    p.caseId = QStringLiteral("6f1c2b8e-3d0a-4c52-9a57-2f1e0c9b7d11");
    p.caseNumber = QStringLiteral("330106-W03-20261128-0007");
    p.issued = QDate(2026, 11, 28);
    p.keyId = key.keyId();
    p.digest = QByteArray(32, '\x22');
    p.signature = key.sign(p.signedPart()).value();
    return p.encode();
}

} // namespace

void TestSpecimen::markedFirstAndLast_data()
{
    QTest::addColumn<int>("specimen");
    QTest::addColumn<QString>("mark");
    QTest::newRow("real") << int(Specimen::None) << QString();
    QTest::newRow("sample") << int(Specimen::Sample) << QStringLiteral("SAMPLE — not a valid document");
    QTest::newRow("demo") << int(Specimen::Demo) << QStringLiteral("DEMO — not a valid document");
}

void TestSpecimen::markedFirstAndLast()
{
    QFETCH(int, specimen);
    QFETCH(QString, mark);
    ReceiptDocument doc;
    doc.office = QStringLiteral("杭州市西湖区行政服务中心");
    doc.caseNumber = QStringLiteral("330106-W03-20261127-0001");
    doc.qrPayload = QStringLiteral("OW1;k=R");
    doc.specimen = Specimen(specimen);
    QCOMPARE(doc.specimenMark(), mark);
    const QList<Block> blocks = DocumentLayout::blocks(doc);
    int marks = 0;
    for (const Block &b : blocks)
        marks += !mark.isEmpty() && b.text == mark && b.type == Block::Type::Title;
    QCOMPARE(marks, mark.isEmpty() ? 0 : 2);
    if (!mark.isEmpty()) {
        QCOMPARE(blocks.first().text, mark); // above everything
        QCOMPARE(blocks.at(blocks.size() - 2).text, mark); // right above the QR code
        QCOMPARE(blocks.last().type, Block::Type::Qr);
    }
}

void TestSpecimen::demoKeyIds_data()
{
    QTest::addColumn<QString>("keyId");
    QTest::addColumn<bool>("demo");
    QTest::addColumn<bool>("sample");
    QTest::newRow("real window") << QStringLiteral("330106-W03") << false << false;
    QTest::newRow("demo") << KeyRing::demoKeyId(QStringLiteral("330106-W01")) << true << false;
    QTest::newRow("sample") << KeyRing::sampleKeyId(QStringLiteral("330106-W03")) << true << true;
    QTest::newRow("demo of demo stays") << KeyRing::demoKeyId(QStringLiteral("DEMO-330106-W01")) << true << false;
}

void TestSpecimen::demoKeyIds()
{
    QFETCH(QString, keyId);
    QFETCH(bool, demo);
    QFETCH(bool, sample);
    QCOMPARE(KeyRing::isDemoKeyId(keyId), demo);
    QCOMPARE(KeyRing::isSampleKeyId(keyId), sample);
    QVERIFY(!keyId.startsWith(QLatin1String("DEMO-DEMO-")));
}

void TestSpecimen::publishedDemoKeysAreDropped()
{
    const QByteArray pub = QByteArray(32, 'p').toBase64();
    const auto ring =
        KeyRing::fromJson("{\"keys\":{\"330106-W03\":\"" + pub + "\",\"DEMO-330106-W01\":\"" + pub + "\"}}");
    QVERIFY2(ring.ok(), qPrintable(ring.error()));
    QVERIFY(ring->contains(QStringLiteral("330106-W03")));
    QVERIFY(!ring->contains(QStringLiteral("DEMO-330106-W01")));
}

void TestSpecimen::localKeyNeverOverridesPublished()
{
    QTemporaryDir dir;
    const auto published = WindowKey::generate(QStringLiteral("330106-W03")).value();
    KeyRing ring;
    ring.add(published.keyId(), published.publicKey());
    QFile trusted(dir.filePath(QStringLiteral("trusted.json")));
    QVERIFY(trusted.open(QIODevice::WriteOnly));
    trusted.write(ring.toJson());
    trusted.close();
    // A local file of the same id (e.g. made by an old `receipt sample`) holds another key.
    const auto local = WindowKey::loadOrCreate(dir.path(), QStringLiteral("330106-W03")).value();
    const auto loaded = KeyRing::loadDirectory(dir.path(), QStringLiteral("330106-W03"));
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QVERIFY(loaded->verify(signedBy(published)).ok());
    QVERIFY(!loaded->verify(signedBy(local)).ok());
}

void TestSpecimen::otherLocalKeysAreNotTrusted()
{
    QTemporaryDir dir;
    const auto own = WindowKey::loadOrCreate(dir.path(), QStringLiteral("330106-W03")).value();
    const auto stray = WindowKey::loadOrCreate(dir.path(), QStringLiteral("330106-W09")).value();
    const auto loaded = KeyRing::loadDirectory(dir.path(), QStringLiteral("330106-W03"));
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QVERIFY(loaded->verify(signedBy(own)).ok());
    QVERIFY(!loaded->contains(stray.keyId()));
    QVERIFY(!loaded->verify(signedBy(stray)).ok());
}

QTEST_GUILESS_MAIN(TestSpecimen)
#include "tst_specimen.moc"
