#pragma once

#include "onewindow/core/Clock.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/intake/WindowConfig.h"
#include "onewindow/printer/PrinterProfile.h"
#include "onewindow/receipt/KeyRing.h"
#include "onewindow/receipt/WindowKey.h"

#include <QImage>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

namespace ow {
class Catalog;
class CatalogSearch;
namespace store {
class Store;
}
namespace idcard {
class IdCardReader;
}
namespace sync {
class QueueService;
class SupervisorService;
class SyncService;
} // namespace sync
} // namespace ow

namespace ow::ui {

class CounterDevices;
class DemoCardSlot;
class RatingDesk;

// What the composition root (app/client, or a test) hands to the widgets.
struct ClientContext
{
    const Clock *clock = &Clock::system();
    WorkCalendar calendar;
    intake::WindowConfig window;
    bool demoMode = false;
    // The signed-in user's role as the back office says (clerk, station, supervisor, department,
    // admin); empty when no back office signs anyone in (demo, a window set up by hand): the
    // local clerk. Intake, hand-out and the queue are a clerk's or a station's work.
    QString role;
    bool servesTheCounter() const
    {
        return role.isEmpty() || role == QLatin1String("clerk") || role == QLatin1String("station");
    }

    const Catalog *catalog = nullptr;
    const CatalogSearch *search = nullptr;
    bool catalogueLoading = false; // catalog/search arrive later: MainWindow::catalogueReady()
    store::Store *store = nullptr;
    std::optional<receipt::WindowKey> key;
    receipt::KeyRing keys; // published window keys, to check scanned receipts
    printer::PrinterProfile printerProfile = printer::PrinterProfile::defaultProfile();

    // The ID card reader: lives on the USB worker thread, so connect to its signals and call
    // only its thread-safe methods (see drivers/idcard). Null when devices are off (tests).
    idcard::IdCardReader *cardReader = nullptr;
    DemoCardSlot *demoCards = nullptr; // demo mode only: the simulated reader's card slot
    // The receipt printer and the scanner, as the widgets see them (GUI thread).
    CounterDevices *devices = nullptr;
    // The sync with the back office (its engine works on a thread of its own); null when the
    // window's settings name no back office: the status bar then says so.
    sync::SyncService *sync = nullptr;
    // The hall's queue as this window works it (the back office's, or a station's own); null
    // without one: the 排队叫号 section says so.
    sync::QueueService *queue = nullptr;
    // Where a walk-in ticket's QR points (the back office's public address, as the kiosk's
    // followBase); empty at a station (no QR on its slips).
    QUrl queueFollowBase;
    // The supervisor's overview and appeal decisions at the back office (督办); null unless a
    // supervisor signed in with a back office: the section then says so.
    sync::SupervisorService *supervisor = nullptr;
    // Where plugins loaded on demand are looked for (the 督办 section's charts): the program's
    // folder and the installed plugin folder.
    QStringList pluginDirs;

    // A folder a document camera's software drops page files into ("" = none): finished files
    // are imported onto the selected checklist line (issue 14).
    QString hotFolder;

    // After each service (acceptance, supplement, hand-out): the applicant's rating (好差评) on
    // their own screen (RatingDesk), sealed to the key ring's rating key. Null: no rating is asked
    // (a window without the rating screen wired, tests).
    RatingDesk *ratings = nullptr;

    // Draws ESC/POS bytes as the paper will look (the printer simulator's renderer).
    std::function<QImage(const QByteArray &)> renderReceipt;
    // Asks the clerk for one line of text; nullopt when cancelled. Tests replace it.
    std::function<std::optional<QString>(const QString &title, const QString &label)> askText;
    // Asks the clerk to confirm (yes / no, "no" the default button); true only for a yes. Unset:
    // nothing is confirmed. Tests replace it, so that no dialog ever waits for a key.
    std::function<bool(const QString &title, const QString &text)> confirm;
    // Asks where to save a file (a save dialog starting at `fileName`, `filter` e.g. "CSV (*.csv)");
    // "" when cancelled. Unset: nothing is saved. Tests replace it.
    std::function<QString(const QString &title, const QString &fileName, const QString &filter)> askSavePath;
};

} // namespace ow::ui
