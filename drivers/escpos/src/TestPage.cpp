#include "onewindow/printer/TestPage.h"

namespace ow::printer {

EscPosDocument TestPage::build(const PrinterProfile &profile, EscPosDocument::QrMode qrMode)
{
    using Align = EscPosDocument::Align;
    EscPosDocument doc(profile);
    const int columns = profile.columns();
    QString ruler;
    for (int i = 1; i <= columns; ++i)
        ruler += QChar(char16_t(u'0' + i % 10));

    doc.initialize()
        .align(Align::Center)
        .doubleSize(true)
        .bold(true)
        .line(QStringLiteral("一窗受理"))
        .bold(false)
        .doubleSize(false)
        .line(QStringLiteral("打印机测试页 Printer test page"))
        .align(Align::Left)
        .rule(u'=')
        .line(QStringLiteral("型号 Model: %1").arg(profile.name))
        .line(QStringLiteral("纸宽 Width: %1 dots, %2 columns").arg(profile.dotsPerLine).arg(columns))
        .line(QStringLiteral("二维码 QR: %1")
                  .arg(qrMode == EscPosDocument::QrMode::Native
                              || (qrMode == EscPosDocument::QrMode::Auto && profile.nativeQr)
                          ? QStringLiteral("native GS ( k")
                          : QStringLiteral("raster GS v 0")))
        .rule()
        .line(ruler)
        .line(QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789"))
        .line(QStringLiteral("中文：综合窗口受理，材料齐全，当场办结。"))
        .bold(true)
        .line(QStringLiteral("粗体 Bold 受理编号 2026-000123"))
        .bold(false)
        .doubleSize(true)
        .line(QStringLiteral("倍大 Double"))
        .doubleSize(false)
        .align(Align::Right)
        .line(QStringLiteral("右对齐 Right"))
        .align(Align::Center)
        .line(QStringLiteral("扫码查询办理进度"));
    EscPosDocument::QrOptions qr;
    qr.mode = qrMode;
    qr.moduleSize = profile.dotsPerLine >= 576 ? 6 : 4;
    qr.errorCorrection = QrErrorCorrection::M;
    doc.qr(QString::fromUtf8(QrPayload), qr).align(Align::Left).rule().line(QStringLiteral("— end —")).cut();
    return doc;
}

} // namespace ow::printer
