// Replays the fuzz targets' input functions over their seed corpora (and a few edge inputs), so
// that a gcc build exercises them too.
#include "SamFrameFuzz.h"

#include <QDir>
#include <QFile>
#include <QTest>

class TestFuzzCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samFrame_data();
    void samFrame();
};

void TestFuzzCorpus::samFrame_data()
{
    QTest::addColumn<QByteArray>("input");
    const QDir corpus(QStringLiteral(OW_FUZZ_CORPUS "/samframe"));
    const QStringList files = corpus.entryList(QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 5, "the seed corpus is missing");
    for (const QString &name : files) {
        QFile f(corpus.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QTest::newRow(qPrintable(name)) << f.readAll();
    }
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("preamble only") << QByteArray::fromHex("aaaaaa9669");
    QTest::newRow("max length field") << QByteArray::fromHex("aaaaaa9669ffff000090");
    QTest::newRow("text block of NULs") << QByteArray(256, '\0');
    QTest::newRow("text block of FF") << QByteArray(256, '\xff');
}

void TestFuzzCorpus::samFrame()
{
    QFETCH(QByteArray, input);
    QCOMPARE(owFuzzSamFrame(reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size())), 0);
}

QTEST_GUILESS_MAIN(TestFuzzCorpus)

#include "tst_fuzzcorpus.moc"
