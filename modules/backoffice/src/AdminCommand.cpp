#include "onewindow/backoffice/AdminCommand.h"

#include "onewindow/backoffice/Accounts.h"
#include "onewindow/backoffice/Backup.h"
#include "onewindow/backoffice/Catalogues.h"
#include "onewindow/backoffice/Database.h"
#include "onewindow/backoffice/Departments.h"
#include "onewindow/backoffice/EventLog.h"
#include "onewindow/backoffice/HallQueue.h"
#include "onewindow/backoffice/Ratings.h"
#include "onewindow/backoffice/Router.h"
#include "onewindow/backoffice/Sealer.h"
#include "onewindow/backoffice/WindowRegistry.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QSqlRecord>
#include <QTextStream>
#include <QUuid>

#include <pwd.h>
#include <unistd.h>

namespace ow::backoffice {

namespace {

const char kUsage[] = "usage: onewindow-backoffice admin COMMAND [--data-dir DIR | --db postgresql://…] …\n"
                      "  add-window --region R --code C --name N --kind window|station [--valid-hours H]\n"
                      "  new-code --window KEYID [--valid-hours H]\n"
                      "  revoke-key --window KEYID\n"
                      "  add-user --name U --role clerk|station|supervisor|department|admin [--window KEYID]"
                      " [--department CODE] [--windows W1,W2]  (password on stdin)\n"
                      "  add-department CODE NAME\n"
                      "  add-catalogue FILE   (a catalogue JSON; held cases that pin it are routed)\n"
                      "  set-calendar FILE    (one year of the work calendar)\n"
                      "  set-hall FILE        (a hall: categories, settings, windows and their categories; JSON)\n"
                      "  add-hall-device --hall H --kind kiosk|display --name N   (prints the device's token once)\n"
                      "  add-appointment --hall H --category C --slot ISO-TIME [--minutes M] [--id-number]\n"
                      "      (prints its id; --id-number: the applicant's ID number is the first line of stdin,\n"
                      "      kept only as its blind index, so the kiosk finds the appointment by the ID card)\n"
                      "  held                 (cases not routed: catalogue missing, or decided items disputed)\n"
                      "  list-users\n"
                      "  disable-user --name U   (cannot sign in; its sessions end at once)\n"
                      "  enable-user --name U\n"
                      "  reset-password --name U (new password on stdin; its sessions end)\n"
                      "  end-sessions --name U\n"
                      "  audit-admin          (every admin command that changed something: when, OS user, what)\n"
                      "  rotate-seal-key      (a new current seal key; every sealed record re-sealed with it)\n"
                      "  audit [--since ISO-TIME] [--limit N]   (who read or changed what, oldest first)\n"
                      "  backup --to DIR      (online: the database and every blob it names; not the seal key)\n"
                      "  restore --from DIR [--force]   (blobs, then the database; refused while a server runs)\n"
                      "  export-ratings [--since ISO-TIME] [--until ISO-TIME]   (the applicants' ratings as JSON"
                      " lines for a provincial rating platform, schema onewindow.rating/1)\n"
                      "  (every command: [--seal-key FILE], default <data dir>.seal-key)\n";

// The file's bytes, or "" with *error.
QByteArray readFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read %1: %2").arg(path, f.errorString());
        return QByteArray();
    }
    return f.readAll();
}

// Who runs this command: the OS user (and, under sudo, who invoked sudo).
QString osUser()
{
    const uid_t uid = geteuid();
    const passwd *pw = getpwuid(uid);
    QString who = pw ? QString::fromLocal8Bit(pw->pw_name) : QStringLiteral("uid %1").arg(uid);
    const QString sudoUser = qEnvironmentVariable("SUDO_USER");
    if (!sudoUser.isEmpty())
        who += QStringLiteral(" (sudo by %1)").arg(sudoUser);
    return who.left(200);
}

