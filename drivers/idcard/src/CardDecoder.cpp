#include "onewindow/idcard/CardDecoder.h"

namespace ow::idcard {

namespace {

QDate date(const QString &text)
{
    return QDate::fromString(text, QStringLiteral("yyyyMMdd"));
}

Gender genderOf(const QString &code)
{
    if (code == QLatin1String("1"))
        return Gender::Male;
    if (code == QLatin1String("2"))
        return Gender::Female;
    return Gender::Unknown;
}

int be16(const QByteArray &bytes, int offset)
{
    return (quint8(bytes.at(offset)) << 8) | quint8(bytes.at(offset + 1));
}

} // namespace

QString CardDecoder::ucs2(const QByteArray &bytes, int offset, int length)
{
    QString text;
    for (int i = offset; i + 1 < offset + length && i + 1 < bytes.size(); i += 2) {
        const char16_t c = char16_t(quint8(bytes.at(i)) | (quint8(bytes.at(i + 1)) << 8));
        text.append(QChar(c));
    }
    // Fields are padded with spaces (some readers use NULs).
    while (!text.isEmpty() && (text.back() == QLatin1Char(' ') || text.back().isNull()))
        text.chop(1);
    // Control characters never belong in a field; keep a broken card from smuggling them in.
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control || c.isSurrogate())
            c = QChar(0xFFFD);
    }
    return text.trimmed();
}

Result<IdCardData> CardDecoder::decodeText(const QByteArray &text)
{
    if (text.size() != TextSize)
        return Result<IdCardData>::failure(
            tr("The text block has %1 bytes; a card's text block has %2.").arg(text.size()).arg(TextSize));
    IdCardData card;
    const ushort flag = ushort(quint8(text.at(TypeOffset)) | (quint8(text.at(TypeOffset + 1)) << 8));
    auto validity = [&card, &text] {
        card.validFrom = date(ucs2(text, 188, 16));
        const QString end = ucs2(text, 204, 16);
        card.longTerm = end.startsWith(QStringLiteral("长期"));
        card.validUntil = card.longTerm ? QDate() : date(end);
    };
    switch (flag) {
    case 'I':
        card.type = CardType::ForeignPermanent;
        card.englishName = ucs2(text, 0, 120);
        card.genderCode = ucs2(text, 120, 2);
        card.idNumber = ucs2(text, 122, 30);
        card.nationality = ucs2(text, 152, 6);
        card.name = ucs2(text, 158, 30);
        validity();
        card.birthDate = date(ucs2(text, 220, 16));
        card.cardVersion = ucs2(text, 236, 4);
        card.authority = ucs2(text, 240, 8);
        break;
    case 'Y':
        card.type = CardType::ForeignPermanent2023;
        card.name = ucs2(text, 0, 30);
        card.genderCode = ucs2(text, 30, 2);
        card.renewalCount = ucs2(text, 32, 4);
        card.birthDate = date(ucs2(text, 36, 16));
        // The English name runs over two fields: 35 characters at 52, 11 more at 220.
        card.englishName = ucs2(text, 52, 70);
        if (const QString rest = ucs2(text, 220, 22); !rest.isEmpty())
            card.englishName += (ucs2(text, 52, 70).size() == 35 ? QString() : QStringLiteral(" ")) + rest;
        card.idNumber = ucs2(text, 122, 36);
        validity();
        card.nationality = ucs2(text, 242, 6);
        break;
    case 'J':
        card.type = CardType::HkMacaoTaiwan;
        card.name = ucs2(text, 0, 30);
        card.genderCode = ucs2(text, 30, 2);
        card.birthDate = date(ucs2(text, 36, 16));
        card.address = ucs2(text, 52, 70);
        card.idNumber = ucs2(text, 122, 36);
        card.authority = ucs2(text, 158, 30);
        validity();
        card.passNumber = ucs2(text, 220, 18);
        card.issueCount = ucs2(text, 238, 4);
        break;
    case ' ':
    case 0:
        card.type = CardType::Resident;
        card.name = ucs2(text, 0, 30);
        card.genderCode = ucs2(text, 30, 2);
        card.nationCode = ucs2(text, 32, 4);
        card.birthDate = date(ucs2(text, 36, 16));
        card.address = ucs2(text, 52, 70);
        card.idNumber = ucs2(text, 122, 36);
        card.authority = ucs2(text, 158, 30);
        validity();
        break;
    default:
        return Result<IdCardData>::failure(
            tr("Unknown card type mark U+%1 at offset 248.").arg(flag, 4, 16, QLatin1Char('0')));
    }
    card.gender = genderOf(card.genderCode);
    if (card.idNumber.isEmpty())
        return Result<IdCardData>::failure(tr("The card's text block holds no ID number."));
    return card;
}

Result<IdCardData> CardDecoder::decodeReadData(const QByteArray &data)
{
    if (data.size() < 4)
        return Result<IdCardData>::failure(tr("The read answer is too short (%1 bytes).").arg(data.size()));
    const int textLength = be16(data, 0);
    const int photoLength = be16(data, 2);
    int headerSize = 4;
    int fingerLength = 0;
    if (4 + textLength + photoLength != data.size()) {
        if (data.size() >= 6) {
            fingerLength = be16(data, 4);
            headerSize = 6;
        }
        if (headerSize != 6 || 6 + textLength + photoLength + fingerLength != data.size())
            return Result<IdCardData>::failure(
                tr("The read answer's lengths (text %1, photo %2) do not add up to its %3 bytes.")
                    .arg(textLength)
                    .arg(photoLength)
                    .arg(data.size()));
    }
    if (textLength != TextSize)
        return Result<IdCardData>::failure(
            tr("The text block has %1 bytes; a card's text block has %2.").arg(textLength).arg(TextSize));
    if (photoLength != 0 && photoLength != PhotoSize)
        return Result<IdCardData>::failure(tr("The photo has %1 bytes instead of %2.").arg(photoLength).arg(PhotoSize));
    if (fingerLength != 0 && fingerLength != FingerprintSize)
        return Result<IdCardData>::failure(
            tr("The fingerprint block has %1 bytes instead of %2.").arg(fingerLength).arg(FingerprintSize));
    auto card = decodeText(data.mid(headerSize, textLength));
    if (!card)
        return card;
    card.value().photoWlt = data.mid(headerSize + textLength, photoLength);
    card.value().fingerprint = data.mid(headerSize + textLength + photoLength, fingerLength);
    return card;
}

Result<IdCardData> CardDecoder::decodeReadFrame(const QByteArray &frame)
{
    const auto response = SamCodec::parseResponse(frame);
    if (!response)
        return Result<IdCardData>::failure(response.error());
    if (response->sw3 != SamCodec::SwOk)
        return Result<IdCardData>::failure(tr("The reader answered SW3 0x%1: %2")
                                               .arg(response->sw3, 2, 16, QLatin1Char('0'))
                                               .arg(SamCodec::statusText(response->sw3)));
    return decodeReadData(response->data);
}

QString CardDecoder::decodeAppendedAddress(const QByteArray &block)
{
    return ucs2(block, 0, qMin(int(block.size()), AppendedAddressSize));
}

} // namespace ow::idcard
