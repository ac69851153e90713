#include "ApiClient.h"
#include "SignedEntries.h"

#include "onewindow/store/LogEntry.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <algorithm>

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
    const QString number = signedentries::numberOf(caseId, window);
    QJsonArray codes;
    for (const QString &m : matters)
        codes.append(m);
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
            signedentries::decidedPayload(caseId, number, signedentries::keyOf(window), decision))};
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
    void bundleIsRoutedByItsAnswers();
    void departmentsSeeOnlyTheirItems();
    void decisionsAndReadyProduceEventsAndHandout();
    void clerkCannotDecide();
    void supervisorReadsOnlySupervisedWindows();
    void eventsNeitherSkipNorRepeatAcrossRestart();
    void badEventQueriesAreRefused();
    void longPollWakesWithinTheWait();
    void longPollAnswersEmptyWhenTheWaitIsOver();
    void longPollSeesAnotherProcessWrite();
    void toolPlaysADepartment();
    void twoInstancesShareOneCursorSequence();
    void cleanupTestCase();

private:
    QString token(const QString &user);
    void restart();
    ApiResponse post(const QString &user, const QString &path, const QJsonValue &body = QJsonValue::Undefined);
    ApiResponse get(const QString &user, const QString &path, const Headers &extra = {});
    QJsonArray allEvents(const QString &user, qint64 after = 0);
    // Starts a long-poll of `user`'s window after `after`; the reply arrives later.
    QNetworkReply *startPoll(const QString &user, qint64 after, int wait);
    // The events of a finished long-poll (checked against the file).
    QJsonObject pollResult(QNetworkReply *reply);
    // The item of `matter` in case `caseId` among a department's items.
    QString itemOf(const QString &user, const QString &department, const QString &caseId, const QString &matter);

    QTemporaryDir m_dir;
    QJsonObject m_spec;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<BackOfficeProcess> m_server;
    QHash<QString, QString> m_tokens;
    QString m_case; // window 1's routed case
};

void TestBackOfficeRouting::initTestCase()
{
    m_spec = loadSpec();
    QVERIFY(!m_spec.isEmpty());
    m_api = std::make_unique<ApiClient>(m_spec);
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
    // Both windows enrol their keys: they may push from then on.
    for (const QString &window : {kW1, kW2}) {
        const QString failed = signedentries::enrol(*m_api, data, window);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }
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
    // The same year again replaces it.
    const QByteArray twoYears = r.headers.value("etag");
    a = runAdmin(data, {QStringLiteral("set-calendar"), QStringLiteral(OW_CALENDAR_DIR "/2026.json")});
    QVERIFY2(a.exitCode == 0, qPrintable(a.err));
    r = get(QString(), QStringLiteral("/v1/calendar"), {{QByteArrayLiteral("If-None-Match"), twoYears}});
    API_OK(r);
    QCOMPARE(r.status, 304);

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
        signedentries::numberOf(m_case, kW1));
    QCOMPARE(confirmed.value(QLatin1String("data")).toObject().value(QLatin1String("digest")).toString(),
        signedentries::decidedPayload(m_case, signedentries::numberOf(m_case, kW1), signedentries::keyOf(kW1))
            .value(QLatin1String("digest"))
            .toString());
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

