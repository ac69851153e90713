#pragma once

#include "onewindow/catalog/Catalog.h"
#include "onewindow/core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace ow {

// A catalogue parsed and validated once, kept as a binary file beside the client's data and
// keyed by the SHA-256 of the catalogue's JSON: the next start reads the JSON's bytes, hashes
// them (OpenSSL) and loads the binary form (no JSON parse, no validation, no condition parsing)
// instead of 10,000 matters of JSON. A missing, stale (other SHA-256), truncated or corrupt
// cache file is simply rebuilt from the JSON: it is never trusted without its own digest.
//
// File: "OWCATBIN" magic, format (u32), the JSON's SHA-256, the payload's length and SHA-256,
// then the payload (every field of every entry, strings as UTF-16, conditions as their nodes).
// Bump kFormat whenever Catalog or one of its entry structs changes.
class CatalogCache
{
    Q_DECLARE_TR_FUNCTIONS(CatalogCache)

public:
    static constexpr quint32 kFormat = 2; // 2: matter groups

    enum class Source { Cache, Json };
    struct Loaded
    {
        Catalog catalog;
        Source source = Source::Json;
        // Why the JSON was parsed (no cache yet, corrupt cache, …) or why the cache could not be
        // written; empty when the cache was used. For the log: it names no personal data.
        QString note;
    };

    // `directory` holds the cache files (created when needed), e.g. <data dir>/cache.
    explicit CatalogCache(QString directory);

    // The catalogue at `path` (a file or a Qt resource): from the cache when it has this
    // catalogue's SHA-256 and is intact, else parsed from the JSON (and the cache written for the
    // next time, replacing older cache files). Fails only when the JSON cannot be read or is
    // not a valid catalogue (Catalog::fromJson's errors).
    [[nodiscard]] Result<Loaded> load(const QString &path) const;

    // The cache file for a catalogue with this SHA-256 (hex).
    QString fileFor(const QString &sha256) const;
    const QString &directory() const { return m_directory; }

    // The cache file's bytes for a validated catalogue.
    [[nodiscard]] static QByteArray encode(const Catalog &catalog);
    // The catalogue back from a cache file: checks the header, that the file is for `source`
    // (the JSON bytes, SHA-256 `sha256` in hex) and the payload's digest, then decodes it with
    // every count, index and enum bounds-checked. Never crashes on any input (fuzzed:
    // tests/fuzz/fuzz_catalogcache.cpp); a failure says what is wrong.
    [[nodiscard]] static Result<Catalog> decode(
        const QByteArray &cache, const QByteArray &source, const QString &sha256);
    // The payload alone, digest unchecked (what decode() runs after the checks; for the fuzzer).
    [[nodiscard]] static Result<Catalog> decodePayload(QByteArrayView payload);

private:
    QString m_directory;
};

} // namespace ow
