#include "ReceiptCheck.h"

#include "onewindow/escpossim/ReceiptRenderer.h"
#include "onewindow/printer/PrinterProfile.h"
#include "onewindow/receipt/EscPosReceipt.h"
#include "onewindow/receipt/KeyRing.h"
#include "onewindow/receipt/QrPayload.h"
#include "onewindow/receipt/WindowKey.h"

#include <QGuiApplication>
#include <QTest>

using namespace ow::receipt;

class TestEscPosReceipt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void printsAndScansBack_data();
    void printsAndScansBack();
};

void TestEscPosReceipt::printsAndScansBack_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<int>("kind");
    QTest::newRow("58 mm raster QR, receipt") << "generic-58" << int(DocumentKind::Receipt);
    QTest::newRow("80 mm native QR, notice") << "generic-80" << int(DocumentKind::OneTimeNotice);
    QTest::newRow("58 mm, refusal") << "generic-58" << int(DocumentKind::RefusalNotice);
}

void TestEscPosReceipt::printsAndScansBack()
{
    QFETCH(QString, profile);
    QFETCH(int, kind);
    auto key = WindowKey::generate(QStringLiteral("330106-W03")).value();
    ReceiptDocument d;
    d.kind = DocumentKind(kind);
    d.office = QStringLiteral("杭州市西湖区行政服务中心");
    d.caseId = QStringLiteral("6f1c2b8e-3d0a-4c52-9a57-2f1e0c9b7d11");
    d.caseNumber = QStringLiteral("330106-W03-20261128-0007");
    d.applicantName = QStringLiteral("王**");
    d.applicantId = QStringLiteral("330106********123X");
    d.matters = {{QStringLiteral("食品经营许可"), QStringLiteral("市场监督管理局")}};
    d.missing = {{QStringLiteral("房屋租赁合同"), QStringLiteral("食品经营许可：经营场所证明"),
        QStringLiteral("原件 1 份"), false}};
    d.refusalReason = QStringLiteral("不属于本机关职权范围");
    d.window = QStringLiteral("综合窗口 3");
    d.issuedAt = QDateTime(QDate(2026, 11, 28), QTime(10, 15));
    QrPayload p = QrPayload::forDocument(d, key.keyId());
    p.signature = key.sign(p.signedPart()).value();
    d.qrPayload = p.encode();

    bool found = false;
    const auto printer = ow::printer::PrinterProfile::byId(profile, &found);
    QVERIFY(found);
    const auto bytes = EscPosReceipt::bytes(d, printer);
    QVERIFY2(bytes.ok(), qPrintable(bytes.error()));
    const auto image = ow::escpossim::ReceiptRenderer::renderStream(bytes.value(), printer.dotsPerLine);
    QVERIFY2(image.ok(), qPrintable(image.error()));
    QCOMPARE(image->width(), printer.dotsPerLine);

    const QList<QByteArray> codes = receiptcheck::decodeQrCodes(image.value());
    QCOMPARE(codes.size(), 1);
    QCOMPARE(QString::fromUtf8(codes.first()), d.qrPayload);
    KeyRing ring;
    ring.add(key.keyId(), key.publicKey());
    const auto verified = ring.verify(QString::fromUtf8(codes.first()));
    QVERIFY2(verified.ok(), qPrintable(verified.error()));
    QVERIFY(verified->vouchesFor(d)); // the slip's QR vouches for the whole document
    // Chinese prints in the printer's own font (the office line, normal size).
    QVERIFY(receiptcheck::containsGlyph(image.value(), d.office.at(0)));
    QVERIFY(receiptcheck::containsGlyph(image.value(), d.matters.first().name.at(0)));
}

QTEST_MAIN(TestEscPosReceipt)
#include "tst_escposreceipt.moc"
