// The window's key is its identity (issue 20, items 2 and 5): a push is taken only from an enrolled
// window with a current key; revocation ends the window's sessions; the decided entry's digest and
// signature are checked against the key ring; the clerk comes from the token; a case id and a case
// number belong to one window. Cases are made by the real IntakeWorkflow and sent as the window's
// log says them; the hostile variants alter that JSON as a hostile client would.

#include "ApiClient.h"

#include "onewindow/account/Enrolment.h"
#include "onewindow/catalog/Catalog.h"
#include "onewindow/core/Clock.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/receipt/QrPayload.h"
#include "onewindow/receipt/ReceiptDocument.h"
#include "onewindow/receipt/WindowKey.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/store/CaseNumbering.h"
#include "onewindow/store/CaseRepository.h"
#include "onewindow/store/Store.h"
#include "onewindow/testsupport/RestaurantVisit.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const QString kPassword = QStringLiteral("correct horse 9");
const QString kW1 = QStringLiteral("330106-W01");
const QString kW2 = QStringLiteral("330106-W02");
const QString kW3 = QStringLiteral("330106-W03"); // never enrolled
constexpr qint64 kDay = 24 * 3600;

struct Made
{
    QString id;
    QString number;
    QString qr;
    QJsonArray entries;
};

} // namespace

class TestBackOfficeKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void unenrolledWindowIsRefused();
    void genuineCaseIsTaken();
    void forgedSignatureIsRefused();
    void madeUpDigestIsRefused();
    void forgedClerkIsReplaced();
    void caseOfAnotherWindowIsRefused();
    void caseNumbersAreUniquePerWindow();
    void revocationEndsSessionsAndPushes();
    void receiptVerifyKnowsTheRevocation();
    void reinstalledWindowContinuesItsNumbers();

private:
    // A case through the real workflow at window `code`, at `clock`'s time.
    Made make(const QString &code, const QString &clerk, const ow::Clock &clock);
    ApiResponse push(const QString &user, const QString &caseId, const QJsonArray &entries);
    QString token(const QString &user);
    ow::receipt::WindowKey key(const QString &keyId);
    static QJsonArray withPayload(
        QJsonArray entries, const QString &kind, const QString &field, const QJsonValue &value);

    QTemporaryDir m_dir;
    QString m_data;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<BackOfficeProcess> m_server;
    std::unique_ptr<ow::store::Store> m_store;
    QHash<QString, QString> m_tokens;
    Made m_first; // W01's genuine case, taken by the back office
};

ow::receipt::WindowKey TestBackOfficeKeys::key(const QString &keyId)
{
    auto k = ow::receipt::WindowKey::loadOrCreate(m_dir.filePath(QStringLiteral("keys")), keyId);
    if (!k)
        qFatal("key: %s", qPrintable(k.error()));
    return k.value();
}

