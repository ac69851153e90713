// What a department reads of its items (GET /v1/departments/{code}/items): the case number, the
// applicant masked (never the full name or ID number, neither in the answer nor in the items
// table), the promised date as the receipt promises it, and the item's materials with links to
// their scans. Cases are made at a window through the real IntakeWorkflow (an ID-card applicant
// with scanned materials, a company identified by its business licence's QR) and pushed by the
// real sync engine to a real back office (admin seed-demo); SQLite, and PostgreSQL as `_pg`.
#include "ApiClient.h"

#include "onewindow/account/SyncLink.h"
#include "onewindow/catalog/Catalog.h"
#include "onewindow/core/Clock.h"
#include "onewindow/core/DemoAccounts.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/receipt/KeyRing.h"
#include "onewindow/receipt/WindowKey.h"
#include "onewindow/scan/LicenceQr.h"
#include "onewindow/store/BlobStore.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/store/Store.h"
#include "onewindow/sync/SyncJournal.h"
#include "onewindow/sync/SyncService.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using ow::core::DemoAccounts;
using ow::intake::IntakeWorkflow;

#define API_OK(r) QVERIFY2((r).violations.isEmpty(), qPrintable((r).violations.join(QLatin1Char('\n'))))

namespace {

constexpr int kWait = 30000;
const QString kPersonId = QStringLiteral("33010619900101123X");
const QString kPersonName = QStringLiteral("李建国");
const QString kCreditCode = QStringLiteral("91310110666007217T");
const QString kCompany = QStringLiteral("杭州味道餐饮有限公司");

QJsonObject loadSpec()
{
    QFile f(QStringLiteral(OW_OPENAPI));
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

// A business licence's QR as the national credit system prints it.
QString licenceQr(const QString &creditCode, const QString &name)
{
    QUrl url(QStringLiteral("https://www.gsxt.gov.cn/index.html"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("uniscid"), creditCode);
    query.addQueryItem(QStringLiteral("entname"), name);
    url.setQuery(query);
    return QString::fromUtf8(url.toEncoded());
}

// What the window decided, as the tests compare it with the department's items.
struct Made
{
    QString caseId;
    QString number;
    QDate promised; // the receipt's
    QDate decidedOn; // the window's day of the decision
    QHash<QString, QStringList> materialsOf; // matter → the material ids its checklist needs
    QHash<QString, QString> statusOf; // material id → its line's status at the decision
    QHash<QString, QPair<QString, int>> scans; // material id → (sha256, pages)
    QHash<QString, qint64> sizes; // sha256 → bytes
};

} // namespace

class TestBackOfficeItems : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void itemsCarryWhatTheDepartmentNeeds_data();
    void itemsCarryWhatTheDepartmentNeeds();
    void cleanupTestCase();

private:
    // A case through the workflow as the clerk makes it: the applicant identified (ID card or
    // licence QR), the bundle chosen, the questions answered, every material received and the
    // first `scanned` of them scanned (2 pages each), accepted and printed.
    bool makeCase(
        bool company, const QString &bundle, const QList<QPair<QString, QString>> &answers, int scanned, Made *made);
    QByteArray token(const QString &user);

    QTemporaryDir m_dir;
    QString m_serverDir;
    BackOfficeProcess m_server;
    std::unique_ptr<ApiClient> m_api;
    QString m_clientDir;
    QString m_keysDir;
    std::optional<ow::store::Store> m_store;
    std::optional<ow::Catalog> m_catalog;
    std::optional<ow::WorkCalendar> m_calendar;
    std::unique_ptr<ow::account::SyncLink> m_link;
};

void TestBackOfficeItems::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_serverDir = m_dir.filePath(QStringLiteral("backoffice"));
    m_clientDir = m_dir.filePath(QStringLiteral("window"));
    m_keysDir = QDir(m_clientDir).filePath(QStringLiteral("keys"));
    const AdminRun seeded =
        runAdmin(m_serverDir, {QStringLiteral("seed-demo"), QStringLiteral("--window-key-dir"), m_keysDir});
    QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.out + seeded.err));
    QVERIFY2(m_server.start(m_serverDir), qPrintable(m_server.stderrText()));
    m_api = std::make_unique<ApiClient>(loadSpec());
    m_api->setPort(m_server.port());

    auto store = ow::store::Store::open(m_clientDir);
    QVERIFY2(store, qPrintable(store.error()));
    m_store.emplace(std::move(store.value()));
    auto catalog = ow::Catalog::load(ow::Catalog::builtinPath());
    QVERIFY2(catalog, qPrintable(catalog.error()));
    m_catalog.emplace(std::move(catalog.value()));
    auto calendar = ow::WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar"));
    QVERIFY2(calendar, qPrintable(calendar.error()));
    m_calendar.emplace(std::move(calendar.value()));

    ow::sync::SyncConfig config;
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port()));
    config.pollWaitSeconds = 2;
    config.backoffBaseMs = 200;
    config.backoffMaxMs = 2000;
    m_link = std::make_unique<ow::account::SyncLink>(m_clientDir, config);
    m_link->setCredentials({DemoAccounts::clerk(), DemoAccounts::password(), QString(), false});
    m_link->start();
}

