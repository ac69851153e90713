#include "onewindow/scan/PageImporter.h"

#include "onewindow/scan/JpegStructure.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QMutex>
#include <QMutexLocker>
#include <QPainter>
#include <QTemporaryFile>

#include <cmath>

namespace ow::scan {

namespace {

// Paper a page may have come from, long side × short side in millimetres.
struct Paper
{
    double longMm, shortMm;
};
constexpr Paper kA4 {297, 210};
constexpr Paper kLetter {279.4, 215.9};

// PageImporter::setPdfOpener's: written on the GUI thread, read by the import threads.
QMutex pdfMutex;
PdfPagesOpener pdfOpener = nullptr;
QString pdfUnavailable;

// True when the file itself states a resolution Qt takes over: a PNG pHYs chunk in metres, a
// JPEG JFIF header with dots per inch or centimetre, a TIFF resolution with an inch or
// centimetre unit (the only TIFF case in which Qt's reader leaves its default in place is
// this one, so a resolution other than the default tells it).
bool declaresResolution(const QByteArray &bytes, PageImporter::Kind kind, const QImage &img)
{
    switch (kind) {
    case PageImporter::Kind::Png: {
        // Chunks: length (4), type (4), data, CRC (4); pHYs comes before the first IDAT.
        qsizetype at = 8;
        while (at + 8 <= bytes.size()) {
            const quint32 length = (quint32(uchar(bytes.at(at))) << 24) | (quint32(uchar(bytes.at(at + 1))) << 16)
                | (quint32(uchar(bytes.at(at + 2))) << 8) | quint32(uchar(bytes.at(at + 3)));
            const QByteArray type = bytes.mid(at + 4, 4);
            if (type == "IDAT" || type == "IEND" || length > quint32(bytes.size()))
                return false;
            if (type == "pHYs")
                return length >= 9 && at + 17 <= bytes.size() && bytes.at(at + 16) == 1; // unit: metre
            at += 12 + qsizetype(length);
        }
        return false;
    }
    case PageImporter::Kind::Jpeg: {
        // FF D8, then APP0 "JFIF\0", version (2), units (0: aspect ratio only, 1: dpi, 2: dpcm), density.
        if (bytes.size() < 18 || uchar(bytes.at(2)) != 0xFF || uchar(bytes.at(3)) != 0xE0
            || bytes.mid(6, 5) != QByteArrayLiteral("JFIF\0"))
            return false;
        const int units = uchar(bytes.at(13));
        const int density = (uchar(bytes.at(14)) << 8) | uchar(bytes.at(15));
        return (units == 1 || units == 2) && density > 0;
    }
    case PageImporter::Kind::Tiff: {
        const QImage untagged(1, 1, QImage::Format_Grayscale8);
        return img.dotsPerMeterX() != untagged.dotsPerMeterX();
    }
    case PageImporter::Kind::Pdf:
    case PageImporter::Kind::Unknown: break;
    }
    return false;
}

} // namespace

double PageImporter::resolutionFor(const QSize &pixels, double declaredDpi)
{
    const double longPx = std::max(pixels.width(), pixels.height());
    const double shortPx = std::max(1, std::min(pixels.width(), pixels.height()));
    // A declared resolution is taken when the page it makes is paper-sized (A3 at most, with a
    // margin): phones write 72 dpi on a 4000-pixel photo, which would be a page 1.4 m long.
    if (declaredDpi >= 50 && declaredDpi <= 1200 && longPx / declaredDpi * 25.4 <= 460)
        return declaredDpi;
    // Otherwise the page is the paper it most likely came from, upright or turned: A4, or US
    // letter when its proportions are letter's (A5 has A4's proportions: A4 is the default).
    const double aspect = longPx / shortPx;
    const double letterAspect = kLetter.longMm / kLetter.shortMm;
    const Paper paper = std::abs(aspect - letterAspect) <= 0.02 ? kLetter : kA4;
    // The picture fits inside the paper: the tighter side decides.
    const double dpi = std::max(longPx / (paper.longMm / 25.4), shortPx / (paper.shortMm / 25.4));
    return std::clamp(std::round(dpi), 50.0, 1200.0);
}

QStringList PageImporter::nameFilters()
{
    return {QStringLiteral("*.jpg"), QStringLiteral("*.jpeg"), QStringLiteral("*.png"), QStringLiteral("*.tif"),
        QStringLiteral("*.tiff"), QStringLiteral("*.pdf")};
}

PageImporter::Kind PageImporter::sniff(const QByteArray &head)
{
    if (head.startsWith("\xFF\xD8\xFF"))
        return Kind::Jpeg;
    if (head.startsWith("\x89PNG\r\n\x1A\n"))
        return Kind::Png;
    if (head.startsWith(QByteArrayLiteral("II*\0")) || head.startsWith(QByteArrayLiteral("MM\0*")))
        return Kind::Tiff;
    if (head.left(1024).contains("%PDF-"))
        return Kind::Pdf;
    return Kind::Unknown;
}

Result<Pages> PageImporter::importFile(const QString &path, const ImportLimits &limits)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<Pages>::failure(tr("%1 cannot be opened: %2").arg(name, file.errorString()));
    if (file.size() > limits.maxFileBytes)
        return Result<Pages>::failure(tr("%1 is too large (%2 MB) to import.").arg(name).arg(file.size() >> 20));
    if (sniff(file.peek(1024)) == Kind::Pdf) {
        if (file.size() == 0)
            return Result<Pages>::failure(tr("%1 is empty (0 bytes).").arg(name));
        return importPdf(path, name, limits);
    }
    return importBytes(file.readAll(), name, limits);
}

