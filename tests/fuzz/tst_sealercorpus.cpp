#include "FuzzMutation.h"
#include "SealerFuzz.h"

#include "onewindow/store/Sealer.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using ow::store::Sealer;

namespace {

int run(const QByteArray &input)
{
    return owFuzzSealedOpen(reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size()));
}

} // namespace

// Runs fuzz_sealer's body over the seed corpus, over genuine seals (the fuzz key) and over
// seeded random mutations of both.
class TestSealerCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpus_data();
    void corpus();
    void genuineSealsAndMutations();
};

void TestSealerCorpus::corpus_data()
{
    QTest::addColumn<QString>("file");
    const QDir dir(QStringLiteral(OW_FUZZ_CORPUS_DIR "/sealer"));
    const QStringList files = dir.entryList(QDir::Files, QDir::Name);
    QVERIFY(!files.isEmpty());
    for (const QString &f : files)
        QTest::addRow("%s", qPrintable(f)) << dir.filePath(f);
}

void TestSealerCorpus::corpus()
{
    QFETCH(QString, file);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray seed = f.readAll();
    QCOMPARE(run(seed), 0);
    QRandomGenerator rng(0x5eed ^ quint32(qHash(file)));
    for (int i = 0; i < 200; ++i)
        QCOMPARE(run(mutateFuzzSeed(seed, rng)), 0);
}

void TestSealerCorpus::genuineSealsAndMutations()
{
    const Sealer sealer = Sealer::fromKeys(QByteArray(Sealer::kKeySize, 'k'), QByteArray(Sealer::kKeySize, 'h'));
    QRandomGenerator rng(0x5ea1);
    for (int i = 0; i < 50; ++i) {
        QByteArray plain(int(rng.bounded(64)), '\0');
        for (char &c : plain)
            c = char(rng.bounded(256));
        const auto sealed = sealer.seal(plain, QByteArray("fuzz"));
        QVERIFY(sealed.ok());
        QCOMPARE(run(sealed.value()), 0);
        for (int m = 0; m < 20; ++m)
            QCOMPARE(run(mutateFuzzSeed(sealed.value(), rng)), 0);
    }
}

QTEST_GUILESS_MAIN(TestSealerCorpus)
#include "tst_sealercorpus.moc"
