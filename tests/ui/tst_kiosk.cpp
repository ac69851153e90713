// The kiosk (onewindow --kiosk): a category chosen by touch, the ticket issued by the hall's queue
// and printed; the slip read back by the project's ESC/POS parser and its QR decoded with ZXing;
// an ID card of someone 60 or older gives an elderly ticket; a printer fault is said on screen,
// the ticket stays (number shown) and prints again. OW_SCREENSHOT_DIR: kiosk*.png.
#include "HallQueue.h"
#include "ReceiptCheck.h"

#include "onewindow/escpossim/EscPosParser.h"
#include "onewindow/escpossim/ReceiptRenderer.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/idcard/IdCardData.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/CounterDevices.h"
#include "onewindow/ui/KioskWindow.h"

#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>

using namespace ow;
using ow::ui::KioskWindow;

namespace {

QList<queue::CategoryLoad> categories()
{
    return {{QStringLiteral("business"), QStringLiteral("商事登记"), QStringLiteral("A"), 0, 0},
        {QStringLiteral("social"), QStringLiteral("社会保障"), QStringLiteral("B"), 0, 0},
        {QStringLiteral("property"), QStringLiteral("不动产登记"), QStringLiteral("C"), 0, 0},
        {QStringLiteral("tax"), QStringLiteral("税务服务"), QStringLiteral("D"), 0, 0},
        {QStringLiteral("health"), QStringLiteral("医保服务"), QStringLiteral("E"), 0, 0}};
}

QByteArray joined(const QList<QByteArray> &blocks)
{
    QByteArray all;
    for (const QByteArray &b : blocks)
        all += b;
    return all;
}

void shoot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("OW_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(w->grab().save(QDir(dir).filePath(name)));
}

} // namespace

