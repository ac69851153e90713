#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/escpossim/EscPosPage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>

namespace ow::escpossim {

// Parses an ESC/POS byte stream the way a receipt printer does and keeps the page model.
// Incremental: feed() takes the stream in any pieces (a command may span pieces); finish()
// reports a command left incomplete at the end. A malformed stream stops the parser with an
// error naming the byte offset of the offending command. Real-time status requests (DLE EOT n)
// are collected for the device simulator to answer.
//
// Understood: LF CR HT; ESC @ ! - 2 3 a d E G J M R t i m p; GS ! V v0 (k (QR, model 1/2) B L W
// a; FS & . ! C -; DLE EOT n. Text bytes: code page 437 in single-byte mode, GB18030 in
// double-byte mode (FS &). Lines wrap at the paper width like a printer's.
class EscPosParser
{
    Q_DECLARE_TR_FUNCTIONS(ow::escpossim::EscPosParser)
public:
    explicit EscPosParser(int dotsPerLine = 384);

    // Parses what it can; the bytes of an incomplete command wait for the next piece.
    // Returns false after an error (then error() says what and where; later feeds do nothing).
    bool feed(QByteArrayView bytes);
    // End of the stream: an incomplete command becomes an error. Flushes the pending line.
    bool finish();

    bool hasError() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }
    qint64 errorOffset() const { return m_errorOffset; }
    qint64 bytesConsumed() const { return m_offset; }

    const EscPosPage &page() const { return m_page; }
    // DLE EOT n requests seen since the last call (n values, in order).
    QList<int> takeStatusRequests();
    // True while the printer is in double-byte (FS &) mode.
    bool doubleByteMode() const { return m_doubleByte; }
    // The largest single GS v 0 command seen, in bytes (for buffer-overflow checks).
    qint64 largestRasterCommand() const { return m_largestRaster; }

    // Parses a whole stream.
    static Result<EscPosPage> parse(QByteArrayView bytes, int dotsPerLine = 384);

private:
    // Returns the length of the command at the start of m_pending, 0 if incomplete, -1 on error.
    qsizetype step();
    void fail(qint64 offset, const QString &message);
    void resetState();
    void addChar(const QString &c, int columns);
    void endLine(bool forced);
    void addItem(EscPosItem item);

    int m_dotsPerLine;
    EscPosPage m_page;
    QByteArray m_pending;
    qint64 m_offset = 0; // stream offset of m_pending[0]
    QString m_error;
    qint64 m_errorOffset = -1;
    QList<int> m_statusRequests;
    qint64 m_largestRaster = 0;

    // Printer state.
    EscPosTextStyle m_style;
    EscPosTextStyle m_kanjiStyle;
    bool m_doubleByte = false;
    int m_align = 0;
    int m_lineSpacing = 30;
    QList<EscPosTextRun> m_line;
    int m_lineDots = 0;
    int m_lineAlign = 0;
    int m_lineHeightScale = 1;
    int m_qrModel = 2;
    int m_qrModuleSize = 3;
    int m_qrEc = 0;
    QByteArray m_qrData;
    bool m_qrStored = false;
};

} // namespace ow::escpossim
