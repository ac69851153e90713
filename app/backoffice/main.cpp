#include "DemoSeed.h"

#include "onewindow/backoffice/AdminCommand.h"
#include "onewindow/backoffice/BackOfficeServer.h"
#include "onewindow/backoffice/Database.h"
#include "onewindow/backoffice/WorkerPool.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QHostAddress>
#include <QStandardPaths>
#include <QTextStream>

#include <QJsonObject>
#include <QSocketNotifier>

#include <cstdio>

#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// systemd's StateDirectory= sets STATE_DIRECTORY; otherwise the user's data folder.
QString defaultDataDir()
{
    const QString state = qEnvironmentVariable("STATE_DIRECTORY");
    return state.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) : state;
}

// Test seams: OW_BACKOFFICE_CLOCK_SHIFT=<seconds> moves the server's "now" (token and code expiry);
// OW_BACKOFFICE_CLOCK_FILE=<file> holds "now" as ISO 8601 text, read at every reading of the clock,
// so a test steps a fixture day through its known times (tst_supervisor) without sleeping.
ow::backoffice::Clock clockFromEnvironment()
{
    const QString file = qEnvironmentVariable("OW_BACKOFFICE_CLOCK_FILE");
    if (!file.isEmpty())
        return [file] {
            QFile f(file);
            const QDateTime at = f.open(QIODevice::ReadOnly)
                ? QDateTime::fromString(QString::fromLatin1(f.readAll().trimmed()), Qt::ISODateWithMs)
                : QDateTime();
            return at.isValid() ? at.toUTC() : QDateTime::currentDateTimeUtc();
        };
    return ow::backoffice::systemClock(qEnvironmentVariableIntValue("OW_BACKOFFICE_CLOCK_SHIFT"));
}

// SIGTERM and SIGINT are written to this socket pair by the handler and read by the event loop.
int g_signalPipe[2] = {-1, -1};

void onStopSignal(int sig)
{
    const char byte = char(sig);
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[0], &byte, 1);
}

