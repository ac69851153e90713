#include "onewindow/checklist/ChecklistJson.h"

#include <QJsonArray>

namespace ow::checklist {

namespace {

QJsonArray strings(const QStringList &list)
{
    QJsonArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}

} // namespace

QJsonObject ChecklistJson::toJson(const Checklist &c)
{
    QJsonArray items;
    for (const ItemLine &i : c.items) {
        QJsonValue included;
        switch (i.included) {
        case ItemLine::Inclusion::Included: included = true; break;
        case ItemLine::Inclusion::Excluded: included = false; break;
        case ItemLine::Inclusion::Undecided: included = QJsonValue::Null; break;
        }
        items.append(QJsonObject {{QStringLiteral("matter"), i.matter}, {QStringLiteral("name"), i.name},
            {QStringLiteral("department"), i.department}, {QStringLiteral("included"), included},
            {QStringLiteral("why"), i.why}});
    }
    QJsonArray materials;
    for (const MaterialLine &m : c.materials) {
        QJsonArray neededBy;
        QStringList why;
        for (const Need &n : m.neededBy) {
            neededBy.append(n.matter);
            why.append(n.matterName + QStringLiteral(": ") + n.why);
        }
        QJsonObject o {{QStringLiteral("id"), m.id}, {QStringLiteral("name"), m.name},
            {QStringLiteral("status"), statusKey(m.status)}, {QStringLiteral("neededBy"), neededBy},
            {QStringLiteral("originals"), m.originals}, {QStringLiteral("copies"), m.copies},
            {QStringLiteral("mode"), acceptanceModeKey(m.mode)},
            {QStringLiteral("why"), why.join(QStringLiteral("; "))}, {QStringLiteral("tolerable"), m.tolerable},
            {QStringLiteral("shared"), m.shared}};
        if (!m.eLicence.isEmpty())
            o.insert(QStringLiteral("eLicence"), m.eLicence);
        if (m.waivedByELicence)
            o.insert(QStringLiteral("waivedByELicence"), true);
        if (!m.producedBy.isEmpty())
            o.insert(QStringLiteral("producedBy"), m.producedBy);
        if (m.status == MaterialLine::Status::Missing || m.status == MaterialLine::Status::Tolerated) {
            if (!m.howToSupply.isEmpty())
                o.insert(QStringLiteral("howToSupply"), m.howToSupply);
        }
        if (!m.shortfall.isEmpty())
            o.insert(QStringLiteral("shortfall"), m.shortfall);
        if (m.status == MaterialLine::Status::Tolerated && m.supplementDeadline.isValid()) {
            o.insert(QStringLiteral("supplementDays"), m.supplementDays);
            o.insert(QStringLiteral("supplementDeadline"), m.supplementDeadline.toString(Qt::ISODate));
            if (m.deadlineCapped)
                o.insert(QStringLiteral("deadlineCapped"), true);
        }
        materials.append(o);
    }
    QJsonArray failed;
    for (const FailedCondition &f : c.failed) {
        failed.append(QJsonObject {{QStringLiteral("matter"), f.matter}, {QStringLiteral("name"), f.matterName},
            {QStringLiteral("condition"), f.text}, {QStringLiteral("expression"), f.expression}});
    }
    QJsonObject o {{QStringLiteral("verdict"), verdictKey(c.verdict)}, {QStringLiteral("title"), c.title},
        {QStringLiteral("items"), items}, {QStringLiteral("materials"), materials},
        {QStringLiteral("missing"), strings(c.missing)}, {QStringLiteral("tolerated"), strings(c.tolerated)},
        {QStringLiteral("unanswered"), strings(c.unanswered)}, {QStringLiteral("failed"), failed}};
    if (!c.textConditions.isEmpty()) {
        QJsonArray conditions;
        for (const TextCondition &tc : c.textConditions) {
            QJsonObject t {{QStringLiteral("key"), tc.key}, {QStringLiteral("matter"), tc.matter},
                {QStringLiteral("text"), tc.text}, {QStringLiteral("confirmed"), tc.confirmed}};
            if (tc.confirmed)
                t.insert(QStringLiteral("holds"), tc.holds);
            conditions.append(t);
        }
        o.insert(QStringLiteral("toConfirm"), conditions);
    }
    if (c.verdict == Verdict::Tolerated) {
        o.insert(QStringLiteral("supplementDays"), c.supplementDays);
        o.insert(QStringLiteral("supplementDeadline"), c.supplementDeadline.toString(Qt::ISODate));
    }
    return o;
}

} // namespace ow::checklist
