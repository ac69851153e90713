#include "onewindow/backoffice/Masking.h"

#include "onewindow/core/Masking.h"
#include "onewindow/intake/Party.h"

#include <QJsonArray>

namespace ow::backoffice {

namespace {

bool isNameKey(const QString &k)
{
    return k == QLatin1String("englishName") || k == QLatin1String("applicantName") || k == QLatin1String("agentName")
        || k == QLatin1String("holder");
}

bool isIdKey(const QString &k)
{
    return k == QLatin1String("idNumber") || k == QLatin1String("agentNumber") || k == QLatin1String("applicantNumber")
        || k == QLatin1String("passNumber");
}

bool isAddressKey(const QString &k)
{
    return k == QLatin1String("address") || k == QLatin1String("appendedAddress") || k == QLatin1String("residence");
}

bool isPhoneKey(const QString &k)
{
    return k == QLatin1String("phone") || k == QLatin1String("mobile") || k == QLatin1String("telephone");
}

bool isBirthKey(const QString &k)
{
    return k == QLatin1String("birthDate") || k == QLatin1String("born") || k == QLatin1String("birth");
}

QJsonValue mask(const QJsonValue &v, bool person)
{
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue &x : v.toArray())
            out.append(mask(x, false));
        return out;
    }
    if (!v.isObject())
        return v;
    const QJsonObject o = v.toObject();
    const QString kind = o.value(QLatin1String("kind")).toString();
    // A party: a company is public; a person's name and number are not.
    const bool company = kind == QLatin1String("company");
    const bool isPerson = person || kind == QLatin1String("person") || kind == QLatin1String("foreigner");
    QJsonObject out;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString &k = it.key();
        const QJsonValue &x = it.value();
        if (x.isString() && !x.toString().isEmpty()) {
            const QString s = x.toString();
            // "name" of a person, or of anything that carries a number and is not a company (a
            // material's or a matter's name is not a person's).
            const bool partyLike = o.contains(QLatin1String("number")) || o.contains(QLatin1String("idNumber"));
            if ((isNameKey(k) || (k == QLatin1String("name") && (isPerson || partyLike))) && !company) {
                out.insert(k, Masking::personName(s));
                continue;
            }
            if (isIdKey(k) || (k == QLatin1String("number") && isPerson)) {
                out.insert(k, Masking::idNumber(s));
                continue;
            }
            if (isAddressKey(k)) {
                out.insert(k, Masking::address(s));
                continue;
            }
            if (isPhoneKey(k)) {
                out.insert(k, Masking::phone(s));
                continue;
            }
            if (isBirthKey(k)) {
                out.insert(k, QStringLiteral("****-**-**"));
                continue;
            }
        }
        out.insert(k, mask(x, false));
    }
    return out;
}

} // namespace

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

QString Masking::address(const QString &address)
{
    const QString s = address.trimmed();
    if (s.isEmpty())
        return s;
    return s.left(qMin<qsizetype>(6, s.size() / 2)) + QStringLiteral("****");
}

QString Masking::phone(const QString &phone)
{
    return masking::phone(phone);
}

QJsonValue Masking::entry(const QJsonValue &value)
{
    return mask(value, false);
}

} // namespace ow::backoffice
