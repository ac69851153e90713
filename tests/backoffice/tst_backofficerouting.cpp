#include "ApiClient.h"

#include "onewindow/store/LogEntry.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

#define API_OK(r) QVERIFY2((r).violations.isEmpty(), qPrintable((r).violations.join(QLatin1Char('\n'))))

using Headers = QList<QPair<QByteArray, QByteArray>>;

namespace {

const QString kPassword = QStringLiteral("correct horse 9");
const QString kW1 = QStringLiteral("330106-W01");
const QString kW2 = QStringLiteral("330106-W02");
const QString kAmr1 = QStringLiteral("330106-XK-AMR-001");
const QString kAmr3 = QStringLiteral("330106-XK-AMR-003");
const QString kHealth1 = QStringLiteral("330106-XK-HEALTH-001");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QJsonObject loadSpec()
{
    return QJsonDocument::fromJson(readAll(QStringLiteral(OW_OPENAPI))).object();
}

QString demoSha()
{
    return QString::fromLatin1(
        QCryptographicHash::hash(readAll(QStringLiteral(OW_DEMO_CATALOG)), QCryptographicHash::Sha256).toHex());
}

Headers bearer(const QString &token)
{
    return {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token.toLatin1()}};
}

QJsonObject entry(
    const QString &caseId, int seq, const QString &window, const QString &kind, const QJsonObject &payload)
{
    ow::store::LogEntry e;
    e.caseId = caseId;
    e.seq = seq;
    e.at = QDateTime(QDate(2026, 11, 27), QTime(1, 31, seq), Qt::UTC);
    e.window = window;
    e.clerk = QStringLiteral("李建华");
    e.kind = kind;
    e.payload = payload;
    return e.toJson();
}

// A whole case as the client logs it: started, chosen (pinning `sha`), decided.
QJsonArray caseLog(const QString &caseId, const QString &window, const QString &sha, const QStringList &matters,
    const QString &decision = QStringLiteral("accept"))
{
    const QString number = window + QStringLiteral("-20261127-0001");
    QJsonArray codes;
    for (const QString &m : matters)
        codes.append(m);
    const QJsonObject document {{QStringLiteral("format"), 1}, {QStringLiteral("kind"), QStringLiteral("receipt")},
        {QStringLiteral("caseId"), caseId}, {QStringLiteral("caseNumber"), number},
        {QStringLiteral("issuedAt"), QStringLiteral("2026-11-27T01:31:03.000Z")}};
    return QJsonArray {
        entry(caseId, 1, window, QStringLiteral("started"),
            {{QStringLiteral("number"), number}, {QStringLiteral("region"), QStringLiteral("330106")},
                {QStringLiteral("window"), window}, {QStringLiteral("windowName"), QStringLiteral("综合窗口")},
                {QStringLiteral("catalogVersion"), QStringLiteral("2026.11-demo")}}),
        entry(caseId, 2, window, QStringLiteral("chosen"),
            {{QStringLiteral("bundle"), QString()}, {QStringLiteral("matters"), codes},
                {QStringLiteral("catalog"),
                    QJsonObject {{QStringLiteral("version"), QStringLiteral("2026.11-demo")},
                        {QStringLiteral("sha256"), sha}}}}),
        entry(caseId, 3, window, QStringLiteral("decided"),
            {{QStringLiteral("decision"), decision}, {QStringLiteral("refusalReason"), QString()},
                {QStringLiteral("digest"), QStringLiteral("ab").repeated(32)},
                {QStringLiteral("document"), document}})};
}

QStringList eventTypes(const QJsonArray &events)
{
    QStringList out;
    for (const QJsonValue &e : events)
        out << e.toObject().value(QLatin1String("type")).toString();
    return out;
}

} // namespace

class TestBackOfficeRouting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void adminPrintsWhatItMade();
    void referenceDataHasEtags();
    void caseWithAnUnknownCatalogueIsHeldThenRouted();
    void acceptedCaseIsRoutedToItsDepartments();
    void departmentsSeeOnlyTheirItems();
    void decisionsAndReadyProduceEventsAndHandout();
    void clerkCannotDecide();
    void supervisorReadsOnlySupervisedWindows();
    void eventsNeitherSkipNorRepeatAcrossRestart();
    void badEventQueriesAreRefused();
    void cleanupTestCase();