void TestBackOfficeRouting::bundleIsRoutedByItsAnswers()
{
    // 开餐馆 as the client logs it: the bundle, then the answers that decide its items (a company,
    // 120 m², fumes, no signboard). The back office folds them as the client does.
    const QString caseId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QJsonArray log = caseLog(caseId, kW2, demoSha(), {});
    QJsonObject chosen = log.at(1).toObject();
    QJsonObject payload = chosen.value(QLatin1String("payload")).toObject();
    payload.insert(QStringLiteral("bundle"), QStringLiteral("open-restaurant"));
    chosen.insert(QStringLiteral("payload"), payload);
    QJsonObject decided = log.at(2).toObject();
    QJsonArray entries {log.at(0), chosen};
    const QList<QPair<QString, QJsonValue>> answers {{QStringLiteral("entity"), QStringLiteral("company")},
        {QStringLiteral("area"), 120}, {QStringLiteral("renovation"), false}, {QStringLiteral("fumes"), true},
        {QStringLiteral("signboard"), false}};
    int seq = 3;
    for (const auto &a : answers)
        entries.append(entry(caseId, seq++, kW2, QStringLiteral("answered"),
            {{QStringLiteral("question"), a.first}, {QStringLiteral("value"), a.second}}));
    // An answer withdrawn and given again, and a mark: the fold keeps the last word.
    entries.append(entry(caseId, seq++, kW2, QStringLiteral("answered"),
        {{QStringLiteral("question"), QStringLiteral("area")}, {QStringLiteral("value"), QJsonValue::Null}}));
    entries.append(entry(caseId, seq++, kW2, QStringLiteral("answered"),
        {{QStringLiteral("question"), QStringLiteral("area")}, {QStringLiteral("value"), 120}}));
    entries.append(entry(caseId, seq++, kW2, QStringLiteral("marked"),
        {{QStringLiteral("material"), QStringLiteral("id-card")},
            {QStringLiteral("how"), QStringLiteral("original")}}));
    const QJsonObject d = decided;
    entries.append(entry(caseId, seq, kW2, QStringLiteral("decided"), d.value(QLatin1String("payload")).toObject()));
    // Sent in two parts, the later one first: routing waits for the whole log.
    const qint64 last = allEvents(QStringLiteral("c2")).last().toObject().value(QLatin1String("cursor")).toInteger();
    ApiResponse r = post(QStringLiteral("c2"), QStringLiteral("/v1/cases/%1/entries").arg(caseId),
        QJsonArray {entries.at(entries.size() - 1), entries.at(entries.size() - 2)});
    API_OK(r);
    QCOMPARE(r.status, 202);
    QCOMPARE(allEvents(QStringLiteral("c2"), last).size(), 0);
    QJsonArray rest;
    for (qsizetype i = 0; i + 2 < entries.size(); ++i)
        rest.append(entries.at(i));
    r = post(QStringLiteral("c2"), QStringLiteral("/v1/cases/%1/entries").arg(caseId), rest);
    API_OK(r);
    QCOMPARE(r.status, 200);
    const QJsonArray events = allEvents(QStringLiteral("c2"), last);
    QStringList routedTo;
    QStringList amrItems;
    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        if (e.value(QLatin1String("type")).toString() != QLatin1String("routed"))
            continue;
        const QJsonObject data = e.value(QLatin1String("data")).toObject();
        routedTo << data.value(QLatin1String("department")).toString();
        if (routedTo.last() == QLatin1String("amr"))
            for (const QJsonValue &i : data.value(QLatin1String("items")).toArray())
                amrItems << i.toString();
    }
    QCOMPARE(eventTypes(events).first(), QStringLiteral("confirmed"));
    QCOMPARE(routedTo,
        (QStringList {QStringLiteral("amr"), QStringLiteral("eco"), QStringLiteral("fire"), QStringLiteral("police"),
            QStringLiteral("tax")}));
    QCOMPARE(amrItems.size(), 2); // 公司设立登记 and 食品经营许可 (over 50 m²), not the small-catering one
    QVERIFY(!itemOf(QStringLiteral("amr1"), QStringLiteral("amr"), caseId, kAmr1).isEmpty());
    QVERIFY(!itemOf(QStringLiteral("amr1"), QStringLiteral("amr"), caseId, kAmr3).isEmpty());
    QVERIFY(
        itemOf(QStringLiteral("amr1"), QStringLiteral("amr"), caseId, QStringLiteral("330106-XK-AMR-006")).isEmpty());
}

