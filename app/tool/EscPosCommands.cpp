#include "EscPosCommands.h"

#include "onewindow/escpossim/ReceiptRenderer.h"
#include "onewindow/printer/PrinterProfile.h"
#include "onewindow/printer/TestPage.h"

#include <QFile>

namespace {

// Reads "--name value" from args (removing both); empty when absent.
QString takeOption(QStringList &args, const QString &name, bool *present = nullptr)
{
    const qsizetype i = args.indexOf(name);
    if (present)
        *present = i >= 0;
    if (i < 0 || i + 1 >= args.size())
        return {};
    const QString value = args.at(i + 1);
    args.remove(i, 2);
    return value;
}

bool parseWidth(const QString &text, int *width)
{
    if (text.isEmpty()) {
        *width = 384;
        return true;
    }
    bool ok = false;
    *width = text.toInt(&ok);
    return ok && (*width == 384 || *width == 576);
}

int escposRender(const QStringList &argsIn, QTextStream &out, QTextStream &err)
{
    QStringList args = argsIn;
    bool hasPng = false;
    const QString png = takeOption(args, QStringLiteral("--png"), &hasPng);
    const QString widthText = takeOption(args, QStringLiteral("--width"));
    int width = 0;
    if (args.size() != 1 || png.isEmpty() || !parseWidth(widthText, &width)) {
        err << "usage: onewindow-tool escpos render FILE.bin --png OUT.png [--width 384|576]\n";
        return 2;
    }
    QFile in(args.first());
    if (!in.open(QIODevice::ReadOnly)) {
        err << "cannot read " << args.first() << ": " << in.errorString() << '\n';
        return 1;
    }
    const auto image = ow::escpossim::ReceiptRenderer::renderStream(in.readAll(), width);
    if (!image) {
        // A malformed stream (the parser names the byte offset) or one that feeds too much paper.
        err << Tool::tr("cannot render %1: %2").arg(args.first(), image.error()) << '\n';
        return 1;
    }
    if (!image->save(png, "PNG")) {
        err << "cannot write " << png << '\n';
        return 1;
    }
    out << "rendered " << image->width() << "x" << image->height() << " dots to " << png << '\n';
    return 0;
}

int escposTestPage(const QStringList &argsIn, QTextStream &out, QTextStream &err)
{
    QStringList args = argsIn;
    const QString bin = takeOption(args, QStringLiteral("--bin"));
    const QString png = takeOption(args, QStringLiteral("--png"));
    const QString profileId = takeOption(args, QStringLiteral("--profile"));
    bool raster = false;
    if (args.removeAll(QStringLiteral("--raster")) > 0)
        raster = true;
    bool native = args.removeAll(QStringLiteral("--native")) > 0;
    if (!args.isEmpty() || (bin.isEmpty() && png.isEmpty()) || (raster && native)) {
        err << "usage: onewindow-tool escpos test-page [--profile ID] [--native|--raster] [--bin OUT.bin] [--png "
               "OUT.png]\n";
        return 2;
    }
    bool found = true;
    const auto profile = profileId.isEmpty() ? ow::printer::PrinterProfile::defaultProfile()
                                             : ow::printer::PrinterProfile::byId(profileId, &found);
    if (!found) {
        err << "unknown printer profile '" << profileId << "'; known:";
        for (const auto &p : ow::printer::PrinterProfile::knownProfiles())
            err << ' ' << p.id;
        err << '\n';
        return 2;
    }
    const auto mode = raster ? ow::printer::EscPosDocument::QrMode::Raster
        : native             ? ow::printer::EscPosDocument::QrMode::Native
                             : ow::printer::EscPosDocument::QrMode::Auto;
    const QByteArray stream = ow::printer::TestPage::build(profile, mode).bytes();
    if (!bin.isEmpty()) {
        QFile f(bin);
        if (!f.open(QIODevice::WriteOnly) || f.write(stream) != stream.size()) {
            err << "cannot write " << bin << '\n';
            return 1;
        }
        out << "wrote " << stream.size() << " bytes to " << bin << '\n';
    }
    if (!png.isEmpty()) {
        const auto image = ow::escpossim::ReceiptRenderer::renderStream(stream, profile.dotsPerLine);
        if (!image || !image->save(png, "PNG")) {
            err << "cannot render " << png << (image ? QString() : QStringLiteral(": ") + image.error()) << '\n';
            return 1;
        }
        out << "rendered " << image->width() << "x" << image->height() << " dots to " << png << '\n';
    }
    return 0;
}

} // namespace

CommandList escposCommands()
{
    return {
        {QStringLiteral("escpos render"), QStringLiteral("FILE.bin --png OUT.png [--width 384|576]"),
            QStringLiteral("Render an ESC/POS stream as the simulated printer would print it."), escposRender},
        {QStringLiteral("escpos test-page"),
            QStringLiteral("[--profile ID] [--native|--raster] [--bin OUT.bin] [--png OUT.png]"),
            QStringLiteral("Build the printer test page as ESC/POS bytes and/or render it, no printer needed."),
            escposTestPage},
    };
}