Result<Pages> PageImporter::importBytes(const QByteArray &bytes, const QString &name, const ImportLimits &limits)
{
    if (bytes.isEmpty())
        return Result<Pages>::failure(tr("%1 is empty (0 bytes).").arg(name));
    if (bytes.size() > limits.maxFileBytes)
        return Result<Pages>::failure(tr("%1 is too large (%2 MB) to import.").arg(name).arg(bytes.size() >> 20));
    const Kind kind = sniff(bytes.left(1024));
    if (kind == Kind::Unknown)
        return Result<Pages>::failure(
            tr("%1 is not a supported file (JPEG, PNG, TIFF or PDF are accepted).").arg(name));
    if (kind != Kind::Pdf)
        return importImage(bytes, kind, name, limits);
    // QtPdf reads from a file synchronously; a private temporary copy keeps it so.
    QTemporaryFile tmp;
    if (!tmp.open() || tmp.write(bytes) != bytes.size() || !tmp.flush())
        return Result<Pages>::failure(tr("%1 cannot be imported: no room for a temporary copy.").arg(name));
    return importPdf(tmp.fileName(), name, limits);
}

Result<Pages> PageImporter::importImage(
    const QByteArray &bytes, Kind kind, const QString &name, const ImportLimits &limits)
{
    if (kind == Kind::Jpeg) {
        const JpegStructure s = JpegStructure::inspect(bytes);
        if (!s.valid)
            return Result<Pages>::failure(tr("%1 is a damaged JPEG file.").arg(name));
        if (!s.complete)
            return Result<Pages>::failure(tr("%1 is cut short (an incomplete JPEG file).").arg(name));
    }
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    const QByteArray format = kind == Kind::Jpeg ? QByteArrayLiteral("jpeg")
        : kind == Kind::Png                      ? QByteArrayLiteral("png")
                                                 : QByteArrayLiteral("tiff");
    QImageReader reader(&buffer, format);
    reader.setAutoTransform(true); // EXIF orientation
    if (!reader.canRead())
        return Result<Pages>::failure(tr("%1 is damaged or not a readable image.").arg(name));
    Pages pages;
    const int count = kind == Kind::Tiff ? std::max(1, reader.imageCount()) : 1;
    if (count > limits.maxPages)
        return Result<Pages>::failure(tr("%1 has more than %2 pages.").arg(name).arg(limits.maxPages));
    for (int index = 1; index <= count; ++index) {
        if (index > 1 && !reader.jumpToImage(index - 1))
            return Result<Pages>::failure(tr("Page %1 of %2 cannot be read.").arg(index).arg(name));
        const QSize size = reader.size();
        if (!size.isValid() || size.isEmpty())
            return Result<Pages>::failure(tr("%1 is damaged or not a readable image.").arg(name));
        if (size.width() > limits.maxSide || size.height() > limits.maxSide
            || qint64(size.width()) * size.height() > limits.maxPixels)
            return Result<Pages>::failure(
                tr("%1 is too large to import (%2 × %3 pixels).").arg(name).arg(size.width()).arg(size.height()));
        QImage img;
        if (!reader.read(&img) || img.isNull())
            return Result<Pages>::failure(
                tr("%1 is damaged or not a readable image (%2).").arg(name, reader.errorString()));
        const bool declared = declaresResolution(bytes, kind, img);
        const double dpi = resolutionFor(img.size(), declared ? std::round(img.dotsPerMeterX() * 0.0254) : 0);
        img.setDotsPerMeterX(int(std::lround(dpi / 0.0254)));
        img.setDotsPerMeterY(int(std::lround(dpi / 0.0254)));
        pages.append(Page {img, dpi, name, index});
    }
    return pages;
}

