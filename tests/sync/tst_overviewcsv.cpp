// The 督办 section's codecs (issue 24): the overview's JSON read strictly (a mistyped field is an
// error naming it, nullable figures stay empty), and the CSV export's quoting per RFC 4180 with a
// BOM and CRLF, read back field by field.
#include "onewindow/sync/OverviewCsv.h"
#include "onewindow/sync/SupervisorOverview.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using ow::sync::OverviewCsv;
using ow::sync::SupervisorOverview;

namespace {

QJsonObject outcome(const QJsonValue &window, const QJsonValue &clerk, int tickets)
{
    return {{QStringLiteral("window"), window}, {QStringLiteral("clerk"), clerk}, {QStringLiteral("tickets"), tickets},
        {QStringLiteral("avgWaitSeconds"), tickets ? QJsonValue(90.0) : QJsonValue()},
        {QStringLiteral("p90WaitSeconds"), tickets ? QJsonValue(150) : QJsonValue()},
        {QStringLiteral("avgHandlingSeconds"), tickets ? QJsonValue(600.0) : QJsonValue()},
        {QStringLiteral("accepted"), 3}, {QStringLiteral("tolerated"), 1}, {QStringLiteral("notice"), 2},
        {QStringLiteral("refused"), 0}, {QStringLiteral("cases"), 4}, {QStringLiteral("oneVisit"), 3},
        {QStringLiteral("oneVisitShare"), 0.75}};
}

QJsonObject overview()
{
    const QJsonObject window {{QStringLiteral("window"), QStringLiteral("330106-W01")},
        {QStringLiteral("name"), QStringLiteral("综合窗口 \"1\", 东厅")},
        {QStringLiteral("kind"), QStringLiteral("window")}, {QStringLiteral("hall"), QJsonValue()},
        {QStringLiteral("clerk"), QJsonValue()}, {QStringLiteral("serving"), QJsonValue()},
        {QStringLiteral("waiting"), 0}, {QStringLiteral("longestWaitSeconds"), QJsonValue()},
        {QStringLiteral("lastSyncAt"), QJsonValue()}, {QStringLiteral("syncAgeSeconds"), QJsonValue()},
        {QStringLiteral("offline"), false}};
    return {{QStringLiteral("generatedAt"), QStringLiteral("2026-12-07T02:00:00Z")},
        {QStringLiteral("today"), QStringLiteral("2026-12-07")}, {QStringLiteral("from"), QStringLiteral("2026-12-01")},
        {QStringLiteral("to"), QStringLiteral("2026-12-07")},
        {QStringLiteral("page"),
            QJsonObject {
                {QStringLiteral("offset"), 0}, {QStringLiteral("limit"), 100}, {QStringLiteral("windows"), 1}}},
        {QStringLiteral("windows"), QJsonArray {window}},
        {QStringLiteral("deadlines"),
            QJsonObject {{QStringLiteral("today"), QStringLiteral("2026-12-07")},
                {QStringLiteral("nearLimit"), QStringLiteral("2026-12-09")}, {QStringLiteral("items"), QJsonArray()},
                {QStringLiteral("byWindow"), QJsonArray()}, {QStringLiteral("byDepartment"), QJsonArray()},
                {QStringLiteral("supplementsOverdue"), QJsonArray()}}},
        {QStringLiteral("outcomes"),
            QJsonObject {{QStringLiteral("total"), outcome(QJsonValue(), QJsonValue(), 7)},
                {QStringLiteral("windows"), QJsonArray {outcome(QStringLiteral("330106-W01"), QJsonValue(), 7)}},
                {QStringLiteral("clerks"),
                    QJsonArray {outcome(QStringLiteral("330106-W01"), QStringLiteral("李\n\"小\",红"), 0)}}}},
        {QStringLiteral("ratings"),
            QJsonObject {{QStringLiteral("bad"), QJsonArray()}, {QStringLiteral("appeals"), QJsonArray()}}},
        {QStringLiteral("daily"), QJsonArray()}};
}

// RFC 4180 records of `text`.
QList<QStringList> parse(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && (i + 1 < text.size() && text.at(i + 1) == u'"')) {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << std::exchange(field, QString());
        } else if (c == u'\r' && (i + 1 < text.size() && text.at(i + 1) == u'\n')) {
            row << std::exchange(field, QString());
            rows << std::exchange(row, QStringList());
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

} // namespace

class TestOverviewCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheOverview()
    {
        const auto o = SupervisorOverview::fromJson(overview());
        QVERIFY2(o, qPrintable(o.error()));
        QCOMPARE(o->from, QDate(2026, 12, 1));
        QCOMPARE(o->windows.size(), 1);
        QVERIFY(!o->windows.at(0).serving);
        QVERIFY(!o->windows.at(0).lastSyncAt.isValid());
        QCOMPARE(o->total.tickets, 7);
        QCOMPARE(o->clerkOutcomes.at(0).avgWaitSeconds, std::nullopt);
        QCOMPARE(*o->windowOutcomes.at(0).oneVisitShare, 0.75);
    }
    void aMistypedFieldIsNamed()
    {
        QJsonObject json = overview();
        QJsonObject outcomes = json.value(QLatin1String("outcomes")).toObject();
        QJsonObject total = outcomes.value(QLatin1String("total")).toObject();
        total.insert(QStringLiteral("tickets"), QStringLiteral("seven"));
        outcomes.insert(QStringLiteral("total"), total);
        json.insert(QStringLiteral("outcomes"), outcomes);
        const auto o = SupervisorOverview::fromJson(json);
        QVERIFY(!o);
        QVERIFY2(o.error().contains(QLatin1String("outcomes.total.tickets")), qPrintable(o.error()));
        json = overview();
        json.remove(QStringLiteral("daily"));
        QVERIFY(SupervisorOverview::fromJson(json).error().contains(QLatin1String("overview.daily")));
    }
    void csvQuotesEveryFieldAndReadsBack()
    {
        const auto o = SupervisorOverview::fromJson(overview());
        QVERIFY(o);
        const QByteArray bytes = OverviewCsv::outcomes(o.value());
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QString text = QString::fromUtf8(bytes.mid(3));
        const QList<QStringList> rows = parse(text);
        QCOMPARE(rows.size(), 4);
        for (const QStringList &r : rows)
            QCOMPARE(r.size(), OverviewCsv::kColumns);
        QCOMPARE(rows.at(0), OverviewCsv::header());
        // The window's name with a quote and a comma, the clerk's with a line break: intact.
        QCOMPARE(rows.at(2).at(2), QStringLiteral("综合窗口 \"1\", 东厅"));
        QCOMPARE(rows.at(3).at(3), QStringLiteral("李\n\"小\",红"));
        QCOMPARE(rows.at(1).at(1), QString()); // the total has no window
        QCOMPARE(rows.at(2).at(4), QStringLiteral("2026-12-01"));
        QCOMPARE(rows.at(2).at(7), QStringLiteral("1.5")); // 90 s
        QCOMPARE(rows.at(2).at(8), QStringLiteral("2.5")); // 150 s
        QCOMPARE(rows.at(2).at(9), QStringLiteral("10.0"));
        QCOMPARE(rows.at(2).at(16), QStringLiteral("75.0"));
        QCOMPARE(rows.at(3).at(7), QString()); // no tickets: nothing to average
        QCOMPARE(OverviewCsv::quote(QStringLiteral("a\"b")), QStringLiteral("\"a\"\"b\""));
        // Every line ends CRLF outside quotes; the only bare LF is inside the quoted clerk name.
        QCOMPARE(bytes.count("\r\n"), 4);
        QCOMPARE(bytes.count('\n'), 5);
    }
};

QTEST_GUILESS_MAIN(TestOverviewCsv)
#include "tst_overviewcsv.moc"