private:
    QString token(const QString &user);
    void restart();
    ApiResponse post(const QString &user, const QString &path, const QJsonValue &body = QJsonValue::Undefined);
    ApiResponse get(const QString &user, const QString &path, const Headers &extra = {});
    QJsonArray allEvents(const QString &user, qint64 after = 0);
    // The item of `matter` in case `caseId` among a department's items.
    QString itemOf(const QString &user, const QString &department, const QString &caseId, const QString &matter);

    QTemporaryDir m_dir;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<BackOfficeProcess> m_server;
    QHash<QString, QString> m_tokens;
    QString m_case; // window 1's routed case
};

void TestBackOfficeRouting::initTestCase()
{
    const QJsonObject spec = loadSpec();
    QVERIFY(!spec.isEmpty());
    m_api = std::make_unique<ApiClient>(spec);
    QVERIFY(m_dir.isValid());
    const QString data = m_dir.filePath(QStringLiteral("data"));
    for (const QString &code : {QStringLiteral("W01"), QStringLiteral("W02")}) {
        const AdminRun r = runAdmin(data,
            {QStringLiteral("add-window"), QStringLiteral("--region"), QStringLiteral("330106"),
                QStringLiteral("--code"), code, QStringLiteral("--name"), QStringLiteral("综合窗口"),
                QStringLiteral("--kind"), QStringLiteral("window")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    for (const QStringList &d : {QStringList {QStringLiteral("amr"), QStringLiteral("市场监督管理局")},
             QStringList {QStringLiteral("health"), QStringLiteral("卫生健康局")}}) {
        const AdminRun r = runAdmin(data, QStringList {QStringLiteral("add-department")} + d);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    const QList<QStringList> users {
        {QStringLiteral("c1"), QStringLiteral("clerk"), QStringLiteral("--window"), kW1},
        {QStringLiteral("c2"), QStringLiteral("clerk"), QStringLiteral("--window"), kW2},
        {QStringLiteral("amr1"), QStringLiteral("department"), QStringLiteral("--department"), QStringLiteral("amr")},
        {QStringLiteral("hl1"), QStringLiteral("department"), QStringLiteral("--department"), QStringLiteral("health")},
        {QStringLiteral("sup"), QStringLiteral("supervisor"), QStringLiteral("--windows"), kW1},
        {QStringLiteral("adm"), QStringLiteral("admin")},
    };
    for (const QStringList &u : users) {
        const AdminRun r = runAdmin(data,
            QStringList {
                QStringLiteral("add-user"), QStringLiteral("--name"), u.at(0), QStringLiteral("--role"), u.at(1)}
                + u.mid(2),
            kPassword.toUtf8() + '\n');
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    restart();
}

void TestBackOfficeRouting::restart()
{
    if (m_server)
        m_server->stop();
    m_server = std::make_unique<BackOfficeProcess>();
    QVERIFY(m_server->start(m_dir.filePath(QStringLiteral("data"))));
    m_api->setPort(m_server->port());
}

QString TestBackOfficeRouting::token(const QString &user)
{
    if (!m_tokens.contains(user)) {
        const ApiResponse r = m_api->call("POST", QStringLiteral("/v1/sessions"),
            QJsonObject {{QStringLiteral("name"), user}, {QStringLiteral("password"), kPassword}});
        if (r.status != 201)
            qWarning("sign-in of %s: %d %s", qPrintable(user), r.status, r.raw.constData());
        m_tokens.insert(user, r.object().value(QLatin1String("token")).toString());
    }
    return m_tokens.value(user);
}

ApiResponse TestBackOfficeRouting::post(const QString &user, const QString &path, const QJsonValue &body)
{
    return m_api->call("POST", path, body, bearer(token(user)));
}

ApiResponse TestBackOfficeRouting::get(const QString &user, const QString &path, const Headers &extra)
{
    return m_api->call("GET", path, QJsonValue::Undefined, (user.isEmpty() ? Headers() : bearer(token(user))) + extra);
}

QJsonArray TestBackOfficeRouting::allEvents(const QString &user, qint64 after)
{
    const ApiResponse r = get(user, QStringLiteral("/v1/events?after=%1&limit=500").arg(after));
    if (r.status != 200 || !r.violations.isEmpty())
        qWarning("events: %d %s %s", r.status, r.raw.constData(), qPrintable(r.violations.join(QLatin1Char(' '))));
    return r.object().value(QLatin1String("events")).toArray();
}

QString TestBackOfficeRouting::itemOf(
    const QString &user, const QString &department, const QString &caseId, const QString &matter)
{
    const ApiResponse r = get(user, QStringLiteral("/v1/departments/%1/items").arg(department));
    for (const QJsonValue &v : r.object().value(QLatin1String("items")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QLatin1String("case")).toString() == caseId
            && o.value(QLatin1String("matter")).toString() == matter)
            return o.value(QLatin1String("item")).toString();
    }
    return QString();
}

void TestBackOfficeRouting::adminPrintsWhatItMade()
{
    const QString data = m_dir.filePath(QStringLiteral("data"));
    AdminRun r =
        runAdmin(data, {QStringLiteral("add-department"), QStringLiteral("eco"), QStringLiteral("生态环境分局")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), QStringLiteral("added department eco 生态环境分局"));
    r = runAdmin(data, {QStringLiteral("add-department"), QStringLiteral("eco"), QStringLiteral("again")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("already exists")), qPrintable(r.err));
    r = runAdmin(data, {QStringLiteral("add-department"), QStringLiteral("Bad Code"), QStringLiteral("x")});
    QCOMPARE(r.exitCode, 1);
    r = runAdmin(data,
        {QStringLiteral("add-user"), QStringLiteral("--name"), QStringLiteral("nobody"), QStringLiteral("--role"),
            QStringLiteral("department"), QStringLiteral("--department"), QStringLiteral("no-such")},
        kPassword.toUtf8() + '\n');
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("no department no-such")), qPrintable(r.err));
    r = runAdmin(data,
        {QStringLiteral("add-user"), QStringLiteral("--name"), QStringLiteral("sup2"), QStringLiteral("--role"),
            QStringLiteral("supervisor"), QStringLiteral("--windows"), QStringLiteral("330106-W09")},
        kPassword.toUtf8() + '\n');
    QCOMPARE(r.exitCode, 1); // no such window, and nothing is kept
    r = runAdmin(data,
        {QStringLiteral("add-user"), QStringLiteral("--name"), QStringLiteral("sup2"), QStringLiteral("--role"),
            QStringLiteral("supervisor"), QStringLiteral("--windows"), kW1 + QLatin1Char(',') + kW2},
        kPassword.toUtf8() + '\n');
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out.trimmed(), QStringLiteral("added supervisor sup2 supervising 330106-W01,330106-W02"));
    r = runAdmin(data,
        {QStringLiteral("add-user"), QStringLiteral("--name"), QStringLiteral("eco1"), QStringLiteral("--role"),
            QStringLiteral("department"), QStringLiteral("--department"), QStringLiteral("eco")},
        kPassword.toUtf8() + '\n');
    QCOMPARE(r.out.trimmed(), QStringLiteral("added department eco1 department eco"));
    r = runAdmin(data, {QStringLiteral("add-catalogue"), m_dir.filePath(QStringLiteral("missing.json"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("Cannot read")), qPrintable(r.err));
    QFile bad(m_dir.filePath(QStringLiteral("bad.json")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("{\"format\": \"onewindow-catalog\"");
    bad.close();
    r = runAdmin(data, {QStringLiteral("add-catalogue"), bad.fileName()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(!r.err.isEmpty());
    r = runAdmin(data, {QStringLiteral("set-calendar"), bad.fileName()});
    QCOMPARE(r.exitCode, 1);
}

void TestBackOfficeRouting::referenceDataHasEtags()
{
    const QString data = m_dir.filePath(QStringLiteral("data"));
    ApiResponse r = get(QString(), QStringLiteral("/v1/catalogues"));
    API_OK(r);
    QCOMPARE(r.status, 200);
    const QByteArray emptyTag = r.headers.value("etag");
    QVERIFY(!emptyTag.isEmpty());
    r = get(QString(), QStringLiteral("/v1/catalogues/%1").arg(demoSha()));
    API_OK(r);
    QCOMPARE(r.status, 404);

    // The calendar: one year, then 304 for its ETag, a new ETag after the next year is set.
    AdminRun a = runAdmin(data, {QStringLiteral("set-calendar"), QStringLiteral(OW_CALENDAR_DIR "/2026.json")});
    QVERIFY2(a.exitCode == 0, qPrintable(a.err));
    QCOMPARE(a.out.trimmed(), QStringLiteral("calendar 2026"));
    r = get(QString(), QStringLiteral("/v1/calendar"));
    API_OK(r);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("years")).toArray().size(), 1);
    const QByteArray calTag = r.headers.value("etag");
    QVERIFY(calTag.startsWith('"'));
    r = get(QString(), QStringLiteral("/v1/calendar"), {{QByteArrayLiteral("If-None-Match"), calTag}});
    API_OK(r);
    QCOMPARE(r.status, 304);
    QVERIFY(r.raw.isEmpty());
    a = runAdmin(data, {QStringLiteral("set-calendar"), QStringLiteral(OW_CALENDAR_DIR "/2027.json")});
    QVERIFY2(a.exitCode == 0, qPrintable(a.err));
    r = get(QString(), QStringLiteral("/v1/calendar"), {{QByteArrayLiteral("If-None-Match"), calTag}});
    API_OK(r);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("years")).toArray().size(), 2);
    QVERIFY(r.headers.value("etag") != calTag);

    r = get(QString(), QStringLiteral("/v1/catalogues/NOT-HEX"));
    API_OK(r);
    QCOMPARE(r.status, 400);
}

void TestBackOfficeRouting::caseWithAnUnknownCatalogueIsHeldThenRouted()
{
    // Runs before the catalogue is added (slot order): the case is accepted but unroutable.
    m_case = QUuid::createUuid().toString(QUuid::WithoutBraces);
    ApiResponse r = post(QStringLiteral("c1"), QStringLiteral("/v1/cases/%1/entries").arg(m_case),
        caseLog(m_case, kW1, demoSha(), {kAmr1, kAmr3, kHealth1}));
    API_OK(r);
    QCOMPARE(r.status, 200);
    QJsonArray events = allEvents(QStringLiteral("c1"));
    QCOMPARE(eventTypes(events), QStringList {QStringLiteral("confirmed")});
    const QJsonObject confirmed = events.at(0).toObject();
    QCOMPARE(confirmed.value(QLatin1String("case")).toString(), m_case);
    QCOMPARE(confirmed.value(QLatin1String("data")).toObject().value(QLatin1String("number")).toString(),
        kW1 + QStringLiteral("-20261127-0001"));
    QCOMPARE(confirmed.value(QLatin1String("data")).toObject().value(QLatin1String("digest")).toString(),
        QStringLiteral("ab").repeated(32));
    QCOMPARE(itemOf(QStringLiteral("amr1"), QStringLiteral("amr"), m_case, kAmr1), QString());

    // Adding the catalogue (while the server runs) routes the held case, once.
    const AdminRun a = runAdmin(
        m_dir.filePath(QStringLiteral("data")), {QStringLiteral("add-catalogue"), QStringLiteral(OW_DEMO_CATALOG)});
    QVERIFY2(a.exitCode == 0, qPrintable(a.err));
    QCOMPARE(a.out, QStringLiteral("catalogue %1\nrouted 1 held case(s)\n").arg(demoSha()));
    const AdminRun again = runAdmin(
        m_dir.filePath(QStringLiteral("data")), {QStringLiteral("add-catalogue"), QStringLiteral(OW_DEMO_CATALOG)});
    QCOMPARE(again.out, QStringLiteral("catalogue %1\nrouted 0 held case(s)\n").arg(demoSha()));
    events = allEvents(QStringLiteral("c1"));
    QCOMPARE(eventTypes(events),
        (QStringList {QStringLiteral("confirmed"), QStringLiteral("routed"), QStringLiteral("routed")}));

    // The same entries again: acknowledged, not routed twice.
    r = post(QStringLiteral("c1"), QStringLiteral("/v1/cases/%1/entries").arg(m_case),
        caseLog(m_case, kW1, demoSha(), {kAmr1, kAmr3, kHealth1}));
    QCOMPARE(r.status, 200);
    QCOMPARE(allEvents(QStringLiteral("c1")).size(), 3);
}

void TestBackOfficeRouting::acceptedCaseIsRoutedToItsDepartments()
{
    ApiResponse r = get(QString(), QStringLiteral("/v1/catalogues"));
    API_OK(r);
    const QJsonArray list = r.object().value(QLatin1String("catalogues")).toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).toObject().value(QLatin1String("sha256")).toString(), demoSha());
    QCOMPARE(list.at(0).toObject().value(QLatin1String("version")).toString(), QStringLiteral("2026.11-demo"));
    r = get(QString(), QStringLiteral("/v1/catalogues/%1").arg(demoSha()));
    API_OK(r);
    QCOMPARE(r.status, 200);
    // The exact bytes: they hash to the name the case pinned.
    QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(
                 r.object().value(QLatin1String("content")).toString().toUtf8(), QCryptographicHash::Sha256)
                                     .toHex()),
        demoSha());
    const QByteArray tag = r.headers.value("etag");
    QCOMPARE(tag, '"' + demoSha().toLatin1() + '"');
    r = get(QString(), QStringLiteral("/v1/catalogues/%1").arg(demoSha()), {{QByteArrayLiteral("If-None-Match"), tag}});
    API_OK(r);
    QCOMPARE(r.status, 304);

    // A case of window 2 accepted with 容缺 is routed at once, in the same request.
    const QString caseId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r = post(QStringLiteral("c2"), QStringLiteral("/v1/cases/%1/entries").arg(caseId),
        caseLog(caseId, kW2, demoSha(), {kAmr3, kHealth1}, QStringLiteral("accepttolerated")));
    API_OK(r);
    QCOMPARE(r.status, 200);
    const QJsonArray events = allEvents(QStringLiteral("c2"));
    QCOMPARE(eventTypes(events),
        (QStringList {QStringLiteral("confirmed"), QStringLiteral("routed"), QStringLiteral("routed")}));
    QStringList departments;
    for (int i = 1; i < 3; ++i) {
        const QJsonObject d = events.at(i).toObject().value(QLatin1String("data")).toObject();
        departments << d.value(QLatin1String("department")).toString();
        QCOMPARE(d.value(QLatin1String("items")).toArray().size(), 1);
    }
    QCOMPARE(departments, (QStringList {QStringLiteral("amr"), QStringLiteral("health")}));
    QVERIFY(!itemOf(QStringLiteral("amr1"), QStringLiteral("amr"), caseId, kAmr3).isEmpty());
    QVERIFY(!itemOf(QStringLiteral("hl1"), QStringLiteral("health"), caseId, kHealth1).isEmpty());

    // A one-time notice is confirmed but not routed.
    const QString notice = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r = post(QStringLiteral("c2"), QStringLiteral("/v1/cases/%1/entries").arg(notice),
        caseLog(notice, kW2, demoSha(), {kAmr3}, QStringLiteral("notice")));
    QCOMPARE(r.status, 200);
    QCOMPARE(eventTypes(allEvents(QStringLiteral("c2"), 3)), QStringList {QStringLiteral("confirmed")});
}

