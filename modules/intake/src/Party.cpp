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

Result<Party> Party::foreigner(const QString &permitNumber, const QString &name, const QJsonObject &details)
{
    const QString n = permitNumber.trimmed().toUpper();
    bool ok = n.size() == 15;
    for (int i = 0; ok && i < n.size(); ++i)
        ok = i < 3 ? (n.at(i) >= u'A' && n.at(i) <= u'Z') : n.at(i).isDigit();
    if (!ok)
        return Result<Party>::failure(
            tr("A permanent residence permit number has 3 letters and 12 digits; \"%1\" does not.").arg(n));
    if (name.trimmed().isEmpty())
        return Result<Party>::failure(tr("The applicant's name is missing."));
    QJsonObject d = details;
    d.insert(QStringLiteral("document"), QStringLiteral("foreigner-permit"));
    return Party {Kind::Person, n, name.trimmed(), d};
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
    if (details.value(QLatin1String("document")).toString() == QLatin1String("foreigner-permit"))
        return foreigner(number, name, details);
    return person(number, name, details);
}

} // namespace ow::intake
