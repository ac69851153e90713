#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/printer/MonoBitmap.h"
#include "onewindow/printer/PrinterProfile.h"
#include "onewindow/printer/QrRaster.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace ow::printer {

// Builds an ESC/POS byte stream for one receipt, for one printer profile.
//
//     EscPosDocument doc(PrinterProfile::forUsbId(vid, pid));
//     doc.initialize().align(EscPosDocument::Align::Center).doubleSize(true).line(QStringLiteral("受理回执"))
//        .doubleSize(false).align(EscPosDocument::Align::Left).rule()
//        .line(QStringLiteral("事项：营业执照变更登记")).qr(QStringLiteral("https://example.invalid/c/123")).cut();
//     const auto blocks = doc.blocks(); // Result<QList<QByteArray>>: send block by block
//
// The builder fixes the usual ESC/POS pitfalls: Chinese is sent as GB18030 between FS & and
// FS . (the double-byte mode is always left before a QR, an image or the cut, so a QR after
// Chinese text never comes out empty); the QR is native GS ( k only when the profile says the
// printer has it, else a ZXing raster; rasters are cut into bands that fit the printer's
// receive buffer; text that does not fit the paper wraps at character boundaries.
class EscPosDocument
{
    Q_DECLARE_TR_FUNCTIONS(ow::printer::EscPosDocument)
public:
    enum class Align { Left = 0, Center = 1, Right = 2 };
    enum class QrMode { Auto, Native, Raster };
    struct QrOptions
    {
        int moduleSize = 6; // dots per module, 1..16
        QrErrorCorrection errorCorrection = QrErrorCorrection::M;
        QrMode mode = QrMode::Auto; // Auto: native when the profile has it
    };

    explicit EscPosDocument(PrinterProfile profile = PrinterProfile::defaultProfile());

    const PrinterProfile &profile() const { return m_profile; }

    EscPosDocument &initialize(); // ESC @, leaves double-byte mode, ESC t with the profile's code page
    EscPosDocument &align(Align align); // ESC a n
    EscPosDocument &bold(bool on); // ESC E n
    EscPosDocument &doubleSize(bool on); // GS ! 0x11 and FS ! 0x0C (Chinese)
    EscPosDocument &text(const QString &text); // no line feed; wraps at the paper width
    EscPosDocument &line(const QString &text = {}); // text + LF
    EscPosDocument &rule(QChar c = u'-'); // a full-width line of c
    EscPosDocument &feed(int lines); // ESC d n
    EscPosDocument &qr(const QString &content, const QrOptions &options); // content sent as UTF-8
    EscPosDocument &qr(const QString &content) { return qr(content, QrOptions()); }
    EscPosDocument &qrBytes(const QByteArray &content, const QrOptions &options);
    // The same with the symbol encoded already (QrRaster::modules of `content` at the options'
    // error correction): a document printed again does not encode its QR again.
    EscPosDocument &qrEncoded(const QByteArray &content, const MonoBitmap &modules, const QrOptions &options);
    EscPosDocument &image(const MonoBitmap &bitmap); // GS v 0 in bands, aligned, clipped to the paper
    EscPosDocument &cut(); // as the profile says, after feeding past the cutter
    EscPosDocument &raw(const QByteArray &bytes); // escape hatch, one block

    // The document as blocks that must each reach the printer whole (a command never spans
    // two blocks, no raster band exceeds the printer's receive buffer), or the first error met.
    Result<QList<QByteArray>> blocks() const;
    // All blocks concatenated (empty on error).
    QByteArray bytes() const;
    // Font-A columns already used on the current line (for two-column layouts).
    int columnsUsed() const { return m_column; }

    // Encodes text for the printer: ASCII as is, the rest as GB18030 (or '?' when the profile
    // cannot print it). Exposed for tests and for the simulator.
    static QByteArray encodeText(const QString &text, PrinterProfile::Chinese chinese);
    // Display width in font-A columns: 1 for ASCII, 2 for CJK and other wide characters.
    static int columnsOf(QChar c);

private:
    void append(const QByteArray &bytes); // into the current block
    void endBlock();
    void leaveDoubleByte();
    void appendTextRun(const QString &run);
    void fail(const QString &message);
    int lineColumns() const;

    PrinterProfile m_profile;
    QList<QByteArray> m_blocks;
    QByteArray m_current;
    QString m_error;
    bool m_doubleByte = false;
    bool m_doubleSize = false;
    Align m_align = Align::Left;
    int m_column = 0;
};

} // namespace ow::printer