// One line in admin_audit; "" or the error.
QString recordAdmin(
    Database &db, const Clock &clock, const QString &command, const QString &target, const QString &detail = QString())
{
    auto q = db.exec(QStringLiteral("INSERT INTO admin_audit (id, at, os_user, command, target, detail)"
                                    " VALUES (?, ?, ?, ?, ?, ?)"),
        {QUuid::createUuid().toString(QUuid::WithoutBraces), isoUtc(clock()), osUser(), command, target.left(200),
            detail.isNull() ? QStringLiteral("") : detail}); // a null QString would bind NULL
    return q ? QString() : q.error();
}

void printCode(QTextStream &out, const QString &keyId, const QString &code, int hours)
{
    out << "window " << keyId << '\n' << "enrolment code (one use, valid " << hours << " h): " << code << '\n';
    out.flush();
}

// The rows of `sql`, one line each with the columns separated by tabs, then "N <noun>"; the exit
// code (1 when the query fails).
int printRows(
    Database &db, const QString &sql, const QVariantList &binds, const char *noun, QTextStream &out, QTextStream &err)
{
    auto q = db.exec(sql, binds);
    if (!q) {
        err << q.error() << '\n';
        return 1;
    }
    int count = 0;
    while (q.value().next()) {
        const int columns = q.value().record().count();
        for (int c = 0; c < columns; ++c)
            out << (c > 0 ? "\t" : "") << q.value().value(c).toString();
        out << '\n';
        ++count;
    }
    out << count << ' ' << noun << '\n';
    return 0;
}

