#include "ScanCommands.h"

#include "onewindow/scan/BarcodeReader.h"
#include "onewindow/scan/PageImporter.h"
#include "onewindow/scan/PageNormaliser.h"
#include "onewindow/scan/PdfAssembler.h"
#include "onewindow/scan/Scanner.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace ow::scan;

namespace {

// Takes "--name VALUE" out of args; false when the name is there without a value.
bool takeValue(QStringList &args, const QString &name, QString *value)
{
    const qsizetype i = args.indexOf(name);
    if (i < 0)
        return true;
    if (i + 1 >= args.size())
        return false;
    *value = args.at(i + 1);
    args.remove(i, 2);
    return true;
}

bool writeFile(const QString &path, const QByteArray &bytes, QTextStream &err)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        err << "cannot write " << path << ": " << f.errorString() << '\n';
        return false;
    }
    return true;
}

QString modeName(const QImage &img)
{
    return img.depth() == 1                         ? QStringLiteral("bilevel")
        : img.format() == QImage::Format_Grayscale8 ? QStringLiteral("gray")
                                                    : QStringLiteral("color");
}

int scanDevices(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const bool json = args.contains(QStringLiteral("--json"));
    Scanner scanner;
    QEventLoop loop;
    QList<ScanDevice> devices;
    QString error;
    QObject::connect(&scanner, &Scanner::devicesListed, &loop, [&](const QList<ScanDevice> &d, const QString &e) {
        devices = d;
        error = e;
        loop.quit();
    });
    scanner.listDevices();
    loop.exec();
    if (!error.isEmpty()) {
        err << error << '\n';
        return 1;
    }
    if (json) {
        QJsonArray list;
        for (const ScanDevice &d : std::as_const(devices))
            list.append(QJsonObject {{QStringLiteral("name"), d.name}, {QStringLiteral("vendor"), d.vendor},
                {QStringLiteral("model"), d.model}, {QStringLiteral("type"), d.type}});
        out << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (devices.isEmpty()) {
        err << "No scanner found. Check that it is plugged in and switched on.\n";
        return 1;
    }
    for (const ScanDevice &d : std::as_const(devices))
        out << d.name << "  " << d.vendor << ' ' << d.model << " (" << d.type << ")\n";
    return 0;
}

int scanBatch(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QStringList args = arguments;
    QString outDir, device, source = QStringLiteral("flatbed"), dpi = QStringLiteral("200"),
                            mode = QStringLiteral("gray"), maxPages = QStringLiteral("100");
    ScanSettings s;
    for (qsizetype i = args.indexOf(QStringLiteral("--option")); i >= 0; i = args.indexOf(QStringLiteral("--option"))) {
        const QString kv = i + 1 < args.size() ? args.at(i + 1) : QString();
        const qsizetype eq = kv.indexOf(u'=');
        if (eq <= 0) {
            err << "usage: --option NAME=VALUE\n";
            return 2;
        }
        s.extraOptions.append({kv.left(eq), kv.mid(eq + 1)});
        args.remove(i, 2);
    }
    if (!takeValue(args, QStringLiteral("--out"), &outDir) || !takeValue(args, QStringLiteral("--device"), &device)
        || !takeValue(args, QStringLiteral("--source"), &source) || !takeValue(args, QStringLiteral("--dpi"), &dpi)
        || !takeValue(args, QStringLiteral("--mode"), &mode)
        || !takeValue(args, QStringLiteral("--max-pages"), &maxPages) || outDir.isEmpty() || !args.isEmpty()
        || !QStringList {QStringLiteral("flatbed"), QStringLiteral("adf")}.contains(source)
        || !QStringList {QStringLiteral("gray"), QStringLiteral("color"), QStringLiteral("lineart")}.contains(mode)
        || dpi.toInt() <= 0 || maxPages.toInt() <= 0) {
        err << "usage: onewindow-tool scan batch --out DIR [--device NAME] [--source flatbed|adf] [--dpi N] "
               "[--mode gray|color|lineart] [--max-pages N] [--option NAME=VALUE]...\n";
        return 2;
    }
    s.device = device;
    s.source = source == QLatin1String("adf") ? ScanSettings::Source::Feeder : ScanSettings::Source::Flatbed;
    s.mode = mode == QLatin1String("color") ? ScanSettings::Mode::Color
        : mode == QLatin1String("lineart")  ? ScanSettings::Mode::Lineart
                                            : ScanSettings::Mode::Gray;
    s.dpi = dpi.toInt();
    s.maxPages = maxPages.toInt();
    if (!QDir().mkpath(outDir)) {
        err << "cannot create " << outDir << '\n';
        return 1;
    }
    Scanner scanner;
    QEventLoop loop;
    Pages pages;
    QString error;
    bool writeFailed = false;
    QObject::connect(&scanner, &Scanner::pageScanned, &loop, [&](const Page &p) {
        const QString path =
            QDir(outDir).filePath(QStringLiteral("page-%1.png").arg(p.originPage, 3, 10, QLatin1Char('0')));
        if (!p.image.save(path, "PNG")) {
            err << "cannot write " << path << '\n';
            writeFailed = true;
        }
        out << "page " << p.originPage << ": " << p.image.width() << " x " << p.image.height() << " at " << p.dpi
            << " dpi -> " << path << '\n';
        out.flush();
        pages.append(PageNormaliser::normalise(p));
    });
    QObject::connect(&scanner, &Scanner::finished, &loop, [&](int, const QString &e) {
        error = e;
        loop.quit();
    });
    scanner.scan(s);
    loop.exec();
    if (!pages.isEmpty()) {
        const auto pdf = PdfAssembler::assemble(pages, QStringLiteral("scan batch"));
        const QString path = QDir(outDir).filePath(QStringLiteral("batch.pdf"));
        if (!pdf || !writeFile(path, pdf.value(), err))
            return 1;
        out << pages.size() << " page(s), " << pdf->size() << " bytes -> " << path << '\n';
    }
    if (!error.isEmpty()) {
        err << error << '\n';
        return 1;
    }
    return writeFailed ? 1 : 0;
}

int scanImport(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QStringList files = arguments;
    QString outPath, mode = QStringLiteral("auto");
    if (!takeValue(files, QStringLiteral("--out"), &outPath) || !takeValue(files, QStringLiteral("--mode"), &mode)
        || outPath.isEmpty() || files.isEmpty()
        || !QStringList {QStringLiteral("auto"), QStringLiteral("gray"), QStringLiteral("bilevel"),
            QStringLiteral("color")}
                .contains(mode)) {
        err << "usage: onewindow-tool scan import FILES... --out OUT.pdf [--mode auto|gray|bilevel|color]\n";
        return 2;
    }
    PageNormaliser::Options options;
    options.mode = mode == QLatin1String("gray") ? PageNormaliser::Mode::Gray
        : mode == QLatin1String("bilevel")       ? PageNormaliser::Mode::Bilevel
        : mode == QLatin1String("color")         ? PageNormaliser::Mode::Color
                                                 : PageNormaliser::Mode::Auto;
    bool refused = false;
    Pages pages;
    for (const QString &file : std::as_const(files)) {
        const auto imported = PageImporter::importFile(file);
        if (!imported) {
            err << imported.error() << '\n';
            refused = true;
            continue;
        }
        for (const Page &p : imported.value())
            pages.append(PageNormaliser::normalise(p, options));
    }
    if (pages.isEmpty()) {
        err << "no pages to write\n";
        return 1;
    }
    for (qsizetype i = 0; i < pages.size(); ++i) {
        const Page &p = pages.at(i);
        // A page's share: the size of a PDF holding that page alone.
        const auto one = PdfAssembler::assemble({p}, QString());
        out << "page " << (i + 1) << " (" << p.origin << " p." << p.originPage << "): " << p.image.width() << " x "
            << p.image.height() << " at " << p.dpi << " dpi, " << modeName(p.image) << ", " << (one ? one->size() : 0)
            << " bytes\n";
    }
    const auto pdf = PdfAssembler::assemble(pages, QFileInfo(outPath).completeBaseName());
    if (!pdf) {
        err << pdf.error() << '\n';
        return 1;
    }
    if (!writeFile(outPath, pdf.value(), err))
        return 1;
    out << pages.size() << " page(s), " << pdf->size() << " bytes, " << pdf->size() / pages.size()
        << " bytes per page -> " << outPath << '\n';
    return refused ? 1 : 0;
}

int scanBarcodes(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QStringList files = arguments;
    const bool json = files.removeAll(QStringLiteral("--json")) > 0;
    if (files.isEmpty()) {
        err << "usage: onewindow-tool scan barcodes FILE... [--json]\n";
        return 2;
    }
    bool refused = false;
    QJsonArray list;
    for (const QString &file : std::as_const(files)) {
        const auto pages = PageImporter::importFile(file);
        if (!pages) {
            err << pages.error() << '\n';
            refused = true;
            continue;
        }
        for (const Page &p : pages.value()) {
            for (const Barcode &b : BarcodeReader::read(p.image, p.originPage)) {
                QJsonArray position;
                for (const QPoint &pt : b.position)
                    position.append(QJsonArray {pt.x(), pt.y()});
                if (json) {
                    list.append(QJsonObject {{QStringLiteral("file"), file}, {QStringLiteral("format"), b.format},
                        {QStringLiteral("text"), b.text}, {QStringLiteral("page"), b.page},
                        {QStringLiteral("position"), position}});
                } else {
                    out << file << " page " << b.page << ": " << b.format << " \"" << b.text << "\" at";
                    for (const QPoint &pt : b.position)
                        out << ' ' << pt.x() << ',' << pt.y();
                    out << '\n';
                }
            }
        }
    }
    if (json)
        out << QJsonDocument(list).toJson(QJsonDocument::Indented);
    return refused ? 1 : 0;
}

} // namespace

CommandList scanCommands()
{
    return {
        {QStringLiteral("scan devices"), QStringLiteral("[--json]"),
            QStringLiteral("List the scanners SANE can reach."), scanDevices},
        {QStringLiteral("scan batch"),
            QStringLiteral("--out DIR [--device NAME] [--source flatbed|adf] [--dpi N] [--mode gray|color|lineart] "
                           "[--max-pages N] [--option NAME=VALUE]..."),
            QStringLiteral("Scan a batch through SANE into DIR (page-NNN.png and batch.pdf)."), scanBatch},
        {QStringLiteral("scan import"), QStringLiteral("FILES... --out OUT.pdf [--mode auto|gray|bilevel|color]"),
            QStringLiteral("Normalise JPEG/PNG/TIFF/PDF pages into one PDF; prints the bytes per page."), scanImport},
        {QStringLiteral("scan barcodes"), QStringLiteral("FILE... [--json]"),
            QStringLiteral("List every barcode found: format, text, page and position."), scanBarcodes},
    };
}
