#pragma once

#include <QJsonValue>
#include <QString>

namespace ow::backoffice {

// What a supervisor, an admin or a department sees of a person unless the field is revealed
// (audited): 李*, 3301**********0038, 浙江省杭州市****, 138****5678. Companies' names and credit
// codes are public and stay as they are. One place for every answer that carries people.
class Masking
{
public:
    static QString name(const QString &name);
    static QString idNumber(const QString &number);
    static QString address(const QString &address);
    static QString phone(const QString &phone);
    // A case entry (or any JSON) with every personal field masked: people's names and numbers
    // ({"kind":"person"|"foreigner", …}, idNumber, agent…), addresses, phones and birth dates.
    static QJsonValue entry(const QJsonValue &value);
};

} // namespace ow::backoffice
