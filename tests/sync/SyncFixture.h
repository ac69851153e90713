#pragma once

#include <functional>

#include "onewindow/core/Clock.h"
#include "onewindow/receipt/WindowKey.h"
#include "onewindow/store/BlobStore.h"
#include "onewindow/store/Store.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

// What the sync tests share: a real onewindow-backoffice process (killable with SIGKILL), its
// window and clerk, cases written through the store's real APIs, and the final checks.
namespace synctest {

QString backOfficeBinary();

inline const QString kRegion = QStringLiteral("330106");
inline const QString kWindow = QStringLiteral("S07");
inline const QString kKeyId = QStringLiteral("330106-S07");
inline const QString kClerk = QStringLiteral("station-clerk");
inline const QString kPassword = QStringLiteral("a long test password");

class Server
{
public:
    ~Server() { kill(); }
    // On `port` (0: a free one), e.g. the port of a back office killed before, to come back there.
    bool start(const QString &dataDir, quint16 port = 0);
    // Started under nice(1) with this increment: a back office on the same machine as the window
    // (in a test) then takes no CPU from the window's screen that a remote one would not.
    void setNice(int increment) { m_nice = increment; }
    void kill(); // SIGKILL, as a power cut would
    quint16 port() const { return m_port; }
    bool running() const { return m_process.state() == QProcess::Running; }

private:
    QProcess m_process;
    QString m_dataDir;
    quint16 m_port = 0;
    int m_nice = 0;
};

// A command run to its end (the back office's admin commands, onewindow-tool): exit code -1 when
// it crashed or did not finish within two minutes.
struct CommandRun
{
    int exitCode = -1;
    QString out;
    QString err;
};
CommandRun runCommand(const QString &program, const QStringList &args);

// add-window + add-user on the back office's data dir (while it runs or not), and the window's
// enrolment with windowKey() (POST /v1/enrol, as the window does): at once when a Server runs on
// that data dir, else when one starts there. "" on success.
QString setUpWindow(const QString &serverDataDir);
// The key of window kKeyId: it signs the receipts of makeCases() and is the one setUpWindow enrols.
const ow::receipt::WindowKey &windowKey();

struct Http
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-cased
};
Http http(quint16 port, const QByteArray &method, const QString &path, const QByteArray &body = {},
    const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 20000);
QByteArray signIn(quint16 port);
bool serverHasTus(quint16 port);
bool serverHasEvents(quint16 port, const QByteArray &token);

// The wall clock moved by whole days: a second client store of the same window (a test's next
// round) takes its case numbers on another day, so they stay unique per window as the back office
// requires.
class DayShiftedClock final : public ow::Clock
{
public:
    explicit DayShiftedClock(int days)
        : m_days(days)
    { }
    QDateTime now() const override { return QDateTime::currentDateTime().addDays(m_days); }

private:
    int m_days;
};

struct MadeCase
{
    QString id;
    QString number;
    QStringList blobs; // sha256
};
// Makes `count` accepted cases with the real IntakeWorkflow (demo catalogue, open-restaurant) with
// `minBlobs`..`maxBlobs` scanned materials each (random bytes of `minBytes`..`maxBytes`, attached as the materials'
// scans).
QList<MadeCase> makeCases(ow::store::Store &store, ow::store::BlobStore &blobs, int count, int minBlobs, int maxBlobs,
    int minBytes, int maxBytes, QRandomGenerator &rng, const ow::Clock &clock, std::function<bool()> offline = {});

// The final check: every case once at the back office, every entry in order and equal to the
// local one, nothing held, every blob intact (sha256 of GET /v1/blobs/…), the outbox empty.
// Returns the problems (empty: all is well).
QStringList verifyAtBackOffice(
    quint16 port, const QByteArray &token, ow::store::Store &store, const QList<MadeCase> &cases, bool checkBlobs);

} // namespace synctest
