#include "onewindow/receipt/DocumentLayout.h"
#include "onewindow/receipt/PdfRenderer.h"
#include "onewindow/receipt/QrMatrix.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QTest>

#include <ZXing/ReadBarcode.h>

using namespace ow::receipt;

namespace {

ReceiptDocument sample(DocumentKind kind)
{
    ReceiptDocument d;
    d.kind = kind;
    d.office = QStringLiteral("杭州市西湖区行政服务中心");
    d.caseNumber = QStringLiteral("330106-W03-20261128-0007");
    d.applicantName = QStringLiteral("张*");
    d.applicantId = QStringLiteral("330106********123X");
    d.matters = {{QStringLiteral("食品经营许可"), QStringLiteral("市场监督管理局")},
        {QStringLiteral("公众聚集场所投入使用、营业前消防安全检查"), QStringLiteral("消防救援大队")}};
    d.received = {{QStringLiteral("营业执照"), QStringLiteral("电子证照")}};
    d.missing = {{QStringLiteral("房屋租赁合同"), QStringLiteral("食品经营许可：经营场所证明"),
        QStringLiteral("提供原件核验，留存复印件 1 份"), false}};
    d.promisedDate = QDate(2026, 12, 10);
    d.supplementDeadline = QDate(2026, 12, 3);
    d.refusalReason = QStringLiteral("申请事项不属于本机关职权范围");
    d.window = QStringLiteral("综合窗口 3");
    d.clerk = QStringLiteral("王**");
    d.issuedAt = QDateTime(QDate(2026, 11, 28), QTime(10, 15));
    d.qrPayload = QStringLiteral("OW1;k=R;c=6f1c2b8e;n=330106-W03-20261128-0007;d=20261128;w=W03;s=AAAA");
    return d;
}

} // namespace

class TestReceiptPdf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void qrMatrixDecodesBack_data();
    void qrMatrixDecodesBack();
    void layoutPerKind_data();
    void layoutPerKind();
    void pdfEmbedsTheCjkFont_data();
    void pdfEmbedsTheCjkFont();
    void reprintIsByteIdentical();
};

void TestReceiptPdf::reprintIsByteIdentical()
{
    const ReceiptDocument d = sample(DocumentKind::Receipt);
    const auto first = PdfRenderer::render(d);
    QVERIFY(first.ok());
    // The stamp is the document's issue time, not the time of rendering.
    const QByteArray stamp =
        "/CreationDate (D:" + d.issuedAt.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() + "Z)";
    QVERIFY2(first->contains(stamp), first->left(400).constData());
    QCOMPARE(PdfRenderer::render(d).value(), first.value());
}

void TestReceiptPdf::qrMatrixDecodesBack_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("payload") << "OW1;k=R;c=6f1c2b8e;n=330106-W03-20261128-0007;d=20261128;w=W03;s=AAAA";
    QTest::newRow("chinese") << "一窗受理 最多跑一次";
}

void TestReceiptPdf::qrMatrixDecodesBack()
{
    QFETCH(QString, text);
    const auto qr = QrMatrix::encode(text);
    QVERIFY2(qr.ok(), qPrintable(qr.error()));
    const int scale = 4;
    const int side = (qr->size() + 8) * scale;
    QImage img(side, side, QImage::Format_Grayscale8);
    img.fill(255);
    for (int y = 0; y < qr->size(); ++y)
        for (int x = 0; x < qr->size(); ++x)
            if (qr->dark(x, y))
                for (int dy = 0; dy < scale; ++dy)
                    for (int dx = 0; dx < scale; ++dx)
                        img.setPixel((x + 4) * scale + dx, (y + 4) * scale + dy, qRgb(0, 0, 0));
    const ZXing::ImageView view(
        img.constBits(), img.width(), img.height(), ZXing::ImageFormat::Lum, int(img.bytesPerLine()));
    const auto result = ZXing::ReadBarcode(view);
    QVERIFY(result.isValid());
    QCOMPARE(QString::fromStdString(result.text()), text);
    QCOMPARE(QString::fromStdString(result.ecLevel()), QStringLiteral("M"));
}

void TestReceiptPdf::layoutPerKind_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("listsMissing");
    QTest::addColumn<bool>("hasDeadline");
    QTest::addColumn<bool>("hasReason");
    QTest::newRow("receipt") << int(DocumentKind::Receipt) << false << false << false;
    QTest::newRow("one-time notice") << int(DocumentKind::OneTimeNotice) << true << false << false;
    QTest::newRow("tolerated") << int(DocumentKind::ToleratedNotice) << true << true << false;
    QTest::newRow("refusal") << int(DocumentKind::RefusalNotice) << false << false << true;
}

void TestReceiptPdf::layoutPerKind()
{
    QFETCH(int, kind);
    QFETCH(bool, listsMissing);
    QFETCH(bool, hasDeadline);
    QFETCH(bool, hasReason);
    const auto blocks = DocumentLayout::blocks(sample(DocumentKind(kind)));
    bool missing = false, deadline = false, reason = false, qr = false;
    for (const Block &b : blocks) {
        missing = missing || (b.type == Block::Type::Item && b.label == QStringLiteral("房屋租赁合同"));
        deadline = deadline || (b.type == Block::Type::Field && b.label == QStringLiteral("Supplement by"));
        reason = reason || b.text == QStringLiteral("申请事项不属于本机关职权范围");
        qr = qr || b.type == Block::Type::Qr;
    }
    QCOMPARE(missing, listsMissing);
    QCOMPARE(deadline, hasDeadline);
    QCOMPARE(reason, hasReason);
    QVERIFY(qr);
    QCOMPARE(blocks.at(1).type, Block::Type::Title);
}

void TestReceiptPdf::pdfEmbedsTheCjkFont_data()
{
    layoutPerKind_data();
}

void TestReceiptPdf::pdfEmbedsTheCjkFont()
{
    QFETCH(int, kind);
    const auto pdf = PdfRenderer::render(sample(DocumentKind(kind)));
    QVERIFY2(pdf.ok(), qPrintable(pdf.error()));
    QVERIFY(pdf->startsWith("%PDF-"));
    QVERIFY(pdf->contains("/FontFile"));
    QVERIFY2(pdf->contains("NotoSerifCJK") || pdf->contains("NotoSansCJK"), "the CJK font is not embedded");
}

QTEST_MAIN(TestReceiptPdf)
#include "tst_receiptpdf.moc"
