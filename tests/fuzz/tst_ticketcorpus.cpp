#include "FuzzMutation.h"
#include "TicketFuzz.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

// Runs fuzz_ticket's body over the seed corpus and seeded random mutations of it.
class TestTicketCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpus_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(OW_FUZZ_CORPUS_DIR "/ticket"));
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
        const auto run = [](const QByteArray &input) {
            return owFuzzTicketJson(reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size()));
        };
        QCOMPARE(run(seed), 0);
        QRandomGenerator rng(0x71c4 ^ quint32(qHash(file)));
        for (int i = 0; i < 500; ++i)
            QCOMPARE(run(mutateFuzzSeed(seed, rng)), 0);
    }
};

QTEST_GUILESS_MAIN(TestTicketCorpus)
#include "tst_ticketcorpus.moc"
