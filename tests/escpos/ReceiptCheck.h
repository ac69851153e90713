#pragma once

// Test helpers: decode the QR codes of a rendered receipt with ZXing, and find a line of text
// (drawn independently with QPainter) in it.

#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>

#include <QFont>
#include <QImage>
#include <QList>
#include <QPainter>

namespace receiptcheck {

// The byte contents of every QR code ZXing finds in the image.
inline QList<QByteArray> decodeQrCodes(const QImage &rendered)
{
    const QImage gray = rendered.convertToFormat(QImage::Format_Grayscale8);
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    const ZXing::ImageView view(
        gray.constBits(), gray.width(), gray.height(), ZXing::ImageFormat::Lum, int(gray.bytesPerLine()));
    QList<QByteArray> out;
    for (const ZXing::Result &r : ZXing::ReadBarcodes(view, hints)) {
        if (r.isValid())
            out.append(QByteArray(reinterpret_cast<const char *>(r.bytes().data()), qsizetype(r.bytes().size())));
    }
    return out;
}

// Counts the dark pixels of an image (a blank image has none).
inline int darkPixels(const QImage &image)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    int n = 0;
    for (int y = 0; y < gray.height(); ++y) {
        const uchar *line = gray.constScanLine(y);
        for (int x = 0; x < gray.width(); ++x)
            n += line[x] < 128 ? 1 : 0;
    }
    return n;
}

// One character drawn on its own in a 24 x 24 cell, thresholded: the printer's glyph.
inline QImage glyph(QChar c, const QString &family = QStringLiteral("Noto Sans Mono CJK SC"))
{
    QImage img(24, 24, QImage::Format_Grayscale8);
    img.fill(255);
    QPainter p(&img);
    QFont font(family);
    font.setPixelSize(24);
    p.setFont(font);
    p.setPen(Qt::black);
    p.drawText(QRect(0, 0, 24, 24), Qt::AlignCenter, QString(c));
    return img;
}

// True when the 24 x 24 cell of glyph(c) appears, pixel for pixel, somewhere in the image.
inline bool containsGlyph(const QImage &rendered, QChar c)
{
    const QImage g = glyph(c);
    const QImage img = rendered.convertToFormat(QImage::Format_Grayscale8);
    for (int y = 0; y + 24 <= img.height(); ++y) {
        for (int x = 0; x + 24 <= img.width(); ++x) {
            bool match = true;
            for (int gy = 0; gy < 24 && match; ++gy)
                match = std::memcmp(img.constScanLine(y + gy) + x, g.constScanLine(gy), 24) == 0;
            if (match)
                return true;
        }
    }
    return false;
}

} // namespace receiptcheck
