// A county's day against a back office behind a TLS proxy (tests/load/county.sh runs it): N windows
// make real cases through the clerk's workflow (IntakeWorkflow: a scanned material attached, the
// receipt signed by the window's enrolled key) and their real sync engines (account::SyncLink) push
// them, upload the scans by tus and long-poll the window's events; the departments decide the
// items routed to them through the API. Faults come from outside (the script restarts PostgreSQL
// and kills an instance); the engines retry what they interrupted. At the end every entry the
// windows hold is acknowledged, and is in the database exactly once, every scan is served with its
// bytes; the figures are printed. Exit 0 when nothing was lost or duplicated.
//
//   county_load --url https://127.0.0.1:PORT --ca cert.pem --backoffice BIN --db URL --work DIR
//               [--windows N] [--stations S] [--seconds T] [--case-ms MS] [--drain-seconds D]
#include "onewindow/account/ClerkCredentials.h"
#include "onewindow/account/SyncLink.h"
#include "onewindow/catalog/Catalog.h"
#include "onewindow/core/Clock.h"
#include "onewindow/core/DemoAccounts.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/intake/Party.h"
#include "onewindow/receipt/WindowKey.h"
#include "onewindow/store/BlobStore.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/store/Store.h"
#include "onewindow/sync/SyncService.h"
#include "onewindow/sync/SyncStatus.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>

namespace {

const QString kRegion = QStringLiteral("330106");
const QString kPassword = QStringLiteral("county-password-1");

void say(const QString &line)
{
    std::fprintf(stdout, "county: %s\n", qPrintable(line));
    std::fflush(stdout);
}

struct Reply
{
    int status = 0; // 0: no answer (connection refused, reset, timeout)
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// One request, waited for (at most `timeoutMs`).
Reply call(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url, const QByteArray &token = {},
    const QJsonObject &body = {}, int timeoutMs = 15000)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    QByteArray raw;
    if (!body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        raw = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply = nam.sendCustomRequest(request, method, raw);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    reply->deleteLater();
    return r;
}

bool retryable(int status)
{
    return status == 0 || status >= 500;
}

// call() again while the answer is retryable (a server still coming back), for up to ~15 s.
Reply callRetrying(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url, const QByteArray &token = {},
    const QJsonObject &body = {}, int *retries = nullptr)
{
    Reply r;
    for (int attempt = 0; attempt < 30; ++attempt) {
        r = call(nam, method, url, token, body);
        if (!retryable(r.status))
            break;
        if (retries)
            ++*retries;
        QThread::msleep(500);
    }
    return r;
}

// An admin command of the back office on the county's database; its stdout, or "" (why in *error).
QString admin(const QString &bin, const QString &db, const QString &dataDir, QStringList args,
    const QByteArray &stdinText, QString *error)
{
    QProcess p;
    p.start(bin,
        QStringList {QStringLiteral("admin")} + args
            + QStringList {QStringLiteral("--db"), db, QStringLiteral("--data-dir"), dataDir});
    if (!p.waitForStarted(10000)) {
        *error = p.errorString();
        return QString();
    }
    p.write(stdinText);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QString::fromUtf8(p.readAllStandardError());
        return QString();
    }
    return QString::fromUtf8(p.readAllStandardOutput());
}

double percentile(QList<qint64> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype i = std::min(v.size() - 1, qsizetype(p * double(v.size() - 1) + 0.5));
    return double(v.at(i));
}

// One window (or station) of the county: its own data folder, key, clerk and sync engine.
struct Window
{
    QString keyId;
    QString clerk;
    QString dir;
    std::optional<ow::store::Store> store;
    std::unique_ptr<ow::intake::IntakeWorkflow> workflow;
    std::unique_ptr<ow::account::SyncLink> link;
    QStringList cases;
    QStringList scans; // sha256 of every scan attached
    int failedCases = 0;
    QSet<QString> errorsSeen; // the engine's lastError texts, each counted once per window
    int errorStates = 0; // times the engine went Offline/Error with a reason
    int eventsApplied = 0;
    bool drained = false;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addOptions({{QStringLiteral("url"), QStringLiteral("The proxy's HTTPS address."), QStringLiteral("url")},
        {QStringLiteral("ca"), QStringLiteral("The proxy's certificate (PEM) to trust."), QStringLiteral("file")},
        {QStringLiteral("backoffice"), QStringLiteral("onewindow-backoffice (admin commands)."), QStringLiteral("bin")},
        {QStringLiteral("db"), QStringLiteral("The county's PostgreSQL URL."), QStringLiteral("url")},
        {QStringLiteral("data-dir"), QStringLiteral("The back office's data folder."), QStringLiteral("dir")},
        {QStringLiteral("work"), QStringLiteral("Folder for the windows' data."), QStringLiteral("dir")},
        {QStringLiteral("windows"), QStringLiteral("Windows (default 6)."), QStringLiteral("n"), QStringLiteral("6")},
        {QStringLiteral("stations"), QStringLiteral("Stations (default 2)."), QStringLiteral("n"), QStringLiteral("2")},
        {QStringLiteral("seconds"), QStringLiteral("How long cases are made (default 30)."), QStringLiteral("s"),
            QStringLiteral("30")},
        {QStringLiteral("case-ms"), QStringLiteral("A window's pause between two cases (default 500)."),
            QStringLiteral("ms"), QStringLiteral("500")},
        {QStringLiteral("drain-seconds"),
            QStringLiteral("Longest wait for everything to be acknowledged (default 120)."), QStringLiteral("s"),
            QStringLiteral("120")},
        {QStringLiteral("ready-file"), QStringLiteral("Written when the windows start making cases."),
            QStringLiteral("file")}});
    p.addHelpOption();
    p.process(app);
    const QUrl base(p.value(QStringLiteral("url")));
    const QString bin = p.value(QStringLiteral("backoffice"));
    const QString db = p.value(QStringLiteral("db"));
    const QString dataDir = p.value(QStringLiteral("data-dir"));
    const QString work = p.value(QStringLiteral("work"));
    const int nWindows = p.value(QStringLiteral("windows")).toInt();
    const int nStations = p.value(QStringLiteral("stations")).toInt();
    const int seconds = p.value(QStringLiteral("seconds")).toInt();
    const int caseMs = p.value(QStringLiteral("case-ms")).toInt();
    const int drainSeconds = p.value(QStringLiteral("drain-seconds")).toInt();
    if (!base.isValid() || bin.isEmpty() || db.isEmpty() || dataDir.isEmpty() || work.isEmpty() || nWindows < 1) {
        say(QStringLiteral("usage: see --help"));
        return 2;
    }

