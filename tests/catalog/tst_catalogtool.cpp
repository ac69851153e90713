#include "onewindow/testsupport/ProcessRun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// onewindow-tool catalog validate|stats|search and checklist, as a person runs them.
class TestCatalogTool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validateAcceptsTheDemo();
    void validateReportsEveryError();
    void statsJson();
    void searchJson();
    void searchPlain();
    void checklistJson();
    void checklistTable();
    void checklistErrors_data();
    void checklistErrors();
    void languageFollowsTheLocale_data();
    void languageFollowsTheLocale();
    void futureBirthDateIsRefused();

private:
    using Run = ow::testsupport::ProcessRun;
    static Run tool(const QStringList &args) { return ow::testsupport::runProcess(QStringLiteral(OW_TOOL), args); }
    static QString demo() { return QStringLiteral(OW_DEMO_CATALOGUE); }
};

void TestCatalogTool::validateAcceptsTheDemo()
{
    const Run r = tool({QStringLiteral("catalog"), QStringLiteral("validate"), demo()});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral(": valid")));
    QVERIFY(r.err.isEmpty());
}

void TestCatalogTool::validateReportsEveryError()
{
    QFile f(demo());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(f.readAll());
    text.replace(QStringLiteral("\"area >= 500\""), QStringLiteral("\"area >= '500'\""));
    text.replace(QStringLiteral("\"department\": \"tobacco\""), QStringLiteral("\"department\": \"tobaco\""));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(text.toUtf8());
    out.close();
    const Run r = tool({QStringLiteral("catalog"), QStringLiteral("validate"), path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(
                 path + QStringLiteral(": bundles[2] \"open-supermarket\".items[2].when: column 9: type mismatch")),
        qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("unknown department \"tobaco\"")), qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("2 errors")));
    QCOMPARE(tool({QStringLiteral("catalog"), QStringLiteral("validate"), dir.filePath(QStringLiteral("none.json"))})
                 .exitCode,
        1);
    QCOMPARE(tool({QStringLiteral("catalog"), QStringLiteral("validate")}).exitCode, 2);
}

void TestCatalogTool::languageFollowsTheLocale_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<bool>("chinese");
    QTest::newRow("C.UTF-8: English") << "C.UTF-8" << QStringList() << false;
    QTest::newRow("POSIX: English") << "POSIX" << QStringList() << false;
    QTest::newRow("zh_CN.UTF-8: Chinese") << "zh_CN.UTF-8" << QStringList() << true;
    QTest::newRow("--lang en wins") << "zh_CN.UTF-8" << QStringList {QStringLiteral("--lang"), QStringLiteral("en")}
                                    << false;
    QTest::newRow("--lang zh_CN wins") << "C.UTF-8" << QStringList {QStringLiteral("--lang"), QStringLiteral("zh_CN")}
                                       << true;
}

void TestCatalogTool::languageFollowsTheLocale()
{
    QFETCH(QString, lang);
    QFETCH(QStringList, extra);
    QFETCH(bool, chinese);
    QFile f(demo());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(f.readAll());
    text.replace(QStringLiteral("\"department\": \"tobacco\""), QStringLiteral("\"department\": \"tobaco\""));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(text.toUtf8());
    out.close();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *v : {"LC_ALL", "LC_MESSAGES", "LANGUAGE"})
        env.remove(QString::fromLatin1(v));
    env.insert(QStringLiteral("LANG"), lang);
    const Run r = ow::testsupport::runProcess(QStringLiteral(OW_TOOL),
        extra + QStringList {QStringLiteral("catalog"), QStringLiteral("validate"), path}, env);
    QCOMPARE(r.exitCode, 1);
    // One language throughout: the library's message and the tool's own count.
    static const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    if (chinese) {
        QVERIFY2(r.err.contains(QStringLiteral("未知部门“tobaco”")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("1 处错误")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("error")), qPrintable(r.err));
    } else {
        QVERIFY2(r.err.contains(QStringLiteral("unknown department \"tobaco\"")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("1 error")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(han), qPrintable(r.err));
    }
}

void TestCatalogTool::futureBirthDateIsRefused()
{
    // Born 2090-01-01: the check digit is right, the date is not yet.
    const QString first17 = QStringLiteral("33010620900101001");
    int sum = 0;
    static const int weights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    for (int i = 0; i < 17; ++i)
        sum += (first17.at(i).unicode() - '0') * weights[i];
    const QString number = first17 + QStringLiteral("10X98765432").at(sum % 11);
    const Run r = tool({QStringLiteral("idnumber"), QStringLiteral("check"), number});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2((r.out + r.err).contains(QStringLiteral("in the future")), qPrintable(r.out + r.err));
}

