#pragma once

#include "onewindow/core/Result.h"

#include <QCoreApplication>
#include <QString>

namespace ow {

// The unified social credit code of GB 32100-2015: 18 characters from a 31-symbol alphabet
// (no I, O, Z, S, V). Positions 9–17 hold the GB 11714 organisation code with its own check.
class CreditCode
{
    Q_DECLARE_TR_FUNCTIONS(CreditCode)

public:
    static Result<CreditCode> parse(const QString &text);
    // The check character for the first 17 characters; QChar() if one is outside the alphabet.
    static QChar checkCharacter(QStringView first17);
    // The GB 11714 check character for the first 8 characters of an organisation code.
    static QChar organisationCheckCharacter(QStringView first8);

    const QString &code() const { return m_code; }
    QChar registrationDepartment() const { return m_code.at(0); }
    QChar category() const { return m_code.at(1); }
    QString regionCode() const { return m_code.mid(2, 6); }
    QString organisationCode() const { return m_code.mid(8, 9); }

private:
    CreditCode() = default;
    QString m_code;
};

} // namespace ow