    // The proxy's self-signed certificate is trusted by every connection of this process.
    {
        QFile f(p.value(QStringLiteral("ca")));
        if (!f.open(QIODevice::ReadOnly)) {
            say(QStringLiteral("cannot read the certificate %1").arg(f.fileName()));
            return 2;
        }
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(QSslCertificate::fromData(f.readAll(), QSsl::Pem));
        QSslConfiguration::setDefaultConfiguration(tls);
    }

    auto catalog = ow::Catalog::load(ow::Catalog::builtinPath());
    auto calendar = ow::WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar"));
    if (!catalog || !calendar) {
        say(!catalog ? catalog.error() : calendar.error());
        return 2;
    }

    QNetworkAccessManager nam;
    // Windows and stations: added, given a clerk, enrolled with their own key (a one-time code).
    std::vector<std::unique_ptr<Window>> windows;
    for (int i = 0; i < nWindows + nStations; ++i) {
        const bool station = i >= nWindows;
        auto w = std::make_unique<Window>();
        const QString code =
            QStringLiteral("%1%2").arg(station ? QStringLiteral("S") : QStringLiteral("W")).arg(i + 11);
        w->keyId = kRegion + QLatin1Char('-') + code;
        w->clerk = QStringLiteral("county-%1").arg(code.toLower());
        w->dir = QDir(work).filePath(code);
        QString error;
        const QString kind = station ? QStringLiteral("station") : QStringLiteral("window");
        if (admin(bin, db, dataDir,
                {QStringLiteral("add-window"), QStringLiteral("--region"), kRegion, QStringLiteral("--code"), code,
                    QStringLiteral("--name"), QStringLiteral("County ") + code, QStringLiteral("--kind"), kind},
                {}, &error)
                .isNull()
            || admin(bin, db, dataDir,
                {QStringLiteral("add-user"), QStringLiteral("--name"), w->clerk, QStringLiteral("--role"),
                    station ? QStringLiteral("station") : QStringLiteral("clerk"), QStringLiteral("--window"),
                    w->keyId},
                (kPassword + QLatin1Char('\n')).toUtf8(), &error)
                   .isNull()) {
            say(QStringLiteral("setting up %1 failed: %2").arg(w->keyId, error));
            return 1;
        }
        const QString out =
            admin(bin, db, dataDir, {QStringLiteral("new-code"), QStringLiteral("--window"), w->keyId}, {}, &error);
        const auto m = QRegularExpression(QStringLiteral("enrolment code [^:]*: ([0-9A-Z-]+)")).match(out);
        const QString keysDir = QDir(w->dir).filePath(QStringLiteral("keys"));
        const auto key = ow::receipt::WindowKey::loadOrCreate(keysDir, w->keyId);
        if (!m.hasMatch() || !key) {
            say(QStringLiteral("no enrolment code or key for %1: %2 %3")
                    .arg(w->keyId, error, key ? QString() : key.error()));
            return 1;
        }
        Reply enrolled;
        for (int attempt = 0; attempt < 20; ++attempt) {
            enrolled = call(nam, "POST", base.resolved(QUrl(QStringLiteral("/v1/enrol"))), {},
                {{QStringLiteral("code"), m.captured(1)}, {QStringLiteral("keyId"), w->keyId},
                    {QStringLiteral("publicKey"), QString::fromLatin1(key->publicKey().toBase64())}});
            if (!retryable(enrolled.status))
                break;
            QThread::msleep(200);
        }
        if (enrolled.status != 201) {
            say(QStringLiteral("enrolling %1: %2 %3")
                    .arg(w->keyId)
                    .arg(enrolled.status)
                    .arg(QString::fromUtf8(enrolled.body)));
            return 1;
        }
        auto store = ow::store::Store::open(w->dir);
        if (!store) {
            say(store.error());
            return 1;
        }
        w->store.emplace(std::move(store.value()));
        ow::intake::WindowConfig config;
        config.regionCode = kRegion;
        config.windowCode = code;
        config.windowName = QStringLiteral("County ") + code;
        config.clerk = w->clerk;
        w->workflow = std::make_unique<ow::intake::IntakeWorkflow>(
            catalog.value(), calendar.value(), ow::Clock::system(), *w->store, key.value(), config);
        ow::sync::SyncConfig sync;
        sync.baseUrl = base;
        sync.pollWaitSeconds = 5;
        sync.backoffBaseMs = 200;
        sync.backoffMaxMs = 2000;
        sync.idleRecheckMs = 1000;
        sync.requestTimeoutMs = 15000;
        w->link = std::make_unique<ow::account::SyncLink>(w->dir, sync);
        w->link->setCredentials({w->clerk, kPassword, QString(), false});
        Window *raw = w.get();
        QObject::connect(
            w->link->engine(), &ow::sync::SyncService::statusChanged, &app, [raw](const ow::sync::SyncStatus &s) {
                if ((s.state == ow::sync::SyncStatus::State::Offline || s.state == ow::sync::SyncStatus::State::Error)
                    && !s.lastError.isEmpty()) {
                    ++raw->errorStates;
                    raw->errorsSeen.insert(s.lastError);
                }
            });
        QObject::connect(w->link->engine(), &ow::sync::SyncService::eventsApplied, &app,
            [raw](int count, qint64) { raw->eventsApplied += count; });
        windows.push_back(std::move(w));
    }
    say(QStringLiteral("%1 windows and %2 stations enrolled").arg(nWindows).arg(nStations));

