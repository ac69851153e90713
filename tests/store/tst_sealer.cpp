#include "onewindow/store/Sealer.h"
#include "onewindow/store/Store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace ow::store;

namespace {

QByteArray key(char fill)
{
    return QByteArray(Sealer::kKeySize, fill);
}

Sealer testSealer()
{
    return Sealer::fromKeys(key('a'), key('h'));
}

int modeOf(const QString &path)
{
    struct stat st
    { };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

} // namespace

class TestSealer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void refused_data();
    void refused();
    void noncesDiffer();
    void badKeySizeFails();
    void blindIndex_data();
    void blindIndex();
    void keyFileMadeOncePrivate();
    void keyFileReloaded();
    void damagedKeyFileIsReported();
    void storeHasSealer();
};

void TestSealer::roundTrip_data()
{
    QTest::addColumn<QByteArray>("plain");
    QTest::addColumn<QByteArray>("aad");
    QTest::newRow("empty plaintext") << QByteArray() << QByteArray();
    QTest::newRow("empty plaintext with aad") << QByteArray() << QByteArray("applicants/p-1/id_number");
    QTest::newRow("id number") << QByteArray("33010619900101123X") << QByteArray();
    QTest::newRow("chinese name with aad") << QStringLiteral("王小明").toUtf8() << QByteArray("applicants/p-1/name");
    QTest::newRow("binary photo") << QByteArray(4096, '\xff') << QByteArray("photo");
    QTest::newRow("one byte") << QByteArray("x") << QByteArray();
}

void TestSealer::roundTrip()
{
    QFETCH(QByteArray, plain);
    QFETCH(QByteArray, aad);
    const Sealer s = testSealer();
    const auto sealed = s.seal(plain, aad);
    QVERIFY2(sealed.ok(), qPrintable(sealed.error()));
    QCOMPARE(sealed->size(), 1 + Sealer::kNonceSize + plain.size() + Sealer::kTagSize);
    QCOMPARE(sealed->at(0), Sealer::kVersion);
    if (plain.size() >= 4)
        QVERIFY(!sealed->contains(plain));
    const auto opened = s.open(sealed.value(), aad);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    QCOMPARE(opened.value(), plain);
}

void TestSealer::refused_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("message");
    QTest::newRow("tampered ciphertext") << QStringLiteral("cipher") << QStringLiteral("does not open");
    QTest::newRow("tampered tag") << QStringLiteral("tag") << QStringLiteral("does not open");
    QTest::newRow("tampered nonce") << QStringLiteral("nonce") << QStringLiteral("does not open");
    QTest::newRow("wrong aad") << QStringLiteral("aad") << QStringLiteral("does not open");
    QTest::newRow("missing aad") << QStringLiteral("noaad") << QStringLiteral("does not open");
    QTest::newRow("wrong key") << QStringLiteral("key") << QStringLiteral("does not open");
    QTest::newRow("truncated") << QStringLiteral("short") << QStringLiteral("too short");
    QTest::newRow("empty input") << QStringLiteral("empty") << QStringLiteral("too short");
    QTest::newRow("unknown version") << QStringLiteral("version") << QStringLiteral("unknown format");
}

void TestSealer::refused()
{
    QFETCH(QString, change);
    QFETCH(QString, message);
    const Sealer s = testSealer();
    const QByteArray aad("cases/c-1/draft");
    auto sealedR = s.seal(QByteArray("33010619900101123X"), aad);
    QVERIFY(sealedR.ok());
    QByteArray sealed = sealedR.value();
    QByteArray openAad = aad;
    Sealer opener = s;
    if (change == u"cipher")
        sealed[1 + Sealer::kNonceSize + 3] = char(sealed.at(1 + Sealer::kNonceSize + 3) ^ 0x01);
    else if (change == u"tag")
        sealed[sealed.size() - 1] = char(sealed.at(sealed.size() - 1) ^ 0x80);
    else if (change == u"nonce")
        sealed[1] = char(sealed.at(1) ^ 0x01);
    else if (change == u"aad")
        openAad = QByteArray("cases/c-2/draft");
    else if (change == u"noaad")
        openAad.clear();
    else if (change == u"key")
        opener = Sealer::fromKeys(key('b'), key('h'));
    else if (change == u"short")
        sealed.truncate(1 + Sealer::kNonceSize + Sealer::kTagSize - 1);
    else if (change == u"empty")
        sealed.clear();
    else if (change == u"version")
        sealed[0] = 0x02;
    const auto opened = opener.open(sealed, openAad);
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error().contains(message), qPrintable(opened.error()));
}

void TestSealer::noncesDiffer()
{
    const Sealer s = testSealer();
    const auto a = s.seal(QByteArray("same"));
    const auto b = s.seal(QByteArray("same"));
    QVERIFY(a.ok() && b.ok());
    QVERIFY(a.value() != b.value());
}

