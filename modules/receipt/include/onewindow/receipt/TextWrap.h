#pragma once

#include <QString>
#include <QStringList>

#include <functional>

namespace ow::receipt {

// Line breaking for Chinese documents, shared by the slip and the A4 renderers:
// - never inside a token of ASCII letters, digits and signs (a case number, an ID number,
//   "2026/11/27", "10:15") nor inside a date written 2026年12月4日;
// - a number stays with the measure word after it ("1 份", "5 个工作日"), so no line starts
//   with " 份";
// - no line starts with closing punctuation (，。、；：？！）》」… kinsoku) and none ends
//   with opening punctuation (（《「…);
// - elsewhere between two Chinese characters, or at a space (dropped at the break).
// A token longer than a whole line is cut at character boundaries, the only way it can fit.
class TextWrap
{
public:
    using Measure = std::function<qreal(const QString &)>;

    // `firstWidth` is what is left on the first line (after a label), `width` a whole line.
    // The first line is empty when not even the first token fits after the label.
    static QStringList wrap(const QString &text, qreal firstWidth, qreal width, const Measure &measure);

    // Characters that may not start a line / end a line.
    static bool isClosing(QChar c);
    static bool isOpening(QChar c);
};

} // namespace ow::receipt
