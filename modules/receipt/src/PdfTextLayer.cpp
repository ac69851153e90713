#include "onewindow/receipt/PdfTextLayer.h"

#include <QList>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace ow::receipt {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The 4-digit hex code at `at` (just after '<'), or -1.
int code4(const QByteArray &pdf, qsizetype at)
{
    if (at + 5 > pdf.size() || pdf.at(at + 4) != '>')
        return -1;
    int v = 0;
    for (qsizetype i = at; i < at + 4; ++i) {
        const int h = hexValue(pdf.at(i));
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

void putCode4(QByteArray &pdf, qsizetype at, char16_t code)
{
    static const char digits[] = "0123456789ABCDEF";
    for (int i = 3; i >= 0; --i) {
        pdf[at + i] = digits[code & 0xF];
        code = char16_t(code >> 4);
    }
}

struct Token
{
    enum class Kind { Code, Open, Close, End } kind;
    qsizetype at; // of the code's first hex digit
    int value;
};

// Every source code → destination of the bfrange sections (BMP destinations only). QPdfWriter
// writes one range a line: "<lo> <hi> <dst>" or "<lo> <hi> [<d1> <d2> …]".
std::optional<QHash<int, int>> parseMap(const QByteArray &cmap)
{
    QHash<int, int> out;
    static const QRegularExpression code(QStringLiteral("<([0-9A-Fa-f]{4})>"));
    bool inside = false;
    for (const QByteArray &raw : cmap.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.endsWith("beginbfrange")) {
            inside = true;
            continue;
        }
        if (line == "endbfrange") {
            inside = false;
            continue;
        }
        if (!inside || line.isEmpty())
            continue;
        QList<int> codes;
        for (auto it = code.globalMatch(QString::fromLatin1(line)); it.hasNext();)
            codes.append(it.next().captured(1).toInt(nullptr, 16));
        if (codes.size() < 3)
            return std::nullopt;
        const int lo = codes.at(0);
        const int hi = codes.at(1);
        if (line.contains('[')) {
            if (codes.size() != hi - lo + 3)
                return std::nullopt;
            for (int k = lo; k <= hi; ++k)
                out.insert(k, codes.at(k - lo + 2));
        } else {
            for (int k = lo; k <= hi; ++k)
                out.insert(k, codes.at(2) + k - lo);
        }
    }
    return out;
}

QByteArray hex4(int v)
{
    return QByteArray::number(v, 16).toUpper().rightJustified(4, '0');
}

} // namespace

