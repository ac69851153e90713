#include "onewindow/usb/DeviceStatus.h"
#include "onewindow/usb/TrafficLog.h"
#include "onewindow/usb/UsbError.h"

#include <QTest>

#include <libusb.h>

using ow::usb::UsbError;

class TestUsbError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void messages_data();
    void messages();
    void detailKeepsTheTechnicalPart();
    void trafficLogLine();
    void stateNames();
};

void TestUsbError::messages_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("unplugged");
    QTest::newRow("no device") << int(LIBUSB_ERROR_NO_DEVICE) << QStringLiteral("The card reader was disconnected.")
                               << true;
    QTest::newRow("access") << int(LIBUSB_ERROR_ACCESS)
                            << QStringLiteral("No permission to use the card reader: install the udev rules.") << false;
    QTest::newRow("busy") << int(LIBUSB_ERROR_BUSY) << QStringLiteral("The card reader is in use by another program.")
                          << false;
    QTest::newRow("timeout") << int(LIBUSB_ERROR_TIMEOUT) << QStringLiteral("The card reader did not answer in time.")
                             << false;
    QTest::newRow("stall") << int(LIBUSB_ERROR_PIPE)
                           << QStringLiteral("The card reader refused the command. Try again.") << false;
    QTest::newRow("not found") << int(LIBUSB_ERROR_NOT_FOUND) << QStringLiteral("The card reader was not found.")
                               << false;
    QTest::newRow("io") << int(LIBUSB_ERROR_IO)
                        << QStringLiteral("Communication with the card reader failed. Check the cable and try again.")
                        << false;
    QTest::newRow("overflow") << int(LIBUSB_ERROR_OVERFLOW)
                              << QStringLiteral(
                                     "Communication with the card reader failed. Check the cable and try again.")
                              << false;
    QTest::newRow("success") << 0 << QString() << false;
}

void TestUsbError::messages()
{
    QFETCH(int, code);
    QFETCH(QString, message);
    QFETCH(bool, unplugged);
    QCOMPARE(UsbError::message(code, QStringLiteral("card reader")), message);
    QCOMPARE(UsbError::meansUnplugged(code), unplugged);
}

void TestUsbError::detailKeepsTheTechnicalPart()
{
    QCOMPARE(UsbError::detail(LIBUSB_ERROR_TIMEOUT, QStringLiteral("bulk IN 0x81")),
        QStringLiteral("LIBUSB_ERROR_TIMEOUT (bulk IN 0x81)"));
    QCOMPARE(UsbError::detail(LIBUSB_ERROR_ACCESS, QString()), QStringLiteral("LIBUSB_ERROR_ACCESS"));
}

void TestUsbError::trafficLogLine()
{
    const QDateTime when(QDate(2026, 11, 28), QTime(9, 30, 1, 123), Qt::UTC);
    QCOMPARE(ow::usb::TrafficLog::formatLine(when, QStringLiteral("001:004"), false, 0x01,
                 QByteArray::fromHex("aaaaaa96690003200122"), QStringLiteral("ok")),
        QStringLiteral("2026-11-28T09:30:01.123Z 001:004 OUT 0x01 10 ok | aa aa aa 96 69 00 03 20 01 22\n"));
    QCOMPARE(ow::usb::TrafficLog::formatLine(
                 when, QStringLiteral("001:004"), true, 0x81, QByteArray(), QStringLiteral("LIBUSB_ERROR_TIMEOUT")),
        QStringLiteral("2026-11-28T09:30:01.123Z 001:004 IN 0x81 0 LIBUSB_ERROR_TIMEOUT | \n"));
}

void TestUsbError::stateNames()
{
    using ow::usb::DeviceState;
    QCOMPARE(ow::usb::stateName(DeviceState::Absent), QStringLiteral("absent"));
    QCOMPARE(ow::usb::stateName(DeviceState::Ready), QStringLiteral("ready"));
    QCOMPARE(ow::usb::stateName(DeviceState::Busy), QStringLiteral("busy"));
    QCOMPARE(ow::usb::stateName(DeviceState::Error), QStringLiteral("error"));
    QCOMPARE(ow::usb::stateName(DeviceState::Unplugged), QStringLiteral("unplugged"));
}

QTEST_GUILESS_MAIN(TestUsbError)

#include "tst_usberror.moc"
