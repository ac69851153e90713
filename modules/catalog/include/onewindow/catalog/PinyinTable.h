#pragma once

#include "onewindow/core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace ow {

// Toneless pinyin for hanzi: one reading per character (every GB2312 level-1 and level-2 hanzi,
// generated from Unihan by modules/catalog/tools/gen_pinyin.py) plus a word list that fixes the
// polyphonic characters in the words the catalogue uses (银行 yin hang, 还款 huan kuan, …).
class PinyinTable
{
    Q_DECLARE_TR_FUNCTIONS(PinyinTable)

public:
    // `table`: lines "syllable<TAB>characters"; `words`: lines "词语 syl syl …". '#' starts a comment.
    static Result<PinyinTable> fromText(const QByteArray &table, const QByteArray &words);
    // The embedded tables (:/onewindow/catalog/pinyin.txt and pinyin-words.txt), read once.
    static const Result<PinyinTable> &builtin();

    qsizetype characterCount() const { return m_count; }
    // The reading of one character, or an empty string when it is not a known hanzi.
    QString syllable(QChar c) const;
    // One entry per hanzi (word readings preferred), one per run of ASCII letters or digits
    // (lower-cased); everything else is skipped.
    QStringList syllables(const QString &text) const;

private:
    static constexpr char16_t kFirst = 0x4E00;
    static constexpr char16_t kLast = 0x9FFF;
    QStringList m_syllables; // index 0 unused
    std::vector<quint16> m_byChar; // (c - kFirst) → index into m_syllables
    QHash<QChar, QList<QPair<QString, QStringList>>> m_words; // first char → (word, readings), longest first
    qsizetype m_count = 0;
};

} // namespace ow
