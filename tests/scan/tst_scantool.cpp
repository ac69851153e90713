#include "TestPages.h"

#include "onewindow/testsupport/ProcessRun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPdfDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "SaneTestBackend.h"

using ow::testsupport::runProcess;

// onewindow-tool scan …, run as a clerk or admin would.
class TestScanTool : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    static QString tool() { return QStringLiteral(OW_TOOL); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(testpages::a4Page(200, testpages::mixedSymbols(), testpages::sampleText())
                    .save(path(QStringLiteral("mixed.png"))));
        QVERIFY(testpages::a4Page(300, {}, testpages::sampleText()).save(path(QStringLiteral("text.jpg")), "JPEG", 85));
        QFile empty(path(QStringLiteral("empty.pdf")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
    }

    void barcodesAsJson()
    {
        const auto r = runProcess(tool(),
            {QStringLiteral("scan"), QStringLiteral("barcodes"), path(QStringLiteral("empty.pdf")),
                path(QStringLiteral("mixed.png")), QStringLiteral("--json")});
        // The unreadable file is named and makes the exit non-zero; the other file is still read.
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("empty.pdf")), qPrintable(r.err));
        const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(list.size(), 4);
        QStringList formats;
        for (const QJsonValue &v : list) {
            const QJsonObject o = v.toObject();
            formats << o.value(QLatin1String("format")).toString();
            QCOMPARE(o.value(QLatin1String("page")).toInt(), 1);
            QCOMPARE(o.value(QLatin1String("position")).toArray().size(), 4);
            QVERIFY(!o.value(QLatin1String("text")).toString().isEmpty());
        }
        formats.sort();
        QCOMPARE(formats,
            (QStringList {QStringLiteral("Code128"), QStringLiteral("DataMatrix"), QStringLiteral("PDF417"),
                QStringLiteral("QRCode")}));
    }

    void barcodesAsText()
    {
        const auto r =
            runProcess(tool(), {QStringLiteral("scan"), QStringLiteral("barcodes"), path(QStringLiteral("mixed.png"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("QRCode \"OW-MATERIAL:lease\"")), qPrintable(r.out));
    }

    void importPrintsBytesPerPage()
    {
        const QString out = path(QStringLiteral("out.pdf"));
        const auto r = runProcess(tool(),
            {QStringLiteral("scan"), QStringLiteral("import"), path(QStringLiteral("text.jpg")),
                path(QStringLiteral("empty.pdf")), path(QStringLiteral("mixed.png")), QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 1); // one file refused, the others kept
        QVERIFY2(r.err.contains(QLatin1String("empty.pdf")), qPrintable(r.err));
        const QRegularExpression perPage(QStringLiteral("page (\\d) .*, (\\d+) bytes\\n"));
        int pages = 0;
        for (auto it = perPage.globalMatch(r.out); it.hasNext();) {
            const auto m = it.next();
            ++pages;
            QVERIFY(m.captured(2).toInt() <= 120 * 1024);
        }
        QCOMPARE(pages, 2);
        QVERIFY2(r.out.contains(QLatin1String("bytes per page")), qPrintable(r.out));
        QPdfDocument doc;
        QCOMPARE(doc.load(out), QPdfDocument::Error::None);
        QCOMPARE(doc.pageCount(), 2);
    }

    void usageErrors()
    {
        QCOMPARE(
            runProcess(tool(), {QStringLiteral("scan"), QStringLiteral("import"), path(QStringLiteral("text.jpg"))})
                .exitCode,
            2);
        QCOMPARE(runProcess(tool(), {QStringLiteral("scan"), QStringLiteral("barcodes")}).exitCode, 2);
        QCOMPARE(runProcess(tool(), {QStringLiteral("scan"), QStringLiteral("batch")}).exitCode, 2);
    }

    void devicesAndBatchThroughSane()
    {
        QTemporaryDir config;
        QVERIFY(writeSaneTestConfig(config));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SANE_CONFIG_DIR"), config.path());
        const auto devices = runProcess(tool(), {QStringLiteral("scan"), QStringLiteral("devices")}, env);
        QCOMPARE(devices.exitCode, 0);
        QVERIFY2(devices.out.startsWith(QLatin1String("test:0")), qPrintable(devices.out));

        const QString out = path(QStringLiteral("batch"));
        const auto batch = runProcess(tool(),
            {QStringLiteral("scan"), QStringLiteral("batch"), QStringLiteral("--out"), out, QStringLiteral("--device"),
                QStringLiteral("test:0"), QStringLiteral("--source"), QStringLiteral("adf"), QStringLiteral("--dpi"),
                QStringLiteral("75"), QStringLiteral("--max-pages"), QStringLiteral("2")},
            env);
        QCOMPARE(batch.exitCode, 0);
        QVERIFY(QFile::exists(out + QStringLiteral("/page-002.png")));
        QVERIFY(QFile::exists(out + QStringLiteral("/batch.pdf")));

        // No scanner configured at all.
        QVERIFY(writeSaneTestConfig(config, false));
        const auto missing = runProcess(tool(),
            {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("scan"), QStringLiteral("devices")}, env);
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QLatin1String("No scanner found")), qPrintable(missing.err));
    }
};

QTEST_MAIN(TestScanTool)
#include "tst_scantool.moc"
