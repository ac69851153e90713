#include "FuzzMutation.h"
#include "HttpParserFuzz.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

namespace {

int run(const QByteArray &input)
{
    return owFuzzHttpRequest(reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size()));
}

} // namespace

// Runs fuzz_httpparser's body over the seed corpus (corpus/http) and seeded mutations of it.
class TestHttpCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpus_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(OW_FUZZ_CORPUS_DIR "/http"));
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        QVERIFY(!files.isEmpty());
        for (const QString &f : files)
            QTest::addRow("%s", qPrintable(f)) << dir.filePath(f);
    }

    void corpus()
    {
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray seed = f.readAll();
        QCOMPARE(run(seed), 0);
        QRandomGenerator rng(0x4177 ^ quint32(qHash(file)));
        for (int i = 0; i < 500; ++i)
            QCOMPARE(run(mutateFuzzSeed(seed, rng)), 0);
    }
};

QTEST_APPLESS_MAIN(TestHttpCorpus)
#include "tst_httpcorpus.moc"