QByteArray PdfTextLayer::completeSupplementary(
    const QByteArray &pdf, const QList<QRawFont> &fonts, const QList<Run> &runs, int *added)
{
    if (added)
        *added = 0;
    // Replay the subset numbering: CID 0 is .notdef, then each new glyph in drawing order.
    QList<QHash<quint32, int>> cidOf(fonts.size());
    QList<QHash<int, char32_t>> charOf(fonts.size());
    bool needed = false;
    for (const Run &r : runs) {
        if (r.font < 0 || r.font >= fonts.size() || !fonts.at(r.font).isValid())
            return pdf;
        for (qsizetype i = 0; i < r.text.size(); ++i) {
            QString unit(r.text.at(i));
            char32_t cp = r.text.at(i).unicode();
            if (r.text.at(i).isHighSurrogate() && i + 1 < r.text.size()) {
                unit += r.text.at(++i);
                cp = QChar::surrogateToUcs4(unit.at(0), unit.at(1));
                needed = true;
            }
            const QList<quint32> g = fonts.at(r.font).glyphIndexesForString(unit);
            if (g.size() != 1 || g.first() == 0)
                return pdf; // drawn by a fallback font: the numbering is not this font's
            if (!cidOf[r.font].contains(g.first())) {
                const int cid = int(cidOf[r.font].size()) + 1;
                cidOf[r.font].insert(g.first(), cid);
                charOf[r.font].insert(cid, cp);
            }
        }
    }
    if (!needed)
        return pdf;

    // The ToUnicode streams, as QPdfWriter writes them: "N 0 obj\n<< /Length L >>\nstream\n".
    static const QRegularExpression toUnicode(QStringLiteral("/ToUnicode (\\d+) 0 R"));
    QByteArray update;
    QList<QPair<int, qsizetype>> objects; // number, offset
    const QString latin = QString::fromLatin1(pdf);
    for (auto it = toUnicode.globalMatch(latin); it.hasNext();) {
        const int number = it.next().captured(1).toInt();
        const QByteArray head = "\n" + QByteArray::number(number) + " 0 obj\n<< /Length ";
        const qsizetype at = pdf.indexOf(head);
        if (at < 0)
            return pdf;
        const qsizetype lengthAt = at + head.size();
        const qsizetype lengthEnd = pdf.indexOf(' ', lengthAt);
        bool ok = false;
        const qsizetype length = pdf.mid(lengthAt, lengthEnd - lengthAt).toLongLong(&ok);
        const QByteArray open = " >>\nstream\n";
        if (!ok || pdf.mid(lengthEnd, open.size()) != open)
            return pdf;
        const QByteArray cmap = pdf.mid(lengthEnd + open.size(), length);
        const auto existing = parseMap(cmap);
        if (!existing)
            return pdf;
        // Which of the fonts this map belongs to: the one whose replay agrees with every entry.
        int font = -1;
        for (int f = 0; f < fonts.size() && font < 0; ++f) {
            bool agrees = !existing->isEmpty();
            for (auto e = existing->cbegin(); e != existing->cend() && agrees; ++e)
                agrees = e.key() == 0 || charOf[f].value(e.key()) == char32_t(e.value());
            if (agrees)
                font = f;
        }
        if (font < 0)
            return pdf;
        QByteArray entries;
        int count = 0;
        QList<int> cids = charOf[font].keys();
        std::sort(cids.begin(), cids.end());
        for (const int cid : std::as_const(cids)) {
            const char32_t cp = charOf[font].value(cid);
            if (cp < 0x10000 || existing->contains(cid))
                continue;
            const QString pair = QString::fromUcs4(&cp, 1);
            entries += "<" + hex4(cid) + "> <" + hex4(pair.at(0).unicode()) + hex4(pair.at(1).unicode()) + ">\n";
            ++count;
        }
        if (count == 0)
            continue;
        const qsizetype endcmap = cmap.indexOf("endcmap");
        if (endcmap < 0)
            return pdf;
        const QByteArray stream = cmap.left(endcmap) + QByteArray::number(count) + " beginbfchar\n" + entries
            + "endbfchar\n" + cmap.mid(endcmap);
        objects.append({number, pdf.size() + update.size() + 1});
        update += "\n" + QByteArray::number(number) + " 0 obj\n<< /Length " + QByteArray::number(stream.size())
            + " >>\nstream\n" + stream + "\nendstream\nendobj";
        if (added)
            *added += count;
    }
    if (objects.isEmpty())
        return pdf;

    // An incremental update: the new objects, their cross-reference section and a trailer
    // pointing back to the previous one.
    static const QRegularExpression trailer(
        QStringLiteral("trailer\\s*<<(.*?)>>\\s*startxref\\s*(\\d+)"), QRegularExpression::DotMatchesEverythingOption);
    QRegularExpressionMatch last;
    for (auto it = trailer.globalMatch(latin); it.hasNext();)
        last = it.next();
    if (!last.hasMatch())
        return pdf;
    static const QRegularExpression size(QStringLiteral("/Size (\\d+)"));
    static const QRegularExpression root(QStringLiteral("/Root (\\d+ \\d+ R)"));
    static const QRegularExpression info(QStringLiteral("/Info (\\d+ \\d+ R)"));
    const QString dict = last.captured(1);
    const auto sizeMatch = size.match(dict);
    const auto rootMatch = root.match(dict);
    if (!sizeMatch.hasMatch() || !rootMatch.hasMatch())
        return pdf;
    QByteArray out = pdf;
    if (!out.endsWith('\n'))
        out += '\n';
    const qsizetype base = out.size() - pdf.size(); // the newline just added, if any
    out += update.mid(1) + "\n";
    const qsizetype xref = out.size();
    std::sort(objects.begin(), objects.end());
    out += "xref\n";
    for (const auto &[number, offset] : std::as_const(objects)) {
        out += QByteArray::number(number) + " 1\n";
        out += QByteArray::number(offset + base - 1).rightJustified(10, '0') + " 00000 n \n";
    }
    out += "trailer\n<<\n/Size " + sizeMatch.captured(1).toLatin1() + "\n/Root " + rootMatch.captured(1).toLatin1();
    const auto infoMatch = info.match(dict);
    if (infoMatch.hasMatch())
        out += "\n/Info " + infoMatch.captured(1).toLatin1();
    out += "\n/Prev " + last.captured(2).toLatin1() + "\n>>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}

PdfTextLayer::Substitutions PdfTextLayer::substitutions(const QRawFont &font, const QString &drawn)
{
    Substitutions out;
    if (!font.isValid() || drawn.isEmpty())
        return out;
    // The first code point per glyph, the way QPdfWriter's reverse map finds it.
    QString all;
    all.reserve(0x10000 - 0x800);
    for (char32_t u = 1; u < 0x10000; ++u) {
        if (u < 0xD800 || u > 0xDFFF)
            all.append(QChar(char16_t(u)));
    }
    const QList<quint32> glyphs = font.glyphIndexesForString(all);
    if (glyphs.size() != all.size())
        return out;
    QHash<quint32, char16_t> first;
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (glyphs.at(i) != 0 && !first.contains(glyphs.at(i)))
            first.insert(glyphs.at(i), all.at(i).unicode());
    }
    QString unique;
    for (const QChar c : drawn) {
        if (!c.isSurrogate() && !unique.contains(c))
            unique.append(c);
    }
    const QList<quint32> drawnGlyphs = font.glyphIndexesForString(unique);
    if (drawnGlyphs.size() != unique.size())
        return out;
    for (qsizetype i = 0; i < unique.size(); ++i) {
        const char16_t c = unique.at(i).unicode();
        const char16_t qtWrites = first.value(drawnGlyphs.at(i), c);
        if (drawnGlyphs.at(i) != 0 && qtWrites != c)
            out.insert(qtWrites, c);
    }
    return out;
}

