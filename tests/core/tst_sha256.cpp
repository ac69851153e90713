#include "onewindow/core/Sha256.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

class TestSha256 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownDigests_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("hex");
        // FIPS 180-2 examples.
        QTest::newRow("empty") << QByteArray()
                               << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        QTest::newRow("abc") << QByteArray("abc")
                             << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        QTest::newRow("two blocks") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                    << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        QTest::newRow("a million a") << QByteArray(1000000, 'a')
                                     << QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }

    void knownDigests()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, hex);
        QCOMPARE(ow::Sha256::hash(input).toHex(), hex);
        QCOMPARE(ow::Sha256::hex(input), QString::fromLatin1(hex));
        ow::Sha256 h;
        h.addData(input);
        QCOMPARE(h.result().toHex(), hex);
    }

    // Any split of the data into pieces gives the one-shot digest (and QCryptographicHash's).
    void incremental_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("maxPiece");
        QTest::newRow("small, bytewise") << 200 << 1;
        QTest::newRow("block edges") << 64 * 9 << 63;
        QTest::newRow("100 KB blob, 7 KB pieces") << 100 * 1024 << 7 * 1024;
        QTest::newRow("3 MB, 1 MB pieces") << 3 * 1024 * 1024 << 1024 * 1024;
    }

    void incremental()
    {
        QFETCH(int, size);
        QFETCH(int, maxPiece);
        QRandomGenerator rng {quint32(size)};
        QByteArray data(size, Qt::Uninitialized);
        for (char &c : data)
            c = char(rng.bounded(256));
        const QByteArray expected = QCryptographicHash::hash(data, QCryptographicHash::Sha256);
        QCOMPARE(ow::Sha256::hash(data), expected);
        ow::Sha256 h;
        for (int at = 0; at < size;) {
            const int n = std::min(size - at, 1 + int(rng.bounded(maxPiece)));
            h.addData(QByteArrayView(data.constData() + at, n));
            at += n;
        }
        QCOMPARE(h.result(), expected);
        // result() starts the hash over.
        h.addData("abc");
        QCOMPARE(h.result().toHex(), QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        h.addData("junk");
        h.reset();
        QCOMPARE(h.result(), ow::Sha256::hash({}));

        QBuffer buffer(&data);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        ow::Sha256 fromDevice;
        QVERIFY(fromDevice.addData(&buffer));
        QCOMPARE(fromDevice.result(), expected);
    }

    void movedFromHashStillWorks()
    {
        ow::Sha256 a;
        a.addData("ab");
        ow::Sha256 b(std::move(a));
        b.addData("c");
        QCOMPARE(b.result().toHex(), QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        a = ow::Sha256(); // a moved-from hash can be assigned and used again
        a.addData("abc");
        QCOMPARE(a.result(), ow::Sha256::hash("abc"));
    }
};

QTEST_GUILESS_MAIN(TestSha256)
#include "tst_sha256.moc"