// Every case entry, blob and rating sealed with the current key (and anything stored before sealing):
// how many records were written, or the error.
Result<int> reseal(Database &db, const Sealer &sealer, const QString &dataDir)
{
    auto rows = db.exec(QStringLiteral("SELECT case_id, seq, content FROM case_entries"));
    if (!rows)
        return Result<int>::failure(rows.error());
    struct Row
    {
        QString caseId;
        int seq;
        QString content;
    };
    QList<Row> stale;
    while (rows.value().next()) {
        const QString content = rows.value().value(2).toString();
        if (Sealer::keyIdOf(content) != sealer.currentKeyId())
            stale.append({rows.value().value(0).toString(), rows.value().value(1).toInt(), content});
    }
    int count = 0;
    for (const Row &r : std::as_const(stale)) {
        auto entry = sealer.openEntry(r.caseId, r.seq, r.content);
        if (!entry)
            return Result<int>::failure(entry.error());
        auto sealed = sealer.sealEntry(r.caseId, r.seq, entry.value());
        if (!sealed)
            return Result<int>::failure(sealed.error());
        auto put = db.exec(QStringLiteral("UPDATE case_entries SET content = ? WHERE case_id = ? AND seq = ?"),
            {sealed.value(), r.caseId, r.seq});
        if (!put)
            return Result<int>::failure(put.error());
        ++count;
    }
    auto blobs = db.exec(QStringLiteral("SELECT sha256 FROM blobs"));
    if (!blobs)
        return Result<int>::failure(blobs.error());
    QStringList shas;
    while (blobs.value().next())
        shas.append(blobs.value().value(0).toString());
    for (const QString &sha : std::as_const(shas)) {
        const QString path = dataDir + QStringLiteral("/blobs/") + sha.left(2) + QLatin1Char('/') + sha;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue; // a row without its file: nothing to seal
        const QByteArray head = f.read(64);
        f.close();
        if (Sealer::keyIdOfFile(head) == sealer.currentKeyId())
            continue;
        const QByteArray aad = QByteArrayLiteral("blob:") + sha.toLatin1();
        auto plain = sealer.openFile(path, aad);
        if (!plain)
            return Result<int>::failure(plain.error());
        auto sealed = sealer.sealToFile(plain.value(), path, aad);
        if (!sealed)
            return Result<int>::failure(sealed.error());
        ++count;
    }
    auto ratings = Ratings::reseal(db, sealer);
    if (!ratings)
        return ratings;
    return count + ratings.value();
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
    if (command == QLatin1String("--help") || command == QLatin1String("help")) {
        out << kUsage; // also read by the manual page (packaging/manpage.py)
        return 0;
    }
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
    const QCommandLineOption supervised(QStringLiteral("windows"), QString(), QStringLiteral("W1,W2"));
    const QCommandLineOption sealKey(QStringLiteral("seal-key"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption since(QStringLiteral("since"), QString(), QStringLiteral("ISO-TIME"));
    const QCommandLineOption until(QStringLiteral("until"), QString(), QStringLiteral("ISO-TIME"));
    const QCommandLineOption limit(QStringLiteral("limit"), QString(), QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption to(QStringLiteral("to"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption from(QStringLiteral("from"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption force(QStringLiteral("force"));
    const QCommandLineOption hall(QStringLiteral("hall"), QString(), QStringLiteral("H"));
    const QCommandLineOption category(QStringLiteral("category"), QString(), QStringLiteral("C"));
    const QCommandLineOption slot(QStringLiteral("slot"), QString(), QStringLiteral("ISO-TIME"));
    const QCommandLineOption minutes(QStringLiteral("minutes"), QString(), QStringLiteral("M"), QStringLiteral("30"));
    const QCommandLineOption idNumber(QStringLiteral("id-number"));
    p.addOptions({dataDir, dbUrl, region, code, name, kind, hours, window, role, department, supervised, sealKey, since,
        until, limit, to, from, force, hall, category, slot, minutes, idNumber});
    const QHash<QString, int> positionals {{QStringLiteral("add-department"), 2}, {QStringLiteral("add-catalogue"), 1},
        {QStringLiteral("set-calendar"), 1}, {QStringLiteral("set-hall"), 1}};
    if (!p.parse(QStringList {QStringLiteral("admin")} + args.mid(1))
        || p.positionalArguments().size() != positionals.value(command, 0)) {
        err << (p.errorText().isEmpty() ? QStringLiteral("wrong number of arguments for %1").arg(command)
                                        : p.errorText())
            << '\n'
            << kUsage;
        return 2;
    }
    const QStringList positional = p.positionalArguments();
    bool hoursOk = false;
    const int validHours = p.value(hours).toInt(&hoursOk);
    if (!hoursOk) {
        err << "--valid-hours needs a number\n";
        return 2;
    }

    // Backup and restore work on the data folder and the database as a whole (Backup).
    if (command == QLatin1String("backup") || command == QLatin1String("restore")) {
        const bool backup = command == QLatin1String("backup");
        if (!p.isSet(backup ? to : from)) {
            err << (backup ? "backup needs --to DIR\n" : "restore needs --from DIR\n") << kUsage;
            return 2;
        }
        auto done = backup ? Backup::create(p.value(dataDir), p.value(dbUrl), p.value(to))
                           : Backup::restore(p.value(dataDir), p.value(dbUrl), p.value(from), p.isSet(force));
        if (!done) {
            err << done.error() << '\n';
            return 1;
        }
        out << done.value() << '\n';
        if (backup)
            return 0;
        auto restored = Database::open(p.value(dataDir), p.value(dbUrl));
        const QString why = restored ? recordAdmin(**restored, clock, command, p.value(from),
                                p.isSet(force) ? QStringLiteral("--force") : QString())
                                     : restored.error();
        if (why.isEmpty())
            return 0;
        err << "restored, but the admin audit could not record it: " << why << '\n';
        return 1;
    }

    auto db = Database::open(p.value(dataDir), p.value(dbUrl));
    if (!db) {
        err << db.error() << '\n';
        return 1;
    }
    const QString keyFile = p.isSet(sealKey) ? p.value(sealKey) : Sealer::defaultKeyFile(p.value(dataDir));
    bool madeKey = false;
    auto sealer = Sealer::open(keyFile, !p.isSet(sealKey), &madeKey);
    if (!sealer) {
        err << sealer.error() << '\n';
        return 1;
    }
    if (madeKey)
        err << "made the seal key " << keyFile << " (0600); keep it apart from the data and its backups\n";
    WindowRegistry windows(**db, clock);
    Accounts accounts(**db, windows, clock);
    Catalogues catalogues(**db, clock);
    EventLog events(**db, clock);
    Departments departments(**db, events, clock);
    // Every command that changed something is written to admin_audit; a change that cannot be
    // recorded is reported (exit 1), never passed over.
    const auto audited = [&](const QString &what, const QString &target, const QString &detail = QString()) {
        const QString why = recordAdmin(**db, clock, what, target, detail);
        if (why.isEmpty())
            return 0;
        err << "done, but the admin audit could not record it: " << why << '\n';
        return 1;
    };

    if (command == QLatin1String("add-window")) {
        auto made = windows.addWindow(p.value(region), p.value(code), p.value(name), p.value(kind), validHours);
        if (!made) {
            err << made.error() << '\n';
            return 1;
        }
        const QString keyId = p.value(region).trimmed() + QLatin1Char('-') + p.value(code).trimmed().toUpper();
        printCode(out, keyId, *made, validHours);
        return audited(command, keyId, p.value(kind));
    }
    if (command == QLatin1String("new-code")) {
        auto made = windows.issueCode(p.value(window), validHours);
        if (!made) {
            err << made.error() << '\n';
            return 1;
        }
        printCode(out, p.value(window), *made, validHours);
        return audited(command, p.value(window));
    }
    if (command == QLatin1String("revoke-key")) {
        auto done = windows.revokeKey(p.value(window));
        if (!done) {
            err << done.error() << '\n';
            return 1;
        }
        out << "revoked the key of " << p.value(window) << '\n';
        return audited(command, p.value(window));
    }
    if (command == QLatin1String("add-user")) {
        const QString password = in.readLine();
        const bool isDepartment = p.value(role) == QLatin1String("department");
        const bool isSupervisor = p.value(role) == QLatin1String("supervisor");
        if (isDepartment && !p.value(department).trimmed().isEmpty() && !departments.exists(p.value(department))) {
            err << "There is no department " << p.value(department).trimmed()
                << " (add it with admin add-department).\n";
            return 1;
        }
        QStringList watched;
        for (const QString &w : p.value(supervised).split(QLatin1Char(','), Qt::SkipEmptyParts))
            watched.append(w.trimmed());
        if (!watched.isEmpty() && !isSupervisor) {
            err << "--windows is for a supervisor: the windows they supervise.\n";
            return 2;
        }
        if (!(*db)->begin()) {
            err << (*db)->lastError() << '\n';
            return 1;
        }
        auto done =
            accounts.addUser(p.value(name), p.value(role), p.value(window), p.value(department), password.toUtf8());
        auto bound = done ? departments.supervise(p.value(name).trimmed(), watched) : Result<bool>(true);
        if (!done || !bound || !(*db)->commit()) {
            (*db)->rollback();
            err << (!done ? done.error() : !bound ? bound.error() : (*db)->lastError()) << '\n';
            return 1;
        }
        out << "added " << p.value(role) << ' ' << p.value(name).trimmed();
        if (!p.value(window).isEmpty())
            out << " window " << p.value(window);
        if (isDepartment)
            out << " department " << p.value(department).trimmed();
        if (isSupervisor)
            out << " supervising "
                << (watched.isEmpty() ? QStringLiteral("no windows") : watched.join(QLatin1Char(',')));
        out << '\n';
        return audited(command, p.value(name).trimmed(), p.value(role));
    }
    // The hall's queue (HallQueue).
    if (command == QLatin1String("set-hall") || command == QLatin1String("add-hall-device")
        || command == QLatin1String("add-appointment")) {
        HallQueue halls(**db, events, clock);
        if (command == QLatin1String("set-hall")) {
            QString why;
            const QByteArray bytes = readFile(positional.first(), &why);
            QJsonObject description = QJsonDocument::fromJson(bytes).object();
            if (why.isEmpty() && !description.contains(QLatin1String("categories"))) {
                // No categories given: the newest catalogue's matter groups.
                auto fromCatalogue = Catalogues(**db, clock).categoriesOfNewest();
                if (!fromCatalogue)
                    why = fromCatalogue.error();
                else
                    description.insert(QStringLiteral("categories"), *fromCatalogue);
            }
            auto done = why.isEmpty() ? halls.setHall(description) : Result<bool>::failure(why);
            if (!done) {
                err << done.error() << '\n';
                return 1;
            }
            const QString hallCode = description.value(QLatin1String("hall")).toString().trimmed();
            out << "set hall " << hallCode << '\n';
            return audited(command, hallCode);
        }
        if (command == QLatin1String("add-hall-device")) {
            auto token = halls.addDevice(p.value(hall), p.value(kind), p.value(name));
            if (!token) {
                err << token.error() << '\n';
                return 1;
            }
            out << "added " << p.value(kind) << ' ' << p.value(name).trimmed() << " of hall " << p.value(hall)
                << "\ntoken: " << *token << "\n(shown once: put it in the device's settings)\n";
            return audited(command, p.value(name).trimmed(), p.value(kind));
        }
        const QDateTime at = QDateTime::fromString(p.value(slot), Qt::ISODateWithMs);
        // The applicant's ID number (never on the command line, never stored): its blind index.
        QString idHmac;
        if (p.isSet(idNumber)) {
            const QString number = Sealer::normaliseIdNumber(in.readLine());
            if (number.isEmpty() || number.size() > 32) {
                err << "--id-number: the applicant's ID number is the first line of stdin (at most 32 characters)\n";
                return 1;
            }
            idHmac = sealer->blindIndex(number);
        }
        auto id = halls.addAppointment(p.value(hall), p.value(category), at, p.value(minutes).toInt(), idHmac);
        if (!id) {
            err << id.error() << '\n';
            return 1;
        }
        out << "appointment " << *id << '\n';
        return audited(command, *id, p.value(hall));
    }
    if (command == QLatin1String("add-department")) {
        auto done = departments.add(positional.at(0), positional.at(1));
        if (!done) {
            err << done.error() << '\n';
            return 1;
        }
        out << "added department " << positional.at(0).trimmed() << ' ' << positional.at(1).trimmed() << '\n';
        return audited(command, positional.at(0).trimmed());
    }
    if (command == QLatin1String("add-catalogue")) {
        QString why;
        const QByteArray json = readFile(positional.at(0), &why);
        if (!why.isEmpty()) {
            err << why << '\n';
            return 1;
        }
        auto sha = catalogues.add(json, positional.at(0));
        if (!sha) {
            err << sha.error() << '\n';
            return 1;
        }
        Router router(**db, sealer.value(), catalogues, events, clock);
        const int routed = router.routeHeld(*sha, &why);
        if (routed < 0) {
            err << why << '\n';
            return 1;
        }
        out << "catalogue " << *sha << '\n' << "routed " << routed << " held case(s)\n";
        return audited(command, *sha, positional.at(0));
    }
    if (command == QLatin1String("set-calendar")) {
        QString why;
        const QByteArray json = readFile(positional.at(0), &why);
        if (!why.isEmpty()) {
            err << why << '\n';
            return 1;
        }
        auto year = catalogues.setCalendarYear(json, positional.at(0));
        if (!year) {
            err << year.error() << '\n';
            return 1;
        }
        out << "calendar " << *year << '\n';
        return audited(command, QString::number(*year), positional.at(0));
    }
    const QString user = p.value(name).trimmed();
    const bool userCommand = command == QLatin1String("disable-user") || command == QLatin1String("enable-user")
        || command == QLatin1String("reset-password") || command == QLatin1String("end-sessions");
    if (userCommand && user.isEmpty()) {
        err << command << " needs --name USER\n" << kUsage;
        return 2;
    }
    if (command == QLatin1String("disable-user") || command == QLatin1String("enable-user")) {
        const bool disable = command == QLatin1String("disable-user");
        auto done = accounts.setDisabled(user, disable);
        if (!done) {
            err << done.error() << '\n';
            return 1;
        }
        out << (disable ? "disabled " : "enabled ") << user
            << (disable ? " (cannot sign in; its sessions ended)" : " (may sign in again)") << '\n';
        return audited(command, user);
    }
    if (command == QLatin1String("reset-password")) {
        const QString password = in.readLine();
        auto done = accounts.resetPassword(user, password.toUtf8());
        if (!done) {
            err << done.error() << '\n';
            return 1;
        }
        out << "new password for " << user << " (its sessions ended)\n";
        return audited(command, user);
    }
    if (command == QLatin1String("end-sessions")) {
        auto ended = accounts.endSessionsOf(user);
        if (!ended) {
            err << ended.error() << '\n';
            return 1;
        }
        out << "ended " << *ended << " session(s) of " << user << '\n';
        return audited(command, user, QStringLiteral("%1 session(s)").arg(*ended));
    }
    if (command == QLatin1String("list-users")) {
        auto all = accounts.users();
        if (!all) {
            err << all.error() << '\n';
            return 1;
        }
        for (const UserInfo &u : *all) {
            out << u.name << '\t' << u.role << '\t' << (u.window.isEmpty() ? QStringLiteral("-") : u.window) << '\t'
                << (u.department.isEmpty() ? QStringLiteral("-") : u.department) << '\t'
                << (u.disabledAt.isEmpty() ? QStringLiteral("enabled")
                                           : QStringLiteral("disabled since ") + u.disabledAt)
                << '\t' << u.openSessions << " open session(s)\n";
        }
        out << all->size() << " user(s)\n";
        return 0;
    }
    if (command == QLatin1String("audit-admin"))
        return printRows(**db,
            QStringLiteral("SELECT at, os_user, command, target, detail FROM admin_audit ORDER BY at, id"), {},
            "admin command(s)", out, err);
    if (command == QLatin1String("held")) {
        // What the back office did not route, and why: a window's case number and the reason,
        // one line each, so nothing a receipt promised is lost without the admin seeing it.
        return printRows(**db,
            QStringLiteral("SELECT r.case_id, c.window_key_id, r.state, r.updated_at, r.reason"
                           " FROM case_routing r JOIN cases c ON c.case_id = r.case_id"
                           " WHERE r.state IN ('unroutable', 'disputed') ORDER BY r.updated_at"),
            {}, "held case(s)", out, err);
    }
    if (command == QLatin1String("rotate-seal-key")) {
        auto id = sealer.value().rotate();
        if (!id) {
            err << id.error() << '\n';
            return 1;
        }
        auto count = reseal(**db, sealer.value(), p.value(dataDir));
        if (!count) {
            err << count.error() << '\n';
            return 1;
        }
        (void)(*db)->audit(QStringLiteral("admin"), QStringLiteral("rotate-seal-key"), *id);
        out << "seal key " << *id << " is current; re-sealed " << *count << " record(s); older keys kept in " << keyFile
            << " to open backups\n";
        return 0;
    }
    if (command == QLatin1String("audit")) {
        bool limitOk = false;
        const int most = p.value(limit).toInt(&limitOk);
        if (!limitOk || most < 1) {
            err << "--limit needs a number from 1\n";
            return 2;
        }
        return printRows(**db,
            QStringLiteral("SELECT at, actor, action, detail FROM audit WHERE at >= ? ORDER BY at, id LIMIT ?"),
            {p.isSet(since) ? p.value(since) : QStringLiteral(""), most}, "audit line(s)", out, err);
    }
    if (command == QLatin1String("export-ratings")) {
        // JSON lines (README: "Ratings"), rated in [--since, --until): what a 好差评 platform takes.
        const QDateTime sinceTime = QDateTime::fromString(p.value(since), Qt::ISODateWithMs);
        const QDateTime upTo = QDateTime::fromString(p.value(until), Qt::ISODateWithMs);
        if ((p.isSet(since) && !sinceTime.isValid()) || (p.isSet(until) && !upTo.isValid())) {
            err << "--since and --until are ISO times, e.g. 2026-12-01T00:00:00+08:00\n";
            return 2;
        }
        Ratings ratings(**db, sealer.value(), catalogues, clock);
        QBuffer lines;
        lines.open(QIODevice::WriteOnly);
        auto count = ratings.exportLines(lines, sinceTime, upTo);
        if (!count) {
            err << count.error() << '\n';
            return 1;
        }
        out << QString::fromUtf8(lines.data());
        out.flush();
        err << *count << " rating(s)\n";
        (void)(*db)->audit(
            QStringLiteral("admin"), QStringLiteral("export-ratings"), QStringLiteral("%1 rating(s)").arg(*count));
        return 0;
    }
    err << "unknown admin command \"" << command << "\"\n" << kUsage;
    return 2;
}

} // namespace ow::backoffice