Result<QByteArray> PdfTextLayer::remapToUnicode(QByteArray pdf, const Substitutions &subs, int *replaced)
{
    using R = Result<QByteArray>;
    int count = 0;
    qsizetype from = 0;
    while (true) {
        const qsizetype begin = pdf.indexOf("beginbfrange", from);
        if (begin < 0)
            break;
        const qsizetype end = pdf.indexOf("endbfrange", begin);
        if (end < 0)
            return R::failure(tr("A ToUnicode map of the PDF is not closed."));
        // Tokens between the two keywords: <XXXX> codes and the brackets of arrays.
        QList<Token> tokens;
        for (qsizetype i = begin + 12; i < end; ++i) {
            const char c = pdf.at(i);
            if (c == '<') {
                const int v = code4(pdf, i + 1);
                if (v < 0)
                    return R::failure(tr("A ToUnicode map of the PDF has a code that is not 4 hex digits."));
                tokens.append({Token::Kind::Code, i + 1, v});
                i += 5;
            } else if (c == '[') {
                tokens.append({Token::Kind::Open, i, 0});
            } else if (c == ']') {
                tokens.append({Token::Kind::Close, i, 0});
            } else if (c != ' ' && c != '\n' && c != '\r') {
                return R::failure(tr("A ToUnicode map of the PDF is not as expected."));
            }
        }
        tokens.append({Token::Kind::End, end, 0});
        qsizetype t = 0;
        while (tokens.at(t).kind != Token::Kind::End) {
            if (tokens.at(t).kind != Token::Kind::Code || tokens.at(t + 1).kind != Token::Kind::Code)
                return R::failure(tr("A ToUnicode map of the PDF is not as expected."));
            const int lo = tokens.at(t).value;
            const int hi = tokens.at(t + 1).value;
            t += 2;
            const Token dst = tokens.at(t);
            if (dst.kind == Token::Kind::Code) {
                ++t;
                for (int k = 0; k <= hi - lo; ++k) {
                    const auto sub = subs.constFind(char16_t(dst.value + k));
                    if (sub == subs.constEnd())
                        continue;
                    if (hi != lo)
                        return R::failure(tr("A ToUnicode range of the PDF cannot be corrected in place."));
                    putCode4(pdf, dst.at, sub.value());
                    ++count;
                }
            } else if (dst.kind == Token::Kind::Open) {
                ++t;
                while (tokens.at(t).kind == Token::Kind::Code) {
                    const auto sub = subs.constFind(char16_t(tokens.at(t).value));
                    if (sub != subs.constEnd()) {
                        putCode4(pdf, tokens.at(t).at, sub.value());
                        ++count;
                    }
                    ++t;
                }
                if (tokens.at(t).kind != Token::Kind::Close)
                    return R::failure(tr("A ToUnicode map of the PDF is not as expected."));
                ++t;
            } else {
                return R::failure(tr("A ToUnicode map of the PDF is not as expected."));
            }
        }
        from = end + 10;
    }
    if (replaced)
        *replaced = count;
    return pdf;
}

} // namespace ow::receipt
