#include "onewindow/catalog/CatalogSearch.h"

#include <algorithm>

namespace ow {

namespace {

CatalogSearch::Hit::Rank textRank(const QString &haystack, const QString &needle, bool *found)
{
    const qsizetype at = haystack.indexOf(needle);
    *found = at >= 0;
    if (at == 0)
        return haystack.size() == needle.size() ? CatalogSearch::Hit::Rank::Exact : CatalogSearch::Hit::Rank::Prefix;
    return CatalogSearch::Hit::Rank::Substring;
}

} // namespace

CatalogSearch::CatalogSearch(const Catalog &catalog, const PinyinTable &pinyin)
{
    const auto makeKey = [&](const QString &text) {
        Key k;
        k.text = text.toLower();
        for (const QString &s : pinyin.syllables(text)) {
            k.starts.push_back(quint16(k.pinyin.size()));
            k.pinyin += s.toStdString();
        }
        k.starts.push_back(quint16(k.pinyin.size()));
        return k;
    };
    m_entries.reserve(size_t(catalog.bundles().size() + catalog.matters().size()));
    for (const Bundle &b : catalog.bundles()) {
        Entry e {Hit::Kind::Bundle, b.id, b.id.toLower(), b.name, {makeKey(b.name)}};
        for (const QString &a : b.aliases)
            e.keys.push_back(makeKey(a));
        m_entries.push_back(std::move(e));
    }
    for (const Matter &m : catalog.matters()) {
        Entry e {Hit::Kind::Matter, m.code, m.code.toLower(), m.name, {makeKey(m.name)}};
        for (const QString &a : m.aliases)
            e.keys.push_back(makeKey(a));
        m_entries.push_back(std::move(e));
    }
}

// The furthest syllable end reachable when the query from `qi` on is consumed starting at
// syllable `si`, each syllable giving a non-empty prefix of itself; -1 when it cannot be.
int CatalogSearch::matchFrom(const Key &key, const std::string &query, size_t qi, size_t si)
{
    const size_t syllables = key.starts.size() - 1;
    if (si >= syllables)
        return -1;
    const size_t begin = key.starts[si];
    const size_t length = key.starts[si + 1] - begin;
    const size_t remaining = query.size() - qi;
    int best = -1;
    for (size_t k = std::min(length, remaining); k >= 1; --k) {
        if (key.pinyin.compare(begin, k, query, qi, k) != 0)
            continue;
        const int end = qi + k == query.size() ? int(si + 1) : matchFrom(key, query, qi + k, si + 1);
        best = std::max(best, end);
        if (best == int(syllables))
            break;
    }
    return best;
}

// 0 exact, 1 prefix, 2 substring, -1 no match.
int CatalogSearch::pinyinRank(const Key &key, const std::string &query)
{
    const size_t syllables = key.starts.size() - 1;
    for (size_t si = 0; si < syllables; ++si) {
        if (key.pinyin[key.starts[si]] != query[0])
            continue;
        const int end = matchFrom(key, query, 0, si);
        if (end < 0)
            continue;
        if (si > 0)
            return 2;
        return end == int(syllables) ? 0 : 1;
    }
    return -1;
}

QList<CatalogSearch::Hit> CatalogSearch::search(const QString &query, qsizetype limit) const
{
    const QString q = query.trimmed().toLower();
    QList<Hit> hits;
    if (q.isEmpty() || limit <= 0)
        return hits;
    std::string letters;
    bool pinyinQuery = true;
    for (QChar c : q) {
        if (c >= u'a' && c <= u'z')
            letters.push_back(char(c.unicode()));
        else if (c != u' ' && c != u'\'')
            pinyinQuery = false;
    }
    pinyinQuery = pinyinQuery && !letters.empty();

    for (const Entry &e : m_entries) {
        int best = 3;
        bool found = false;
        const Hit::Rank idRank = textRank(e.idLower, q, &found);
        if (found)
            best = int(idRank);
        for (const Key &k : e.keys) {
            if (best == 0)
                break;
            const Hit::Rank r = textRank(k.text, q, &found);
            if (found)
                best = std::min(best, int(r));
            if (pinyinQuery && best > 0 && k.starts.size() > 1) {
                const int p = pinyinRank(k, letters);
                if (p >= 0)
                    best = std::min(best, p);
            }
        }
        if (best < 3)
            hits.append(Hit {e.kind, e.id, e.name, Hit::Rank(best)});
    }
    const auto order = [](const Hit &a, const Hit &b) {
        if (a.rank != b.rank)
            return a.rank < b.rank;
        if (a.kind != b.kind)
            return a.kind == Hit::Kind::Bundle;
        if (a.name.size() != b.name.size())
            return a.name.size() < b.name.size();
        return a.id < b.id;
    };
    if (hits.size() > limit) {
        std::partial_sort(hits.begin(), hits.begin() + limit, hits.end(), order);
        hits.resize(limit);
    } else {
        std::sort(hits.begin(), hits.end(), order);
    }
    return hits;
}

} // namespace ow
