#include "onewindow/receipt/DocumentLayout.h"
#include "onewindow/receipt/PdfRenderer.h"
#include "onewindow/receipt/PdfTextLayer.h"
#include "onewindow/receipt/QrCache.h"
#include "onewindow/receipt/QrMatrix.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QProcess>
#include <QRawFont>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryFile>
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
    d.applicantName = QStringLiteral("𠮷*"); // beyond U+FFFF, as rare surnames are
    d.applicantId = QStringLiteral("330106********123X");
    d.agentName = QStringLiteral("李*");
    d.agentId = QStringLiteral("330106********0021");
    d.matters = {{QStringLiteral("食品经营许可"), QStringLiteral("市场监督管理局")},
        {QStringLiteral("一件事：个体工商户设立登记"), QStringLiteral("杭州市西湖区行政审批局")},
        {QStringLiteral("公众聚集场所投入使用、营业前消防安全检查"), QStringLiteral("消防救援大队")}};
    d.received = {{QStringLiteral("营业执照"), QStringLiteral("本事项内由个体工商户设立登记核发")},
        {QStringLiteral("居民身份证"), QStringLiteral("原件已验并退还")}};
    d.missing = {{QStringLiteral("房屋租赁合同"), QStringLiteral("食品经营许可：经营场所证明"),
                     QStringLiteral("提供原件核验，留存复印件 1 份"), false},
        {QStringLiteral("食品安全管理制度文本"), QStringLiteral("食品经营许可：可容缺后补"),
            QStringLiteral("参照示范文本"), true, QDate(2026, 12, 3)}};
    d.deadlineNote = QStringLiteral("目录允许最多 5 个工作日；因食品经营许可承诺 1 个工作日内办结，补交期限提前。");
    d.confirmedConditions = {QStringLiteral("食品经营许可：申请人已取得营业执照")};
    d.promisedDate = QDate(2026, 12, 10);
    d.supplementDeadline = QDate(2026, 12, 3);
    d.refusalReason = QStringLiteral("申请事项不属于本机关职权范围");
    d.window = QStringLiteral("综合窗口 3");
    d.clerk = QStringLiteral("王**");
    d.contact = QStringLiteral("0571-12345");
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
    void textLayerRoundTrips_data();
    void textLayerRoundTrips();
    void remapToUnicode_data();
    void remapToUnicode();
    void receiptFitsOnePage();
    void supplementaryNeedsAMatchingReplay();
};

void TestReceiptPdf::reprintIsByteIdentical()
{
    ReceiptDocument d = sample(DocumentKind::Receipt);
    d.qrPayload += QStringLiteral("-reprint"); // a payload no other test function renders
    const int before = QrCache::encodings();
    const auto first = PdfRenderer::render(d);
    QVERIFY(first.ok());
    QCOMPARE(QrCache::encodings(), before + 1);
    // The stamp is the document's issue time, not the time of rendering.
    const QByteArray stamp =
        "/CreationDate (D:" + d.issuedAt.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() + "Z)";
    QVERIFY2(first->contains(stamp), first->left(400).constData());
    QCOMPARE(PdfRenderer::render(d).value(), first.value());
    // The reprint drew the QR encoded for the first rendering.
    QCOMPARE(QrCache::encodings(), before + 1);
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

namespace {

// Every string the document model puts on paper.
QStringList fieldsOf(const ReceiptDocument &d)
{
    QStringList f;
    for (const Block &b : DocumentLayout::blocks(d)) {
        if (b.type == Block::Type::Qr)
            continue;
        f << b.label << b.text << b.detail;
    }
    f << d.caseNumber << d.applicantName << d.applicantId << d.window << d.clerk << d.contact;
    f.removeAll(QString());
    return f;
}

QString withoutSpace(QString s)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return s.remove(space);
}

// The text of every page, as QtPdf (pdfium) reads it.
QString qtPdfText(const QString &file)
{
    QPdfDocument pdf;
    if (pdf.load(file) != QPdfDocument::Error::None)
        return {};
    QString all;
    for (int p = 0; p < pdf.pageCount(); ++p)
        all += pdf.getAllText(p).text() + u'\n';
    return all;
}

// The text as poppler's pdftotext reads it (empty when it cannot run).
QString popplerText(const QString &file)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), file, QStringLiteral("-")});
    if (!p.waitForFinished(20000) || p.exitCode() != 0)
        return {};
    // A damaged file (a wrong cross-reference after the text layer's update) shows as a complaint.
    const QByteArray complaints = p.readAllStandardError();
    if (!complaints.isEmpty())
        qWarning("pdftotext: %s", complaints.constData());
    if (complaints.contains("Error") || complaints.contains("Warning"))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