void TestBackOfficeItems::cleanupTestCase()
{
    m_link.reset();
    m_server.stop();
}

bool TestBackOfficeItems::makeCase(
    bool company, const QString &bundle, const QList<QPair<QString, QString>> &answers, int scanned, Made *made)
{
    const QStringList window = DemoAccounts::window().split(QLatin1Char('-'));
    const auto key =
        ow::receipt::WindowKey::loadOrCreate(m_keysDir, ow::receipt::KeyRing::demoKeyId(DemoAccounts::window()));
    if (!key) {
        qWarning("%s", qPrintable(key.error()));
        return false;
    }
    ow::intake::WindowConfig config;
    config.regionCode = window.at(0);
    config.windowCode = window.at(1);
    config.windowName = QStringLiteral("综合窗口1");
    config.clerk = QStringLiteral("Demo clerk");
    IntakeWorkflow w(*m_catalog, *m_calendar, ow::Clock::system(), *m_store, key.value(), config);
    QStringList errors;
    auto must = [&errors](const QString &err) {
        if (!err.isEmpty())
            errors << err;
    };
    must(w.start());
    if (company) {
        // The licence's QR, read as the window reads it (IntakePage::takeLicence).
        const auto licence = ow::scan::LicenceQr::parse(licenceQr(kCreditCode, kCompany));
        if (!licence) {
            qWarning("%s", qPrintable(licence.error()));
            return false;
        }
        const auto party = ow::intake::Party::company(licence->creditCode, licence->name);
        if (!party) {
            qWarning("%s", qPrintable(party.error()));
            return false;
        }
        must(w.setApplicant(party.value()));
    } else {
        const auto party = ow::intake::Party::person(kPersonId, kPersonName);
        if (!party) {
            qWarning("%s", qPrintable(party.error()));
            return false;
        }
        must(w.setApplicant(party.value()));
    }
    must(w.choose(ow::checklist::Selection::ofBundle(bundle)));
    for (const auto &a : answers)
        must(w.answer(a.first, a.second));
    ow::store::BlobStore blobs(m_clientDir);
    const auto lines = w.checklist().materials; // a copy: each mark() recomputes the checklist
    for (int i = 0; i < lines.size(); ++i) {
        must(w.mark(lines.at(i).id, ow::checklist::Received::Original));
        if (i >= scanned)
            continue;
        // The scanned PDF as the blob store keeps it (a distinct one per material and case).
        const QByteArray pdf = QByteArrayLiteral("%PDF-1.7\n% scanned ") + lines.at(i).id.toUtf8() + ' '
            + w.caseId().toUtf8() + QByteArray(2000 + 100 * i, 'x') + QByteArrayLiteral("\n%%EOF\n");
        const auto sha = blobs.put(pdf);
        if (!sha) {
            qWarning("%s", qPrintable(sha.error()));
            return false;
        }
        must(w.attachDocument(lines.at(i).id, sha.value(), 2));
        made->scans.insert(lines.at(i).id, {sha.value(), 2});
        made->sizes.insert(sha.value(), pdf.size());
    }
    must(w.goTo(IntakeWorkflow::Step::Verdict));
    for (const auto &line : w.checklist().materials) {
        made->statusOf.insert(line.id, ow::checklist::statusKey(line.status));
        for (const auto &need : line.neededBy)
            made->materialsOf[need.matter] << line.id;
    }
    must(w.decide(IntakeWorkflow::Decision::Accept, QString()));
    if (!errors.isEmpty()) {
        qWarning("%s", qPrintable(errors.join(QLatin1String("; "))));
        return false;
    }
    made->caseId = w.caseId();
    made->number = w.document().caseNumber;
    made->promised = w.document().promisedDate;
    made->decidedOn = w.document().issuedAt.date();
    must(w.recordPrinted(QStringLiteral("receipt-printer")));
    must(w.finish());
    if (!errors.isEmpty())
        qWarning("%s", qPrintable(errors.join(QLatin1String("; "))));
    return errors.isEmpty();
}

