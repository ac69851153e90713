#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/scan/Page.h"
#include "onewindow/scan/PageNormaliser.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

namespace ow::store {
class BlobStore;
}

namespace ow::scan {

// The pages collected for each material of a case, before they become that material's PDF:
// added normalised, reordered, turned and deleted by the clerk, then stored.
class MaterialPages
{
    Q_DECLARE_TR_FUNCTIONS(MaterialPages)

public:
    struct Stored
    {
        QString sha256;
        int pageCount = 0;
        qint64 bytes = 0;
    };

    // Normalises and appends pages to a material.
    void add(const QString &materialId, const Pages &pages, const PageNormaliser::Options &options = {});
    // Appends pages as they are (already normalised, e.g. on a worker thread).
    void append(const QString &materialId, const Pages &pages);
    const Pages &pages(const QString &materialId) const;
    QStringList materials() const;
    int count(const QString &materialId) const { return int(pages(materialId).size()); }

    bool move(const QString &materialId, int from, int to);
    // Quarter turns clockwise (negative: anticlockwise).
    bool rotate(const QString &materialId, int index, int quarterTurns);
    bool remove(const QString &materialId, int index);
    void clear() { m_pages.clear(); }

    // The material's pages as one PDF in the blob store.
    [[nodiscard]] Result<Stored> store(const QString &materialId, const QString &title, store::BlobStore &blobs) const;

private:
    QHash<QString, Pages> m_pages;
    QStringList m_order;
};

} // namespace ow::scan
