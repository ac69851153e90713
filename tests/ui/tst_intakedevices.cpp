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
#include "onewindow/receipt/PdfRenderer.h"
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
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTemporaryFile>
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
    void putDemoCard(ui::DemoCard) override { m_sim->putCard(next); }
    void removeCard() override { m_sim->removeCard(); }
    bool hasCard() const override { return m_sim->hasCard(); }

    devicesim::SimIdCard next = devicesim::SimIdCard::demo(devicesim::SimIdCard::Type::Resident);

private:
    devicesim::IdCardReaderSim *m_sim;
};

// The text as poppler's pdftotext reads it, whitespace removed (empty when it cannot run).
QString pdfText(const QByteArray &pdf)
{
    QTemporaryFile file(QDir::temp().filePath(QStringLiteral("onewindow-XXXXXX.pdf")));
    if (!file.open())
        return {};
    file.write(pdf);
    file.close();
    QProcess p;
    p.start(QStringLiteral("pdftotext"),
        {QStringLiteral("-enc"), QStringLiteral("UTF-8"), file.fileName(), QStringLiteral("-")});
    if (!p.waitForFinished(20000) || p.exitCode() != 0)
        return {};
    QString text = QString::fromUtf8(p.readAllStandardOutput());
    text.remove(QRegularExpression(QStringLiteral("\\s")));
    return text;
}

} // namespace

class TestIntakeDevices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void acceptanceWithReaderAndPrinter();
    void paperOutIsReportedAndNothingIsLost();
    void noCardDataInTheClear();
    // zh_CN from here on (Chinese documents, read back as a machine would).
    void foreignerCardNamedOnTheDocuments_data();
    void foreignerCardNamedOnTheDocuments();
    void expiredCardIsMissingOnTheNotice();
    void cleanupTestCase();

private:
    void acceptOpenRestaurant(ui::MainWindow &window);
    // A case by keys: the card (F11), a matter (F3 and its pinyin initials), every material marked
    // (Ctrl+L, O …).
    void cardToMarkedChecklist(ui::MainWindow &window, const devicesim::SimIdCard &card, const QString &query);

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

void TestIntakeDevices::cardToMarkedChecklist(
    ui::MainWindow &window, const devicesim::SimIdCard &card, const QString &query)
{
    intake::IntakeWorkflow *w = window.findChild<ui::IntakePage *>()->workflow();
    // The window opens where the last one stopped: a printed case is finished first (F12).
    if (w->hasCase() && w->step() == Step::Print)
        QTest::keyClick(&window, Qt::Key_F12);
    QVERIFY(!w->hasCase() || w->step() == Step::Identify);
    m_slot->next = card;
    QTest::keyClick(&window, Qt::Key_F11);
    QTRY_VERIFY_WITH_TIMEOUT(w->applicant() && w->applicant()->number == card.field(122), 15000);
    QTest::keyClick(&window, Qt::Key_F3);
    auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, query);
    QTest::keyClick(search, Qt::Key_Return);
    QVERIFY(w->hasChecklist());
    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
    auto *table = window.findChild<QTableWidget *>(QStringLiteral("materialTable"));
    QTRY_VERIFY(table->hasFocus());
    table->setCurrentCell(0, 1);
    for (int i = 0; i < table->rowCount(); ++i)
        QTest::keyClick(table, 'O');
}

void TestIntakeDevices::foreignerCardNamedOnTheDocuments_data()
{
    QTest::addColumn<int>("demo");
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("validity");
    using Demo = devicesim::SimIdCard::Demo;
    QTest::newRow("I") << int(Demo::ForeignPermanent) << QStringLiteral("外国人永久居留身份证")
                       << QStringLiteral("2018-06-01至2028-06-01");
    QTest::newRow("Y") << int(Demo::Foreign2023) << QStringLiteral("外国人永久居留身份证")
                       << QStringLiteral("2023-06-01至2033-06-01");
    QTest::newRow("J") << int(Demo::HkMacaoTaiwan) << QStringLiteral("港澳台居民居住证")
                       << QStringLiteral("2024-03-01至2029-03-01");
}

