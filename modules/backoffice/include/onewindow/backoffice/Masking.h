#pragma once

#include <QJsonObject>
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
};

} // namespace ow::backoffice