void PageImporter::setPdfOpener(PdfPagesOpener opener, const QString &unavailable)
{
    const QMutexLocker lock(&pdfMutex);
    pdfOpener = opener;
    pdfUnavailable = unavailable;
}

Result<Pages> PageImporter::importPdf(const QString &path, const QString &name, const ImportLimits &limits)
{
    PdfPagesOpener opener = nullptr;
    QString unavailable;
    {
        const QMutexLocker lock(&pdfMutex);
        opener = pdfOpener;
        unavailable = pdfUnavailable;
    }
    if (!opener)
        return Result<Pages>::failure(
            tr("%1 is a PDF file, and PDF files cannot be imported here: %2")
                .arg(name, unavailable.isEmpty() ? tr("the PDF support is not loaded.") : unavailable));
    const std::unique_ptr<PdfPages> pdf = opener(path);
    if (!pdf)
        return Result<Pages>::failure(tr("%1 is a damaged PDF file.").arg(name));
    const PdfPages &doc = *pdf;
    const int count = doc.pageCount();
    if (count <= 0)
        return Result<Pages>::failure(tr("%1 is a PDF file without pages.").arg(name));
    if (count > limits.maxPages)
        return Result<Pages>::failure(tr("%1 has more than %2 pages.").arg(name).arg(limits.maxPages));
    Pages pages;
    for (int i = 0; i < count; ++i) {
        const QSizeF points = doc.pagePointSize(i);
        if (points.isEmpty())
            return Result<Pages>::failure(tr("Page %1 of %2 cannot be read.").arg(i + 1).arg(name));
        // Render at the import resolution, smaller when a page is unusually large.
        double dpi = limits.pdfDpi;
        const auto fits = [&](double d) {
            const double w = points.width() / 72.0 * d, h = points.height() / 72.0 * d;
            return w <= limits.maxSide && h <= limits.maxSide && w * h <= double(limits.maxPixels);
        };
        while (!fits(dpi) && dpi > 10)
            dpi /= 2;
        if (!fits(dpi))
            return Result<Pages>::failure(tr("Page %1 of %2 is too large to import.").arg(i + 1).arg(name));
        const QSize px(std::max(1, int(points.width() / 72.0 * dpi)), std::max(1, int(points.height() / 72.0 * dpi)));
        QImage img = doc.render(i, px);
        if (img.isNull())
            return Result<Pages>::failure(tr("Page %1 of %2 cannot be read.").arg(i + 1).arg(name));
        // Transparent PDF backgrounds are paper: white.
        QImage flat(img.size(), QImage::Format_RGB32);
        flat.fill(Qt::white);
        {
            QPainter p(&flat);
            p.drawImage(0, 0, img);
        }
        flat.setDotsPerMeterX(int(std::round(dpi / 0.0254)));
        flat.setDotsPerMeterY(int(std::round(dpi / 0.0254)));
        pages.append(Page {flat, dpi, name, i + 1});
    }
    return pages;
}

} // namespace ow::scan
