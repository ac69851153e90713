#include "onewindow/catalog/CatalogCache.h"
#include "onewindow/core/Sha256.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using ow::Catalog;
using ow::CatalogCache;

// The binary catalogue cache: the same catalogue back, used when intact, rebuilt from the JSON
// when missing, stale, truncated or corrupt; never a crash, never a wrong catalogue.
class TestCatalogCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void buildsOnceThenLoadsFromTheCache();
    void damagedCacheIsRebuilt_data();
    void damagedCacheIsRebuilt();
    void editedCatalogueGetsANewCache();
    void invalidCatalogueWritesNoCache();
    void unwritableCacheStillLoads();

private:
    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static bool write(const QString &path, const QByteArray &bytes)
    {
        QFile f(path);
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
    }
};

void TestCatalogCache::roundTrip_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("mini fixture") << QStringLiteral(OW_TEST_DATA "/mini.json");
    QTest::newRow("demo catalogue") << Catalog::builtinPath();
}

void TestCatalogCache::roundTrip()
{
    QFETCH(QString, path);
    const auto parsed = Catalog::load(path);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    const QByteArray file = CatalogCache::encode(parsed.value());
    const auto decoded = CatalogCache::decode(file, parsed->source(), parsed->sha256());
    QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
    // Every field of every entry is in the encoding: the same encoding means the same catalogue.
    QCOMPARE(CatalogCache::encode(decoded.value()), file);
    QCOMPARE(decoded->sha256(), parsed->sha256());
    QCOMPARE(decoded->source(), parsed->source());
    QCOMPARE(decoded->version(), parsed->version());
    QCOMPARE(decoded->matters().size(), parsed->matters().size());
    QCOMPARE(decoded->groups().size(), parsed->groups().size());
    for (qsizetype i = 0; i < parsed->groups().size(); ++i) {
        QCOMPARE(decoded->groups().at(i).id, parsed->groups().at(i).id);
        QCOMPARE(decoded->groups().at(i).name, parsed->groups().at(i).name);
    }
    QCOMPARE(decoded->bundles().size(), parsed->bundles().size());
    // The lookups are rebuilt, and the conditions work as parsed ones do.
    const ow::Answers answers {{QStringLiteral("area"), 600.0}, {QStringLiteral("entity"), QStringLiteral("company")}};
    for (const ow::Matter &m : parsed->matters()) {
        const ow::Matter *back = decoded->matter(m.code);
        QVERIFY(back);
        QCOMPARE(back->name, m.name);
        QCOMPARE(back->group, m.group);
        QCOMPARE(back->materials.size(), m.materials.size());
        for (qsizetype i = 0; i < m.materials.size(); ++i) {
            QCOMPARE(back->materials.at(i).when.text(), m.materials.at(i).when.text());
            QCOMPARE(back->materials.at(i).when.describe(decoded->questions()),
                m.materials.at(i).when.describe(parsed->questions()));
            QStringList a, b;
            QCOMPARE(back->materials.at(i).when.evaluate(answers, &a), m.materials.at(i).when.evaluate(answers, &b));
            QCOMPARE(a, b);
            QVERIFY(decoded->material(back->materials.at(i).material));
        }
    }
    for (const ow::Bundle &b : parsed->bundles())
        QVERIFY(decoded->bundle(b.id));
    for (const ow::Question &q : parsed->questionList())
        QCOMPARE(decoded->question(q.id)->text, q.text);
}

void TestCatalogCache::buildsOnceThenLoadsFromTheCache()
{
    QTemporaryDir dir;
    const QString json = dir.filePath(QStringLiteral("catalogue.json"));
    QVERIFY(QFile::copy(QStringLiteral(OW_TEST_DATA "/mini.json"), json));
    const CatalogCache cache(dir.filePath(QStringLiteral("cache")));
    const auto first = cache.load(json);
    QVERIFY2(first.ok(), qPrintable(first.error()));
    QCOMPARE(first->source, CatalogCache::Source::Json);
    const QString file = cache.fileFor(ow::Sha256::hex(read(json)));
    QVERIFY(QFile::exists(file));
    QCOMPARE(first->catalog.sha256(), ow::Sha256::hex(read(json)));

    const auto second = cache.load(json);
    QVERIFY2(second.ok(), qPrintable(second.error()));
    QCOMPARE(second->source, CatalogCache::Source::Cache);
    QVERIFY(second->note.isEmpty());
    QCOMPARE(CatalogCache::encode(second->catalog), CatalogCache::encode(first->catalog));
    QCOMPARE(second->catalog.source(), read(json));
}

void TestCatalogCache::damagedCacheIsRebuilt_data()
{
    QTest::addColumn<int>("damage");
    QTest::addColumn<QString>("why");
    QTest::newRow("empty file") << 0 << "not a catalogue cache file";
    QTest::newRow("garbage") << 1 << "not a catalogue cache file";
    QTest::newRow("cut inside the header") << 2 << "not a catalogue cache file";
    QTest::newRow("cut inside the payload") << 3 << "truncated";
    QTest::newRow("a payload byte flipped") << 4 << "does not match";
    QTest::newRow("the payload digest flipped") << 5 << "does not match";
    QTest::newRow("another format") << 6 << "another version";
    QTest::newRow("made for another catalogue") << 7 << "another catalogue";
    QTest::newRow("bytes appended") << 8 << "truncated";
}

