#include "DeviceCommands.h"

#include "onewindow/core/Clock.h"
#include "onewindow/idcard/CardDecoder.h"
#include "onewindow/idcard/IdCardReader.h"
#include "onewindow/idcard/IdCardText.h"
#include "onewindow/printer/ReceiptPrinter.h"
#include "onewindow/scanner/BarcodeScanner.h"
#include "onewindow/usb/DeviceManager.h"
#include "onewindow/usb/UsbDeviceInfo.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace {

void printCard(const ow::idcard::IdCardData &card, bool full, bool json, QTextStream &out)
{
    const QDate today = ow::Clock::system().today();
    if (json) {
        QJsonObject o = ow::idcard::IdCardText::toJson(card, full, today);
        out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
        return;
    }
    out << "card:             " << ow::idcard::IdCardText::typeDescription(card.type) << '\n';
    for (const auto &field : ow::idcard::IdCardText::fields(card, full, today))
        out << (field.first + QLatin1Char(':')).leftJustified(18) << field.second << '\n';
    if (!full)
        out << "(masked; --full shows every field)\n";
}

int devicesList(const QStringList &args, QTextStream &out, QTextStream &err)
{
    bool json = false;
    for (const QString &a : args) {
        if (a == QLatin1String("--json")) {
            json = true;
        } else {
            err << "usage: onewindow-tool devices list [--json]\n";
            return 2;
        }
    }
    ow::usb::DeviceManager manager;
    manager.addDriver(std::make_unique<ow::idcard::IdCardReader>());
    manager.addDriver(std::make_unique<ow::scanner::BarcodeScanner>());
    manager.addDriver(std::make_unique<ow::printer::ReceiptPrinter>());
    const QList<ow::usb::UsbDeviceInfo> devices = manager.listDevices(true);
    const QString initError = manager.initError();
    if (!initError.isEmpty()) {
        err << "onewindow-tool: USB is not available: " << initError << '\n';
        return 1;
    }
    if (json) {
        QJsonArray list;
        for (const ow::usb::UsbDeviceInfo &d : devices) {
            QJsonObject o;
            o.insert(QStringLiteral("id"), d.id());
            o.insert(QStringLiteral("bus"), d.bus);
            o.insert(QStringLiteral("address"), d.address);
            o.insert(QStringLiteral("vid_pid"), d.vidPid());
            o.insert(QStringLiteral("driver"), d.driver.isEmpty() ? QJsonValue() : QJsonValue(d.driver));
            o.insert(QStringLiteral("access_problem"),
                d.accessProblem.isEmpty() ? QJsonValue() : QJsonValue(d.accessProblem));
            QJsonArray interfaces;
            for (const ow::usb::InterfaceInfo &i : d.interfaces) {
                QJsonObject io;
                io.insert(QStringLiteral("number"), i.number);
                io.insert(QStringLiteral("class"), i.interfaceClass);
                QJsonArray endpoints;
                for (const ow::usb::EndpointInfo &e : i.endpoints)
                    endpoints.append(QStringLiteral("0x%1").arg(e.address, 2, 16, QLatin1Char('0')));
                io.insert(QStringLiteral("endpoints"), endpoints);
                interfaces.append(io);
            }
            o.insert(QStringLiteral("interfaces"), interfaces);
            list.append(o);
        }
        QJsonObject root;
        root.insert(QStringLiteral("devices"), list);
        out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
        return 0;
    }
    if (devices.isEmpty()) {
        out << "no USB devices attached\n";
        return 0;
    }
    for (const ow::usb::UsbDeviceInfo &d : devices) {
        out << d.id() << "  " << d.vidPid() << "  "
            << (d.driver.isEmpty() ? QStringLiteral("-") : d.driver).leftJustified(8) << "  "
            << (d.accessProblem.isEmpty() ? QStringLiteral("ok") : d.accessProblem) << '\n';
    }
    return 0;
}

