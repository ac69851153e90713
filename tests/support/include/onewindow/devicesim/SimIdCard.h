#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace ow::devicesim {

// The content of one simulated second-generation ID card, as the SAM module reads it: the
// 256-byte UCS-2 text block (fields at the offsets of the published tables, space padded), the
// 1024-byte WLT photo, an optional 1024-byte fingerprint block and an optional appended address.
// Written independently of the driver's decoder, so the tests compare two implementations.
struct SimIdCard
{
    enum class Type { Resident, ForeignPermanent, Foreign2023, HkMacaoTaiwan };
    // The demo cards a hall meets daily (demo(Demo)).
    enum class Demo {
        Resident, // 王小明, male, valid to 2040
        ResidentFemale, // 林晓燕, female, long-term
        ResidentExpired, // 赵建国, ended 2024-01-01
        ForeignPermanent, // 'I' 2017, SMITH, JOHN
        Foreign2023, // 'Y', 马丁 / MARTIN, MARIE …
        HkMacaoTaiwan, // 'J', 李嘉欣, Hong Kong, valid to 2029
        HkMacaoTaiwanExpired, // 'J', 陈大文, ended 2024-01-01
    };

    struct Field
    {
        int offset = 0; // in bytes
        int length = 0; // in bytes (two per character)
        QString text;
    };

    Type type = Type::Resident;
    QList<Field> fields;
    QByteArray photo; // 1024 bytes
    QByteArray fingerprint; // empty or 1024 bytes
    QString appendedAddress; // empty: the card has none (SW3 0x91)
    QByteArray serialNumber; // what select answers (8 bytes); empty: derived from the ID number

    QByteArray serial() const; // 8 bytes, the same for the same card

    QByteArray textBlock() const; // 256 bytes
    QByteArray appendedAddressBlock() const; // 70 bytes
    QString field(int offset) const;

    // The demo cards: fictitious people with valid check digits. The HK/Macao/Taiwan permit is
    // expired (it ended on 2024-01-01), the others are valid until at least 2028.
    static SimIdCard demo(Type type);
    static SimIdCard demo(Demo which);
    static QList<Demo> demoCards(); // every Demo, in menu order
    static QString typeName(Type type); // "resident", "I", "Y", "J"
    // Appends the GB 11643 check character to 17 digits.
    static QString withCheckCharacter(const QString &seventeenDigits);
};

} // namespace ow::devicesim
