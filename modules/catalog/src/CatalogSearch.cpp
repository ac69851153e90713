#include "onewindow/catalog/CatalogSearch.h"

#include <algorithm>
#include <cstring>
#include <string_view>

namespace ow {

CatalogSearch::CatalogSearch(const Catalog &catalog, const PinyinTable &pinyin)
{
    const auto addKey = [&](quint32 entry, const QString &text) {
        Key k;
        k.entry = entry;
        const std::string lower = text.toLower().toStdString();
        k.textOffset = quint32(m_text.size());
        k.textLength = quint32(lower.size());
        m_text += lower;
        for (char c : lower)
            k.hasAscii = k.hasAscii || (static_cast<unsigned char>(c) < 0x80);
        k.pinyinOffset = quint32(m_pinyin.size());
        k.firstStart = quint32(m_starts.size());
        quint32 offset = 0;
        for (const QString &syllable : pinyin.syllables(text)) {
            if (syllable.isEmpty() || offset + quint32(syllable.size()) > 0xFFFF)
                continue;
            m_starts.push_back(quint16(offset));
            const std::string ascii = syllable.toStdString();
            m_pinyin += ascii;
            offset += quint32(ascii.size());
            if (ascii[0] >= 'a' && ascii[0] <= 'z')
                k.initials |= 1u << (ascii[0] - 'a');
            ++k.syllables;
        }
        m_starts.push_back(quint16(offset));
        m_keys.push_back(k);
    };
    const auto addEntry = [&](Hit::Kind kind, const QString &id, const QString &name, const QStringList &aliases) {
        const quint32 index = quint32(m_entries.size());
        const std::string lowerId = id.toLower().toStdString();
        Entry e {kind, id, name, quint32(m_text.size()), quint32(lowerId.size()), 0};
        m_text += lowerId;
        m_entries.push_back(e);
        addKey(index, name);
        for (const QString &a : aliases)
            addKey(index, a);
    };
    m_entries.reserve(size_t(catalog.bundles().size() + catalog.matters().size()));
    for (const Bundle &b : catalog.bundles())
        addEntry(Hit::Kind::Bundle, b.id, b.name, b.aliases);
    for (const Matter &m : catalog.matters())
        addEntry(Hit::Kind::Matter, m.code, m.name, m.aliases);

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
int CatalogSearch::textRank(const char *haystack, size_t length, const std::string &needle)
{
    const size_t at = std::string_view(haystack, length).find(needle);
    if (at == std::string_view::npos)
        return 3;
    if (at == 0)
        return length == needle.size() ? 0 : 1;
    return 2;
}

// The furthest syllable end reachable when the query from `qi` on is consumed starting at
// syllable `si`, each syllable giving a non-empty prefix of itself; -1 when it cannot be.
int CatalogSearch::matchFrom(const PinyinView &key, const std::string &query, size_t qi, size_t si)
{
    if (si >= key.syllables)
        return -1;
    const char *syllable = key.pinyin + key.starts[si];
    const size_t length = size_t(key.starts[si + 1] - key.starts[si]);
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
        if (best == int(key.syllables))
            break;
    }
    return best;
}

// 0 exact, 1 prefix, 2 substring, 3 no match.
int CatalogSearch::pinyinRank(const PinyinView &key, const std::string &query)
{
    for (size_t si = 0; si < key.syllables; ++si) {
        if (key.pinyin[key.starts[si]] != query[0])
            continue;
        const int end = matchFrom(key, query, 0, si);
        if (end < 0)
            continue;
        if (si > 0)
            return 2;
        return end == int(key.syllables) ? 0 : 1;
    }
    return 3;
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

    // Best rank per entry: ids (codes) first, then every name and alias.
    std::vector<quint8> best(m_entries.size(), 3);
    if (asciiQuery) {
        for (size_t i = 0; i < m_entries.size(); ++i)
            best[i] = quint8(textRank(m_text.data() + m_entries[i].idOffset, m_entries[i].idLength, text));
    }
    const char *texts = m_text.data();
    for (const Key &k : m_keys) {
        quint8 &b = best[k.entry];
        if (b == 0)
            continue;
        if (!asciiQuery || k.hasAscii)
            b = std::min(b, quint8(textRank(texts + k.textOffset, k.textLength, text)));
        if (pinyinQuery && b > 0 && (k.initials & firstInitial)) {
            const PinyinView view {m_pinyin.data() + k.pinyinOffset, m_starts.data() + k.firstStart, k.syllables};
            b = std::min(b, quint8(pinyinRank(view, letters)));
        }
    }

    // (rank << 60 | entry order) for every match; the order packs kind, name length and id.
    std::vector<std::pair<quint64, quint32>> found;
    for (size_t i = 0; i < best.size(); ++i) {
        if (best[i] < 3)
            found.emplace_back((quint64(best[i]) << 60) | m_entries[i].order, quint32(i));
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
