#include "onewindow/idcard/IdCardText.h"

#include <QJsonArray>

namespace ow::idcard {

namespace {

QString isoDate(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

} // namespace

QString IdCardText::typeDescription(CardType type)
{
    switch (type) {
    case CardType::Resident: return QStringLiteral("resident ID card");
    case CardType::ForeignPermanent: return QStringLiteral("foreigner permanent residence card (2017, 'I')");
    case CardType::ForeignPermanent2023: return QStringLiteral("foreigner permanent residence card (2023, 'Y')");
    case CardType::HkMacaoTaiwan: return QStringLiteral("Hong Kong/Macao/Taiwan residence permit ('J')");
    }
    return {};
}

QList<QPair<QString, QString>> IdCardText::fields(const IdCardData &cardIn, bool full, const QDate &today)
{
    const IdCardData card = full ? cardIn : cardIn.masked();
    QList<QPair<QString, QString>> f;
    auto add = [&f](const char *key, const QString &value) {
        if (!value.isEmpty())
            f.append({QString::fromLatin1(key), value});
    };
    add("type", card.typeCode());
    add("name", card.name);
    add("english_name", card.englishName);
    add("gender",
        card.gender == Gender::Male ? QStringLiteral("male")
                                    : (card.gender == Gender::Female ? QStringLiteral("female") : QString()));
    if (!card.nationCode.isEmpty())
        add("nation", QStringLiteral("%1 %2").arg(card.nationCode, card.nationName()).trimmed());
    add("nationality", card.nationality);
    add("birth_date",
        full ? isoDate(card.birthDate) : (cardIn.birthDate.isValid() ? QStringLiteral("****-**-**") : QString()));
    add("address", card.address);
    add("id_number", card.idNumber);
    add("authority", card.authority);
    add("accepting_authority_code", card.acceptingAuthorityCode);
    add("valid_from", isoDate(card.validFrom));
    add("valid_until", card.longTerm ? QStringLiteral("long-term") : isoDate(card.validUntil));
    add("pass_number", card.passNumber);
    add("issue_count", card.issueCount);
    add("renewal_count", card.renewalCount);
    add("card_version", card.cardVersion);
    add("appended_address", card.appendedAddress);
    add("photo", cardIn.photoWlt.isEmpty() ? QString() : QStringLiteral("WLT, %1 bytes").arg(cardIn.photoWlt.size()));
    add("fingerprint",
        cardIn.fingerprint.isEmpty() ? QString() : QStringLiteral("%1 bytes").arg(cardIn.fingerprint.size()));
    add("expired", cardIn.isExpired(today) ? QStringLiteral("yes") : QStringLiteral("no"));
    for (const QString &w : cardIn.warnings)
        f.append({QStringLiteral("warning"), w});
    return f;
}

QJsonObject IdCardText::toJson(const IdCardData &card, bool full, const QDate &today)
{
    QJsonObject o;
    for (const auto &field : fields(card, full, today)) {
        if (field.first == QLatin1String("warning"))
            continue;
        if (field.first == QLatin1String("expired"))
            o.insert(field.first, field.second == QLatin1String("yes"));
        else
            o.insert(field.first, field.second);
    }
    if (!card.warnings.isEmpty())
        o.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(card.warnings));
    o.insert(QStringLiteral("masked"), !full);
    return o;
}

} // namespace ow::idcard
