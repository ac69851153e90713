#include "BackOfficeLink.h"
#include "DemoDevicesPlugin.h"
#include "HallScreens.h"

#include "onewindow/account/AccountSettings.h"
#include "onewindow/account/SignIn.h"
#include "onewindow/account/SyncLink.h"
#include "onewindow/catalog/Catalog.h"
#include "onewindow/catalog/CatalogCache.h"
#include "onewindow/catalog/CatalogSearch.h"
#include "onewindow/catalog/PinyinTable.h"
#include "onewindow/core/DemoAccounts.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/escpossim/ReceiptRenderer.h"
#include "onewindow/i18n/DocumentLanguage.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/idcard/IdCardReader.h"
#include "onewindow/printer/ReceiptPrinter.h"
#include "onewindow/scanner/BarcodeScanner.h"
#include "onewindow/store/Store.h"
#include "onewindow/store/StoreLock.h"
#include "onewindow/store/WindowSettings.h"
#include "onewindow/sync/CatalogueShelf.h"
#include "onewindow/sync/LocalQueueService.h"
#include "onewindow/sync/RemoteQueueService.h"
#include "onewindow/sync/SupervisorService.h"
#include "onewindow/sync/SyncService.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/CounterDevices.h"
#include "onewindow/ui/CounterStyle.h"
#include "onewindow/ui/FirstPaintProbe.h"
#include "onewindow/ui/IdleLock.h"
#include "onewindow/ui/MainWindow.h"
#include "onewindow/ui/PdfPlugin.h"
#include "onewindow/ui/RatingDesk.h"
#include "onewindow/ui/SignInDialog.h"
#include "onewindow/ui/WindowIdentityDialog.h"
#include "onewindow/usb/DeviceManager.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QIcon>
#include <QInputDialog>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>
#include <QThread>

#include <cstdio>
#include <cstdlib>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

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

bool interactive()
{
    return QGuiApplication::platformName() != QLatin1String("offscreen");
}

// The stored window identity, or (first start, with a screen) the one the admin enters now.
ow::Result<ow::store::WindowIdentity> identityOf(const QString &dataDir)
{
    using R = ow::Result<ow::store::WindowIdentity>;
    const auto stored = ow::store::WindowSettings::load(dataDir);
    if (!stored)
        return R::failure(stored.error());
    if (stored.value())
        return R(*stored.value());
    const QString howTo = QCoreApplication::translate("main",
        "This window has no identity yet (region code, window code, name): set it once with\n"
        "  onewindow-tool window set --region NNNNNN --code CODE --name NAME --data-dir %1\n"
        "or start OneWindow on a screen to enter it. (onewindow --demo runs without one.)")
                              .arg(dataDir);
    if (!interactive())
        return R::failure(howTo); // no one to ask: never a dialog that waits forever
    QApplication::setWindowIcon(
        QIcon(QStringLiteral(":/onewindow/icons/onewindow.png"))); // else set after the first paint
    ow::ui::WindowIdentityDialog dialog;
    dialog.enableEnrolment(dataDir); // the back office confirms the identity (and stores it)
    if (dialog.exec() != QDialog::Accepted)
        return R::failure(howTo);
    if (dialog.enrolled())
        return R(dialog.identity());
    const QString err = ow::store::WindowSettings::save(dataDir, dialog.identity());
    if (!err.isEmpty())
        return R::failure(err);
    return R(dialog.identity());
}

} // namespace

