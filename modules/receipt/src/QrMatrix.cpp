#include "onewindow/receipt/QrMatrix.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <string>

namespace ow::receipt {

Result<QrMatrix> QrMatrix::encode(const QString &text, Ecc ecc)
{
    if (text.isEmpty())
        return Result<QrMatrix>::failure(tr("Nothing to put in the QR code."));
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
    writer.setEncoding(ZXing::CharacterSet::UTF8);
    writer.setMargin(0);
    // ZXing 1.4 takes the level as 1–8 and maps (level - 1) / 2 to L, M, Q, H.
    static const int kLevels[] = {1, 3, 5, 7};
    writer.setEccLevel(kLevels[int(ecc)]);
    const QByteArray utf8 = text.toUtf8();
    ZXing::BitMatrix bits;
    // ZXing 1.4 reports an over-long payload by throwing; keep that inside this function.
    try {
        bits = writer.encode(std::string(utf8.constData(), size_t(utf8.size())), 0, 0);
    } catch (const std::exception &e) {
        return Result<QrMatrix>::failure(tr("The QR code cannot hold this text: %1").arg(QString::fromUtf8(e.what())));
    }
    QrMatrix m;
    m.m_size = bits.width();
    m.m_modules.resize(qsizetype(bits.width()) * bits.height());
    for (int y = 0; y < bits.height(); ++y) {
        for (int x = 0; x < bits.width(); ++x)
            m.m_modules[y * m.m_size + x] = bits.get(x, y);
    }
    return m;
}

} // namespace ow::receipt
