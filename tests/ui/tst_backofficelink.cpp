// The client's back office settings (app/client/BackOfficeLink): none, unusable (a clear
// message, the client does not start), or a SyncConfig for the engine.
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
    void validFileConfiguresTheEngine();

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
    QTest::newRow("no url") << QByteArray(R"({"user":"a","password":"b"})") << QStringLiteral("\"url\"");
    QTest::newRow("ftp url") << QByteArray(R"({"url":"ftp://x","user":"a","password":"b"})")
                             << QStringLiteral("\"url\"");
    QTest::newRow("no password") << QByteArray(R"({"url":"http://127.0.0.1:8787","user":"a"})")
                                 << QStringLiteral("\"password\"");
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

void TestBackOfficeLink::validFileConfiguresTheEngine()
{
    QTemporaryDir dir;
    write(dir, R"({"url":"http://127.0.0.1:8787","user":"station-clerk","password":"a long password"})");
    const auto link = BackOfficeLink::load(dir.path());
    QVERIFY2(link, qPrintable(link.error()));
    QVERIFY(link.value().has_value());
    QCOMPARE(link.value()->baseUrl, QUrl(QStringLiteral("http://127.0.0.1:8787")));
    QCOMPARE(link.value()->user, QStringLiteral("station-clerk"));
    QCOMPARE(link.value()->password, QStringLiteral("a long password"));
}

QTEST_GUILESS_MAIN(TestBackOfficeLink)
#include "tst_backofficelink.moc"