int main(int argc, char *argv[])
{
    // Everything this program writes (store, keys, logs, window identity) is its user's alone.
    ::umask(077);
    if (!displayAvailable()) {
        std::fprintf(stderr,
            "onewindow: no display found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
            "  Run it under a virtual display:  xvfb-run -a onewindow --demo\n"
            "  or from the source tree:         ./ow run --xvfb\n");
        return 3;
    }

    // Demo mode simulates the devices with umockdev (the plugin onewindow-demo-devices.so), which
    // needs its preload library: re-execute once under it (see tests/support/README.md). Without
    // the plugin or umockdev the demo runs on the real bus.
    DemoDevicesPlugin demoPlugin;
    if (wantsDemo(argc, argv) && !demoPlugin.load(argv[0])) {
        std::fprintf(stderr, "onewindow: no simulated devices: %s\n", qPrintable(demoPlugin.error()));
    } else if (wantsDemo(argc, argv)) {
        // Without a session bus, libdbus "autolaunches" one by forking from a Qt thread; under
        // the preload that child can deadlock on umockdev's lock. Point it at no bus instead.
        if (!qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
            qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/onewindow-no-session-bus");
        QString preloadError;
        if (!demoPlugin.ensurePreload(argc, argv, &preloadError))
            std::fprintf(stderr, "onewindow: no simulated devices: %s\n", qPrintable(preloadError));
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("onewindow"));
    QApplication::setApplicationDisplayName(QStringLiteral("OneWindow"));
    QApplication::setOrganizationName(QStringLiteral("OneWindow"));
    QApplication::setApplicationVersion(QStringLiteral(ONEWINDOW_VERSION));
    // No image file read before the first paint (each read loads all image format plugins).
    ow::ui::CounterStyle::install();

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
    const QCommandLineOption clerkOption(
        QStringLiteral("clerk"), QStringLiteral("The signed-in clerk."), QStringLiteral("name"));
    const QCommandLineOption catalogOption(QStringLiteral("catalog"),
        QStringLiteral("The matter catalogue (default: the built-in demo one)."), QStringLiteral("file"));
    const QCommandLineOption demoBackOfficeOption(QStringLiteral("demo-back-office"),
        QStringLiteral("With --demo: sync to this demo back office (./ow run starts one) as its demo clerk."),
        QStringLiteral("url"));
    parser.addOption(langOption);
    parser.addOption(demoOption);
    parser.addOption(dataDirOption);
    parser.addOption(clerkOption);
    parser.addOption(catalogOption);
    parser.addOption(demoBackOfficeOption);
    const QCommandLineOption kioskOption(QStringLiteral("kiosk"),
        QStringLiteral("The hall's ticket kiosk (full screen): choose a service, the ticket is printed."));
    const QCommandLineOption hallDisplayOption(QStringLiteral("hall-display"),
        QStringLiteral("The hall display (full screen): the latest calls, spoken, and who waits."));
    const QCommandLineOption backOfficeOption(QStringLiteral("back-office"),
        QStringLiteral("With --kiosk or --hall-display: the back office's address."), QStringLiteral("url"));
    const QCommandLineOption hallOption(QStringLiteral("hall"),
        QStringLiteral("The hall (its code at the back office): the queue this window calls from, or the hall of "
                       "--kiosk or --hall-display."),
        QStringLiteral("hall"));
    const QCommandLineOption hallNameOption(QStringLiteral("hall-name"),
        QStringLiteral("With --kiosk or --hall-display: the hall's name on screen and on the ticket."),
        QStringLiteral("name"));
    const QCommandLineOption tokenFileOption(QStringLiteral("device-token-file"),
        QStringLiteral("With --kiosk or --hall-display: the file holding the device's token (admin add-hall-device)."),
        QStringLiteral("file"));
    const QCommandLineOption windowedOption(
        QStringLiteral("windowed"), QStringLiteral("With --kiosk or --hall-display: a window, not full screen."));
    const QCommandLineOption ticketPrefixOption(QStringLiteral("ticket-prefix"),
        QStringLiteral(
            "Without --hall (a station's own queue): the letter its tickets' numbers start with (default Z)."),
        QStringLiteral("letter"), QStringLiteral("Z"));
    parser.addOptions({kioskOption, hallDisplayOption, backOfficeOption, hallOption, hallNameOption, tokenFileOption,
        windowedOption, ticketPrefixOption});
    parser.process(app);

    const QString language = ow::i18n::chooseLanguage(parser.value(langOption), QLocale::system());
    if (!ow::i18n::installTranslations(app, language))
        std::fprintf(stderr, "onewindow: no translation for %s; using English\n", qPrintable(language));

    if (parser.isSet(kioskOption) || parser.isSet(hallDisplayOption)) {
        // The hall's screens: no store, no clerk; a hall device's token at the back office.
        HallScreenOptions hall;
        hall.demo = parser.isSet(demoOption);
        hall.fullScreen = !parser.isSet(windowedOption);
        hall.backOffice = QUrl(parser.value(hall.demo ? demoBackOfficeOption : backOfficeOption));
        hall.hall = hall.demo ? ow::core::DemoAccounts::hall() : parser.value(hallOption);
        hall.hallName = parser.isSet(hallNameOption)
            ? parser.value(hallNameOption)
            : (hall.demo ? QCoreApplication::translate("main", "Xihu District Administrative Service Centre (demo)")
                         : QString());
        if (hall.demo) {
            hall.token = (parser.isSet(kioskOption) ? ow::core::DemoAccounts::kioskToken()
                                                    : ow::core::DemoAccounts::displayToken())
                             .toUtf8();
        } else {
            QFile tokenFile(parser.value(tokenFileOption));
            if (!tokenFile.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "onewindow: --kiosk and --hall-display need --device-token-file: %s\n",
                    qPrintable(tokenFile.errorString()));
                return 2;
            }
            hall.token = tokenFile.readAll().trimmed();
        }
        if (!hall.backOffice.isValid() || hall.backOffice.isEmpty() || hall.hall.isEmpty()) {
            std::fprintf(stderr,
                "onewindow: --kiosk and --hall-display need --back-office and --hall "
                "(with --demo: --demo-back-office)\n");
            return 2;
        }
        hall.followBase = hall.backOffice;
        return parser.isSet(kioskOption) ? runKiosk(hall, &demoPlugin) : runHallDisplay(hall);
    }

    ow::ui::ClientContext context;
    context.demoMode = parser.isSet(demoOption);
    context.window.clerk = parser.value(clerkOption);
    auto fail = [](const QString &what) {
        std::fprintf(stderr, "onewindow: %s\n", qPrintable(what));
        // Without a screen (offscreen: tests, scripts) a message box would only wait forever.
        if (interactive())
            QMessageBox::critical(nullptr, QCoreApplication::translate("main", "OneWindow cannot start"), what);
        return 1;
    };

    // The local store: demo data never mixes with a real window's cases.
    QString dataDir = parser.value(dataDirOption);
    if (dataDir.isEmpty())
        dataDir = context.demoMode ? QDir(ow::store::Store::defaultDataDir()).filePath(QStringLiteral("demo"))
                                   : ow::store::Store::defaultDataDir();
    // Receipts and notices speak the window's document language (zh_CN unless the admin set
    // another), not the process locale nor the clerk's --lang.
    const auto documentLanguage = ow::store::WindowSettings::documentLanguage(dataDir);
    if (!documentLanguage)
        return fail(documentLanguage.error());
    context.window.documentLanguage = documentLanguage.value();
    if (context.demoMode) {
        // Demo receipts are signed by a DEMO- key that no real window trusts, and say 演示. The
        // names printed on them are in the document language.
        const ow::i18n::DocumentLanguage onPaper(context.window.documentLanguage);
        context.window.regionCode = QStringLiteral("330106");
        context.window.windowCode = QStringLiteral("W01");
        context.window.windowName = QCoreApplication::translate("main", "Comprehensive window 1 (demo)");
        if (context.window.clerk.isEmpty())
            context.window.clerk = QCoreApplication::translate("main", "Demo clerk");
        context.window.office =
            QCoreApplication::translate("main", "Xihu District Administrative Service Centre (demo)");
        context.window.contact = QStringLiteral("0571-12345");
    }
    // One client per store: a second one would overwrite the first one's cases.
    auto storeLock = ow::store::StoreLock::acquire(dataDir);
    if (!storeLock)
        return fail(storeLock.error());
    // Outside demo mode the window is who it was set up to be (never an invented W01).
    if (!context.demoMode) {
        const auto identity = identityOf(dataDir);
        if (!identity)
            return fail(identity.error());
        context.window.regionCode = identity->region;
        context.window.windowCode = identity->code;
        context.window.windowName = identity->name;
    }
    auto store = ow::store::Store::open(dataDir);
    if (!store)
        return fail(store.error());
    context.store = &store.value();
    // The back office: an enrolled window's (account.json), a hand-configured one's address
    // (backoffice.json, never a password), or in demo mode the demo back office of ./ow run.
    const auto account = context.demoMode ? ow::Result<ow::account::AccountConfig>(ow::account::AccountConfig())
                                          : ow::account::AccountSettings::load(dataDir);
    if (!account)
        return fail(account.error());
    QUrl backOffice = account->backOffice;
    if (context.demoMode) {
        backOffice = QUrl(parser.value(demoBackOfficeOption));
    } else if (backOffice.isEmpty()) {
        const auto link = BackOfficeLink::load(dataDir);
        if (!link)
            return fail(link.error());
        backOffice = link.value().value_or(QUrl());
    }
    if (!backOffice.isEmpty() && !backOffice.isValid())
        return fail(QCoreApplication::translate("main", "%1 is not a back office address.").arg(backOffice.toString()));
    if (!backOffice.isEmpty()) {
        // https://, or plain http:// only to this computer (the demo back office of ./ow run).
        const auto safe = ow::account::AccountSettings::checkTransport(backOffice);
        if (!safe)
            return fail(safe.error());
    }
    // The sync engine works on a thread of its own (its own connection to the store; the lock
    // above is this process's) and syncs as the clerk who signed in (credentials in memory only);
    // it starts once the window is up. Without a back office the status bar says so.
    // A window in no hall (a township station) keeps its own queue in its store, pushed by the
    // sync engine when the link returns; a window in a hall (--hall, the demo) calls from the back
    // office's.
    const QString hallCode = context.demoMode ? ow::core::DemoAccounts::hall() : parser.value(hallOption);
    const QString ticketPrefix = parser.value(ticketPrefixOption);
    if (hallCode.isEmpty() && !ow::sync::LocalQueueService::isValidPrefix(ticketPrefix))
        return fail(QCoreApplication::translate("main", "--ticket-prefix takes one capital letter A–Z."));
    std::unique_ptr<ow::account::SyncLink> syncLink;
    if (!backOffice.isEmpty()) {
        ow::sync::SyncConfig syncConfig;
        syncConfig.baseUrl = backOffice;
        // Kept fresh by ETag: a new catalogue goes on the shelf for new cases (below).
        syncConfig.refreshPaths = {
            QStringLiteral("/v1/catalogues"), QStringLiteral("/v1/calendar"), QStringLiteral("/v1/keyring")};
        if (hallCode.isEmpty())
            syncConfig.stationWindow = context.window.keyId();
        syncLink = std::make_unique<ow::account::SyncLink>(dataDir, syncConfig);
        context.sync = syncLink->engine();
        if (context.demoMode)
            syncLink->setCredentials(
                {ow::core::DemoAccounts::clerk(), ow::core::DemoAccounts::password(), QString(), false});
    }
    // The hall's queue (排队叫号) of a window in a hall: --hall, the demo hall with ./ow run. It
    // acts as the clerk who signed in (their session, else their credentials).
    std::unique_ptr<ow::sync::RemoteQueueService> queue;
    std::unique_ptr<ow::sync::LocalQueueService> stationQueue;
    if (!backOffice.isEmpty() && !hallCode.isEmpty()) {
        queue =
            std::make_unique<ow::sync::RemoteQueueService>(backOffice, QByteArray(), context.window.keyId(), hallCode);
        if (context.demoMode)
            queue->setCredentials(ow::core::DemoAccounts::clerk(), ow::core::DemoAccounts::password());
        context.queue = queue.get();
        context.queueFollowBase = backOffice; // as the kiosk's ticket QR (HallScreenOptions::followBase)
    } else if (hallCode.isEmpty()) {
        // Its categories come from the catalogue's matter groups once it is loaded (below).
        stationQueue = std::make_unique<ow::sync::LocalQueueService>(
            *context.store, context.window.keyId(), ticketPrefix, *context.clock);
        stationQueue->setClerk(context.window.clerk);
        if (context.sync)
            QObject::connect(
                stationQueue.get(), &ow::sync::LocalQueueService::changed, context.sync, &ow::sync::SyncService::kick);
        context.queue = stationQueue.get();
    }

    const QString keysDir = QDir(dataDir).filePath(QStringLiteral("keys"));
    const QString keyId =
        context.demoMode ? ow::receipt::KeyRing::demoKeyId(context.window.keyId()) : context.window.keyId();
    auto key = ow::receipt::WindowKey::loadOrCreate(keysDir, keyId);
    if (!key)
        return fail(key.error());
    context.key = key.value();
    auto keys = ow::receipt::KeyRing::loadDirectory(keysDir, keyId);
    if (keys)
        context.keys = keys.value();
    // The sync keeps the back office's key ring as keys/trusted.json: scanned receipts are checked
    // against it from then on.
    if (context.sync)
        QObject::connect(context.sync, &ow::sync::SyncService::resourceUpdated, &app,
            [&context, keysDir, keyId](const QString &path, const QByteArray &) {
                if (path != QLatin1String("/v1/keyring"))
                    return;
                auto reloaded = ow::receipt::KeyRing::loadDirectory(keysDir, keyId);
                if (reloaded)
                    context.keys = reloaded.value();
            });

    // A window with a back office, on a screen: the clerk signs in (online, or offline against
    // the verifier of an earlier online sign-in) and the window locks itself when idle; whoever
    // signs in (or unlocks) is the one the engine syncs as. A window without a back office (set up
    // by hand) has no one to check a password: as before.
    std::unique_ptr<ow::account::SignIn> signIn;
    std::unique_ptr<ow::sync::SupervisorService> supervisor;
    int idleLockMinutes = 0;
    if (!context.demoMode && !backOffice.isEmpty() && interactive()) {
        signIn = std::make_unique<ow::account::SignIn>(dataDir, keyId, backOffice);
        syncLink->follow(signIn.get());
        // 督办 asks the back office as the supervisor who signed in (kept only for that role, below).
        supervisor = std::make_unique<ow::sync::SupervisorService>(backOffice, QByteArray());
        QObject::connect(signIn.get(), &ow::account::SignIn::accepted, supervisor.get(),
            [s = supervisor.get()](const ow::account::ClerkCredentials &credentials) {
                s->setCredentials(credentials.user, credentials.password);
                s->setToken(credentials.token.toUtf8());
            });
        if (queue)
            QObject::connect(signIn.get(), &ow::account::SignIn::accepted, queue.get(),
                [q = queue.get()](const ow::account::ClerkCredentials &credentials) {
                    q->setCredentials(credentials.user, credentials.password);
                    q->setToken(credentials.token.toUtf8());
                });
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/onewindow/icons/onewindow.png")));
        ow::ui::SignInDialog signInDialog(signIn.get(), context.window.windowName);
        signInDialog.setUser(context.window.clerk);
        if (signInDialog.exec() != QDialog::Accepted)
            return 1;
        context.window.clerk = signInDialog.outcome().user;
        context.role = signInDialog.outcome().role; // decides the sections (MainWindow)
        if (context.role == QLatin1String("supervisor"))
            context.supervisor = supervisor.get();
        else
            supervisor.reset();
        if (stationQueue) {
            // Ticket events name the clerk who acted: whoever signed in (or unlocked) last.
            stationQueue->setClerk(context.window.clerk);
            QObject::connect(signIn.get(), &ow::account::SignIn::accepted, stationQueue.get(),
                [q = stationQueue.get()](
                    const ow::account::ClerkCredentials &credentials) { q->setClerk(credentials.user); });
        }
        idleLockMinutes = account->idleLockMinutes;
    }

    // The catalogue (10,000 matters) loads on a thread while the window comes up; intake starts
    // when it is there. It is parsed and validated once per catalogue version: later starts read
    // the binary cache beside the data (keyed by the JSON's SHA-256, rebuilt when damaged). The
    // thread runs at a low priority so that on a busy two-core machine the window paints first.
    // New cases follow the newest catalogue the back office sent (open cases keep the one pinned
    // on them), else the built-in one; --catalog overrides both.
    const QString catalogPath = parser.isSet(catalogOption)
        ? parser.value(catalogOption)
        : ow::sync::CatalogueShelf(dataDir).forNewCases(ow::Catalog::builtinPath());
    if (!QFile::exists(catalogPath))
        return fail(QCoreApplication::translate("main", "The catalogue %1 does not exist.").arg(catalogPath));
    std::optional<ow::Catalog> catalog;
    std::unique_ptr<ow::CatalogSearch> search;
    QString catalogError;
    const ow::CatalogCache catalogCache(QDir(dataDir).filePath(QStringLiteral("cache")));
    std::unique_ptr<QThread> catalogLoader(QThread::create([&] {
        // Linux: this thread's own nice value (+10: about a tenth of the window's share of a core).
        ::setpriority(PRIO_PROCESS, id_t(::syscall(SYS_gettid)), 10);
        auto loaded = catalogCache.load(catalogPath);
        const auto &pinyin = ow::PinyinTable::builtin();
        if (!loaded || !pinyin) {
            catalogError = !loaded ? loaded.error() : pinyin.error();
            return;
        }
        if (!loaded->note.isEmpty())
            std::fprintf(stderr, "onewindow: %s\n", qPrintable(loaded->note));
        catalog.emplace(std::move(loaded.value().catalog));
        search = std::make_unique<ow::CatalogSearch>(*catalog, pinyin.value());
    }));
    context.catalogueLoading = true;
    ow::ui::MainWindow *mainWindow = nullptr;
    bool catalogLoaded = false;
    // Runs once both the window exists and the catalogue thread has finished, in either order.
    const auto deliverCatalogue = [&] {
        if (!mainWindow || !catalogLoaded || !context.catalogueLoading)
            return;
        context.catalogueLoading = false;
        if (!catalogError.isEmpty()) {
            fail(catalogError);
            QCoreApplication::exit(1);
            return;
        }
        context.catalog = &*catalog;
        context.search = search.get();
        if (stationQueue) {
            QList<std::pair<QString, QString>> groups;
            for (const ow::MatterGroup &g : catalog->groups())
                groups << std::make_pair(g.id, g.name);
            stationQueue->setCategories(ow::queue::Category::fromGroups(groups));
        }
        mainWindow->catalogueReady();
    };
    QObject::connect(catalogLoader.get(), &QThread::finished, &app, [&] {
        catalogLoaded = true;
        deliverCatalogue();
    });
    catalogLoader->start();

    ow::ui::CounterDevices counterDevices;
    context.devices = &counterDevices;
    // The applicant's rating screen (好差评) after each service: on a second screen when one is
    // connected, else full screen over the clerk's window until the applicant chooses.
    ow::ui::RatingDesk ratingDesk;
    context.ratings = &ratingDesk;
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

    context.askSavePath = [](const QString &title, const QString &fileName, const QString &filter) {
        return QFileDialog::getSaveFileName(
            QApplication::activeWindow(), title, QDir::home().filePath(fileName), filter);
    };
    // Plugins loaded on demand (the 督办 section's charts): beside the program, else installed.
    context.pluginDirs = {QCoreApplication::applicationDirPath(), QStringLiteral(OW_PLUGIN_DIR)};
    // The PDF views and import (onewindow-pdf.so, QtPdf): MainWindow loads it after its first paint.
    ow::ui::PdfPlugin::setDirs(context.pluginDirs);

    context.confirm = [](const QString &title, const QString &text) {
        // The default button is No: a stray Enter never leaves a case or refuses an applicant.
        return QMessageBox::question(
                   QApplication::activeWindow(), title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            == QMessageBox::Yes;
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
    std::unique_ptr<ow::ui::DemoCardSlot> demoDevices;
    if (context.demoMode && demoPlugin.preloadActive()) {
        QString demoError;
        demoDevices = demoPlugin.create(&demoError);
        if (!demoDevices)
            std::fprintf(stderr, "onewindow: no simulated devices: %s\n", qPrintable(demoError));
    }
    ow::usb::DeviceManager usb;
    context.cardReader = usb.addDriver(std::make_unique<ow::idcard::IdCardReader>());
    counterDevices.attachPrinter(usb.addDriver(std::make_unique<ow::printer::ReceiptPrinter>()));
    // A notice's QR scanned at the window continues its case (IntakePage listens).
    counterDevices.attachScanner(usb.addDriver(std::make_unique<ow::scanner::BarcodeScanner>()));
    context.demoCards = demoDevices.get();
    usb.start();

    ow::ui::MainWindow window(context);
    ow::ui::FirstPaintProbe::installIfRequested(&window); // tests/bench/bench_startup only
    mainWindow = &window;
    std::unique_ptr<ow::ui::IdleLock> idleLock;
    if (signIn)
        idleLock = std::make_unique<ow::ui::IdleLock>(&window, signIn.get(), context.window.clerk, idleLockMinutes);
    deliverCatalogue();
    // The counter's screen is the clerk's whole desk (1366×768 at the least), with or without a
    // window manager to maximise it.
    window.resize(window.screen()->availableSize());
    window.showMaximized();
    if (syncLink) {
        QObject::connect(syncLink->engine(), &ow::sync::SyncService::catalogueAvailable, &window,
            [&window, &context](const QString &version) {
                if (context.catalog && context.catalog->version() == version)
                    return; // the one loaded already
                window.statusBar()->showMessage(QCoreApplication::translate(
                    "main", "Catalogue %1 has arrived from the back office: new cases use it from the next start.")
                                                    .arg(version));
            });
        syncLink->start();
    }
    const int rc = app.exec();
    catalogLoader->wait();
    return rc;
}
