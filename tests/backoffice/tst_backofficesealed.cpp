// Personal data sealed at the back office (issue 20, item 3): a demo day — `admin seed-demo`, then
// cases made through the client's IntakeWorkflow with the applicant read from a (simulated) ID
// card and scans attached, pushed by the client's own sync engine — leaves no name, ID number or
// address in the data folder (SQLite file, its WAL, the blob folder), in a pg_dump of the
// PostgreSQL database (`_pg`), or in the client's scans, in UTF-8, UTF-16 LE/BE or GB18030.
// Supervisors and admins read people masked unless they reveal them; every read is audited.
#include "ApiClient.h"
#include "RawHttp.h"

#include "onewindow/account/SyncLink.h"
#include "onewindow/catalog/Catalog.h"
#include "onewindow/core/Clock.h"
#include "onewindow/core/DemoAccounts.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/devicesim/SimIdCard.h"
#include "onewindow/idcard/CardDecoder.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/receipt/KeyRing.h"
#include "onewindow/receipt/WindowKey.h"
#include "onewindow/store/BlobStore.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/store/Store.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using ow::core::DemoAccounts;

namespace {

constexpr int kWait = 60000;
const QByteArray kAdminPassword("sealed test admin password");

struct Needle
{
    QString what;
    QByteArray bytes;
};

// Each text in UTF-8, UTF-16 LE and BE and GB18030.
QList<Needle> needlesOf(const QStringList &texts)
{
    QList<Needle> out;
    for (const QString &t : texts) {
        out.append({t + QStringLiteral(" (UTF-8)"), t.toUtf8()});
        QStringEncoder le(QStringEncoder::Utf16LE);
        out.append({t + QStringLiteral(" (UTF-16LE)"), le.encode(t)});
        QStringEncoder be(QStringEncoder::Utf16BE);
        out.append({t + QStringLiteral(" (UTF-16BE)"), be.encode(t)});
        QStringEncoder gb("GB18030");
        out.append({t + QStringLiteral(" (GB18030)"), gb.isValid() ? QByteArray(gb.encode(t)) : QByteArray()});
    }
    return out;
}

// "<file>: <needle>" for every needle found in `bytes`.
QStringList findIn(const QString &where, const QByteArray &bytes, const QList<Needle> &needles)
{
    QStringList found;
    for (const Needle &n : needles) {
        if (!n.bytes.isEmpty() && bytes.contains(n.bytes))
            found << where + QStringLiteral(": ") + n.what;
    }
    return found;
}

QStringList findInFolder(const QString &folder, const QList<Needle> &needles, int *files)
{
    QStringList found;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        ++*files;
        found << findIn(path, f.readAll(), needles);
    }
    return found;
}

QString pgDump()
{
    QDirIterator it(
        QStringLiteral("/usr/lib/postgresql"), {QStringLiteral("pg_dump")}, QDir::Files, QDirIterator::Subdirectories);
    return it.hasNext() ? it.next() : QString();
}

} // namespace

class TestBackOfficeSealed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void demoDayLeavesNoPersonalDataInClear();
    void rotatedKeyStillOpensEverything();
    void cleanupTestCase();

private:
    QByteArray signIn(const QString &user, const QByteArray &password);
    RawResponse get(const QByteArray &path, const QByteArray &token);
    // One accepted case through IntakeWorkflow: the applicant from `card`, `scans` attached.
    QString makeCase(ow::store::Store &store, ow::store::BlobStore &blobs, const ow::idcard::IdCardData &card,
        const QList<QByteArray> &scans, QStringList *shas);

    QTemporaryDir m_dir;
    QString m_server;
    QString m_client;
    QString m_keys;
    std::unique_ptr<BackOfficeProcess> m_process;
    QStringList m_cases;
    QStringList m_shas;
    ow::idcard::IdCardData m_card;
};

