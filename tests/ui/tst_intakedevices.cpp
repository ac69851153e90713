// The done-when of the intake issue, end to end with the real device stack: the clerk places the
// demo card, searches "kcg", answers, marks the materials and accepts; the receipt goes to the
// simulated printer through libusb; what the printer put on paper scans back to a genuine,
// signed QR that names the case.
#include "IntakeTestContext.h"
#include "ReceiptCheck.h"
#include "SimulatedCounter.h"

#include "onewindow/catalog/Catalog.h"
#include "onewindow/catalog/CatalogSearch.h"
#include "onewindow/catalog/PinyinTable.h"
#include "onewindow/devicesim/EscPosPrinterSim.h"
#include "onewindow/devicesim/IdCardReaderSim.h"
#include "onewindow/devicesim/Preload.h"
#include "onewindow/devicesim/TestMain.h"
#include "onewindow/devicesim/UsbTestbed.h"
#include "onewindow/escpossim/ReceiptRenderer.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/idcard/IdCardReader.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/printer/ReceiptPrinter.h"
#include "onewindow/store/Store.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/CounterDevices.h"
#include "onewindow/ui/DemoCardSlot.h"
#include "onewindow/ui/IntakePage.h"
#include "onewindow/ui/MainWindow.h"
#include "onewindow/usb/DeviceManager.h"

#include <QApplication>
#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace ow;
using Step = intake::IntakeWorkflow::Step;

namespace {

class Slot : public ui::DemoCardSlot
{
public:
    explicit Slot(devicesim::IdCardReaderSim *sim)
        : m_sim(sim)
    { }
    void putDemoCard(idcard::CardType) override { m_sim->putDemoCard(devicesim::SimIdCard::Type::Resident); }
    void removeCard() override { m_sim->removeCard(); }
    bool hasCard() const override { return m_sim->hasCard(); }

private:
    devicesim::IdCardReaderSim *m_sim;
};

} // namespace

class TestIntakeDevices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void acceptanceWithReaderAndPrinter();
    void paperOutIsReportedAndNothingIsLost();
    void noCardDataInTheClear();
    void cleanupTestCase();

private:
    void acceptOpenRestaurant(ui::MainWindow &window);

    testsupport::SimulatedCounter m_counter;
    testsupport::IntakeTestContext m_shared;
    FixedClock m_clock {QDateTime(QDate(2026, 11, 27), QTime(9, 30))};
    QTemporaryDir m_dir;
    std::optional<store::Store> m_store;
    ui::CounterDevices m_devices;
    std::unique_ptr<Slot> m_slot;
    ui::ClientContext m_context;
};

void TestIntakeDevices::initTestCase()
{
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("en")));
    qRegisterMetaType<idcard::IdCardData>();
    // The raw USB traffic log, as a field bug report would switch it on.
    qputenv("OW_USB_TRAFFIC_LOG", QFile::encodeName(m_dir.filePath(QStringLiteral("usb-traffic.log"))));
    // The simulated devices are plugged in before libusb starts, as in demo mode.
    const QString devices = m_counter.start(this, m_context, m_devices);
    QVERIFY2(devices.isEmpty(), qPrintable(devices));
    m_shared.fill(m_context, &m_clock);
    auto opened = store::Store::open(m_dir.path());
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_store.emplace(std::move(opened.value()));
    m_slot = std::make_unique<Slot>(&m_counter.reader);
    m_context.store = &*m_store;
    m_context.printerProfile = m_counter.printerDriver->profile();
    m_context.devices = &m_devices;
    m_context.demoCards = m_slot.get();
    const int dots = m_context.printerProfile.dotsPerLine;
    m_context.renderReceipt = [dots](const QByteArray &b) {
        return escpossim::ReceiptRenderer::renderStream(b, dots).value();
    };
}

void TestIntakeDevices::noCardDataInTheClear()
{
    // After whole acceptances with the demo card: the store, its WAL, the keys and the USB
    // traffic log hold the card's number, name and address sealed or masked only.
    QSqlQuery checkpoint(m_store->database());
    QVERIFY(checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")));
    const devicesim::SimIdCard card = devicesim::SimIdCard::demo(devicesim::SimIdCard::Type::Resident);
    QStringList secrets;
    for (const auto &f : card.fields) {
        if (f.offset == 0 || f.offset == 52 || f.offset == 122)
            secrets << f.text; // name, address, ID number
    }
    QCOMPARE(secrets.size(), 3);
    QByteArray all;
    QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        all += f.readAll();
        files << it.fileName();
    }
    QVERIFY2(files.contains(QStringLiteral("usb-traffic.log")), qPrintable(files.join(u' ')));
    QVERIFY(all.size() > 10000);
    for (const QString &secret : std::as_const(secrets)) {
        QVERIFY2(!all.contains(secret.toUtf8()), qPrintable(secret));
        // The card itself carries UCS-2: not that either.
        QByteArray ucs2;
        for (const QChar c : secret) {
            ucs2.append(char(c.unicode() & 0xff));
            ucs2.append(char(c.unicode() >> 8));
        }
        QVERIFY2(!all.contains(ucs2), qPrintable(secret + QStringLiteral(" (UCS-2)")));
    }
}

