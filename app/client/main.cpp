#include "DemoDevices.h"

#include "onewindow/catalog/Catalog.h"
#include "onewindow/catalog/CatalogSearch.h"
#include "onewindow/catalog/PinyinTable.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/devicesim/Preload.h"
#include "onewindow/escpossim/ReceiptRenderer.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/idcard/IdCardReader.h"
#include "onewindow/printer/ReceiptPrinter.h"
#include "onewindow/scanner/BarcodeScanner.h"
#include "onewindow/store/Store.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/CounterDevices.h"
#include "onewindow/ui/MainWindow.h"
#include "onewindow/usb/DeviceManager.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QInputDialog>
#include <QMessageBox>
#include <QScreen>

#include <cstdio>
#include <cstdlib>

namespace {

// Qt aborts when the xcb platform finds no X server; say what to do instead.
bool displayAvailable()
{
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        return true;
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
}

bool wantsDemo(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--demo") == 0)
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (!displayAvailable()) {
        std::fprintf(stderr,
            "onewindow: no display found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
            "  Run it under a virtual display:  xvfb-run -a onewindow --demo\n"
            "  or from the source tree:         ./ow run --xvfb\n");
        return 3;
    }

    // Demo mode simulates the devices with umockdev, which needs its preload library: re-execute
    // once under it (see tests/support/README.md). Without umockdev the demo runs on the real bus.
    if (wantsDemo(argc, argv)) {
        // Without a session bus, libdbus "autolaunches" one by forking from a Qt thread; under
        // the preload that child can deadlock on umockdev's lock. Point it at no bus instead.
        if (!qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
            qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/onewindow-no-session-bus");
        QString preloadError;
        if (!ow::devicesim::ensureUmockdevPreload(argc, argv, &preloadError))
            std::fprintf(stderr, "onewindow: no simulated devices: %s\n", qPrintable(preloadError));
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("onewindow"));
    QApplication::setApplicationDisplayName(QStringLiteral("OneWindow"));
    QApplication::setOrganizationName(QStringLiteral("OneWindow"));
    QApplication::setApplicationVersion(QStringLiteral(ONEWINDOW_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/onewindow/icons/onewindow.png")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("OneWindow — the comprehensive acceptance window client"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(QStringLiteral("lang"),
        QStringLiteral("UI language, e.g. zh_CN or en (default: the system's)."), QStringLiteral("language"));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"), QStringLiteral("Demo mode: demo data and simulated devices."));
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
        QStringLiteral("Folder of the local store and the window key."), QStringLiteral("dir"));
    const QCommandLineOption regionOption(QStringLiteral("region"), QStringLiteral("6-digit region code."),
        QStringLiteral("code"), QStringLiteral("330106"));
    const QCommandLineOption windowOption(QStringLiteral("window"), QStringLiteral("The window's code, e.g. W03."),
        QStringLiteral("code"), QStringLiteral("W01"));
    const QCommandLineOption windowNameOption(
        QStringLiteral("window-name"), QStringLiteral("The window's name."), QStringLiteral("name"));
    const QCommandLineOption clerkOption(
        QStringLiteral("clerk"), QStringLiteral("The signed-in clerk."), QStringLiteral("name"));
    const QCommandLineOption catalogOption(QStringLiteral("catalog"),
        QStringLiteral("The matter catalogue (default: the built-in demo one)."), QStringLiteral("file"));
    parser.addOption(langOption);
    parser.addOption(demoOption);
    parser.addOption(dataDirOption);
    parser.addOption(regionOption);
    parser.addOption(windowOption);
    parser.addOption(windowNameOption);
    parser.addOption(clerkOption);
    parser.addOption(catalogOption);
    parser.process(app);

    const QString language = ow::i18n::chooseLanguage(parser.value(langOption), QLocale::system());
    if (!ow::i18n::installTranslations(app, language))
        std::fprintf(stderr, "onewindow: no translation for %s; using English\n", qPrintable(language));

    ow::ui::ClientContext context;
    context.demoMode = parser.isSet(demoOption);
    context.window.regionCode = parser.value(regionOption);
    context.window.windowCode = parser.value(windowOption);
    context.window.windowName = parser.value(windowNameOption);
    context.window.clerk = parser.value(clerkOption);
    if (context.demoMode) {
        if (context.window.windowName.isEmpty())
            context.window.windowName = QCoreApplication::translate("main", "Comprehensive window 1 (demo)");
        if (context.window.clerk.isEmpty())
            context.window.clerk = QCoreApplication::translate("main", "Demo clerk");
        context.window.office =
            QCoreApplication::translate("main", "Xihu District Administrative Service Centre (demo)");
        context.window.contact = QStringLiteral("0571-12345");
    }
    auto fail = [](const QString &what) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "OneWindow cannot start"), what);
        return 1;
    };

    // The local store: demo data never mixes with a real window's cases.
    QString dataDir = parser.value(dataDirOption);
    if (dataDir.isEmpty())
        dataDir = context.demoMode ? QDir(ow::store::Store::defaultDataDir()).filePath(QStringLiteral("demo"))
                                   : ow::store::Store::defaultDataDir();
    auto store = ow::store::Store::open(dataDir);
    if (!store)
        return fail(store.error());
    context.store = &store.value();

    const QString keysDir = QDir(dataDir).filePath(QStringLiteral("keys"));
    auto key = ow::receipt::WindowKey::loadOrCreate(keysDir, context.window.keyId());
    if (!key)
        return fail(key.error());
    context.key = key.value();
    auto keys = ow::receipt::KeyRing::loadDirectory(keysDir);
    if (keys)
        context.keys = keys.value();

    auto catalog =
        ow::Catalog::load(parser.isSet(catalogOption) ? parser.value(catalogOption) : ow::Catalog::builtinPath());
    if (!catalog)
        return fail(catalog.error());
    context.catalog = &catalog.value();
    const auto &pinyin = ow::PinyinTable::builtin();
    if (!pinyin)
        return fail(pinyin.error());
    const ow::CatalogSearch search(catalog.value(), pinyin.value());
    context.search = &search;

    ow::ui::CounterDevices counterDevices;
    context.devices = &counterDevices;
    const int dots = context.printerProfile.dotsPerLine;
    context.renderReceipt = [dots](const QByteArray &escpos) {
        auto image = ow::escpossim::ReceiptRenderer::renderStream(escpos, dots);
        return image ? image.value() : QImage();
    };
    context.askText = [](const QString &title, const QString &label) -> std::optional<QString> {
        bool ok = false;
        // Over the window that asks, so that it comes back to it when closed.
        const QString text =
            QInputDialog::getText(QApplication::activeWindow(), title, label, QLineEdit::Normal, QString(), &ok);
        return ok ? std::optional<QString>(text) : std::nullopt;
    };

    auto calendar = ow::WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar"));
    if (calendar) {
        context.calendar = calendar.value();
    } else {
        QMessageBox::warning(nullptr, QCoreApplication::translate("main", "Work calendar"),
            QCoreApplication::translate("main",
                "The work calendar could not be loaded; "
                "deadlines count weekends only.\n%1")
                .arg(calendar.error()));
    }

    // Devices: the simulated ones first (before libusb starts), then the device manager with its
    // worker thread. Destroyed in reverse order after the window.
    std::unique_ptr<DemoDevices> demoDevices;
    if (context.demoMode && ow::devicesim::umockdevPreloadActive()) {
        demoDevices = std::make_unique<DemoDevices>();
        if (!demoDevices->isValid()) {
            std::fprintf(stderr, "onewindow: no simulated devices: %s\n", qPrintable(demoDevices->error()));
            demoDevices.reset();
        }
    }
    ow::usb::DeviceManager usb;
    context.cardReader = usb.addDriver(std::make_unique<ow::idcard::IdCardReader>());
    counterDevices.attachPrinter(usb.addDriver(std::make_unique<ow::printer::ReceiptPrinter>()));
    // A notice's QR scanned at the window continues its case (IntakePage listens).
    counterDevices.attachScanner(usb.addDriver(std::make_unique<ow::scanner::BarcodeScanner>()));
    context.demoCards = demoDevices.get();
    usb.start();

    ow::ui::MainWindow window(context);
    // The counter's screen is the clerk's whole desk (1366×768 at the least), with or without a
    // window manager to maximise it.
    window.resize(window.screen()->availableSize());
    window.showMaximized();
    return app.exec();
}