    // The departments: each signed in once (again after a 401), deciding what is routed to it.
    struct Department
    {
        QString code;
        QByteArray token;
    };
    QList<Department> departments;
    for (const ow::Department &d : catalog->departments())
        departments.append({d.id, {}});
    int deptRetries = 0;
    int decisions = 0;
    int deptConflicts = 0;
    const auto decideRound = [&] {
        for (Department &d : departments) {
            if (d.token.isEmpty()) {
                const Reply s = call(nam, "POST", base.resolved(QUrl(QStringLiteral("/v1/sessions"))), {},
                    {{QStringLiteral("name"), ow::core::DemoAccounts::departmentUser(d.code)},
                        {QStringLiteral("password"), ow::core::DemoAccounts::password()}});
                if (s.status != 201) {
                    deptRetries += retryable(s.status) ? 1 : 0;
                    continue;
                }
                d.token = s.json().value(QLatin1String("token")).toString().toLatin1();
            }
            const Reply list = call(nam, "GET",
                base.resolved(QUrl(QStringLiteral("/v1/departments/%1/items?state=routed").arg(d.code))), d.token);
            if (list.status == 401)
                d.token.clear();
            if (list.status != 200) {
                deptRetries += retryable(list.status) ? 1 : 0;
                continue;
            }
            for (const QJsonValue &v : list.json().value(QLatin1String("items")).toArray()) {
                const QString item = v.toObject().value(QLatin1String("item")).toString();
                const Reply decided =
                    call(nam, "POST", base.resolved(QUrl(QStringLiteral("/v1/items/%1/decision").arg(item))), d.token,
                        {{QStringLiteral("outcome"), QStringLiteral("approved")}});
                if (decided.status == 200)
                    ++decisions;
                else if (decided.status == 409)
                    ++deptConflicts; // decided already: an earlier try whose answer was lost
                else if (retryable(decided.status))
                    ++deptRetries;
            }
        }
    };

