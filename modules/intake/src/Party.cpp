#include "onewindow/intake/Party.h"

#include "onewindow/core/CreditCode.h"
#include "onewindow/core/IdNumber.h"
#include "onewindow/core/Masking.h"

#include <QLocale>

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

QDate Party::birthDate() const
{
    if (kind != Kind::Person)
        return {};
    const QDate born = QDate::fromString(details.value(QLatin1String("birthDate")).toString(), Qt::ISODate);
    if (born.isValid())
        return born;
    const auto id = IdNumber::parse(number);
    return id ? id->birthDate() : QDate();
}

std::optional<int> Party::ageOn(const QDate &day) const
{
    const QDate born = birthDate();
    if (!born.isValid() || born > day)
        return std::nullopt;
    int age = day.year() - born.year();
    if (day.month() < born.month() || (day.month() == born.month() && day.day() < born.day()))
        --age;
    return age;
}

QString Party::genderKey() const
{
    if (kind != Kind::Person)
        return {};
    const QString onCard = details.value(QLatin1String("gender")).toString();
    if (onCard == QLatin1String("male") || onCard == QLatin1String("female"))
        return onCard;
    const auto id = IdNumber::parse(number);
    if (!id)
        return {};
    return id->gender() == IdNumber::Gender::Male ? QStringLiteral("male") : QStringLiteral("female");
}

QString Party::entityType() const
{
    // GB 32100: registration department 9 (market regulation), type 1 enterprise, 2 individual.
    if (kind != Kind::Company || number.size() < 2 || number.at(0) != u'9')
        return {};
    if (number.at(1) == u'1')
        return QStringLiteral("company");
    if (number.at(1) == u'2')
        return QStringLiteral("individual");
    return {};
}

QString Party::validityProblem(const QDate &today) const
{
    const QString until = details.value(QLatin1String("validUntil")).toString();
    const QDate from = QDate::fromString(details.value(QLatin1String("validFrom")).toString(), Qt::ISODate);
    const QDate to = QDate::fromString(until, Qt::ISODate);
    const QString who = maskedName();
    if (to.isValid() && to < today)
        return tr("the card of %1 expired on %2").arg(who, QLocale().toString(to, QLocale::ShortFormat));
    if (from.isValid() && from > today)
        return tr("the card of %1 is valid only from %2").arg(who, QLocale().toString(from, QLocale::ShortFormat));
    return {};
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