void TestBackOfficeKeys::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_data = m_dir.filePath(QStringLiteral("data"));
    QFile specFile(QStringLiteral(OW_OPENAPI));
    QVERIFY(specFile.open(QIODevice::ReadOnly));
    m_api = std::make_unique<ApiClient>(QJsonDocument::fromJson(specFile.readAll()).object());
    QHash<QString, QString> codes;
    for (const QString &code : {QStringLiteral("W01"), QStringLiteral("W02"), QStringLiteral("W03")}) {
        const AdminRun r = runAdmin(m_data,
            {QStringLiteral("add-window"), QStringLiteral("--region"), QStringLiteral("330106"),
                QStringLiteral("--code"), code, QStringLiteral("--name"), QStringLiteral("综合窗口"),
                QStringLiteral("--kind"), QStringLiteral("window")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        codes.insert(QStringLiteral("330106-") + code, enrolmentCodeIn(r.out));
    }
    for (const auto &[user, window] : QList<QPair<QString, QString>> {{QStringLiteral("c1"), kW1},
             {QStringLiteral("c1b"), kW1}, {QStringLiteral("c2"), kW2}, {QStringLiteral("c3"), kW3}}) {
        const AdminRun r = runAdmin(m_data,
            {QStringLiteral("add-user"), QStringLiteral("--name"), user, QStringLiteral("--role"),
                QStringLiteral("clerk"), QStringLiteral("--window"), window},
            kPassword.toUtf8() + '\n');
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    m_server = std::make_unique<BackOfficeProcess>();
    QVERIFY(m_server->start(m_data));
    m_api->setPort(m_server->port());
    // W01 and W02 enrol their keys as the window does (POST /v1/enrol); W03 never does.
    for (const QString &window : {kW1, kW2}) {
        const ApiResponse r = m_api->call("POST", QStringLiteral("/v1/enrol"),
            QJsonObject {{QStringLiteral("code"), codes.value(window)}, {QStringLiteral("keyId"), window},
                {QStringLiteral("publicKey"), QString::fromLatin1(key(window).publicKey().toBase64())}});
        QVERIFY2(r.status == 201, r.raw.constData());
    }
    auto store = ow::store::Store::open(m_dir.filePath(QStringLiteral("window")));
    QVERIFY2(store, qPrintable(store ? QString() : store.error()));
    m_store = std::make_unique<ow::store::Store>(std::move(store.value()));
}

Made TestBackOfficeKeys::make(const QString &code, const QString &clerk, const ow::Clock &clock)
{
    using ow::intake::IntakeWorkflow;
    static const auto catalog = ow::Catalog::load(ow::Catalog::builtinPath());
    static const auto calendar = ow::WorkCalendar::loadDirectory(QStringLiteral(OW_CALENDAR_DIR));
    if (!catalog || !calendar)
        qFatal("catalogue: %s", qPrintable(catalog ? calendar.error() : catalog.error()));
    ow::intake::WindowConfig config;
    config.regionCode = QStringLiteral("330106");
    config.windowCode = code;
    config.windowName = QStringLiteral("Window ") + code;
    config.clerk = clerk;
    IntakeWorkflow w(catalog.value(), calendar.value(), clock, *m_store, key(config.keyId()), config);
    ow::testsupport::RestaurantVisit visit;
    visit.printAndFinish = false; // decided: the entries a forger would replay
    if (const QString why = ow::testsupport::walkRestaurant(w, visit); !why.isEmpty())
        qFatal("intake: %s", qPrintable(why));
    Made m;
    m.id = w.caseId();
    m.number = w.caseNumber();
    const auto log = ow::store::CaseLog(*m_store).entries(m.id);
    if (!log)
        qFatal("log: %s", qPrintable(log.error()));
    for (const auto &e : log.value()) {
        m.entries.append(e.toJson());
        if (e.kind == QLatin1String("decided"))
            m.qr = e.payload.value(QLatin1String("document")).toObject().value(QLatin1String("qrPayload")).toString();
    }
    if (m.qr.isEmpty())
        qFatal("no decided entry with a QR");
    return m;
}

QJsonArray TestBackOfficeKeys::withPayload(
    QJsonArray entries, const QString &kind, const QString &field, const QJsonValue &value)
{
    for (qsizetype i = 0; i < entries.size(); ++i) {
        QJsonObject e = entries.at(i).toObject();
        if (e.value(QLatin1String("kind")).toString() != kind)
            continue;
        QJsonObject p = e.value(QLatin1String("payload")).toObject();
        p.insert(field, value);
        e.insert(QStringLiteral("payload"), p);
        entries[i] = e;
    }
    return entries;
}

QString TestBackOfficeKeys::token(const QString &user)
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

ApiResponse TestBackOfficeKeys::push(const QString &user, const QString &caseId, const QJsonArray &entries)
{
    const ApiResponse r = m_api->call("POST", QStringLiteral("/v1/cases/%1/entries").arg(caseId), entries,
        {{"Authorization", "Bearer " + token(user).toLatin1()}});
    if (!r.violations.isEmpty())
        qWarning("%s", qPrintable(r.violations.join(QLatin1String("; "))));
    return r;
}

void TestBackOfficeKeys::unenrolledWindowIsRefused()
{
    const Made m = make(QStringLiteral("W03"), QStringLiteral("c3"), ow::Clock::system());
    const ApiResponse r = push(QStringLiteral("c3"), m.id, m.entries);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("window-not-enrolled"));
    QVERIFY(r.violations.isEmpty());
    // Uploads too.
    const ApiResponse up = m_api->call("POST", QStringLiteral("/v1/uploads"), QJsonValue::Undefined,
        {{"Authorization", "Bearer " + token(QStringLiteral("c3")).toLatin1()}, {"Tus-Resumable", "1.0.0"},
            {"Upload-Length", "10"}});
    QCOMPARE(up.status, 403);
    QCOMPARE(up.object().value(QLatin1String("error")).toString(), QStringLiteral("window-not-enrolled"));
    const ApiResponse read = m_api->call("GET", QStringLiteral("/v1/cases/%1").arg(m.id), QJsonValue::Undefined,
        {{"Authorization", "Bearer " + token(QStringLiteral("c3")).toLatin1()}});
    QCOMPARE(read.status, 404);
}

void TestBackOfficeKeys::genuineCaseIsTaken()
{
    m_first = make(QStringLiteral("W01"), QStringLiteral("c1"), ow::Clock::system());
    const ApiResponse r = push(QStringLiteral("c1"), m_first.id, m_first.entries);
    QVERIFY2(r.status == 200, r.raw.constData());
    QVERIFY(r.violations.isEmpty());
    // The same entries again: the same answer (nothing about the checks makes a resend differ).
    QCOMPARE(push(QStringLiteral("c1"), m_first.id, m_first.entries).status, 200);
}

void TestBackOfficeKeys::forgedSignatureIsRefused()
{
    const Made m = make(QStringLiteral("W01"), QStringLiteral("c1"), ow::Clock::system());
    // The same document, its QR signed by a key the back office never saw.
    const auto parsed = ow::receipt::QrPayload::parse(m.qr);
    QVERIFY(parsed);
    ow::receipt::QrPayload qr = parsed.value();
    const auto forger = ow::receipt::WindowKey::generate(kW1);
    QVERIFY(forger);
    const auto signature = forger->sign(qr.signedPart());
    QVERIFY(signature);
    qr.signature = signature.value();
    QJsonArray forged = m.entries;
    for (qsizetype i = 0; i < forged.size(); ++i) {
        QJsonObject e = forged.at(i).toObject();
        if (e.value(QLatin1String("kind")).toString() != QLatin1String("decided"))
            continue;
        QJsonObject p = e.value(QLatin1String("payload")).toObject();
        QJsonObject doc = p.value(QLatin1String("document")).toObject();
        doc.insert(QStringLiteral("qrPayload"), qr.encode());
        p.insert(QStringLiteral("document"), doc);
        e.insert(QStringLiteral("payload"), p);
        forged[i] = e;
    }
    const ApiResponse r = push(QStringLiteral("c1"), m.id, forged);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("bad-signature"));
    QVERIFY(r.violations.isEmpty());
    // Nothing of that batch was stored.
    const ApiResponse read = m_api->call("GET", QStringLiteral("/v1/cases/%1").arg(m.id), QJsonValue::Undefined,
        {{"Authorization", "Bearer " + token(QStringLiteral("c1")).toLatin1()}});
    QCOMPARE(read.status, 404);
    // The genuine entries are then taken.
    QCOMPARE(push(QStringLiteral("c1"), m.id, m.entries).status, 200);
}

