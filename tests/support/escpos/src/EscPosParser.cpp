#include "onewindow/escpossim/EscPosParser.h"

#include <QStringDecoder>

namespace ow::escpossim {

namespace {

constexpr char16_t Cp437High[128] = {0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7, 0x00EA, 0x00EB,
    0x00E8, 0x00EF, 0x00EE, 0x00EC, 0x00C4, 0x00C5, 0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9,
    0x00FF, 0x00D6, 0x00DC, 0x00A2, 0x00A3, 0x00A5, 0x20A7, 0x0192, 0x00E1, 0x00ED, 0x00F3, 0x00FA, 0x00F1, 0x00D1,
    0x00AA, 0x00BA, 0x00BF, 0x2310, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB, 0x2591, 0x2592, 0x2593, 0x2502,
    0x2524, 0x2561, 0x2562, 0x2556, 0x2555, 0x2563, 0x2551, 0x2557, 0x255D, 0x255C, 0x255B, 0x2510, 0x2514, 0x2534,
    0x252C, 0x251C, 0x2500, 0x253C, 0x255E, 0x255F, 0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x2567,
    0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256B, 0x256A, 0x2518, 0x250C, 0x2588, 0x2584, 0x258C,
    0x2590, 0x2580, 0x03B1, 0x00DF, 0x0393, 0x03C0, 0x03A3, 0x03C3, 0x00B5, 0x03C4, 0x03A6, 0x0398, 0x03A9, 0x03B4,
    0x221E, 0x03C6, 0x03B5, 0x2229, 0x2261, 0x00B1, 0x2265, 0x2264, 0x2320, 0x2321, 0x00F7, 0x2248, 0x00B0, 0x2219,
    0x00B7, 0x221A, 0x207F, 0x00B2, 0x25A0, 0x00A0};

constexpr int AsciiDots = 12;
constexpr int KanjiDots = 24;
constexpr int FontHeight = 24;

QString hexByte(quint8 b)
{
    return QStringLiteral("0x%1").arg(b, 2, 16, QLatin1Char('0'));
}

} // namespace

EscPosParser::EscPosParser(int dotsPerLine)
    : m_dotsPerLine(qBound(64, dotsPerLine, 4096))
{
    m_page.dotsPerLine = m_dotsPerLine;
}

QList<int> EscPosParser::takeStatusRequests()
{
    QList<int> out;
    out.swap(m_statusRequests);
    return out;
}

void EscPosParser::fail(qint64 offset, const QString &message)
{
    if (!m_error.isEmpty())
        return;
    m_errorOffset = offset;
    m_error = tr("Byte offset %1: %2").arg(offset).arg(message);
}

void EscPosParser::resetState()
{
    m_style = {};
    m_kanjiStyle = {};
    m_doubleByte = false;
    m_align = 0;
    m_lineSpacing = 30;
    m_line.clear();
    m_lineDots = 0;
    m_lineHeightScale = 1;
    m_qrModel = 2;
    m_qrModuleSize = 3;
    m_qrEc = 0;
    m_qrData.clear();
    m_qrStored = false;
}

void EscPosParser::addItem(EscPosItem item)
{
    m_page.items.append(std::move(item));
}

void EscPosParser::addChar(const QString &c, int columns)
{
    const bool kanji = columns == 2;
    EscPosTextStyle style = m_style;
    if (kanji) {
        style.widthScale = qMax(style.widthScale, m_kanjiStyle.widthScale);
        style.heightScale = qMax(style.heightScale, m_kanjiStyle.heightScale);
        style.underline = style.underline || m_kanjiStyle.underline;
    }
    const int w = (kanji ? KanjiDots : AsciiDots) * style.widthScale;
    if (m_lineDots > 0 && m_lineDots + w > m_dotsPerLine)
        endLine(true); // the printer wraps
    if (m_line.isEmpty())
        m_lineAlign = m_align;
    if (!m_line.isEmpty() && m_line.last().style == style)
        m_line.last().text += c;
    else
        m_line.append({c, style});
    m_lineDots += w;
    m_lineHeightScale = qMax(m_lineHeightScale, style.heightScale);
}

void EscPosParser::endLine(bool)
{
    EscPosItem item;
    item.kind = EscPosItem::Kind::TextLine;
    item.align = m_line.isEmpty() ? m_align : m_lineAlign;
    item.runs = m_line;
    item.lineHeight = qMax(m_lineSpacing, FontHeight * m_lineHeightScale + 6);
    addItem(item);
    m_line.clear();
    m_lineDots = 0;
    m_lineHeightScale = 1;
}

qsizetype EscPosParser::step()
{
    const QByteArrayView p(m_pending);
    const qsizetype n = p.size();
    const auto u = [&](qsizetype i) { return static_cast<quint8>(p.at(i)); };
    const quint8 b = u(0);
    const auto flushLine = [&] {
        if (!m_line.isEmpty())
            endLine(false);
    };
    switch (b) {
    case 0x0A: endLine(false); return 1;
    case 0x0D: return 1;
    case 0x09: addChar(QStringLiteral(" "), 1); return 1;
    case 0x10: // DLE
        if (n < 3)
            return 0;
        if (u(1) == 0x04) {
            if (u(2) < 1 || u(2) > 4) {
                fail(m_offset, tr("DLE EOT %1 is not a status request (1 to 4).").arg(u(2)));
                return -1;
            }
            m_statusRequests.append(u(2));
            return 3;
        }
        if (u(1) == 0x14) // DLE DC4 fn m t: real-time pulse / power off
            return n < 5 ? 0 : 5;
        fail(m_offset, tr("unknown command DLE %1.").arg(hexByte(u(1))));
        return -1;
    case 0x1B: // ESC
        if (n < 2)
            return 0;
        switch (u(1)) {
        case '@': resetState(); return 2;
        case '2': m_lineSpacing = 30; return 2;
        case 'i':
        case 'm': {
            flushLine();
            EscPosItem cut;
            cut.kind = EscPosItem::Kind::Cut;
            cut.partialCut = u(1) == 'm';
            addItem(cut);
            return 2;
        }
        case '!':
            if (n < 3)
                return 0;
            m_style.bold = u(2) & 0x08;
            m_style.heightScale = (u(2) & 0x10) ? 2 : 1;
            m_style.widthScale = (u(2) & 0x20) ? 2 : 1;
            m_style.underline = u(2) & 0x80;
            return 3;
        case 'E':
        case 'G':
            if (n < 3)
                return 0;
            m_style.bold = u(2) & 0x01;
            return 3;
        case '-':
            if (n < 3)
                return 0;
            m_style.underline = (u(2) & 0x03) != 0 && u(2) != '0';
            return 3;
        case '3':
            if (n < 3)
                return 0;
            m_lineSpacing = qMax(24, int(u(2)));
            return 3;
        case 'a': {
            if (n < 3)
                return 0;
            const int a = u(2) >= '0' ? u(2) - '0' : u(2);
            if (a < 0 || a > 2) {
                fail(m_offset, tr("ESC a %1 is not an alignment (0, 1 or 2).").arg(u(2)));
                return -1;
            }
            m_align = a;
            return 3;
        }
        case 'd':
        case 'J': {
            if (n < 3)
                return 0;
            flushLine();
            EscPosItem feed;
            feed.kind = EscPosItem::Kind::Feed;
            feed.dots = u(1) == 'd' ? u(2) * m_lineSpacing : u(2);
            if (feed.dots > 0)
                addItem(feed);
            return 3;
        }
        case 'M':
        case 'R':
        case 't':
        case 'V':
        case 'r':
        case 'c':
            if (n < 3)
                return 0;
            return 3;
        case 'p': return n < 5 ? 0 : 5;
        default: fail(m_offset, tr("unknown command ESC %1.").arg(hexByte(u(1)))); return -1;
        }
    case 0x1D: // GS
        if (n < 2)
            return 0;
        switch (u(1)) {
        case '!': {
            if (n < 3)
                return 0;
            const int w = (u(2) >> 4) + 1;
            const int h = (u(2) & 0x0F) + 1;
            if (w > 8 || h > 8) {
                fail(m_offset, tr("GS ! %1 asks for a character size above 8.").arg(hexByte(u(2))));
                return -1;
            }
            m_style.widthScale = w;
            m_style.heightScale = h;
            return 3;
        }
        case 'V': {
            if (n < 3)
                return 0;
            const int m = u(2);
            qsizetype len = 0;
            int feedDots = 0;
            if (m == 0 || m == 1 || m == '0' || m == '1') {
                len = 3;
            } else if (m == 65 || m == 66) {
                if (n < 4)
                    return 0;
                len = 4;
                feedDots = u(3);
            } else {
                fail(m_offset, tr("GS V %1 is not a cut mode.").arg(m));
                return -1;
            }
            flushLine();
            if (feedDots > 0) {
                EscPosItem feed;
                feed.kind = EscPosItem::Kind::Feed;
                feed.dots = feedDots * 6; // n x (vertical motion unit), about a sixth of a line
                addItem(feed);
            }
            EscPosItem cut;
            cut.kind = EscPosItem::Kind::Cut;
            cut.partialCut = m == 1 || m == '1' || m == 66;
            addItem(cut);
            return len;
        }
        case 'v': {
            if (n < 8)
                return 0;
            if (u(2) != '0') {
                fail(m_offset, tr("GS v %1 is not a raster command (GS v 0).").arg(hexByte(u(2))));
                return -1;
            }
            const int xBytes = u(4) | (u(5) << 8);
            const int rows = u(6) | (u(7) << 8);
            if (xBytes == 0 || rows == 0) {
                fail(m_offset, tr("GS v 0 with an empty raster (%1 bytes x %2 rows).").arg(xBytes).arg(rows));
                return -1;
            }
            const int scaleX = (u(3) & 0x01) ? 2 : 1;
            if (xBytes * 8 * scaleX > m_dotsPerLine) {
                fail(m_offset,
                    tr("GS v 0 raster is %1 dots wide; the paper has %2.").arg(xBytes * 8 * scaleX).arg(m_dotsPerLine));
                return -1;
            }
            const qsizetype len = 8 + qsizetype(xBytes) * rows;
            if (n < len)
                return 0;
            flushLine();
            m_largestRaster = qMax<qint64>(m_largestRaster, len);
            EscPosItem item;
            item.kind = EscPosItem::Kind::Raster;
            item.align = 0;
            const QByteArray data(p.data() + 8, len - 8);
            ow::printer::MonoBitmap bitmap = ow::printer::MonoBitmap::fromPacked(xBytes * 8, rows, data);
            const int scaleY = (u(3) & 0x02) ? 2 : 1;
            if (scaleX > 1 || scaleY > 1) {
                ow::printer::MonoBitmap scaled(bitmap.width() * scaleX, bitmap.height() * scaleY);
                for (int y = 0; y < scaled.height(); ++y) {
                    for (int x = 0; x < scaled.width(); ++x)
                        scaled.setPixel(x, y, bitmap.pixel(x / scaleX, y / scaleY));
                }
                bitmap = scaled;
            }
            item.bitmap = bitmap;
            addItem(item);
            return len;
        }
        case '(': {
            if (n < 5)
                return 0;
            if (u(2) != 'k') {
                fail(m_offset, tr("GS ( %1 is not supported by the simulator.").arg(hexByte(u(2))));
                return -1;
            }
            const qsizetype len = 5 + (u(3) | (u(4) << 8));
            if (len < 7) {
                fail(m_offset, tr("GS ( k with a parameter length below 2."));
                return -1;
            }
            if (n < len)
                return 0;
            const int cn = u(5);
            const int fn = u(6);
            if (cn != 0x31) {
                fail(m_offset, tr("GS ( k symbol %1 is not supported (only QR, cn = 49).").arg(cn));
                return -1;
            }
            const auto param = [&](int minLen) {
                if (len < 7 + minLen) {
                    fail(m_offset, tr("GS ( k function %1 is too short.").arg(fn));
                    return false;
                }
                return true;
            };
            switch (fn) {
            case 0x41:
                if (!param(1))
                    return -1;
                if (u(7) < 0x31 || u(7) > 0x32) {
                    fail(m_offset, tr("QR model %1 is not supported.").arg(u(7)));
                    return -1;
                }
                m_qrModel = u(7) - 0x30;
                return len;
            case 0x43:
                if (!param(1))
                    return -1;
                if (u(7) < 1 || u(7) > 16) {
                    fail(m_offset, tr("QR module size %1 is outside 1 to 16.").arg(u(7)));
                    return -1;
                }
                m_qrModuleSize = u(7);
                return len;
            case 0x45:
                if (!param(1))
                    return -1;
                if (u(7) < 0x30 || u(7) > 0x33) {
                    fail(m_offset, tr("QR error correction %1 is not L, M, Q or H (48 to 51).").arg(u(7)));
                    return -1;
                }
                m_qrEc = u(7) - 0x30;
                return len;
            case 0x50:
                if (!param(1))
                    return -1;
                m_qrData = QByteArray(p.data() + 8, len - 8);
                m_qrStored = true;
                return len;
            case 0x51: {
                if (!m_qrStored || m_qrData.isEmpty()) {
                    fail(m_offset, tr("QR print without stored data."));
                    return -1;
                }
                flushLine();
                EscPosItem item;
                item.kind = EscPosItem::Kind::Qr;
                item.align = m_align;
                item.qrData = m_qrData;
                item.qrModuleSize = m_qrModuleSize;
                item.qrErrorCorrection = m_qrEc;
                addItem(item);
                return len;
            }
            case 0x52: return len; // transmit size information: ignored
            default: fail(m_offset, tr("GS ( k QR function %1 is not supported.").arg(fn)); return -1;
            }
        }
        case 'B':
        case 'a':
        case 'H':
        case 'h':
        case 'w':
        case 'f': return n < 3 ? 0 : 3;
        case 'L':
        case 'W': return n < 4 ? 0 : 4;
        default: fail(m_offset, tr("unknown command GS %1.").arg(hexByte(u(1)))); return -1;
        }
    case 0x1C: // FS
        if (n < 2)
            return 0;
        switch (u(1)) {
        case '&': m_doubleByte = true; return 2;
        case '.': m_doubleByte = false; return 2;
        case '!':
            if (n < 3)
                return 0;
            m_kanjiStyle.widthScale = (u(2) & 0x04) ? 2 : 1;
            m_kanjiStyle.heightScale = (u(2) & 0x08) ? 2 : 1;
            m_kanjiStyle.underline = u(2) & 0x80;
            return 3;
        case 'C':
        case '-':
        case 'W': return n < 3 ? 0 : 3;
        case 'S': return n < 4 ? 0 : 4;
        default: fail(m_offset, tr("unknown command FS %1.").arg(hexByte(u(1)))); return -1;
        }
    default: break;
    }
    if (b < 0x20 || b == 0x7F) {
        fail(m_offset, tr("unknown control byte %1.").arg(hexByte(b)));
        return -1;
    }
    if (b < 0x80) {
        addChar(QString(QChar(char16_t(b))), 1);
        return 1;
    }
    if (!m_doubleByte || b == 0x80 || b == 0xFF) {
        addChar(QString(QChar(Cp437High[b - 0x80])), 1);
        return 1;
    }
    // GB18030: two bytes (81-FE, 40-7E/80-FE) or four (81-FE, 30-39, 81-FE, 30-39).
    if (n < 2)
        return 0;
    qsizetype len = 2;
    if (u(1) >= 0x30 && u(1) <= 0x39) {
        if (n < 4)
            return 0;
        len = 4;
        if (u(2) < 0x81 || u(2) > 0xFE || u(3) < 0x30 || u(3) > 0x39) {
            fail(m_offset, tr("invalid GB18030 four-byte sequence."));
            return -1;
        }
    } else if (u(1) < 0x40 || u(1) == 0x7F || u(1) == 0xFF) {
        fail(m_offset, tr("invalid GB18030 sequence %1 %2 in double-byte mode.").arg(hexByte(b), hexByte(u(1))));
        return -1;
    }
    QStringDecoder decoder("GB18030", QStringDecoder::Flag::Stateless);
    const QString c = decoder.decode(p.first(len));
    if (decoder.hasError() || c.isEmpty() || c.contains(QChar::ReplacementCharacter)) {
        fail(m_offset, tr("invalid GB18030 sequence in double-byte mode."));
        return -1;
    }
    addChar(c, 2);
    return len;
}

bool EscPosParser::feed(QByteArrayView bytes)
{
    if (hasError())
        return false;
    m_pending.append(bytes.data(), bytes.size());
    qsizetype pos = 0;
    QByteArray all;
    all.swap(m_pending);
    while (pos < all.size()) {
        m_pending = QByteArray::fromRawData(all.constData() + pos, all.size() - pos);
        const qsizetype r = step();
        if (r < 0) {
            m_pending.clear();
            return false;
        }
        if (r == 0)
            break;
        pos += r;
        m_offset += r;
    }
    m_pending = all.mid(pos);
    return true;
}

bool EscPosParser::finish()
{
    if (hasError())
        return false;
    if (!m_pending.isEmpty()) {
        fail(m_offset, tr("the stream ends inside a command (%1 bytes left).").arg(m_pending.size()));
        return false;
    }
    if (!m_line.isEmpty())
        endLine(false);
    return true;
}

Result<EscPosPage> EscPosParser::parse(QByteArrayView bytes, int dotsPerLine)
{
    EscPosParser parser(dotsPerLine);
    if (!parser.feed(bytes) || !parser.finish())
        return Result<EscPosPage>::failure(parser.error());
    return parser.page();
}

} // namespace ow::escpossim