    // The day: every window makes a case every caseMs for `seconds`, with a scan of its id card.
    if (p.isSet(QStringLiteral("ready-file"))) {
        QFile ready(p.value(QStringLiteral("ready-file")));
        (void)ready.open(QIODevice::WriteOnly);
    }
    for (auto &w : windows)
        w->link->start();
    QElapsedTimer day;
    day.start();
    int caseNo = 0;
    const auto makeCase = [&](Window &w) {
        using ow::intake::IntakeWorkflow;
        IntakeWorkflow &f = *w.workflow;
        QStringList errors;
        const auto must = [&errors](const QString &err) {
            if (!err.isEmpty())
                errors << err;
        };
        must(f.start());
        must(f.setApplicant(
            ow::intake::Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value()));
        must(f.choose(ow::checklist::Selection::ofBundle(QStringLiteral("open-restaurant"))));
        must(f.answer(QStringLiteral("entity"), QStringLiteral("individual")));
        must(f.answer(QStringLiteral("area"), QStringLiteral("120")));
        must(f.answer(QStringLiteral("renovation"), QStringLiteral("no")));
        must(f.answer(QStringLiteral("fumes"), QStringLiteral("yes")));
        must(f.answer(QStringLiteral("signboard"), QStringLiteral("no")));
        const auto lines = f.checklist().materials;
        for (const auto &line : lines)
            must(f.mark(line.id, ow::checklist::Received::Original));
        // The id card's scan: a PDF of its own bytes per case (tus uploads it, the back office
        // serves it back by its hash).
        QByteArray pdf = QByteArrayLiteral("%PDF-1.4\n% county scan ") + f.caseId().toLatin1() + '\n';
        for (int k = 0; k < 2048; ++k)
            pdf.append(char(QRandomGenerator::global()->bounded(256)));
        pdf.append("\n%%EOF\n");
        ow::store::BlobStore blobs(w.dir);
        const auto sha = blobs.put(pdf);
        if (!sha)
            errors << sha.error();
        else
            must(f.attachDocument(IntakeWorkflow::identityMaterialId(), sha.value(), 1));
        must(f.goTo(IntakeWorkflow::Step::Verdict));
        must(f.decide(IntakeWorkflow::Decision::Accept, QString()));
        must(f.recordPrinted(QStringLiteral("receipt-printer")));
        must(f.finish());
        if (!errors.isEmpty()) {
            if (++w.failedCases == 1)
                say(QStringLiteral("%1: a case failed: %2").arg(w.keyId, errors.join(QStringLiteral("; "))));
            return;
        }
        w.cases << f.caseId();
        if (sha)
            w.scans << sha.value();
        ++caseNo;
    };
    QTimer maker;
    qsizetype next = 0;
    QObject::connect(&maker, &QTimer::timeout, &app, [&] {
        if (day.elapsed() >= qint64(seconds) * 1000) {
            maker.stop();
            return;
        }
        makeCase(*windows.at(size_t(next % qsizetype(windows.size()))));
        ++next;
    });
    maker.start(std::max(1, caseMs / int(windows.size())));
    QTimer deptTimer;
    QObject::connect(&deptTimer, &QTimer::timeout, &app, decideRound);
    deptTimer.start(1000);
    // Until the day is over and every window's outbox is empty (or the drain time is up).
    QEventLoop dayLoop;
    QTimer check;
    QElapsedTimer drain;
    QObject::connect(&check, &QTimer::timeout, &app, [&] {
        if (maker.isActive())
            return;
        if (!drain.isValid())
            drain.start();
        bool all = true;
        for (auto &w : windows) {
            const ow::sync::SyncStatus s = w->link->engine()->status();
            all = all && s.pendingEntries == 0 && s.pendingBlobs == 0;
        }
        if (all || drain.elapsed() > qint64(drainSeconds) * 1000)
            dayLoop.quit();
    });
    check.start(250);
    dayLoop.exec();
    const qint64 dayMs = day.elapsed();
    deptTimer.stop();
    // The last routed items decided (a few rounds: routing follows the acknowledgement).
    for (int round = 0; round < 3; ++round)
        decideRound();

