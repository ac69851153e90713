#include "onewindow/catalog/PinyinTable.h"

#include <QFile>

#include <algorithm>

namespace ow {

namespace {

bool isAsciiAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

bool isSyllable(const QString &s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s) {
        if (c < u'a' || c > u'z')
            return false;
    }
    return true;
}

} // namespace

Result<PinyinTable> PinyinTable::fromText(const QByteArray &table, const QByteArray &words)
{
    using R = Result<PinyinTable>;
    PinyinTable t;
    t.m_byChar.assign(size_t(kLast - kFirst + 1), 0);
    t.m_syllables.append(QString());
    const QList<QByteArray> lines = table.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i)).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype tab = line.indexOf(u'\t');
        const QString syl = line.left(tab);
        const QString chars = tab < 0 ? QString() : line.mid(tab + 1);
        if (!isSyllable(syl) || chars.isEmpty())
            return R::failure(tr("pinyin table line %1: expected \"syllable<TAB>characters\"").arg(i + 1));
        t.m_syllables.append(syl);
        for (QChar c : chars) {
            if (c.unicode() < kFirst || c.unicode() > kLast)
                return R::failure(tr("pinyin table line %1: '%2' is not a CJK unified ideograph").arg(i + 1).arg(c));
            quint16 &slot = t.m_byChar[size_t(c.unicode() - kFirst)];
            if (slot == 0)
                ++t.m_count;
            slot = quint16(t.m_syllables.size() - 1);
        }
    }
    const QList<QByteArray> wordLines = words.split('\n');
    for (qsizetype i = 0; i < wordLines.size(); ++i) {
        const QString line = QString::fromUtf8(wordLines.at(i)).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        QStringList parts = line.split(u' ', Qt::SkipEmptyParts);
        const QString word = parts.takeFirst();
        bool ok = parts.size() == word.size();
        for (const QString &p : std::as_const(parts))
            ok = ok && isSyllable(p);
        if (!ok)
            return R::failure(
                tr("pinyin word list line %1: expected the word and one syllable per character").arg(i + 1));
        t.m_words[word.at(0)].append({word, parts});
    }
    for (auto &list : t.m_words) {
        std::sort(
            list.begin(), list.end(), [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); });
    }
    return t;
}

const Result<PinyinTable> &PinyinTable::builtin()
{
    static const Result<PinyinTable> table = [] {
        QFile t(QStringLiteral(":/onewindow/catalog/pinyin.txt"));
        QFile w(QStringLiteral(":/onewindow/catalog/pinyin-words.txt"));
        if (!t.open(QIODevice::ReadOnly) || !w.open(QIODevice::ReadOnly))
            return Result<PinyinTable>::failure(tr("the embedded pinyin table is missing"));
        return fromText(t.readAll(), w.readAll());
    }();
    return table;
}

QString PinyinTable::syllable(QChar c) const
{
    if (c.unicode() < kFirst || c.unicode() > kLast || m_byChar.empty())
        return {};
    return m_syllables.at(m_byChar[size_t(c.unicode() - kFirst)]);
}

QStringList PinyinTable::syllables(const QString &text) const
{
    QStringList out;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (isAsciiAlnum(c)) {
            qsizetype end = i;
            while (end < text.size() && isAsciiAlnum(text.at(end)))
                ++end;
            out.append(text.mid(i, end - i).toLower());
            i = end;
            continue;
        }
        const auto words = m_words.constFind(c);
        bool matched = false;
        if (words != m_words.constEnd()) {
            for (const auto &w : words.value()) {
                if (QStringView(text).mid(i).startsWith(w.first)) {
                    out += w.second;
                    i += w.first.size();
                    matched = true;
                    break;
                }
            }
        }
        if (matched)
            continue;
        const QString s = syllable(c);
        if (!s.isEmpty())
            out.append(s);
        ++i;
    }
    return out;
}

} // namespace ow
