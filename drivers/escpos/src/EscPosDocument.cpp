#include "onewindow/printer/EscPosDocument.h"

#include <QStringEncoder>

namespace ow::printer {

namespace {

constexpr char ESC = 0x1B, GS = 0x1D, FS = 0x1C, LF = 0x0A;

QByteArray cmd(std::initializer_list<int> bytes)
{
    QByteArray out;
    out.reserve(qsizetype(bytes.size()));
    for (int b : bytes)
        out.append(char(b));
    return out;
}

bool isAscii(QChar c)
{
    return c.unicode() < 0x80;
}

} // namespace

EscPosDocument::EscPosDocument(PrinterProfile profile)
    : m_profile(std::move(profile))
{ }

int EscPosDocument::columnsOf(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 0x80)
        return 1;
    // East Asian wide and fullwidth ranges that the resident fonts draw 24 dots wide.
    if ((u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF) || (u >= 0xAC00 && u <= 0xD7A3)
        || (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFE30 && u <= 0xFE4F) || (u >= 0xFF00 && u <= 0xFF60)
        || (u >= 0xFFE0 && u <= 0xFFE6) || c.isSurrogate())
        return 2;
    // Other GB18030 characters (box drawing, Greek, …) are double-byte, hence 24 dots, too.
    return 2;
}

QByteArray EscPosDocument::encodeText(const QString &text, PrinterProfile::Chinese chinese)
{
    QByteArray out;
    QStringEncoder encoder("GB18030", QStringEncoder::Flag::Stateless);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (isAscii(c)) {
            out.append(char(c.unicode()));
            continue;
        }
        QString unit(c);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            unit.append(text.at(++i));
        if (chinese == PrinterProfile::Chinese::None || !encoder.isValid()) {
            out.append('?');
            continue;
        }
        const QByteArray bytes = encoder.encode(unit);
        const bool gbkOnly = chinese == PrinterProfile::Chinese::GbkDoubleByte;
        if (encoder.hasError() || bytes.isEmpty() || (gbkOnly && bytes.size() != 2)) {
            encoder.resetState();
            out.append('?');
            continue;
        }
        out.append(bytes);
    }
    return out;
}

void EscPosDocument::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
}

void EscPosDocument::append(const QByteArray &bytes)
{
    m_current.append(bytes);
    // Keep text blocks well under the receive buffer; commands are never split.
    if (m_current.size() >= m_profile.receiveBufferBytes / 2)
        endBlock();
}

void EscPosDocument::endBlock()
{
    if (!m_current.isEmpty())
        m_blocks.append(m_current);
    m_current.clear();
}

void EscPosDocument::leaveDoubleByte()
{
    if (m_doubleByte) {
        append(cmd({FS, '.'}));
        m_doubleByte = false;
    }
}

int EscPosDocument::lineColumns() const
{
    return qMax(1, m_profile.columns() / (m_doubleSize ? 2 : 1));
}

EscPosDocument &EscPosDocument::initialize()
{
    m_doubleByte = false;
    m_doubleSize = false;
    m_align = Align::Left;
    m_column = 0;
    // ESC @ resets the printer; FS . makes sure a double-byte mode left on by someone else is
    // off; ESC t n selects the profile's code page for the single-byte half (0 = PC437).
    append(cmd({ESC, '@', FS, '.', ESC, 't', qBound(0, m_profile.codePage, 255)}));
    return *this;
}

EscPosDocument &EscPosDocument::align(Align a)
{
    m_align = a;
    append(cmd({ESC, 'a', int(a)}));
    return *this;
}

EscPosDocument &EscPosDocument::bold(bool on)
{
    append(cmd({ESC, 'E', on ? 1 : 0}));
    return *this;
}

EscPosDocument &EscPosDocument::doubleSize(bool on)
{
    m_doubleSize = on;
    // GS ! for the single-byte font, FS ! for the double-byte one (bits 2 and 3).
    append(cmd({GS, '!', on ? 0x11 : 0x00, FS, '!', on ? 0x0C : 0x00}));
    return *this;
}

