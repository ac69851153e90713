// The ID card reader driver through the REAL libusb code path: DeviceManager + IdCardReader on
// their worker thread, libusb against umockdev's emulated usbfs, IdCardReaderSim on the device side.
#include "onewindow/devicesim/IdCardReaderSim.h"
#include "onewindow/devicesim/TestMain.h"
#include "onewindow/devicesim/UsbTestbed.h"
#include "onewindow/idcard/IdCardReader.h"
#include "onewindow/idcard/SamCodec.h"
#include "onewindow/usb/DeviceManager.h"
#include "onewindow/usb/UsbError.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <QThread>
#include <sys/stat.h>

#include <libusb.h>

#include <memory>

using ow::devicesim::IdCardReaderSim;
using ow::devicesim::SimIdCard;
using ow::devicesim::UsbTestbed;
using ow::idcard::IdCardData;
using ow::idcard::IdCardReader;
using ow::idcard::SamCodec;
using ow::idcard::SamTransport;
using ow::usb::DeviceManager;
using ow::usb::DeviceState;
using Fault = IdCardReaderSim::Fault;
using Transport = IdCardReaderSim::Transport;

Q_DECLARE_METATYPE(SimIdCard::Type)
Q_DECLARE_METATYPE(Transport)
Q_DECLARE_METATYPE(ow::idcard::ReadMode)

namespace {

constexpr int Wait = 10000; // generous: a slow CI machine must not fail; no time is asserted

struct Rig
{
    std::unique_ptr<IdCardReaderSim> sim;
    std::unique_ptr<DeviceManager> manager;
    IdCardReader *reader = nullptr;
    std::unique_ptr<QSignalSpy> read;
    std::unique_ptr<QSignalSpy> failed;
    std::unique_ptr<QSignalSpy> removed;
    std::unique_ptr<QSignalSpy> none;
    std::unique_ptr<QSignalSpy> status;
};

} // namespace

class TestIdCardReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void fullRead_data();
    void fullRead();
    void noCard();
    void samErrors_data();
    void samErrors();
    void damagedAnswers_data();
    void damagedAnswers();
    void unplugMidReadRecovers_data();
    void unplugMidReadRecovers();
    void cardLeftOnReaderIsReportedOnce();
    void swappedCardIsRead();
    void absentUntilPlugged();
    void trafficLogRecordsFrames();
    void trafficLogHoldsNoPersonalData_data();
    void trafficLogHoldsNoPersonalData();

private:
    bool start(Transport transport, bool plugged = true, bool hotplug = true,
        ow::idcard::ReadMode mode = ow::idcard::ReadMode::TextPhoto, const QString &trafficLog = {});
    bool waitForState(DeviceState state);

    UsbTestbed *m_testbed = nullptr;
    Rig m_rig;
};

void TestIdCardReader::initTestCase()
{
    qRegisterMetaType<ow::usb::DeviceStatus>();
    qRegisterMetaType<IdCardData>();
    m_testbed = new UsbTestbed(this);
    QVERIFY2(m_testbed->isValid(), qPrintable(m_testbed->error()));
}

bool TestIdCardReader::start(
    Transport transport, bool plugged, bool hotplug, ow::idcard::ReadMode mode, const QString &trafficLog)
{
    m_rig.sim = std::make_unique<IdCardReaderSim>(transport);
    if (plugged && m_testbed->plug(m_rig.sim.get()).isEmpty())
        return false;
    DeviceManager::Options options;
    options.useHotplug = hotplug;
    options.rescanIntervalMs = 100;
    options.trafficLogPath = trafficLog;
    m_rig.manager = std::make_unique<DeviceManager>(options);
    IdCardReader::Options readerOptions;
    readerOptions.mode = mode;
    readerOptions.pollIntervalMs = 100;
    // Short enough for the tests of a silent reader, long enough that a loaded machine (the whole
    // suite on two cores) does not turn a slow answer of the simulator into a failed read.
    readerOptions.findTimeoutMs = 1000;
    readerOptions.selectTimeoutMs = 1000;
    readerOptions.readTimeoutMs = 2000;
    m_rig.reader = m_rig.manager->addDriver(std::make_unique<IdCardReader>(readerOptions));
    m_rig.read = std::make_unique<QSignalSpy>(m_rig.reader, &IdCardReader::cardRead);
    m_rig.failed = std::make_unique<QSignalSpy>(m_rig.reader, &IdCardReader::readFailed);
    m_rig.removed = std::make_unique<QSignalSpy>(m_rig.reader, &IdCardReader::cardRemoved);
    m_rig.none = std::make_unique<QSignalSpy>(m_rig.reader, &IdCardReader::noCard);
    m_rig.status = std::make_unique<QSignalSpy>(m_rig.reader, &IdCardReader::statusChanged);
    m_rig.manager->start();
    return true;
}