    // What the windows hold: every entry acknowledged, with its latency (written → acknowledged).
    QList<qint64> latencies;
    int entries = 0;
    int unacked = 0;
    QHash<QString, int> seqOf; // case → its last seq, as the window holds it
    for (auto &w : windows) {
        ow::store::CaseLog log(*w->store);
        for (const QString &c : std::as_const(w->cases)) {
            const auto list = log.entries(c);
            if (!list) {
                say(list.error());
                return 1;
            }
            for (const ow::store::LogEntry &e : list.value()) {
                ++entries;
                if (!e.ackedAt.isValid())
                    ++unacked;
                else
                    latencies << std::max<qint64>(0, e.at.msecsTo(e.ackedAt));
                seqOf[c] = std::max(seqOf.value(c), e.seq);
            }
        }
    }

    // What the database holds: each of those entries exactly once, nothing more for these cases.
    const QUrl dbUrl(db);
    QSqlDatabase pg = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("county"));
    pg.setHostName(dbUrl.host());
    pg.setPort(dbUrl.port(5432));
    pg.setUserName(dbUrl.userName());
    pg.setPassword(dbUrl.password());
    pg.setDatabaseName(dbUrl.path().mid(1));
    if (!pg.open()) {
        say(QStringLiteral("the database: %1").arg(pg.lastError().text()));
        return 1;
    }
    int missing = 0;
    int duplicated = 0;
    int extra = 0;
    {
        QSqlQuery q(pg);
        q.prepare(QStringLiteral("SELECT seq, COUNT(*) FROM case_entries WHERE case_id = ? GROUP BY seq"));
        for (auto it = seqOf.cbegin(); it != seqOf.cend(); ++it) {
            q.addBindValue(it.key());
            if (!q.exec()) {
                say(q.lastError().text());
                return 1;
            }
            QSet<int> seen;
            while (q.next()) {
                const int seq = q.value(0).toInt();
                duplicated += q.value(1).toInt() > 1 ? 1 : 0;
                if (seq < 1 || seq > it.value())
                    ++extra;
                seen.insert(seq);
            }
            for (int s = 1; s <= it.value(); ++s)
                missing += seen.contains(s) ? 0 : 1;
        }
    }
    // Every scan: one row, and its bytes served back through the proxy to its window.
    int scans = 0;
    int scansMissing = 0;
    {
        QSqlQuery q(pg);
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM blobs WHERE sha256 = ?"));
        for (auto &w : windows) {
            const Reply s = callRetrying(nam, "POST", base.resolved(QUrl(QStringLiteral("/v1/sessions"))), {},
                {{QStringLiteral("name"), w->clerk}, {QStringLiteral("password"), kPassword}});
            const QByteArray token = s.json().value(QLatin1String("token")).toString().toLatin1();
            for (const QString &sha : std::as_const(w->scans)) {
                ++scans;
                q.addBindValue(sha);
                const bool one = q.exec() && q.next() && q.value(0).toInt() == 1;
                const Reply blob =
                    callRetrying(nam, "GET", base.resolved(QUrl(QStringLiteral("/v1/blobs/") + sha)), token);
                const bool same = blob.status == 200
                    && QString::fromLatin1(QCryptographicHash::hash(blob.body, QCryptographicHash::Sha256).toHex())
                        == sha;
                if (!one || !same) {
                    if (++scansMissing <= 3)
                        say(QStringLiteral("scan %1 of %2: %3 row(s), GET %4")
                                .arg(sha.left(12), w->keyId)
                                .arg(one)
                                .arg(blob.status));
                }
            }
        }
    }
    int routed = 0;
    int decided = 0;
    {
        QSqlQuery q(pg);
        if (q.exec(QStringLiteral("SELECT state, COUNT(*) FROM items GROUP BY state"))) {
            while (q.next()) {
                routed += q.value(1).toInt();
                decided += q.value(0).toString() == QLatin1String("approved") ? q.value(1).toInt() : 0;
            }
        }
    }

