#include "DemoDevices.h"

#include "onewindow/core/WorkCalendar.h"
#include "onewindow/devicesim/Preload.h"
#include "onewindow/idcard/IdCardReader.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/Language.h"
#include "onewindow/ui/MainWindow.h"
#include "onewindow/usb/DeviceManager.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>

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
    const QCommandLineOption windowOption(
        QStringLiteral("window"), QStringLiteral("The window's name."), QStringLiteral("name"));
    parser.addOption(langOption);
    parser.addOption(demoOption);
    parser.addOption(windowOption);
    parser.process(app);

    const QString language = ow::ui::chooseLanguage(parser.value(langOption), QLocale::system());
    if (!ow::ui::installTranslations(app, language))
        std::fprintf(stderr, "onewindow: no translation for %s; using English\n", qPrintable(language));

    ow::ui::ClientContext context;
    context.demoMode = parser.isSet(demoOption);
    context.windowName = parser.value(windowOption);
    if (context.windowName.isEmpty() && context.demoMode)
        context.windowName = QCoreApplication::translate("main", "Comprehensive window 1 (demo)");

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
    ow::usb::DeviceManager devices;
    context.cardReader = devices.addDriver(std::make_unique<ow::idcard::IdCardReader>());
    context.demoCards = demoDevices.get();
    devices.start();

    ow::ui::MainWindow window(context);
    window.show();
    return app.exec();
}
