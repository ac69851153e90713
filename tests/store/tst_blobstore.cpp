#include "onewindow/store/BlobStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>

using ow::store::BlobStore;

class TestBlobStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void putAndGetVerifiesHash()
    {
        QTemporaryDir dir;
        BlobStore blobs(dir.path());
        const QByteArray pdf = QByteArrayLiteral("%PDF-1.4 scanned pages");
        const auto sha = blobs.put(pdf);
        QVERIFY2(sha.ok(), qPrintable(sha.error()));
        QCOMPARE(sha.value(), QStringLiteral("%1").arg(BlobStore::sha256Hex(pdf)));
        QVERIFY(BlobStore::isValidName(sha.value()));
        QVERIFY(blobs.contains(sha.value()));
        QVERIFY(blobs.pathOf(sha.value()).endsWith(sha->left(2) + u'/' + sha.value()));
        const auto back = blobs.get(sha.value());
        QVERIFY(back.ok());
        QCOMPARE(back.value(), pdf);
        // The same bytes again: the same name, one file.
        QCOMPARE(blobs.put(pdf).value(), sha.value());
        QCOMPARE(QDir(QFileInfo(blobs.pathOf(sha.value())).path()).entryList(QDir::Files).size(), 1);
    }

    void filesArePrivate()
    {
        QTemporaryDir dir;
        BlobStore blobs(dir.path());
        const auto sha = blobs.put(QByteArrayLiteral("page"));
        QVERIFY(sha.ok());
        const QFileInfo file(blobs.pathOf(sha.value()));
        QCOMPARE(file.permissions() & 0x7077, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const auto dirMode = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
        QCOMPARE(QFileInfo(file.path()).permissions() & 0x7077, dirMode);
        QCOMPARE(QFileInfo(blobs.root()).permissions() & 0x7077, dirMode);
    }

    void damagedBlobIsRefusedAndRepairedOnPut()
    {
        QTemporaryDir dir;
        BlobStore blobs(dir.path());
        const QByteArray bytes = QByteArrayLiteral("original bytes");
        const QString sha = blobs.put(bytes).value();
        {
            QFile f(blobs.pathOf(sha));
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("tampered");
        }
        const auto back = blobs.get(sha);
        QVERIFY(!back.ok());
        QVERIFY(back.error().contains(QLatin1String("damaged")));
        QVERIFY(blobs.put(bytes).ok());
        QCOMPARE(blobs.get(sha).value(), bytes);
    }

    // A scan at rest is sealed under the data key kept outside the blob folder: its bytes (a
    // name, an ID number) are not in the file; another data folder's key does not open it.
    void scansAreSealedAtRest()
    {
        QTemporaryDir dir;
        BlobStore blobs(dir.path());
        const QByteArray bytes = QStringLiteral("%PDF-1.4 申请人 王小明 33010619900101123X 文三路100号").toUtf8();
        const QString sha = blobs.put(bytes).value();
        QFile f(blobs.pathOf(sha));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray onDisk = f.readAll();
        f.close();
        QVERIFY(!onDisk.contains("33010619900101123X"));
        QVERIFY(!onDisk.contains(QStringLiteral("王小明").toUtf8()));
        QVERIFY(!onDisk.contains("%PDF"));
        const QString keyFile = dir.filePath(QStringLiteral("keys/data.key"));
        QVERIFY(QFile::exists(keyFile));
        QVERIFY(!keyFile.startsWith(blobs.root()));
        QCOMPARE(QFileInfo(keyFile).permissions() & 0x7077, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(blobs.get(sha).value(), bytes);
        QCOMPARE(blobs.sizeOf(sha), bytes.size());
        // The file moved to another window's data folder does not open there.
        QTemporaryDir other;
        BlobStore elsewhere(other.path());
        QVERIFY(elsewhere.put(QByteArrayLiteral("x")).ok()); // makes that folder's own key
        QDir().mkpath(QFileInfo(elsewhere.pathOf(sha)).path());
        QVERIFY(QFile::copy(blobs.pathOf(sha), elsewhere.pathOf(sha)));
        QVERIFY(!elsewhere.get(sha).ok());
    }

    // A client upgraded from before sealing: its plain scans still read, and are sealed when
    // stored again.
    void plainScansOfAnUpgradedClientStillRead()
    {
        QTemporaryDir dir;
        BlobStore blobs(dir.path());
        const QByteArray bytes = QByteArrayLiteral("%PDF-1.4 written before sealing");
        const QString sha = BlobStore::sha256Hex(bytes);
        QVERIFY(QDir().mkpath(QFileInfo(blobs.pathOf(sha)).path()));
        {
            QFile f(blobs.pathOf(sha));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        }
        QCOMPARE(blobs.get(sha).value(), bytes);
        QCOMPARE(blobs.put(bytes).value(), sha);
        QFile f(blobs.pathOf(sha));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("%PDF"));
        QCOMPARE(blobs.get(sha).value(), bytes);
    }

    void missingAndMalformedNames()
    {
        QTemporaryDir dir;
        BlobStore blobs(dir.path());
        QVERIFY(!blobs.get(QString(64, u'a')).ok());
        QVERIFY(!blobs.get(QStringLiteral("../../etc/passwd")).ok());
        QVERIFY(!blobs.contains(QStringLiteral("../x")));
        QVERIFY(!BlobStore::isValidName(QString(64, u'A')));
    }

    void failedWriteLeavesNothing()
    {
        QTemporaryDir dir;
        BlobStore blobs(dir.path());
        blobs.setBeforeCommitForTest([](QSaveFile &) { return false; });
        const QByteArray bytes = QByteArrayLiteral("never stored");
        const auto sha = blobs.put(bytes);
        QVERIFY(!sha.ok());
        QVERIFY(!sha.error().isEmpty());
        QVERIFY(!blobs.contains(BlobStore::sha256Hex(bytes)));
        const QString sub = QFileInfo(blobs.pathOf(BlobStore::sha256Hex(bytes))).path();
        QCOMPARE(QDir(sub).entryList(QDir::Files | QDir::Hidden).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBlobStore)
#include "tst_blobstore.moc"