void TestBackOfficeRouting::departmentsSeeOnlyTheirItems()
{
    ApiResponse r = get(QStringLiteral("amr1"), QStringLiteral("/v1/departments/amr/items?state=routed"));
    API_OK(r);
    QCOMPARE(r.status, 200);
    for (const QJsonValue &v : r.object().value(QLatin1String("items")).toArray())
        QCOMPARE(v.toObject().value(QLatin1String("department")).toString(), QStringLiteral("amr"));
    // Two of case 1, one of case 2, two of the bundle.
    QCOMPARE(r.object().value(QLatin1String("items")).toArray().size(), 5);
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
    // A supplement request is also a task of the case at its window (issue 22): what to bring, by when.
    QJsonObject data = first.value(QLatin1String("data")).toObject();
    QCOMPARE(data.take(QStringLiteral("task")).toString(), QStringLiteral("item:") + a1);
    QCOMPARE(data.take(QStringLiteral("bring")).toString(), QStringLiteral("章程原件"));
    QVERIFY(QDate::fromString(data.take(QStringLiteral("dueBy")).toString(), Qt::ISODate).isValid());
    QCOMPARE(data.take(QStringLiteral("days")).toInt(), 5);
    QCOMPARE(data,
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

QNetworkReply *TestBackOfficeRouting::startPoll(const QString &user, qint64 after, int wait)
{
    QNetworkRequest request(QUrl(
        QStringLiteral("http://127.0.0.1:%1/v1/events?after=%2&wait=%3").arg(m_server->port()).arg(after).arg(wait)));
    request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token(user).toLatin1());
    request.setTransferTimeout((wait + 10) * 1000);
    return m_nam.get(request);
}

QJsonObject TestBackOfficeRouting::pollResult(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200) {
        qWarning("long-poll: %s", qPrintable(reply->errorString()));
        return QJsonObject();
    }
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    const QStringList wrong = m_api->validate(body,
        QJsonObject {{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Events")}}, QStringLiteral("poll"));
    if (!wrong.isEmpty())
        qWarning("long-poll answer: %s", qPrintable(wrong.join(QLatin1Char(' '))));
    return wrong.isEmpty() ? body : QJsonObject();
}

void TestBackOfficeRouting::longPollWakesWithinTheWait()
{
    const qint64 last = allEvents(QStringLiteral("c1")).last().toObject().value(QLatin1String("cursor")).toInteger();
    // The wait is 30 s; an expired wait answers with no events, so events prove the wake-up.
    QNetworkReply *poll = startPoll(QStringLiteral("c1"), last, 30);
    QTest::qWait(300); // the poll is held by now (the wake-up works either way)
    QVERIFY(!poll->isFinished());
    const QString caseId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QCOMPARE(post(QStringLiteral("c1"), QStringLiteral("/v1/cases/%1/entries").arg(caseId),
                 caseLog(caseId, kW1, demoSha(), {kHealth1}))
                 .status,
        200);
    QTRY_VERIFY_WITH_TIMEOUT(poll->isFinished(), 40000);
    const QJsonObject page = pollResult(poll);
    const QJsonArray events = page.value(QLatin1String("events")).toArray();
    QVERIFY(!events.isEmpty());
    QCOMPARE(events.at(0).toObject().value(QLatin1String("cursor")).toInteger(), last + 1);
    QCOMPARE(events.at(0).toObject().value(QLatin1String("case")).toString(), caseId);
    QCOMPARE(page.value(QLatin1String("cursor")).toInteger(),
        events.last().toObject().value(QLatin1String("cursor")).toInteger());
    // Window 2's long-poll is not woken by window 1's events.
    const qint64 last2 = allEvents(QStringLiteral("c2")).last().toObject().value(QLatin1String("cursor")).toInteger();
    QNetworkReply *other = startPoll(QStringLiteral("c2"), last2, 2);
    const QString more = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QCOMPARE(post(QStringLiteral("c1"), QStringLiteral("/v1/cases/%1/entries").arg(more),
                 caseLog(more, kW1, demoSha(), {kHealth1}))
                 .status,
        200);
    QTRY_VERIFY_WITH_TIMEOUT(other->isFinished(), 15000);
    const QJsonObject none = pollResult(other);
    QCOMPARE(none.value(QLatin1String("events")).toArray().size(), 0);
    QCOMPARE(none.value(QLatin1String("cursor")).toInteger(), last2);
}

void TestBackOfficeRouting::longPollAnswersEmptyWhenTheWaitIsOver()
{
    const qint64 last = allEvents(QStringLiteral("c1")).last().toObject().value(QLatin1String("cursor")).toInteger();
    QNetworkReply *poll = startPoll(QStringLiteral("c1"), last, 1);
    QTRY_VERIFY_WITH_TIMEOUT(poll->isFinished(), 15000);
    const QJsonObject page = pollResult(poll);
    QVERIFY(page.contains(QLatin1String("events")));
    QCOMPARE(page.value(QLatin1String("events")).toArray().size(), 0);
    QCOMPARE(page.value(QLatin1String("cursor")).toInteger(), last);
    // A poll whose client went away is dropped; the server goes on answering.
    QNetworkReply *gone = startPoll(QStringLiteral("c1"), last, 5);
    QTest::qWait(200);
    gone->abort();
    gone->deleteLater();
    const ApiResponse h = m_api->call("GET", QStringLiteral("/health"));
    QCOMPARE(h.status, 200);
}

void TestBackOfficeRouting::longPollSeesAnotherProcessWrite()
{
    // Another catalogue version (the demo's bytes plus a newline: another sha256); a case pinning
    // it is held, and the admin command (another process) routes it while window 1 waits.
    QByteArray bytes = readAll(QStringLiteral(OW_DEMO_CATALOG));
    bytes.append('\n');
    const QString path = m_dir.filePath(QStringLiteral("demo-2.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    f.close();
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const QString caseId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QCOMPARE(post(QStringLiteral("c1"), QStringLiteral("/v1/cases/%1/entries").arg(caseId),
                 caseLog(caseId, kW1, sha, {kAmr3}))
                 .status,
        200);
    const qint64 last = allEvents(QStringLiteral("c1")).last().toObject().value(QLatin1String("cursor")).toInteger();
    QNetworkReply *poll = startPoll(QStringLiteral("c1"), last, 30);
    QTest::qWait(300);
    const AdminRun a = runAdmin(m_dir.filePath(QStringLiteral("data")), {QStringLiteral("add-catalogue"), path});
    QVERIFY2(a.exitCode == 0, qPrintable(a.err));
    QVERIFY(a.out.contains(QLatin1String("routed 1 held case(s)")));
    QTRY_VERIFY_WITH_TIMEOUT(poll->isFinished(), 40000);
    const QJsonArray events = pollResult(poll).value(QLatin1String("events")).toArray();
    QCOMPARE(eventTypes(events), QStringList {QStringLiteral("routed")});
    QCOMPARE(events.at(0).toObject().value(QLatin1String("case")).toString(), caseId);
    QCOMPARE(events.at(0).toObject().value(QLatin1String("cursor")).toInteger(), last + 1);
}

namespace {

struct ToolRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

ToolRun runTool(const QStringList &args, const QString &token = QString())
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    if (token.isEmpty())
        env.remove(QStringLiteral("OW_BACKOFFICE_TOKEN"));
    else
        env.insert(QStringLiteral("OW_BACKOFFICE_TOKEN"), token);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(OW_TOOL), args);
    ToolRun r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished(5000);
        return r;
    }
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

void TestBackOfficeRouting::toolPlaysADepartment()
{
    const QString caseId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QCOMPARE(post(QStringLiteral("c1"), QStringLiteral("/v1/cases/%1/entries").arg(caseId),
                 caseLog(caseId, kW1, demoSha(), {kAmr3, kHealth1}))
                 .status,
        200);
    const qint64 last = allEvents(QStringLiteral("c1")).last().toObject().value(QLatin1String("cursor")).toInteger();
    const QString server = QStringLiteral("http://127.0.0.1:%1").arg(m_server->port());
    const QStringList amr {QStringLiteral("--server"), server, QStringLiteral("--user"), QStringLiteral("amr1"),
        QStringLiteral("--password"), kPassword};

    ToolRun r = runTool(QStringList {QStringLiteral("dept"), QStringLiteral("list"), QStringLiteral("--state"),
                            QStringLiteral("routed")}
        + amr);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QLatin1String("department amr: ")), qPrintable(r.out));
    QVERIFY(r.out.contains(caseId + QStringLiteral("  ") + kAmr3 + QStringLiteral("  routed")));
    // Under it what the department needs of the case: its number, the promised date, materials.
    QVERIFY2(r.out.contains(
                 QStringLiteral("    number ") + signedentries::numberOf(caseId, kW1) + QStringLiteral("  applicant ")),
        qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("  promised 20\\d\\d-\\d\\d-\\d\\d  \\d+ material"))),
        qPrintable(r.out));
    QVERIFY(!r.out.contains(kHealth1));

    // Usage errors and another department's item.
    r = runTool(QStringList {QStringLiteral("dept"), QStringLiteral("decide"), caseId, kAmr3,
                    QStringLiteral("--approve"), QStringLiteral("--ready")}
        + amr);
    QCOMPARE(r.exitCode, 2);
    r = runTool(
        QStringList {QStringLiteral("dept"), QStringLiteral("decide"), caseId, kHealth1, QStringLiteral("--approve")}
        + amr);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("has no item")), qPrintable(r.err));
    r = runTool(
        QStringList {QStringLiteral("dept"), QStringLiteral("decide"), caseId, kAmr3, QStringLiteral("--ready")} + amr);
    QCOMPARE(r.exitCode, 1); // not approved yet: the server's message
    QVERIFY2(r.err.contains(QLatin1String("approved")), qPrintable(r.err));
    r = runTool({QStringLiteral("dept"), QStringLiteral("list"), QStringLiteral("--server"), server,
        QStringLiteral("--user"), QStringLiteral("ghost"), QStringLiteral("--password"), QStringLiteral("wrong pw 1")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("sign-in failed")), qPrintable(r.err));

    r = runTool(
        QStringList {QStringLiteral("dept"), QStringLiteral("decide"), caseId, kAmr3, QStringLiteral("--approve")}
        + amr);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("case %1 item %2: approved\n").arg(caseId, kAmr3));
    r = runTool(
        QStringList {QStringLiteral("dept"), QStringLiteral("decide"), caseId, kAmr3, QStringLiteral("--ready")} + amr);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("case %1 item %2: ready\n").arg(caseId, kAmr3));
    // The health department by token, rejecting with a reason.
    r = runTool({QStringLiteral("dept"), QStringLiteral("decide"), caseId, kHealth1, QStringLiteral("--reject"),
                    QStringLiteral("场所不符合卫生要求"), QStringLiteral("--server"), server},
        token(QStringLiteral("hl1")));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("case %1 item %2: rejected\n").arg(caseId, kHealth1));

    const QJsonArray events = allEvents(QStringLiteral("c1"), last);
    QCOMPARE(eventTypes(events),
        (QStringList {
            QStringLiteral("decided"), QStringLiteral("ready"), QStringLiteral("decided"), QStringLiteral("handout")}));
    QCOMPARE(events.at(2).toObject().value(QLatin1String("data")).toObject().value(QLatin1String("reason")).toString(),
        QStringLiteral("场所不符合卫生要求"));
}

