#include "onewindow/catalog/CatalogSearch.h"

#include <algorithm>

namespace ow {

CatalogSearch::CatalogSearch(const Catalog &catalog, const PinyinTable &pinyin)
{
    const auto makeKey = [&](const QString &text) {
        Key k;
        k.text = text.toLower().toStdString();
        for (const QString &s : pinyin.syllables(text)) {
            k.starts.push_back(quint16(k.pinyin.size()));
            k.pinyin += s.toStdString();
            const char first = s.isEmpty() ? 0 : char(s.at(0).unicode());
            if (first >= 'a' && first <= 'z')
                k.initials |= 1u << (first - 'a');
        }
        k.starts.push_back(quint16(k.pinyin.size()));
        return k;
    };
    m_entries.reserve(size_t(catalog.bundles().size() + catalog.matters().size()));
    for (const Bundle &b : catalog.bundles()) {
        Entry e {Hit::Kind::Bundle, b.id, b.name, b.id.toLower().toStdString(), {makeKey(b.name)}, 0};
        for (const QString &a : b.aliases)
            e.keys.push_back(makeKey(a));
        m_entries.push_back(std::move(e));
    }
    for (const Matter &m : catalog.matters()) {
        Entry e {Hit::Kind::Matter, m.code, m.name, m.code.toLower().toStdString(), {makeKey(m.name)}, 0};
        for (const QString &a : m.aliases)
            e.keys.push_back(makeKey(a));
        m_entries.push_back(std::move(e));
    }
    // Precomputed tie-break within a rank: bundles first, then shorter names, then by id.
    std::vector<size_t> byId(m_entries.size());
    for (size_t i = 0; i < byId.size(); ++i)
        byId[i] = i;
    std::sort(byId.begin(), byId.end(), [&](size_t a, size_t b) { return m_entries[a].id < m_entries[b].id; });
    for (size_t pos = 0; pos < byId.size(); ++pos) {
        Entry &e = m_entries[byId[pos]];
        const quint64 kind = e.kind == Hit::Kind::Bundle ? 0 : 1;
        const quint64 length = quint64(std::min<qsizetype>(e.name.size(), 0xFFFF));
        e.order = (kind << 56) | (length << 32) | quint64(pos);
    }
}

// 0 exact, 1 prefix, 2 substring, 3 no match.
int CatalogSearch::textRank(const std::string &haystack, const std::string &needle)
{
    const size_t at = haystack.find(needle);
    if (at == std::string::npos)
        return 3;
    if (at == 0)
        return haystack.size() == needle.size() ? 0 : 1;
    return 2;
}

// The furthest syllable end reachable when the query from `qi` on is consumed starting at
// syllable `si`, each syllable giving a non-empty prefix of itself; -1 when it cannot be.
int CatalogSearch::matchFrom(const Key &key, const std::string &query, size_t qi, size_t si)
{
    const size_t syllables = key.starts.size() - 1;
    if (si >= syllables)
        return -1;
    const char *syllable = key.pinyin.data() + key.starts[si];
    const size_t length = key.starts[si + 1] - key.starts[si];
    const char *q = query.data() + qi;
    const size_t remaining = query.size() - qi;
    // The longest common prefix bounds the useful lengths.
    size_t common = 0;
    const size_t most = std::min(length, remaining);
    while (common < most && syllable[common] == q[common])
        ++common;
    int best = -1;
    for (size_t k = common; k >= 1; --k) {
        const int end = k == remaining ? int(si + 1) : matchFrom(key, query, qi + k, si + 1);
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
    const std::string text = q.toStdString();
    std::string letters;
    bool pinyinQuery = true;
    bool asciiQuery = true;
    for (QChar c : q) {
        if (c >= u'a' && c <= u'z')
            letters.push_back(char(c.unicode()));
        else if (c != u' ' && c != u'\'')
            pinyinQuery = false;
        if (c.unicode() > 0x7F)
            asciiQuery = false;
    }
    pinyinQuery = pinyinQuery && !letters.empty();
    const quint32 firstInitial = pinyinQuery ? 1u << (letters[0] - 'a') : 0;

    // (rank << 60 | entry order) for every match; the order packs kind, name length and id.
    std::vector<std::pair<quint64, quint32>> found;
    for (size_t i = 0; i < m_entries.size(); ++i) {
        const Entry &e = m_entries[i];
        int best = asciiQuery ? textRank(e.idText, text) : 3;
        for (const Key &k : e.keys) {
            if (best == 0)
                break;
            best = std::min(best, textRank(k.text, text));
            if (pinyinQuery && best > 0 && (k.initials & firstInitial)) {
                const int p = pinyinRank(k, letters);
                if (p >= 0)
                    best = std::min(best, p);
            }
        }
        if (best < 3)
            found.emplace_back((quint64(best) << 60) | e.order, quint32(i));
    }
    const auto less = [](const auto &a, const auto &b) { return a.first < b.first; };
    const size_t n = std::min(found.size(), size_t(limit));
    std::partial_sort(found.begin(), found.begin() + qsizetype(n), found.end(), less);
    hits.reserve(qsizetype(n));
    for (size_t i = 0; i < n; ++i) {
        const Entry &e = m_entries[found[i].second];
        hits.append(Hit {e.kind, e.id, e.name, Hit::Rank(found[i].first >> 60)});
    }
    return hits;
}

} // namespace ow
