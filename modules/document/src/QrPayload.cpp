#include "onewindow/receipt/QrPayload.h"

#include "onewindow/receipt/HandoutSlip.h"
#include "onewindow/receipt/ReceiptDocument.h"

#include <QStringList>

namespace ow::receipt {

namespace {

constexpr QLatin1String kMagic("OW2");
constexpr QLatin1String kKinds("RNTFHD");

bool cleanField(const QString &s)
{
    return !s.isEmpty() && !s.contains(u';') && !s.contains(u'=');
}

QString b64url(const QByteArray &raw)
{
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QByteArray> unb64url(const QString &text, qsizetype size)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != size)
        return std::nullopt;
    return decoded.decoded;
}

} // namespace

QrPayload QrPayload::forDocument(const ReceiptDocument &doc, const QString &keyId)
{
    QrPayload p;
    p.kind = ReceiptDocument::kindCode(doc.kind);
    p.caseId = doc.caseId;
    p.caseNumber = doc.caseNumber;
    p.issued = doc.issuedAt.date();
    p.keyId = keyId;
    p.digest = doc.digest();
    return p;
}

bool QrPayload::vouchesFor(const ReceiptDocument &doc) const
{
    return kind == ReceiptDocument::kindCode(doc.kind) && caseId == doc.caseId && caseNumber == doc.caseNumber
        && issued == doc.issuedAt.date() && digest == doc.digest();
}

QrPayload QrPayload::forSlip(const HandoutSlip &slip, const QString &keyId)
{
    QrPayload p;
    p.kind = HandoutSlip::kindCode(slip.kind);
    p.caseId = slip.caseId;
    p.caseNumber = slip.caseNumber;
    p.issued = slip.issuedAt.date();
    p.keyId = keyId;
    p.digest = slip.digest();
    return p;
}

bool QrPayload::vouchesFor(const HandoutSlip &slip) const
{
    return kind == HandoutSlip::kindCode(slip.kind) && caseId == slip.caseId && caseNumber == slip.caseNumber
        && issued == slip.issuedAt.date() && digest == slip.digest();
}

QByteArray QrPayload::signedPart() const
{
    return QStringLiteral("%1;k=%2;c=%3;n=%4;d=%5;w=%6;h=%7")
        .arg(kMagic, QString(kind), caseId, caseNumber, issued.toString(QStringLiteral("yyyyMMdd")), keyId,
            b64url(digest))
        .toUtf8();
}

QString QrPayload::encode() const
{
    return QString::fromUtf8(signedPart()) + QStringLiteral(";s=") + b64url(signature);
}

Result<QrPayload> QrPayload::parse(const QString &text)
{
    using R = Result<QrPayload>;
    const QStringList parts = text.trimmed().split(u';');
    if (!parts.isEmpty() && parts.first() == QLatin1String("OW1"))
        return R::failure(tr("This QR code is of the first OneWindow format, which does not cover the whole "
                             "document; look the case up by its number instead."));
    if (parts.isEmpty() || parts.first() != kMagic)
        return R::failure(tr("This QR code is not a OneWindow receipt or notice."));
    const QStringList keys = {QStringLiteral("k"), QStringLiteral("c"), QStringLiteral("n"), QStringLiteral("d"),
        QStringLiteral("w"), QStringLiteral("h"), QStringLiteral("s")};
    if (parts.size() != keys.size() + 1)
        return R::failure(tr("The QR code is incomplete or has extra fields."));
    QStringList values;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QString &p = parts.at(i + 1);
        const QString prefix = keys.at(i) + u'=';
        if (!p.startsWith(prefix) || !cleanField(p.mid(prefix.size())))
            return R::failure(tr("Field \"%1\" of the QR code is missing or malformed.").arg(keys.at(i)));
        values << p.mid(prefix.size());
    }
    QrPayload pl;
    if (values.at(0).size() != 1 || !kKinds.contains(values.at(0).at(0)))
        return R::failure(tr("Unknown document kind \"%1\" in the QR code.").arg(values.at(0)));
    pl.kind = values.at(0).at(0);
    pl.caseId = values.at(1);
    pl.caseNumber = values.at(2);
    pl.issued = QDate::fromString(values.at(3), QStringLiteral("yyyyMMdd"));
    if (!pl.issued.isValid())
        return R::failure(tr("The date in the QR code is not valid."));
    pl.keyId = values.at(4);
    const auto digest = unb64url(values.at(5), 32);
    if (!digest)
        return R::failure(tr("The document digest in the QR code is damaged."));
    pl.digest = *digest;
    const auto signature = unb64url(values.at(6), 64);
    if (!signature)
        return R::failure(tr("The signature in the QR code is damaged."));
    pl.signature = *signature;
    // Re-encoding must give back the same text: anything else was altered in transit.
    if (pl.encode() != text.trimmed())
        return R::failure(tr("The QR code is not in canonical form; it may have been altered."));
    return pl;
}

} // namespace ow::receipt