void TestIntakeDevices::cleanupTestCase()
{
    m_counter.stop();
}

void TestIntakeDevices::acceptOpenRestaurant(ui::MainWindow &window)
{
    auto *page = window.findChild<ui::IntakePage *>();
    intake::IntakeWorkflow *w = page->workflow();
    // The demo card on the reader (F11): the driver reads it and the applicant is taken.
    QTest::keyClick(&window, Qt::Key_F11);
    QTRY_VERIFY_WITH_TIMEOUT(w->applicant().has_value(), 15000);
    QCOMPARE(w->applicant()->name, QStringLiteral("王小明"));

    QTest::keyClick(&window, Qt::Key_F3);
    auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("kcg"));
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(w->selection().bundle, QStringLiteral("open-restaurant"));
    const QList<QPair<QString, QString>> answers = {{QStringLiteral("entity"), QStringLiteral("individual")},
        {QStringLiteral("renovation"), QStringLiteral("no")}, {QStringLiteral("fumes"), QStringLiteral("no")},
        {QStringLiteral("signboard"), QStringLiteral("no")}};
    for (const auto &a : answers) {
        auto *box = window.findChild<QComboBox *>(QStringLiteral("answer_") + a.first);
        QVERIFY2(box, qPrintable(a.first));
        box->setFocus();
        const int index = box->findData(a.second);
        for (int i = 0; i < index; ++i)
            QTest::keyClick(box, Qt::Key_Down);
    }
    auto *area = window.findChild<QLineEdit *>(QStringLiteral("answer_area"));
    area->setFocus();
    QTest::keyClicks(area, QStringLiteral("80"));
    QTest::keyClick(area, Qt::Key_Return);
    QVERIFY(w->checklist().unanswered.isEmpty());

    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
    auto *table = window.findChild<QTableWidget *>(QStringLiteral("materialTable"));
    table->setFocus();
    table->setCurrentCell(0, 1);
    for (int i = 0; i < table->rowCount(); ++i)
        QTest::keyClick(table, 'O');
    QCOMPARE(w->checklist().verdict, checklist::Verdict::Complete);
}

void TestIntakeDevices::acceptanceWithReaderAndPrinter()
{
    ui::MainWindow window(m_context);
    window.resize(1280, 860);
    window.show();
    window.showSection(ui::MainWindow::Section::Intake);
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *page = window.findChild<ui::IntakePage *>();
    intake::IntakeWorkflow *w = page->workflow();
    acceptOpenRestaurant(window);

    m_counter.printer.clearPage();
    QSignalSpy printed(&m_devices, &ui::CounterDevices::printed);
    QTest::keyClick(&window, Qt::Key_F5);
    QCOMPARE(w->step(), Step::Print);
    QVERIFY(printed.wait(20000));
    QVERIFY2(printed.first().at(0).toBool(), qPrintable(printed.first().at(1).toString()));

    // What the printer put on paper.
    const QImage paper = m_counter.printer.render();
    const auto codes = receiptcheck::decodeQrCodes(paper);
    QCOMPARE(codes.size(), 1);
    const auto verified = m_context.keys.verify(QString::fromUtf8(codes.first()));
    QVERIFY2(verified.ok(), qPrintable(verified.error()));
    QCOMPARE(verified->caseId, w->caseId());
    QCOMPARE(verified->caseNumber, w->caseNumber());
    QVERIFY(receiptcheck::containsGlyph(paper, u'王'));
    QTest::keyClick(&window, Qt::Key_F12);
    QVERIFY(!w->hasCase());
}

void TestIntakeDevices::paperOutIsReportedAndNothingIsLost()
{
    ui::MainWindow window(m_context);
    window.show();
    window.showSection(ui::MainWindow::Section::Intake);
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *page = window.findChild<ui::IntakePage *>();
    intake::IntakeWorkflow *w = page->workflow();
    acceptOpenRestaurant(window);

    m_counter.printer.setPaperOut(true);
    QSignalSpy printed(&m_devices, &ui::CounterDevices::printed);
    QTest::keyClick(&window, Qt::Key_F5);
    QVERIFY(printed.wait(20000));
    QVERIFY(!printed.first().at(0).toBool());
    QVERIFY2(printed.first().at(1).toString().contains(QStringLiteral("paper")),
        qPrintable(printed.first().at(1).toString()));
    // The case is accepted and stored whatever the printer says; a new roll and F10 print it.
    QCOMPARE(w->step(), Step::Print);
    m_counter.printer.setPaperOut(false);
    m_counter.printer.clearPage();
    printed.clear();
    QTest::keyClick(&window, Qt::Key_F10);
    QVERIFY(printed.wait(20000));
    QVERIFY2(printed.first().at(0).toBool(), qPrintable(printed.first().at(1).toString()));
    QCOMPARE(receiptcheck::decodeQrCodes(m_counter.printer.render()).size(), 1);
}

OW_DEVICESIM_GUI_TEST_MAIN(TestIntakeDevices)

#include "tst_intakedevices.moc"
