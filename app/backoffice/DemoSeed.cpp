#include "DemoSeed.h"

#include "onewindow/backoffice/Accounts.h"
#include "onewindow/backoffice/Catalogues.h"
#include "onewindow/backoffice/Database.h"
#include "onewindow/backoffice/Departments.h"
#include "onewindow/backoffice/EventLog.h"
#include "onewindow/backoffice/HallQueue.h"
#include "onewindow/backoffice/WindowRegistry.h"
#include "onewindow/catalog/Catalog.h"
#include "onewindow/core/DemoAccounts.h"
#include "onewindow/receipt/KeyRing.h"
#include "onewindow/receipt/WindowKey.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace ow::backoffice;
using ow::core::DemoAccounts;

namespace {

const char kUsage[] =
    "usage: onewindow-backoffice admin seed-demo [--data-dir DIR] [--db postgresql://…] [--window-key-dir DIR]\n";

QByteArray readResource(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read %1: %2").arg(path, f.errorString());
        return QByteArray();
    }
    return f.readAll();
}

bool userExists(Database &db, const QString &name)
{
    auto q = db.exec(QStringLiteral("SELECT 1 FROM users WHERE name = ?"), {name});
    return q && q.value().next();
}

// Adds the user unless there is one of that name; "" or the error.
QString ensureUser(Database &db, Accounts &accounts, const QString &name, const QString &role, const QString &window,
    const QString &department, QTextStream &out)
{
    if (userExists(db, name))
        return QString();
    auto added = accounts.addUser(name, role, window, department, DemoAccounts::password().toUtf8());
    if (!added)
        return added.error();
    out << "added " << role << ' ' << name
        << (department.isEmpty() ? QString() : QStringLiteral(" (") + department + QLatin1Char(')')) << '\n';
    return QString();
}

// The demo window's DEMO- key, as the demo client has it (or will: made now in its keys folder).
QString ensureDemoKey(Database &db, const QString &keyDir, const ow::backoffice::Clock &clock, QTextStream &out)
{
    const QString window = DemoAccounts::window();
    auto key = ow::receipt::WindowKey::loadOrCreate(keyDir, ow::receipt::KeyRing::demoKeyId(window));
    if (!key)
        return key.error();
    const QString publicKey = QString::fromLatin1(key->publicKey().toBase64());
    auto have =
        db.exec(QStringLiteral("SELECT 1 FROM window_keys WHERE key_id = ? AND public_key = ?"), {window, publicKey});
    if (!have)
        return have.error();
    if (have.value().next())
        return QString();
    // The demo client's key replaces any earlier one (a new demo data dir has a new key).
    const QString now = clock().toUTC().toString(Qt::ISODateWithMs);
    auto revoked = db.exec(
        QStringLiteral("UPDATE window_keys SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL"), {now, window});
    if (!revoked)
        return revoked.error();
    auto put = db.exec(QStringLiteral("INSERT INTO window_keys (key_id, public_key, enrolled_at) VALUES (?, ?, ?)"),
        {window, publicKey, now});
    if (!put)
        return put.error();
    (void)db.audit(QStringLiteral("admin"), QStringLiteral("seed-demo-key"), publicKey);
    out << "enrolled the demo window " << window << " with its key " << key->keyId() << '\n';
    return QString();
}

} // namespace

// The demo hall: the catalogue's matter groups as categories, the demo window serving them all,
// the kiosk and display with DemoAccounts' tokens, and today's appointments (once a day).
static QString ensureDemoHall(
    Database &db, EventLog &events, const ow::backoffice::Clock &clock, const ow::Catalog &catalogue, QTextStream &out)
{
    using ow::core::DemoAccounts;
    ow::backoffice::HallQueue halls(db, events, clock);
    const QJsonArray categories = ow::backoffice::Catalogues::categoriesOf(catalogue);
    QJsonArray served;
    for (const QJsonValue &c : categories)
        served.append(c.toObject().value(QLatin1String("code")));
    auto set = halls.setHall(QJsonObject {{QStringLiteral("hall"), DemoAccounts::hall()},
        {QStringLiteral("name"), QStringLiteral("市民中心一楼大厅（演示）")},
        {QStringLiteral("settings"), QJsonObject()}, {QStringLiteral("categories"), categories},
        {QStringLiteral("windows"),
            QJsonArray {QJsonObject {
                {QStringLiteral("window"), DemoAccounts::window()}, {QStringLiteral("categories"), served}}}}});
    if (!set)
        return set.error();
    for (const auto &[kind, token] : {std::pair {QStringLiteral("kiosk"), DemoAccounts::kioskToken()},
             std::pair {QStringLiteral("display"), DemoAccounts::displayToken()}}) {
        const QString name = QStringLiteral("demo-") + kind;
        auto have = db.exec(QStringLiteral("SELECT 1 FROM hall_devices WHERE name = ?"), {name});
        if (!have)
            return have.error();
        if (have.value().next())
            continue;
        auto added = halls.addDevice(DemoAccounts::hall(), kind, name, token);
        if (!added)
            return added.error();
        out << "added the demo " << kind << " of " << DemoAccounts::hall() << '\n';
    }
    // Three appointments from the next half hour on, once a day.
    const QDateTime now = clock();
    QDateTime slot = now.addSecs(1800 - now.time().minute() % 30 * 60 - now.time().second());
    slot = QDateTime(slot.date(), QTime(slot.time().hour(), slot.time().minute()), Qt::UTC);
    auto today = db.exec(QStringLiteral("SELECT COUNT(*) FROM appointments WHERE hall = ? AND slot_start >= ?"),
        {DemoAccounts::hall(), ow::backoffice::isoUtc(now.addSecs(-12 * 3600))});
    if (!today)
        return today.error();
    if (today.value().next() && today.value().value(0).toInt() > 0)
        return QString();
    for (const QString &category : {QStringLiteral("business"), QStringLiteral("social"), QStringLiteral("business")}) {
        auto id = halls.addAppointment(DemoAccounts::hall(), category, slot, 30);
        if (!id)
            return id.error();
        out << "demo appointment " << *id << " at " << ow::backoffice::isoUtc(slot) << '\n';
        slot = slot.addSecs(1800);
    }
    return QString();
}

