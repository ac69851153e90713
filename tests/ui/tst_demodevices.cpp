// Demo mode's devices, as a newcomer plays with them from the 演示 menu: every action goes through
// the simulated USB device the tests use, and the client sees it as it would at a real counter —
// the scanner's code arrives as a scan, the printer's paper and cover show in its status, an
// unplugged reader says so and comes back. The devices come from the plugin the client loads with
// --demo (onewindow-demo-devices.so, through app/client/DemoDevicesPlugin).
#include "DemoDevicesPlugin.h"

#include "onewindow/devicesim/TestMain.h"
#include "onewindow/idcard/IdCardReader.h"
#include "onewindow/printer/PrintJob.h"
#include "onewindow/printer/ReceiptPrinter.h"
#include "onewindow/scanner/BarcodeScanner.h"
#include "onewindow/store/Store.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/CounterDevices.h"
#include "onewindow/ui/DemoMenu.h"
#include "onewindow/usb/DeviceManager.h"

#include <QAction>
#include <QApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;

class TestDemoDevices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void printerMessageSaysProgressOnce();
    void menuDrivesTheSimulatedDevices();
};

// What the clerk read after a job stopped part-way said the progress twice ("已发送 2/8 部分 … 已发送 2/8 部分").
void TestDemoDevices::printerMessageSaysProgressOnce()
{
    printer::PrintJobResult r;
    r.outcome = printer::PrintJobResult::Outcome::Interrupted;
    r.transfersSent = 2;
    r.transfersTotal = 8;
    r.bytesSent = 4096;
    r.bytesTotal = 9000;
    r.error = QStringLiteral("Printing stopped part-way: timeout %1").arg(r.progressText());
    const QString text = ui::CounterDevices::printMessage(r);
    QCOMPARE(text.count(r.progressText()), 1);
    // An error that does not say it (a transfer that failed before the first part) gets it once.
    r.error = QStringLiteral("The printer was unplugged.");
    QCOMPARE(ui::CounterDevices::printMessage(r).count(r.progressText()), 1);
}

void TestDemoDevices::menuDrivesTheSimulatedDevices()
{
    qRegisterMetaType<usb::DeviceStatus>();
    DemoDevicesPlugin plugin;
    QVERIFY2(
        plugin.load(QCoreApplication::applicationFilePath().toLocal8Bit().constData()), qPrintable(plugin.error()));
    QVERIFY(plugin.preloadActive());
    QString error;
    const std::unique_ptr<ui::DemoCardSlot> demo = plugin.create(&error);
    QVERIFY2(demo, qPrintable(error));
    usb::DeviceManager manager;
    ui::CounterDevices devices;
    auto *reader = manager.addDriver(std::make_unique<idcard::IdCardReader>());
    devices.attachPrinter(manager.addDriver(std::make_unique<printer::ReceiptPrinter>()));
    devices.attachScanner(manager.addDriver(std::make_unique<scanner::BarcodeScanner>()));
    manager.start();
    QTRY_VERIFY_WITH_TIMEOUT(devices.canPrint(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(reader->status().state, usb::DeviceState::Ready, 10000);

    QTemporaryDir dir;
    auto store = store::Store::open(dir.path());
    QVERIFY(store.ok());
    ui::ClientContext context;
    context.demoMode = true;
    context.store = &store.value();
    context.devices = &devices;
    context.demoCards = demo.get();
    ui::DemoMenu menu(context);
    auto action = [&menu](const char *name) {
        auto *a = menu.findChild<QAction *>(QString::fromLatin1(name));
        if (!a)
            qWarning("no action %s", name);
        return a;
    };

    // The demo business licence, through the HID POS scanner.
    QSignalSpy scanned(&devices, &ui::CounterDevices::scanned);
    // (The scanner takes codes once the driver has switched it to HID POS mode.)
    QTRY_VERIFY_WITH_TIMEOUT((action("scanLicence")->trigger(), scanned.count() > 0), 15000);
    QVERIFY2(scanned.first().at(0).toString().contains(QStringLiteral("91310110666007217T")),
        qPrintable(scanned.first().at(0).toString()));

    // Paper out, then back in; the cover open, then closed.
    action("paperIn")->setChecked(false);
    QTRY_VERIFY_WITH_TIMEOUT(devices.printerStatus().state == usb::DeviceState::Error, 10000);
    QVERIFY2(
        devices.printerStatus().message.contains(QStringLiteral("paper")), qPrintable(devices.printerStatus().message));
    action("paperIn")->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(devices.printerStatus().state == usb::DeviceState::Ready, 10000);
    action("coverClosed")->setChecked(false);
    QTRY_VERIFY_WITH_TIMEOUT(devices.printerStatus().state == usb::DeviceState::Error, 10000);
    QVERIFY2(
        devices.printerStatus().message.contains(QStringLiteral("cover")), qPrintable(devices.printerStatus().message));
    action("coverClosed")->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(devices.printerStatus().state == usb::DeviceState::Ready, 10000);

    // The demo cards a hall meets daily, each put down in place of the last: the reader sees
    // every swap and reads the new card.
    qRegisterMetaType<idcard::IdCardData>();
    QSignalSpy read(reader, &idcard::IdCardReader::cardRead);
    reader->setCardExpected(true);
    const QList<QPair<const char *, QString>> cards = {{"demoCardResident", QStringLiteral("resident")},
        {"demoCardResidentFemale", QStringLiteral("resident")}, {"demoCardResidentExpired", QStringLiteral("resident")},
        {"demoCardI", QStringLiteral("I")}, {"demoCardY", QStringLiteral("Y")}, {"demoCardJ", QStringLiteral("J")},
        {"demoCardJExpired", QStringLiteral("J")}};
    const QDate today(2026, 11, 27);
    QStringList seen;
    int expired = 0;
    for (int i = 0; i < cards.size(); ++i) {
        QVERIFY(action(cards.at(i).first));
        action(cards.at(i).first)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(read.count(), i + 1, 10000);
        const auto card = read.at(i).first().value<idcard::IdCardData>();
        QCOMPARE(card.typeCode(), cards.at(i).second);
        QVERIFY2(card.warnings.isEmpty(), qPrintable(card.warnings.join(u' '))); // sound, fictional data
        QVERIFY(!seen.contains(card.idNumber));
        seen << card.idNumber;
        expired += card.isExpired(today) ? 1 : 0;
        if (i == 1)
            QCOMPARE(card.gender, idcard::Gender::Female);
        if (i == 2 || i == 6)
            QVERIFY(card.isExpired(today));
        if (i == 5)
            QVERIFY(!card.isExpired(today));
    }
    QCOMPARE(expired, 2);
    reader->setCardExpected(false);
    demo->removeCard();

    // The printer unplugged and back; the reader unplugged and back.
    action("printerPlugged")->setChecked(false);
    QTRY_VERIFY_WITH_TIMEOUT(!devices.canPrint(), 10000);
    action("printerPlugged")->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(devices.canPrint(), 10000);
    action("readerPlugged")->setChecked(false);
    QTRY_COMPARE_WITH_TIMEOUT(reader->status().state, usb::DeviceState::Unplugged, 10000);
    action("readerPlugged")->setChecked(true);
    QTRY_COMPARE_WITH_TIMEOUT(reader->status().state, usb::DeviceState::Ready, 10000);
}

OW_DEVICESIM_GUI_TEST_MAIN(TestDemoDevices)

#include "tst_demodevices.moc"
