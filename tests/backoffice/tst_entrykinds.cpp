#include "onewindow/intake/CaseState.h"
#include "onewindow/store/EntryKinds.h"
#include "onewindow/store/LogEntry.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using ow::store::EntryKinds;

namespace {

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QJsonObject();
    return QJsonDocument::fromJson(f.readAll()).object();
}

QString text(const QJsonValue &v)
{
    return QString::fromUtf8(v.isObject() ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
                                          : QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact));
}

} // namespace

// The case log's kinds are defined once (store::EntryKinds): the API file, the store's README and
// the client's replay (intake::CaseState) agree with that table, and the table's checks hold.
class TestEntryKinds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void openApiIsGeneratedFromTheTable();
    void readmeListsTheKinds();
    void theClientReplaysEveryKind();
    void payloadsAreChecked_data();
    void payloadsAreChecked();
};

void TestEntryKinds::openApiIsGeneratedFromTheTable()
{
    const QJsonObject spec = readJson(QStringLiteral(OW_OPENAPI));
    QVERIFY(!spec.isEmpty());
    const QJsonObject schemas =
        spec.value(QLatin1String("components")).toObject().value(QLatin1String("schemas")).toObject();
    const QJsonObject generated = EntryKinds::openApiSchemas();
    QStringList wrong;
    for (auto it = generated.begin(); it != generated.end(); ++it) {
        if (schemas.value(it.key()) != it.value())
            wrong << it.key();
    }
    // No schema of a kind the table does not have.
    for (auto it = schemas.begin(); it != schemas.end(); ++it) {
        if (it.key().startsWith(QLatin1String("LogEntry")) && !generated.contains(it.key())
            && it.key() != QLatin1String("LogEntries"))
            wrong << it.key();
    }
    if (!wrong.isEmpty()) {
        // What the file should hold: merge it with tests/backoffice/merge_entry_kinds.py.
        const QString out = QDir::temp().filePath(QStringLiteral("onewindow-entry-kinds.json"));
        QFile f(out);
        if (f.open(QIODevice::WriteOnly))
            f.write(QJsonDocument(generated).toJson(QJsonDocument::Indented));
        QFAIL(qPrintable(QStringLiteral("openapi.json's %1 differ from store::EntryKinds; the generated schemas "
                                        "are in %2 (python3 tests/backoffice/merge_entry_kinds.py %2)")
                             .arg(wrong.join(QStringLiteral(", ")), out)));
    }
}

void TestEntryKinds::readmeListsTheKinds()
{
    QFile f(QStringLiteral(OW_STORE_README));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString readme = QString::fromUtf8(f.readAll());
    const qsizetype from = readme.indexOf(QLatin1String("| kind | payload | meaning |"));
    QVERIFY(from >= 0);
    QStringList listed;
    static const QRegularExpression row(QStringLiteral("^\\| `([a-zA-Z]+)` \\|"), QRegularExpression::MultilineOption);
    auto it = row.globalMatch(readme.mid(from));
    while (it.hasNext())
        listed << it.next().captured(1);
    QCOMPARE(listed, EntryKinds::names());
    // Each kind's payload fields are named in its row.
    for (const ow::store::EntryKind &k : EntryKinds::all()) {
        const qsizetype at = readme.indexOf(QStringLiteral("| `%1` |").arg(k.name), from);
        const QString line = readme.mid(at, readme.indexOf(QLatin1Char('\n'), at) - at);
        for (const ow::store::PayloadField &p : k.fields)
            QVERIFY2(line.contains(QStringLiteral("`%1`").arg(p.name)), qPrintable(k.name + QLatin1Char('.') + p.name));
    }
}

