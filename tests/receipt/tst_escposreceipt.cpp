#include "ReceiptCheck.h"

#include "onewindow/escpossim/EscPosParser.h"
#include "onewindow/escpossim/ReceiptRenderer.h"
#include "onewindow/printer/EscPosDocument.h"
#include "onewindow/printer/PrinterProfile.h"
#include "onewindow/receipt/EscPosReceipt.h"
#include "onewindow/receipt/KeyRing.h"
#include "onewindow/receipt/QrCache.h"
#include "onewindow/receipt/QrPayload.h"
#include "onewindow/receipt/TextWrap.h"
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
    void slipLinesFollowChineseRules_data();
    void slipLinesFollowChineseRules();
    void qrEncodedOncePerDocument_data();
    void qrEncodedOncePerDocument();
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

void TestEscPosReceipt::qrEncodedOncePerDocument_data()
{
    QTest::addColumn<QString>("profile");
    QTest::newRow("58 mm raster QR") << "generic-58";
    QTest::newRow("80 mm native QR") << "generic-80";
}

// A decided document's QR is encoded for its first rendering only: printing it again (a reprint,
// the slip after the preview) reuses the symbol, and gives the same bytes. Another document (a
// new digest in its payload) gets its own.
void TestEscPosReceipt::qrEncodedOncePerDocument()
{
    QFETCH(QString, profile);
    auto key = WindowKey::generate(QStringLiteral("330106-W03")).value();
    ReceiptDocument d;
    d.kind = DocumentKind::Receipt;
    d.office = QStringLiteral("杭州市西湖区行政服务中心");
    d.caseId = QStringLiteral("0b8f6c1e-2d4a-4e6b-8f00-%1").arg(profile.right(2).repeated(6));
    d.caseNumber = QStringLiteral("330106-W03-20261128-0009");
    d.matters = {{QStringLiteral("食品经营许可"), QStringLiteral("市场监督管理局")}};
    d.issuedAt = QDateTime(QDate(2026, 11, 28), QTime(10, 15));
    const auto sign = [&key](ReceiptDocument &doc) {
        QrPayload p = QrPayload::forDocument(doc, key.keyId());
        p.signature = key.sign(p.signedPart()).value();
        doc.qrPayload = p.encode();
    };
    sign(d);
    bool found = false;
    const auto printer = ow::printer::PrinterProfile::byId(profile, &found);
    QVERIFY(found);

    const int before = QrCache::encodings();
    const auto first = EscPosReceipt::bytes(d, printer);
    QVERIFY2(first.ok(), qPrintable(first.error()));
    QCOMPARE(QrCache::encodings(), before + 1);
    for (int reprint = 0; reprint < 3; ++reprint) {
        const auto again = EscPosReceipt::bytes(d, printer);
        QVERIFY2(again.ok(), qPrintable(again.error()));
        QCOMPARE(again.value(), first.value());
    }
    QCOMPARE(QrCache::encodings(), before + 1);
    // The symbol printed is the one the printer driver encodes itself.
    ow::printer::EscPosDocument::QrOptions options;
    options.moduleSize = printer.dotsPerLine >= 576 ? 6 : 4;
    const auto cached = QrCache::escPos(d.qrPayload.toUtf8(), options.errorCorrection);
    QVERIFY(cached.ok());
    QCOMPARE(ow::printer::EscPosDocument(printer).qrEncoded(d.qrPayload.toUtf8(), cached.value(), options).bytes(),
        ow::printer::EscPosDocument(printer).qrBytes(d.qrPayload.toUtf8(), options).bytes());

    ReceiptDocument other = d;
    other.caseNumber = QStringLiteral("330106-W03-20261128-0010");
    sign(other);
    const auto otherBytes = EscPosReceipt::bytes(other, printer);
    QVERIFY(otherBytes.ok());
    QCOMPARE(QrCache::encodings(), before + 2);
    const auto image = ow::escpossim::ReceiptRenderer::renderStream(otherBytes.value(), printer.dotsPerLine);
    QVERIFY(image.ok());
    const QList<QByteArray> codes = receiptcheck::decodeQrCodes(image.value());
    QCOMPARE(codes.size(), 1);
    QCOMPARE(QString::fromUtf8(codes.first()), other.qrPayload);

    // Prepared at the decision (on a worker thread): the slip uses that encoding.
    ReceiptDocument third = d;
    third.caseNumber = QStringLiteral("330106-W03-20261128-0011");
    sign(third);
    EscPosReceipt::prepare(third);
    EscPosReceipt::prepare(third); // once only
    const auto thirdBytes = EscPosReceipt::bytes(third, printer);
    QVERIFY(thirdBytes.ok());
    QCOMPARE(QrCache::encodings(), before + 3);
    QCOMPARE(EscPosReceipt::bytes(third, printer).value(), thirdBytes.value());
    QCOMPARE(QrCache::encodings(), before + 3);
}