bool TestIdCardReader::waitForState(DeviceState state)
{
    QElapsedTimer timer;
    timer.start();
    while (m_rig.reader->status().state != state && timer.elapsed() < Wait)
        QTest::qWait(10);
    return m_rig.reader->status().state == state;
}

void TestIdCardReader::cleanup()
{
    m_rig.read.reset();
    m_rig.failed.reset();
    m_rig.removed.reset();
    m_rig.none.reset();
    m_rig.status.reset();
    m_rig.manager.reset(); // joins the worker: no USB traffic after this
    m_rig.reader = nullptr;
    if (m_rig.sim) {
        m_testbed->unplug(m_rig.sim.get());
        QCoreApplication::processEvents();
        m_rig.sim.reset();
    }
}

void TestIdCardReader::fullRead_data()
{
    QTest::addColumn<Transport>("transport");
    QTest::addColumn<SimIdCard::Type>("type");
    QTest::addColumn<ow::idcard::ReadMode>("mode");
    const QList<QPair<const char *, SimIdCard::Type>> types = {{"resident", SimIdCard::Type::Resident},
        {"I", SimIdCard::Type::ForeignPermanent}, {"Y", SimIdCard::Type::Foreign2023},
        {"J", SimIdCard::Type::HkMacaoTaiwan}};
    for (const auto &t : types) {
        for (Transport transport : {Transport::SinglePipe, Transport::SplitPipe}) {
            for (auto mode : {ow::idcard::ReadMode::TextPhoto, ow::idcard::ReadMode::TextPhotoFingerprint}) {
                QTest::addRow("%s, %s, %s", t.first, transport == Transport::SinglePipe ? "single-pipe" : "split-pipe",
                    mode == ow::idcard::ReadMode::TextPhoto ? "text+photo" : "text+photo+fingerprint")
                    << transport << t.second << mode;
            }
        }
    }
}

