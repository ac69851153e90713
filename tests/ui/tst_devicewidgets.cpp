// The reader's status indicator and the identity read-out: alone (gui) and wired to the real
// driver stack with the simulated reader under umockdev (gui + usb).
#include "onewindow/core/Clock.h"
#include "onewindow/devicesim/IdCardReaderSim.h"
#include "onewindow/devicesim/Preload.h"
#include "onewindow/devicesim/TestMain.h"
#include "onewindow/devicesim/UsbTestbed.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/idcard/IdCardReader.h"
#include "onewindow/idcard/WltDecoder.h"
#include "onewindow/ui/DemoCardSlot.h"
#include "onewindow/ui/DeviceStatusWidget.h"
#include "onewindow/ui/IdentityPanel.h"
#include "onewindow/usb/DeviceManager.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

#include <cstdio>

using ow::devicesim::IdCardReaderSim;
using ow::devicesim::SimIdCard;
using ow::ui::DeviceStatusWidget;
using ow::ui::IdentityPanel;
using ow::usb::DeviceState;

namespace {

class SimSlot : public ow::ui::DemoCardSlot
{
public:
    explicit SimSlot(IdCardReaderSim *sim)
        : m_sim(sim)
    { }
    void putDemoCard(ow::ui::DemoCard card) override
    {
        m_sim->putCard(
            SimIdCard::demo(card == ow::ui::DemoCard::HkMacaoTaiwanExpired ? SimIdCard::Demo::HkMacaoTaiwanExpired
                                                                           : SimIdCard::Demo::Resident));
    }
    void removeCard() override { m_sim->removeCard(); }
    bool hasCard() const override { return m_sim->hasCard(); }

private:
    IdCardReaderSim *m_sim;
};

// A stand-in for a licensed decoder: a grey 102×126 PNG whatever the input.
class FakeWlt : public ow::idcard::WltDecoder
{
public:
    QString name() const override { return QStringLiteral("fake"); }
    ow::Result<QByteArray> decode(const QByteArray &) const override
    {
        QImage image(102, 126, QImage::Format_RGB32);
        image.fill(Qt::gray);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        return png;
    }
};

QString labelText(QWidget *w, const char *name)
{
    auto *label = w->findChild<QLabel *>(QString::fromLatin1(name));
    return label ? label->text() : QStringLiteral("<no %1>").arg(QString::fromLatin1(name));
}

ow::idcard::IdCardData residentCard()
{
    ow::idcard::IdCardData card;
    card.type = ow::idcard::CardType::Resident;
    card.name = QStringLiteral("王小明");
    card.idNumber = QStringLiteral("330106199003070014");
    card.address = QStringLiteral("浙江省杭州市西湖区文三路100号");
    card.birthDate = QDate(1990, 3, 7);
    card.gender = ow::idcard::Gender::Male;
    card.nationCode = QStringLiteral("01");
    card.validFrom = QDate(2020, 1, 1);
    card.validUntil = QDate(2040, 1, 1);
    card.photoWlt = QByteArray(1024, 'w');
    return card;
}

} // namespace

class TestDeviceWidgets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void statusLine_data();
    void statusLine();
    void identityMaskedUntilRevealed();
    void expiredCardIsFlagged();
    void photoPlaceholderOrDecoder();
    void demoCardThroughTheRealReader();

private:
    ow::FixedClock m_clock {QDateTime(QDate(2026, 11, 28), QTime(9, 30))};
    ow::devicesim::UsbTestbed *m_testbed = nullptr;
};

void TestDeviceWidgets::initTestCase()
{
    QVERIFY(ow::i18n::installTranslations(*qApp, QStringLiteral("en")));
    qRegisterMetaType<ow::usb::DeviceStatus>();
    qRegisterMetaType<ow::idcard::IdCardData>();
    m_testbed = new ow::devicesim::UsbTestbed(this);
    QVERIFY2(m_testbed->isValid(), qPrintable(m_testbed->error()));
}

void TestDeviceWidgets::statusLine_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("text");
    QTest::newRow("absent") << int(DeviceState::Absent) << QString() << QStringLiteral("Card reader: not connected");
    QTest::newRow("ready") << int(DeviceState::Ready) << QString() << QStringLiteral("Card reader: ready");
    QTest::newRow("busy") << int(DeviceState::Busy) << QString() << QStringLiteral("Card reader: reading…");
    QTest::newRow("unplugged") << int(DeviceState::Unplugged) << QStringLiteral("The card reader was disconnected.")
                               << QStringLiteral("Card reader: The card reader was disconnected.");
    QTest::newRow("error") << int(DeviceState::Error)
                           << QStringLiteral("No permission to use the card reader: install the udev rules.")
                           << QStringLiteral(
                                  "Card reader: No permission to use the card reader: install the udev rules.");
}

void TestDeviceWidgets::statusLine()
{
    QFETCH(int, state);
    QFETCH(QString, message);
    QFETCH(QString, text);
    DeviceStatusWidget w;
    ow::usb::DeviceStatus status;
    status.state = DeviceState(state);
    status.message = message;
    status.detail = QStringLiteral("LIBUSB_ERROR_X (bulk IN 0x81)");
    status.device = QStringLiteral("001:002 0400:c35a");
    w.setStatus(status);
    QCOMPARE(w.text(), text);
    QVERIFY(w.toolTip().contains(QStringLiteral("LIBUSB_ERROR_X")));
    QVERIFY(!w.findChild<QToolButton *>(QStringLiteral("demoButton"))->isVisibleTo(&w));
}