void TestBackOfficeRouting::departmentsSeeOnlyTheirItems()
{
    ApiResponse r = get(QStringLiteral("amr1"), QStringLiteral("/v1/departments/amr/items?state=routed"));
    API_OK(r);
    QCOMPARE(r.status, 200);
    for (const QJsonValue &v : r.object().value(QLatin1String("items")).toArray())
        QCOMPARE(v.toObject().value(QLatin1String("department")).toString(), QStringLiteral("amr"));
    QCOMPARE(r.object().value(QLatin1String("items")).toArray().size(), 3); // two of case 1, one of case 2
    r = get(QStringLiteral("amr1"), QStringLiteral("/v1/departments/health/items"));
    API_OK(r);
    QCOMPARE(r.status, 403);
    r = get(QStringLiteral("c1"), QStringLiteral("/v1/departments/amr/items"));
    API_OK(r);
    QCOMPARE(r.status, 403);
    r = get(QStringLiteral("amr1"), QStringLiteral("/v1/departments/amr/items?state=lost"));
    API_OK(r);
    QCOMPARE(r.status, 400);
    r = get(QString(), QStringLiteral("/v1/departments/amr/items"));
    API_OK(r);
    QCOMPARE(r.status, 401);
    // The other department's item: 403, and it stays as it was.
    const QString healthItem = itemOf(QStringLiteral("hl1"), QStringLiteral("health"), m_case, kHealth1);
    QVERIFY(!healthItem.isEmpty());
    r = post(QStringLiteral("amr1"), QStringLiteral("/v1/items/%1/decision").arg(healthItem),
        QJsonObject {{QStringLiteral("outcome"), QStringLiteral("approved")}});
    API_OK(r);
    QCOMPARE(r.status, 403);
    r = post(QStringLiteral("amr1"), QStringLiteral("/v1/items/%1/ready").arg(healthItem));
    API_OK(r);
    QCOMPARE(r.status, 403);
    r = post(QStringLiteral("amr1"), QStringLiteral("/v1/items/no-such-item/decision"),
        QJsonObject {{QStringLiteral("outcome"), QStringLiteral("approved")}});
    API_OK(r);
    QCOMPARE(r.status, 404);
    r = get(QStringLiteral("hl1"), QStringLiteral("/v1/departments/health/items?state=routed"));
    QVERIFY(r.raw.contains(healthItem.toLatin1()));
}