void TestIdCardReader::fullRead()
{
    QFETCH(Transport, transport);
    QFETCH(SimIdCard::Type, type);
    QFETCH(ow::idcard::ReadMode, mode);
    QVERIFY(start(transport, true, true, mode));
    QVERIFY(waitForState(DeviceState::Ready));
    QVERIFY(m_rig.reader->thread() != QThread::currentThread());
    QCOMPARE(m_rig.reader->transportKind(),
        int(transport == Transport::SinglePipe ? SamTransport::Kind::SinglePipe : SamTransport::Kind::SplitPipe));

    const SimIdCard card = SimIdCard::demo(type);
    m_rig.sim->putCard(card);
    m_rig.reader->readOnce();
    QTRY_COMPARE_WITH_TIMEOUT(m_rig.read->count(), 1, Wait);
    QCOMPARE(m_rig.failed->count(), 0);
    const auto got = m_rig.read->first().first().value<IdCardData>();

    QCOMPARE(got.typeCode(), SimIdCard::typeName(type));
    QCOMPARE(got.photoWlt, card.photo);
    QCOMPARE(got.fingerprint, mode == ow::idcard::ReadMode::TextPhotoFingerprint ? card.fingerprint : QByteArray());
    QCOMPARE(m_rig.sim->requestCount(0x30, mode == ow::idcard::ReadMode::TextPhoto ? 0x01 : 0x10), 1);
    const QDate today(2026, 11, 28);
    switch (type) {
    case SimIdCard::Type::Resident:
        QCOMPARE(got.name, card.field(0));
        QCOMPARE(got.gender, ow::idcard::Gender::Male);
        QCOMPARE(got.nationCode, QStringLiteral("01"));
        QCOMPARE(got.nationName(), QStringLiteral("汉"));
        QCOMPARE(got.birthDate, QDate(1990, 3, 7));
        QCOMPARE(got.address, card.field(52));
        QCOMPARE(got.idNumber, card.field(122));
        QCOMPARE(got.authority, card.field(158));
        QCOMPARE(got.validFrom, QDate(2020, 1, 1));
        QCOMPARE(got.validUntil, QDate(2040, 1, 1));
        QCOMPARE(got.appendedAddress, card.appendedAddress);
        QVERIFY(!got.isExpired(today));
        break;
    case SimIdCard::Type::ForeignPermanent:
        QCOMPARE(got.englishName, card.field(0));
        QCOMPARE(got.idNumber, card.field(122));
        QCOMPARE(got.nationality, card.field(152));
        QCOMPARE(got.name, card.field(158));
        QCOMPARE(got.birthDate, QDate(1980, 2, 15));
        QCOMPARE(got.validUntil, QDate(2028, 6, 1));
        QCOMPARE(got.cardVersion, card.field(236));
        QCOMPARE(got.appendedAddress, QString()); // SW3 0x91: none
        QVERIFY(!got.isExpired(today));
        break;
    case SimIdCard::Type::Foreign2023:
        QCOMPARE(got.name, card.field(0));
        QCOMPARE(got.gender, ow::idcard::Gender::Female);
        QCOMPARE(got.englishName, card.field(52) + QLatin1Char(' ') + card.field(220));
        QCOMPARE(got.idNumber, card.field(122));
        QCOMPARE(got.nationality, card.field(242));
        QCOMPARE(got.renewalCount, card.field(32));
        QVERIFY(!got.isExpired(today));
        break;
    case SimIdCard::Type::HkMacaoTaiwan:
        QCOMPARE(got.name, card.field(0));
        QCOMPARE(got.idNumber, card.field(122));
        QCOMPARE(got.address, card.field(52));
        QCOMPARE(got.passNumber, card.field(220));
        QCOMPARE(got.issueCount, card.field(238));
        QCOMPARE(got.validUntil, QDate(2024, 1, 1));
        QVERIFY(got.isExpired(today));
        break;
    }
    QCOMPARE(m_rig.reader->status().state, DeviceState::Ready);
}

void TestIdCardReader::noCard()
{
    QVERIFY(start(Transport::SinglePipe));
    QVERIFY(waitForState(DeviceState::Ready));
    m_rig.reader->readOnce();
    QTRY_COMPARE_WITH_TIMEOUT(m_rig.none->count(), 1, Wait);
    QCOMPARE(m_rig.read->count(), 0);
    QCOMPARE(m_rig.failed->count(), 0);
    // Polling an empty reader reports nothing.
    m_rig.reader->setCardExpected(true);
    const int before = m_rig.sim->requestCount(0x20, 0x01);
    QTRY_VERIFY_WITH_TIMEOUT(m_rig.sim->requestCount(0x20, 0x01) >= before + 3, Wait);
    QCOMPARE(m_rig.read->count(), 0);
    QCOMPARE(m_rig.failed->count(), 0);
    QCOMPARE(m_rig.none->count(), 1);
    QCOMPARE(m_rig.sim->requestCount(0x20, 0x02), 0);
    QCOMPARE(m_rig.reader->status().state, DeviceState::Ready);
}

