#include "onewindow/scan/HotFolder.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using ow::scan::HotFolder;

class TestHotFolder : public QObject
{
    Q_OBJECT

    static void append(const QString &path, const QByteArray &bytes)
    {
        QFile f(path);
        if (!f.open(QIODevice::Append) || f.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
    }

private Q_SLOTS:
    void candidateNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("candidate");
        QTest::newRow("jpeg") << QStringLiteral("IMG_0001.JPG") << true;
        QTest::newRow("pdf") << QStringLiteral("scan.pdf") << true;
        QTest::newRow("tiff") << QStringLiteral("batch.tiff") << true;
        QTest::newRow("partial download") << QStringLiteral("scan.pdf.part") << false;
        QTest::newRow("temporary") << QStringLiteral("IMG_0001.jpg.tmp") << false;
        QTest::newRow("hidden") << QStringLiteral(".IMG_0001.jpg") << false;
        QTest::newRow("office lock") << QStringLiteral("~scan.pdf") << false;
        QTest::newRow("other type") << QStringLiteral("notes.txt") << false;
    }
    void candidateNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, candidate);
        QCOMPARE(HotFolder::isCandidateName(name), candidate);
    }

    // Checks driven by hand: a file is handed on only after one check in which it did not change.
    void onlyFinishedFilesAreHandedOn()
    {
        QTemporaryDir dir;
        HotFolder folder(dir.path(), 3600 * 1000);
        QSignalSpy ready(&folder, &HotFolder::fileReady);
        const QString path = dir.filePath(QStringLiteral("page.jpg"));
        append(path, QByteArray(1000, 'a'));
        QVERIFY(folder.start());
        folder.checkNow(); // first sight
        QCOMPARE(ready.size(), 0);
        append(path, QByteArray(1000, 'b')); // still being written
        folder.checkNow();
        QCOMPARE(ready.size(), 0);
        folder.checkNow(); // unchanged since the last check: finished
        QCOMPARE(ready.size(), 1);
        QCOMPARE(ready.first().first().toString(), QFileInfo(path).absoluteFilePath());
        folder.checkNow();
        QCOMPARE(ready.size(), 1); // handed on once
    }

    void emptyAndTemporaryFilesWait()
    {
        QTemporaryDir dir;
        HotFolder folder(dir.path(), 3600 * 1000);
        QSignalSpy ready(&folder, &HotFolder::fileReady);
        QVERIFY(folder.start());
        const QString part = dir.filePath(QStringLiteral("scan.pdf.part"));
        append(part, QByteArray(500, 'x'));
        const QString empty = dir.filePath(QStringLiteral("empty.png"));
        append(empty, {});
        QTest::qWait(50); // let the watcher report them
        for (int i = 0; i < 3; ++i)
            folder.checkNow();
        QCOMPARE(ready.size(), 0);
        // The writer renames the finished file: now it is a candidate.
        QVERIFY(QFile::rename(part, dir.filePath(QStringLiteral("scan.pdf"))));
        QTRY_VERIFY_WITH_TIMEOUT((folder.checkNow(), folder.checkNow(), ready.size() == 1), 10000);
        QVERIFY(ready.first().first().toString().endsWith(QLatin1String("scan.pdf")));
    }

    void settledFilesMoveAside()
    {
        QTemporaryDir dir;
        HotFolder folder(dir.path(), 10);
        QSignalSpy ready(&folder, &HotFolder::fileReady);
        QVERIFY(folder.start());
        append(dir.filePath(QStringLiteral("a.png")), QByteArray(10, 'a'));
        append(dir.filePath(QStringLiteral("b.png")), QByteArray(10, 'b'));
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 20000); // the real watcher and timer
        const QString moved = folder.settle(ready.at(0).first().toString(), true);
        QVERIFY(moved.contains(QLatin1String("/imported/")));
        QVERIFY(QFile::exists(moved));
        const QString refused = folder.settle(ready.at(1).first().toString(), false);
        QVERIFY(refused.contains(QLatin1String("/refused/")));
        // Nothing in the subfolders is picked up again.
        QTest::qWait(50);
        QCOMPARE(ready.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestHotFolder)
#include "tst_hotfolder.moc"
