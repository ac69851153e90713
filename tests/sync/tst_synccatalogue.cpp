// A catalogue refreshed from the back office becomes a new version for new cases only: the engine
// keeps it as catalogues/<version>.json, CatalogueShelf names it for new cases, and a case opened
// before keeps the version pinned on it.
#include "SyncFixture.h"

#include "onewindow/catalog/Catalog.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/receipt/KeyRing.h"
#include "onewindow/receipt/QrPayload.h"
#include "onewindow/receipt/WindowKey.h"
#include "onewindow/sync/CatalogueShelf.h"
#include "onewindow/sync/SyncEngine.h"
#include "onewindow/sync/TrustedKeys.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace synctest;
using ow::sync::CatalogueShelf;
using ow::sync::SyncEngine;

class TestSyncCatalogue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void shelfChecksWhatItKeeps();
    void refreshedCatalogueForNewCasesOnly();
    void keyRingBecomesTrustedKeys();

private:
    // The demo catalogue under another version (other bytes, so another sha256).
    QByteArray demoAs(const QString &version) const;
    QString addCatalogue(const QString &serverDir, const QByteArray &json);

    QTemporaryDir m_dir;
    QByteArray m_demo;
};

void TestSyncCatalogue::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile demo(ow::Catalog::builtinPath());
    QVERIFY(demo.open(QIODevice::ReadOnly));
    m_demo = demo.readAll();
}

