#include "onewindow/receipt/Rating.h"

#include <QJsonArray>

namespace ow::receipt {

QString Rating::levelName(std::optional<Level> level)
{
    if (!level)
        return QStringLiteral("declined");
    switch (*level) {
    case Level::VerySatisfied: return QStringLiteral("verySatisfied");
    case Level::Satisfied: return QStringLiteral("satisfied");
    case Level::Basic: return QStringLiteral("basic");
    case Level::Dissatisfied: return QStringLiteral("dissatisfied");
    case Level::VeryDissatisfied: return QStringLiteral("veryDissatisfied");
    }
    return {};
}

std::optional<std::optional<Rating::Level>> Rating::levelFromName(const QString &name)
{
    if (name == QLatin1String("declined"))
        return std::optional<Level>();
    for (Level l :
        {Level::VerySatisfied, Level::Satisfied, Level::Basic, Level::Dissatisfied, Level::VeryDissatisfied}) {
        if (levelName(l) == name)
            return std::optional<Level>(l);
    }
    return std::nullopt;
}

QStringList Rating::levelNames()
{
    return {QStringLiteral("verySatisfied"), QStringLiteral("satisfied"), QStringLiteral("basic"),
        QStringLiteral("dissatisfied"), QStringLiteral("veryDissatisfied"), QStringLiteral("declined")};
}

QStringList Rating::reasonKeys()
{
    return {QStringLiteral("efficiency"), QStringLiteral("competence"), QStringLiteral("attitude"),
        QStringLiteral("guide")};
}

QString Rating::levelText(std::optional<Level> level)
{
    if (!level)
        return tr("I'd rather not rate");
    switch (*level) {
    case Level::VerySatisfied: return tr("Very satisfied");
    case Level::Satisfied: return tr("Satisfied");
    case Level::Basic: return tr("Fairly satisfied");
    case Level::Dissatisfied: return tr("Dissatisfied");
    case Level::VeryDissatisfied: return tr("Very dissatisfied");
    }
    return {};
}

QString Rating::reasonText(const QString &key)
{
    if (key == QLatin1String("efficiency"))
        return tr("Service efficiency");
    if (key == QLatin1String("competence"))
        return tr("Service competence");
    if (key == QLatin1String("attitude"))
        return tr("Service attitude");
    if (key == QLatin1String("guide"))
        return tr("The matter's guide");
    return key;
}

QJsonObject Rating::toJson() const
{
    return {{QStringLiteral("caseId"), caseId}, {QStringLiteral("service"), service},
        {QStringLiteral("level"), levelName(level)}, {QStringLiteral("reasons"), QJsonArray::fromStringList(reasons)},
        {QStringLiteral("text"), text}, {QStringLiteral("at"), at.toUTC().toString(Qt::ISODateWithMs)}};
}

Result<Rating> Rating::fromJson(const QJsonObject &o)
{
    using R = Result<Rating>;
    Rating r;
    r.caseId = o.value(QLatin1String("caseId")).toString();
    r.service = o.value(QLatin1String("service")).toString();
    if (!QStringList {QStringLiteral("acceptance"), QStringLiteral("supplement"), QStringLiteral("handout")}.contains(
            r.service))
        return R::failure(tr("The rating is of an unknown service \"%1\".").arg(r.service));
    const auto level = levelFromName(o.value(QLatin1String("level")).toString());
    if (!level)
        return R::failure(
            tr("The rating has an unknown level \"%1\".").arg(o.value(QLatin1String("level")).toString()));
    r.level = *level;
    for (const QJsonValue &v : o.value(QLatin1String("reasons")).toArray()) {
        if (!reasonKeys().contains(v.toString()))
            return R::failure(tr("The rating has an unknown reason \"%1\".").arg(v.toString()));
        r.reasons << v.toString();
    }
    r.text = o.value(QLatin1String("text")).toString();
    if (!r.bad() && (!r.reasons.isEmpty() || !r.text.isEmpty()))
        return R::failure(tr("Only a bad rating gives reasons or text."));
    r.at = QDateTime::fromString(o.value(QLatin1String("at")).toString(), Qt::ISODateWithMs);
    if (r.caseId.isEmpty() || !r.at.isValid())
        return R::failure(tr("The rating is incomplete (case or time missing)."));
    return r;
}

} // namespace ow::receipt
