#include "onewindow/core/CreditCode.h"

#include <array>

namespace ow {

namespace {

constexpr QLatin1String kAlphabet("0123456789ABCDEFGHJKLMNPQRTUWXY");
constexpr std::array<int, 17> kWeights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
constexpr std::array<int, 8> kOrgWeights = {3, 7, 9, 10, 5, 8, 4, 2};

int alphabetValue(QChar c)
{
    return int(kAlphabet.indexOf(c));
}

// GB 11714 values: digits 0–9, letters A–Z 10–35.
int orgValue(QChar c)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - u'0';
    if (c >= u'A' && c <= u'Z')
        return c.unicode() - u'A' + 10;
    return -1;
}

} // namespace

QChar CreditCode::checkCharacter(QStringView first17)
{
    if (first17.size() != 17)
        return {};
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const int v = alphabetValue(first17[i]);
        if (v < 0)
            return {};
        sum += v * kWeights[size_t(i)];
    }
    return kAlphabet.at((31 - sum % 31) % 31);
}

QChar CreditCode::organisationCheckCharacter(QStringView first8)
{
    if (first8.size() != 8)
        return {};
    int sum = 0;
    for (int i = 0; i < 8; ++i) {
        const int v = orgValue(first8[i]);
        if (v < 0)
            return {};
        sum += v * kOrgWeights[size_t(i)];
    }
    const int c = 11 - sum % 11;
    if (c == 10)
        return u'X';
    if (c == 11)
        return u'0';
    return QChar(u'0' + c);
}

Result<CreditCode> CreditCode::parse(const QString &text)
{
    const QString s = text.trimmed().toUpper();
    if (s.size() != 18)
        return Result<CreditCode>::failure(
            tr("A unified social credit code has 18 characters; this one has %1.").arg(s.size()));
    for (int i = 0; i < s.size(); ++i) {
        if (alphabetValue(s.at(i)) < 0)
            return Result<CreditCode>::failure(
                tr("Character %1 (\"%2\") cannot appear in a credit code (I, O, Z, S and V are never used).")
                    .arg(i + 1)
                    .arg(s.at(i)));
    }
    for (int i = 2; i < 8; ++i) {
        if (!s.at(i).isDigit())
            return Result<CreditCode>::failure(
                tr("Characters 3 to 8 of a credit code are the region code and must be digits."));
    }
    const QChar expected = checkCharacter(QStringView(s).left(17));
    if (expected != s.at(17))
        return Result<CreditCode>::failure(
            tr("This credit code does not pass the check character test: one of its characters was mistyped, and "
               "the check cannot tell which. Compare it character by character with the business licence."));
    const QChar orgExpected = organisationCheckCharacter(QStringView(s).mid(8, 8));
    if (orgExpected != s.at(16))
        return Result<CreditCode>::failure(
            tr("The organisation code %1 inside this credit code does not pass its check: one of its characters "
               "was mistyped. Compare the code character by character with the business licence.")
                .arg(s.mid(8, 9)));
    CreditCode code;
    code.m_code = s;
    return code;
}

} // namespace ow
