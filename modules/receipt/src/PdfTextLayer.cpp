#include "onewindow/receipt/PdfTextLayer.h"

#include <QList>

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

} // namespace

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