void TestBackOfficeRouting::twoInstancesShareOneCursorSequence()
{
    // A second back office on the same database: a long-poll on the first is answered when the
    // second writes (the once-a-second recheck), and concurrent writes to both keep one gapless
    // cursor sequence per window.
    BackOfficeProcess second;
    QVERIFY(second.start(m_dir.filePath(QStringLiteral("data"))));
    const qint64 last = allEvents(QStringLiteral("c1")).last().toObject().value(QLatin1String("cursor")).toInteger();
    QNetworkReply *poll = startPoll(QStringLiteral("c1"), last, 30);
    QTest::qWait(300);
    auto postTo = [this](quint16 port, const QString &caseId) {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/cases/%2/entries").arg(port).arg(caseId)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader(
            QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token(QStringLiteral("c1")).toLatin1());
        request.setTransferTimeout(20000);
        return m_nam.post(
            request, QJsonDocument(caseLog(caseId, kW1, demoSha(), {kAmr3, kHealth1})).toJson(QJsonDocument::Compact));
    };
    QNetworkReply *first = postTo(second.port(), QUuid::createUuid().toString(QUuid::WithoutBraces));
    QTRY_VERIFY_WITH_TIMEOUT(first->isFinished(), 20000);
    QCOMPARE(first->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    first->deleteLater();
    QTRY_VERIFY_WITH_TIMEOUT(poll->isFinished(), 40000);
    const QJsonArray woken = pollResult(poll).value(QLatin1String("events")).toArray();
    QVERIFY(!woken.isEmpty());
    QCOMPARE(woken.at(0).toObject().value(QLatin1String("cursor")).toInteger(), last + 1);

    // Eight cases at once, alternately to each instance; a 503 (SQLite's writer was busy) is
    // sent again, as a window's sync would.
    QHash<QString, quint16> pending;
    for (int i = 0; i < 8; ++i)
        pending.insert(QUuid::createUuid().toString(QUuid::WithoutBraces), i % 2 ? second.port() : m_server->port());
    for (int round = 0; round < 20 && !pending.isEmpty(); ++round) {
        QHash<QNetworkReply *, QString> inFlight;
        for (auto it = pending.cbegin(); it != pending.cend(); ++it)
            inFlight.insert(postTo(it.value(), it.key()), it.key());
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(inFlight.keyBegin(), inFlight.keyEnd(), [](QNetworkReply *r) { return r->isFinished(); }),
            30000);
        for (auto it = inFlight.cbegin(); it != inFlight.cend(); ++it) {
            const int status = it.key()->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            QVERIFY2(status == 200 || status == 503, qPrintable(QString::number(status)));
            if (status == 200)
                pending.remove(it.value());
            it.key()->deleteLater();
        }
    }
    QVERIFY(pending.isEmpty());
    const QJsonArray events = allEvents(QStringLiteral("c1"));
    QCOMPARE(events.last().toObject().value(QLatin1String("cursor")).toInteger(), last + 3 + 8 * 3);
    QSet<QString> cases;
    for (qsizetype i = 0; i < events.size(); ++i) {
        QCOMPARE(events.at(i).toObject().value(QLatin1String("cursor")).toInteger(), i + 1);
        if (i >= last)
            cases.insert(events.at(i).toObject().value(QLatin1String("case")).toString());
    }
    QCOMPARE(cases.size(), 9); // each case confirmed and routed once
    second.stop();
}

void TestBackOfficeRouting::cleanupTestCase()
{
    if (m_server)
        m_server->stop();
}

QTEST_GUILESS_MAIN(TestBackOfficeRouting)
#include "tst_backofficerouting.moc"