void TestIdCardReader::samErrors_data()
{
    QTest::addColumn<int>("command");
    QTest::addColumn<int>("parameter");
    QTest::addColumn<int>("sw3");
    QTest::addColumn<bool>("readerBroken");
    const QList<int> errors = {0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x40, 0x41, 0x47, 0x60, 0x66};
    for (int sw3 : errors)
        QTest::addRow("find 0x%02x", sw3) << 0x20 << 0x01 << sw3 << (sw3 == 0x60 || sw3 == 0x66);
    QTest::newRow("select 0x81") << 0x20 << 0x02 << 0x81 << false;
    QTest::newRow("select 0x31") << 0x20 << 0x02 << 0x31 << false;
    QTest::newRow("read 0x41") << 0x30 << 0x01 << 0x41 << false;
    QTest::newRow("read 0x33") << 0x30 << 0x01 << 0x33 << false;
    QTest::newRow("read 0x66") << 0x30 << 0x01 << 0x66 << true;
    QTest::newRow("appended address 0x41") << 0x30 << 0x03 << 0x41 << false;
}

void TestIdCardReader::samErrors()
{
    QFETCH(int, command);
    QFETCH(int, parameter);
    QFETCH(int, sw3);
    QFETCH(bool, readerBroken);
    QVERIFY(start(Transport::SinglePipe));
    QVERIFY(waitForState(DeviceState::Ready));
    m_rig.sim->putDemoCard(SimIdCard::Type::Resident);
    m_rig.sim->injectFault(quint8(command), quint8(parameter), Fault::SamStatus, quint8(sw3));
    m_rig.reader->readOnce();
    QTRY_COMPARE_WITH_TIMEOUT(m_rig.failed->count(), 1, Wait);
    QCOMPARE(m_rig.failed->first().at(0).toString(), SamCodec::statusText(quint8(sw3)));
    QVERIFY2(
        m_rig.failed->first().at(1).toString().contains(QStringLiteral("SW3 0x%1").arg(sw3, 2, 16, QLatin1Char('0'))),
        qPrintable(m_rig.failed->first().at(1).toString()));
    QCOMPARE(m_rig.read->count(), 0);
    QCOMPARE(m_rig.reader->status().state, readerBroken ? DeviceState::Error : DeviceState::Ready);
    // The fault was one-off: the next read works and the reader is ready again.
    m_rig.reader->readOnce();
    QTRY_COMPARE_WITH_TIMEOUT(m_rig.read->count(), 1, Wait);
    QCOMPARE(m_rig.reader->status().state, DeviceState::Ready);
}

void TestIdCardReader::damagedAnswers_data()
{
    QTest::addColumn<Transport>("transport");
    QTest::addColumn<int>("command");
    QTest::addColumn<int>("parameter");
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("detail");
    const QString damaged = IdCardReader::tr("The card reader's answer was damaged. Try again.");
    const QString incomplete = IdCardReader::tr("The card reader sent an incomplete answer. Try again.");
    const QString timeout = ow::usb::UsbError::message(LIBUSB_ERROR_TIMEOUT, IdCardReader::deviceNoun());
    const QString stall = ow::usb::UsbError::message(LIBUSB_ERROR_PIPE, IdCardReader::deviceNoun());
    for (Transport t : {Transport::SinglePipe, Transport::SplitPipe}) {
        const char *name = t == Transport::SinglePipe ? "single" : "split";
        QTest::addRow("%s: bad checksum on read", name)
            << t << 0x30 << 0x01 << Fault::CorruptChecksum << damaged << QStringLiteral("checksum");
        QTest::addRow("%s: bad checksum on find", name)
            << t << 0x20 << 0x01 << Fault::CorruptChecksum << damaged << QStringLiteral("checksum");
        QTest::addRow("%s: short frame on read", name)
            << t << 0x30 << 0x01 << Fault::ShortFrame << incomplete << QStringLiteral("LIBUSB_ERROR_TIMEOUT");
        QTest::addRow("%s: no answer to find", name)
            << t << 0x20 << 0x01 << Fault::NoReply << timeout << QStringLiteral("LIBUSB_ERROR_TIMEOUT");
        QTest::addRow("%s: no answer to read", name)
            << t << 0x30 << 0x01 << Fault::NoReply << timeout << QStringLiteral("LIBUSB_ERROR_TIMEOUT");
        QTest::addRow("%s: stall on select", name)
            << t << 0x20 << 0x02 << Fault::Stall << stall << QStringLiteral("LIBUSB_ERROR_PIPE");
    }
}

