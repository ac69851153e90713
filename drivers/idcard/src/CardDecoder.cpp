#include "onewindow/idcard/CardDecoder.h"

#include "onewindow/core/IdNumber.h"

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
    return stripControls(text).trimmed();
}

QString CardDecoder::stripControls(const QString &text, int *removed)
{
    // Removed, not escaped: what a card says ends up on signed documents and at the back office,
    // where an escape like "\u202E" would become part of a name. The clerk is told instead.
    QString out;
    out.reserve(text.size());
    int dropped = 0;
    for (const QChar c : text) {
        switch (c.category()) {
        case QChar::Other_Control: // C0/C1 controls: newlines, escapes, NUL
        case QChar::Other_Format: // bidi overrides and isolates (U+202A–202E, U+2066–2069), ZWJ, BOM
        case QChar::Other_Surrogate: // UCS-2 has no surrogate pairs
        case QChar::Separator_Line:
        case QChar::Separator_Paragraph: ++dropped; break;
        default: out.append(c); break;
        }
    }
    if (removed)
        *removed = dropped;
    return out;
}

Result<IdCardData> CardDecoder::decodeText(const QByteArray &text)
{
    if (text.size() != TextSize)
        return Result<IdCardData>::failure(
            tr("The text block has %1 bytes; a card's text block has %2.").arg(text.size()).arg(TextSize));
    IdCardData card;
    const ushort flag = ushort(quint8(text.at(TypeOffset)) | (quint8(text.at(TypeOffset + 1)) << 8));
    // A text field, with what was removed from it said in the warnings.
    auto field = [&card, &text](int offset, int length, const QString &what) {
        QString raw;
        for (int i = offset; i + 1 < offset + length; i += 2)
            raw.append(QChar(char16_t(quint8(text.at(i)) | (quint8(text.at(i + 1)) << 8))));
        while (!raw.isEmpty() && (raw.back() == QLatin1Char(' ') || raw.back().isNull()))
            raw.chop(1);
        int removed = 0;
        const QString clean = stripControls(raw, &removed).trimmed();
        if (removed > 0)
            card.warnings << tr("The %1 on the card held %n control or text-direction character(s); they were "
                                "removed. Check the card against the holder.",
                nullptr, removed)
                                 .arg(what);
        return clean;
    };
    // A date field: a value that is not a calendar date is a warning, not a silent blank.
    auto dateField = [&card, &text](int offset, const QString &what) {
        const QString raw = ucs2(text, offset, 16);
        const QDate d = date(raw);
        if (!raw.isEmpty() && !d.isValid())
            card.warnings << tr("The %1 on the card is not a real date.").arg(what);
        return d;
    };
    auto validity = [&card, &text, &dateField] {
        card.validFrom = dateField(188, tr("start of validity"));
        const QString end = ucs2(text, 204, 16);
        card.longTerm = end.startsWith(QStringLiteral("长期"));
        card.validUntil = card.longTerm ? QDate() : dateField(204, tr("end of validity"));
    };
    switch (flag) {
    case 'I':
        card.type = CardType::ForeignPermanent;
        card.englishName = field(0, 120, tr("English name"));
        card.genderCode = field(120, 2, tr("gender"));
        card.idNumber = field(122, 30, tr("permit number"));
        card.nationality = field(152, 6, tr("nationality"));
        card.name = field(158, 30, tr("name"));
        validity();
        card.birthDate = dateField(220, tr("birth date"));
        card.cardVersion = field(236, 4, tr("card version"));
        // Offset 240 is the accepting authority's code, not an issuing authority: the card
        // names none, the issuer is national and follows from the issue date.
        card.acceptingAuthorityCode = field(240, 8, tr("accepting-authority code"));
        card.authority = IdCardData::foreignerCardAuthority(card.validFrom);
        break;
    case 'Y': {
        card.type = CardType::ForeignPermanent2023;
        card.name = field(0, 30, tr("name"));
        card.genderCode = field(30, 2, tr("gender"));
        card.renewalCount = field(32, 4, tr("renewal count"));
        card.birthDate = dateField(36, tr("birth date"));
        // The English name runs over two fields: 35 characters at 52, 11 more at 220.
        const QString first = field(52, 70, tr("English name"));
        card.englishName = first;
        if (const QString rest = field(220, 22, tr("English name")); !rest.isEmpty())
            card.englishName += (first.size() == 35 ? QString() : QStringLiteral(" ")) + rest;
        card.idNumber = field(122, 36, tr("ID number"));
        validity();
        card.nationality = field(242, 6, tr("nationality"));
        card.authority = IdCardData::foreignerCardAuthority(card.validFrom);
        break;
    }
    case 'J':
        card.type = CardType::HkMacaoTaiwan;
        card.name = field(0, 30, tr("name"));
        card.genderCode = field(30, 2, tr("gender"));
        card.birthDate = dateField(36, tr("birth date"));
        card.address = field(52, 70, tr("address"));
        card.idNumber = field(122, 36, tr("ID number"));
        card.authority = field(158, 30, tr("issuing authority"));
        validity();
        card.passNumber = field(220, 18, tr("pass number"));
        card.issueCount = field(238, 4, tr("issue count"));
        break;
    case ' ':
    case 0:
        card.type = CardType::Resident;
        card.name = field(0, 30, tr("name"));
        card.genderCode = field(30, 2, tr("gender"));
        card.nationCode = field(32, 4, tr("nation"));
        card.birthDate = dateField(36, tr("birth date"));
        card.address = field(52, 70, tr("address"));
        card.idNumber = field(122, 36, tr("ID number"));
        card.authority = field(158, 30, tr("issuing authority"));
        validity();
        break;
    default:
        return Result<IdCardData>::failure(
            tr("Unknown card type mark U+%1 at offset 248.").arg(flag, 4, 16, QLatin1Char('0')));
    }
    card.gender = genderOf(card.genderCode);
    if (card.idNumber.isEmpty())
        return Result<IdCardData>::failure(tr("The card's text block holds no ID number."));
    checkSanity(card);
    return card;
}

