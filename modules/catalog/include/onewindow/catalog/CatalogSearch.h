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
    struct Key
    {
        std::string text; // lower-cased name or alias, UTF-8
        std::string pinyin; // syllables concatenated
        std::vector<quint16> starts; // offset of each syllable in `pinyin`, plus the end
        quint32 initials = 0; // bit (c - 'a') set when a syllable starts with c
    };
    struct Entry
    {
        Hit::Kind kind;
        QString id;
        QString name;
        std::string idText; // lower-cased id, UTF-8
        std::vector<Key> keys;
        quint64 order = 0; // tie-break: kind, name length, id order
    };

    static int textRank(const std::string &haystack, const std::string &needle);
    static int pinyinRank(const Key &key, const std::string &query);
    static int matchFrom(const Key &key, const std::string &query, size_t qi, size_t si);

    std::vector<Entry> m_entries;
};

} // namespace ow
