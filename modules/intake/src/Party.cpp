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

namespace {

QDate detailDate(const QJsonObject &details, const char *key)
{
    return QDate::fromString(details.value(QLatin1String(key)).toString(), Qt::ISODate);
}

// The card kinds a party's details name: "resident", "I", "Y", "J" (from the card read).
enum class DocumentKind { Unknown, Resident, Foreigner, HkMacaoTaiwan, Typed };

DocumentKind documentKind(const Party &p)
{
    if (p.kind != Party::Kind::Person)
        return DocumentKind::Unknown;
    if (!p.details.value(QLatin1String("documentName")).toString().isEmpty())
        return DocumentKind::Typed;
    const QString card = p.details.value(QLatin1String("card")).toString();
    if (card == QLatin1String("resident"))
        return DocumentKind::Resident;
    if (card == QLatin1String("I") || card == QLatin1String("Y")
        || p.details.value(QLatin1String("document")).toString() == QLatin1String("foreigner-permit"))
        return DocumentKind::Foreigner;
    if (card == QLatin1String("J"))
        return DocumentKind::HkMacaoTaiwan;
    // Typed: the number says which document carries it.
    const auto id = IdNumber::parse(p.number);
    if (!id)
        return DocumentKind::Unknown;
    switch (id->kind()) {
    case IdNumber::Kind::Resident: return DocumentKind::Resident;
    case IdNumber::Kind::HongKongPermit:
    case IdNumber::Kind::MacaoPermit:
    case IdNumber::Kind::TaiwanPermit: return DocumentKind::HkMacaoTaiwan;
    case IdNumber::Kind::ForeignerPermanent: return DocumentKind::Foreigner;
    }
    return DocumentKind::Unknown;
}

} // namespace

QString Party::documentName() const
{
    switch (documentKind(*this)) {
    case DocumentKind::Unknown: return {};
    case DocumentKind::Resident: return tr("Resident ID card");
    case DocumentKind::Foreigner: return tr("Foreigner's permanent residence ID card");
    case DocumentKind::HkMacaoTaiwan: return tr("Residence permit for Hong Kong, Macao and Taiwan residents");
    case DocumentKind::Typed: return details.value(QLatin1String("documentName")).toString();
    }
    return {};
}

QString Party::validityText() const
{
    // ISO dates: a document's validity reads the same in every language.
    const QDate from = detailDate(details, "validFrom");
    const QString until = details.value(QLatin1String("validUntil")).toString();
    const QDate to = QDate::fromString(until, Qt::ISODate);
    if (until == QLatin1String("long-term"))
        return from.isValid() ? tr("valid from %1, long-term").arg(from.toString(Qt::ISODate)) : tr("valid long-term");
    if (!to.isValid())
        return {};
    if (!from.isValid())
        return tr("valid until %1").arg(to.toString(Qt::ISODate));
    return tr("valid %1 to %2").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate));
}

QString Party::documentLine() const
{
    const QString document = documentName();
    const QString validity = validityText();
    if (document.isEmpty() || validity.isEmpty())
        return document;
    return tr("%1, %2").arg(document, validity);
}

QString Party::invalidDocumentName(const QDate &today) const
{
    const QDate from = detailDate(details, "validFrom");
    const QDate to = detailDate(details, "validUntil");
    const QString document = documentName();
    if (to.isValid() && to < today)
        return tr("%1 (valid until %2, expired)").arg(document, to.toString(Qt::ISODate));
    if (from.isValid() && from > today)
        return tr("%1 (valid only from %2, not yet valid)").arg(document, from.toString(Qt::ISODate));
    return document;
}

QString Party::replacementText() const
{
    switch (documentKind(*this)) {
    case DocumentKind::Resident:
        return tr("bring a valid resident ID card, or a temporary resident ID card (临时居民身份证) issued by the "
                  "police station of the household registration while the new card is being made");
    case DocumentKind::Foreigner:
        return tr("bring the renewed foreigner's permanent residence ID card, or the acceptance receipt for its "
                  "renewal from the exit-entry administration together with a valid passport");
    case DocumentKind::HkMacaoTaiwan:
        return tr("bring the renewed residence permit, or a valid Mainland travel permit for Hong Kong and Macao "
                  "residents / for Taiwan residents");
    case DocumentKind::Typed:
    case DocumentKind::Unknown: break;
    }
    return tr("bring a valid identity document");
}

QString Party::validityProblem(const QDate &today) const
{
    const QString until = details.value(QLatin1String("validUntil")).toString();
    const QDate from = QDate::fromString(details.value(QLatin1String("validFrom")).toString(), Qt::ISODate);
    const QDate to = QDate::fromString(until, Qt::ISODate);
    const QString who = maskedName();
    const QString document = documentName().isEmpty() ? tr("identity document") : documentName();
    if (to.isValid() && to < today)
        return tr("the %1 of %2 expired on %3").arg(document, who, to.toString(Qt::ISODate));
    if (from.isValid() && from > today)
        return tr("the %1 of %2 is valid only from %3").arg(document, who, from.toString(Qt::ISODate));
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