void TestBackOfficeSealed::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QStringEncoder("GB18030").isValid(), "this Qt has no GB18030 encoder");
    m_server = m_dir.filePath(QStringLiteral("backoffice"));
    m_client = m_dir.filePath(QStringLiteral("client"));
    m_keys = QDir(m_client).filePath(QStringLiteral("keys"));
    AdminRun r = runAdmin(m_server, {QStringLiteral("seed-demo"), QStringLiteral("--window-key-dir"), m_keys});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    r = runAdmin(m_server,
        {QStringLiteral("add-user"), QStringLiteral("--name"), QStringLiteral("sealed-admin"), QStringLiteral("--role"),
            QStringLiteral("admin")},
        kAdminPassword + '\n');
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = runAdmin(m_server,
        {QStringLiteral("add-user"), QStringLiteral("--name"), QStringLiteral("sealed-supervisor"),
            QStringLiteral("--role"), QStringLiteral("supervisor"), QStringLiteral("--windows"),
            DemoAccounts::window()},
        kAdminPassword + '\n');
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    m_process = std::make_unique<BackOfficeProcess>();
    QVERIFY(m_process->start(m_server));

    // The applicant: the demo resident card through the real decoder.
    const auto card = ow::idcard::CardDecoder::decodeText(
        ow::devicesim::SimIdCard::demo(ow::devicesim::SimIdCard::Type::Resident).textBlock());
    QVERIFY2(card, qPrintable(card.error()));
    m_card = card.value();
    QVERIFY(!m_card.name.isEmpty() && !m_card.idNumber.isEmpty() && !m_card.address.isEmpty());
}

QByteArray TestBackOfficeSealed::signIn(const QString &user, const QByteArray &password)
{
    const RawResponse s =
        RawHttp::request(m_process->port(), "POST", "/v1/sessions", {{"Content-Type", "application/json"}},
            QJsonDocument(
                QJsonObject {{QStringLiteral("name"), user}, {QStringLiteral("password"), QString::fromUtf8(password)}})
                .toJson(QJsonDocument::Compact));
    return QJsonDocument::fromJson(s.body).object().value(QLatin1String("token")).toString().toLatin1();
}

RawResponse TestBackOfficeSealed::get(const QByteArray &path, const QByteArray &token)
{
    return RawHttp::request(m_process->port(), "GET", path, {{"Authorization", "Bearer " + token}});
}

QString TestBackOfficeSealed::makeCase(ow::store::Store &store, ow::store::BlobStore &blobs,
    const ow::idcard::IdCardData &card, const QList<QByteArray> &scans, QStringList *shas)
{
    using ow::intake::IntakeWorkflow;
    const auto catalog = ow::Catalog::load(ow::Catalog::builtinPath());
    const auto calendar = ow::WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar"));
    const QString keyId = ow::receipt::KeyRing::demoKeyId(DemoAccounts::window());
    const auto key = ow::receipt::WindowKey::loadOrCreate(m_keys, keyId);
    if (!catalog || !calendar || !key)
        return QString();
    const QStringList window = DemoAccounts::window().split(QLatin1Char('-'));
    ow::intake::WindowConfig config;
    config.regionCode = window.at(0);
    config.windowCode = window.at(1);
    config.windowName = QStringLiteral("Demo window");
    config.clerk = DemoAccounts::clerk();
    IntakeWorkflow w(catalog.value(), calendar.value(), ow::Clock::system(), store, key.value(), config);
    QStringList errors;
    auto must = [&errors](const QString &err) {
        if (!err.isEmpty())
            errors << err;
    };
    must(w.start());
    // As the intake page takes a card (IntakePage::takeCard).
    const QJsonObject details {{QStringLiteral("card"), card.typeCode()}, {QStringLiteral("address"), card.address},
        {QStringLiteral("validUntil"),
            card.longTerm ? QStringLiteral("long-term") : card.validUntil.toString(Qt::ISODate)},
        {QStringLiteral("validFrom"), card.validFrom.toString(Qt::ISODate)},
        {QStringLiteral("birthDate"), card.birthDate.toString(Qt::ISODate)}};
    const auto person = ow::intake::Party::person(card.idNumber, card.name, details);
    if (!person)
        return QString();
    must(w.setApplicant(person.value()));
    must(w.choose(ow::checklist::Selection::ofBundle(QStringLiteral("open-restaurant"))));
    must(w.answer(QStringLiteral("entity"), QStringLiteral("individual")));
    must(w.answer(QStringLiteral("area"), QStringLiteral("120")));
    must(w.answer(QStringLiteral("renovation"), QStringLiteral("no")));
    must(w.answer(QStringLiteral("fumes"), QStringLiteral("yes")));
    must(w.answer(QStringLiteral("signboard"), QStringLiteral("no")));
    const auto lines = w.checklist().materials;
    for (int i = 0; i < lines.size(); ++i) {
        must(w.mark(lines.at(i).id, ow::checklist::Received::Original));
        if (i >= scans.size())
            continue;
        const auto sha = blobs.put(scans.at(i));
        if (!sha)
            return QString();
        shas->append(sha.value());
        must(w.attachDocument(lines.at(i).id, sha.value(), 1));
    }
    must(w.goTo(IntakeWorkflow::Step::Verdict));
    must(w.decide(IntakeWorkflow::Decision::Accept, QString()));
    must(w.recordPrinted(QStringLiteral("receipt-printer")));
    must(w.finish());
    if (!errors.isEmpty()) {
        qWarning("%s", qPrintable(errors.join(QLatin1String("; "))));
        return QString();
    }
    return w.caseId();
}