void TestBackOfficeRouting::decisionsAndReadyProduceEventsAndHandout()
{
    const QString a1 = itemOf(QStringLiteral("amr1"), QStringLiteral("amr"), m_case, kAmr1);
    const QString a3 = itemOf(QStringLiteral("amr1"), QStringLiteral("amr"), m_case, kAmr3);
    const QString h1 = itemOf(QStringLiteral("hl1"), QStringLiteral("health"), m_case, kHealth1);
    QVERIFY(!a1.isEmpty() && !a3.isEmpty() && !h1.isEmpty());
    const qint64 before = allEvents(QStringLiteral("c1")).last().toObject().value(QLatin1String("cursor")).toInteger();
    auto decide = [this](const QString &user, const QString &item, const QJsonObject &body) {
        return post(user, QStringLiteral("/v1/items/%1/decision").arg(item), body);
    };
    // Bad decisions are refused with a clear message; nothing changes.
    ApiResponse r = decide(QStringLiteral("amr1"), a1, {{QStringLiteral("outcome"), QStringLiteral("maybe")}});
    API_OK(r);
    QCOMPARE(r.status, 400);
    r = decide(QStringLiteral("amr1"), a1, {{QStringLiteral("outcome"), QStringLiteral("rejected")}});
    API_OK(r);
    QCOMPARE(r.status, 400);
    QVERIFY(r.object().value(QLatin1String("message")).toString().contains(QLatin1String("reason")));
    r = post(QStringLiteral("amr1"), QStringLiteral("/v1/items/%1/ready").arg(a1));
    API_OK(r);
    QCOMPARE(r.status, 409); // not approved yet

    r = decide(QStringLiteral("amr1"), a1,
        {{QStringLiteral("outcome"), QStringLiteral("supplement")},
            {QStringLiteral("what"), QStringLiteral("章程原件")}});
    API_OK(r);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("state")).toString(), QStringLiteral("supplement"));
    QCOMPARE(r.object().value(QLatin1String("what")).toString(), QStringLiteral("章程原件"));
    r = decide(QStringLiteral("amr1"), a1, {{QStringLiteral("outcome"), QStringLiteral("approved")}});
    API_OK(r);
    QCOMPARE(r.object().value(QLatin1String("state")).toString(), QStringLiteral("approved"));
    r = decide(QStringLiteral("amr1"), a1,
        {{QStringLiteral("outcome"), QStringLiteral("rejected")}, {QStringLiteral("reason"), QStringLiteral("late")}});
    API_OK(r);
    QCOMPARE(r.status, 409); // decided already
    r = post(QStringLiteral("amr1"), QStringLiteral("/v1/items/%1/ready").arg(a1));
    API_OK(r);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1String("state")).toString(), QStringLiteral("ready"));
    r = decide(QStringLiteral("amr1"), a3,
        {{QStringLiteral("outcome"), QStringLiteral("rejected")},
            {QStringLiteral("reason"), QStringLiteral("面积不符")}});
    API_OK(r);
    QCOMPARE(r.status, 200);
    // Not every item is done: no hand-out yet.
    QVERIFY(!eventTypes(allEvents(QStringLiteral("c1"), before)).contains(QStringLiteral("handout")));
    r = decide(QStringLiteral("hl1"), h1, {{QStringLiteral("outcome"), QStringLiteral("approved")}});
    QCOMPARE(r.status, 200);
    r = post(QStringLiteral("hl1"), QStringLiteral("/v1/items/%1/ready").arg(h1));
    API_OK(r);
    QCOMPARE(r.status, 200);

    const QJsonArray events = allEvents(QStringLiteral("c1"), before);
    QCOMPARE(eventTypes(events),
        (QStringList {QStringLiteral("decided"), QStringLiteral("decided"), QStringLiteral("ready"),
            QStringLiteral("decided"), QStringLiteral("decided"), QStringLiteral("ready"), QStringLiteral("handout")}));
    const QJsonObject first = events.at(0).toObject();
    QCOMPARE(first.value(QLatin1String("item")).toString(), a1);
    QCOMPARE(first.value(QLatin1String("data")).toObject(),
        (QJsonObject {{QStringLiteral("department"), QStringLiteral("amr")},
            {QStringLiteral("outcome"), QStringLiteral("supplement")},
            {QStringLiteral("what"), QStringLiteral("章程原件")}}));
    QCOMPARE(events.at(3).toObject().value(QLatin1String("data")).toObject().value(QLatin1String("reason")).toString(),
        QStringLiteral("面积不符"));
    const QJsonObject handout = events.last().toObject();
    QCOMPARE(handout.value(QLatin1String("case")).toString(), m_case);
    QVERIFY(handout.value(QLatin1String("item")).isNull());
    QCOMPARE(handout.value(QLatin1String("data")).toObject(),
        (QJsonObject {{QStringLiteral("ready"), 2}, {QStringLiteral("rejected"), 1}}));
    // Window 2 saw none of window 1's events.
    for (const QJsonValue &e : allEvents(QStringLiteral("c2")))
        QVERIFY(e.toObject().value(QLatin1String("case")).toString() != m_case);
}

