#include "onewindow/core/IdNumber.h"

#include <array>

namespace ow {

namespace {

constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char kCheckChars[] = "10X98765432";

bool allDigits(QStringView s)
{
    for (QChar c : s) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

// Province-level prefixes of GB/T 2260, plus 71 (Taiwan), 81/82/83 (permits) and 9x (foreigners).
bool knownProvince(int code)
{
    switch (code) {
    case 11:
    case 12:
    case 13:
    case 14:
    case 15:
    case 21:
    case 22:
    case 23:
    case 31:
    case 32:
    case 33:
    case 34:
    case 35:
    case 36:
    case 37:
    case 41:
    case 42:
    case 43:
    case 44:
    case 45:
    case 46:
    case 50:
    case 51:
    case 52:
    case 53:
    case 54:
    case 61:
    case 62:
    case 63:
    case 64:
    case 65:
    case 71:
    case 81:
    case 82:
    case 83: return true;
    default: return false;
    }
}

} // namespace

QChar IdNumber::checkCharacter(QStringView first17)
{
    if (first17.size() != 17 || !allDigits(first17))
        return {};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (first17[i].unicode() - u'0') * kWeights[size_t(i)];
    return QLatin1Char(kCheckChars[sum % 11]);
}

Result<IdNumber> IdNumber::parse(const QString &text, const Clock &clock)
{
    QString s = text.trimmed().toUpper();
    bool upgraded = false;
    if (s.size() == 15) {
        if (!allDigits(s))
            return Result<IdNumber>::failure(tr("A 15-digit ID number may contain digits only."));
        // Legacy numbers carry a two-digit year of the 1900s and no check digit.
        const QString body = s.left(6) + QStringLiteral("19") + s.mid(6);
        s = body + checkCharacter(body);
        upgraded = true;
    }
    if (s.size() != 18)
        return Result<IdNumber>::failure(
            tr("An ID number has 18 characters (or 15 for old cards); this one has %1.").arg(text.trimmed().size()));
    if (!allDigits(QStringView(s).left(17)))
        return Result<IdNumber>::failure(tr("The first 17 characters of an ID number must be digits."));
    const QChar last = s.at(17);
    if (!(last.isDigit() || last == u'X'))
        return Result<IdNumber>::failure(tr("The last character of an ID number must be a digit or X."));

    IdNumber id;
    id.m_upgraded = upgraded;
    const int province = QStringView(s).left(2).toInt();
    if (s.startsWith(u'9')) {
        id.m_kind = Kind::ForeignerPermanent;
    } else if (!knownProvince(province)) {
        return Result<IdNumber>::failure(tr("%1 is not a known region code.").arg(s.left(6)));
    } else if (s.startsWith(QLatin1String("810000"))) {
        id.m_kind = Kind::HongKongPermit;
    } else if (s.startsWith(QLatin1String("820000"))) {
        id.m_kind = Kind::MacaoPermit;
    } else if (s.startsWith(QLatin1String("830000"))) {
        id.m_kind = Kind::TaiwanPermit;
    }

    const int year = QStringView(s).mid(6, 4).toInt();
    const int month = QStringView(s).mid(10, 2).toInt();
    const int day = QStringView(s).mid(12, 2).toInt();
    const QDate birth(year, month, day);
    if (!birth.isValid() || year < 1880)
        return Result<IdNumber>::failure(tr("The birth date %1 in this ID number does not exist.").arg(s.mid(6, 8)));
    if (birth > clock.today())
        return Result<IdNumber>::failure(tr("The birth date %1 in this ID number is in the future.").arg(s.mid(6, 8)));

    const QChar expected = checkCharacter(QStringView(s).left(17));
    if (expected != last)
        // A mismatch says that some character is wrong, never which one: naming the check digit
        // that would fit invites "fixing" the last digit into a valid-looking wrong number.
        return Result<IdNumber>::failure(
            tr("This ID number does not pass the check digit test: one of its characters was mistyped, and "
               "the check cannot tell which. Compare it digit by digit with the card."));

    id.m_number = s;
    id.m_birthDate = birth;
    id.m_gender = (QStringView(s).mid(16, 1).toInt() % 2 == 1) ? Gender::Male : Gender::Female;
    return id;
}

int IdNumber::ageOn(QDate day) const
{
    int age = day.year() - m_birthDate.year();
    if (day.month() < m_birthDate.month() || (day.month() == m_birthDate.month() && day.day() < m_birthDate.day()))
        --age;
    return age;
}

} // namespace ow
