#pragma once

#include "onewindow/catalog/Catalog.h"
#include "onewindow/catalog/PinyinTable.h"

#include <QList>
#include <QString>

#include <string>
#include <vector>

namespace ow {

// Search over the bundles and matters of a catalogue, built once, queried on every keystroke.
// A query matches Chinese substrings of names and aliases, implementation codes and bundle ids,
// pinyin initials ("kcg" → 开餐馆), full pinyin with or without spaces ("kai can guan",
// "kaicanguan") and mixtures ("kaicg"). Results rank exact before prefix before substring and,
// within a rank, bundles before single matters, then shorter names first.
class CatalogSearch
{
public:
    struct Hit
    {
        enum class Kind { Bundle, Matter };
        enum class Rank { Exact, Prefix, Substring };
        Kind kind = Kind::Matter;
        QString id; // bundle id or implementation code
        QString name;
        Rank rank = Rank::Substring;
    };

    CatalogSearch(const Catalog &catalog, const PinyinTable &pinyin);

    QList<Hit> search(const QString &query, qsizetype limit = 20) const;
    qsizetype size() const { return qsizetype(m_entries.size()); }

private:
    // Flat, contiguous tables: one scan per keystroke walks memory in order.
    struct Entry
    {
        Hit::Kind kind;
        QString id;
        QString name;
        quint32 idOffset = 0; // lower-cased id in m_text
        quint32 idLength = 0;
        quint64 order = 0; // tie-break within a rank: kind, name length, id order
    };
    struct Key // a name or an alias of an entry
    {
        quint32 entry = 0;
        quint32 textOffset = 0; // lower-cased text (UTF-8) in m_text
        quint32 textLength = 0;
        quint32 pinyinOffset = 0; // syllables concatenated, in m_pinyin
        quint32 firstStart = 0; // index in m_starts of the first syllable start
        quint32 syllables = 0;
        quint32 initials = 0; // bit (c - 'a') set when a syllable starts with c
        bool hasAscii = false; // the text has an ASCII character (only then can an ASCII query match it)
    };
    struct PinyinView
    {
        const char *pinyin;
        const quint16 *starts; // syllables + 1 offsets into pinyin
        quint32 syllables;
    };

    static int textRank(const char *haystack, size_t length, const std::string &needle);
    static int pinyinRank(const PinyinView &key, const std::string &query);
    static int matchFrom(const PinyinView &key, const std::string &query, size_t qi, size_t si);

    std::vector<Entry> m_entries;
    std::vector<Key> m_keys;
    std::string m_text;
    std::string m_pinyin;
    std::vector<quint16> m_starts;
};

} // namespace ow