void TestBackOfficeRouting::clerkCannotDecide()
{
    const QString caseId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QCOMPARE(post(QStringLiteral("c1"), QStringLiteral("/v1/cases/%1/entries").arg(caseId),
                 caseLog(caseId, kW1, demoSha(), {kAmr3}))
                 .status,
        200);
    const QString item = itemOf(QStringLiteral("amr1"), QStringLiteral("amr"), caseId, kAmr3);
    QVERIFY(!item.isEmpty());
    for (const QString &user : {QStringLiteral("c1"), QStringLiteral("sup"), QStringLiteral("adm")}) {
        ApiResponse r = post(user, QStringLiteral("/v1/items/%1/decision").arg(item),
            QJsonObject {{QStringLiteral("outcome"), QStringLiteral("approved")}});
        API_OK(r);
        QCOMPARE(r.status, 403);
        r = post(user, QStringLiteral("/v1/items/%1/ready").arg(item));
        QCOMPARE(r.status, 403);
    }
    // Departments read no events.
    const ApiResponse r = get(QStringLiteral("amr1"), QStringLiteral("/v1/events"));
    API_OK(r);
    QCOMPARE(r.status, 403);
    QCOMPARE(itemOf(QStringLiteral("amr1"), QStringLiteral("amr"), caseId, kAmr3), item);
    const ApiResponse list = get(QStringLiteral("amr1"), QStringLiteral("/v1/departments/amr/items?state=routed"));
    QVERIFY(list.raw.contains(item.toLatin1()));
}