void TestReceiptPdf::textLayerRoundTrips_data()
{
    layoutPerKind_data();
}

void TestReceiptPdf::textLayerRoundTrips()
{
    QFETCH(int, kind);
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China)); // dates as 2026年12月10日星期四
    const ReceiptDocument doc = sample(DocumentKind(kind));
    const auto pdf = PdfRenderer::render(doc);
    QVERIFY2(pdf.ok(), qPrintable(pdf.error()));
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(pdf.value());
    file.close();
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(), "poppler-utils is not installed");

    const QList<QPair<QString, QString>> readers = {{QStringLiteral("QtPdf"), qtPdfText(file.fileName())},
        {QStringLiteral("pdftotext"), popplerText(file.fileName())}};
    for (const auto &[reader, text] : readers) {
        QVERIFY2(!text.isEmpty(), qPrintable(reader + QStringLiteral(" read no text")));
        for (const QChar c : text) {
            QVERIFY2(c.unicode() < 0x2E80 || c.unicode() > 0x2FDF,
                qPrintable(
                    QStringLiteral("%1 reads a radical U+%2").arg(reader).arg(c.unicode(), 4, 16, QLatin1Char('0'))));
        }
        QVERIFY2(!text.contains(u'\t'), qPrintable(reader + QStringLiteral(" reads a space as a tab")));
        const QString flat = withoutSpace(text);
        for (const QString &field : fieldsOf(doc))
            QVERIFY2(
                flat.contains(withoutSpace(field)), qPrintable(QStringLiteral("%1 misses \"%2\"").arg(reader, field)));
        // A space drawn is a space read.
        QVERIFY2(text.contains(QStringLiteral("综合窗口 3")), qPrintable(reader));
        // The case number is in the footer of every page too.
        QCOMPARE(int(text.count(doc.caseNumber)) >= 2, true);
    }
    QLocale::setDefault(QLocale::c());
}

void TestReceiptPdf::remapToUnicode_data()
{
    QTest::addColumn<QByteArray>("cmap");
    QTest::addColumn<QByteArray>("expected"); // empty: refused
    QTest::addColumn<int>("replaced");
    const QByteArray head = "/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    QTest::newRow("array") << head
            + "2 beginbfrange\n<0000> <0000> <0000>\n<0001> <0003> [<2F00> <0009> <4E8B> ]\nendbfrange\n"
                           << head
            + "2 beginbfrange\n<0000> <0000> <0000>\n<0001> <0003> [<4E00> <0020> <4E8B> ]\nendbfrange\n"
                           << 2;
    QTest::newRow("single") << head + "1 beginbfrange\n<0005> <0005> <2EDD>\nendbfrange\n"
                            << head + "1 beginbfrange\n<0005> <0005> <98DF>\nendbfrange\n"
                            << 1;
    QTest::newRow("untouched linear range") << head + "1 beginbfrange\n<0010> <0019> <0030>\nendbfrange\n"
                                            << head + "1 beginbfrange\n<0010> <0019> <0030>\nendbfrange\n"
                                            << 0;
    QTest::newRow("a radical inside a linear range") << head + "1 beginbfrange\n<0010> <0012> <2EFF>\nendbfrange\n"
                                                     << QByteArray() << 0;
    QTest::newRow("not 4 digits") << head + "1 beginbfrange\n<0010> <0010> <00020000>\nendbfrange\n"
                                  << QByteArray() << 0;
    QTest::newRow("not closed") << head + "1 beginbfrange\n<0010> <0010> <2F00>\n" << QByteArray() << 0;
}

