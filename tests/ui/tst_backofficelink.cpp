// The back office of a window set up by hand (app/client/BackOfficeLink): none, unusable (a
// clear message, the client does not start; a file with a password is never used), or its address.
#include "BackOfficeLink.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestBackOfficeLink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noFileNoBackOffice();
    void unusableFileSaysWhy_data();
    void unusableFileSaysWhy();
    void validFileNamesTheBackOffice();

private:
    static void write(const QTemporaryDir &dir, const QByteArray &content)
    {
        QFile f(BackOfficeLink::path(dir.path()));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
};

void TestBackOfficeLink::noFileNoBackOffice()
{
    QTemporaryDir dir;
    const auto link = BackOfficeLink::load(dir.path());
    QVERIFY2(link, qPrintable(link.error()));
    QVERIFY(!link.value().has_value());
}

void TestBackOfficeLink::unusableFileSaysWhy_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not json") << QByteArray("url=http://x") << QStringLiteral("JSON");
    QTest::newRow("no url") << QByteArray(R"({})") << QStringLiteral("\"url\"");
    QTest::newRow("ftp url") << QByteArray(R"({"url":"ftp://x"})") << QStringLiteral("\"url\"");
    // The clear-text password of the old format: refused, so that it gets removed, never used.
    QTest::newRow("password") << QByteArray(R"({"url":"http://127.0.0.1:8787","user":"a","password":"b long"})")
                              << QStringLiteral("password");
    QTest::newRow("user only") << QByteArray(R"({"url":"http://127.0.0.1:8787","user":"a"})")
                               << QStringLiteral("remove");
}

void TestBackOfficeLink::unusableFileSaysWhy()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    write(dir, content);
    const auto link = BackOfficeLink::load(dir.path());
    QVERIFY(!link);
    QVERIFY2(link.error().contains(mentions), qPrintable(link.error()));
    QVERIFY2(link.error().contains(QStringLiteral("backoffice.json")), qPrintable(link.error()));
}

void TestBackOfficeLink::validFileNamesTheBackOffice()
{
    QTemporaryDir dir;
    write(dir, R"({"url":"http://127.0.0.1:8787"})");
    const auto link = BackOfficeLink::load(dir.path());
    QVERIFY2(link, qPrintable(link.error()));
    QVERIFY(link.value().has_value());
    QCOMPARE(*link.value(), QUrl(QStringLiteral("http://127.0.0.1:8787")));
}

QTEST_GUILESS_MAIN(TestBackOfficeLink)
#include "tst_backofficelink.moc"
