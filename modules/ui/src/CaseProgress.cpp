#include "onewindow/ui/CaseProgress.h"

#include "onewindow/catalog/Catalog.h"

#include <QJsonArray>

namespace ow::ui {

QString CaseProgress::summary(const QJsonObject &remote, const Catalog *catalog)
{
    if (remote.contains(QLatin1String("handoutAt")))
        return tr("all departments done: hand out the result");
    // Held: a few words in the list; the reason in full in its tool tip and under the list.
    if (!remote.value(QLatin1String("heldReason")).toString().isEmpty())
        return tr("held by the back office, not sent to the departments");
    const QJsonObject routed = remote.value(QLatin1String("routed")).toObject();
    if (routed.isEmpty())
        return {};
    int total = 0;
    for (auto it = routed.begin(); it != routed.end(); ++it)
        total += int(it.value().toArray().size());
    const QJsonObject items = remote.value(QLatin1String("items")).toObject();
    int decided = 0;
    int ready = 0;
    QStringList supplements;
    QStringList rejections;
    for (auto it = items.begin(); it != items.end(); ++it) {
        const QJsonObject item = it.value().toObject();
        const QString outcome = item.value(QLatin1String("outcome")).toString();
        QString department = item.value(QLatin1String("department")).toString();
        if (const Department *d = catalog ? catalog->department(department) : nullptr)
            department = d->name;
        if (item.contains(QLatin1String("readyAt")))
            ++ready;
        if (outcome == QLatin1String("supplement")) {
            supplements << tr("%1 asks for: %2").arg(department, item.value(QLatin1String("what")).toString());
            continue; // decided again once supplied
        }
        if (outcome.isEmpty())
            continue;
        ++decided;
        if (outcome == QLatin1String("rejected"))
            rejections << tr("rejected by %1: %2").arg(department, item.value(QLatin1String("reason")).toString());
    }
    // Every item's word at once: what the clerk must act on first (a supplement to ask for, a
    // rejection to explain), then how far the others are, a result ready among them.
    QStringList parts = supplements + rejections;
    if (decided == 0 && supplements.isEmpty())
        parts << tr("with %n department(s)", nullptr, int(routed.size()));
    else if (ready > 0)
        parts
            << tr("%1 of %2 approved, %3 result(s) ready").arg(decided - int(rejections.size())).arg(total).arg(ready);
    else if (decided > int(rejections.size()))
        parts << tr("%1 of %2 approved").arg(decided - int(rejections.size())).arg(total);
    return parts.join(tr("; "));
}

QString CaseProgress::heldText(const QJsonObject &remote, const Catalog *catalog)
{
    QString reason = remote.value(QLatin1String("heldReason")).toString();
    if (reason.isEmpty())
        return {};
    const QJsonObject detail = remote.value(QLatin1String("heldDetail")).toObject();
    if (detail.value(QLatin1String("code")).toString() == QLatin1String("items-differ")) {
        const auto names = [catalog](const QJsonValue &list) {
            QStringList out;
            for (const QJsonValue &v : list.toArray()) {
                const QString code = v.toObject().value(QLatin1String("matter")).toString();
                const Matter *m = catalog ? catalog->matter(code) : nullptr;
                out << (m ? m->name : code);
            }
            return out.isEmpty() ? tr("none") : out.join(tr(", "));
        };
        reason = tr("the back office's check of the catalogue gives other items than the window decided (only "
                    "decided here: %1; only in its check: %2)")
                     .arg(names(detail.value(QLatin1String("onlyDecided"))),
                         names(detail.value(QLatin1String("onlyEvaluated"))));
    }
    return tr("held by the back office, not sent to the departments: %1").arg(reason);
}

} // namespace ow::ui
