// The receipt printer driver through the REAL libusb code path: DeviceManager + ReceiptPrinter on
// their worker thread, libusb against umockdev's emulated usbfs, EscPosPrinterSim on the device
// side, which parses the stream, renders the receipt, and ZXing reads the QR back.
#include "../escpos/ReceiptCheck.h"

#include "onewindow/devicesim/EscPosPrinterSim.h"
#include "onewindow/devicesim/Preload.h"
#include "onewindow/devicesim/UsbTestbed.h"
#include "onewindow/printer/ReceiptPrinter.h"
#include "onewindow/printer/TestPage.h"
#include "onewindow/scanner/ScanText.h"
#include "onewindow/usb/DeviceManager.h"
#include "onewindow/usb/UsbError.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTest>

#include <libusb.h>

#include <cstdio>
#include <memory>

using ow::devicesim::EscPosPrinterSim;
using ow::devicesim::UsbTestbed;
using ow::escpossim::EscPosItem;
using ow::printer::EscPosDocument;
using ow::printer::MonoBitmap;
using ow::printer::PrinterStatus;
using ow::printer::PrintJobResult;
using ow::printer::ReceiptPrinter;
using ow::usb::DeviceManager;
using ow::usb::DeviceState;
using Outcome = PrintJobResult::Outcome;

namespace {

constexpr int Wait = 15000; // generous for slow CI; no time is asserted

} // namespace

class TestReceiptPrinter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void receipt_data();
    void receipt();
    void refusedBeforePrinting_data();
    void refusedBeforePrinting();
    void unplugMidJob();
    void largeImageNeverOverflows();
    void statusRequest();
    void unidirectionalPrinter();

private:
    void start(const EscPosPrinterSim::Config &config, const ReceiptPrinter::Options &options = {});
    bool waitForState(DeviceState state);
    PrintJobResult printAndWait(const EscPosDocument &doc);

    UsbTestbed *m_testbed = nullptr;
    std::unique_ptr<EscPosPrinterSim> m_sim;
    std::unique_ptr<DeviceManager> m_manager;
    ReceiptPrinter *m_printer = nullptr;
    std::unique_ptr<QSignalSpy> m_finished;
};

void TestReceiptPrinter::initTestCase()
{
    qRegisterMetaType<ow::usb::DeviceStatus>();
    m_testbed = new UsbTestbed(this);
    QVERIFY2(m_testbed->isValid(), qPrintable(m_testbed->error()));
}

void TestReceiptPrinter::start(const EscPosPrinterSim::Config &config, const ReceiptPrinter::Options &options)
{
    m_sim = std::make_unique<EscPosPrinterSim>(config);
    QVERIFY(!m_testbed->plug(m_sim.get()).isEmpty());
    DeviceManager::Options managerOptions;
    managerOptions.rescanIntervalMs = 100;
    m_manager = std::make_unique<DeviceManager>(managerOptions);
    m_printer = m_manager->addDriver(std::make_unique<ReceiptPrinter>(options));
    m_finished = std::make_unique<QSignalSpy>(m_printer, &ReceiptPrinter::jobFinished);
    m_manager->start();
}

bool TestReceiptPrinter::waitForState(DeviceState state)
{
    QElapsedTimer timer;
    timer.start();
    while (m_printer->status().state != state && timer.elapsed() < Wait)
        QTest::qWait(10);
    return m_printer->status().state == state;
}

PrintJobResult TestReceiptPrinter::printAndWait(const EscPosDocument &doc)
{
    const int before = int(m_finished->count());
    m_printer->print(doc);
    QElapsedTimer timer;
    timer.start();
    while (m_finished->count() == before && timer.elapsed() < Wait)
        QTest::qWait(10);
    if (m_finished->count() == before) {
        PrintJobResult none;
        none.error = QStringLiteral("test: no jobFinished signal");
        return none;
    }
    return m_finished->last().first().value<PrintJobResult>();
}

void TestReceiptPrinter::cleanup()
{
    m_finished.reset();
    m_manager.reset();
    m_printer = nullptr;
    if (m_sim) {
        if (m_sim->isPlugged())
            m_testbed->unplug(m_sim.get());
        QCoreApplication::processEvents();
        m_sim.reset();
    }
}

void TestReceiptPrinter::receipt_data()
{
    QTest::addColumn<QString>("profileId");
    QTest::addColumn<int>("dots");
    QTest::addColumn<int>("qrMode");
    QTest::addColumn<int>("qrItems");
    QTest::newRow("58 mm, native QR") << "generic-58" << 384 << int(EscPosDocument::QrMode::Native) << 1;
    QTest::newRow("58 mm, raster fallback") << "generic-58" << 384 << int(EscPosDocument::QrMode::Raster) << 0;
    QTest::newRow("80 mm, native QR (profile)") << "epson-tm-t88v" << 576 << int(EscPosDocument::QrMode::Auto) << 1;
    QTest::newRow("80 mm, raster fallback") << "generic-80" << 576 << int(EscPosDocument::QrMode::Raster) << 0;
}