void TestReceiptPdf::remapToUnicode()
{
    QFETCH(QByteArray, cmap);
    QFETCH(QByteArray, expected);
    QFETCH(int, replaced);
    const PdfTextLayer::Substitutions subs {
        {0x2F00, 0x4E00}, {0x0009, 0x0020}, {0x2EDD, 0x98DF}, {0x2F00 + 0xFF, 0x4E01}};
    int count = -1;
    const auto out = PdfTextLayer::remapToUnicode(cmap, subs, &count);
    if (expected.isEmpty()) {
        QVERIFY(!out.ok());
        QVERIFY(!out.error().isEmpty());
        return;
    }
    QVERIFY2(out.ok(), qPrintable(out.error()));
    QCOMPARE(out.value(), expected);
    QCOMPARE(count, replaced);
}

void TestReceiptPdf::receiptFitsOnePage()
{
    // A receipt of the demo's size (five matters, fourteen materials) fits one A4 page with its
    // QR; one of forty materials does not, and then every page carries the case number and the QR.
    ReceiptDocument d = sample(DocumentKind::Receipt);
    for (int i = 0; i < 3; ++i)
        d.matters.append(
            {QStringLiteral("公众聚集场所投入使用、营业前消防安全检查 %1").arg(i), QStringLiteral("消防救援大队")});
    for (int i = 0; i < 12; ++i)
        d.received.append({QStringLiteral("公众聚集场所投入使用、营业前消防安全检查申请表 %1").arg(i),
            QStringLiteral("收原件 1 份")});
    auto pdf = PdfRenderer::render(d);
    QVERIFY2(pdf.ok(), qPrintable(pdf.error()));
    QPdfDocument one;
    QTemporaryFile f1;
    QVERIFY(f1.open());
    f1.write(pdf.value());
    f1.close();
    QCOMPARE(one.load(f1.fileName()), QPdfDocument::Error::None);
    QCOMPARE(one.pageCount(), 1);

    for (int i = 14; i < 40; ++i)
        d.received.append({QStringLiteral("公众聚集场所投入使用、营业前消防安全检查申请表 %1").arg(i),
            QStringLiteral("收原件 1 份")});
    pdf = PdfRenderer::render(d);
    QVERIFY2(pdf.ok(), qPrintable(pdf.error()));
    QTemporaryFile f2;
    QVERIFY(f2.open());
    f2.write(pdf.value());
    f2.close();
    QPdfDocument two;
    QCOMPARE(two.load(f2.fileName()), QPdfDocument::Error::None);
    QVERIFY(two.pageCount() >= 2);
    for (int p = 0; p < two.pageCount(); ++p) {
        QVERIFY2(two.getAllText(p).text().contains(d.caseNumber), qPrintable(QString::number(p)));
        const QImage page = two.render(p, QSize(1240, 1754)); // 150 dpi
        const QImage gray = page.convertToFormat(QImage::Format_Grayscale8);
        const ZXing::ImageView view(
            gray.constBits(), gray.width(), gray.height(), ZXing::ImageFormat::Lum, int(gray.bytesPerLine()));
        ZXing::DecodeHints hints;
        hints.setFormats(ZXing::BarcodeFormat::QRCode);
        hints.setTryHarder(true);
        const auto result = ZXing::ReadBarcode(view, hints);
        QVERIFY2(result.isValid(), qPrintable(QStringLiteral("no QR on page %1").arg(p + 1)));
        QCOMPARE(QString::fromStdString(result.text()), d.qrPayload);
    }
}

void TestReceiptPdf::supplementaryNeedsAMatchingReplay()
{
    // A replay that does not match the file's own maps adds nothing (and changes nothing).
    const auto pdf = PdfRenderer::render(sample(DocumentKind::Receipt));
    QVERIFY2(pdf.ok(), qPrintable(pdf.error()));
    QFont font(QStringLiteral("Noto Serif CJK SC"));
    const QList<QRawFont> fonts = {QRawFont::fromFont(font)};
    int added = -1;
    const QByteArray same =
        PdfTextLayer::completeSupplementary(pdf.value(), fonts, {{0, QStringLiteral("与文件不符的文字 𠮷")}}, &added);
    QCOMPARE(added, 0);
    QCOMPARE(same, pdf.value());
}

QTEST_MAIN(TestReceiptPdf)
#include "tst_receiptpdf.moc"
