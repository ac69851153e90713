// The back office of a window set up by hand (app/client/BackOfficeLink): none, unusable (a
// clear message, the client does not start; a file with a password is never used), or its address.
// Plain http:// only to this computer, there and in an enrolled window's address (AccountSettings).
#include "BackOfficeLink.h"

#include "onewindow/account/AccountSettings.h"

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
    void validFileNamesTheBackOffice_data();
    void validFileNamesTheBackOffice();
    void plainHttpOnlyToThisComputer_data();
    void plainHttpOnlyToThisComputer();

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
    // Plain http:// to another computer: readable and alterable by anyone on the way.
    QTest::newRow("plain http to a host")
        << QByteArray(R"({"url":"http://10.0.0.5:8787"})") << QStringLiteral("https://");
    QTest::newRow("plain http to a name")
        << QByteArray(R"({"url":"http://backoffice.example.gov.cn"})") << QStringLiteral("https://");
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

void TestBackOfficeLink::validFileNamesTheBackOffice_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("loopback") << QStringLiteral("http://127.0.0.1:8787");
    QTest::newRow("loopback /8") << QStringLiteral("http://127.0.0.2:8787");
    QTest::newRow("localhost") << QStringLiteral("http://localhost:8787");
    QTest::newRow("ipv6 loopback") << QStringLiteral("http://[::1]:8787");
    QTest::newRow("https") << QStringLiteral("https://10.0.0.5:8443");
}

void TestBackOfficeLink::validFileNamesTheBackOffice()
{
    QFETCH(QString, url);
    QTemporaryDir dir;
    write(dir, R"({"url":")" + url.toUtf8() + R"("})");
    const auto link = BackOfficeLink::load(dir.path());
    QVERIFY2(link, qPrintable(link.error()));
    QVERIFY(link.value().has_value());
    QCOMPARE(*link.value(), QUrl(url));
}

void TestBackOfficeLink::plainHttpOnlyToThisComputer_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("https") << QStringLiteral("https://bo.example.gov.cn") << true;
    QTest::newRow("no scheme means https") << QStringLiteral("bo.example.gov.cn:8443") << true;
    QTest::newRow("http loopback") << QStringLiteral("http://127.0.0.1:8787") << true;
    QTest::newRow("http localhost") << QStringLiteral("http://localhost:8787") << true;
    QTest::newRow("http ::1") << QStringLiteral("http://[::1]:8787") << true;
    QTest::newRow("http lan") << QStringLiteral("http://192.168.1.20:8787") << false;
    QTest::newRow("http name") << QStringLiteral("http://bo.example.gov.cn") << false;
    QTest::newRow("http looks local") << QStringLiteral("http://127.0.0.1.example.com") << false;
}

void TestBackOfficeLink::plainHttpOnlyToThisComputer()
{
    QFETCH(QString, typed);
    QFETCH(bool, accepted);
    const auto parsed = ow::account::AccountSettings::parseAddress(typed);
    QCOMPARE(bool(parsed), accepted);
    if (!accepted) {
        QVERIFY2(parsed.error().contains(QLatin1String("https://")), qPrintable(parsed.error()));
        QVERIFY2(parsed.error().contains(QLatin1String("http://")), qPrintable(parsed.error()));
    }
}

QTEST_GUILESS_MAIN(TestBackOfficeLink)
#include "tst_backofficelink.moc"
