// The window's 排队叫号 section: tickets taken the kiosk's way (QueueService::issue) are called
// with F1, the called ticket shows large and opens its case; recall is disabled until the recall
// delay has passed (and says why); no-show only after the calls; park and resume; Enter starts
// intake. OW_SCREENSHOT_DIR: queue-page.png (a morning with many tickets).
#include "HallQueue.h"
#include "IntakeTestContext.h"

#include "onewindow/i18n/Language.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/store/Store.h"
#include "onewindow/sync/LocalQueueService.h"
#include "onewindow/sync/StationQueueJournal.h"
#include "onewindow/ui/CasesPage.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/IntakePage.h"
#include "onewindow/ui/MainWindow.h"
#include "onewindow/ui/QueuePage.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using ow::ui::QueuePage;

class TestQueuePage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("TZ", "Asia/Shanghai");
        const QString language =
            qEnvironmentVariableIsSet("OW_TEST_LANG") ? qEnvironmentVariable("OW_TEST_LANG") : QStringLiteral("en");
        QVERIFY(i18n::installTranslations(*qApp, language));
    }

    void callRecallNoShowParkResume()
    {
        const QDateTime opening(QDate(2026, 12, 7), QTime(0, 30), Qt::UTC);
        FixedClock clock(opening);
        HallQueue hall(clock, QStringLiteral("W03"),
            {{QStringLiteral("business"), QStringLiteral("商事登记"), QStringLiteral("A"), 0, 0},
                {QStringLiteral("social"), QStringLiteral("社会保障"), QStringLiteral("B"), 0, 0}});
        hall.settings.recallDelay = 60;
        hall.settings.noShowAfterCalls = 2;
        QSignalSpy issued(&hall, &sync::QueueService::ticketIssued);
        const char *cats[] = {"business", "social", "business"};
        for (int i = 0; i < 24; ++i) {
            clock.set(opening.addSecs(i * 150));
            hall.issue(QString::fromLatin1(cats[i % 3]), i == 20 ? queue::Priority::Elderly : queue::Priority::None);
        }
        QTRY_COMPARE(issued.size(), 24);
        clock.set(opening.addSecs(65 * 60)); // 09:35

        ui::ClientContext context;
        context.clock = &clock;
        context.queue = &hall;
        QList<queue::Ticket> opened;
        QueuePage page(context);
        page.setHallSettings(hall.settings);
        page.setOpenCase([&opened](const queue::Ticket &t) -> Result<std::pair<QString, QString>> {
            opened << t;
            return Result<std::pair<QString, QString>>(
                std::make_pair(QStringLiteral("case-1"), QStringLiteral("330106-20261207-0007")));
        });
        page.resize(1366, 768);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.activateWindow(); // the keys are the page's (and its children's) shortcuts
        QVERIFY(QTest::qWaitForWindowActive(&page));
        auto *table = page.findChild<QTableWidget *>(QStringLiteral("ticketTable"));
        QTRY_COMPARE(table->rowCount(), 24);
        // The elderly applicant of 09:20 goes ahead of walk-ins who came up to 10 minutes earlier.
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("A001"));

        auto *recall = page.findChild<QPushButton *>(QStringLiteral("recallButton"));
        auto *noShow = page.findChild<QPushButton *>(QStringLiteral("noShowButton"));
        QVERIFY(!recall->isEnabled());
        QTest::keyClick(&page, Qt::Key_F1);
        QTRY_VERIFY(page.current());
        QCOMPARE(page.current()->number, QStringLiteral("A001"));
        QCOMPARE(page.findChild<QLabel *>(QStringLiteral("currentNumberLabel"))->text(), QStringLiteral("A001"));
        QCOMPARE(page.findChild<QLabel *>(QStringLiteral("currentCategoryLabel"))->text(), QStringLiteral("商事登记"));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("currentWaitLabel"))
                    ->text()
                    .contains(QueuePage::waitText(65 * 60)));
        // The case began with the ticket.
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.constFirst().number, QStringLiteral("A001"));
        // Recall: not yet, and the page says why.
        QVERIFY(!recall->isEnabled());
        QVERIFY(!page.findChild<QLabel *>(QStringLiteral("actionHintLabel"))->text().isEmpty());
        QVERIFY(!noShow->isEnabled());
        clock.set(clock.now().addSecs(61));
        hall.refresh(); // the live update (or the recall timer, in real time)
        QTRY_VERIFY(recall->isEnabled());
        QTest::keyClick(&page, Qt::Key_F2);
        QTRY_COMPARE(page.current()->calls, 2);
        QVERIFY(!recall->isEnabled());
        clock.set(clock.now().addSecs(61));
        hall.refresh();
        QTRY_VERIFY(noShow->isEnabled());
        QTest::keyClick(&page, Qt::Key_F3);
        QTRY_VERIFY(!page.current());
        QCOMPARE(hall.find(opened.constFirst().id)->state, queue::TicketState::NoShow);

        // Next: park it, call another, resume the parked one.
        QTest::keyClick(&page, Qt::Key_F1);
        QTRY_VERIFY(page.current());
        const QString parkedId = page.current()->id;
        QTest::keyClick(&page, Qt::Key_F5);
        QTRY_VERIFY(!page.current());
        auto *parked = page.findChild<QListWidget *>(QStringLiteral("parkedList"));
        QTRY_COMPARE(parked->count(), 1);
        QTest::keyClick(&page, Qt::Key_F1);
        QTRY_VERIFY(page.current() && page.current()->id != parkedId);
        // Enter: the applicant is here, intake takes over; the ticket is served with its case.
        QSignalSpy intake(&page, &QueuePage::intakeRequested);
        QTest::keyClick(&page, Qt::Key_Return);
        QCOMPARE(intake.size(), 1);
        QTRY_COMPARE(hall.find(page.current()->id)->state, queue::TicketState::Serving);
        QCOMPARE(hall.find(page.current()->id)->caseNumber, QStringLiteral("330106-20261207-0007"));
        hall.act(page.current()->id, sync::QueueService::Action::Done);
        QTRY_VERIFY(!page.current());
        parked->setCurrentRow(0);
        QTest::keyClick(&page, Qt::Key_F6);
        QTRY_VERIFY(page.current());
        QCOMPARE(page.current()->id, parkedId);

        const QString dir = qEnvironmentVariable("OW_SCREENSHOT_DIR");
        // (the screenshot below)
        if (!dir.isEmpty()) {
            QDir().mkpath(dir);
            hall.refresh();
            QTest::qWait(20);
            QVERIFY(page.grab().save(QDir(dir).filePath(QStringLiteral("queue-page.png"))));
        }
    }

    // The real intake: a called ticket opens a case at 受理 whose log has the ticket and its wait.
    void keysWorkWhileTheSectionListHasTheFocus()
    {
        // The clerk clicks 排队叫号 in the section list and presses F1: the focus is still in the
        // list, not in the page, and F1 calls all the same (as the intake page's keys do).
        const QDateTime opening(QDate(2026, 12, 7), QTime(0, 30), Qt::UTC);
        FixedClock clock(opening);
        HallQueue hall(clock, QStringLiteral("W03"),
            {{QStringLiteral("business"), QStringLiteral("商事登记"), QStringLiteral("A"), 0, 0}});
        QSignalSpy issued(&hall, &sync::QueueService::ticketIssued);
        hall.issue(QStringLiteral("business"), queue::Priority::None);
        QTRY_COMPARE(issued.size(), 1);
        ui::ClientContext context;
        context.clock = &clock;
        context.queue = &hall;
        QWidget window;
        auto *layout = new QHBoxLayout(&window);
        auto *sections = new QListWidget(&window);
        sections->addItem(QStringLiteral("排队叫号"));
        layout->addWidget(sections);
        auto *page = new QueuePage(context, &window);
        page->setOpenCase([](const queue::Ticket &) -> Result<std::pair<QString, QString>> {
            return Result<std::pair<QString, QString>>(
                std::make_pair(QStringLiteral("case-1"), QStringLiteral("330106-20261207-0001")));
        });
        layout->addWidget(page);
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        sections->setFocus();
        QTRY_VERIFY(sections->hasFocus());
        QTest::keyClick(sections, Qt::Key_F1);
        QTRY_VERIFY(page->current());
        QCOMPARE(page->current()->number, QStringLiteral("A001"));
    }

    void calledTicketOpensItsCase()
    {
        const QDateTime now(QDate(2026, 12, 7), QTime(1, 35), Qt::UTC);
        FixedClock clock(now);
        QTemporaryDir dir;
        auto store = store::Store::open(dir.path());
        QVERIFY2(store, qPrintable(store.error()));
        ui::ClientContext context;
        testsupport::IntakeTestContext shared;
        shared.fill(context, &clock);
        context.store = &store.value();
        ui::IntakePage intake(context);
        intake.catalogueReady();
        queue::Ticket ticket;
        ticket.id = QStringLiteral("7d0c5f3e-1111-4a5b-9c9d-000000000001");
        ticket.number = QStringLiteral("A007");
        ticket.hall = QStringLiteral("H1");
        ticket.category = QStringLiteral("business");
        ticket.issuedAt = ticket.queuedAt = now.addSecs(-23 * 60);
        ticket.state = queue::TicketState::Called;
        ticket.calls = 1;
        ticket.lastCalledAt = now;
        const auto opened = intake.startForTicket(ticket);
        QVERIFY2(opened, qPrintable(opened.error()));
        QCOMPARE(intake.workflow()->caseNumber(), opened->second);
        const auto entries = store::CaseLog(store.value()).entries(opened->first);
        QVERIFY(entries);
        QCOMPARE(entries->size(), 2);
        QCOMPARE(entries->at(0).kind, QStringLiteral("started"));
        QCOMPARE(entries->at(1).kind, QStringLiteral("ticket"));
        QCOMPARE(entries->at(1).payload.value(QStringLiteral("number")).toString(), QStringLiteral("A007"));
        QCOMPARE(entries->at(1).payload.value(QStringLiteral("waitedSeconds")).toInteger(), 23 * 60);
        QCOMPARE(intake.workflow()->state().tickets, QStringList {ticket.id});
    }

    // A station's own queue (its store, no back office): a ticket issued there and called with F1
    // opens a case at 受理 through the real intake, as at a hall's window; Enter serves it with
    // that case, and the station's ticket log says so (issued, called, served with the case).
    void stationTicketOpensItsCaseOffline()
    {
        const QDateTime now(QDate(2026, 12, 7), QTime(1, 35), Qt::UTC);
        FixedClock clock(now.addSecs(-17 * 60));
        QTemporaryDir dir;
        auto store = store::Store::open(dir.path());
        QVERIFY2(store, qPrintable(store.error()));
        sync::LocalQueueService station(store.value(), QStringLiteral("330106-S07"), QStringLiteral("Z"), clock);
        station.setCategories(queue::Category::fromGroups({{QStringLiteral("business"), QStringLiteral("商事登记")},
            {QStringLiteral("social"), QStringLiteral("社会保障")}}));
        station.setClerk(QStringLiteral("station-clerk"));
        QSignalSpy issued(&station, &sync::QueueService::ticketIssued);
        station.issue(QStringLiteral("social"), queue::Priority::None);
        QTRY_COMPARE(issued.size(), 1);
        const auto ticket = issued.constFirst().constFirst().value<queue::Ticket>();
        QCOMPARE(ticket.number, QStringLiteral("Z001"));
        clock.set(now);

        ui::ClientContext context;
        testsupport::IntakeTestContext shared;
        shared.fill(context, &clock);
        context.store = &store.value();
        context.queue = &station;
        ui::IntakePage intake(context);
        intake.catalogueReady();
        QueuePage page(context);
        page.setOpenCase([&intake](const queue::Ticket &t) { return intake.startForTicket(t); });
        page.resize(1366, 768);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        auto *table = page.findChild<QTableWidget *>(QStringLiteral("ticketTable"));
        QTRY_COMPARE(table->rowCount(), 1);
        QTest::keyClick(&page, Qt::Key_F1);
        QTRY_VERIFY(page.current());
        QCOMPARE(page.current()->number, QStringLiteral("Z001"));
        QCOMPARE(page.findChild<QLabel *>(QStringLiteral("currentCategoryLabel"))->text(), QStringLiteral("社会保障"));
        // The case began with the ticket and its wait, in the station's store.
        const QString caseNumber = intake.workflow()->caseNumber();
        QVERIFY(!caseNumber.isEmpty());
        const QString caseId = intake.workflow()->caseId();
        const auto entries = store::CaseLog(store.value()).entries(caseId);
        QVERIFY2(entries, qPrintable(entries.error()));
        QCOMPARE(entries->at(1).kind, QStringLiteral("ticket"));
        QCOMPARE(entries->at(1).payload.value(QStringLiteral("number")).toString(), QStringLiteral("Z001"));
        QCOMPARE(entries->at(1).payload.value(QStringLiteral("waitedSeconds")).toInteger(), 17 * 60);
        QTest::keyClick(&page, Qt::Key_Return);
        const sync::StationQueueJournal journal(store.value());
        QTRY_COMPARE(journal.ticket(ticket.id)->state, queue::TicketState::Serving);
        QCOMPARE(journal.ticket(ticket.id)->caseNumber, caseNumber);
        const auto events = journal.events(ticket.id);
        QVERIFY(events);
        QStringList kinds;
        for (const auto &e : events.value())
            kinds << e.kind;
        QCOMPARE(kinds, (QStringList {QStringLiteral("issued"), QStringLiteral("called"), QStringLiteral("served")}));
        QCOMPARE(events->constLast().data.value(QStringLiteral("caseNumber")).toString(), caseNumber);
        QCOMPARE(events->constLast().clerk, QStringLiteral("station-clerk"));
    }
    // Issue 25: the window makes only the section it shows first (intake); 排队叫号 and 案件 are
    // made when first shown. Made then, they work from their keys as before: Ctrl+1 shows the
    // station's waiting ticket, F1 calls it and opens its case in the intake section (wired at
    // that moment), Ctrl+3 shows the cases.
    void sectionsMadeOnFirstShowWorkFromTheirKeys()
    {
        const QDateTime now(QDate(2026, 12, 7), QTime(1, 35), Qt::UTC);
        FixedClock clock(now.addSecs(-5 * 60));
        QTemporaryDir dir;
        auto store = store::Store::open(dir.path());
        QVERIFY2(store, qPrintable(store.error()));
        sync::LocalQueueService station(store.value(), QStringLiteral("330106-S07"), QStringLiteral("Z"), clock);
        station.setCategories(queue::Category::fromGroups({{QStringLiteral("social"), QStringLiteral("社会保障")}}));
        station.setClerk(QStringLiteral("station-clerk"));
        QSignalSpy issued(&station, &sync::QueueService::ticketIssued);
        station.issue(QStringLiteral("social"), queue::Priority::None);
        QTRY_COMPARE(issued.size(), 1);
        clock.set(now);

        ui::ClientContext context;
        testsupport::IntakeTestContext shared;
        shared.fill(context, &clock);
        context.store = &store.value();
        context.queue = &station;
        ui::MainWindow window(context);
        window.catalogueReady();
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QCOMPARE(window.currentSection(), ui::MainWindow::Section::Intake);
        QVERIFY(window.findChild<ui::IntakePage *>());
        QVERIFY(!window.findChild<QueuePage *>());
        QVERIFY(!window.findChild<ui::CasesPage *>());

        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(window.currentSection(), ui::MainWindow::Section::Queue);
        auto *page = window.findChild<QueuePage *>();
        QVERIFY(page);
        auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("sectionStack"));
        QCOMPARE(stack->currentWidget(), page);
        QCOMPARE(stack->count(), 4);
        QVERIFY(page->isVisible());
        auto *table = page->findChild<QTableWidget *>(QStringLiteral("ticketTable"));
        QTRY_COMPARE(table->rowCount(), 1);
        QTest::keyClick(&window, Qt::Key_F1);
        QTRY_VERIFY(page->current());
        QCOMPARE(page->current()->number, QStringLiteral("Z001"));
        QVERIFY(!window.findChild<ui::IntakePage *>()->workflow()->caseNumber().isEmpty());

        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.currentSection(), ui::MainWindow::Section::Cases);
        auto *cases = window.findChild<ui::CasesPage *>();
        QVERIFY(cases);
        QCOMPARE(stack->currentWidget(), cases);
        QVERIFY(cases->isVisible());
        // Shown again, a section is the same one (made once).
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(stack->currentWidget(), page);
        QCOMPARE(window.findChildren<QueuePage *>().size(), 1);
    }
};

QTEST_MAIN(TestQueuePage)
#include "tst_queuepage.moc"