void EscPosDocument::appendTextRun(const QString &run)
{
    if (run.isEmpty())
        return;
    const bool ascii = isAscii(run.at(0));
    if (ascii) {
        leaveDoubleByte();
    } else if (!m_doubleByte && m_profile.chinese != PrinterProfile::Chinese::None) {
        append(cmd({FS, '&'}));
        m_doubleByte = true;
    }
    append(encodeText(run, m_profile.chinese));
}

EscPosDocument &EscPosDocument::text(const QString &text)
{
    const int scale = m_doubleSize ? 2 : 1;
    const int width = m_profile.columns();
    QString run;
    bool runAscii = true;
    const auto flush = [&] {
        appendTextRun(run);
        run.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        QChar c = text.at(i);
        if (c == u'\n') {
            flush();
            append(QByteArray(1, LF));
            m_column = 0;
            continue;
        }
        if (c == u'\t')
            c = u' ';
        if (c.unicode() < 0x20 || c.unicode() == 0x7F || c.isLowSurrogate())
            continue; // control characters would be commands: never let text inject them
        const int w = columnsOf(c) * scale;
        if (m_column + w > width) {
            flush();
            append(QByteArray(1, LF));
            m_column = 0;
        }
        if (!run.isEmpty() && isAscii(c) != runAscii)
            flush();
        runAscii = isAscii(c);
        run.append(c);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            run.append(text.at(++i));
        m_column += w;
    }
    flush();
    return *this;
}

EscPosDocument &EscPosDocument::line(const QString &t)
{
    text(t);
    append(QByteArray(1, LF));
    m_column = 0;
    return *this;
}

EscPosDocument &EscPosDocument::rule(QChar c)
{
    if (m_column > 0)
        line();
    const int n = lineColumns() / columnsOf(c);
    return line(QString(n, c));
}

EscPosDocument &EscPosDocument::feed(int lines)
{
    leaveDoubleByte();
    append(cmd({ESC, 'd', qBound(0, lines, 255)}));
    m_column = 0;
    return *this;
}

EscPosDocument &EscPosDocument::qr(const QString &content, const QrOptions &options)
{
    return qrBytes(content.toUtf8(), options);
}

EscPosDocument &EscPosDocument::qrBytes(const QByteArray &content, const QrOptions &options)
{
    const auto matrix = QrRaster::modules(content, options.errorCorrection);
    if (!matrix) {
        leaveDoubleByte();
        if (m_column > 0)
            line();
        fail(matrix.error());
        return *this;
    }
    return qrEncoded(content, matrix.value(), options);
}

EscPosDocument &EscPosDocument::qrEncoded(const QByteArray &content, const MonoBitmap &matrix, const QrOptions &options)
{
    leaveDoubleByte();
    if (m_column > 0)
        line();
    if (matrix.isNull()) {
        fail(QCoreApplication::translate("ow::printer::QrRaster", "The QR code could not be drawn."));
        return *this;
    }
    // Shrink the modules until the symbol and its quiet zone fit the paper.
    int size = qBound(1, options.moduleSize, 16);
    while (size > 1 && (matrix.width() + 8) * size > m_profile.dotsPerLine)
        --size;
    if ((matrix.width() + 8) * size > m_profile.dotsPerLine) {
        fail(tr("The QR code is too large for %1-dot paper.").arg(m_profile.dotsPerLine));
        return *this;
    }
    const bool native = options.mode == QrMode::Native || (options.mode == QrMode::Auto && m_profile.nativeQr);
    endBlock();
    if (native) {
        const int ecByte = 0x30 + int(options.errorCorrection);
        QByteArray q;
        q += cmd({GS, '(', 'k', 4, 0, 0x31, 0x41, 0x32, 0x00}); // model 2
        q += cmd({GS, '(', 'k', 3, 0, 0x31, 0x43, size}); // module size
        q += cmd({GS, '(', 'k', 3, 0, 0x31, 0x45, ecByte}); // error correction
        const int storeLen = int(content.size()) + 3;
        q += cmd({GS, '(', 'k', storeLen & 0xFF, (storeLen >> 8) & 0xFF, 0x31, 0x50, 0x30});
        q += content;
        q += cmd({GS, '(', 'k', 3, 0, 0x31, 0x51, 0x30}); // print
        m_blocks.append(q);
        append(QByteArray(1, LF));
        return *this;
    }
    const auto symbol = QrRaster::scale(matrix, size);
    if (!symbol) {
        fail(symbol.error());
        return *this;
    }
    image(*symbol);
    return *this;
}

