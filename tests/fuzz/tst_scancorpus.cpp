#include "ScanFuzz.h"

#include <QDir>
#include <QFile>
#include <QTest>

// The fuzz input of the scan parsers over its seed corpus, every prefix of each seed and every
// seed with each byte flipped in turn, so builds without libFuzzer (gcc) exercise it too.
class TestScanCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seeds_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(OW_FUZZ_CORPUS_DIR "/scan"));
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 3);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }
    void seeds()
    {
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray seed = f.readAll();
        const auto feed = [](const QByteArray &in) {
            return owFuzzScanParsers(reinterpret_cast<const uint8_t *>(in.constData()), size_t(in.size()));
        };
        QCOMPARE(feed(seed), 0);
        for (qsizetype n = 0; n <= seed.size(); ++n)
            QCOMPARE(feed(seed.left(n)), 0);
        for (qsizetype i = 1; i < seed.size(); ++i) {
            QByteArray flipped = seed;
            flipped[i] = char(~flipped.at(i));
            QCOMPARE(feed(flipped), 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestScanCorpus)
#include "tst_scancorpus.moc"
