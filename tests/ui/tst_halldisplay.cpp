// The hall display (onewindow --hall-display): calls from the hall's queue appear large and are
// announced through the voice seam (HallVoice): spoken in Mandarin when a voice is installed,
// a chime otherwise. OW_SCREENSHOT_DIR + OW_TEST_LANG=zh_CN: a busy morning as a PNG.
#include "HallQueue.h"

#include "onewindow/i18n/Language.h"
#include "onewindow/ui/HallDisplay.h"
#include "onewindow/ui/HallVoice.h"

#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace ow;
using ow::ui::HallDisplay;

namespace {

class RecordingVoice : public ui::HallVoice
{
public:
    bool voice = true;
    QStringList said;
    int chimes = 0;
    bool hasVoice() const override { return voice; }
    QString description() const override { return voice ? QStringLiteral("test: cmn") : QStringLiteral("test: none"); }
    void say(const QString &text) override { said << text; }
    void chime() override { ++chimes; }
};

QList<queue::CategoryLoad> categories()
{
    return {{QStringLiteral("business"), QStringLiteral("商事登记"), QStringLiteral("A"), 0, 0},
        {QStringLiteral("social"), QStringLiteral("社会保障"), QStringLiteral("B"), 0, 0},
        {QStringLiteral("property"), QStringLiteral("不动产登记"), QStringLiteral("C"), 0, 0}};
}

} // namespace

class TestHallDisplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("TZ", "Asia/Shanghai"); // the hall's clock
        const QString language =
            qEnvironmentVariableIsSet("OW_TEST_LANG") ? qEnvironmentVariable("OW_TEST_LANG") : QStringLiteral("en");
        QVERIFY(i18n::installTranslations(*qApp, language));
    }

    void spokenText()
    {
        const ui::HallCall call {QStringLiteral("t1"), QStringLiteral("A012"), QStringLiteral("W03"),
            QStringLiteral("商事登记"), QDateTime()};
        QCOMPARE(HallDisplay::spokenText(call), QStringLiteral("请A零一二号到3号窗口"));
        QCOMPARE(HallDisplay::windowNumber(QStringLiteral("W03")), QStringLiteral("3"));
        QCOMPARE(HallDisplay::windowNumber(QStringLiteral("12")), QStringLiteral("12"));
        // As the back office names it (region-code): the number of its code.
        QCOMPARE(HallDisplay::windowNumber(QStringLiteral("330106-W03")), QStringLiteral("3"));
        QCOMPARE(HallDisplay::windowNumber(QStringLiteral("330106-12")), QStringLiteral("12"));
        QCOMPARE(HallDisplay::windowNumber(QStringLiteral("综合窗口")), QStringLiteral("综合窗口"));
    }

    void callAppearsAndIsSpoken()
    {
        FixedClock clock(QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC));
        HallQueue hall(clock, QStringLiteral("W03"), categories());
        RecordingVoice voice;
        HallDisplay display(clock, &voice);
        connect(&hall, &sync::QueueService::snapshotReady, &display, &HallDisplay::showSnapshot);
        QSignalSpy snapshots(&hall, &sync::QueueService::snapshotReady);
        hall.issue(QStringLiteral("business"), queue::Priority::None);
        hall.issue(QStringLiteral("social"), queue::Priority::None);
        hall.refresh();
        QTRY_COMPARE(snapshots.size(), 1);
        QVERIFY(voice.said.isEmpty()); // nobody called yet
        auto *waiting = display.findChild<QTableWidget *>(QStringLiteral("waitingTable"));
        QCOMPARE(waiting->rowCount(), 3);
        QCOMPARE(waiting->item(0, 0)->text(), QStringLiteral("商事登记"));
        QVERIFY(waiting->item(0, 1)->text().contains(QLatin1Char('1')));

        QSignalSpy changed(&hall, &sync::QueueService::ticketChanged);
        hall.callNext();
        QTRY_COMPARE(changed.size(), 1);
        hall.refresh();
        QTRY_COMPARE(voice.said.size(), 1);
        QCOMPARE(voice.said.constFirst(), QStringLiteral("请A零零一号到3号窗口"));
        auto *current = display.findChild<QLabel *>(QStringLiteral("currentCallLabel"));
        QVERIFY2(current->text().contains(QLatin1String("A001")), qPrintable(current->text()));
        QVERIFY(current->text().contains(QLatin1Char('3')));
        QCOMPARE(
            display.findChild<QLabel *>(QStringLiteral("currentCategoryLabel"))->text(), QStringLiteral("商事登记"));

        // The same snapshot again announces nothing new.
        hall.refresh();
        QTRY_COMPARE(snapshots.size(), 3);
        QCOMPARE(voice.said.size(), 1);
    }

    void chimeWithoutVoice()
    {
        FixedClock clock(QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC));
        RecordingVoice voice;
        voice.voice = false;
        HallDisplay display(clock, &voice);
        display.showCall({QStringLiteral("t9"), QStringLiteral("B007"), QStringLiteral("5"), QStringLiteral("社会保障"),
            clock.now()});
        QCOMPARE(voice.chimes, 1);
        QVERIFY(voice.said.isEmpty());
        QVERIFY(display.findChild<QLabel *>(QStringLiteral("statusLabel"))->isVisibleTo(&display));
    }

    void recallMovesTheTicketUp()
    {
        FixedClock clock(QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC));
        RecordingVoice voice;
        HallDisplay display(clock, &voice);
        display.showCall({QStringLiteral("a"), QStringLiteral("A001"), QStringLiteral("1"), QString(), clock.now()});
        display.showCall({QStringLiteral("b"), QStringLiteral("B001"), QStringLiteral("2"), QString(), clock.now()});
        display.showCall({QStringLiteral("a"), QStringLiteral("A001"), QStringLiteral("1"), QString(), clock.now()});
        QCOMPARE(display.recentCalls().size(), 2);
        QCOMPARE(display.recentCalls().constFirst().number, QStringLiteral("A001"));
        QCOMPARE(voice.said.size(), 3);
    }

    // A realistic morning: many calls, several categories (OW_SCREENSHOT_DIR: hall-display.png).
    void morningScreenshot()
    {
        const QDateTime opening(QDate(2026, 12, 7), QTime(0, 30), Qt::UTC); // 08:30 in Beijing
        FixedClock clock(opening);
        HallQueue hall(clock, QStringLiteral("W03"), categories());
        RecordingVoice voice;
        HallDisplay display(clock, &voice);
        display.setHallName(QStringLiteral("西湖区行政服务中心 一楼综合受理大厅"));
        connect(&hall, &sync::QueueService::snapshotReady, &display, &HallDisplay::showSnapshot);
        QSignalSpy snapshots(&hall, &sync::QueueService::snapshotReady);
        hall.refresh();
        QTRY_COMPARE(snapshots.size(), 1);
        // One morning in order: from 08:30 an applicant every 130 s takes a ticket; from 08:42
        // the six windows call one every 5 minutes (each call at its time on the clock); the
        // screen is seen at 09:35, after the last call and the last ticket.
        const char *cats[] = {"business", "social", "property", "business", "social", "business"};
        QSignalSpy changed(&hall, &sync::QueueService::ticketChanged);
        int issued = 0;
        int called = 0;
        const auto issueUntil = [&](const QDateTime &t) {
            while (opening.addSecs(qint64(issued) * 130) <= t) {
                clock.set(opening.addSecs(qint64(issued) * 130));
                hall.issue(QString::fromLatin1(cats[issued % 6]), queue::Priority::None);
                ++issued;
            }
        };
        for (; called < 11; ++called) {
            const QDateTime at = opening.addSecs(12 * 60 + called * 5 * 60);
            issueUntil(at);
            clock.set(at);
            hall.callNext();
            QTRY_COMPARE(changed.size(), 2 * called + 1);
            const auto t = changed.constLast().at(0).value<queue::Ticket>();
            hall.act(t.id, sync::QueueService::Action::Serve);
            QTRY_COMPARE(changed.size(), 2 * called + 2);
            hall.calls.first().window = QStringLiteral("330106-W0%1").arg(called % 6 + 1);
        }
        const QDateTime seen = opening.addSecs(65 * 60); // 09:35
        issueUntil(seen);
        clock.set(seen);
        QCOMPARE(hall.calls.first().at, opening.addSecs(62 * 60)); // the last call, 09:32
        hall.refresh();
        QTRY_VERIFY(voice.said.size() >= 11);
        display.resize(1366, 768);
        display.show();
        QVERIFY(QTest::qWaitForWindowExposed(&display));
        const QString dir = qEnvironmentVariable("OW_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QDir().mkpath(dir);
            QVERIFY(display.grab().save(QDir(dir).filePath(QStringLiteral("hall-display.png"))));
        }
    }
};

QTEST_MAIN(TestHallDisplay)
#include "tst_halldisplay.moc"