void TestBackOfficeSealed::demoDayLeavesNoPersonalDataInClear()
{
    auto store = ow::store::Store::open(m_client);
    QVERIFY2(store, qPrintable(store.error()));
    ow::store::BlobStore blobs(m_client);
    // Scans that carry the applicant in text (a PDF's text layer, UTF-16 BE as PDF strings are).
    QStringEncoder be(QStringEncoder::Utf16BE);
    const QString text = m_card.name + QLatin1Char(' ') + m_card.idNumber + QLatin1Char(' ') + m_card.address;
    const QList<QByteArray> scans {QByteArrayLiteral("%PDF-1.4\n(") + text.toUtf8() + ")\n%%EOF\n",
        QByteArrayLiteral("%PDF-1.4\n<FEFF") + QByteArray(be.encode(text)).toHex() + ">\n%%EOF\n"};
    for (int c = 0; c < 2; ++c) {
        const QString id = makeCase(store.value(), blobs, m_card, c == 0 ? scans : scans.mid(1), &m_shas);
        QVERIFY(!id.isEmpty());
        m_cases << id;
    }
    m_shas.removeDuplicates();

    // Pushed by the client's engine, as the demo client runs it.
    ow::sync::SyncConfig config;
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_process->port()));
    config.pollWaitSeconds = 1;
    config.backoffBaseMs = 200;
    config.backoffMaxMs = 2000;
    {
        ow::account::SyncLink link(m_client, config);
        link.setCredentials({DemoAccounts::clerk(), DemoAccounts::password(), QString(), false});
        link.start();
        ow::store::CaseLog log(store.value());
        QTRY_VERIFY_WITH_TIMEOUT(log.pendingCount() == 0, kWait);
    }

    // Nothing of the applicant in clear: the data folder while the server runs (database, WAL,
    // blobs, uploads), again after it stopped, a pg_dump, and the client's scans.
    const QList<Needle> needles = needlesOf({m_card.name, m_card.idNumber, m_card.address});
    int files = 0;
    QStringList found2 = findInFolder(m_server, needles, &files);
    QVERIFY2(found2.isEmpty(), qPrintable(found2.join(QLatin1Char('\n'))));
    if (!testOnPostgres()) {
        QVERIFY2(QDir(m_server).entryList({QStringLiteral("*-wal")}, QDir::Files).size() == 1,
            qPrintable(QDir(m_server).entryList().join(QLatin1Char(' '))));
    } else {
        const QString dump = pgDump();
        QVERIFY2(!dump.isEmpty(), "no pg_dump under /usr/lib/postgresql");
        QProcess p;
        p.start(dump, {QStringLiteral("--dbname=") + testDatabaseFor(m_server), QStringLiteral("--no-owner")});
        QVERIFY(p.waitForFinished(60000));
        const QByteArray sql = p.readAllStandardOutput();
        QVERIFY2(p.exitCode() == 0 && sql.contains("case_entries"), p.readAllStandardError().constData());
        const QStringList inDump = findIn(QStringLiteral("pg_dump"), sql, needles);
        QVERIFY2(inDump.isEmpty(), qPrintable(inDump.join(QLatin1Char('\n'))));
    }
    QVERIFY(QDir(m_server + QStringLiteral("/blobs")).exists());
    for (const QString &sha : std::as_const(m_shas)) {
        const QFileInfo stored(m_server + QStringLiteral("/blobs/") + sha.left(2) + QLatin1Char('/') + sha);
        QVERIFY(stored.exists());
        QCOMPARE(stored.permissions() & 0x7077, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    QVERIFY2(files >= m_shas.size() + (testOnPostgres() ? 0 : 2), qPrintable(QString::number(files)));
    int clientFiles = 0;
    const QStringList inClient = findInFolder(blobs.root(), needles, &clientFiles);
    QVERIFY2(inClient.isEmpty(), qPrintable(inClient.join(QLatin1Char('\n'))));
    QCOMPARE(clientFiles, m_shas.size());
    // The seal key is beside the data folder, never in it: a backup of the folder holds no key.
    const QString key = QDir::cleanPath(m_server) + QStringLiteral(".seal-key");
    QVERIFY(QFile::exists(key));
    QCOMPARE(QFileInfo(key).permissions() & 0x7077, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    // The reads of this test: an admin reads both cases masked and one revealed, and each scan;
    // the supervisor reads one case and searches by ID number (blind index).
    const QByteArray admin = signIn(QStringLiteral("sealed-admin"), kAdminPassword);
    const QByteArray supervisor = signIn(QStringLiteral("sealed-supervisor"), kAdminPassword);
    QVERIFY(!admin.isEmpty() && !supervisor.isEmpty());
    QStringList expected;
    for (const QString &id : std::as_const(m_cases)) {
        RawResponse r = get("/v1/cases/" + id.toLatin1(), admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("cache-control"), QByteArray("no-store"));
        QVERIFY2(!r.body.contains(m_card.idNumber.toUtf8()), r.body.constData());
        QVERIFY2(!r.body.contains(m_card.name.toUtf8()), r.body.constData());
        QVERIFY2(!r.body.contains(m_card.address.toUtf8()), r.body.constData());
        QVERIFY(r.body.contains(m_card.idNumber.left(4).toUtf8() + "**********" + m_card.idNumber.right(4).toUtf8()));
        expected << QStringLiteral("sealed-admin\tread-case\t") + id;
    }
    RawResponse revealed = get("/v1/cases/" + m_cases.first().toLatin1() + "?reveal=1", admin);
    QCOMPARE(revealed.status, 200);
    QVERIFY(revealed.body.contains(m_card.idNumber.toUtf8()));
    QVERIFY(revealed.body.contains(m_card.name.toUtf8()));
    expected << QStringLiteral("sealed-admin\treveal-case\t") + m_cases.first();
    for (const QString &sha : std::as_const(m_shas)) {
        const RawResponse r = get("/v1/blobs/" + sha.toLatin1(), admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(ow::store::BlobStore::sha256Hex(r.body), sha);
        QCOMPARE(r.header("cache-control"), QByteArray("no-store"));
        expected << QStringLiteral("sealed-admin\tread-blob\t") + sha;
    }
    QCOMPARE(get("/v1/cases/" + m_cases.last().toLatin1(), supervisor).status, 200);
    expected << QStringLiteral("sealed-supervisor\tread-case\t") + m_cases.last();
    RawResponse found = get("/v1/cases?idNumber=" + QUrl::toPercentEncoding(m_card.idNumber.toLower()), supervisor);
    QCOMPARE(found.status, 200);
    QCOMPARE(found.header("cache-control"), QByteArray("no-store"));
    const QJsonArray hits = QJsonDocument::fromJson(found.body).object().value(QLatin1String("cases")).toArray();
    QCOMPARE(hits.size(), 2);
    expected << QStringLiteral("sealed-supervisor\tsearch-id-number\t2 case(s)");
    found = get("/v1/cases?idNumber=110101199003070012", supervisor);
    QCOMPARE(found.status, 200);
    QVERIFY(QJsonDocument::fromJson(found.body).object().value(QLatin1String("cases")).toArray().isEmpty());
    expected << QStringLiteral("sealed-supervisor\tsearch-id-number\t0 case(s)");
    // A clerk does not search.
    QCOMPARE(get("/v1/cases?idNumber=" + m_card.idNumber.toLatin1(),
                 signIn(DemoAccounts::clerk(), DemoAccounts::password().toUtf8()))
                 .status,
        403);

    // The audit lists every read this test made, with who made it.
    const AdminRun audit = runAdmin(m_server, {QStringLiteral("audit")});
    QVERIFY2(audit.exitCode == 0, qPrintable(audit.err));
    for (const QString &line : std::as_const(expected))
        QVERIFY2(audit.out.contains(line), qPrintable(line + QStringLiteral(" not in:\n") + audit.out));
    QVERIFY2(!audit.out.contains(m_card.idNumber), qPrintable(audit.out));

    m_process->stop();
    files = 0;
    found2 = findInFolder(m_server, needles, &files);
    QVERIFY2(found2.isEmpty(), qPrintable(found2.join(QLatin1Char('\n'))));
    QVERIFY(m_process->start(m_server));
}

void TestBackOfficeSealed::rotatedKeyStillOpensEverything()
{
    QVERIFY(!m_cases.isEmpty());
    // While the server runs: it takes the new key from the file.
    const QString keyFile = QDir::cleanPath(m_server) + QStringLiteral(".seal-key");
    QFile before(keyFile);
    QVERIFY(before.open(QIODevice::ReadOnly));
    const QByteArray oldKeys = before.readAll();
    const AdminRun rotated = runAdmin(m_server, {QStringLiteral("rotate-seal-key")});
    QVERIFY2(rotated.exitCode == 0, qPrintable(rotated.err));
    QVERIFY2(rotated.out.contains(QStringLiteral("re-sealed")), qPrintable(rotated.out));
    QFile after(keyFile);
    QVERIFY(after.open(QIODevice::ReadOnly));
    const QByteArray newKeys = after.readAll();
    QVERIFY(newKeys.startsWith(oldKeys)); // the old keys stay, to open backups
    QVERIFY(newKeys.size() > oldKeys.size());
    const QByteArray admin = signIn(QStringLiteral("sealed-admin"), kAdminPassword);
    const RawResponse r = get("/v1/cases/" + m_cases.first().toLatin1() + "?reveal=1", admin);
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains(m_card.idNumber.toUtf8()));
    for (const QString &sha : std::as_const(m_shas))
        QCOMPARE(ow::store::BlobStore::sha256Hex(get("/v1/blobs/" + sha.toLatin1(), admin).body), sha);
    // The blind index survives the rotation.
    const RawResponse found = get("/v1/cases?idNumber=" + m_card.idNumber.toLatin1(), admin);
    QCOMPARE(QJsonDocument::fromJson(found.body).object().value(QLatin1String("cases")).toArray().size(), 2);
    // Only the old key in the file (a backup of the key without the rotation): nothing opens.
    m_process->stop();
    QFile restore(keyFile);
    QVERIFY(restore.open(QIODevice::WriteOnly | QIODevice::Truncate));
    restore.write(oldKeys);
    restore.close();
    QVERIFY(m_process->start(m_server));
    QCOMPARE(
        get("/v1/cases/" + m_cases.first().toLatin1(), signIn(QStringLiteral("sealed-admin"), kAdminPassword)).status,
        503);
}

void TestBackOfficeSealed::cleanupTestCase()
{
    if (m_process)
        m_process->stop();
}

QTEST_GUILESS_MAIN(TestBackOfficeSealed)
#include "tst_backofficesealed.moc"
