// onewindow-tool escpos render / escpos test-page / printer status / printer test-page /
// scanner listen as child processes. The child inherits the umockdev environment, so it finds
// the simulated devices of this test process.
#include "onewindow/devicesim/EscPosPrinterSim.h"
#include "onewindow/devicesim/HidPosScannerSim.h"
#include "onewindow/devicesim/Preload.h"
#include "onewindow/devicesim/UsbTestbed.h"
#include "onewindow/testsupport/ProcessRun.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using ow::devicesim::EscPosPrinterSim;
using ow::devicesim::HidPosScannerSim;

namespace {

using Run = ow::testsupport::ProcessRun;

} // namespace

class TestPosTool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void render_data();
    void render();
    void printerAbsent();
    void printerTestPageAndStatus();
    void scannerListen();

private:
    Run run(const QStringList &args, const std::function<void()> &whileRunning = {});
    QString file(const QString &name, const QByteArray &bytes);

    ow::devicesim::UsbTestbed *m_testbed = nullptr;
    QTemporaryDir m_dir;
};

void TestPosTool::initTestCase()
{
    m_testbed = new ow::devicesim::UsbTestbed(this);
    QVERIFY2(m_testbed->isValid(), qPrintable(m_testbed->error()));
    QVERIFY(m_dir.isValid());
}

Run TestPosTool::run(const QStringList &args, const std::function<void()> &whileRunning)
{
    return ow::testsupport::runProcessServingEvents(QStringLiteral(OW_TOOL), args, whileRunning);
}

QString TestPosTool::file(const QString &name, const QByteArray &bytes)
{
    QFile f(m_dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(bytes);
    return f.fileName();
}

void TestPosTool::render_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("errContains");
    QTest::addColumn<int>("width");
    const QByteArray ok = QByteArray::fromHex("1b401c26cadcc0ed1c2e0a") + "hello\n";
    QTest::newRow("58 mm") << ok << QStringList() << 0 << "" << 384;
    QTest::newRow("80 mm") << ok << QStringList {QStringLiteral("--width"), QStringLiteral("576")} << 0 << "" << 576;
    QTest::newRow("malformed") << QByteArray("ok\x1b\xfe", 4) << QStringList() << 1 << "Byte offset 2" << 0;
    QTest::newRow("truncated") << QByteArray("\x1dv0\x00\x01\x00\x04\x00\xff", 9) << QStringList() << 1
                               << "Byte offset 0" << 0;
    QTest::newRow("bad width") << ok << QStringList {QStringLiteral("--width"), QStringLiteral("500")} << 2 << "usage"
                               << 0;
}

void TestPosTool::render()
{
    QFETCH(QByteArray, stream);
    QFETCH(QStringList, extra);
    QFETCH(int, code);
    QFETCH(QString, errContains);
    QFETCH(int, width);
    const QString in = file(QStringLiteral("in.bin"), stream);
    const QString png = m_dir.filePath(QStringLiteral("%1.png").arg(QString::fromLatin1(QTest::currentDataTag())));
    const Run r =
        run(QStringList {QStringLiteral("escpos"), QStringLiteral("render"), in, QStringLiteral("--png"), png} + extra);
    QCOMPARE(r.exitCode, code);
    QVERIFY2(r.err.contains(errContains), qPrintable(r.err));
    if (code == 0) {
        const QImage image(png);
        QCOMPARE(image.width(), width);
        QVERIFY(image.height() > 24);
    } else {
        QVERIFY(!QFile::exists(png));
    }
}

void TestPosTool::printerAbsent()
{
    const Run r =
        run({QStringLiteral("printer"), QStringLiteral("status"), QStringLiteral("--timeout"), QStringLiteral("500")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("no receipt printer found")), qPrintable(r.err));
}

void TestPosTool::printerTestPageAndStatus()
{
    EscPosPrinterSim sim;
    QVERIFY(!m_testbed->plug(&sim).isEmpty());
    Run r = run({QStringLiteral("devices"), QStringLiteral("list")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("0416:5011  printer")), qPrintable(r.out));
    r = run({QStringLiteral("printer"), QStringLiteral("test-page"), QStringLiteral("--raster")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("printed the test page")));
    QVERIFY2(sim.parseError().isEmpty(), qPrintable(sim.parseError()));
    QVERIFY(sim.page().text().contains(QStringLiteral("一窗受理")));
    QCOMPARE(sim.page().count(ow::escpossim::EscPosItem::Kind::Cut), 1);

    r = run({QStringLiteral("printer"), QStringLiteral("status")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("state:    ready")));

    sim.setPaperOut(true);
    r = run({QStringLiteral("printer"), QStringLiteral("status")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QStringLiteral("out of paper")), qPrintable(r.out));
    sim.clearPage();
    r = run({QStringLiteral("printer"), QStringLiteral("test-page")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("out of paper")), qPrintable(r.err));
    QCOMPARE(sim.bytesReceived(), 0);
    m_testbed->unplug(&sim);
}

void TestPosTool::scannerListen()
{
    HidPosScannerSim sim;
    QVERIFY(!m_testbed->plug(&sim).isEmpty());
    const QByteArray content = QString::fromUtf8("受理编号：2026-000123").toUtf8();
    bool scanned = false;
    const Run r = run({QStringLiteral("scanner"), QStringLiteral("listen"), QStringLiteral("--count"),
                          QStringLiteral("1"), QStringLiteral("--timeout"), QStringLiteral("10000")},
        [&] {
            if (!scanned && sim.hidPosMode())
                scanned = sim.scan(content);
        });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("QR Code\tutf-8\t") + QString::fromUtf8(content) + u'\n');
    m_testbed->unplug(&sim);
}

int main(int argc, char *argv[])
{
    QString preloadError;
    if (!ow::devicesim::ensureUmockdevPreload(argc, argv, &preloadError)) {
        std::fprintf(stderr, "%s\n", qPrintable(preloadError));
        return 1;
    }
    QGuiApplication app(argc, argv);
    TestPosTool test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_postool.moc"
