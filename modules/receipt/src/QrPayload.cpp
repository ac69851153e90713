#include "onewindow/receipt/QrPayload.h"

#include <QStringList>

namespace ow::receipt {

namespace {

constexpr QLatin1String kMagic("OW1");
constexpr QLatin1String kKinds("RNTF");

bool cleanField(const QString &s)
{
    return !s.isEmpty() && !s.contains(u';') && !s.contains(u'=');
}

} // namespace

QByteArray QrPayload::signedPart() const
{
    return QStringLiteral("%1;k=%2;c=%3;n=%4;d=%5;w=%6")
        .arg(kMagic, QString(kind), caseId, caseNumber, issued.toString(QStringLiteral("yyyyMMdd")), keyId)
        .toUtf8();
}

QString QrPayload::encode() const
{
    return QString::fromUtf8(
        signedPart() + ";s=" + signature.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<QrPayload> QrPayload::parse(const QString &text)
{
    using R = Result<QrPayload>;
    const QStringList parts = text.trimmed().split(u';');
    if (parts.isEmpty() || parts.first() != kMagic)
        return R::failure(tr("This QR code is not a OneWindow receipt or notice."));
    const QStringList keys = {QStringLiteral("k"), QStringLiteral("c"), QStringLiteral("n"), QStringLiteral("d"),
        QStringLiteral("w"), QStringLiteral("s")};
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
    const auto decoded = QByteArray::fromBase64Encoding(
        values.at(5).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 64)
        return R::failure(tr("The signature in the QR code is damaged."));
    pl.signature = decoded.decoded;
    // Re-encoding must give back the same text: anything else was altered in transit.
    if (pl.encode() != text.trimmed())
        return R::failure(tr("The QR code is not in canonical form; it may have been altered."));
    return pl;
}

} // namespace ow::receipt
