#include "DevCommands.h"

#include "onewindow/catalog/Catalog.h"
#include "onewindow/store/Store.h"
#include "onewindow/store/WindowSettings.h"

#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace {

// The built-in demo catalogue with its matters repeated (new codes, numbered names) up to `n`.
QString writeCatalogue(int n, const QString &path)
{
    QFile in(ow::Catalog::builtinPath());
    if (!in.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read the demo catalogue");
    QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
    const QJsonArray base = root.value(QLatin1String("matters")).toArray();
    QJsonArray matters = base;
    for (int i = int(base.size()); i < n; ++i) {
        QJsonObject m = base.at(i % base.size()).toObject();
        m.insert(QStringLiteral("code"), QStringLiteral("330106-SEED-%1").arg(i, 5, 10, QLatin1Char('0')));
        m.insert(QStringLiteral("name"),
            QStringLiteral("%1（第%2号）").arg(m.value(QLatin1String("name")).toString()).arg(i));
        m.remove(QStringLiteral("aliases"));
        matters.append(m);
    }
    root.insert(QStringLiteral("matters"), matters);
    root.insert(QStringLiteral("version"), QStringLiteral("seed-%1").arg(n));
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1: %2").arg(path, out.errorString());
    out.write(QJsonDocument(root).toJson(QJsonDocument::Compact));
    return {};
}

// `n` decided cases of the window, as raw projection rows in big transactions (a developer's
// store, not what the client writes: no parties, no case log, so nothing to sync or reopen).
QString writeCases(ow::store::Store &store, const ow::store::WindowIdentity &window, int n, QTextStream &out)
{
    const int batch = 50000;
    const QDate firstDay(2023, 1, 2);
    const int perDay = 800;
    for (int from = 0; from < n; from += batch) {
        const QString err = store.transact([&](QSqlDatabase &db) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral(
                "INSERT INTO cases (id, number, window_code, clerk, state, verdict, catalog_version, selection, "
                "draft, promised_date, created_at, updated_at, decision, visits, has_content, applicant_masked)"
                " VALUES (?, ?, ?, 'seed', 'done', 'complete', 'seed', ?, ?, ?, ?, ?, ?, ?, 1, '王** "
                "330106********123X')"));
            for (int i = from; i < std::min(n, from + batch); ++i) {
                const QDate day = firstDay.addDays(i / perDay);
                const QString at =
                    QDateTime(day, QTime(8, 30), Qt::UTC).addSecs((i % perDay) * 30).toString(Qt::ISODateWithMs);
                q.addBindValue(QStringLiteral("seed-%1").arg(i, 8, 10, QLatin1Char('0')));
                q.addBindValue(QStringLiteral("%1-%2-%3-%4")
                                   .arg(window.region, window.code, day.toString(QStringLiteral("yyyyMMdd")))
                                   .arg(i % perDay + 1, 4, 10, QLatin1Char('0')));
                q.addBindValue(window.code);
                q.addBindValue(QStringLiteral("{\"bundle\":\"open-restaurant\"}"));
                const QString decision = i % 7 == 0 ? QStringLiteral("notice") : QStringLiteral("accept");
                const int visits = 1 + (i % 11 == 0);
                q.addBindValue(QStringLiteral("{}"));
                q.addBindValue(day.addDays(7).toString(Qt::ISODate));
                q.addBindValue(at);
                q.addBindValue(at);
                q.addBindValue(decision);
                q.addBindValue(visits);
                if (!q.exec())
                    return q.lastError().text();
            }
            return QString();
        });
        if (!err.isEmpty())
            return err;
        out << "  " << std::min(n, from + batch) << " cases\r";
        out.flush();
    }
    out << '\n';
    return {};
}

int devSeed(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QHash<QString, QString> o;
    if (!parseOptions(args,
            {QStringLiteral("--matters"), QStringLiteral("--cases"), QStringLiteral("--out"),
                QStringLiteral("--region"), QStringLiteral("--code")},
            o, err)
        || !o.contains(QStringLiteral("--out"))) {
        err << "usage: onewindow-tool dev seed --out DIR [--matters N] [--cases N] [--region 330106] [--code W01]\n";
        return 2;
    }
    bool okM = true;
    bool okC = true;
    const int matters = o.value(QStringLiteral("--matters"), QStringLiteral("10000")).toInt(&okM);
    const int cases = o.value(QStringLiteral("--cases"), QStringLiteral("1000000")).toInt(&okC);
    if (!okM || !okC || matters < 1 || cases < 0) {
        err << "--matters and --cases take whole numbers\n";
        return 2;
    }
    const QDir dir(o.value(QStringLiteral("--out")));
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    if (QFile::exists(QDir(dataDir).filePath(QStringLiteral("onewindow.sqlite")))) {
        err << dataDir << " already holds a store; seed into a new folder\n";
        return 1;
    }
    QElapsedTimer t;
    t.start();
    const QString catalogue = dir.filePath(QStringLiteral("catalog.json"));
    if (!QDir().mkpath(dir.path())) {
        err << "cannot create " << dir.path() << '\n';
        return 1;
    }
    if (const QString e = writeCatalogue(matters, catalogue); !e.isEmpty()) {
        err << e << '\n';
        return 1;
    }
    const auto check = ow::Catalog::load(catalogue);
    if (!check) {
        err << "the generated catalogue does not load: " << check.error() << '\n';
        return 1;
    }
    out << "catalogue: " << catalogue << " (" << check->matters().size() << " matters)\n";

    const ow::store::WindowIdentity window {o.value(QStringLiteral("--region"), QStringLiteral("330106")),
        o.value(QStringLiteral("--code"), QStringLiteral("W01")), QStringLiteral("综合窗口 1（测试数据）")};
    if (const QString e = ow::store::WindowSettings::save(dataDir, window); !e.isEmpty()) {
        err << e << '\n';
        return 1;
    }
    auto store = ow::store::Store::open(dataDir, ow::store::Store::Options {QStringLiteral("NORMAL")});
    if (!store) {
        err << store.error() << '\n';
        return 1;
    }
    if (const QString e = writeCases(store.value(), ow::store::WindowSettings::normalised(window), cases, out);
        !e.isEmpty()) {
        err << e << '\n';
        return 1;
    }
    QSqlQuery(store->database()).exec(QStringLiteral("PRAGMA optimize"));
    out << "store: " << dataDir << " (" << cases << " cases of window " << window.region << '-' << window.code.toUpper()
        << "), " << t.elapsed() / 1000.0 << " s\n"
        << "start the client on it: onewindow --data-dir " << dataDir << " --catalog " << catalogue << '\n';
    return 0;
}

} // namespace

CommandList devCommands()
{
    return {
        {QStringLiteral("dev seed"),
            QStringLiteral("--out DIR [--matters N] [--cases N] [--region 330106] [--code W01]"),
            QStringLiteral("Developer tool: a catalogue of N matters (default 10,000) and a store of N cases "
                           "(default 1,000,000) in DIR, for start-up and scale benchmarks."),
            devSeed},
    };
}
