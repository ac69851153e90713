#include "onewindow/backoffice/Masking.h"

#include "onewindow/core/Masking.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ow::backoffice {

namespace {

bool isNameKey(const QString &k)
{
    return k == QLatin1String("name") || k == QLatin1String("englishName") || k == QLatin1String("applicantName")
        || k == QLatin1String("agentName") || k == QLatin1String("holder");
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
            if (isNameKey(k) && !company) {
                out.insert(k, Masking::name(s));
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

QString Masking::name(const QString &name)
{
    return ow::masking::name(name);
}

QString Masking::idNumber(const QString &number)
{
    // 330106199001010038 → 3301**********0038.
    const QString s = number.trimmed();
    if (s.size() == 18)
        return ow::masking::middle(s, 4, 4);
    return ow::masking::idNumber(s);
}

QString Masking::address(const QString &address)
{
    // Province and city at most: the first six characters.
    const QString s = address.trimmed();
    if (s.isEmpty())
        return s;
    return s.left(qMin<qsizetype>(6, s.size() / 2)) + QStringLiteral("****");
}

QString Masking::phone(const QString &phone)
{
    return ow::masking::phone(phone);
}

QJsonValue Masking::entry(const QJsonValue &value)
{
    return mask(value, false);
}

} // namespace ow::backoffice