void TestBackOfficeKeys::madeUpDigestIsRefused()
{
    const Made m = make(QStringLiteral("W01"), QStringLiteral("c1"), ow::Clock::system());
    const QJsonArray madeUp =
        withPayload(m.entries, QStringLiteral("decided"), QStringLiteral("digest"), QString(64, QLatin1Char('a')));
    ApiResponse r = push(QStringLiteral("c1"), m.id, madeUp);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("digest-mismatch"));
    // A changed document with its digest made to match: the signed QR does not vouch for it.
    QJsonArray altered = m.entries;
    for (qsizetype i = 0; i < altered.size(); ++i) {
        QJsonObject e = altered.at(i).toObject();
        if (e.value(QLatin1String("kind")).toString() != QLatin1String("decided"))
            continue;
        QJsonObject p = e.value(QLatin1String("payload")).toObject();
        QJsonObject doc = p.value(QLatin1String("document")).toObject();
        doc.insert(QStringLiteral("promisedDate"), QStringLiteral("2099-01-01"));
        auto parsed = ow::receipt::ReceiptDocument::fromJson(doc);
        QVERIFY(parsed);
        p.insert(QStringLiteral("document"), parsed->toJson());
        p.insert(QStringLiteral("digest"), QString::fromLatin1(parsed->digest().toHex()));
        e.insert(QStringLiteral("payload"), p);
        altered[i] = e;
    }
    r = push(QStringLiteral("c1"), m.id, altered);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("digest-mismatch"));
    QVERIFY(r.violations.isEmpty());
}

