#include "onewindow/devicesim/SimIdCard.h"

#include <QCryptographicHash>

namespace ow::devicesim {

namespace {

void put(QByteArray &block, int offset, int length, const QString &text)
{
    for (int i = 0; i + 1 < length; i += 2) {
        const int c = i / 2;
        const ushort u = c < text.size() ? text.at(c).unicode() : ushort(' ');
        block[offset + i] = char(u & 0xFF);
        block[offset + i + 1] = char(u >> 8);
    }
}

QByteArray pattern(int size, quint8 seed)
{
    QByteArray bytes(size, '\0');
    quint32 x = 0x9E3779B9u ^ seed;
    for (int i = 0; i < size; ++i) {
        x = x * 1664525u + 1013904223u;
        bytes[i] = char(x >> 24);
    }
    return bytes;
}

} // namespace

QByteArray SimIdCard::textBlock() const
{
    QByteArray block(256, '\0');
    put(block, 0, 256, QString());
    for (const Field &f : fields)
        put(block, f.offset, f.length, f.text);
    return block;
}

QByteArray SimIdCard::appendedAddressBlock() const
{
    QByteArray block(70, '\0');
    put(block, 0, 70, appendedAddress);
    return block;
}

QByteArray SimIdCard::serial() const
{
    if (!serialNumber.isEmpty())
        return serialNumber.leftJustified(8, '\0', true);
    // A card's chip serial is its own; here it follows from the number (and the name, so that
    // two demo cards never share one).
    return QCryptographicHash::hash((field(122) + field(0)).toUtf8(), QCryptographicHash::Sha256).left(8);
}

QList<SimIdCard::Demo> SimIdCard::demoCards()
{
    return {Demo::Resident, Demo::ResidentFemale, Demo::ResidentExpired, Demo::ForeignPermanent, Demo::Foreign2023,
        Demo::HkMacaoTaiwan, Demo::HkMacaoTaiwanExpired};
}

SimIdCard SimIdCard::demo(Demo which)
{
    switch (which) {
    case Demo::Resident: return demo(Type::Resident);
    case Demo::ForeignPermanent: return demo(Type::ForeignPermanent);
    case Demo::Foreign2023: return demo(Type::Foreign2023);
    case Demo::HkMacaoTaiwanExpired: return demo(Type::HkMacaoTaiwan);
    case Demo::ResidentFemale: {
        SimIdCard card = demo(Type::Resident);
        card.fields = {
            {0, 30, QStringLiteral("林晓燕")},
            {30, 2, QStringLiteral("2")},
            {32, 4, QStringLiteral("01")},
            {36, 16, QStringLiteral("19680914")},
            {52, 70, QStringLiteral("浙江省杭州市拱墅区莫干山路50号")},
            {122, 36, withCheckCharacter(QStringLiteral("33010519680914004"))},
            {158, 30, QStringLiteral("杭州市公安局拱墅分局")},
            {188, 16, QStringLiteral("20150320")},
            {204, 16, QStringLiteral("长期")},
        };
        card.fingerprint.clear();
        card.appendedAddress.clear();
        return card;
    }
    case Demo::ResidentExpired: {
        SimIdCard card = demo(Type::Resident);
        card.fields = {
            {0, 30, QStringLiteral("赵建国")},
            {30, 2, QStringLiteral("1")},
            {32, 4, QStringLiteral("01")},
            {36, 16, QStringLiteral("19750618")},
            {52, 70, QStringLiteral("浙江省杭州市上城区清泰街66号")},
            {122, 36, withCheckCharacter(QStringLiteral("33010219750618005"))},
            {158, 30, QStringLiteral("杭州市公安局上城分局")},
            {188, 16, QStringLiteral("20040101")},
            {204, 16, QStringLiteral("20240101")},
        };
        card.fingerprint.clear();
        card.appendedAddress.clear();
        return card;
    }
    case Demo::HkMacaoTaiwan: {
        SimIdCard card = demo(Type::HkMacaoTaiwan);
        card.fields = {
            {0, 30, QStringLiteral("李嘉欣")},
            {30, 2, QStringLiteral("2")},
            {36, 16, QStringLiteral("19900816")},
            {52, 70, QStringLiteral("浙江省杭州市滨江区江南大道3号")},
            {122, 36, withCheckCharacter(QStringLiteral("81000019900816006"))},
            {158, 30, QStringLiteral("杭州市公安局")},
            {188, 16, QStringLiteral("20240301")},
            {204, 16, QStringLiteral("20290301")},
            {220, 18, QStringLiteral("H87654321")},
            {238, 4, QStringLiteral("02")},
            {248, 2, QStringLiteral("J")},
        };
        return card;
    }
    }
    return demo(Type::Resident);
}

QString SimIdCard::field(int offset) const
{
    for (const Field &f : fields) {
        if (f.offset == offset)
            return f.text;
    }
    return {};
}

QString SimIdCard::withCheckCharacter(const QString &digits)
{
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17 && i < digits.size(); ++i)
        sum += digits.at(i).digitValue() * weights[i];
    static const char checks[] = "10X98765432";
    return digits.left(17) + QLatin1Char(checks[sum % 11]);
}

