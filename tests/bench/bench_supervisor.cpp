// Issue 24: the supervisor's overview (GET /v1/supervisor/overview) at a province's size on
// PostgreSQL (fsync on): 1,000 windows (every tenth a station), 1,000,000 cases with their numbers,
// items (recent ones still with their departments) and the overview's rows (sv_decisions, sv_cases,
// sv_tasks), 2,000,000 tickets over a year with their sv_tickets rows, 10,000 ratings (bad ones with
// their rectification, some appealed), a clerk's session per window. The bulk is seeded with
// generate_series in the shapes SupervisorStats and the other writers give the rows (the case log
// and the tickets' event log, which the overview never reads, are left out); the windows the
// supervisor watches, their hall, the users and the calendar through `admin`. Then, over loopback
// and one request at a time, prints the latency p50/p99 of the refresh of a supervisor of 10
// windows (today, and a 31-day period) and of an admin (today: the first page of 100 windows, the
// ones that need attention first, and the sixth), and the load average.
//   build/bench/tests/bench/bench_supervisor [--requests N] [--pg URL]
#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

constexpr int kWindows = 1000;
constexpr int kSupervised = 10;
const QByteArray kPassword = "bench password 1";

bool admin(const QString &dir, const QString &url, const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(QStringLiteral(OW_BACKOFFICE),
        QStringList {QStringLiteral("admin")} + args
            + QStringList {QStringLiteral("--data-dir"), dir, QStringLiteral("--db"), url});
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(120000);
    if (p.exitCode() != 0)
        std::fprintf(stderr, "admin %s: %s\n", qPrintable(args.first()), p.readAllStandardError().constData());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

bool psql(const QString &url, const QString &sql)
{
    QProcess p;
    p.start(
        QStringLiteral("psql"), {url, QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-q")});
    p.write(sql.toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(-1);
    if (p.exitCode() != 0)
        std::fprintf(stderr, "psql: %s\n", p.readAllStandardError().constData());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2)
                                       : QStringLiteral("?");
}

QString windowKey(int n)
{
    return QStringLiteral("330106-W%1").arg(n, 4, 10, QLatin1Char('0'));
}

// The seed: $TODAY is the centre's day (UTC+8), $T0 its 09:00 in UTC.
// The bulk load goes in as a restore does: the secondary indexes of the seeded tables (exactly the
// migrations' definitions, read back from pg_indexes) dropped and built again once the rows are in,
// the foreign-key triggers off (session_replication_role, a superuser's setting: the bench's own
// cluster; the rows are consistent by construction). Primary keys and unique constraints stay.
const char kSeed[] = R"sql(
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';
SET session_replication_role = replica;
CREATE TEMP TABLE seed_indexes AS
SELECT i.indexname, i.indexdef FROM pg_indexes i
WHERE i.schemaname = current_schema()
  AND i.tablename IN ('cases', 'case_numbers', 'items', 'sv_decisions', 'sv_cases', 'sv_tasks', 'ratings',
                      'rating_tasks', 'rating_appeals', 'tickets', 'sv_tickets', 'sessions', 'users', 'windows')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace =
                  (SELECT oid FROM pg_namespace WHERE nspname = current_schema()));
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexname FROM seed_indexes LOOP EXECUTE 'DROP INDEX ' || quote_ident(r.indexname); END LOOP;
END $$;
CREATE TEMP TABLE seed_cases AS
SELECT i, md5('case' || i)::uuid::text AS case_id,
       '330106-W' || lpad((1 + i % 1000)::text, 4, '0') AS w,
       'c' || (1 + i % 1000) AS clerk,
       (i * 79) % 365 AS d,
       TIMESTAMP '$T0' - ((i * 79) % 365) * INTERVAL '1 day' + (i % 480) * INTERVAL '1 minute' AS ts
FROM generate_series(1, 1000000) i;
INSERT INTO windows (key_id, region, code, name, kind, created_at)
SELECT '330106-W' || lpad(n::text, 4, '0'), '330106', 'W' || lpad(n::text, 4, '0'), '窗口' || n,
       CASE WHEN n % 10 = 0 THEN 'station' ELSE 'window' END, '2025-01-01T00:00:00.000Z'
FROM generate_series(1, 1000) n;
INSERT INTO users (name, role, window_key_id, password_hash, created_at)
SELECT 'c' || n, CASE WHEN n % 10 = 0 THEN 'station' ELSE 'clerk' END, '330106-W' || lpad(n::text, 4, '0'),
       'pbkdf2-sha256$1$x$x', '2025-01-01T00:00:00.000Z'
FROM generate_series(1, 1000) n;
INSERT INTO sessions (token_hash, user_name, created_at, expires_at)
SELECT md5('session' || n || '-' || k), 'c' || n,
       to_char(now() AT TIME ZONE 'UTC' - k * INTERVAL '1 day' - INTERVAL '10 minutes', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
       to_char(now() AT TIME ZONE 'UTC' - k * INTERVAL '1 day' + INTERVAL '50 minutes', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
FROM generate_series(1, 1000) n, generate_series(0, 30) k;
INSERT INTO cases (case_id, window_key_id, applied_seq, created_at, updated_at)
SELECT case_id, w, 9, to_char(ts, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), to_char(ts, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
FROM seed_cases;
INSERT INTO case_numbers (number, window_key_id, case_id, taken_at)
SELECT w || '-' || to_char(ts, 'YYYYMMDD') || '-' || lpad((i / 1000)::text, 4, '0'), w, case_id,
       to_char(ts, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
FROM seed_cases;
INSERT INTO items (item_id, case_id, window_key_id, matter, name, department, state, routed_at, updated_at,
                   case_number, applicant, promised_date, materials)
SELECT md5('item' || i)::uuid::text, case_id, w, '330106-XK-AMR-003', '食品经营许可',
       (ARRAY['amr', 'health', 'fire', 'tax', 'housing'])[1 + i % 5],
       CASE WHEN d >= 20 THEN 'ready' WHEN i % 3 = 0 THEN 'routed' ELSE 'approved' END,
       to_char(ts, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), to_char(ts, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
       w || '-' || to_char(ts, 'YYYYMMDD') || '-' || lpad((i / 1000)::text, 4, '0'),
       '{"kind":"person","name":"王*","number":"3301**********0038"}',
       to_char(ts + INTERVAL '9 days', 'YYYY-MM-DD'), '[]'
FROM seed_cases;
INSERT INTO sv_decisions (case_id, seq, window_key_id, clerk, day, decision)
SELECT case_id, 8, w, clerk, to_char(ts + INTERVAL '8 hours', 'YYYY-MM-DD'),
       CASE WHEN i % 20 = 0 THEN 'refuse' WHEN i % 20 < 3 THEN 'accepttolerated' WHEN i % 20 < 5 THEN 'notice'
            ELSE 'accept' END
FROM seed_cases;
INSERT INTO sv_decisions (case_id, seq, window_key_id, clerk, day, decision)
SELECT case_id, 5, w, clerk, to_char(ts + INTERVAL '8 hours', 'YYYY-MM-DD'), 'notice'
FROM seed_cases WHERE i % 7 = 0;
INSERT INTO sv_cases (case_id, window_key_id, clerk, result_day, returns, visit_returns, supplements)
SELECT case_id, w, clerk, CASE WHEN i % 20 IN (3, 4) THEN NULL ELSE to_char(ts + INTERVAL '8 hours', 'YYYY-MM-DD') END,
       CASE WHEN i % 7 = 0 THEN 1 ELSE 0 END, CASE WHEN i % 7 = 0 THEN 1 ELSE 0 END,
       CASE WHEN i % 11 = 0 THEN 1 ELSE 0 END
FROM seed_cases;
INSERT INTO sv_tasks (case_id, task, window_key_id, kind, bring, due_date, done)
SELECT case_id, 'tolerated:food-safety-rules', w, 'tolerated', '食品安全管理制度',
       to_char(ts + INTERVAL '14 days', 'YYYY-MM-DD'), CASE WHEN d > 10 OR i % 4 <> 0 THEN 1 ELSE 0 END
FROM seed_cases WHERE i % 20 IN (1, 2);
INSERT INTO ratings (rating_id, case_id, seq, window_key_id, clerk, service, level, content, rated_at, received_at, state)
SELECT md5('rating' || i)::uuid::text, case_id, 10, w, clerk, 'acceptance',
       CASE WHEN i % 300 = 0 THEN 'dissatisfied' ELSE 'satisfied' END, 'ows1:k1:AAAA',
       to_char(ts + INTERVAL '10 minutes', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
       to_char(ts + INTERVAL '11 minutes', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'valid'
FROM seed_cases WHERE i % 100 = 0;
INSERT INTO rating_tasks (rating_id, window_key_id, opened_at, due_date, state)
SELECT md5('rating' || i)::uuid::text, w, to_char(ts + INTERVAL '11 minutes', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
       to_char(ts + INTERVAL '21 days', 'YYYY-MM-DD'), CASE WHEN d < 21 THEN 'open' ELSE 'done' END
FROM seed_cases WHERE i % 300 = 0;
INSERT INTO rating_appeals (appeal_id, rating_id, clerk, reason, filed_at, state)
SELECT md5('appeal' || i)::uuid::text, md5('rating' || i)::uuid::text, clerk, '非窗口原因',
       to_char(ts + INTERVAL '1 day', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), CASE WHEN d < 30 THEN 'pending' ELSE 'upheld' END
FROM seed_cases WHERE i % 3000 = 0;
CREATE TEMP TABLE seed_tickets AS
SELECT j, md5('ticket' || j)::uuid::text AS id, 1 + j % 1000 AS n,
       '330106-W' || lpad((1 + j % 1000)::text, 4, '0') AS w,
       'H' || lpad((1 + (j % 1000) / 10)::text, 4, '0') AS hall,
       TIMESTAMP '$T0' - ((j * 79) % 365) * INTERVAL '1 day' + (j % 480) * INTERVAL '1 minute' AS ts,
       (j * 37) % 1800 AS wait, (j * 13) % 1200 AS handling
FROM generate_series(1, 2000000) j;
INSERT INTO tickets (id, hall, day, number, category, source, priority, issued_at, queued_at, rank_class, rank_key,
                     state, calls, last_called_at, window_key_id, last_seq)
SELECT id, hall, to_char(ts + INTERVAL '8 hours', 'YYYY-MM-DD'), 'A' || j, CASE WHEN j % 3 = 0 THEN 'b' ELSE 'a' END,
       'kiosk', 'none', to_char(ts, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), to_char(ts, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 2,
       to_char(ts, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'done', 1,
       to_char(ts + wait * INTERVAL '1 second', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), w, 4
FROM seed_tickets;
INSERT INTO sv_tickets (ticket_id, window_key_id, clerk, day, called_at, wait_seconds, served_at, handling_seconds)
SELECT id, w, 'c' || n, to_char(ts + INTERVAL '8 hours', 'YYYY-MM-DD'),
       to_char(ts + wait * INTERVAL '1 second', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), wait,
       to_char(ts + (wait + 30) * INTERVAL '1 second', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), handling
FROM seed_tickets;
-- Now, in the supervised hall: one ticket served at each window, 40 waiting.
UPDATE tickets SET state = 'serving' WHERE id IN (SELECT DISTINCT ON (window_key_id) id FROM tickets
    WHERE hall = 'H0001' AND day = '$TODAY' ORDER BY window_key_id, id);
UPDATE tickets SET state = 'waiting', window_key_id = NULL, calls = 0, last_called_at = NULL WHERE id IN
    (SELECT id FROM tickets WHERE hall = 'H0001' AND day = '$TODAY' AND state = 'done' ORDER BY id LIMIT 40);
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexdef FROM seed_indexes LOOP EXECUTE r.indexdef; END LOOP;
END $$;
SET session_replication_role = origin;
-- The state autovacuum keeps a live database in: statistics, and the visibility map that lets the
-- overview's covering indexes answer without reading the tables (a bulk load leaves it empty).
VACUUM ANALYZE;
)sql";

struct Server
{
    QProcess process;
    quint16 port = 0;
    bool start(const QString &dir, const QString &url)
    {
        process.start(QStringLiteral(OW_BACKOFFICE),
            {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--data-dir"), dir, QStringLiteral("--db"),
                url});
        QByteArray seen;
        QElapsedTimer t;
        t.start();
        const QRegularExpression listening(QStringLiteral("listening on [^ ]+:(\\d+)\\n"));
        while (t.elapsed() < 30000 && process.waitForReadyRead(1000)) {
            seen += process.readAllStandardOutput();
            const auto m = listening.match(QString::fromUtf8(seen));
            if (m.hasMatch()) {
                port = quint16(m.captured(1).toUInt());
                // Its request log goes on stdout: drained, or a full pipe would stall the server.
                QObject::connect(&process, &QProcess::readyReadStandardOutput, &process,
                    [this] { process.readAllStandardOutput(); });
                return true;
            }
        }
        std::fprintf(stderr, "server did not start: %s\n", process.readAllStandardError().constData());
        return false;
    }
    ~Server()
    {
        process.terminate();
        process.waitForFinished(10000);
    }
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(std::min(v.size() - 1, size_t(p * double(v.size()))));
}

bool run(const QString &dir, const QString &url, int requests)
{
    const QDateTime centre = QDateTime::currentDateTimeUtc().toOffsetFromUtc(8 * 3600);
    const QDate today = centre.date();
    const QString t0 = QDateTime(today, QTime(9, 0), Qt::OffsetFromUTC, 8 * 3600)
                           .toUTC()
                           .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    QElapsedTimer seeding;
    seeding.start();
    // The schema (migrations) and the work calendar, through admin.
    for (const QString &year : QDir(QStringLiteral(OW_CALENDAR_DIR)).entryList({QStringLiteral("*.json")}))
        if (!admin(dir, url, {QStringLiteral("set-calendar"), QStringLiteral(OW_CALENDAR_DIR "/") + year}))
            return false;
    QString seed = QString::fromUtf8(kSeed);
    seed.replace(QLatin1String("$T0"), t0).replace(QLatin1String("$TODAY"), today.toString(Qt::ISODate));
    if (!psql(url, seed))
        return false;
    // The supervised hall and users through admin (as an operator makes them).
    QJsonArray hallWindows;
    QStringList supervised;
    for (int n = 1; n <= kSupervised; ++n) {
        supervised << windowKey(n);
        hallWindows.append(QJsonObject {{QStringLiteral("window"), windowKey(n)},
            {QStringLiteral("categories"), QJsonArray {QStringLiteral("a"), QStringLiteral("b")}}});
    }
    QFile hall(dir + QStringLiteral(".hall.json"));
    if (!hall.open(QIODevice::WriteOnly))
        return false;
    hall.write(QJsonDocument(QJsonObject {{QStringLiteral("hall"), QStringLiteral("H0001")},
                                 {QStringLiteral("name"), QStringLiteral("市民中心")},
                                 {QStringLiteral("categories"),
                                     QJsonArray {QJsonObject {{QStringLiteral("code"), QStringLiteral("a")},
                                                     {QStringLiteral("name"), QStringLiteral("商事登记")},
                                                     {QStringLiteral("letter"), QStringLiteral("A")}},
                                         QJsonObject {{QStringLiteral("code"), QStringLiteral("b")},
                                             {QStringLiteral("name"), QStringLiteral("社会保障")},
                                             {QStringLiteral("letter"), QStringLiteral("B")}}}},
                                 {QStringLiteral("windows"), hallWindows}})
                   .toJson());
    hall.close();
    if (!admin(dir, url, {QStringLiteral("set-hall"), hall.fileName()})
        || !admin(dir, url,
            {QStringLiteral("add-user"), QStringLiteral("--name"), QStringLiteral("sup"), QStringLiteral("--role"),
                QStringLiteral("supervisor"), QStringLiteral("--windows"), supervised.join(QLatin1Char(','))},
            kPassword + '\n')
        || !admin(dir, url,
            {QStringLiteral("add-user"), QStringLiteral("--name"), QStringLiteral("adm"), QStringLiteral("--role"),
                QStringLiteral("admin")},
            kPassword + '\n'))
        return false;
    std::printf(
        "seeded %d windows, 1000000 cases, 2000000 tickets in %.0f s\n", kWindows, double(seeding.elapsed()) / 1000.0);
    std::fflush(stdout);

    Server server;
    if (!server.start(dir, url))
        return false;
    QNetworkAccessManager nam;
    const auto wait = [](QNetworkReply *reply) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        reply->deleteLater();
        return reply;
    };
    const auto url0 = [&](const QString &path) {
        return QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(server.port).arg(path)));
    };
    const auto signIn = [&](const QString &name) {
        QNetworkRequest r = url0(QStringLiteral("/v1/sessions"));
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = wait(nam.post(r,
            QJsonDocument(QJsonObject {{QStringLiteral("name"), name},
                              {QStringLiteral("password"), QString::fromLatin1(kPassword)}})
                .toJson()));
        return QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1String("token")).toString().toLatin1();
    };
    const QByteArray sup = signIn(QStringLiteral("sup"));
    const QByteArray adm = signIn(QStringLiteral("adm"));
    const QString month =
        QStringLiteral("?from=%1&to=%2").arg(today.addDays(-30).toString(Qt::ISODate), today.toString(Qt::ISODate));
    struct Case
    {
        const char *label;
        QByteArray token;
        QString query;
    };
    bool ok = true;
    for (const Case &c :
        {Case {"supervisor, 10 windows, today", sup, QString()}, Case {"supervisor, 10 windows, 31 days", sup, month},
            Case {"admin, 1000 windows, today, page 1", adm, QString()},
            Case {"admin, 1000 windows, today, page 6", adm, QStringLiteral("?offset=500")}}) {
        std::vector<double> ms;
        qsizetype bytes = 0;
        QString summary;
        const QString before = loadAverage();
        // Warm-up: each of the server's workers has its own database connection, which prepares and
        // plans the overview's statements on its first requests (once per process): 3 per worker.
        constexpr int kWarmUp = 3 * 8;
        for (int i = 0; i < requests + kWarmUp; ++i) {
            QNetworkRequest r = url0(QStringLiteral("/v1/supervisor/overview") + c.query);
            r.setRawHeader("Authorization", "Bearer " + c.token);
            QElapsedTimer t;
            t.start();
            QNetworkReply *reply = wait(nam.get(r));
            const double elapsed = double(t.nsecsElapsed()) / 1e6;
            const QByteArray body = reply->readAll();
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200) {
                std::fprintf(stderr, "%s: %s\n", c.label, body.constData());
                return false;
            }
            if (i < kWarmUp)
                continue;
            ms.push_back(elapsed);
            bytes = body.size();
            const QJsonObject o = QJsonDocument::fromJson(body).object();
            const QJsonObject total =
                o.value(QLatin1String("outcomes")).toObject().value(QLatin1String("total")).toObject();
            summary =
                QStringLiteral("%1 of %5 windows, %2 tickets, %3 deadline items, %4 bad ratings")
                    .arg(o.value(QLatin1String("windows")).toArray().size())
                    .arg(total.value(QLatin1String("tickets")).toInt())
                    .arg(o.value(QLatin1String("deadlines")).toObject().value(QLatin1String("items")).toArray().size())
                    .arg(o.value(QLatin1String("ratings")).toObject().value(QLatin1String("bad")).toArray().size())
                    .arg(o.value(QLatin1String("page")).toObject().value(QLatin1String("windows")).toInt());
        }
        const double p99 = percentile(ms, 0.99);
        std::printf("%-34s %d requests: p50 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 <= 200 ms: %s); %lld bytes "
                    "(%s); load average %s -> %s\n",
            c.label, requests, percentile(ms, 0.5), p99, percentile(ms, 1.0), p99 <= 200 ? "met" : "NOT met",
            static_cast<long long>(bytes), qPrintable(summary), qPrintable(before), qPrintable(loadAverage()));
        std::fflush(stdout);
        ok = ok && !ms.empty();
    }
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qsizetype at = args.indexOf(QLatin1String("--requests"));
    const int requests = std::max(200, at >= 0 && at + 1 < args.size() ? args.at(at + 1).toInt() : 300);
    const qsizetype pgAt = args.indexOf(QLatin1String("--pg"));
    QString pg = pgAt >= 0 && pgAt + 1 < args.size() ? args.at(pgAt + 1) : QString();
    QTemporaryDir dir;
    std::printf("bench_supervisor: GET /v1/supervisor/overview on PostgreSQL, one request at a time\n");
    QString state;
    if (pg.isEmpty()) {
        state = dir.filePath(QStringLiteral("pg-state"));
        qputenv("OW_PG_DURABLE", "1");
        if (QProcess::execute(QStringLiteral("sh"), {QStringLiteral(OW_PG_CLUSTER), QStringLiteral("start"), state})
            != 0)
            return 1;
        QFile f(state + QStringLiteral("/url"));
        if (!f.open(QIODevice::ReadOnly))
            return 1;
        pg = QString::fromUtf8(f.readLine()).trimmed();
    }
    const QString base = pg.left(pg.lastIndexOf(QLatin1Char('/')));
    QProcess::execute(QStringLiteral("psql"), {pg, QStringLiteral("-qc"), QStringLiteral("CREATE DATABASE benchsv")});
    const bool ok = run(dir.filePath(QStringLiteral("benchsv")), base + QStringLiteral("/benchsv"), requests);
    if (!state.isEmpty())
        QProcess::execute(QStringLiteral("sh"), {QStringLiteral(OW_PG_CLUSTER), QStringLiteral("stop"), state});
    return ok ? 0 : 1;
}