void TestDeviceWidgets::identityMaskedUntilRevealed()
{
    IdentityPanel panel(&m_clock);
    panel.setRevealGate([](const ow::idcard::IdCardData &) { return QString(); }); // the audit entry is written
    QSignalSpy revealed(&panel, &IdentityPanel::revealed);
    panel.showCard(residentCard());
    QCOMPARE(labelText(&panel, "numberValue"), QStringLiteral("330106********0014"));
    QCOMPARE(labelText(&panel, "nameValue"), QStringLiteral("王**"));
    QCOMPARE(labelText(&panel, "birthValue"), QStringLiteral("****-**-**"));
    QVERIFY(!labelText(&panel, "addressValue").contains(QStringLiteral("文三路")));
    QCOMPARE(labelText(&panel, "originValue"), QStringLiteral("汉"));
    QCOMPARE(labelText(&panel, "warningLabel"), QString());
    panel.findChild<QPushButton *>(QStringLiteral("revealButton"))->click();
    QCOMPARE(revealed.count(), 1);
    QCOMPARE(labelText(&panel, "numberValue"), QStringLiteral("330106199003070014"));
    QCOMPARE(labelText(&panel, "nameValue"), QStringLiteral("王小明"));
    QVERIFY(labelText(&panel, "addressValue").contains(QStringLiteral("文三路")));
    // The next person starts masked again.
    panel.showCard(residentCard());
    QVERIFY(!panel.isRevealed());
    panel.clear();
    QCOMPARE(labelText(&panel, "numberValue"), QString());
}

void TestDeviceWidgets::expiredCardIsFlagged()
{
    IdentityPanel panel(&m_clock);
    ow::idcard::IdCardData card = residentCard();
    card.validUntil = QDate(2026, 11, 27);
    panel.showCard(card);
    QVERIFY2(labelText(&panel, "warningLabel").contains(QStringLiteral("expired")),
        qPrintable(labelText(&panel, "warningLabel")));
    card.validUntil = QDate(2026, 11, 28);
    panel.showCard(card);
    QCOMPARE(labelText(&panel, "warningLabel"), QString());
    card.longTerm = true;
    card.validUntil = QDate();
    panel.showCard(card);
    QCOMPARE(labelText(&panel, "warningLabel"), QString());
    QVERIFY(labelText(&panel, "validityValue").contains(QStringLiteral("long-term")));
}

void TestDeviceWidgets::photoPlaceholderOrDecoder()
{
    IdentityPanel panel(&m_clock);
    panel.setRevealGate([](const ow::idcard::IdCardData &) { return QString(); });
    panel.showCard(residentCard());
    auto *photo = panel.findChild<QLabel *>(QStringLiteral("photoLabel"));
    QCOMPARE(photo->text(), QStringLiteral("Photo (needs the licensed decoder)"));
    ow::idcard::WltDecoder::install(std::make_shared<FakeWlt>());
    panel.showCard(residentCard());
    QCOMPARE(photo->text(), QStringLiteral("Photo hidden")); // masked view hides the face too
    panel.setRevealed(true);
    QVERIFY(!photo->pixmap().isNull());
    QCOMPARE(photo->pixmap().size(), QSize(102, 126));
    ow::idcard::WltDecoder::install(nullptr);
}

void TestDeviceWidgets::demoCardThroughTheRealReader()
{
    IdCardReaderSim sim(IdCardReaderSim::Transport::SplitPipe);
    SimSlot slot(&sim);
    QVERIFY(!m_testbed->plug(&sim).isEmpty());
    {
        ow::usb::DeviceManager manager;
        ow::idcard::IdCardReader::Options options;
        options.pollIntervalMs = 100;
        auto *reader = manager.addDriver(std::make_unique<ow::idcard::IdCardReader>(options));
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *status = new DeviceStatusWidget(&window);
        auto *panel = new IdentityPanel(&m_clock, &window);
        layout->addWidget(status);
        layout->addWidget(panel);
        status->attachReader(reader);
        status->setDemoCardSlot(&slot);
        panel->attachReader(reader);
        manager.start();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("Card reader: ready"), 10000);

        // The demo menu puts the expired permit on the simulated reader.
        auto *button = status->findChild<QToolButton *>(QStringLiteral("demoButton"));
        QVERIFY(button->isVisible());
        const QList<QAction *> actions = button->menu()->actions();
        QCOMPARE(actions.size(), 9); // seven cards, a separator, "take the card off"
        actions.at(6)->trigger();
        QVERIFY(sim.hasCard());
        QTRY_VERIFY_WITH_TIMEOUT(panel->card().has_value(), 10000);
        QCOMPARE(panel->card()->type, ow::idcard::CardType::HkMacaoTaiwan);
        QCOMPARE(labelText(panel, "nameValue"), QStringLiteral("陈**"));
        QVERIFY(labelText(panel, "warningLabel").contains(QStringLiteral("expired")));
        const QString shot = QDir::temp().filePath(QStringLiteral("onewindow-identity-panel.png"));
        window.grab().save(shot);

        // Unplugged: the indicator says so; plugged back in: ready again.
        sim.unplug();
        QTRY_COMPARE_WITH_TIMEOUT(
            status->text(), QStringLiteral("Card reader: The card reader was disconnected."), 10000);
        sim.replug();
        QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("Card reader: ready"), 10000);
        window.hide(); // stops the polling
    }
    m_testbed->unplug(&sim);
}

OW_DEVICESIM_GUI_TEST_MAIN(TestDeviceWidgets)

#include "tst_devicewidgets.moc"
