#include "onewindow/backoffice/AdminCommand.h"

#include "onewindow/backoffice/Accounts.h"
#include "onewindow/backoffice/Database.h"
#include "onewindow/backoffice/WindowRegistry.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace ow::backoffice {

namespace {

const char kUsage[] = "usage: onewindow-backoffice admin COMMAND [--data-dir DIR | --db postgresql://…] …\n"
                      "  add-window --region R --code C --name N --kind window|station [--valid-hours H]\n"
                      "  new-code --window KEYID [--valid-hours H]\n"
                      "  revoke-key --window KEYID\n"
                      "  add-user --name U --role clerk|station|supervisor|department|admin [--window KEYID]"
                      " [--department D]  (password on stdin)\n";

void printCode(QTextStream &out, const QString &keyId, const QString &code, int hours)
{
    out << "window " << keyId << '\n' << "enrolment code (one use, valid " << hours << " h): " << code << '\n';
    out.flush();
}

} // namespace

int AdminCommand::run(const QStringList &args, const QString &defaultDataDir, QTextStream &in, QTextStream &out,
    QTextStream &err, const Clock &clock)
{
    if (args.isEmpty()) {
        err << kUsage;
        return 2;
    }
    const QString command = args.first();
    QCommandLineParser p;
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QString(), QStringLiteral("dir"), defaultDataDir);
    const QCommandLineOption dbUrl(QStringLiteral("db"), QString(), QStringLiteral("url"));
    const QCommandLineOption region(QStringLiteral("region"), QString(), QStringLiteral("R"));
    const QCommandLineOption code(QStringLiteral("code"), QString(), QStringLiteral("C"));
    const QCommandLineOption name(QStringLiteral("name"), QString(), QStringLiteral("N"));
    const QCommandLineOption kind(QStringLiteral("kind"), QString(), QStringLiteral("K"));
    const QCommandLineOption hours(QStringLiteral("valid-hours"), QString(), QStringLiteral("H"),
        QString::number(WindowRegistry::kDefaultCodeHours));
    const QCommandLineOption window(QStringLiteral("window"), QString(), QStringLiteral("KEYID"));
    const QCommandLineOption role(QStringLiteral("role"), QString(), QStringLiteral("ROLE"));
    const QCommandLineOption department(QStringLiteral("department"), QString(), QStringLiteral("D"));
    p.addOptions({dataDir, dbUrl, region, code, name, kind, hours, window, role, department});
    if (!p.parse(QStringList {QStringLiteral("admin")} + args.mid(1)) || !p.positionalArguments().isEmpty()) {
        err << p.errorText() << '\n' << kUsage;
        return 2;
    }
    bool hoursOk = false;
    const int validHours = p.value(hours).toInt(&hoursOk);
    if (!hoursOk) {
        err << "--valid-hours needs a number\n";
        return 2;
    }

    auto db = Database::open(p.value(dataDir), p.value(dbUrl));
    if (!db) {
        err << db.error() << '\n';
        return 1;
    }
    WindowRegistry windows(**db, clock);
    Accounts accounts(**db, windows, clock);

    if (command == QLatin1String("add-window")) {
        auto made = windows.addWindow(p.value(region), p.value(code), p.value(name), p.value(kind), validHours);
        if (!made) {
            err << made.error() << '\n';
            return 1;
        }
        printCode(
            out, p.value(region).trimmed() + QLatin1Char('-') + p.value(code).trimmed().toUpper(), *made, validHours);
        return 0;
    }
    if (command == QLatin1String("new-code")) {
        auto made = windows.issueCode(p.value(window), validHours);
        if (!made) {
            err << made.error() << '\n';
            return 1;
        }
        printCode(out, p.value(window), *made, validHours);
        return 0;
    }
    if (command == QLatin1String("revoke-key")) {
        auto done = windows.revokeKey(p.value(window));
        if (!done) {
            err << done.error() << '\n';
            return 1;
        }
        out << "revoked the key of " << p.value(window) << '\n';
        return 0;
    }
    if (command == QLatin1String("add-user")) {
        const QString password = in.readLine();
        auto done =
            accounts.addUser(p.value(name), p.value(role), p.value(window), p.value(department), password.toUtf8());
        if (!done) {
            err << done.error() << '\n';
            return 1;
        }
        out << "added " << p.value(role) << ' ' << p.value(name).trimmed() << '\n';
        return 0;
    }
    err << "unknown admin command \"" << command << "\"\n" << kUsage;
    return 2;
}

} // namespace ow::backoffice