void TestIdCardReader::damagedAnswers()
{
    QFETCH(Transport, transport);
    QFETCH(int, command);
    QFETCH(int, parameter);
    QFETCH(Fault, fault);
    QFETCH(QString, message);
    QFETCH(QString, detail);
    QVERIFY(start(transport));
    QVERIFY(waitForState(DeviceState::Ready));
    m_rig.sim->putDemoCard(SimIdCard::Type::Resident);
    m_rig.sim->injectFault(quint8(command), quint8(parameter), fault);
    m_rig.reader->readOnce();
    QTRY_COMPARE_WITH_TIMEOUT(m_rig.failed->count(), 1, Wait);
    QCOMPARE(m_rig.failed->first().at(0).toString(), message);
    QVERIFY2(m_rig.failed->first().at(1).toString().contains(detail, Qt::CaseInsensitive),
        qPrintable(m_rig.failed->first().at(1).toString()));
    QCOMPARE(m_rig.reader->status().state, DeviceState::Error);
    QCOMPARE(m_rig.reader->status().message, message);
    // Recovers: leftovers of the broken answer are not mistaken for the next one.
    m_rig.sim->clearIn(0x81);
    m_rig.sim->clearIn(0x85);
    m_rig.reader->readOnce();
    QTRY_COMPARE_WITH_TIMEOUT(m_rig.read->count(), 1, Wait);
    QCOMPARE(m_rig.reader->status().state, DeviceState::Ready);
}

void TestIdCardReader::unplugMidReadRecovers_data()
{
    QTest::addColumn<Transport>("transport");
    QTest::addColumn<bool>("hotplug");
    QTest::newRow("single-pipe, hotplug") << Transport::SinglePipe << true;
    QTest::newRow("split-pipe, hotplug") << Transport::SplitPipe << true;
    QTest::newRow("single-pipe, rescan fallback") << Transport::SinglePipe << false;
}

void TestIdCardReader::unplugMidReadRecovers()
{
    QFETCH(Transport, transport);
    QFETCH(bool, hotplug);
    QVERIFY(start(transport, true, hotplug));
    QVERIFY(waitForState(DeviceState::Ready));
    QCOMPARE(m_rig.manager->hotplugActive(), hotplug);
    m_rig.sim->putDemoCard(SimIdCard::Type::Resident);
    m_rig.sim->injectFault(0x30, 0x01, Fault::UnplugMidReply);
    m_rig.reader->readOnce();
    QTRY_COMPARE_WITH_TIMEOUT(m_rig.failed->count(), 1, Wait);
    const QString disconnected = ow::usb::UsbError::message(LIBUSB_ERROR_NO_DEVICE, IdCardReader::deviceNoun());
    QCOMPARE(m_rig.failed->first().at(0).toString(), disconnected);
    QVERIFY(waitForState(DeviceState::Unplugged));
    QCOMPARE(m_rig.reader->status().message, disconnected);
    QCOMPARE(m_rig.read->count(), 0);
    // A read while it is gone answers at once, no hang.
    m_rig.reader->readOnce();
    QTRY_COMPARE_WITH_TIMEOUT(m_rig.failed->count(), 2, Wait);
    QTRY_VERIFY_WITH_TIMEOUT(!m_rig.sim->isPlugged(), Wait);

    m_rig.sim->replug();
    QVERIFY(waitForState(DeviceState::Ready));
    m_rig.reader->readOnce();
    QTRY_COMPARE_WITH_TIMEOUT(m_rig.read->count(), 1, Wait);
    QCOMPARE(m_rig.read->first().first().value<IdCardData>().idNumber,
        SimIdCard::demo(SimIdCard::Type::Resident).field(122));
}