void TestCatalogTool::statsJson()
{
    const Run r = tool({QStringLiteral("catalog"), QStringLiteral("stats"), demo(), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    // The documented order, not only the documented keys.
    const QRegularExpression shape(QStringLiteral(
        "^\\{\"matters\":\\d+,\"bundles\":\\d+,\"departments\":\\d+,\"materials\":\\d+,\"version\":\"[^\"]+\"\\}\n$"));
    QVERIFY2(shape.match(r.out).hasMatch(), qPrintable(r.out));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.keys(),
        (QStringList {QStringLiteral("bundles"), QStringLiteral("departments"), QStringLiteral("materials"),
            QStringLiteral("matters"), QStringLiteral("version")}));
    QVERIFY(o.value(QStringLiteral("matters")).toInt() >= 40);
    QVERIFY(o.value(QStringLiteral("departments")).toInt() >= 8);
    QCOMPARE(o.value(QStringLiteral("version")).toString(), QStringLiteral("2026.11-demo"));
}

void TestCatalogTool::searchJson()
{
    const Run r = tool(
        {QStringLiteral("catalog"), QStringLiteral("search"), demo(), QStringLiteral("kcg"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("[{\"kind\":\"bundle\",\"id\":\"open-restaurant\",\"name\":\"开餐馆\"}")),
        qPrintable(r.out));
    const QJsonArray a = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QVERIFY(!a.isEmpty());
    const QJsonObject first = a.first().toObject();
    QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("bundle"));
    QCOMPARE(first.value(QStringLiteral("id")).toString(), QStringLiteral("open-restaurant"));
    QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("开餐馆"));
}

void TestCatalogTool::searchPlain()
{
    const Run r = tool(
        {QStringLiteral("catalog"), QStringLiteral("search"), demo(), QStringLiteral("kai"), QStringLiteral("can")});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(!lines.isEmpty());
    QCOMPARE(lines.first(), QStringLiteral("bundle\topen-restaurant\t开餐馆"));
}

void TestCatalogTool::checklistJson()
{
    const Run r = tool({QStringLiteral("checklist"), demo(), QStringLiteral("--bundle"),
        QStringLiteral("open-supermarket"), QStringLiteral("--answer"), QStringLiteral("area=500"),
        QStringLiteral("renovation=no"), QStringLiteral("fresh_processing=no"), QStringLiteral("tobacco=no"),
        QStringLiteral("--have"), QStringLiteral("id-card"), QStringLiteral("business-licence=elicence"),
        QStringLiteral("--json"), QStringLiteral("--today"), QStringLiteral("2026-09-29")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("incomplete"));
    bool hygiene = false;
    for (const QJsonValue &v : o.value(QStringLiteral("items")).toArray()) {
        const QJsonObject i = v.toObject();
        if (i.value(QStringLiteral("matter")).toString() == QLatin1String("330106-XK-HEALTH-001"))
            hygiene = i.value(QStringLiteral("included")).toBool();
    }
    QVERIFY(hygiene);
    QHash<QString, QString> status;
    for (const QJsonValue &v : o.value(QStringLiteral("materials")).toArray())
        status.insert(v[QStringLiteral("id")].toString(), v[QStringLiteral("status")].toString());
    QCOMPARE(status.value(QStringLiteral("id-card")), QStringLiteral("received"));
    QCOMPARE(status.value(QStringLiteral("business-licence")), QStringLiteral("waived"));
    QCOMPARE(status.value(QStringLiteral("hygiene-rules")), QStringLiteral("tolerated"));
    QCOMPARE(status.value(QStringLiteral("hygiene-application")), QStringLiteral("missing"));
    QVERIFY(o.value(QStringLiteral("missing")).toArray().contains(QStringLiteral("hygiene-application")));
    QVERIFY(o.value(QStringLiteral("unanswered")).toArray().isEmpty());
}

void TestCatalogTool::checklistTable()
{
    const Run r = tool({QStringLiteral("checklist"), demo(), QStringLiteral("--matter"),
        QStringLiteral("330106-QT-POLICE-001"), QStringLiteral("--have"), QStringLiteral("seal-application"),
        QStringLiteral("business-licence"), QStringLiteral("id-card=copy")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Verdict: incomplete")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("shortfall: the original is needed; only a copy was received")));
    QVERIFY(r.out.contains(QStringLiteral("Missing: id-card")));
}

void TestCatalogTool::checklistErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString d = QStringLiteral(OW_DEMO_CATALOGUE);
    QTest::newRow("no selection") << QStringList {d} << 2 << QStringLiteral("usage:");
    QTest::newRow("both selections") << QStringList {d, QStringLiteral("--bundle"), QStringLiteral("retirement"),
        QStringLiteral("--matter"), QStringLiteral("x")}
                                     << 2 << QStringLiteral("usage:");
    QTest::newRow("unknown bundle") << QStringList {d, QStringLiteral("--bundle"), QStringLiteral("open-zoo")} << 1
                                    << QStringLiteral("no bundle \"open-zoo\"");
    QTest::newRow("bad answer") << QStringList {d, QStringLiteral("--bundle"), QStringLiteral("open-supermarket"),
        QStringLiteral("--answer"), QStringLiteral("area=large")}
                                << 1 << QStringLiteral("question \"area\" needs a number");
    QTest::newRow("unknown material") << QStringList {d, QStringLiteral("--bundle"), QStringLiteral("retirement"),
        QStringLiteral("--have"), QStringLiteral("passport")}
                                      << 1 << QStringLiteral("no material \"passport\"");
    QTest::newRow("bad received form") << QStringList {d, QStringLiteral("--bundle"), QStringLiteral("retirement"),
        QStringLiteral("--have"), QStringLiteral("id-card=fax")}
                                       << 2 << QStringLiteral("MATERIAL=original");
    QTest::newRow("unknown option") << QStringList {d, QStringLiteral("--bundel"), QStringLiteral("x")} << 2
                                    << QStringLiteral("unknown option --bundel");
}

void TestCatalogTool::checklistErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run r = tool(QStringList {QStringLiteral("checklist")} + args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestCatalogTool)
#include "tst_catalogtool.moc"