int idcardRead(const QStringList &args, QTextStream &out, QTextStream &err)
{
    bool full = false;
    bool json = false;
    ow::idcard::IdCardReader::Options options;
    int timeoutMs = 10000;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--full")) {
            full = true;
        } else if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--fingerprint")) {
            options.mode = ow::idcard::ReadMode::TextPhotoFingerprint;
        } else if (a == QLatin1String("--timeout") && i + 1 < args.size()) {
            bool ok = false;
            timeoutMs = args.at(++i).toInt(&ok);
            if (!ok || timeoutMs <= 0) {
                err << "onewindow-tool: --timeout wants milliseconds > 0\n";
                return 2;
            }
        } else {
            err << "usage: onewindow-tool idcard read [--full] [--json] [--fingerprint] [--timeout MS]\n";
            return 2;
        }
    }
    ow::usb::DeviceManager manager;
    auto *reader = manager.addDriver(std::make_unique<ow::idcard::IdCardReader>(options));
    QEventLoop loop;
    int code = 1;
    bool requested = false;
    QObject::connect(reader, &ow::idcard::IdCardReader::statusChanged, &loop, [&](const ow::usb::DeviceStatus &status) {
        if (requested)
            return;
        if (status.state == ow::usb::DeviceState::Ready) {
            requested = true;
            reader->readOnce();
        } else if (status.state == ow::usb::DeviceState::Error) {
            err << "onewindow-tool: " << status.message << " [" << status.detail << "]\n";
            loop.quit();
        }
    });
    QObject::connect(reader, &ow::idcard::IdCardReader::cardRead, &loop, [&](const ow::idcard::IdCardData &card) {
        printCard(card, full, json, out);
        code = 0;
        loop.quit();
    });
    QObject::connect(reader, &ow::idcard::IdCardReader::noCard, &loop, [&] {
        err << "onewindow-tool: no card on the reader\n";
        loop.quit();
    });
    QObject::connect(
        reader, &ow::idcard::IdCardReader::readFailed, &loop, [&](const QString &message, const QString &detail) {
            err << "onewindow-tool: " << message << " [" << detail << "]\n";
            loop.quit();
        });
    QObject::connect(&manager, &ow::usb::DeviceManager::started, &loop, [&](bool ok, const QString &message) {
        if (!ok) {
            err << "onewindow-tool: USB is not available: " << message << '\n';
            loop.quit();
        }
    });
    QTimer::singleShot(timeoutMs, &loop, [&] {
        err << "onewindow-tool: "
            << (requested ? QStringLiteral("the card reader did not finish in time")
                          : QStringLiteral("no ID card reader found"))
            << '\n';
        loop.quit();
    });
    manager.start();
    loop.exec();
    return code;
}

int idcardDecode(const QStringList &args, QTextStream &out, QTextStream &err)
{
    bool full = false;
    bool json = false;
    QStringList files;
    for (const QString &a : args) {
        if (a == QLatin1String("--full"))
            full = true;
        else if (a == QLatin1String("--json"))
            json = true;
        else if (a.startsWith(QLatin1String("--")))
            files << QString(); // unknown option: usage below
        else
            files << a;
    }
    if (files.size() != 1 || files.first().isEmpty()) {
        err << "usage: onewindow-tool idcard decode FILE [--json] [--full]\n";
        return 2;
    }
    QFile file(files.first());
    if (!file.open(QIODevice::ReadOnly)) {
        err << "onewindow-tool: cannot read " << files.first() << ": " << file.errorString() << '\n';
        return 1;
    }
    const QByteArray frame = file.read(1 << 20);
    const auto card = ow::idcard::CardDecoder::decodeReadFrame(frame);
    if (!card) {
        err << "bad frame: " << card.error() << '\n';
        return 1;
    }
    printCard(card.value(), full, json, out);
    return 0;
}

} // namespace

CommandList deviceCommands()
{
    return {
        {QStringLiteral("devices list"), QStringLiteral("[--json]"),
            QStringLiteral("The attached USB devices, the driver that takes each and any permission problem."),
            devicesList},
        {QStringLiteral("idcard read"), QStringLiteral("[--full] [--json] [--fingerprint] [--timeout MS]"),
            QStringLiteral("Read the ID card on the reader once; masked unless --full."), idcardRead},
        {QStringLiteral("idcard decode"), QStringLiteral("FILE [--json] [--full]"),
            QStringLiteral("Decode a raw read-response frame saved as binary; masked unless --full."), idcardDecode},
    };
}
