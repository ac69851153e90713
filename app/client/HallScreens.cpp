#include "HallScreens.h"

#include "DemoDevicesPlugin.h"
#include "HallVoicePlugin.h"

#include "onewindow/idcard/IdCardReader.h"
#include "onewindow/printer/ReceiptPrinter.h"
#include "onewindow/receipt/KeyRing.h"
#include "onewindow/scanner/BarcodeScanner.h"
#include "onewindow/sync/KeyRingFollower.h"
#include "onewindow/sync/RemoteQueueService.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/CounterDevices.h"
#include "onewindow/ui/HallDisplay.h"
#include "onewindow/ui/KioskWindow.h"
#include "onewindow/usb/DeviceManager.h"

#include <QApplication>

namespace {

void present(QWidget *w, bool fullScreen)
{
    if (fullScreen) {
        w->showFullScreen();
    } else {
        w->resize(1366, 768);
        w->show();
    }
}

} // namespace

int runKiosk(const HallScreenOptions &options, DemoDevicesPlugin *demoPlugin)
{
    ow::ui::ClientContext context;
    context.demoMode = options.demo;
    ow::sync::RemoteQueueService queue(options.backOffice, options.token, QString(), options.hall);
    context.queue = &queue;
    std::unique_ptr<ow::ui::DemoCardSlot> demoDevices;
    if (options.demo && demoPlugin && demoPlugin->preloadActive()) {
        QString error;
        demoDevices = demoPlugin->create(&error);
        if (!demoDevices)
            std::fprintf(stderr, "onewindow: no simulated devices: %s\n", qPrintable(error));
    }
    ow::ui::CounterDevices devices;
    context.devices = &devices;
    ow::usb::DeviceManager usb;
    context.cardReader = usb.addDriver(std::make_unique<ow::idcard::IdCardReader>());
    devices.attachPrinter(usb.addDriver(std::make_unique<ow::printer::ReceiptPrinter>()));
    // A returning applicant's notice or receipt QR: checked against the back office's key ring.
    devices.attachScanner(usb.addDriver(std::make_unique<ow::scanner::BarcodeScanner>()));
    ow::sync::KeyRingFollower keyRing(options.backOffice);
    QObject::connect(&keyRing, &ow::sync::KeyRingFollower::ringReceived, &keyRing, [&context](const QByteArray &json) {
        auto ring = ow::receipt::KeyRing::fromJson(json);
        if (ring)
            context.keys = ring.value();
        else
            std::fprintf(stderr, "onewindow: the back office's key ring: %s\n", qPrintable(ring.error()));
    });
    QObject::connect(&keyRing, &ow::sync::KeyRingFollower::failed, &keyRing, [](const QString &message) {
        std::fprintf(stderr, "onewindow: no key ring from the back office yet: %s\n", qPrintable(message));
    });
    keyRing.start();
    context.demoCards = demoDevices.get();
    usb.start();

    ow::ui::KioskWindow kiosk(context, &queue, options.followBase);
    kiosk.setHallName(options.hallName);
    present(&kiosk, options.fullScreen);
    return QApplication::exec();
}

int runHallDisplay(const HallScreenOptions &options)
{
    HallVoicePlugin plugin;
    auto voice = plugin.create(QStringLiteral("zh_CN"));
    if (!voice)
        std::fprintf(stderr, "onewindow: the hall display has no voice: %s\n", qPrintable(plugin.error()));
    ow::sync::RemoteQueueService queue(options.backOffice, options.token, QString(), options.hall);
    ow::ui::HallDisplay display(ow::Clock::system(), voice.get());
    display.setHallName(options.hallName);
    QObject::connect(&queue, &ow::sync::QueueService::snapshotReady, &display, [&display](const auto &snapshot) {
        display.setLinkProblem(QString());
        display.showSnapshot(snapshot);
    });
    QObject::connect(&queue, &ow::sync::QueueService::failed, &display, &ow::ui::HallDisplay::setLinkProblem);
    // The hall's events (long-poll): a call shows as soon as the back office has it, and the
    // waiting counts follow the tickets issued and called.
    queue.follow();
    present(&display, options.fullScreen);
    const int rc = QApplication::exec();
    return rc;
}