QByteArray TestSyncCatalogue::demoAs(const QString &version) const
{
    QJsonObject o = QJsonDocument::fromJson(m_demo).object();
    o.insert(QStringLiteral("version"), version);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QString TestSyncCatalogue::addCatalogue(const QString &serverDir, const QByteArray &json)
{
    const QString path = m_dir.filePath(QStringLiteral("add.json"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(json) != json.size())
        return QStringLiteral("cannot write %1").arg(path);
    f.close();
    QProcess p;
    p.start(backOfficeBinary(),
        {QStringLiteral("admin"), QStringLiteral("add-catalogue"), path, QStringLiteral("--data-dir"), serverDir});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return QStringLiteral("add-catalogue: ") + QString::fromUtf8(p.readAllStandardError());
    return QString();
}

void TestSyncCatalogue::shelfChecksWhatItKeeps()
{
    const QString dataDir = m_dir.filePath(QStringLiteral("shelf"));
    const CatalogueShelf shelf(dataDir);
    QCOMPARE(shelf.forNewCases(ow::Catalog::builtinPath()), ow::Catalog::builtinPath());
    QVERIFY(shelf.currentVersion().isEmpty());

    const QByteArray v1 = demoAs(QStringLiteral("2026.12 第一版"));
    const QString sha1 = QString::fromLatin1(QCryptographicHash::hash(v1, QCryptographicHash::Sha256).toHex());
    // Bytes that are not what was announced, or not a catalogue, are not kept.
    QVERIFY(!shelf.add(v1, QString(64, QLatin1Char('0'))));
    const QByteArray broken = QByteArray(v1).replace("\"departments\"", "\"departmentz\"");
    QVERIFY(
        !shelf.add(broken, QString::fromLatin1(QCryptographicHash::hash(broken, QCryptographicHash::Sha256).toHex())));
    QCOMPARE(shelf.forNewCases(QStringLiteral("fallback")), QStringLiteral("fallback"));

    const auto kept = shelf.add(v1, sha1);
    QVERIFY2(kept, qPrintable(kept.error()));
    QCOMPARE(QFileInfo(kept.value()).fileName(), QStringLiteral("2026.12____.json"));
    QCOMPARE(shelf.forNewCases(QStringLiteral("fallback")), kept.value());
    QCOMPARE(shelf.currentVersion(), QStringLiteral("2026.12 第一版"));
    QCOMPARE(shelf.currentSha256(), sha1);
    const auto loaded = ow::Catalog::load(kept.value());
    QVERIFY2(loaded, qPrintable(loaded.error()));
    QCOMPARE(loaded->sha256(), sha1);

    // Another catalogue under the same version: a file of its own, the first one untouched.
    const QByteArray again = v1 + "\n";
    const QString sha2 = QString::fromLatin1(QCryptographicHash::hash(again, QCryptographicHash::Sha256).toHex());
    const auto second = shelf.add(again, sha2);
    QVERIFY2(second, qPrintable(second.error()));
    QVERIFY(second.value() != kept.value());
    QCOMPARE(shelf.forNewCases(QString()), second.value());
    QFile first(kept.value());
    QVERIFY(first.open(QIODevice::ReadOnly));
    QCOMPARE(first.readAll(), v1);
}

void TestSyncCatalogue::refreshedCatalogueForNewCasesOnly()
{
    const QString serverDir = m_dir.filePath(QStringLiteral("server"));
    const QString setUp = setUpWindow(serverDir);
    QVERIFY2(setUp.isEmpty(), qPrintable(setUp));
    const QString v1 = QStringLiteral("2026.12-one");
    const QString v2 = QStringLiteral("2027.01-two");
    QString err = addCatalogue(serverDir, demoAs(v1));
    QVERIFY2(err.isEmpty(), qPrintable(err));
    Server server;
    QVERIFY(server.start(serverDir));

    const QString clientDir = m_dir.filePath(QStringLiteral("client"));
    auto store = ow::store::Store::open(clientDir);
    QVERIFY2(store, qPrintable(store.error()));
    ow::sync::SyncConfig config;
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
    config.user = kClerk;
    config.password = kPassword;
    config.pull = false;
    config.refreshPaths = {QStringLiteral("/v1/catalogues")};
    config.refreshIntervalMs = 300;
    SyncEngine engine(store.value(), clientDir, config);
    QSignalSpy available(&engine, &SyncEngine::catalogueAvailable);
    engine.start();
    QTRY_COMPARE_WITH_TIMEOUT(available.count(), 1, 30000);
    QCOMPARE(available.at(0).at(0).toString(), v1);
    const QString path1 = available.at(0).at(1).toString();
    QCOMPARE(path1, QDir(clientDir).filePath(QStringLiteral("catalogues/2026.12-one.json")));
    const CatalogueShelf shelf(clientDir);
    QCOMPARE(shelf.forNewCases(ow::Catalog::builtinPath()), path1);
    // Unchanged (304) in the next rounds: nothing new.
    QTest::qWait(1000);
    QCOMPARE(available.count(), 1);

    // A case started on version one, as the client would after starting with forNewCases().
    const auto catalog1 = ow::Catalog::load(shelf.forNewCases(ow::Catalog::builtinPath()));
    QVERIFY2(catalog1, qPrintable(catalog1.error()));
    const auto calendar = ow::WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar"));
    QVERIFY2(calendar, qPrintable(calendar.error()));
    ow::intake::WindowConfig window;
    window.regionCode = kRegion;
    window.windowCode = kWindow;
    window.windowName = QStringLiteral("Station 7");
    window.clerk = kClerk;
    const ow::receipt::WindowKey &key = windowKey(); // the enrolled one
    QString openCase;
    {
        ow::intake::IntakeWorkflow w(
            catalog1.value(), calendar.value(), ow::Clock::system(), store.value(), key, window);
        QCOMPARE(w.start(), QString());
        openCase = w.caseId();
        QCOMPARE(w.setApplicant(
                     ow::intake::Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value()),
            QString());
        QCOMPARE(w.choose(ow::checklist::Selection::ofBundle(QStringLiteral("open-restaurant"))), QString());
        QCOMPARE(w.catalog().version(), v1);
    }

    // The back office gets version two: the window keeps it next to version one.
    err = addCatalogue(serverDir, demoAs(v2));
    QVERIFY2(err.isEmpty(), qPrintable(err));
    QTRY_COMPARE_WITH_TIMEOUT(available.count(), 2, 30000);
    QCOMPARE(available.at(1).at(0).toString(), v2);
    const QString path2 = available.at(1).at(1).toString();
    QCOMPARE(shelf.forNewCases(ow::Catalog::builtinPath()), path2);
    QCOMPARE(shelf.currentVersion(), v2);
    QVERIFY(QFileInfo::exists(path1));
    engine.stop();

    // The client started again: new cases get version two, the open case stays on version one.
    const auto catalog2 = ow::Catalog::load(shelf.forNewCases(ow::Catalog::builtinPath()));
    QVERIFY2(catalog2, qPrintable(catalog2.error()));
    QCOMPARE(catalog2->version(), v2);
    ow::intake::IntakeWorkflow w(catalog2.value(), calendar.value(), ow::Clock::system(), store.value(), key, window);
    QCOMPARE(w.resume(openCase), QString());
    QCOMPARE(w.catalog().version(), v1);
    QVERIFY(w.catalogueUpdateAvailable());
    QCOMPARE(w.start(), QString());
    QVERIFY(w.caseId() != openCase);
    QCOMPARE(w.setApplicant(
                 ow::intake::Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value()),
        QString());
    QCOMPARE(w.choose(ow::checklist::Selection::ofBundle(QStringLiteral("open-restaurant"))), QString());
    QCOMPARE(w.catalog().version(), v2);
}

// The key ring the sync fetches becomes the keys the window trusts (keys/trusted.json, read by
// KeyRing::loadDirectory): a receipt of the window's colleague checks out, and after a revocation
// the refreshed ring says when the key was revoked.
void TestSyncCatalogue::keyRingBecomesTrustedKeys()
{
    const QString serverDir = m_dir.filePath(QStringLiteral("server-keys"));
    const QString setUp = setUpWindow(serverDir);
    QVERIFY2(setUp.isEmpty(), qPrintable(setUp));
    Server server;
    QVERIFY(server.start(serverDir)); // enrols windowKey()

    // Another window of the region, with a key this client has never seen.
    const QString clientDir = m_dir.filePath(QStringLiteral("client-keys"));
    auto store = ow::store::Store::open(clientDir);
    QVERIFY2(store, qPrintable(store.error()));
    ow::sync::SyncConfig config;
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
    config.user = kClerk;
    config.password = kPassword;
    config.pull = false;
    config.refreshPaths = {QStringLiteral("/v1/keyring")};
    config.refreshIntervalMs = 300;
    const QString trusted = ow::sync::TrustedKeys::path(clientDir);
    QVERIFY(!QFile::exists(trusted));
    auto ring = [&clientDir] {
        return ow::receipt::KeyRing::loadDirectory(QDir(clientDir).filePath(QStringLiteral("keys")), QString());
    };
    SyncEngine engine(store.value(), clientDir, config);
    engine.start();
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(trusted), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(ring() && ring()->contains(kKeyId), 5000);

    // A receipt signed by the enrolled key checks out against what the window now trusts.
    ow::receipt::QrPayload qr;
    qr.kind = QLatin1Char('R');
    qr.caseId = QStringLiteral("c-1");
    qr.caseNumber = kKeyId + QStringLiteral("-20261127-0001");
    qr.issued = QDate::currentDate();
    qr.keyId = kKeyId;
    qr.digest = QByteArray(32, 'd');
    qr.signature = windowKey().sign(qr.signedPart()).value();
    QVERIFY(ring()->check(qr.encode()));
    QVERIFY(!ring()->check(qr.encode())->keyRevokedAt.isValid());

    // Revoked now: the refreshed ring keeps the key with its revocation.
    const CommandRun revoked = runCommand(backOfficeBinary(),
        {QStringLiteral("admin"), QStringLiteral("revoke-key"), QStringLiteral("--window"), kKeyId,
            QStringLiteral("--data-dir"), serverDir});
    QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.err));
    QTRY_VERIFY_WITH_TIMEOUT(ring() && !ring()->contains(kKeyId), 10000);
    // Issued today, revoked today: the QR names the day only, so it is refused; one dated
    // yesterday (before the revocation) is genuine and says when its key was revoked.
    QVERIFY(!ring()->check(qr.encode()));
    qr.issued = QDate::currentDate().addDays(-1);
    qr.signature = windowKey().sign(qr.signedPart()).value();
    const auto before = ring()->check(qr.encode());
    QVERIFY2(before, qPrintable(before ? QString() : before.error()));
    QVERIFY(before->keyRevokedAt.isValid());
    engine.stop();
}

QTEST_GUILESS_MAIN(TestSyncCatalogue)
#include "tst_synccatalogue.moc"