void TestReceiptPrinter::receipt()
{
    QFETCH(QString, profileId);
    QFETCH(int, dots);
    QFETCH(int, qrMode);
    QFETCH(int, qrItems);
    EscPosPrinterSim::Config config;
    config.dotsPerLine = dots;
    ReceiptPrinter::Options options;
    options.profileId = profileId;
    start(config, options);
    QVERIFY2(waitForState(DeviceState::Ready), qPrintable(m_printer->status().message));
    QCOMPARE(m_printer->outEndpoint(), config.outEndpoint);
    QCOMPARE(m_printer->inEndpoint(), config.inEndpoint);

    const QString payload = QString::fromUtf8("https://example.invalid/q?n=2026-000123&事项=营业执照变更登记");
    EscPosDocument doc(m_printer->profile());
    EscPosDocument::QrOptions qr;
    qr.mode = EscPosDocument::QrMode(qrMode);
    qr.moduleSize = 4;
    doc.initialize()
        .align(EscPosDocument::Align::Center)
        .doubleSize(true)
        .line(QStringLiteral("受理回执"))
        .doubleSize(false)
        .align(EscPosDocument::Align::Left)
        .rule()
        .line(QStringLiteral("申请人：张三"))
        .line(QStringLiteral("事项：营业执照变更登记"))
        .align(EscPosDocument::Align::Center)
        .qr(payload, qr)
        .cut();
    const PrintJobResult r = printAndWait(doc);
    QVERIFY2(r.outcome == Outcome::Printed, qPrintable(r.error));
    QCOMPARE(r.transfersSent, r.transfersTotal);
    QVERIFY(r.statusBefore.has_value());
    QVERIFY(r.statusAfter.has_value());
    QVERIFY2(m_sim->parseError().isEmpty(), qPrintable(m_sim->parseError()));
    QVERIFY(!m_sim->overflowed());

    const auto page = m_sim->page();
    QCOMPARE(page.count(EscPosItem::Kind::Qr), qrItems);
    QVERIFY(page.text().contains(QStringLiteral("事项：营业执照变更登记")));
    const QImage image = m_sim->render();
    QCOMPARE(image.width(), dots);
    for (QChar c : QStringLiteral("申请人张三事项营业执照变更登记"))
        QVERIFY2(receiptcheck::containsGlyph(image, c), qPrintable(QString(c)));
    const QList<QByteArray> codes = receiptcheck::decodeQrCodes(image);
    QCOMPARE(codes.size(), 1);
    QCOMPARE(codes.first(), payload.toUtf8());
    QCOMPARE(ow::scanner::ScanText::decode(codes.first()).text, payload);
}

void TestReceiptPrinter::refusedBeforePrinting_data()
{
    QTest::addColumn<bool>("paperOut");
    QTest::addColumn<bool>("coverOpen");
    QTest::addColumn<bool>("offline");
    QTest::addColumn<QString>("messageContains");
    QTest::newRow("paper out") << true << false << false << "out of paper";
    QTest::newRow("cover open") << false << true << false << "cover is open";
    QTest::newRow("offline") << false << false << true << "offline";
    QTest::newRow("cover open and paper out") << true << true << false << "cover is open";
}

void TestReceiptPrinter::refusedBeforePrinting()
{
    QFETCH(bool, paperOut);
    QFETCH(bool, coverOpen);
    QFETCH(bool, offline);
    QFETCH(QString, messageContains);
    start(EscPosPrinterSim::Config());
    QVERIFY(waitForState(DeviceState::Ready));
    m_sim->setPaperOut(paperOut);
    m_sim->setCoverOpen(coverOpen);
    m_sim->setOffline(offline);
    m_sim->clearHostWrites();
    const PrintJobResult r = printAndWait(ow::printer::TestPage::build(m_printer->profile()));
    QCOMPARE(r.outcome, Outcome::Refused);
    QVERIFY2(r.error.contains(messageContains), qPrintable(r.error));
    QCOMPARE(r.transfersSent, 0);
    QVERIFY(r.statusBefore.has_value());
    QVERIFY(!r.statusBefore->canPrint());
    // Only the three status requests went out: not one byte of the receipt.
    const auto writes = m_sim->hostWrites();
    QCOMPARE(writes.size(), 3);
    for (const auto &w : writes)
        QVERIFY(w.data.startsWith(QByteArray::fromHex("1004")));
    QCOMPARE(m_sim->bytesReceived(), 0);
    QCOMPARE(m_printer->status().state, DeviceState::Error);
    QVERIFY(m_printer->status().message.contains(messageContains));
    // Fixed: the next job prints.
    m_sim->setPaperOut(false);
    m_sim->setCoverOpen(false);
    m_sim->setOffline(false);
    const PrintJobResult again = printAndWait(ow::printer::TestPage::build(m_printer->profile()));
    QVERIFY2(again.outcome == Outcome::Printed, qPrintable(again.error));
    QCOMPARE(m_printer->status().state, DeviceState::Ready);
}