// A foreigner's or a Hong Kong resident's card is named as what it is, with its validity, on the
// screen, the checklist, the A4 receipt (read back by pdftotext) and the slip; never 居民身份证.
void TestIntakeDevices::foreignerCardNamedOnTheDocuments()
{
    QFETCH(int, demo);
    QFETCH(QString, document);
    QFETCH(QString, validity);
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("zh_CN")));
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(), "poppler-utils is not installed");
    ui::MainWindow window(m_context);
    window.resize(1280, 860);
    window.show();
    window.showSection(ui::MainWindow::Section::Intake);
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    intake::IntakeWorkflow *w = window.findChild<ui::IntakePage *>()->workflow();
    // 失业保险金申领: asks for the identity document, no questions.
    cardToMarkedChecklist(
        window, devicesim::SimIdCard::demo(devicesim::SimIdCard::Demo(demo)), QStringLiteral("sybxj"));
    QCOMPARE(w->checklist().title, QStringLiteral("失业保险金申领"));
    QCOMPARE(w->checklist().verdict, checklist::Verdict::Complete);

    // On screen: the applicant's summary and the checklist line.
    auto *summary = window.findChild<QWidget *>(QStringLiteral("applicantPanel"))
                        ->findChild<QLabel *>(QStringLiteral("summaryLabel"));
    QVERIFY2(summary->text().contains(document), qPrintable(summary->text()));
    const auto idLine = std::find_if(w->checklist().materials.cbegin(), w->checklist().materials.cend(),
        [](const checklist::MaterialLine &l) { return l.id == intake::IntakeWorkflow::identityMaterialId(); });
    QVERIFY(idLine != w->checklist().materials.cend());
    QCOMPARE(idLine->name, document);

    m_counter.printer.clearPage();
    QSignalSpy printed(&m_devices, &ui::CounterDevices::printed);
    QTest::keyClick(&window, Qt::Key_F5);
    QCOMPARE(w->step(), Step::Print);
    QVERIFY(printed.wait(20000));
    QVERIFY2(printed.first().at(0).toBool(), qPrintable(printed.first().at(1).toString()));

    const auto pdf = receipt::PdfRenderer::render(w->document());
    QVERIFY2(pdf.ok(), qPrintable(pdf.error()));
    const QString a4 = pdfText(pdf.value());
    QVERIFY2(a4.contains(document), qPrintable(a4));
    QVERIFY2(a4.contains(validity), qPrintable(a4));
    QVERIFY2(!a4.contains(QStringLiteral("居民身份证原件")), qPrintable(a4));
    QVERIFY2(!a4.contains(QStringLiteral("1500")), qPrintable(a4)); // the 'I' card's accepting-authority code
    QString slip = m_counter.printer.page().text();
    slip.remove(QRegularExpression(QStringLiteral("\\s")));
    QVERIFY2(slip.contains(document), qPrintable(slip));
    QTest::keyClick(&window, Qt::Key_F12);
    QVERIFY(!w->hasCase());
}

// The expired resident card: no acceptance, and the notice lists the card itself as missing, with
// its expiry and what to bring instead; nothing says it was verified.
void TestIntakeDevices::expiredCardIsMissingOnTheNotice()
{
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("zh_CN")));
    ui::MainWindow window(m_context);
    window.resize(1280, 860);
    window.show();
    window.showSection(ui::MainWindow::Section::Intake);
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    intake::IntakeWorkflow *w = window.findChild<ui::IntakePage *>()->workflow();
    // 社会保障卡申领 does not ask for the identity document: the invalid one joins the checklist.
    cardToMarkedChecklist(
        window, devicesim::SimIdCard::demo(devicesim::SimIdCard::Demo::ResidentExpired), QStringLiteral("sbk"));
    QVERIFY(!w->acceptanceBlockers().isEmpty());
    const QString expired = QStringLiteral("居民身份证（有效期至 2024-01-01，已过期）");
    QCOMPARE(w->checklist().missing.value(0), intake::IntakeWorkflow::identityMaterialId());
    QTest::keyClick(&window, Qt::Key_F5);
    QVERIFY(w->step() < Step::Print);
    QSignalSpy printed(&m_devices, &ui::CounterDevices::printed);
    QTest::keyClick(&window, Qt::Key_F7);
    QCOMPARE(w->step(), Step::Print);
    QVERIFY(printed.wait(20000));

    const receipt::ReceiptDocument &notice = w->document();
    QCOMPARE(notice.kind, receipt::DocumentKind::OneTimeNotice);
    QCOMPARE(notice.missing.size(), 1);
    QCOMPARE(notice.missing.first().material, expired);
    QVERIFY2(notice.missing.first().howToSupply.contains(QStringLiteral("临时居民身份证")),
        qPrintable(notice.missing.first().howToSupply));
    for (const receipt::ReceivedLine &r : notice.received)
        QVERIFY2(!r.material.contains(QStringLiteral("身份证")), qPrintable(r.material + r.how));
    const auto pdf = receipt::PdfRenderer::render(notice);
    QVERIFY2(pdf.ok(), qPrintable(pdf.error()));
    const QString a4 = pdfText(pdf.value());
    QVERIFY2(a4.contains(QString(expired).remove(u' ')), qPrintable(a4));
    QVERIFY2(a4.contains(QStringLiteral("临时居民身份证")), qPrintable(a4));
    QTest::keyClick(&window, Qt::Key_F12);
    QVERIFY(!w->hasCase());
}

OW_DEVICESIM_GUI_TEST_MAIN(TestIntakeDevices)

#include "tst_intakedevices.moc"