void CardDecoder::checkSanity(IdCardData &card)
{
    if (card.type == CardType::ForeignPermanent) {
        // The 2017 permit number: a 3-letter nationality code and 12 digits.
        const QString &n = card.idNumber;
        bool ok = n.size() == 15;
        for (int i = 0; ok && i < n.size(); ++i)
            ok = i < 3 ? (n.at(i) >= u'A' && n.at(i) <= u'Z') : n.at(i).isDigit();
        if (!ok) {
            card.numberInvalid = true;
            card.warnings << tr("The card's permit number is not 3 letters and 12 digits: the card is damaged or "
                                "not genuine. Do not accept it; ask for another document.");
        }
    } else {
        const auto id = IdNumber::parse(card.idNumber);
        if (!id) {
            card.numberInvalid = true;
            card.warnings << tr("The card's ID number fails the GB 11643 check: %1 The card is damaged or not "
                                "genuine; do not accept it, ask for another document.")
                                 .arg(id.error());
        } else if (card.birthDate.isValid() && id->birthDate() != card.birthDate) {
            card.warnings << tr("The birth date on the card differs from the one in its ID number.");
        } else if (card.gender != Gender::Unknown
            && (id->gender() == IdNumber::Gender::Male) != (card.gender == Gender::Male)) {
            card.warnings << tr("The gender on the card differs from the one in its ID number.");
        }
    }
    if (!card.birthDate.isValid())
        card.warnings << tr("The card holds no valid birth date.");
    else if (card.validFrom.isValid() && card.birthDate > card.validFrom)
        card.warnings << tr("The birth date on the card is after the card's issue date.");
    if (!card.validFrom.isValid() || (!card.longTerm && !card.validUntil.isValid()))
        card.warnings << tr("The card's validity cannot be read: check the dates printed on the card.");
    else if (!card.longTerm && card.validUntil <= card.validFrom)
        card.warnings << tr("The card's validity ends before it starts.");
    card.warnings.removeDuplicates();
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
