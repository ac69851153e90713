#include "CatalogFuzzInput.h"
#include "FuzzMutation.h"

#include "onewindow/catalog/CatalogCache.h"

#include <QDir>
#include <QFile>
#include <QTest>

// Runs the fuzz targets' input function over the committed corpus and over truncated and
// byte-flipped catalogues, so gcc builds (without libFuzzer) exercise it too. Passing means
// no crash, no sanitizer report, no hang.
class TestFuzzCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpus_data();
    void corpus();
    void truncatedCatalogues();
    void flippedBytes();
    void damagedCacheFiles_data();
    void damagedCacheFiles();

private:
    static QByteArray withTarget(char target, const QByteArray &payload) { return QByteArray(1, target) + payload; }
    static void feed(const QByteArray &input)
    {
        ow::fuzz::catalogInput(reinterpret_cast<const std::uint8_t *>(input.constData()), size_t(input.size()));
    }
    static QByteArray mini()
    {
        QFile f(QStringLiteral(OW_TEST_DATA "/mini.json"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
};

void TestFuzzCatalog::corpus_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(OW_FUZZ_CORPUS));
    const QStringList files = dir.entryList(QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 8);
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

void TestFuzzCatalog::corpus()
{
    QFETCH(QString, path);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    feed(f.readAll());
}

void TestFuzzCatalog::truncatedCatalogues()
{
    const QByteArray json = mini();
    QVERIFY(!json.isEmpty());
    for (qsizetype n = 0; n <= json.size(); n += 7)
        feed(withTarget(0, json.left(n)));
    feed(withTarget(0, json));
}

void TestFuzzCatalog::flippedBytes()
{
    const QByteArray json = mini();
    QVERIFY(!json.isEmpty());
    static const char replacements[] = {'"', '{', '}', '[', ']', ',', ':', '0', 'x', '\0'};
    for (qsizetype i = 0; i < json.size(); i += 11) {
        QByteArray mutated = json;
        mutated[i] = replacements[size_t(i) % sizeof(replacements)];
        feed(withTarget(0, mutated));
    }
    const QByteArray condition = "not (area >= 500 or kind in ['a', 'b']) and flag == true";
    for (qsizetype i = 0; i < condition.size(); ++i) {
        feed(withTarget(1, condition.left(i)));
        QByteArray mutated = condition;
        mutated[i] = replacements[size_t(i) % sizeof(replacements)];
        feed(withTarget(1, mutated));
    }
}

void TestFuzzCatalog::damagedCacheFiles_data()
{
    QTest::addColumn<QString>("catalogue");
    QTest::newRow("mini") << QStringLiteral(OW_TEST_DATA "/mini.json");
    QTest::newRow("demo") << ow::Catalog::builtinPath();
}

// Catalogue cache files cut short, with bytes flipped and randomly mutated, as the payload alone
// and as whole files: every one decodes or is refused, none crashes or hangs.
void TestFuzzCatalog::damagedCacheFiles()
{
    QFETCH(QString, catalogue);
    const auto c = ow::Catalog::load(catalogue);
    QVERIFY2(c.ok(), qPrintable(c.error()));
    const QByteArray file = ow::CatalogCache::encode(c.value());
    constexpr qsizetype kHeader = 86;
    const QByteArray payload = file.mid(kHeader);
    QVERIFY(ow::CatalogCache::decodePayload(payload).ok());
    const qsizetype step = std::max<qsizetype>(1, payload.size() / 400);
    for (qsizetype n = 0; n < payload.size(); n += step) {
        feed(withTarget(3, payload.left(n)));
        feed(withTarget(3, file.left(kHeader + n)));
    }
    static const char replacements[] = {'\x01', '\x10', '\x7f', '\xff'}; // XORed in
    for (qsizetype i = 0; i < payload.size(); i += step) {
        QByteArray mutated = payload;
        mutated[i] = char(mutated[i] ^ replacements[size_t(i) % sizeof(replacements)]);
        feed(withTarget(3, mutated));
    }
    QRandomGenerator rng(20261207);
    for (int i = 0; i < 300; ++i)
        feed(withTarget(3, mutateFuzzSeed(payload, rng)));
}

QTEST_GUILESS_MAIN(TestFuzzCatalog)
#include "tst_fuzzcatalog.moc"