QString SimIdCard::typeName(Type type)
{
    switch (type) {
    case Type::Resident: return QStringLiteral("resident");
    case Type::ForeignPermanent: return QStringLiteral("I");
    case Type::Foreign2023: return QStringLiteral("Y");
    case Type::HkMacaoTaiwan: return QStringLiteral("J");
    }
    return {};
}

SimIdCard SimIdCard::demo(Type type)
{
    SimIdCard card;
    card.type = type;
    switch (type) {
    case Type::Resident:
        card.fields = {
            {0, 30, QStringLiteral("王小明")},
            {30, 2, QStringLiteral("1")},
            {32, 4, QStringLiteral("01")},
            {36, 16, QStringLiteral("19900307")},
            {52, 70, QStringLiteral("浙江省杭州市西湖区文三路100号")},
            {122, 36, withCheckCharacter(QStringLiteral("33010619900307001"))},
            {158, 30, QStringLiteral("杭州市公安局西湖分局")},
            {188, 16, QStringLiteral("20200101")},
            {204, 16, QStringLiteral("20400101")},
        };
        card.fingerprint = pattern(1024, 7);
        card.appendedAddress = QStringLiteral("浙江省杭州市拱墅区湖墅南路1号");
        break;
    case Type::ForeignPermanent:
        card.fields = {
            {0, 120, QStringLiteral("SMITH, JOHN")},
            {120, 2, QStringLiteral("1")},
            {122, 30, QStringLiteral("USA310080215001")},
            {152, 6, QStringLiteral("USA")},
            {158, 30, QStringLiteral("史密斯")},
            {188, 16, QStringLiteral("20180601")},
            {204, 16, QStringLiteral("20280601")},
            {220, 16, QStringLiteral("19800215")},
            {236, 4, QStringLiteral("17")},
            {240, 8, QStringLiteral("1500")},
            {248, 2, QStringLiteral("I")},
        };
        break;
    case Type::Foreign2023:
        card.fields = {
            {0, 30, QStringLiteral("马丁")},
            {30, 2, QStringLiteral("2")},
            {32, 4, QStringLiteral("00")},
            {36, 16, QStringLiteral("19920512")},
            {52, 70, QStringLiteral("MARTIN, MARIE CLAIRE ANNE LOUISE")},
            {122, 36, withCheckCharacter(QStringLiteral("93325019920512002"))},
            {188, 16, QStringLiteral("20230601")},
            {204, 16, QStringLiteral("20330601")},
            {220, 22, QStringLiteral("DUPONT")},
            {242, 6, QStringLiteral("FRA")},
            {248, 2, QStringLiteral("Y")},
        };
        break;
    case Type::HkMacaoTaiwan:
        card.fields = {
            {0, 30, QStringLiteral("陈大文")},
            {30, 2, QStringLiteral("1")},
            {36, 16, QStringLiteral("19850720")},
            {52, 70, QStringLiteral("浙江省杭州市上城区解放路8号")},
            {122, 36, withCheckCharacter(QStringLiteral("81000019850720003"))},
            {158, 30, QStringLiteral("杭州市公安局")},
            {188, 16, QStringLiteral("20190101")},
            {204, 16, QStringLiteral("20240101")},
            {220, 18, QStringLiteral("H12345678")},
            {238, 4, QStringLiteral("01")},
            {248, 2, QStringLiteral("J")},
        };
        break;
    }
    card.photo = pattern(1024, quint8(int(type) + 1));
    card.photo[0] = 'W';
    card.photo[1] = 'L';
    return card;
}

} // namespace ow::devicesim
