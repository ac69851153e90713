// The kiosk with an ID card on the simulated reader (the real driver on a umockdev bus) and the
// simulated ESC/POS printer: a card whose holder has an appointment today checks it in and its
// ticket prints at once (the slip read back by the project's ESC/POS parser); a card without one
// leaves the choice of category, as a walk-in. Neither the name nor the number is shown.
#include "HallQueue.h"
#include "SimulatedCounter.h"

#include "onewindow/devicesim/IdCardReaderSim.h"
#include "onewindow/devicesim/SimIdCard.h"
#include "onewindow/devicesim/TestMain.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/idcard/IdCardData.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/CounterDevices.h"
#include "onewindow/ui/KioskWindow.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace ow;
using ow::devicesim::SimIdCard;
using ow::ui::KioskWindow;

class TestKioskCard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("TZ", "Asia/Shanghai");
        QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("en")));
        qRegisterMetaType<idcard::IdCardData>();
        const QString devices = m_counter.start(this, m_context, m_devices);
        QVERIFY2(devices.isEmpty(), qPrintable(devices));
        m_context.devices = &m_devices;
    }

    void appointmentFoundByTheCard()
    {
        FixedClock clock(QDateTime(QDate(2026, 12, 7), QTime(1, 12), Qt::UTC)); // 09:12
        m_context.clock = &clock;
        HallQueue hall(clock, QStringLiteral("W01"),
            {{QStringLiteral("business"), QStringLiteral("商事登记"), QStringLiteral("A"), 0, 0},
                {QStringLiteral("social"), QStringLiteral("社会保障"), QStringLiteral("B"), 0, 0}});
        for (int i = 0; i < 2; ++i)
            hall.issue(QStringLiteral("business"), queue::Priority::None); // walk-ins A001, A002
        QTest::qWait(0);
        KioskWindow kiosk(m_context, &hall, QUrl(QStringLiteral("https://zwfw.example.invalid/")));
        kiosk.setHallName(QStringLiteral("西湖区行政服务中心"));
        kiosk.resize(1366, 768);
        kiosk.show();
        QVERIFY(QTest::qWaitForWindowExposed(&kiosk));
        QSignalSpy read(m_context.cardReader, &idcard::IdCardReader::cardRead);
        auto *cardLabel = kiosk.findChild<QLabel *>(QStringLiteral("cardLabel"));

        // A card without an appointment: the categories, as a walk-in; nothing was issued.
        m_counter.reader.putCard(SimIdCard::demo(SimIdCard::Demo::ResidentFemale));
        QVERIFY(read.wait(15000));
        const auto card = read.constFirst().constFirst().value<idcard::IdCardData>();
        QVERIFY(!card.idNumber.isEmpty());
        QTRY_VERIFY(cardLabel->text().contains(QLatin1String("No appointment today")));
        QCOMPARE(hall.tickets.size(), 2);
        QVERIFY(!kiosk.shownTicket());
        QTRY_VERIFY(kiosk.findChild<QPushButton *>(QStringLiteral("category_business"))->isEnabled());
        QVERIFY(!cardLabel->text().contains(card.idNumber) && !cardLabel->text().contains(card.name));
        QSignalSpy removed(m_context.cardReader, &idcard::IdCardReader::cardRemoved);
        m_counter.reader.removeCard();
        QVERIFY(removed.wait(15000)); // the reader saw it go: the same card put back is read again
        kiosk.findChild<QPushButton *>(QStringLiteral("clearCardButton"))->click();

        // Booked (slot 09:10–09:30): the same card checks it in, and its ticket prints at once,
        // ahead of the two walk-ins (on time, its slot has started).
        hall.appointments.insert(card.idNumber,
            {QStringLiteral("business"), QDateTime(QDate(2026, 12, 7), QTime(1, 10), Qt::UTC),
                QDateTime(QDate(2026, 12, 7), QTime(1, 30), Qt::UTC), false});
        m_counter.printer.clearPage();
        QSignalSpy printed(&m_devices, &ui::CounterDevices::printed);
        m_counter.reader.putCard(SimIdCard::demo(SimIdCard::Demo::ResidentFemale));
        QVERIFY(read.wait(15000));
        QTRY_VERIFY(kiosk.shownTicket());
        const queue::Ticket ticket = *kiosk.shownTicket();
        QCOMPARE(ticket.source, queue::TicketSource::Appointment);
        QCOMPARE(ticket.number, QStringLiteral("A003"));
        QVERIFY(hall.appointments.value(card.idNumber).checkedIn);
        QTRY_VERIFY_WITH_TIMEOUT(!printed.isEmpty(), 20000);
        QVERIFY2(printed.constFirst().at(0).toBool(), qPrintable(printed.constFirst().at(1).toString()));
        const QString slip = m_counter.printer.page().text();
        QVERIFY2(slip.contains(QLatin1String("A003")), qPrintable(slip));
        QVERIFY(slip.contains(QStringLiteral("商事登记")));
        QVERIFY(!slip.contains(card.idNumber) && !slip.contains(card.name));
        QCOMPARE(kiosk.findChild<QLabel *>(QStringLiteral("aheadLabel"))->text(), QStringLiteral("You are next."));
        QCOMPARE(hall.tickets.size(), 3);
        m_counter.reader.removeCard();
    }

    void cleanupTestCase() { m_counter.stop(); }

private:
    testsupport::SimulatedCounter m_counter;
    ui::CounterDevices m_devices;
    ui::ClientContext m_context;
};

OW_DEVICESIM_GUI_TEST_MAIN(TestKioskCard)

#include "tst_kioskcard.moc"