    int errorStates = 0;
    int failedCases = 0;
    int events = 0;
    QSet<QString> errorTexts;
    for (auto &w : windows) {
        errorStates += w->errorStates;
        failedCases += w->failedCases;
        events += w->eventsApplied;
        errorTexts.unite(w->errorsSeen);
    }
    say(QStringLiteral("%1 cases by %2 windows and %3 stations in %4 s (%5 failed at the window)")
            .arg(caseNo)
            .arg(nWindows)
            .arg(nStations)
            .arg(double(dayMs) / 1000.0, 0, 'f', 1)
            .arg(failedCases));
    say(QStringLiteral("entries: %1 written, %2 acknowledged, %3 not; %4 entries/s over the day")
            .arg(entries)
            .arg(entries - unacked)
            .arg(unacked)
            .arg(double(entries - unacked) * 1000.0 / double(std::max<qint64>(1, dayMs)), 0, 'f', 1));
    say(QStringLiteral("latency written → acknowledged: p50 %1 ms, p99 %2 ms, max %3 ms")
            .arg(percentile(latencies, 0.5), 0, 'f', 0)
            .arg(percentile(latencies, 0.99), 0, 'f', 0)
            .arg(percentile(latencies, 1.0), 0, 'f', 0));
    say(QStringLiteral("database: %1 missing, %2 duplicated, %3 unknown; scans: %4, %5 missing or wrong")
            .arg(missing)
            .arg(duplicated)
            .arg(extra)
            .arg(scans)
            .arg(scansMissing));
    say(QStringLiteral("departments: %1 items routed, %2 approved (%3 decisions, %4 already decided, %5 retried); "
                       "windows applied %6 events")
            .arg(routed)
            .arg(decided)
            .arg(decisions)
            .arg(deptConflicts)
            .arg(deptRetries)
            .arg(events));
    QStringList texts = errorTexts.values();
    texts.sort();
    say(QStringLiteral("errors seen and retried by the windows' engines: %1 (%2 distinct: %3)")
            .arg(errorStates)
            .arg(texts.size())
            .arg(texts.mid(0, 4).join(QStringLiteral(" | "))));
    const bool ok = caseNo > 0 && failedCases == 0 && unacked == 0 && missing == 0 && duplicated == 0 && extra == 0
        && scansMissing == 0 && routed > 0 && decided == routed;
    say(ok ? QStringLiteral("PASS: every acknowledged entry and scan is there exactly once")
           : QStringLiteral("FAIL: something was lost, duplicated or never acknowledged"));
    return ok ? 0 : 1;
}