class TestKiosk : public QObject
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

    void init()
    {
        m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 12, 7), QTime(1, 12), Qt::UTC));
        m_hall = std::make_unique<HallQueue>(*m_clock, QStringLiteral("W01"), categories());
        m_devices = std::make_unique<ui::CounterDevices>();
        m_devices->setCanPrint(true);
        m_printed.clear();
        connect(m_devices.get(), &ui::CounterDevices::printRequested, m_devices.get(),
            [this](const QList<QByteArray> &blocks) { m_printed << joined(blocks); });
        m_context = std::make_unique<ui::ClientContext>();
        m_context->clock = m_clock.get();
        m_context->devices = m_devices.get();
        // A morning: people waiting before this applicant.
        for (int i = 0; i < 7; ++i)
            m_hall->issue(i % 2 ? QStringLiteral("business") : QStringLiteral("social"), queue::Priority::None);
        QTest::qWait(0);
        m_kiosk = std::make_unique<KioskWindow>(
            *m_context, m_hall.get(), QUrl(QStringLiteral("https://zwfw.example.invalid/")));
        m_kiosk->setHallName(QStringLiteral("西湖区行政服务中心"));
        m_kiosk->resize(1366, 768);
        m_kiosk->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_kiosk.get()));
    }

    void cleanup()
    {
        m_kiosk.reset();
        m_context.reset();
        m_devices.reset();
        m_hall.reset();
    }

    void ticketPrintedAndReadBack()
    {
        QPushButton *business = nullptr;
        QTRY_VERIFY((business = m_kiosk->findChild<QPushButton *>(QStringLiteral("category_business"))));
        QTRY_VERIFY(business->text().contains(QLatin1Char('3'))); // 3 waiting for 商事登记
        shoot(m_kiosk.get(), QStringLiteral("kiosk.png"));
        QTest::mouseClick(business, Qt::LeftButton);
        QTRY_COMPARE(m_printed.size(), 1);
        const auto ticket = m_kiosk->shownTicket();
        QVERIFY(ticket);
        QCOMPARE(ticket->number, QStringLiteral("A004"));
        QCOMPARE(ticket->priority, queue::Priority::None);
        QCOMPARE(m_kiosk->findChild<QLabel *>(QStringLiteral("ticketNumberLabel"))->text(), QStringLiteral("A004"));

        // The slip as the printer reads it: the number 4x, the category, the people ahead, the time.
        const auto page = escpossim::EscPosParser::parse(m_printed.constFirst(), 384);
        QVERIFY2(page, qPrintable(page.error()));
        const QString text = page->text();
        QVERIFY2(text.contains(QLatin1String("A004")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("商事登记")));
        QVERIFY(text.contains(QStringLiteral("西湖区行政服务中心")));
        QVERIFY(text.contains(QLatin1String("2026-12-07 09:12")));
        QVERIFY(text.contains(QLatin1Char('3'))); // ahead
        bool large = false;
        for (const auto &item : page->items) {
            for (const auto &run : item.runs)
                large = large || (run.text.contains(QLatin1String("A004")) && run.style.heightScale == 4);
        }
        QVERIFY2(large, "the number is printed 4x");
        // Its QR leads to the ticket's follow page.
        const auto image = escpossim::ReceiptRenderer::renderStream(m_printed.constFirst(), 384);
        QVERIFY(image);
        const auto codes = receiptcheck::decodeQrCodes(*image);
        QCOMPARE(codes.size(), 1);
        QCOMPARE(QString::fromUtf8(codes.constFirst()),
            QStringLiteral("https://zwfw.example.invalid/v1/tickets/%1/follow").arg(ticket->id));

        m_devices->reportPrinted(true, QStringLiteral("ok"));
        QTRY_VERIFY(!m_kiosk->findChild<QPushButton *>(QStringLiteral("reprintButton"))->isVisible());
        shoot(m_kiosk.get(), QStringLiteral("kiosk-ticket.png"));
        const QDir dir(qEnvironmentVariable("OW_SCREENSHOT_DIR"));
        if (!qEnvironmentVariableIsEmpty("OW_SCREENSHOT_DIR"))
            QVERIFY(image->save(dir.filePath(QStringLiteral("kiosk-slip.png"))));
        QTest::mouseClick(m_kiosk->findChild<QPushButton *>(QStringLiteral("doneButton")), Qt::LeftButton);
        QCOMPARE(m_kiosk->findChild<QStackedWidget *>(QStringLiteral("pages"))->currentIndex(), 0);
    }

    void elderlyByCard()
    {
        idcard::IdCardData card;
        card.birthDate = QDate(1958, 3, 1); // 68
        m_kiosk->takeCard(card);
        QVERIFY(m_kiosk->findChild<QLabel *>(QStringLiteral("cardLabel"))->text().contains(QLatin1String("68")));
        QPushButton *social = nullptr;
        QTRY_VERIFY((social = m_kiosk->findChild<QPushButton *>(QStringLiteral("category_social"))));
        QTest::mouseClick(social, Qt::LeftButton);
        QTRY_COMPARE(m_printed.size(), 1);
        QCOMPARE(m_kiosk->shownTicket()->priority, queue::Priority::Elderly);
        QVERIFY(m_kiosk->lastSlip()->priority.size() > 0);
        // The next applicant is not elderly by the previous one's card.
        m_devices->reportPrinted(true, QStringLiteral("ok"));
        QTest::mouseClick(m_kiosk->findChild<QPushButton *>(QStringLiteral("doneButton")), Qt::LeftButton);
        QTRY_VERIFY((social = m_kiosk->findChild<QPushButton *>(QStringLiteral("category_social"))));
        QTest::mouseClick(social, Qt::LeftButton);
        QTRY_COMPARE(m_printed.size(), 2);
        QCOMPARE(m_kiosk->shownTicket()->priority, queue::Priority::None);

        // Under 60: no priority.
        card.birthDate = QDate(1990, 1, 1);
        QCOMPARE(KioskWindow::ageOn(card.birthDate, QDate(2026, 12, 7)), 36);
        QCOMPARE(KioskWindow::ageOn(QDate(1966, 12, 8), QDate(2026, 12, 7)), 59);
        QCOMPARE(KioskWindow::ageOn(QDate(1966, 12, 7), QDate(2026, 12, 7)), 60);
    }

    void printerFaultKeepsTheTicket()
    {
        QPushButton *tax = nullptr;
        QTRY_VERIFY((tax = m_kiosk->findChild<QPushButton *>(QStringLiteral("category_tax"))));
        QTest::mouseClick(tax, Qt::LeftButton);
        QTRY_COMPARE(m_printed.size(), 1);
        m_devices->reportPrinted(false, QStringLiteral("The printer is out of paper."));
        auto *status = m_kiosk->findChild<QLabel *>(QStringLiteral("printStatusLabel"));
        auto *reprint = m_kiosk->findChild<QPushButton *>(QStringLiteral("reprintButton"));
        QTRY_VERIFY(reprint->isVisible());
        QVERIFY(status->text().contains(QLatin1String("out of paper")));
        QVERIFY(status->text().contains(QLatin1String("D001")));
        shoot(m_kiosk.get(), QStringLiteral("kiosk-paper-out.png"));
        // The screen does not go back by itself while the ticket is unprinted.
        QTest::qWait(50);
        QCOMPARE(m_kiosk->findChild<QStackedWidget *>(QStringLiteral("pages"))->currentIndex(), 1);
        // Paper in: the same ticket prints again (never a second ticket).
        QTest::mouseClick(reprint, Qt::LeftButton);
        QTRY_COMPARE(m_printed.size(), 2);
        QCOMPARE(m_printed.at(1), m_printed.at(0));
        m_devices->reportPrinted(true, QStringLiteral("ok"));
        QTRY_VERIFY(!reprint->isVisible());
        QCOMPARE(m_hall->tickets.size(), 8);
    }

    void unpluggedPrinterShowsTheNumber()
    {
        m_devices->setPrinterStatus(
            {usb::DeviceState::Unplugged, QStringLiteral("The printer was disconnected."), QString(), QString()});
        QTRY_VERIFY(m_kiosk->findChild<QLabel *>(QStringLiteral("statusLabel"))
                        ->text()
                        .contains(QLatin1String("disconnected")));
        QPushButton *health = nullptr;
        QTRY_VERIFY((health = m_kiosk->findChild<QPushButton *>(QStringLiteral("category_health"))));
        QTest::mouseClick(health, Qt::LeftButton);
        QTRY_VERIFY(m_kiosk->shownTicket());
        QCOMPARE(m_printed.size(), 0);
        QTRY_VERIFY(
            m_kiosk->findChild<QLabel *>(QStringLiteral("printStatusLabel"))->text().contains(QLatin1String("E001")));
    }

private:
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<HallQueue> m_hall;
    std::unique_ptr<ui::CounterDevices> m_devices;
    std::unique_ptr<ui::ClientContext> m_context;
    std::unique_ptr<KioskWindow> m_kiosk;
    QList<QByteArray> m_printed;
};

QTEST_MAIN(TestKiosk)
#include "tst_kiosk.moc"
