#include "onewindow/intake/Party.h"

#include "onewindow/core/CreditCode.h"
#include "onewindow/core/IdNumber.h"
#include "onewindow/core/Masking.h"

namespace ow::intake {

Result<Party> Party::person(const QString &idNumber, const QString &name, const QJsonObject &details)
{
    const auto id = IdNumber::parse(idNumber);
    if (!id)
        return Result<Party>::failure(id.error());
    if (name.trimmed().isEmpty())
        return Result<Party>::failure(tr("The applicant's name is missing."));
    return Party {Kind::Person, id->number(), name.trimmed(), details};
}

Result<Party> Party::company(const QString &creditCode, const QString &name, const QJsonObject &details)
{
    const auto code = CreditCode::parse(creditCode);
    if (!code)
        return Result<Party>::failure(code.error());
    if (name.trimmed().isEmpty())
        return Result<Party>::failure(tr("The company's name is missing."));
    return Party {Kind::Company, code->code(), name.trimmed(), details};
}

QString Party::maskedNumber() const
{
    // A credit code is public (it is on the licence); an ID number is not.
    return kind == Kind::Company ? number : masking::idNumber(number);
}

QString Party::maskedName() const
{
    return kind == Kind::Company ? name : masking::name(name);
}

QJsonObject Party::toJson() const
{
    return {{QStringLiteral("kind"), kind == Kind::Company ? QStringLiteral("company") : QStringLiteral("person")},
        {QStringLiteral("number"), number}, {QStringLiteral("name"), name}, {QStringLiteral("details"), details}};
}

Result<Party> Party::fromJson(const QJsonObject &o)
{
    const QString kind = o.value(QLatin1String("kind")).toString();
    const QString number = o.value(QLatin1String("number")).toString();
    const QString name = o.value(QLatin1String("name")).toString();
    const QJsonObject details = o.value(QLatin1String("details")).toObject();
    if (kind == QLatin1String("company"))
        return company(number, name, details);
    return person(number, name, details);
}

} // namespace ow::intake
