#include "FuzzMutation.h"
#include "PosFuzz.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

// Runs the fuzz targets' bodies over the checked-in corpus and over seeded random mutations of
// it, so that builds without libFuzzer (gcc) exercise them too.
class TestPosCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpus_data();
    void corpus();
};

void TestPosCorpus::corpus_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("file");
    for (const QString &target : {QStringLiteral("hidreport"), QStringLiteral("escpos")}) {
        const QDir dir(QStringLiteral(OW_FUZZ_CORPUS_DIR "/") + target);
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        for (const QString &f : files)
            QTest::addRow("%s/%s", qPrintable(target), qPrintable(f)) << target << dir.filePath(f);
    }
}

void TestPosCorpus::corpus()
{
    QFETCH(QString, target);
    QFETCH(QString, file);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray seed = f.readAll();
    QVERIFY(!seed.isEmpty());
    const auto run = [&](const QByteArray &input) {
        const auto *data = reinterpret_cast<const uint8_t *>(input.constData());
        return target == QLatin1String("hidreport") ? owFuzzHidReports(data, size_t(input.size()))
                                                    : owFuzzEscPosStream(data, size_t(input.size()));
    };
    QCOMPARE(run(seed), 0);
    QRandomGenerator rng(0x5eed ^ quint32(qHash(file)));
    for (int i = 0; i < 200; ++i)
        QCOMPARE(run(mutateFuzzSeed(seed, rng)), 0);
}

QTEST_GUILESS_MAIN(TestPosCorpus)
#include "tst_poscorpus.moc"
