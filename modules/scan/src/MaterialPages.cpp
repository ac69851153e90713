#include "onewindow/scan/MaterialPages.h"

#include "onewindow/scan/PdfAssembler.h"
#include "onewindow/store/BlobStore.h"

#include <QTransform>

namespace ow::scan {

void MaterialPages::add(const QString &materialId, const Pages &pages, const PageNormaliser::Options &options)
{
    Pages normalised;
    for (const Page &p : pages)
        normalised.append(PageNormaliser::normalise(p, options));
    append(materialId, normalised);
}

void MaterialPages::append(const QString &materialId, const Pages &pages)
{
    if (pages.isEmpty())
        return;
    if (!m_order.contains(materialId))
        m_order.append(materialId);
    m_pages[materialId].append(pages);
}

const Pages &MaterialPages::pages(const QString &materialId) const
{
    static const Pages none;
    const auto it = m_pages.constFind(materialId);
    return it == m_pages.constEnd() ? none : it.value();
}

QStringList MaterialPages::materials() const
{
    QStringList out;
    for (const QString &id : m_order) {
        if (!pages(id).isEmpty())
            out.append(id);
    }
    return out;
}

bool MaterialPages::move(const QString &materialId, int from, int to)
{
    const auto it = m_pages.find(materialId);
    if (it == m_pages.end() || from < 0 || to < 0 || from >= it->size() || to >= it->size())
        return false;
    it->move(from, to);
    return true;
}

bool MaterialPages::rotate(const QString &materialId, int index, int quarterTurns)
{
    const auto it = m_pages.find(materialId);
    if (it == m_pages.end() || index < 0 || index >= it->size())
        return false;
    Page &p = (*it)[index];
    const int turns = ((quarterTurns % 4) + 4) % 4;
    if (turns == 0)
        return true;
    const QImage before = p.image;
    p.image = before.transformed(QTransform().rotate(90.0 * turns));
    if (before.depth() == 1) // keep the black/white colour table the PDF writer stores as 1-bit
        p.image.setColorTable(before.colorTable());
    p.image.setDotsPerMeterX(before.dotsPerMeterX());
    p.image.setDotsPerMeterY(before.dotsPerMeterY());
    return true;
}

bool MaterialPages::remove(const QString &materialId, int index)
{
    const auto it = m_pages.find(materialId);
    if (it == m_pages.end() || index < 0 || index >= it->size())
        return false;
    it->removeAt(index);
    return true;
}

Result<MaterialPages::Stored> MaterialPages::store(
    const QString &materialId, const QString &title, store::BlobStore &blobs) const
{
    const Pages &list = pages(materialId);
    if (list.isEmpty())
        return Result<Stored>::failure(tr("No pages have been scanned for this material."));
    const auto pdf = PdfAssembler::assemble(list, title);
    if (!pdf)
        return Result<Stored>::failure(pdf.error());
    const auto sha = blobs.put(pdf.value());
    if (!sha)
        return Result<Stored>::failure(sha.error());
    return Stored {sha.value(), int(list.size()), qint64(pdf->size())};
}

} // namespace ow::scan
