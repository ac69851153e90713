#include "onewindow/scan/MaterialPages.h"
#include "onewindow/scan/Scanner.h"
#include "onewindow/store/BlobStore.h"

#include <QBuffer>
#include <QPdfDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "SaneTestBackend.h"

using namespace ow::scan;

// Through the real libsane, with SANE's own "test" backend enabled in a private configuration
// directory (SANE_CONFIG_DIR), so no scanner and no system configuration are involved.
class TestSane : public QObject
{
    Q_OBJECT

    QTemporaryDir m_config;

    struct Batch
    {
        Pages pages;
        int count = -1;
        QString error;
        int progressSignals = 0;
    };
    Batch run(const ScanSettings &settings)
    {
        Scanner scanner;
        Batch b;
        connect(&scanner, &Scanner::pageScanned, this, [&](const Page &p) { b.pages.append(p); });
        connect(&scanner, &Scanner::progress, this, [&](int, int) { ++b.progressSignals; });
        QSignalSpy done(&scanner, &Scanner::finished);
        scanner.scan(settings);
        if (!done.wait(60000))
            qFatal("the scan did not finish");
        b.count = done.first().at(0).toInt();
        b.error = done.first().at(1).toString();
        return b;
    }
    static ScanSettings testScanner()
    {
        ScanSettings s;
        s.device = QStringLiteral("test:0");
        s.dpi = 100;
        // The test backend keeps option values between opens in one process: reset the faults.
        s.extraOptions = {{QStringLiteral("test-picture"), QStringLiteral("Grid")},
            {QStringLiteral("read-return-value"), QStringLiteral("Default")},
            {QStringLiteral("read-delay"), QStringLiteral("no")}, {QStringLiteral("read-limit"), QStringLiteral("no")}};
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(writeSaneTestConfig(m_config));
        // Before the first sane_init: the backends read their configuration once.
        qputenv("SANE_CONFIG_DIR", m_config.path().toLocal8Bit());
    }

    void listsTheTestDevices()
    {
        Scanner scanner;
        QSignalSpy listed(&scanner, &Scanner::devicesListed);
        scanner.listDevices();
        QVERIFY(listed.wait(30000));
        const auto devices = listed.first().at(0).value<QList<ScanDevice>>();
        QCOMPARE(listed.first().at(1).toString(), QString());
        QVERIFY(devices.size() >= 1);
        QCOMPARE(devices.first().name, QStringLiteral("test:0"));
    }

    void scansOneFlatbedPage()
    {
        ScanSettings s = testScanner();
        const Batch b = run(s);
        QCOMPARE(b.error, QString());
        QCOMPARE(b.count, 1);
        QCOMPARE(b.pages.size(), 1);
        QCOMPARE(b.pages.first().dpi, 100.0);
        // The whole bed (200 mm) at 100 dpi.
        QVERIFY(std::abs(b.pages.first().image.width() - 787) <= 2);
        QVERIFY(b.progressSignals >= 2);
        QCOMPARE(b.pages.first().origin, QStringLiteral("test:0"));
    }

    void feederBatchLandsOnAMaterial()
    {
        ScanSettings s = testScanner();
        s.source = ScanSettings::Source::Feeder;
        s.maxPages = 4;
        const Batch b = run(s);
        QCOMPARE(b.error, QString());
        QCOMPARE(b.count, 4);
        QCOMPARE(b.pages.size(), 4);
        QCOMPARE(b.pages.at(3).originPage, 4);

        MaterialPages material;
        material.add(QStringLiteral("lease"), b.pages);
        QCOMPARE(material.count(QStringLiteral("lease")), 4);
        QTemporaryDir data;
        ow::store::BlobStore blobs(data.path());
        const auto stored = material.store(QStringLiteral("lease"), QStringLiteral("房屋租赁合同"), blobs);
        QVERIFY2(stored.ok(), qPrintable(stored.error()));
        QCOMPARE(stored->pageCount, 4);
        QVERIFY(blobs.contains(stored->sha256));
        // The scan is sealed at rest: read back through the store.
        const auto pdf = blobs.get(stored->sha256);
        QVERIFY2(pdf.ok(), qPrintable(pdf.error()));
        QBuffer buffer;
        buffer.setData(pdf.value());
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        QPdfDocument doc;
        doc.load(&buffer);
        QCOMPARE(doc.status(), QPdfDocument::Status::Ready);
        QCOMPARE(doc.pageCount(), 4);
    }

    void emptyFeederEndsTheBatch()
    {
        // The test backend's feeder holds 10 sheets.
        ScanSettings s = testScanner();
        s.source = ScanSettings::Source::Feeder;
        s.dpi = 25;
        const Batch b = run(s);
        QCOMPARE(b.error, QString());
        QCOMPARE(b.count, 10);
    }

    void jamIsNamed()
    {
        ScanSettings s = testScanner();
        s.extraOptions.append({QStringLiteral("read-return-value"), QStringLiteral("SANE_STATUS_JAMMED")});
        const Batch b = run(s);
        QVERIFY2(b.error.contains(QLatin1String("jam")), qPrintable(b.error));
        QCOMPARE(b.pages.size(), 0);
    }

    void missingScannerIsNamed()
    {
        ScanSettings s = testScanner();
        s.device = QStringLiteral("nosuch:0");
        const Batch b = run(s);
        QVERIFY2(b.error.contains(QLatin1String("No scanner")), qPrintable(b.error));
    }

    void stallTimesOut()
    {
        ScanSettings s = testScanner();
        s.stallTimeoutMs = 50;
        s.extraOptions.append({QStringLiteral("read-delay"), QStringLiteral("yes")});
        s.extraOptions.append({QStringLiteral("read-delay-duration"), QStringLiteral("200000")});
        s.extraOptions.append({QStringLiteral("read-limit"), QStringLiteral("yes")});
        s.extraOptions.append({QStringLiteral("read-limit-size"), QStringLiteral("16")});
        const Batch b = run(s);
        QVERIFY2(b.error.contains(QLatin1String("timed out")), qPrintable(b.error));
    }

    void unknownOptionIsNamed()
    {
        ScanSettings s = testScanner();
        s.extraOptions.append({QStringLiteral("no-such-option"), QStringLiteral("1")});
        const Batch b = run(s);
        QVERIFY2(b.error.contains(QLatin1String("no-such-option")), qPrintable(b.error));
    }
};

QTEST_GUILESS_MAIN(TestSane)
#include "tst_sane.moc"
