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
