#pragma once

// The field conventions the decided documents share (ReceiptDocument, HandoutSlip): times with
// the offset they were issued with, the specimen mark's names, and the canonical bytes their QR's
// digest covers. Private to ow_document.

#include "onewindow/receipt/ReceiptDocument.h"

#include "onewindow/core/Sha256.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace ow::receipt::fields {

// Keeps the wall time and the offset it was issued with, so a reprint shows the same clock time.
inline QString isoTime(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    return t.toOffsetFromUtc(t.offsetFromUtc()).toString(Qt::ISODateWithMs);
}

inline QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

inline QString specimenName(Specimen s)
{
    switch (s) {
    case Specimen::None: return QStringLiteral("none");
    case Specimen::Sample: return QStringLiteral("sample");
    case Specimen::Demo: return QStringLiteral("demo");
    }
    return {};
}

// none, sample, demo; anything else: nullopt.
inline std::optional<Specimen> specimenFromName(const QString &name)
{
    for (Specimen s : {Specimen::None, Specimen::Sample, Specimen::Demo}) {
        if (specimenName(s) == name)
            return s;
    }
    return std::nullopt;
}

// The canonical bytes of a document's JSON form: QJsonObject keeps its keys sorted, so the
// compact form is canonical.
inline QByteArray canonicalBytes(const QJsonObject &withoutQr)
{
    return QJsonDocument(withoutQr).toJson(QJsonDocument::Compact);
}

} // namespace ow::receipt::fields