void TestSealer::badKeySizeFails()
{
    const Sealer s = Sealer::fromKeys(QByteArray(16, 'a'), key('h'));
    const auto sealed = s.seal(QByteArray("x"));
    QVERIFY(!sealed.ok());
    QVERIFY(!sealed.error().isEmpty());
    QVERIFY(s.blindIndex(QStringLiteral("x")).isEmpty());
}

void TestSealer::blindIndex_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");
    QTest::newRow("identical") << QStringLiteral("33010619900101123X") << QStringLiteral("33010619900101123X") << true;
    QTest::newRow("lower-case x") << QStringLiteral("33010619900101123x") << QStringLiteral("33010619900101123X")
                                  << true;
    QTest::newRow("spaces around") << QStringLiteral("  33010619900101123X\t") << QStringLiteral("33010619900101123X")
                                   << true;
    QTest::newRow("other number") << QStringLiteral("330106199001011234") << QStringLiteral("33010619900101123X")
                                  << false;
    QTest::newRow("prefix") << QStringLiteral("3301061990010112") << QStringLiteral("33010619900101123X") << false;
}

void TestSealer::blindIndex()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    const Sealer s = testSealer();
    const QString ia = s.blindIndex(a);
    QCOMPARE(ia.size(), 64);
    QVERIFY(!ia.contains(a.trimmed()));
    QCOMPARE(ia == s.blindIndex(b), same);
    // Another HMAC key gives other indexes: the index reveals nothing without the key.
    QVERIFY(Sealer::fromKeys(key('a'), key('i')).blindIndex(a) != ia);
}

void TestSealer::keyFileMadeOncePrivate()
{
    QTemporaryDir dir;
    const QString keys = QDir(dir.path()).filePath(QStringLiteral("keys"));
    auto first = Sealer::loadOrCreate(keys);
    QVERIFY2(first.ok(), qPrintable(first.error()));
    const QString path = QDir(keys).filePath(QStringLiteral("data.key"));
    QCOMPARE(modeOf(keys), 0700);
    QCOMPARE(modeOf(path), 0600);
    // No temporary file is left behind.
    QCOMPARE(QDir(keys).entryList(QDir::Files), QStringList {QStringLiteral("data.key")});
}

void TestSealer::keyFileReloaded()
{
    QTemporaryDir dir;
    auto first = Sealer::loadOrCreate(dir.path());
    QVERIFY(first.ok());
    const auto sealed = first->seal(QByteArray("王小明"), QByteArray("n"));
    QVERIFY(sealed.ok());
    // A key folder made 0755 and a key file made 0644 by an older version are tightened.
    QVERIFY(QFile::setPermissions(dir.path(),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther
            | QFileDevice::ExeOther));
    const QString path = QDir(dir.path()).filePath(QStringLiteral("data.key"));
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
    auto second = Sealer::loadOrCreate(dir.path());
    QVERIFY2(second.ok(), qPrintable(second.error()));
    QCOMPARE(modeOf(dir.path()), 0700);
    QCOMPARE(modeOf(path), 0600);
    const auto opened = second->open(sealed.value(), QByteArray("n"));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    QCOMPARE(opened.value(), QByteArray("王小明"));
    QCOMPARE(second->blindIndex(QStringLiteral("a")), first->blindIndex(QStringLiteral("a")));
}

void TestSealer::damagedKeyFileIsReported()
{
    QTemporaryDir dir;
    QFile f(QDir(dir.path()).filePath(QStringLiteral("data.key")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("bm90IGEga2V5\n");
    f.close();
    auto s = Sealer::loadOrCreate(dir.path());
    QVERIFY(!s.ok());
    QVERIFY2(s.error().contains(QStringLiteral("damaged")), qPrintable(s.error()));
    // The damaged key is never replaced by a new one (that would lose the sealed data for good).
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("bm90IGEga2V5\n"));
}

void TestSealer::storeHasSealer()
{
    QTemporaryDir dir;
    QByteArray sealed;
    {
        auto store = Store::open(dir.path());
        QVERIFY2(store.ok(), qPrintable(store.error()));
        const auto r = store->sealer().seal(QByteArray("33010619900101123X"));
        QVERIFY(r.ok());
        sealed = r.value();
    }
    QVERIFY(QFileInfo::exists(QDir(dir.path()).filePath(QStringLiteral("keys/data.key"))));
    auto again = Store::open(dir.path());
    QVERIFY2(again.ok(), qPrintable(again.error()));
    const auto opened = again->sealer().open(sealed);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    QCOMPARE(opened.value(), QByteArray("33010619900101123X"));
}

QTEST_GUILESS_MAIN(TestSealer)
#include "tst_sealer.moc"
