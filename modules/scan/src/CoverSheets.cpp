#include "onewindow/scan/CoverSheets.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ow::scan {

namespace {

bool isMaterialId(const QString &id)
{
    if (id.isEmpty() || id.size() > 80)
        return false;
    for (const QChar c : id) {
        if (!(c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'.'))
            return false;
    }
    return true;
}

} // namespace

Result<CoverSheets> CoverSheets::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Result<CoverSheets>::failure(
            tr("The cover-sheet rules are not valid JSON: %1").arg(error.errorString()));
    const QJsonObject o = doc.object();
    CoverSheets rules;
    if (o.contains(QLatin1String("prefix"))) {
        if (!o.value(QLatin1String("prefix")).isString())
            return Result<CoverSheets>::failure(tr("The cover-sheet \"prefix\" must be text."));
        rules.m_prefix = o.value(QLatin1String("prefix")).toString();
    }
    const QJsonObject codes = o.value(QLatin1String("codes")).toObject();
    for (auto it = codes.begin(); it != codes.end(); ++it) {
        const QString material = it.value().toString();
        if (it.key().isEmpty() || !isMaterialId(material))
            return Result<CoverSheets>::failure(
                tr("The cover-sheet code \"%1\" names no valid material.").arg(it.key()));
        rules.m_codes.insert(it.key(), material);
    }
    return rules;
}

std::optional<QString> CoverSheets::materialFor(const QString &barcodeText) const
{
    const auto it = m_codes.constFind(barcodeText);
    if (it != m_codes.constEnd())
        return it.value();
    if (!m_prefix.isEmpty() && barcodeText.startsWith(m_prefix)) {
        const QString id = barcodeText.mid(m_prefix.size()).trimmed();
        if (isMaterialId(id))
            return id;
    }
    return std::nullopt;
}

QList<CoverSheets::Batch> CoverSheets::split(const Pages &pages, const QList<QList<Barcode>> &barcodes) const
{
    QList<Batch> batches;
    for (qsizetype i = 0; i < pages.size(); ++i) {
        std::optional<QString> cover;
        if (i < barcodes.size()) {
            for (const Barcode &b : barcodes.at(i)) {
                cover = materialFor(b.text);
                if (cover)
                    break;
            }
        }
        if (cover) {
            batches.append(Batch {*cover, {}});
            continue;
        }
        if (batches.isEmpty())
            batches.append(Batch {});
        batches.last().pages.append(pages.at(i));
    }
    return batches;
}

} // namespace ow::scan
