#pragma once

#include <QByteArray>
#include <QDate>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace ow::idcard {

// The four layouts of the 256-byte text block, told apart by the character at offset 248.
enum class CardType {
    Resident, // 居民身份证 (space or 0 at 248)
    ForeignPermanent, // 外国人永久居留身份证, 2017 format ('I')
    ForeignPermanent2023, // 外国人永久居留身份证, 2023 format ('Y')
    HkMacaoTaiwan, // 港澳台居民居住证 ('J')
};

enum class Gender { Unknown, Male, Female };

// What one card holds, decoded. Personal information: mask it on screen (masked()), keep it out
// of logs.
struct IdCardData
{
    CardType type = CardType::Resident;
    QString name; // the Chinese name (all types; 'I' cards may leave it empty)
    QString englishName; // 'I' and 'Y'
    Gender gender = Gender::Unknown;
    QString genderCode; // '1', '2' (GB/T 2261.1) as on the card
    QString nationCode; // resident only: 2 digits (GB 3304)
    QString nationality; // 'I' and 'Y': GB/T 2659 alpha-3, e.g. "USA"
    QDate birthDate;
    QString address; // resident and 'J'
    QString idNumber; // 18 characters; for 'I' the 15-character permit number
    // The issuing authority: as on the card (resident, 'J'); for foreigners' cards ('I', 'Y'),
    // which carry none, the national authority of the issue date (the Ministry of Public Security
    // before 2018-04-02, the National Immigration Administration from then on).
    QString authority;
    QString acceptingAuthorityCode; // 'I': the 4-digit accepting-authority code at offset 240
    QDate validFrom;
    QDate validUntil; // invalid when longTerm
    bool longTerm = false; // "长期"
    QString passNumber; // 'J': the 9-character pass number
    QString issueCount; // 'J': how many times issued
    QString renewalCount; // 'Y'
    QString cardVersion; // 'I'
    QString appendedAddress; // from command 0x30 0x03, empty if none
    QByteArray photoWlt; // the 1024-byte WLT photo, raw (needs a licensed decoder, see WltDecoder)
    QByteArray fingerprint; // the 1024-byte fingerprint block, empty when not read
    // What is wrong with the card's data, for the clerk to see: a number failing its check
    // (GB 11643), an impossible date, characters removed from a field. Empty for a sound card.
    QStringList warnings;
    // The number fails its check (GB 11643 for 18-digit numbers, the format for 'I' permits):
    // the card must not be used for an acceptance.
    bool numberInvalid = false;

    // Ended before `today` (a long-term card never expires).
    bool isExpired(const QDate &today) const;
    // The nation's name for the resident card's code ("汉", …), empty if unknown.
    QString nationName() const;
    // The national authority that issues foreigners' permanent residence cards on `issued`:
    // 中华人民共和国公安部 before 2018-04-02, 国家移民管理局 from then on (data, not UI text).
    static QString foreignerCardAuthority(const QDate &issued);
    // The card type as a short code: "resident", "I", "Y", "J".
    QString typeCode() const;
    // A copy safe to show by default: name, numbers, address and dates of birth masked, photo and
    // fingerprint dropped.
    IdCardData masked() const;
};

// The GB 3304 names of the 56 nations plus 97/98; empty for unknown codes.
QString nationNameForCode(const QString &code);

} // namespace ow::idcard

Q_DECLARE_METATYPE(ow::idcard::IdCardData)
