#include "PosCommands.h"

#include "onewindow/printer/ReceiptPrinter.h"
#include "onewindow/printer/TestPage.h"
#include "onewindow/scanner/BarcodeScanner.h"
#include "onewindow/usb/DeviceManager.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace {

QString encodingName(ow::scanner::TextEncoding e)
{
    switch (e) {
    case ow::scanner::TextEncoding::Ascii: return QStringLiteral("ascii");
    case ow::scanner::TextEncoding::Utf8: return QStringLiteral("utf-8");
    case ow::scanner::TextEncoding::Gb18030: return QStringLiteral("gb18030");
    case ow::scanner::TextEncoding::Keyboard: return QStringLiteral("keyboard");
    case ow::scanner::TextEncoding::Invalid: return QStringLiteral("invalid");
    }
    return {};
}

bool takeInt(const QStringList &args, int &i, int *value)
{
    if (i + 1 >= args.size())
        return false;
    bool ok = false;
    *value = args.at(++i).toInt(&ok);
    return ok && *value >= 0;
}

int scannerListen(const QStringList &args, QTextStream &out, QTextStream &err)
{
    int count = 0;
    int timeoutMs = 0;
    bool json = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        bool ok = true;
        if (a == QLatin1String("--json"))
            json = true;
        else if (a == QLatin1String("--count"))
            ok = takeInt(args, i, &count);
        else if (a == QLatin1String("--timeout"))
            ok = takeInt(args, i, &timeoutMs);
        else
            ok = false;
        if (!ok) {
            err << "usage: onewindow-tool scanner listen [--count N] [--timeout MS] [--json]\n";
            return 2;
        }
    }
    ow::usb::DeviceManager manager;
    auto *scanner = manager.addDriver(std::make_unique<ow::scanner::BarcodeScanner>());
    QEventLoop loop;
    int code = 0;
    int seen = 0;
    QObject::connect(scanner, &ow::scanner::BarcodeScanner::scanned, &loop, [&](const ow::scanner::Scan &scan) {
        if (json) {
            QJsonObject o;
            o.insert(QStringLiteral("text"), scan.text);
            o.insert(QStringLiteral("symbology"), scan.symbology);
            o.insert(QStringLiteral("aim"), scan.aimId);
            o.insert(QStringLiteral("encoding"), encodingName(scan.encoding));
            o.insert(QStringLiteral("hex"), QString::fromLatin1(scan.raw.toHex()));
            out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << '\n';
        } else {
            out << (scan.symbology.isEmpty() ? QStringLiteral("-") : scan.symbology) << '\t'
                << encodingName(scan.encoding) << '\t' << scan.text << '\n';
        }
        out.flush();
        if (count > 0 && ++seen >= count)
            loop.quit();
    });
    QObject::connect(
        scanner, &ow::scanner::BarcodeScanner::scanFailed, &loop, [&](const QString &message, const QString &detail) {
            err << "scan failed: " << message << " [" << detail << "]\n";
        });
    QObject::connect(scanner, &ow::scanner::BarcodeScanner::statusChanged, &loop, [&](const ow::usb::DeviceStatus &s) {
        err << "scanner: " << ow::usb::stateName(s.state)
            << (s.message.isEmpty() ? QString() : QStringLiteral(": ") + s.message) << '\n';
        err.flush();
        if (s.state == ow::usb::DeviceState::Error) {
            code = 1;
            loop.quit();
        }
    });
    QObject::connect(&manager, &ow::usb::DeviceManager::started, &loop, [&](bool ok, const QString &message) {
        if (!ok) {
            err << "onewindow-tool: USB is not available: " << message << '\n';
            code = 1;
            loop.quit();
        }
    });
    if (timeoutMs > 0) {
        QTimer::singleShot(timeoutMs, &loop, [&] {
            if (count > 0 && seen < count) {
                err << "onewindow-tool: " << seen << " of " << count << " scans before the timeout\n";
                code = 1;
            }
            loop.quit();
        });
    }
    manager.start();
    loop.exec();
    return code;
}

