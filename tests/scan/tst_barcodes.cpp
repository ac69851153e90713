#include "TestPages.h"

#include "onewindow/scan/BarcodeReader.h"
#include "onewindow/scan/CoverSheets.h"
#include "onewindow/scan/LicenceQr.h"

#include <QTest>

using namespace ow::scan;

namespace {

QImage variant(const QImage &page, const QString &how)
{
    if (how == QLatin1String("upright"))
        return page;
    if (how == QLatin1String("90"))
        return testpages::quarterTurns(page, 1);
    if (how == QLatin1String("180"))
        return testpages::quarterTurns(page, 2);
    if (how == QLatin1String("3 degrees"))
        return testpages::rotated(page, 3);
    if (how == QLatin1String("-2 degrees, noise, blur"))
        return testpages::noisy(testpages::blurred(testpages::rotated(page, -2)), 14);
    qFatal("unknown variant");
}

} // namespace

class TestBarcodes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsEveryFormat_data()
    {
        QTest::addColumn<double>("dpi");
        QTest::addColumn<QString>("how");
        QTest::addColumn<bool>("inverted");
        for (double dpi : {200.0, 300.0}) {
            for (const char *how : {"upright", "90", "180", "3 degrees", "-2 degrees, noise, blur"}) {
                QTest::addRow("%g dpi, %s", dpi, how) << dpi << QString::fromLatin1(how) << false;
            }
            QTest::addRow("%g dpi, inverted", dpi) << dpi << QStringLiteral("upright") << true;
        }
    }
    void findsEveryFormat()
    {
        QFETCH(double, dpi);
        QFETCH(QString, how);
        QFETCH(bool, inverted);
        QList<testpages::Symbol> symbols = testpages::mixedSymbols();
        for (testpages::Symbol &s : symbols)
            s.inverted = inverted;
        const QImage page = variant(testpages::a4Page(dpi, symbols, testpages::sampleText()), how);
        const QList<Barcode> found = BarcodeReader::read(page, 3);
        for (const testpages::Symbol &s : std::as_const(symbols)) {
            const QString format = QString::fromStdString(ZXing::ToString(s.format));
            const auto hit = std::find_if(
                found.begin(), found.end(), [&](const Barcode &b) { return b.format == format && b.text == s.text; });
            QVERIFY2(hit != found.end(), qPrintable(format + QStringLiteral(" not found")));
            QCOMPARE(hit->page, 3);
            QCOMPARE(hit->position.size(), 4);
            QVERIFY(page.rect().contains(hit->position.boundingRect().center()));
        }
    }

    void blankPageHasNone()
    {
        QVERIFY(BarcodeReader::read(testpages::a4Page(200, {}, testpages::sampleText())).isEmpty());
        QVERIFY(BarcodeReader::read(QImage()).isEmpty());
    }

    void licencePageYieldsCreditCode_data()
    {
        QTest::addColumn<double>("dpi");
        QTest::addColumn<int>("turns");
        QTest::newRow("200 dpi") << 200.0 << 0;
        QTest::newRow("300 dpi, upside down") << 300.0 << 2;
    }
    void licencePageYieldsCreditCode()
    {
        QFETCH(double, dpi);
        QFETCH(int, turns);
        const QString code = QStringLiteral("91310110666007217T");
        const QString name = QStringLiteral("浙江一窗示范餐饮有限公司");
        const QImage page = testpages::quarterTurns(testpages::licencePage(dpi, code, name), turns);
        const QList<Barcode> found = BarcodeReader::read(page);
        QCOMPARE(found.size(), 1);
        const auto licence = LicenceQr::parse(found.first().text);
        QVERIFY2(licence.ok(), qPrintable(licence.error()));
        QCOMPARE(licence->creditCode, code);
        QCOMPARE(licence->name, name);
    }

    // Issue 19: a QR on a faded licence photocopy was missed. Contrast is Weber's on grey
    // levels, (paper - ink) / paper: ink 196 on paper 245 is 20 %.
    void fadedLicenceQrReads_data()
    {
        QTest::addColumn<double>("dpi");
        QTest::addColumn<int>("ink");
        QTest::addColumn<int>("paper");
        QTest::addColumn<int>("noise");
        QTest::newRow("300 dpi, 25 %, noisy") << 300.0 << 184 << 245 << 4;
        QTest::newRow("300 dpi, 20 %, noisy") << 300.0 << 196 << 245 << 4;
        QTest::newRow("200 dpi, 20 %, noisy") << 200.0 << 196 << 245 << 4;
        QTest::newRow("300 dpi, 20 % on cream-grey 235") << 300.0 << 188 << 235 << 3;
    }
    void fadedLicenceQrReads()
    {
        QFETCH(double, dpi);
        QFETCH(int, ink);
        QFETCH(int, paper);
        QFETCH(int, noise);
        QVERIFY(double(paper - ink) / paper <= 0.25 + 1e-9);
        const QString code = QStringLiteral("91310110666007217T");
        const QString name = QStringLiteral("浙江一窗示范餐饮有限公司");
        const QImage page = testpages::noisy(
            testpages::blurred(testpages::faded(testpages::licencePage(dpi, code, name), ink, paper)), noise);
        QVERIFY(BarcodeReader::hasFadedAreas(page));
        const QList<Barcode> found = BarcodeReader::read(page, 2);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().format, QStringLiteral("QRCode"));
        QCOMPARE(found.first().page, 2);
        const auto licence = LicenceQr::parse(found.first().text);
        QVERIFY2(licence.ok(), qPrintable(licence.error()));
        QCOMPARE(licence->creditCode, code);
        // Where it is: the QR lies at (160, 40) mm on the page.
        const QPoint centre = found.first().position.boundingRect().center();
        const double mm = dpi / 25.4;
        QVERIFY2(QRectF(160 * mm, 40 * mm, 40 * mm, 40 * mm).contains(centre),
            qPrintable(QStringLiteral("%1, %2").arg(centre.x()).arg(centre.y())));
    }

    // The retry is for faded pages: crisp print, a scanned text page and a blank page skip it.
    void crispPagesAreNotFaded()
    {
        QVERIFY(
            !BarcodeReader::hasFadedAreas(testpages::a4Page(300, testpages::mixedSymbols(), testpages::sampleText())));
        QVERIFY(!BarcodeReader::hasFadedAreas(testpages::noisy(
            testpages::blurred(testpages::rotated(testpages::a4Page(200, {}, testpages::sampleText()), 1.2)), 12)));
        QVERIFY(!BarcodeReader::hasFadedAreas(testpages::noisy(testpages::a4Page(200, {}, {}), 12)));
        // The stretched faded page is black on white again.
        const QImage faded = testpages::faded(testpages::licencePage(200, QStringLiteral("91310110666007217T"),
                                                  QStringLiteral("浙江一窗示范餐饮有限公司")),
            196, 245);
        const QImage clear = BarcodeReader::stretchContrast(faded);
        int lo = 255, hi = 0;
        for (int y = 0; y < clear.height(); y += 3) {
            for (int x = 0; x < clear.width(); x += 3) {
                lo = std::min(lo, int(clear.constScanLine(y)[x]));
                hi = std::max(hi, int(clear.constScanLine(y)[x]));
            }
        }
        QVERIFY2(lo <= 10 && hi >= 245, qPrintable(QStringLiteral("%1..%2").arg(lo).arg(hi)));
    }

    void licenceQrText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("name");
        QTest::newRow("plain lines") << QStringLiteral("统一社会信用代码：91350100M000100Y43\n名称：福州某某有限公司")
                                     << QStringLiteral("91350100M000100Y43") << QStringLiteral("福州某某有限公司");
        QTest::newRow("gsxt link") << QStringLiteral("http://www.gsxt.gov.cn/index.html?uniscid=91110000802100433B")
                                   << QStringLiteral("91110000802100433B") << QString();
        QTest::newRow("lower case") << QStringLiteral("uniscid=91310110666007217t&entname=上海某某")
                                    << QStringLiteral("91310110666007217T") << QStringLiteral("上海某某");
        QTest::newRow("percent-encoded name") << QStringLiteral(
            "https://www.gsxt.gov.cn/?uniscid=91310110666007217T&entname=%E6%9D%AD%E5%B7%9E%E5%91%B3%E9%81%93")
                                              << QStringLiteral("91310110666007217T") << QStringLiteral("杭州味道");
        QTest::newRow("bad check character")
            << QStringLiteral("统一社会信用代码：91310110666007217X") << QString() << QString();
        QTest::newRow("an ID number is not a code") << QStringLiteral("330106199001011234") << QString() << QString();
        QTest::newRow("receipt QR") << QStringLiteral("OW1;k=R;c=abc;n=330106-W03-20261201-0001") << QString()
                                    << QString();
        QTest::newRow("empty") << QString() << QString() << QString();
    }
    void licenceQrText()
    {
        QFETCH(QString, text);
        QFETCH(QString, code);
        QFETCH(QString, name);
        const auto r = LicenceQr::parse(text);
        QCOMPARE(r.ok(), !code.isEmpty());
        if (!r.ok()) {
            QVERIFY(!r.error().isEmpty());
            return;
        }
        QCOMPARE(r->creditCode, code);
        QCOMPARE(r->name, name);
    }

    void coverSheetRules_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("barcode");
        QTest::addColumn<QString>("material");
        const QByteArray rules = R"({"prefix":"MAT/","codes":{"BL-001":"business-licence"}})";
        QTest::newRow("default prefix") << QByteArray("{}") << QStringLiteral("OW-MATERIAL:lease")
                                        << QStringLiteral("lease");
        QTest::newRow("own prefix") << rules << QStringLiteral("MAT/id-card") << QStringLiteral("id-card");
        QTest::newRow("listed code") << rules << QStringLiteral("BL-001") << QStringLiteral("business-licence");
        QTest::newRow("default prefix replaced") << rules << QStringLiteral("OW-MATERIAL:lease") << QString();
        QTest::newRow("not a material id") << QByteArray("{}") << QStringLiteral("OW-MATERIAL:a b") << QString();
        QTest::newRow("other barcode") << QByteArray("{}") << QStringLiteral("6901234567892") << QString();
    }
    void coverSheetRules()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, barcode);
        QFETCH(QString, material);
        const auto rules = CoverSheets::fromJson(json);
        QVERIFY2(rules.ok(), qPrintable(rules.error()));
        QCOMPARE(rules->materialFor(barcode).value_or(QString()), material);
    }

    void badCoverSheetRules()
    {
        QVERIFY(!CoverSheets::fromJson("[").ok());
        QVERIFY(!CoverSheets::fromJson(R"({"prefix":3})").ok());
        QVERIFY(!CoverSheets::fromJson(R"({"codes":{"X":"not valid"}})").ok());
    }

    void coverSheetsSplitABatch()
    {
        // cover(lease) p1 p2 cover(id-card) p3; pages before any cover have no material.
        Pages pages;
        QList<QList<Barcode>> codes;
        const auto add = [&](const QString &cover) {
            pages.append(
                Page {QImage(10, 10, QImage::Format_Grayscale8), 200, QStringLiteral("adf"), int(pages.size()) + 1});
            codes.append(cover.isEmpty() ? QList<Barcode> {}
                                         : QList<Barcode> {Barcode {QStringLiteral("QRCode"), cover, 1, {}}});
        };
        add({});
        add(QStringLiteral("OW-MATERIAL:lease"));
        add({});
        add({});
        add(QStringLiteral("OW-MATERIAL:id-card"));
        add({});
        const QList<CoverSheets::Batch> batches = CoverSheets().split(pages, codes);
        QCOMPARE(batches.size(), 3);
        QCOMPARE(batches.at(0).materialId, QString());
        QCOMPARE(batches.at(0).pages.size(), 1);
        QCOMPARE(batches.at(1).materialId, QStringLiteral("lease"));
        QCOMPARE(batches.at(1).pages.size(), 2);
        QCOMPARE(batches.at(1).pages.at(0).originPage, 3);
        QCOMPARE(batches.at(2).materialId, QStringLiteral("id-card"));
        QCOMPARE(batches.at(2).pages.size(), 1);
    }

    void coverSheetFoundOnAScannedPage()
    {
        const QImage cover = testpages::a4Page(200,
            {{ZXing::BarcodeFormat::QRCode, QStringLiteral("OW-MATERIAL:lease"), {80, 100}, 1.0}},
            {QStringLiteral("材料分隔页：房屋租赁合同")});
        const QImage body = testpages::a4Page(200, {}, testpages::sampleText());
        const Pages pages {Page {cover, 200, {}, 1}, Page {body, 200, {}, 2}};
        const QList<QList<Barcode>> codes {BarcodeReader::read(cover, 1), BarcodeReader::read(body, 2)};
        const auto batches = CoverSheets().split(pages, codes);
        QCOMPARE(batches.size(), 1);
        QCOMPARE(batches.first().materialId, QStringLiteral("lease"));
        QCOMPARE(batches.first().pages.size(), 1);
    }
};

QTEST_MAIN(TestBarcodes)
#include "tst_barcodes.moc"