bool installStopSignals()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, g_signalPipe) != 0)
        return false;
    struct sigaction action
    { };
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGTERM, &action, nullptr) == 0 && ::sigaction(SIGINT, &action, nullptr) == 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("onewindow-backoffice"));
    QCoreApplication::setOrganizationName(QStringLiteral("OneWindow"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ONEWINDOW_VERSION));

    const QStringList args = app.arguments();
    if (args.size() >= 2 && args.at(1) == QLatin1String("admin")) {
        QTextStream in(stdin);
        QTextStream out(stdout);
        QTextStream err(stderr);
        if (args.size() >= 3 && args.at(2) == QLatin1String("seed-demo"))
            return DemoSeed::run(args.mid(3), defaultDataDir(), out, err, clockFromEnvironment());
        return ow::backoffice::AdminCommand::run(args.mid(2), defaultDataDir(), in, out, err, clockFromEnvironment());
    }
    if (args.size() == 2 && args.at(1) == QLatin1String("routes")) {
        for (const auto &route : ow::backoffice::BackOfficeServer::routes())
            std::printf("%s %s\n", route.method.constData(), qPrintable(route.path));
        return 0;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("OneWindow reference back office.\n"
                       "Also: onewindow-backoffice admin COMMAND … (windows, users),\n"
                       "      onewindow-backoffice admin seed-demo (the demo back office),\n"
                       "      onewindow-backoffice routes (the API's route table)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
        QStringLiteral("TCP port to listen on; 0 picks a free one."), QStringLiteral("port"), QStringLiteral("8787"));
    const QCommandLineOption bindOption(QStringLiteral("bind"),
        QStringLiteral("Address to listen on (default 127.0.0.1)."), QStringLiteral("address"),
        QStringLiteral("127.0.0.1"));
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
        QStringLiteral("Folder of the database (created on first start)."), QStringLiteral("dir"), defaultDataDir());
    const QCommandLineOption dbOption(QStringLiteral("db"),
        QStringLiteral("PostgreSQL instead of SQLite: postgresql://user[:password]@host[:port]/dbname"
                       " (libpq options as ?key=value; PGPASSWORD or ~/.pgpass work too)."),
        QStringLiteral("url"));
    const QCommandLineOption tokenOption(QStringLiteral("token-minutes"),
        QStringLiteral("How long a sign-in token lives (default 60)."), QStringLiteral("minutes"),
        QStringLiteral("60"));
    const QCommandLineOption tlsCertOption(QStringLiteral("tls-cert"),
        QStringLiteral("PEM certificate (chain) file: serve HTTPS only (with --tls-key)."), QStringLiteral("file"));
    const QCommandLineOption tlsKeyOption(QStringLiteral("tls-key"),
        QStringLiteral("PEM private key file (unencrypted RSA or EC) for --tls-cert."), QStringLiteral("file"));
    const QCommandLineOption headerTimeoutOption(QStringLiteral("header-timeout-ms"),
        QStringLiteral("Time a client has to send a request's headers (default 10000) before 408."),
        QStringLiteral("ms"), QStringLiteral("10000"));
    const QCommandLineOption bodyTimeoutOption(QStringLiteral("body-timeout-ms"),
        QStringLiteral("Longest pause inside a request body (default 30000) before 408."), QStringLiteral("ms"),
        QStringLiteral("30000"));
    const QCommandLineOption maxConnectionsOption(QStringLiteral("max-connections"),
        QStringLiteral("Open connections at most (default 2000); more get 503."), QStringLiteral("count"),
        QStringLiteral("2000"));
    const QCommandLineOption perAddressOption(QStringLiteral("max-connections-per-address"),
        QStringLiteral("Open connections from one address (IPv6: one /64) at most (default 64); more get 503."),
        QStringLiteral("count"), QStringLiteral("64"));
    const QCommandLineOption tusMaxOption(QStringLiteral("tus-max-size"),
        QStringLiteral("Largest upload in bytes (Tus-Max-Size, default 1073741824)."), QStringLiteral("bytes"),
        QStringLiteral("1073741824"));
    const QCommandLineOption sealKeyOption(QStringLiteral("seal-key"),
        QStringLiteral("Key file sealing personal data and scans (default $CREDENTIALS_DIRECTORY/seal-key, else"
                       " <data dir>.seal-key, made at first start)."),
        QStringLiteral("file"));
    const QCommandLineOption shutdownOption(QStringLiteral("shutdown-timeout-ms"),
        QStringLiteral("On SIGTERM/SIGINT, how long requests in flight may take to finish (default 10000)."),
        QStringLiteral("ms"), QStringLiteral("10000"));
    const QCommandLineOption minFreeOption(QStringLiteral("min-free-mb"),
        QStringLiteral("GET /ready fails when the data folder's disk has less free (default 256)."),
        QStringLiteral("MiB"), QStringLiteral("256"));
    const QCommandLineOption uploadExpiryOption(QStringLiteral("upload-expiry-seconds"),
        QStringLiteral("An unfinished upload untouched this long expires (tus Upload-Expires, default 86400)."),
        QStringLiteral("seconds"), QStringLiteral("86400"));
    const QCommandLineOption workersOption(QStringLiteral("workers"),
        QStringLiteral("Worker threads for every route that touches the database or files, each with its own"
                       " database connection (default: four per core, 8 to 32)."),
        QStringLiteral("count"), QString::number(ow::backoffice::WorkerPool::defaultSize()));
    parser.addOptions({portOption, bindOption, dataDirOption, dbOption, tokenOption, tlsCertOption, tlsKeyOption,
        headerTimeoutOption, bodyTimeoutOption, maxConnectionsOption, perAddressOption, tusMaxOption, sealKeyOption,
        shutdownOption, minFreeOption, uploadExpiryOption, workersOption});
    parser.process(app);

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535) {
        std::fprintf(stderr, "onewindow-backoffice: --port needs a number from 0 to 65535\n");
        return 2;
    }
    const QHostAddress address(parser.value(bindOption));
    if (address.isNull()) {
        std::fprintf(stderr, "onewindow-backoffice: --bind needs an IP address\n");
        return 2;
    }
    bool minutesOk = false;
    const int tokenMinutes = parser.value(tokenOption).toInt(&minutesOk);
    if (!minutesOk || tokenMinutes < 1 || tokenMinutes > 24 * 60) {
        std::fprintf(stderr, "onewindow-backoffice: --token-minutes needs a number from 1 to 1440\n");
        return 2;
    }

    const auto number = [&parser](const QCommandLineOption &option, qint64 low, qint64 high, qint64 *out) {
        bool ok = false;
        *out = parser.value(option).toLongLong(&ok);
        if (ok && *out >= low && *out <= high)
            return true;
        std::fprintf(stderr, "onewindow-backoffice: --%s needs a number from %lld to %lld\n",
            qPrintable(option.names().constFirst()), static_cast<long long>(low), static_cast<long long>(high));
        return false;
    };
    qint64 headerTimeout = 0;
    qint64 bodyTimeout = 0;
    qint64 maxConnections = 0;
    qint64 perAddress = 0;
    qint64 tusMax = 0;
    qint64 shutdownMs = 0;
    qint64 minFreeMb = 0;
    qint64 uploadExpiry = 0;
    qint64 workers = 0;
    if (!number(workersOption, 1, 256, &workers))
        return 2;
    if (!number(shutdownOption, 0, 600'000, &shutdownMs) || !number(minFreeOption, 0, qint64(1) << 30, &minFreeMb)
        || !number(uploadExpiryOption, 1, qint64(365) * 24 * 3600, &uploadExpiry))
        return 2;
    if (!number(headerTimeoutOption, 50, 600'000, &headerTimeout)
        || !number(bodyTimeoutOption, 50, 3'600'000, &bodyTimeout)
        || !number(maxConnectionsOption, 1, 100'000, &maxConnections)
        || !number(perAddressOption, 1, 100'000, &perAddress) || !number(tusMaxOption, 0, qint64(1) << 50, &tusMax))
        return 2;
    if (parser.isSet(tlsCertOption) != parser.isSet(tlsKeyOption)) {
        std::fprintf(stderr, "onewindow-backoffice: --tls-cert and --tls-key go together\n");
        return 2;
    }
    const QString db = parser.value(dbOption);
    if (parser.isSet(dbOption) && !ow::backoffice::Database::isPostgresUrl(db)) {
        std::fprintf(
            stderr, "onewindow-backoffice: --db needs a postgresql://user[:password]@host[:port]/dbname URL\n");
        return 2;
    }

    ow::backoffice::ServerOptions options;
    options.http.headerTimeoutMs = int(headerTimeout);
    options.http.bodyIdleTimeoutMs = int(bodyTimeout);
    options.http.maxConnections = int(maxConnections);
    options.http.maxConnectionsPerAddress = int(perAddress);
    options.tusMaxBytes = tusMax;
    options.workers = int(workers);
    options.tlsCertFile = parser.value(tlsCertOption);
    options.tlsKeyFile = parser.value(tlsKeyOption);
    options.dataDir = parser.value(dataDirOption);
    options.db = db;
    options.sealKeyFile = parser.value(sealKeyOption);
    options.tokenMinutes = tokenMinutes;
    options.clock = clockFromEnvironment();
    options.minFreeBytes = minFreeMb * 1024 * 1024;
    options.uploadExpirySeconds = uploadExpiry;
    ow::backoffice::BackOfficeServer server;
    const auto opened = server.open(options);
    if (!opened) {
        std::fprintf(stderr, "onewindow-backoffice: %s\n", qPrintable(opened.error()));
        return 1;
    }
    const auto bound = server.listen(address, quint16(port));
    if (!bound) {
        std::fprintf(stderr, "onewindow-backoffice: %s\n", qPrintable(bound.error()));
        return 1;
    }
    // This first line exactly (./ow run and the tests read the port from it); JSON lines follow.
    std::printf("listening on %s:%u\n", qPrintable(address.toString()), unsigned(bound.value()));
    std::fflush(stdout);
    ow::backoffice::BackOfficeServer::logLine(QJsonObject {{QStringLiteral("event"), QStringLiteral("started")},
        {QStringLiteral("version"), QStringLiteral(ONEWINDOW_VERSION)},
        {QStringLiteral("database"),
            db.isEmpty() ? QStringLiteral("sqlite") : ow::backoffice::Database::displayUrl(db)},
        {QStringLiteral("port"), int(bound.value())},
        {QStringLiteral("maxConnections"), server.effectiveConnectionCap()}});

    // Graceful stop: stop accepting, let requests in flight finish (at most --shutdown-timeout-ms),
    // end long-polls with Retry-After, then exit 0.
    if (!installStopSignals()) {
        std::fprintf(stderr, "onewindow-backoffice: cannot catch SIGTERM/SIGINT\n");
        return 1;
    }
    QSocketNotifier stopNotifier(g_signalPipe[1], QSocketNotifier::Read);
    QObject::connect(&stopNotifier, &QSocketNotifier::activated, &server, [&server, &stopNotifier, shutdownMs] {
        char byte = 0;
        while (::read(g_signalPipe[1], &byte, 1) > 0) { }
        stopNotifier.setEnabled(false);
        server.shutdown(int(shutdownMs));
    });
    QObject::connect(&server, &ow::backoffice::BackOfficeServer::stopped, &app, [] { QCoreApplication::exit(0); });
    return app.exec();
}
