#pragma once

#include "onewindow/core/Clock.h"
#include "onewindow/core/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace ow {

// A citizen identity number per GB 11643-1999 (18 characters, ISO 7064 MOD 11-2 check digit).
// Legacy 15-digit numbers are upgraded to 18 on parse. Numbers of HK/Macao/Taiwan residence
// permits (810000/820000/830000) and of the 2023 foreigner permanent residence card (leading 9)
// share the same structure and check digit.
class IdNumber
{
    Q_DECLARE_TR_FUNCTIONS(IdNumber)

public:
    enum class Kind { Resident, HongKongPermit, MacaoPermit, TaiwanPermit, ForeignerPermanent };
    enum class Gender { Male, Female };

    // Refuses a birth date after `clock`'s today (a mistyped year).
    static Result<IdNumber> parse(const QString &text, const Clock &clock = Clock::system());
    // The check character ('0'-'9' or 'X') for the first 17 digits; QChar() if they are not digits.
    static QChar checkCharacter(QStringView first17);

    const QString &number() const { return m_number; }
    Kind kind() const { return m_kind; }
    QString regionCode() const { return m_number.left(6); }
    QDate birthDate() const { return m_birthDate; }
    Gender gender() const { return m_gender; }
    bool wasUpgradedFrom15() const { return m_upgraded; }
    int ageOn(QDate day) const;

private:
    IdNumber() = default;
    QString m_number;
    QDate m_birthDate;
    Kind m_kind = Kind::Resident;
    Gender m_gender = Gender::Male;
    bool m_upgraded = false;
};

} // namespace ow