void TestCatalogCache::damagedCacheIsRebuilt()
{
    QFETCH(int, damage);
    QFETCH(QString, why);
    QTemporaryDir dir;
    const QString json = dir.filePath(QStringLiteral("catalogue.json"));
    QVERIFY(QFile::copy(QStringLiteral(OW_TEST_DATA "/mini.json"), json));
    const CatalogCache cache(dir.filePath(QStringLiteral("cache")));
    const auto built = cache.load(json);
    QVERIFY2(built.ok(), qPrintable(built.error()));
    const QString file = cache.fileFor(built->catalog.sha256());
    const QByteArray good = read(file);
    QVERIFY(good.size() > 200);

    QByteArray bad = good;
    switch (damage) {
    case 0: bad.clear(); break;
    case 1: bad = QByteArray(good.size(), 'x'); break;
    case 2: bad.truncate(40); break;
    case 3: bad.truncate(good.size() - 17); break;
    case 4: bad[good.size() / 2] = char(bad[good.size() / 2] ^ 0x20); break;
    case 5: bad[60] = char(bad[60] ^ 0x01); break;
    case 6: bad[8] = char(bad[8] + 1); break;
    case 7: {
        // A valid cache of an edited catalogue, under this catalogue's name.
        const QByteArray edited = read(json).replace("\"version\"", "\"version\" ").trimmed();
        const auto other = Catalog::fromJson(edited, QStringLiteral("edited.json"));
        QVERIFY2(other.ok(), qPrintable(other.error()));
        bad = CatalogCache::encode(other.value());
        break;
    }
    case 8: bad.append("more"); break;
    }
    QVERIFY(write(file, bad));

    const auto rebuilt = cache.load(json);
    QVERIFY2(rebuilt.ok(), qPrintable(rebuilt.error()));
    QCOMPARE(rebuilt->source, CatalogCache::Source::Json);
    QVERIFY2(rebuilt->note.contains(why), qPrintable(rebuilt->note));
    QCOMPARE(CatalogCache::encode(rebuilt->catalog), CatalogCache::encode(built->catalog));
    QCOMPARE(read(file), good); // written again, whole
    const auto next = cache.load(json);
    QVERIFY(next.ok());
    QCOMPARE(next->source, CatalogCache::Source::Cache);
}

void TestCatalogCache::editedCatalogueGetsANewCache()
{
    QTemporaryDir dir;
    const QString json = dir.filePath(QStringLiteral("catalogue.json"));
    QVERIFY(QFile::copy(QStringLiteral(OW_TEST_DATA "/mini.json"), json));
    QVERIFY(QFile::setPermissions(json, QFile::ReadOwner | QFile::WriteOwner));
    const CatalogCache cache(dir.filePath(QStringLiteral("cache")));
    const auto before = cache.load(json);
    QVERIFY(before.ok());
    const QString oldFile = cache.fileFor(before->catalog.sha256());
    QVERIFY(QFile::exists(oldFile));

    // Same structure, one name changed: a new SHA-256, so the JSON is parsed again.
    QByteArray edited = read(json);
    const QByteArray name = before->catalog.matters().first().name.toUtf8();
    QVERIFY(edited.contains(name));
    edited.replace(name, name + "（新）");
    QVERIFY(write(json, edited));
    const auto after = cache.load(json);
    QVERIFY2(after.ok(), qPrintable(after.error()));
    QCOMPARE(after->source, CatalogCache::Source::Json);
    QCOMPARE(after->catalog.matters().first().name, QString::fromUtf8(name + "（新）"));
    QVERIFY(QFile::exists(cache.fileFor(after->catalog.sha256())));
    QVERIFY(!QFile::exists(oldFile)); // one catalogue's cache at a time
    QCOMPARE(cache.load(json)->source, CatalogCache::Source::Cache);
}

void TestCatalogCache::invalidCatalogueWritesNoCache()
{
    QTemporaryDir dir;
    const QString json = dir.filePath(QStringLiteral("catalogue.json"));
    QVERIFY(write(json, R"({"format": "onewindow-catalogue", "formatVersion": 1, "matters": []})"));
    const CatalogCache cache(dir.filePath(QStringLiteral("cache")));
    const auto loaded = cache.load(json);
    QVERIFY(!loaded.ok());
    QVERIFY(loaded.error().contains(QStringLiteral("catalogue.json")));
    QVERIFY(QDir(cache.directory()).entryList(QDir::Files).isEmpty());
    QVERIFY(!cache.load(dir.filePath(QStringLiteral("missing.json"))).ok());
}

void TestCatalogCache::unwritableCacheStillLoads()
{
    QTemporaryDir dir;
    const QString json = dir.filePath(QStringLiteral("catalogue.json"));
    QVERIFY(QFile::copy(QStringLiteral(OW_TEST_DATA "/mini.json"), json));
    // A file where the cache directory should be: nothing can be written there (as root too).
    const QString blocked = dir.filePath(QStringLiteral("cache"));
    QVERIFY(write(blocked, "not a directory"));
    const CatalogCache cache(blocked);
    for (int i = 0; i < 2; ++i) {
        const auto loaded = cache.load(json);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        QCOMPARE(loaded->source, CatalogCache::Source::Json);
        QVERIFY2(loaded->note.contains(QStringLiteral("cannot be written")), qPrintable(loaded->note));
    }
}

QTEST_GUILESS_MAIN(TestCatalogCache)
#include "tst_catalogcache.moc"
