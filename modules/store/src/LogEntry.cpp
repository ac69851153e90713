#include "onewindow/store/LogEntry.h"

namespace ow::store {

QJsonObject LogEntry::toJson() const
{
    return QJsonObject {
        {QStringLiteral("case"), caseId},
        {QStringLiteral("seq"), seq},
        {QStringLiteral("at"), at.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("window"), window},
        {QStringLiteral("clerk"), clerk},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("payload"), payload},
    };
}

} // namespace ow::store