QByteArray TestBackOfficeItems::token(const QString &user)
{
    const auto r = m_api->call("POST", QStringLiteral("/v1/sessions"),
        QJsonObject {{QStringLiteral("name"), user}, {QStringLiteral("password"), DemoAccounts::password()}});
    return r.object().value(QLatin1String("token")).toString().toLatin1();
}

void TestBackOfficeItems::itemsCarryWhatTheDepartmentNeeds_data()
{
    QTest::addColumn<bool>("company");
    QTest::addColumn<QString>("bundle");
    QTest::addColumn<QStringList>("answers"); // question=value
    QTest::addColumn<int>("scanned");
    QTest::newRow("person, 开餐馆, scans")
        << false << QStringLiteral("open-restaurant")
        << QStringList {QStringLiteral("entity=individual"), QStringLiteral("area=120"),
               QStringLiteral("renovation=no"), QStringLiteral("fumes=yes"), QStringLiteral("signboard=yes")}
        << 3;
    QTest::newRow("licence company, 开便利店") << true << QStringLiteral("open-convenience-store")
                                               << QStringList {QStringLiteral("food=prepackaged"),
                                                      QStringLiteral("tobacco=yes"), QStringLiteral("signboard=no")}
                                               << 1;
}

void TestBackOfficeItems::itemsCarryWhatTheDepartmentNeeds()
{
    QFETCH(bool, company);
    QFETCH(QString, bundle);
    QFETCH(QStringList, answers);
    QFETCH(int, scanned);
    QList<QPair<QString, QString>> pairs;
    for (const QString &a : answers)
        pairs.append({a.section(QLatin1Char('='), 0, 0), a.section(QLatin1Char('='), 1)});
    Made made;
    QVERIFY(makeCase(company, bundle, pairs, scanned, &made));
    QVERIFY(made.promised.isValid());
    m_link->engine()->kick();
    // Routed in the transaction that applied the decision: the window's puller hears of it.
    QTRY_VERIFY_WITH_TIMEOUT(
        !ow::sync::SyncJournal(*m_store).remote(made.caseId).value(QLatin1String("routed")).toObject().isEmpty(),
        kWait);

    QHash<QString, const ow::Matter *> matters;
    for (const ow::Matter &m : m_catalog->matters())
        matters.insert(m.code, &m);
    const QJsonObject routed =
        ow::sync::SyncJournal(*m_store).remote(made.caseId).value(QLatin1String("routed")).toObject();
    QDate latest;
    int seen = 0;
    for (auto dep = routed.begin(); dep != routed.end(); ++dep) {
        const auto r = m_api->call("GET", QStringLiteral("/v1/departments/%1/items").arg(dep.key()),
            QJsonValue::Undefined, {{"Authorization", "Bearer " + token(DemoAccounts::departmentUser(dep.key()))}});
        QCOMPARE(r.status, 200);
        API_OK(r);
        // Never the full name or ID number, not even a part of the ID that is masked.
        QVERIFY2(!r.raw.contains(kPersonName.toUtf8()), r.raw.constData());
        QVERIFY2(!r.raw.contains(kPersonId.toUtf8()), r.raw.constData());
        QVERIFY2(!r.raw.contains(QByteArrayLiteral("19900101")), r.raw.constData());
        for (const QJsonValue &v : r.object().value(QLatin1String("items")).toArray()) {
            const QJsonObject item = v.toObject();
            if (item.value(QLatin1String("case")).toString() != made.caseId)
                continue;
            ++seen;
            const QString matter = item.value(QLatin1String("matter")).toString();
            QVERIFY2(matters.contains(matter), qPrintable(matter));
            QCOMPARE(item.value(QLatin1String("caseNumber")).toString(), made.number);
            const QJsonObject applicant = item.value(QLatin1String("applicant")).toObject();
            if (company) {
                QCOMPARE(applicant.value(QLatin1String("kind")).toString(), QStringLiteral("company"));
                QCOMPARE(applicant.value(QLatin1String("name")).toString(), kCompany);
                QCOMPARE(applicant.value(QLatin1String("number")).toString(), kCreditCode);
            } else {
                QCOMPARE(applicant.value(QLatin1String("kind")).toString(), QStringLiteral("person"));
                QCOMPARE(applicant.value(QLatin1String("name")).toString(), QStringLiteral("李*"));
                QCOMPARE(applicant.value(QLatin1String("number")).toString(), QStringLiteral("3301**********123X"));
            }
            // The matter's own time limit from the window's day of the decision, by the calendar.
            const QDate promised = QDate::fromString(item.value(QLatin1String("promisedDate")).toString(), Qt::ISODate);
            QCOMPARE(promised, m_calendar->addWorkingDays(made.decidedOn, matters.value(matter)->promisedDays));
            QVERIFY2(promised <= made.promised, qPrintable(matter));
            if (!latest.isValid() || promised > latest)
                latest = promised;
            // Exactly the materials the window's checklist said this item needs, with their scans.
            QStringList ids;
            for (const QJsonValue &mv : item.value(QLatin1String("materials")).toArray()) {
                const QJsonObject m = mv.toObject();
                const QString id = m.value(QLatin1String("material")).toString();
                ids << id;
                QVERIFY(!m.value(QLatin1String("name")).toString().isEmpty());
                QCOMPARE(m.value(QLatin1String("status")).toString(), made.statusOf.value(id));
                const QJsonArray scans = m.value(QLatin1String("scans")).toArray();
                if (!made.scans.contains(id)) {
                    QVERIFY2(scans.isEmpty(), qPrintable(id));
                    continue;
                }
                QCOMPARE(scans.size(), 1);
                const QJsonObject scan = scans.first().toObject();
                const QString sha = made.scans.value(id).first;
                QCOMPARE(scan.value(QLatin1String("sha256")).toString(), sha);
                QCOMPARE(scan.value(QLatin1String("href")).toString(), QStringLiteral("/v1/blobs/") + sha);
                QCOMPARE(scan.value(QLatin1String("pages")).toInt(), made.scans.value(id).second);
                QCOMPARE(scan.value(QLatin1String("bytes")).toInteger(), made.sizes.value(sha));
            }
            QStringList expected = made.materialsOf.value(matter);
            expected.removeDuplicates();
            expected.sort();
            ids.sort();
            QCOMPARE(ids, expected);
        }
    }
    QVERIFY(seen >= 2);
    // The receipt promises the latest of its items' dates.
    QCOMPARE(latest, made.promised);

    // Nor is the full name or ID number kept with the items.
    const QString connection = QStringLiteral("items-%1").arg(QString::fromUtf8(QTest::currentDataTag()));
    {
        QSqlDatabase db = openTestDatabase(m_serverDir, connection);
        QVERIFY(db.isOpen());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT applicant, case_number, promised_date, materials FROM items")));
        int rows = 0;
        while (q.next()) {
            ++rows;
            for (int c = 0; c < 4; ++c) {
                QVERIFY(!q.value(c).toString().contains(kPersonName));
                QVERIFY(!q.value(c).toString().contains(kPersonId));
            }
        }
        QVERIFY(rows >= seen);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

QTEST_GUILESS_MAIN(TestBackOfficeItems)
#include "tst_backofficeitems.moc"
