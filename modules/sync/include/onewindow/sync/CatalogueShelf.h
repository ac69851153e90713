#pragma once

#include "onewindow/core/Result.h"

#include <QCoreApplication>
#include <QString>

namespace ow::sync {

// The catalogues the back office sent, kept as versioned files in the window's data dir
// (<dataDir>/catalogues/<version>.json, never rewritten) with the one new cases use named in
// <dataDir>/catalogues/current. Open cases are not affected: a case pins the catalogue it was
// started with (its version and sha256, the bytes kept in the store), whatever comes later.
// Only files: safe to use from any thread, before the store is open.
class CatalogueShelf
{
    Q_DECLARE_TR_FUNCTIONS(CatalogueShelf)

public:
    explicit CatalogueShelf(const QString &dataDir);

    // The catalogue file new cases should use: the newest one the back office sent, or
    // `fallback` (e.g. Catalog::builtinPath()) when it sent none yet.
    QString forNewCases(const QString &fallback) const;
    // The version and sha256 of that newest one ("" when none).
    QString currentVersion() const;
    QString currentSha256() const;

    // Checks `content` completely (Catalog::fromJson) and that its SHA-256 is `sha256`, keeps it
    // as catalogues/<version>.json and makes it the one for new cases. Returns the file's path.
    // Slow for a large catalogue (it is parsed): call it off the GUI thread.
    [[nodiscard]] Result<QString> add(const QByteArray &content, const QString &sha256) const;

    QString directory() const { return m_dir; }

private:
    QString m_dir;
};

} // namespace ow::sync