EscPosDocument &EscPosDocument::image(const MonoBitmap &bitmap)
{
    leaveDoubleByte();
    if (m_column > 0)
        line();
    if (bitmap.isNull()) {
        fail(tr("An empty image cannot be printed."));
        return *this;
    }
    // Printers disagree on whether ESC a moves a raster, so the alignment is drawn into the
    // bitmap and the raster is sent left-aligned.
    const int free = qMax(0, m_profile.dotsPerLine - bitmap.width());
    const int offset = m_align == Align::Center ? free / 2 : m_align == Align::Right ? free : 0;
    const int width = qMin(bitmap.width() + offset, m_profile.dotsPerLine);
    MonoBitmap placed(width, bitmap.height());
    for (int y = 0; y < bitmap.height(); ++y) {
        for (int x = 0; x + offset < width; ++x) {
            if (bitmap.pixel(x, y))
                placed.setPixel(x + offset, y, true);
        }
    }
    const int bytesPerRow = placed.bytesPerRow();
    const int band = qMax(1, (m_profile.receiveBufferBytes - 8) / bytesPerRow);
    if (m_align != Align::Left)
        append(cmd({ESC, 'a', 0}));
    endBlock();
    for (int y = 0; y < placed.height(); y += band) {
        const int rows = qMin(band, placed.height() - y);
        QByteArray b =
            cmd({GS, 'v', '0', 0, bytesPerRow & 0xFF, (bytesPerRow >> 8) & 0xFF, rows & 0xFF, (rows >> 8) & 0xFF});
        b += placed.rows(y, rows);
        m_blocks.append(b);
    }
    if (m_align != Align::Left)
        append(cmd({ESC, 'a', int(m_align)}));
    return *this;
}

EscPosDocument &EscPosDocument::cut()
{
    leaveDoubleByte();
    if (m_column > 0)
        line();
    const int n = qBound(0, m_profile.cutFeedLines, 255);
    switch (m_profile.cut) {
    case PrinterProfile::Cut::FeedAndPartial: append(cmd({GS, 'V', 66, n})); break;
    case PrinterProfile::Cut::FeedAndFull: append(cmd({GS, 'V', 65, n})); break;
    case PrinterProfile::Cut::Partial: append(cmd({ESC, 'd', n, GS, 'V', 1})); break;
    case PrinterProfile::Cut::EscI: append(cmd({ESC, 'd', n, ESC, 'i'})); break;
    }
    endBlock();
    return *this;
}

EscPosDocument &EscPosDocument::raw(const QByteArray &bytes)
{
    endBlock();
    m_blocks.append(bytes);
    return *this;
}

Result<QList<QByteArray>> EscPosDocument::blocks() const
{
    if (!m_error.isEmpty())
        return Result<QList<QByteArray>>::failure(m_error);
    QList<QByteArray> all = m_blocks;
    QByteArray tail = m_current;
    if (m_doubleByte)
        tail.append(cmd({FS, '.'}));
    if (!tail.isEmpty())
        all.append(tail);
    return all;
}

QByteArray EscPosDocument::bytes() const
{
    const auto all = blocks();
    if (!all)
        return {};
    QByteArray out;
    for (const QByteArray &b : all.value())
        out += b;
    return out;
}

} // namespace ow::printer
