#include "onewindow/receipt/TextWrap.h"

#include <QList>
#include <QRegularExpression>

namespace ow::receipt {

namespace {

struct Atom
{
    QString text;
    bool spaceBefore = false; // a space separates it from the previous atom
};

bool isAsciiWord(QChar c)
{
    // Signs inside a token ("10:15", "1.5", "a,b") belong to it; brackets do not.
    static const QString brackets = QStringLiteral("()[]{}");
    return c.unicode() > 0x20 && c.unicode() < 0x7F && !brackets.contains(c);
}

bool isDigit(QChar c)
{
    return c.unicode() >= '0' && c.unicode() <= '9';
}

bool isCjk(QChar c)
{
    return c.unicode() >= 0x2E80 && !c.isSpace();
}

QList<Atom> atoms(const QString &text)
{
    static const QRegularExpression date(QStringLiteral("^\\d{1,4}年\\d{1,2}月(\\d{1,2}日)?(星期[一二三四五六日天])?"));
    QList<Atom> out;
    bool space = false;
    bool glueNext = false; // the previous atom ends with opening punctuation
    qsizetype i = 0;
    const auto add = [&](const QString &s) {
        if (glueNext && !out.isEmpty()) {
            out.last().text += s;
        } else {
            out.append({s, space});
        }
        space = false;
        glueNext = false;
    };
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            // A number and its measure word across a space ("1 份") stay together.
            if (!out.isEmpty() && !glueNext && isDigit(out.last().text.back()) && i + 1 < text.size()
                && isCjk(text.at(i + 1)) && !TextWrap::isClosing(text.at(i + 1))) {
                out.last().text += c;
                out.last().text += text.at(i + 1);
                i += 2;
                continue;
            }
            space = true;
            ++i;
            continue;
        }
        if (TextWrap::isClosing(c)) {
            if (out.isEmpty() || space) {
                add(QString(c));
            } else {
                out.last().text += c;
                space = false;
            }
            ++i;
            continue;
        }
        if (TextWrap::isOpening(c)) {
            if (glueNext && !out.isEmpty()) {
                out.last().text += c;
            } else {
                out.append({QString(c), space});
                space = false;
            }
            glueNext = true;
            ++i;
            continue;
        }
        if (isDigit(c)) {
            const auto m = date.match(text.mid(i, 16));
            if (m.hasMatch()) {
                add(m.captured(0));
                i += m.capturedLength(0);
                continue;
            }
        }
        if (isAsciiWord(c)) {
            qsizetype j = i;
            while (j < text.size() && isAsciiWord(text.at(j)))
                ++j;
            QString word = text.mid(i, j - i);
            // A number directly followed by its measure word ("1份", "5个").
            if (isDigit(word.back()) && j < text.size() && isCjk(text.at(j)) && !TextWrap::isClosing(text.at(j))
                && !TextWrap::isOpening(text.at(j))) {
                word += text.at(j);
                ++j;
            }
            add(word);
            i = j;
            continue;
        }
        QString unit(c);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            unit += text.at(++i);
        add(unit);
        ++i;
    }
    return out;
}

} // namespace

bool TextWrap::isClosing(QChar c)
{
    static const QString closing = QStringLiteral("，。、；：？！）》」』】〕〉…％．,.;:!?)]}%");
    return closing.contains(c);
}

bool TextWrap::isOpening(QChar c)
{
    static const QString opening = QStringLiteral("（《「『【〔〈([{");
    return opening.contains(c);
}

QStringList TextWrap::wrap(const QString &text, qreal firstWidth, qreal width, const Measure &measure)
{
    QStringList lines;
    QString line;
    qreal limit = firstWidth;
    const auto breakLine = [&] {
        lines.append(line);
        line.clear();
        limit = width;
    };
    for (const QString &paragraph : text.split(QLatin1Char('\n'))) {
        for (const Atom &a : atoms(paragraph)) {
            const QString candidate =
                line.isEmpty() ? a.text : line + (a.spaceBefore ? QStringLiteral(" ") : QString()) + a.text;
            if (measure(candidate) <= limit) {
                line = candidate;
                continue;
            }
            if (!line.isEmpty() || (lines.isEmpty() && limit < width && measure(a.text) <= width)) {
                breakLine();
                if (measure(a.text) <= limit) {
                    line = a.text;
                    continue;
                }
            }
            // Longer than a whole line: cut it where it must be cut.
            for (const QChar c : a.text) {
                if (!line.isEmpty() && measure(line + c) > limit && !isClosing(c) && !c.isLowSurrogate())
                    breakLine();
                line += c;
            }
        }
        breakLine();
    }
    return lines;
}

} // namespace ow::receipt