void TestBackOfficeRouting::supervisorReadsOnlySupervisedWindows()
{
    ApiResponse r = get(QStringLiteral("sup"), QStringLiteral("/v1/cases/%1").arg(m_case));
    API_OK(r);
    QCOMPARE(r.status, 200);
    // Window 2's case: sup supervises window 1 only.
    const QJsonArray w2 = allEvents(QStringLiteral("c2"));
    QVERIFY(!w2.isEmpty());
    const QString other = w2.at(0).toObject().value(QLatin1String("case")).toString();
    r = get(QStringLiteral("sup"), QStringLiteral("/v1/cases/%1").arg(other));
    API_OK(r);
    QCOMPARE(r.status, 403);
    QCOMPARE(get(QStringLiteral("sup2"), QStringLiteral("/v1/cases/%1").arg(other)).status, 200);
    QCOMPARE(get(QStringLiteral("adm"), QStringLiteral("/v1/cases/%1").arg(other)).status, 200);
    QCOMPARE(get(QStringLiteral("amr1"), QStringLiteral("/v1/cases/%1").arg(other)).status, 403);
}

void TestBackOfficeRouting::eventsNeitherSkipNorRepeatAcrossRestart()
{
    auto check = [](const QJsonArray &events, qint64 from) {
        qint64 expect = from;
        for (const QJsonValue &e : events) {
            ++expect;
            if (e.toObject().value(QLatin1String("cursor")).toInteger() != expect)
                return false;
        }
        return true;
    };
    const QJsonArray before = allEvents(QStringLiteral("c1"));
    QVERIFY(before.size() >= 10);
    QVERIFY(check(before, 0));
    // Paging: the top-level cursor is the last returned; the next page starts after it.
    ApiResponse page = get(QStringLiteral("c1"), QStringLiteral("/v1/events?after=2&limit=3"));
    API_OK(page);
    QCOMPARE(page.object().value(QLatin1String("events")).toArray().size(), 3);
    QCOMPARE(page.object().value(QLatin1String("cursor")).toInteger(), 5);
    QVERIFY(check(page.object().value(QLatin1String("events")).toArray(), 2));
    page = get(QStringLiteral("c1"), QStringLiteral("/v1/events?after=%1").arg(before.size()));
    API_OK(page);
    QCOMPARE(page.object().value(QLatin1String("events")).toArray().size(), 0);
    QCOMPARE(page.object().value(QLatin1String("cursor")).toInteger(), before.size());

    restart();
    m_tokens.clear();
    QCOMPARE(allEvents(QStringLiteral("c1")), before);
    const QString caseId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QCOMPARE(post(QStringLiteral("c1"), QStringLiteral("/v1/cases/%1/entries").arg(caseId),
                 caseLog(caseId, kW1, demoSha(), {kAmr3, kHealth1}))
                 .status,
        200);
    const QJsonArray after = allEvents(QStringLiteral("c1"));
    QCOMPARE(after.size(), before.size() + 3);
    QVERIFY(check(after, 0));
    for (qsizetype i = 0; i < before.size(); ++i)
        QCOMPARE(after.at(i), before.at(i));
}

void TestBackOfficeRouting::badEventQueriesAreRefused()
{
    for (const QString &q : {QStringLiteral("after=-1"), QStringLiteral("after=x"), QStringLiteral("wait=31"),
             QStringLiteral("limit=0"), QStringLiteral("limit=501")}) {
        const ApiResponse r = get(QStringLiteral("c1"), QStringLiteral("/v1/events?") + q);
        API_OK(r);
        QCOMPARE(r.status, 400);
    }
    const ApiResponse r = get(QString(), QStringLiteral("/v1/events"));
    API_OK(r);
    QCOMPARE(r.status, 401);
}

void TestBackOfficeRouting::cleanupTestCase()
{
    if (m_server)
        m_server->stop();
}

QTEST_GUILESS_MAIN(TestBackOfficeRouting)
#include "tst_backofficerouting.moc"
