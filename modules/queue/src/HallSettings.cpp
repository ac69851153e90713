#include "onewindow/queue/HallSettings.h"

#include <QCoreApplication>

namespace ow::queue {

QJsonObject HallSettings::toJson() const
{
    return QJsonObject {
        {QLatin1String("recallDelay"), recallDelay},
        {QLatin1String("noShowAfterCalls"), noShowAfterCalls},
        {QLatin1String("priorityWeight"), priorityWeight},
        {QLatin1String("maxPriorityDelay"), maxPriorityDelay},
        {QLatin1String("appointmentGrace"), appointmentGrace},
    };
}

Result<HallSettings> HallSettings::fromJson(const QJsonObject &json)
{
    HallSettings s;
    constexpr int kDay = 24 * 3600;
    const struct
    {
        const char *field;
        int *out;
        int min;
        int max;
    } fields[] = {
        {"recallDelay", &s.recallDelay, 0, kDay},
        {"noShowAfterCalls", &s.noShowAfterCalls, 1, 100},
        {"priorityWeight", &s.priorityWeight, 0, kDay},
        {"maxPriorityDelay", &s.maxPriorityDelay, 1, kDay},
        {"appointmentGrace", &s.appointmentGrace, 0, kDay},
    };
    for (const auto &f : fields) {
        const QJsonValue v = json.value(QLatin1String(f.field));
        if (v.isUndefined())
            continue;
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d != double(int(d)) || d < f.min || d > f.max)
            return Result<HallSettings>::failure(QCoreApplication::translate(
                "ow::queue::HallSettings", "The hall setting %1 must be a whole number from %2 to %3.")
                                                     .arg(QLatin1String(f.field))
                                                     .arg(f.min)
                                                     .arg(f.max));
        *f.out = int(d);
    }
    return s;
}

} // namespace ow::queue