void TestIdCardReader::cardLeftOnReaderIsReportedOnce()
{
    QVERIFY(start(Transport::SplitPipe));
    QVERIFY(waitForState(DeviceState::Ready));
    m_rig.reader->setCardExpected(true);
    m_rig.sim->putDemoCard(SimIdCard::Type::Resident);
    QTRY_COMPARE_WITH_TIMEOUT(m_rig.read->count(), 1, Wait);
    const int finds = m_rig.sim->requestCount(0x20, 0x01);
    QTRY_VERIFY_WITH_TIMEOUT(m_rig.sim->requestCount(0x20, 0x01) >= finds + 4, Wait);
    QCOMPARE(m_rig.read->count(), 1);
    QCOMPARE(m_rig.sim->requestCount(0x30, 0x01), 1);
    QCOMPARE(m_rig.removed->count(), 0);

    m_rig.sim->removeCard();
    QTRY_COMPARE_WITH_TIMEOUT(m_rig.removed->count(), 1, Wait);
    m_rig.sim->putDemoCard(SimIdCard::Type::HkMacaoTaiwan);
    QTRY_COMPARE_WITH_TIMEOUT(m_rig.read->count(), 2, Wait);
    QCOMPARE(m_rig.read->at(1).first().value<IdCardData>().type, ow::idcard::CardType::HkMacaoTaiwan);

    // A card that keeps failing is reported once, not at every poll. (Counted from here: a poll
    // that was reading while the card above was taken away may have reported that read's failure.)
    m_rig.sim->removeCard();
    QTRY_COMPARE_WITH_TIMEOUT(m_rig.removed->count(), 2, Wait);
    const int failedBefore = int(m_rig.failed->count());
    m_rig.sim->injectFault(0x30, 0x01, Fault::SamStatus, 0x41, -1);
    m_rig.sim->putDemoCard(SimIdCard::Type::Resident);
    QTRY_VERIFY_WITH_TIMEOUT(m_rig.sim->requestCount(0x30, 0x01) >= 5, Wait);
    QCOMPARE(m_rig.failed->count(), failedBefore + 1);
    QCOMPARE(m_rig.read->count(), 2);

    // Stopping the expectation stops the traffic.
    m_rig.reader->setCardExpected(false);
    QTest::qWait(150);
    const int submitted = m_rig.sim->submittedTransfers();
    QTest::qWait(400);
    QCOMPARE(m_rig.sim->submittedTransfers(), submitted);
}

// A card put down in place of another, quicker than a poll: the reader tells them apart by the
// serial number select answers, and reads the new one.
void TestIdCardReader::swappedCardIsRead()
{
    QVERIFY(start(Transport::SinglePipe));
    QVERIFY(waitForState(DeviceState::Ready));
    m_rig.reader->setCardExpected(true);
    const SimIdCard first = SimIdCard::demo(SimIdCard::Demo::ResidentFemale);
    const SimIdCard second = SimIdCard::demo(SimIdCard::Demo::HkMacaoTaiwan);
    QVERIFY(first.serial() != second.serial());
    m_rig.sim->putCard(first);
    QTRY_COMPARE_WITH_TIMEOUT(m_rig.read->count(), 1, Wait);
    QCOMPARE(m_rig.read->at(0).first().value<IdCardData>().idNumber, first.field(122));

    m_rig.sim->putCard(second); // no gap: find never answers "no card"
    QTRY_COMPARE_WITH_TIMEOUT(m_rig.read->count(), 2, Wait);
    const auto swapped = m_rig.read->at(1).first().value<IdCardData>();
    QCOMPARE(swapped.idNumber, second.field(122));
    QCOMPARE(swapped.type, ow::idcard::CardType::HkMacaoTaiwan);

    // Lying there, the new card is reported once.
    const int finds = m_rig.sim->requestCount(0x20, 0x01);
    QTRY_VERIFY_WITH_TIMEOUT(m_rig.sim->requestCount(0x20, 0x01) >= finds + 3, Wait);
    QCOMPARE(m_rig.read->count(), 2);
    QCOMPARE(m_rig.failed->count(), 0);

    // The same card put down again was lifted in between: taken off, then read again.
    m_rig.sim->putCard(second);
    QTRY_COMPARE_WITH_TIMEOUT(m_rig.read->count(), 3, Wait);
    QCOMPARE(m_rig.removed->count(), 1);
}