// Waits until the printer driver settled (ready or error) or timeoutMs passed.
bool waitForPrinter(
    ow::usb::DeviceManager &manager, ow::printer::ReceiptPrinter *printer, int timeoutMs, QTextStream &err)
{
    QEventLoop loop;
    bool usbOk = true;
    QObject::connect(printer, &ow::printer::ReceiptPrinter::statusChanged, &loop, [&](const ow::usb::DeviceStatus &s) {
        if (s.state == ow::usb::DeviceState::Ready || s.state == ow::usb::DeviceState::Error)
            loop.quit();
    });
    QObject::connect(&manager, &ow::usb::DeviceManager::started, &loop, [&](bool ok, const QString &message) {
        if (!ok) {
            err << "onewindow-tool: USB is not available: " << message << '\n';
            usbOk = false;
            loop.quit();
        }
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    manager.start();
    const auto state = printer->status().state;
    if (state != ow::usb::DeviceState::Ready && state != ow::usb::DeviceState::Error)
        loop.exec();
    if (!usbOk)
        return false;
    const ow::usb::DeviceStatus s = printer->status();
    if (s.state != ow::usb::DeviceState::Ready && s.state != ow::usb::DeviceState::Error) {
        err << "onewindow-tool: no receipt printer found\n";
        return false;
    }
    return true;
}

int printerStatus(const QStringList &args, QTextStream &out, QTextStream &err)
{
    int timeoutMs = 3000;
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) != QLatin1String("--timeout") || !takeInt(args, i, &timeoutMs)) {
            err << "usage: onewindow-tool printer status [--timeout MS]\n";
            return 2;
        }
    }
    ow::usb::DeviceManager manager;
    auto *printer = manager.addDriver(std::make_unique<ow::printer::ReceiptPrinter>());
    if (!waitForPrinter(manager, printer, timeoutMs, err))
        return 1;
    const ow::usb::DeviceStatus s = printer->status();
    const ow::printer::PrinterProfile p = printer->profile();
    out << "printer:  " << p.name << " (" << p.id << ", " << p.dotsPerLine << " dots, QR "
        << (p.nativeQr ? "native" : "raster") << ")\n"
        << "state:    " << ow::usb::stateName(s.state) << '\n'
        << "status:   " << (s.message.isEmpty() ? QStringLiteral("ready") : s.message) << '\n'
        << "detail:   " << s.detail << '\n';
    return s.state == ow::usb::DeviceState::Ready ? 0 : 1;
}

int printerTestPage(const QStringList &argsIn, QTextStream &out, QTextStream &err)
{
    QStringList args = argsIn;
    ow::printer::ReceiptPrinter::Options options;
    auto mode = ow::printer::EscPosDocument::QrMode::Auto;
    int timeoutMs = 3000;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        bool ok = true;
        if (a == QLatin1String("--native")) {
            mode = ow::printer::EscPosDocument::QrMode::Native;
        } else if (a == QLatin1String("--raster")) {
            mode = ow::printer::EscPosDocument::QrMode::Raster;
        } else if (a == QLatin1String("--profile") && i + 1 < args.size()) {
            options.profileId = args.at(++i);
            bool found = false;
            ow::printer::PrinterProfile::byId(options.profileId, &found);
            if (!found) {
                err << "unknown printer profile '" << options.profileId << "'\n";
                return 2;
            }
        } else if (a == QLatin1String("--timeout")) {
            ok = takeInt(args, i, &timeoutMs);
        } else {
            ok = false;
        }
        if (!ok) {
            err << "usage: onewindow-tool printer test-page [--profile ID] [--native|--raster] [--timeout MS]\n";
            return 2;
        }
    }
    ow::usb::DeviceManager manager;
    auto *printer = manager.addDriver(std::make_unique<ow::printer::ReceiptPrinter>(options));
    if (!waitForPrinter(manager, printer, timeoutMs, err))
        return 1;
    QEventLoop loop;
    ow::printer::PrintJobResult result;
    QObject::connect(
        printer, &ow::printer::ReceiptPrinter::jobFinished, &loop, [&](const ow::printer::PrintJobResult &r) {
            result = r;
            loop.quit();
        });
    printer->print(ow::printer::TestPage::build(printer->profile(), mode));
    loop.exec();
    out << result.progressText() << '\n';
    if (!result.ok()) {
        err << "onewindow-tool: " << result.error << '\n';
        return 1;
    }
    if (!result.error.isEmpty())
        err << "warning: " << result.error << '\n';
    out << "printed the test page\n";
    return 0;
}

} // namespace

CommandList posCommands()
{
    return {
        {QStringLiteral("scanner listen"), QStringLiteral("[--count N] [--timeout MS] [--json]"),
            QStringLiteral("Hold the barcode scanner and print each scan (symbology, encoding, text)."), scannerListen},
        {QStringLiteral("printer status"), QStringLiteral("[--timeout MS]"),
            QStringLiteral("Show the receipt printer's profile and status (DLE EOT 1, 2, 4)."), printerStatus},
        {QStringLiteral("printer test-page"), QStringLiteral("[--profile ID] [--native|--raster] [--timeout MS]"),
            QStringLiteral("Print the test page (Chinese text, styles, QR) on the receipt printer."), printerTestPage},
    };
}