void TestEscPosReceipt::slipLinesFollowChineseRules_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<int>("kind");
    for (const char *profile : {"generic-58", "generic-80"}) {
        QTest::addRow("%s notice", profile) << profile << int(DocumentKind::OneTimeNotice);
        QTest::addRow("%s tolerated", profile) << profile << int(DocumentKind::ToleratedNotice);
    }
}

void TestEscPosReceipt::slipLinesFollowChineseRules()
{
    // Read back by the simulator's own parser, as the printer would print it.
    QFETCH(QString, profile);
    QFETCH(int, kind);
    ReceiptDocument d;
    d.kind = DocumentKind(kind);
    d.office = QStringLiteral("杭州市西湖区行政服务中心");
    d.caseNumber = QStringLiteral("330106-W03-20261127-0001");
    d.applicantName = QStringLiteral("王**");
    d.applicantId = QStringLiteral("330106********123X");
    d.matters = {
        {QStringLiteral("公众聚集场所投入使用、营业前消防安全检查"), QStringLiteral("杭州市西湖区消防救援大队")}};
    d.missing = {{QStringLiteral("住所（经营场所）使用证明"),
        QStringLiteral("有限责任公司设立登记：可容缺后补，5 个工作日内补交；食品经营许可（新办）：必需"),
        QStringLiteral("提供房产证或租赁合同，携带原件（验后退还）及复印件 1 份"), true, QDate(2026, 12, 4)}};
    d.supplementDeadline = QDate(2026, 12, 4);
    d.promisedDate = QDate(2026, 12, 4);
    d.window = QStringLiteral("综合窗口 3");
    d.issuedAt = QDateTime(QDate(2026, 11, 27), QTime(10, 15));
    d.qrPayload = QStringLiteral("OW1;k=N;n=330106-W03-20261127-0001");
    bool found = false;
    const auto printer = ow::printer::PrinterProfile::byId(profile, &found);
    QVERIFY(found);
    const auto bytes = EscPosReceipt::bytes(d, printer);
    QVERIFY2(bytes.ok(), qPrintable(bytes.error()));
    const auto page = ow::escpossim::EscPosParser::parse(bytes.value(), printer.dotsPerLine);
    QVERIFY2(page.ok(), qPrintable(page.error()));
    QStringList lines;
    for (const auto &item : page->items) {
        if (item.kind == ow::escpossim::EscPosItem::Kind::TextLine)
            lines << item.text();
    }
    QVERIFY(lines.size() > 10);
    const auto onOneLine = [&lines](const QString &token) {
        return std::any_of(lines.cbegin(), lines.cend(), [&](const QString &l) { return l.contains(token); });
    };
    QVERIFY2(onOneLine(d.caseNumber), qPrintable(lines.join(u'\n')));
    QVERIFY2(onOneLine(d.applicantId), qPrintable(lines.join(u'\n')));
    QVERIFY2(onOneLine(QStringLiteral("1 份")), qPrintable(lines.join(u'\n')));
    QVERIFY2(onOneLine(QStringLiteral("5 个")), qPrintable(lines.join(u'\n')));
    for (const QString &l : std::as_const(lines)) {
        const QString t = l.trimmed();
        if (t.isEmpty())
            continue;
        QVERIFY2(!TextWrap::isClosing(t.front()), qPrintable(l));
        QVERIFY2(!t.startsWith(QStringLiteral("份")), qPrintable(l));
        QVERIFY2(!TextWrap::isOpening(t.back()), qPrintable(l));
        int columns = 0;
        for (const QChar c : l)
            columns += c.isLowSurrogate() ? 0 : ow::printer::EscPosDocument::columnsOf(c);
        QVERIFY2(columns <= printer.columns(), qPrintable(l)); // never wrapped by the printer
    }
}

QTEST_MAIN(TestEscPosReceipt)
#include "tst_escposreceipt.moc"