int DemoSeed::run(const QStringList &args, const QString &defaultDataDir, QTextStream &out, QTextStream &err,
    const ow::backoffice::Clock &clock)
{
    QCommandLineParser p;
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QString(), QStringLiteral("dir"), defaultDataDir);
    const QCommandLineOption keyDir(QStringLiteral("window-key-dir"), QString(), QStringLiteral("dir"));
    const QCommandLineOption dbUrl(QStringLiteral("db"), QString(), QStringLiteral("url"));
    p.addOptions({dataDir, dbUrl, keyDir});
    if (args == QStringList {QStringLiteral("--help")}) {
        out << kUsage; // also read by the manual page (packaging/manpage.py)
        return 0;
    }
    if (!p.parse(QStringList {QStringLiteral("seed-demo")} + args) || !p.positionalArguments().isEmpty()) {
        err << p.errorText() << '\n' << kUsage;
        return 2;
    }
    if (!QDir().mkpath(p.value(dataDir))) {
        err << "Cannot make " << p.value(dataDir) << '\n';
        return 1;
    }
    auto opened = Database::open(p.value(dataDir), p.value(dbUrl));
    if (!opened) {
        err << opened.error() << '\n';
        return 1;
    }
    Database &db = **opened;
    WindowRegistry windows(db, clock);
    Accounts accounts(db, windows, clock);
    Catalogues catalogues(db, clock);
    EventLog events(db, clock);
    Departments departments(db, events, clock);
    const auto failed = [&err](const QString &why) {
        err << why << '\n';
        return 1;
    };

    // The client's built-in catalogue and calendar: the back office routes by the same bytes.
    QString why;
    const QByteArray catalogue = readResource(ow::Catalog::builtinPath(), &why);
    if (!why.isEmpty())
        return failed(why);
    auto sha = catalogues.add(catalogue, QStringLiteral("demo.json"));
    if (!sha)
        return failed(sha.error());
    for (const QFileInfo &year :
        QDir(QStringLiteral(":/onewindow/calendar")).entryInfoList({QStringLiteral("*.json")})) {
        const QByteArray json = readResource(year.filePath(), &why);
        if (!why.isEmpty())
            return failed(why);
        auto set = catalogues.setCalendarYear(json, year.fileName());
        if (!set)
            return failed(set.error());
    }
    const QJsonArray depts = QJsonDocument::fromJson(catalogue).object().value(QLatin1String("departments")).toArray();
    for (const QJsonValue &v : depts) {
        const QString code = v.toObject().value(QLatin1String("id")).toString();
        if (departments.exists(code))
            continue;
        auto added = departments.add(code, v.toObject().value(QLatin1String("name")).toString());
        if (!added)
            return failed(added.error());
    }

    const QString window = DemoAccounts::window();
    if (!windows.windowExists(window)) {
        const QStringList parts = window.split(QLatin1Char('-'));
        auto made =
            windows.addWindow(parts.at(0), parts.at(1), QStringLiteral("综合窗口 1（演示）"), QStringLiteral("window"));
        if (!made)
            return failed(made.error());
        out << "added the demo window " << window << '\n';
    }
    why = ensureUser(db, accounts, DemoAccounts::clerk(), QStringLiteral("clerk"), window, QString(), out);
    if (!why.isEmpty())
        return failed(why);
    for (const QJsonValue &v : depts) {
        const QString code = v.toObject().value(QLatin1String("id")).toString();
        why = ensureUser(
            db, accounts, DemoAccounts::departmentUser(code), QStringLiteral("department"), QString(), code, out);
        if (!why.isEmpty())
            return failed(why);
    }
    // The demo hall's categories are the catalogue's matter groups.
    const auto demoCatalogue = ow::Catalog::fromJson(catalogue, QStringLiteral("demo.json"));
    if (!demoCatalogue)
        return failed(demoCatalogue.error());
    why = ensureDemoHall(db, events, clock, demoCatalogue.value(), out);
    if (!why.isEmpty())
        return failed(why);
    if (p.isSet(keyDir)) {
        why = ensureDemoKey(db, p.value(keyDir), clock, out);
        if (!why.isEmpty())
            return failed(why);
    }
    out << "demo back office ready in " << p.value(dataDir) << ": catalogue " << *sha << ", " << depts.size()
        << " departments\n"
        << "  window " << window << ", clerk " << DemoAccounts::clerk() << "; department users "
        << DemoAccounts::departmentUser(QStringLiteral("<department>")) << " (e.g. "
        << DemoAccounts::departmentUser(QStringLiteral("amr")) << "); password " << DemoAccounts::password() << '\n';
    out.flush();
    return 0;
}