void TestIdCardReader::absentUntilPlugged()
{
    QVERIFY(start(Transport::SinglePipe, false));
    QTRY_VERIFY_WITH_TIMEOUT(m_rig.manager->isStarted(), Wait);
    QTest::qWait(100);
    QCOMPARE(m_rig.reader->status().state, DeviceState::Absent);
    QVERIFY(!m_rig.reader->status().message.isEmpty());
    m_rig.reader->readOnce();
    QTRY_COMPARE_WITH_TIMEOUT(m_rig.failed->count(), 1, Wait);
    QVERIFY(!m_testbed->plug(m_rig.sim.get()).isEmpty());
    QVERIFY(waitForState(DeviceState::Ready));
    // The states arrived as queued signals, in order.
    QVERIFY(m_rig.status->count() >= 1);
    QCOMPARE(m_rig.status->last().first().value<ow::usb::DeviceStatus>().state, DeviceState::Ready);
}

void TestIdCardReader::trafficLogRecordsFrames()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("usb.log"));
    QVERIFY(start(Transport::SinglePipe, true, true, ow::idcard::ReadMode::TextPhoto, path));
    QVERIFY(waitForState(DeviceState::Ready));
    m_rig.reader->readOnce();
    QTRY_COMPARE_WITH_TIMEOUT(m_rig.none->count(), 1, Wait);
    m_rig.manager.reset();
    QFile log(path);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(log.readAll());
    QVERIFY2(text.contains(QStringLiteral(" OUT 0x01 10 ok | aa aa aa 96 69 00 03 20 01 22\n")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(" IN 0x81 11 ok | aa aa aa 96 69 00 04 00 00 80 84\n")), qPrintable(text));
    QVERIFY(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z "))
                .match(text)
                .hasMatch());
}

void TestIdCardReader::trafficLogHoldsNoPersonalData_data()
{
    QTest::addColumn<Transport>("transport");
    QTest::newRow("single-pipe") << Transport::SinglePipe;
    QTest::newRow("split-pipe") << Transport::SplitPipe;
}

void TestIdCardReader::trafficLogHoldsNoPersonalData()
{
    QFETCH(Transport, transport);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("usb.log"));
    QVERIFY(start(transport, true, true, ow::idcard::ReadMode::TextPhotoFingerprint, path));
    QVERIFY(waitForState(DeviceState::Ready));
    m_rig.sim->putCard(SimIdCard::demo(SimIdCard::Type::Resident));
    m_rig.reader->readOnce();
    QTRY_COMPARE_WITH_TIMEOUT(m_rig.read->count(), 1, Wait);
    const auto got = m_rig.read->first().first().value<IdCardData>();
    m_rig.manager.reset();

    struct stat st
    { };
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 0777), 0600);
    QFile log(path);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(log.readAll());
    QVERIFY2(text.contains(QStringLiteral("bytes withheld]")), qPrintable(text));
    // Neither the number, the name nor the address, in any form they travel or are shown in.
    const auto wire = [](const QString &s) {
        return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(s.utf16()), s.size() * 2).toHex(' '));
    };
    for (const QString &personal : {got.idNumber, got.name, got.address.left(6)}) {
        QVERIFY(!personal.isEmpty());
        QVERIFY2(!text.contains(wire(personal)), qPrintable(personal));
        QVERIFY2(!text.contains(personal), qPrintable(personal));
    }
    // The photo's first bytes are not there either.
    QVERIFY(!text.contains(QString::fromLatin1(got.photoWlt.left(12).toHex(' '))));
}

OW_DEVICESIM_TEST_MAIN(TestIdCardReader)

#include "tst_idcardreader.moc"