void TestBackOfficeKeys::forgedClerkIsReplaced()
{
    const Made m = make(QStringLiteral("W01"), QStringLiteral("c1"), ow::Clock::system());
    QJsonArray forged = m.entries;
    for (qsizetype i = 0; i < forged.size(); ++i) {
        QJsonObject e = forged.at(i).toObject();
        // The first entry names a colleague of the same window (a change of shift); the rest a
        // name that is no user of this window.
        e.insert(QStringLiteral("clerk"), i == 0 ? QStringLiteral("c1b") : QStringLiteral("李局长"));
        forged[i] = e;
    }
    QCOMPARE(push(QStringLiteral("c1"), m.id, forged).status, 200);
    const ApiResponse read = m_api->call("GET", QStringLiteral("/v1/cases/%1").arg(m.id), QJsonValue::Undefined,
        {{"Authorization", "Bearer " + token(QStringLiteral("c1")).toLatin1()}});
    QCOMPARE(read.status, 200);
    const QJsonArray stored = read.object().value(QLatin1String("entries")).toArray();
    QCOMPARE(stored.size(), forged.size());
    for (qsizetype i = 0; i < stored.size(); ++i)
        QCOMPARE(stored.at(i).toObject().value(QLatin1String("clerk")).toString(),
            i == 0 ? QStringLiteral("c1b") : QStringLiteral("c1"));
    // The same forged batch again is the same entries: acknowledged, not a conflict.
    QCOMPARE(push(QStringLiteral("c1"), m.id, forged).status, 200);
}

void TestBackOfficeKeys::caseOfAnotherWindowIsRefused()
{
    // Window 2 sends entries of its own under window 1's case id.
    const Made other = make(QStringLiteral("W02"), QStringLiteral("c2"), ow::Clock::system());
    QJsonArray claim = other.entries;
    for (qsizetype i = 0; i < claim.size(); ++i) {
        QJsonObject e = claim.at(i).toObject();
        e.insert(QStringLiteral("case"), m_first.id);
        claim[i] = e;
    }
    const ApiResponse r = push(QStringLiteral("c2"), m_first.id, claim);
    QCOMPARE(r.status, 403);
    QVERIFY(r.violations.isEmpty());
    // Window 2's own case is its own.
    QCOMPARE(push(QStringLiteral("c2"), other.id, other.entries).status, 200);
}

void TestBackOfficeKeys::caseNumbersAreUniquePerWindow()
{
    // A second case of window 1 with the number of its first.
    const Made second = make(QStringLiteral("W01"), QStringLiteral("c1"), ow::Clock::system());
    QJsonArray dup = withPayload(second.entries, QStringLiteral("started"), QStringLiteral("number"), m_first.number);
    ApiResponse r = push(QStringLiteral("c1"), second.id, dup);
    QCOMPARE(r.status, 409);
    QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("case-number-taken"));
    QVERIFY(r.violations.isEmpty());
    // Window 2 with a number of window 1's series.
    const Made third = make(QStringLiteral("W02"), QStringLiteral("c2"), ow::Clock::system());
    QString foreign = third.number;
    foreign.replace(kW2, kW1);
    foreign.chop(4);
    foreign += QStringLiteral("9999");
    r = push(QStringLiteral("c2"), third.id,
        withPayload(third.entries, QStringLiteral("started"), QStringLiteral("number"), foreign));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("case-number-foreign"));
    QVERIFY(r.violations.isEmpty());
    // The genuine ones are taken.
    QCOMPARE(push(QStringLiteral("c1"), second.id, second.entries).status, 200);
    QCOMPARE(push(QStringLiteral("c2"), third.id, third.entries).status, 200);
}

void TestBackOfficeKeys::revocationEndsSessionsAndPushes()
{
    const QByteArray before = "Bearer " + token(QStringLiteral("c1")).toLatin1();
    QCOMPARE(
        m_api->call("GET", QStringLiteral("/v1/sessions/current"), QJsonValue::Undefined, {{"Authorization", before}})
            .status,
        200);
    // Revoked two days from now (the admin command's clock is shifted), so that a receipt of today
    // was issued before the revocation.
    const AdminRun revoke =
        runAdmin(m_data, {QStringLiteral("revoke-key"), QStringLiteral("--window"), kW1}, {}, 2 * kDay);
    QVERIFY2(revoke.exitCode == 0, qPrintable(revoke.err));
    const ApiResponse old =
        m_api->call("GET", QStringLiteral("/v1/sessions/current"), QJsonValue::Undefined, {{"Authorization", before}});
    QCOMPARE(old.status, 401);
    // Window 2's sessions go on.
    QCOMPARE(m_api
                 ->call("GET", QStringLiteral("/v1/sessions/current"), QJsonValue::Undefined,
                     {{"Authorization", "Bearer " + token(QStringLiteral("c2")).toLatin1()}})
                 .status,
        200);
    // Signed in again, the clerk of the revoked window cannot push.
    m_tokens.remove(QStringLiteral("c1"));
    const Made m = make(QStringLiteral("W01"), QStringLiteral("c1"), ow::Clock::system());
    const ApiResponse r = push(QStringLiteral("c1"), m.id, m.entries);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.object().value(QLatin1String("error")).toString(), QStringLiteral("window-key-revoked"));
    QVERIFY(r.violations.isEmpty());
    // The ring keeps the key with its validity.
    const ApiResponse ring = m_api->call("GET", QStringLiteral("/v1/keyring"));
    QCOMPARE(ring.status, 200);
    QVERIFY(r.violations.isEmpty());
    QVERIFY(!ring.object().value(QLatin1String("keys")).toObject().contains(kW1));
    bool found = false;
    for (const QJsonValue &v : ring.object().value(QLatin1String("validity")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QLatin1String("keyId")).toString() == kW1) {
            found = true;
            QVERIFY(o.value(QLatin1String("revokedAt")).isString());
            QVERIFY(o.value(QLatin1String("enrolledAt")).isString());
        }
    }
    QVERIFY(found);
}

