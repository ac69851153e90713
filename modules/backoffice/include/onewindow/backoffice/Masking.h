#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace ow::intake {
struct Party;
}

namespace ow::backoffice {

// What the back office shows of an applicant to a department (and keeps for it): never the full
// name or ID number. A person's name keeps its first character and one '*' (李*, whatever its
// length), an ID number its first and last four characters (3301**********0038), a foreign
// permit its nationality and last four; a company's name and credit code are public, as they are.
class Masking
{
public:
    // {kind: person|company, name, number}, masked as above.
    static QJsonObject applicant(const intake::Party &party);
    static QString personName(const QString &name);
    static QString idNumber(const QString &number);
    // 浙江省杭州市西湖区文三路100号 → 浙江省杭州市****: province and city at most.
    static QString address(const QString &address);
    // 13812345678 → 138****5678.
    static QString phone(const QString &phone);
    // A case entry (or any JSON) as a supervisor or admin reads it unless revealed: every person's
    // name and number ({"kind": "person"|"foreigner", …}, idNumber, agent…), address, phone and
    // birth date masked; companies as they are.
    static QJsonValue entry(const QJsonValue &value);
};

} // namespace ow::backoffice
