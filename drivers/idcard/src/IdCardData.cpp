#include "onewindow/idcard/IdCardData.h"

#include "onewindow/core/Masking.h"

#include <QStringList>

namespace ow::idcard {

bool IdCardData::isExpired(const QDate &today) const
{
    if (longTerm || !validUntil.isValid())
        return false;
    return validUntil < today;
}

QString nationNameForCode(const QString &code)
{
    // GB 3304-1991 (data values, not UI text).
    static const char16_t *const names[] = {u"汉", u"蒙古", u"回", u"藏", u"维吾尔", u"苗", u"彝", u"壮", u"布依",
        u"朝鲜", u"满", u"侗", u"瑶", u"白", u"土家", u"哈尼", u"哈萨克", u"傣", u"黎", u"傈僳", u"佤", u"畲", u"高山",
        u"拉祜", u"水", u"东乡", u"纳西", u"景颇", u"柯尔克孜", u"土", u"达斡尔", u"仫佬", u"羌", u"布朗", u"撒拉",
        u"毛南", u"仡佬", u"锡伯", u"阿昌", u"普米", u"塔吉克", u"怒", u"乌孜别克", u"俄罗斯", u"鄂温克", u"德昂",
        u"保安", u"裕固", u"京", u"塔塔尔", u"独龙", u"鄂伦春", u"赫哲", u"门巴", u"珞巴", u"基诺"};
    bool ok = false;
    const int n = code.toInt(&ok);
    if (!ok || code.size() != 2)
        return {};
    if (n >= 1 && n <= 56)
        return QString::fromUtf16(names[n - 1]);
    if (n == 97)
        return QStringLiteral("其他");
    if (n == 98)
        return QStringLiteral("外国血统中国籍人士");
    return {};
}

QString IdCardData::nationName() const
{
    return nationNameForCode(nationCode);
}

QString IdCardData::foreignerCardAuthority(const QDate &issued)
{
    if (!issued.isValid())
        return {};
    // The National Immigration Administration took the cards over when it was set up.
    return issued < QDate(2018, 4, 2) ? QStringLiteral("中华人民共和国公安部") : QStringLiteral("国家移民管理局");
}

QString IdCardData::typeCode() const
{
    switch (type) {
    case CardType::Resident: return QStringLiteral("resident");
    case CardType::ForeignPermanent: return QStringLiteral("I");
    case CardType::ForeignPermanent2023: return QStringLiteral("Y");
    case CardType::HkMacaoTaiwan: return QStringLiteral("J");
    }
    return {};
}

IdCardData IdCardData::masked() const
{
    IdCardData m = *this;
    m.name = masking::name(name);
    // Word by word, so that a long name still wraps on a narrow screen ("M***** M**** C*****").
    QStringList words = englishName.split(u' ');
    for (QString &w : words)
        w = masking::middle(w, 1, 0);
    m.englishName = words.join(u' ');
    m.idNumber = masking::idNumber(idNumber); // the same rule as everywhere else
    m.address = masking::middle(address, 6, 0);
    m.appendedAddress = masking::middle(appendedAddress, 6, 0);
    m.passNumber = masking::middle(passNumber, 1, 2);
    m.birthDate = QDate();
    m.photoWlt.clear();
    m.fingerprint.clear();
    return m;
}

} // namespace ow::idcard
