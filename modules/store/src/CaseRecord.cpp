#include "onewindow/store/CaseRecord.h"

#include <QUuid>

namespace ow::store {

std::optional<ApplicantRecord> CaseRecord::partyRecord(int index, const char *role) const
{
    if (index < 0 || index >= parties.size())
        return std::nullopt;
    const QJsonValue v = parties.at(index).toObject().value(QLatin1String(role));
    if (!v.isObject())
        return std::nullopt;
    const QJsonObject p = v.toObject();
    const QString idNumber = p.value(QLatin1String("number")).toString();
    return ApplicantRecord {QUuid::createUuidV5(QUuid(), idNumber).toString(QUuid::WithoutBraces),
        p.value(QLatin1String("kind")).toString(), idNumber, p.value(QLatin1String("name")).toString(),
        p.value(QLatin1String("details")).toObject()};
}

} // namespace ow::store
