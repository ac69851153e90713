#include "onewindow/backoffice/Masking.h"

#include "onewindow/core/Masking.h"
#include "onewindow/intake/Party.h"

namespace ow::backoffice {

QJsonObject Masking::applicant(const intake::Party &party)
{
    if (party.kind == intake::Party::Kind::Company)
        return QJsonObject {{QStringLiteral("kind"), QStringLiteral("company")}, {QStringLiteral("name"), party.name},
            {QStringLiteral("number"), party.number}};
    return QJsonObject {{QStringLiteral("kind"), QStringLiteral("person")},
        {QStringLiteral("name"), personName(party.name)}, {QStringLiteral("number"), idNumber(party.number)}};
}

QString Masking::personName(const QString &name)
{
    // One '*' whatever the length: 李建国 and 李娜 both read 李*.
    const QString s = name.trimmed();
    if (s.isEmpty())
        return QString();
    return s.size() == 1 ? QStringLiteral("*") : s.left(1) + QLatin1Char('*');
}

QString Masking::idNumber(const QString &number)
{
    const QString s = number.trimmed();
    if (s.size() == 15 && s.at(0).isLetter())
        return masking::middle(s, 3, 4); // a foreigner's permit: its nationality and last four
    if (s.size() >= 15)
        return masking::middle(s, 4, 4);
    return masking::middle(s, 2, 2);
}

} // namespace ow::backoffice
