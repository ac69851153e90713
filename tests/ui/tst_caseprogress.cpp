// The departments column of the 案件 list: what the back office's events say, in a few words.
#include "onewindow/i18n/Language.h"
#include "onewindow/ui/CaseProgress.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using ow::ui::CaseProgress;

class TestCaseProgress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(ow::i18n::installTranslations(*qApp, QStringLiteral("zh_CN"))); }
    void summary_data();
    void summary();
};

void TestCaseProgress::summary_data()
{
    QTest::addColumn<QByteArray>("remote");
    QTest::addColumn<QString>("expected");
    const QByteArray routed = R"("routed":{"市场监管局":["i1","i2"],"消防救援大队":["i3"]})";
    QTest::newRow("nothing yet") << QByteArray("{}") << QString();
    QTest::newRow("confirmed only") << QByteArray(R"({"confirmedAt":"2026-11-27T02:00:00Z"})") << QString();
    QTest::newRow("routed") << "{" + routed + "}" << QStringLiteral("已分送 2 个部门办理");
    QTest::newRow("one approved") << "{" + routed
            + R"(,"items":{"i1":{"department":"市场监管局","outcome":"approved"}}})"
                                  << QStringLiteral("已审批 1/3 项");
    QTest::newRow("approved and ready") << "{" + routed
            + R"(,"items":{"i1":{"department":"市场监管局","outcome":"approved","readyAt":"x"},)"
              R"("i2":{"department":"市场监管局","outcome":"approved"}}})"
                                        << QStringLiteral("已审批 2/3 项，1 项结果已出");
    QTest::newRow("supplement first") << "{" + routed
            + R"(,"items":{"i1":{"department":"市场监管局","outcome":"rejected","reason":"不符合"},)"
              R"("i3":{"department":"消防救援大队","outcome":"supplement","what":"消防平面图"}}})"
                                      << QStringLiteral("消防救援大队要求补正：消防平面图；市场监管局不予许可：不符合");
    // Issue 22: a result ready is never hidden behind another item's message.
    QTest::newRow("ready beside a supplement")
        << "{" + routed
            + R"(,"items":{"i1":{"department":"市场监管局","outcome":"approved","readyAt":"x"},)"
              R"("i3":{"department":"消防救援大队","outcome":"supplement","what":"消防平面图"}}})"
        << QStringLiteral("消防救援大队要求补正：消防平面图；已审批 1/3 项，1 项结果已出");
    QTest::newRow("rejected") << "{" + routed
            + R"(,"items":{"i1":{"department":"市场监管局","outcome":"rejected","reason":"位于居民楼"}}})"
                              << QStringLiteral("市场监管局不予许可：位于居民楼");
    QTest::newRow("hand-out") << "{" + routed + R"(,"handoutAt":"2026-11-30T02:00:00Z"})"
                              << QStringLiteral("各部门均已办结，请发放结果");
    QTest::newRow("held") << QByteArray(R"({"confirmedAt":"x","heldReason":"only in the evaluation [AMR-001 (amr)]"})")
                          << QStringLiteral("后台暂缓分送");
    QTest::newRow("malformed") << QByteArray(R"({"routed":[1,2],"items":"x"})") << QString();
}

void TestCaseProgress::summary()
{
    QFETCH(QByteArray, remote);
    QFETCH(QString, expected);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(remote, &error);
    QVERIFY2(doc.isObject(), qPrintable(error.errorString()));
    QCOMPARE(CaseProgress::summary(doc.object()), expected);
}

QTEST_GUILESS_MAIN(TestCaseProgress)
#include "tst_caseprogress.moc"