void TestEntryKinds::theClientReplaysEveryKind()
{
    // Every kind reaches its own branch of CaseState::apply: none is "unknown" to the client.
    const auto entry = [](int seq, const QString &kind, const QJsonObject &payload) {
        ow::store::LogEntry e;
        e.caseId = QStringLiteral("c-1");
        e.seq = seq;
        e.at = QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC);
        e.kind = kind;
        e.payload = payload;
        return e;
    };
    ow::intake::CaseState s;
    QCOMPARE(s.apply(entry(1, QStringLiteral("started"),
                 {{QStringLiteral("number"), QStringLiteral("330106-W01-20261127-0001")}})),
        QString());
    for (const ow::store::EntryKind &k : EntryKinds::all()) {
        if (k.name == QLatin1String("started"))
            continue;
        ow::intake::CaseState copy = s;
        const QString why = copy.apply(entry(2, k.name, {}));
        QVERIFY2(!why.contains(QLatin1String("Unknown entry kind")), qPrintable(k.name + QLatin1String(": ") + why));
    }
    ow::intake::CaseState copy = s;
    QVERIFY(copy.apply(entry(2, QStringLiteral("teleported"), {})).contains(QLatin1String("Unknown entry kind")));
    QVERIFY(!EntryKinds::find(QStringLiteral("teleported")));
}

void TestEntryKinds::payloadsAreChecked_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QJsonObject>("payload");
    QTest::addColumn<bool>("ok");
    const QString sha(64, QLatin1Char('a'));
    QTest::newRow("attached") << QStringLiteral("attached")
                              << QJsonObject {{QStringLiteral("material"), QStringLiteral("id-card")},
                                     {QStringLiteral("sha256"), sha}, {QStringLiteral("pages"), 2}}
                              << true;
    QTest::newRow("attached pages text") << QStringLiteral("attached")
                                         << QJsonObject {{QStringLiteral("material"), QStringLiteral("id-card")},
                                                {QStringLiteral("sha256"), sha},
                                                {QStringLiteral("pages"), QStringLiteral("2")}}
                                         << false;
    QTest::newRow("attached no sha256") << QStringLiteral("attached")
                                        << QJsonObject {{QStringLiteral("material"), QStringLiteral("id-card")},
                                               {QStringLiteral("pages"), 2}}
                                        << false;
    QTest::newRow("confirmed null") << QStringLiteral("confirmed")
                                    << QJsonObject {{QStringLiteral("condition"), QStringLiteral("m#1")},
                                           {QStringLiteral("holds"), QJsonValue::Null}}
                                    << true;
    QTest::newRow("confirmed text") << QStringLiteral("confirmed")
                                    << QJsonObject {{QStringLiteral("condition"), QStringLiteral("m#1")},
                                           {QStringLiteral("holds"), QStringLiteral("yes")}}
                                    << false;
    QTest::newRow("counted") << QStringLiteral(
        "counted") << QJsonObject {{QStringLiteral("material"), QStringLiteral("x")}, {QStringLiteral("pieces"), 3}}
                             << true;
    QTest::newRow("answered number") << QStringLiteral(
        "answered") << QJsonObject {{QStringLiteral("question"), QStringLiteral("age")}, {QStringLiteral("value"), 61}}
                                     << true;
    QTest::newRow("answered object") << QStringLiteral("answered")
                                     << QJsonObject {{QStringLiteral("question"), QStringLiteral("age")},
                                            {QStringLiteral("value"), QJsonObject {}}}
                                     << false;
    QTest::newRow("answered other source")
        << QStringLiteral("answered")
        << QJsonObject {{QStringLiteral("question"), QStringLiteral("age")}, {QStringLiteral("value"), 61},
               {QStringLiteral("source"), QStringLiteral("guess")}}
        << false;
    QTest::newRow("matters of numbers") << QStringLiteral("chosen")
                                        << QJsonObject {{QStringLiteral("bundle"), QString()},
                                               {QStringLiteral("matters"), QJsonArray {1}},
                                               {QStringLiteral("catalog"), QJsonObject {}}}
                                        << false;
    QTest::newRow("finished") << QStringLiteral("finished") << QJsonObject {} << true;
    QTest::newRow("unknown kind") << QStringLiteral("teleported") << QJsonObject {} << false;
    QTest::newRow("abandoned why") << QStringLiteral("abandoned")
                                   << QJsonObject {{QStringLiteral("reason"), QStringLiteral("bored")}} << false;
}

void TestEntryKinds::payloadsAreChecked()
{
    QFETCH(QString, kind);
    QFETCH(QJsonObject, payload);
    QFETCH(bool, ok);
    const QString why = EntryKinds::check(kind, payload);
    QVERIFY2(why.isEmpty() == ok, qPrintable(text(payload) + QLatin1String(": ") + why));
}

QTEST_GUILESS_MAIN(TestEntryKinds)
#include "tst_entrykinds.moc"