void TestBackOfficeKeys::receiptVerifyKnowsTheRevocation()
{
    // The published ring, as a window keeps it.
    const ApiResponse ring = m_api->call("GET", QStringLiteral("/v1/keyring"));
    QCOMPARE(ring.status, 200);
    const QString ringFile = m_dir.filePath(QStringLiteral("ring.json"));
    QFile f(ringFile);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(ring.raw);
    f.close();
    auto verify = [&ringFile](const QString &qr) {
        QProcess p;
        p.start(QStringLiteral(OW_TOOL),
            {QStringLiteral("receipt"), QStringLiteral("verify"), QStringLiteral("--payload"), qr,
                QStringLiteral("--keys"), ringFile});
        if (!p.waitForFinished(30000))
            qFatal("onewindow-tool did not finish");
        return std::make_pair(
            p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()) + QString::fromUtf8(p.readAllStandardError()));
    };
    // Issued today, before the revocation (two days from now): genuine, and it says so.
    const auto [okCode, okText] = verify(m_first.qr);
    QVERIFY2(okCode == 0, qPrintable(okText));
    QVERIFY2(okText.contains(QStringLiteral("genuine")), qPrintable(okText));
    QVERIFY2(okText.contains(QStringLiteral("revoked on ")), qPrintable(okText));
    // Issued with the same key four days from now, after the revocation: refused.
    const ow::FixedClock later(QDateTime::currentDateTime().addSecs(4 * kDay));
    const Made after = make(QStringLiteral("W01"), QStringLiteral("c1"), later);
    const auto [badCode, badText] = verify(after.qr);
    QVERIFY2(badCode != 0, qPrintable(badText));
    QVERIFY2(badText.contains(QStringLiteral("rejected")) && badText.contains(QStringLiteral("revoked")),
        qPrintable(badText));
}

void TestBackOfficeKeys::reinstalledWindowContinuesItsNumbers()
{
    // Window 1 (its key revoked above) is reinstalled: a new store, a new key, a new code. Its
    // numbers continue after the ones the back office holds, so its next case is not refused.
    const AdminRun code = runAdmin(m_data, {QStringLiteral("new-code"), QStringLiteral("--window"), kW1});
    QVERIFY2(code.exitCode == 0, qPrintable(code.err));
    const QString fresh = m_dir.filePath(QStringLiteral("reinstalled"));
    ow::account::Enrolment enrolment(fresh);
    QSignalSpy done(&enrolment, &ow::account::Enrolment::finished);
    enrolment.start(QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()), kW1, enrolmentCodeIn(code.out));
    QVERIFY(done.wait(20000));
    QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));

    auto store = ow::store::Store::open(fresh);
    QVERIFY2(store, qPrintable(store ? QString() : store.error()));
    QString next;
    const QString err = store.value().transact([&next](QSqlDatabase &db) {
        auto n = ow::store::CaseNumbering::takeNumber(
            db, QStringLiteral("330106"), QStringLiteral("W01"), QDate::currentDate());
        if (!n)
            return n.error();
        next = n.value();
        return QString();
    });
    QVERIFY2(err.isEmpty(), qPrintable(err));
    // m_first was W01's first number of today; the one after it is taken by the back office too.
    const QString first = m_first.number;
    QCOMPARE(first.left(first.lastIndexOf(QLatin1Char('-'))), next.left(next.lastIndexOf(QLatin1Char('-'))));
    QVERIFY2(next.mid(next.lastIndexOf(QLatin1Char('-')) + 1).toInt() > first.mid(first.lastIndexOf(u'-') + 1).toInt(),
        qPrintable(next + QStringLiteral(" after ") + first));
}

QTEST_GUILESS_MAIN(TestBackOfficeKeys)
#include "tst_backofficekeys.moc"