void TestReceiptPrinter::unplugMidJob()
{
    EscPosPrinterSim::Config config;
    config.receiveBufferBytes = 1024;
    ReceiptPrinter::Options options;
    options.profileId = QStringLiteral("zijiang-zj-5890"); // 1 KiB buffer: many transfers
    start(config, options);
    QVERIFY(waitForState(DeviceState::Ready));
    MonoBitmap picture(384, 400);
    for (int y = 0; y < 400; ++y)
        picture.setPixel(y % 384, y, true);
    EscPosDocument doc(m_printer->profile());
    doc.initialize().line(QStringLiteral("受理回执")).image(picture).cut();
    m_sim->setUnplugAfterBytes(5000);
    const PrintJobResult r = printAndWait(doc);
    QCOMPARE(r.outcome, Outcome::Interrupted);
    QVERIFY(r.transfersSent > 0);
    QVERIFY(r.transfersSent < r.transfersTotal);
    QVERIFY(r.bytesSent >= 5000);
    QVERIFY(r.bytesSent < r.bytesTotal);
    QVERIFY2(r.error.contains(QStringLiteral("Sent %1 of %2 parts").arg(r.transfersSent).arg(r.transfersTotal)),
        qPrintable(r.error));
    const QString disconnected = ow::usb::UsbError::message(LIBUSB_ERROR_NO_DEVICE, ReceiptPrinter::deviceNoun());
    QVERIFY2(r.error.contains(disconnected), qPrintable(r.error));
    QVERIFY(waitForState(DeviceState::Unplugged));
    // A job while it is gone answers at once.
    const PrintJobResult gone = printAndWait(doc);
    QCOMPARE(gone.outcome, Outcome::Refused);
    QCOMPARE(gone.transfersSent, 0);
}

void TestReceiptPrinter::largeImageNeverOverflows()
{
    EscPosPrinterSim::Config config;
    config.dotsPerLine = 576;
    config.receiveBufferBytes = 1024;
    ReceiptPrinter::Options options;
    options.profileId = QStringLiteral("generic-80");
    options.receiveBufferBytes = 1024;
    start(config, options);
    QVERIFY(waitForState(DeviceState::Ready));
    const ow::printer::PrinterProfile profile = m_printer->profile();
    QCOMPARE(profile.receiveBufferBytes, 1024);
    MonoBitmap picture(576, 1200);
    for (int y = 0; y < 1200; ++y) {
        for (int x = 0; x < 576; x += 3)
            picture.setPixel(x, y, (x + y) % 2 == 0);
    }
    EscPosDocument doc(profile);
    doc.initialize().image(picture).cut();
    const PrintJobResult r = printAndWait(doc);
    QVERIFY2(r.outcome == Outcome::Printed, qPrintable(r.error));
    QVERIFY(!m_sim->overflowed());
    int rows = 0;
    for (const EscPosItem &item : m_sim->page().items) {
        if (item.kind == EscPosItem::Kind::Raster)
            rows += item.bitmap.height();
    }
    QCOMPARE(rows, 1200);
    QVERIFY(r.transfersTotal >= 1200 * 72 / 1024);
}

void TestReceiptPrinter::statusRequest()
{
    start(EscPosPrinterSim::Config());
    QVERIFY(waitForState(DeviceState::Ready));
    QSignalSpy read(m_printer, &ReceiptPrinter::statusRead);
    m_sim->setPaperNearEnd(true);
    m_printer->requestStatus();
    QTRY_COMPARE_WITH_TIMEOUT(read.count(), 1, Wait);
    const auto status = read.first().first().value<PrinterStatus>();
    QVERIFY(status.paperNearEnd());
    QVERIFY(status.canPrint());
    QCOMPARE(m_printer->status().state, DeviceState::Ready);
    QVERIFY(m_printer->status().message.contains(QStringLiteral("nearly used up")));
}

void TestReceiptPrinter::unidirectionalPrinter()
{
    EscPosPrinterSim::Config config;
    config.bidirectional = false;
    config.outEndpoint = 0x02;
    start(config);
    QVERIFY(waitForState(DeviceState::Ready));
    QCOMPARE(m_printer->outEndpoint(), quint8(0x02));
    QCOMPARE(m_printer->inEndpoint(), quint8(0));
    QVERIFY(!m_printer->profile().hasStatus);
    const PrintJobResult r = printAndWait(ow::printer::TestPage::build(m_printer->profile()));
    QVERIFY2(r.outcome == Outcome::Printed, qPrintable(r.error));
    QVERIFY(!r.statusBefore.has_value());
    QCOMPARE(m_sim->statusRequests(), 0);
    QVERIFY(m_sim->page().text().contains(QStringLiteral("一窗受理")));
}

int main(int argc, char *argv[])
{
    QString preloadError;
    if (!ow::devicesim::ensureUmockdevPreload(argc, argv, &preloadError)) {
        std::fprintf(stderr, "%s\n", qPrintable(preloadError));
        return 1;
    }
    QGuiApplication app(argc, argv); // fonts for the renderer
    TestReceiptPrinter test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_receiptprinter.moc"
