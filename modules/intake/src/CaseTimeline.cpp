#include "onewindow/intake/CaseTimeline.h"

#include "onewindow/catalog/Catalog.h"

#include <QJsonArray>

#include <algorithm>

namespace ow::intake {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString decisionText(const QString &decision)
{
    if (decision == QLatin1String("accept"))
        return CaseTimeline::tr("accepted: acceptance receipt issued");
    if (decision == QLatin1String("accepttolerated"))
        return CaseTimeline::tr("accepted with 容缺: materials to supplement");
    if (decision == QLatin1String("notice"))
        return CaseTimeline::tr("one-time notice of missing materials issued");
    if (decision == QLatin1String("refuse"))
        return CaseTimeline::tr("not accepted: refusal notice issued");
    return decision;
}

QString visitText(const QString &why)
{
    if (why == QLatin1String("first"))
        return CaseTimeline::tr("visit: the applicant came");
    if (why == QLatin1String("return"))
        return CaseTimeline::tr("visit: back with the one-time notice");
    if (why == QLatin1String("supplement"))
        return CaseTimeline::tr("visit: bringing a supplement");
    if (why == QLatin1String("pickup"))
        return CaseTimeline::tr("visit: collecting the result");
    return CaseTimeline::tr("visit");
}

QString itemsText(const QJsonArray &items)
{
    QStringList out;
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        out << (text(o, "outcome") == QLatin1String("rejected")
                ? CaseTimeline::tr("%1 (decision letter)").arg(text(o, "given"))
                : text(o, "given"));
    }
    return out.join(CaseTimeline::tr(", "));
}

} // namespace

QList<TimelineEvent> CaseTimeline::build(
    const QList<store::LogEntry> &entries, const QJsonObject &remote, const Catalog *catalog)
{
    const auto department = [catalog](const QString &id) {
        const Department *d = catalog ? catalog->department(id) : nullptr;
        return d ? d->name : id;
    };
    QList<TimelineEvent> out;
    QDateTime decidedAt; // when the back office does not date its routing: the decision's time
    for (const store::LogEntry &e : entries) {
        const QJsonObject &p = e.payload;
        TimelineEvent t {e.at, e.kind, {}, e.window, e.clerk};
        if (e.kind == QLatin1String("started")) {
            t.what = p.contains(QLatin1String("ticket")) ? tr("case started (ticket %1)").arg(text(p, "ticket"))
                                                         : tr("case started");
        } else if (e.kind == QLatin1String("visit")) {
            t.what = visitText(text(p, "why"));
            if (!text(p, "ticket").isEmpty())
                t.what += tr(" (ticket %1)").arg(text(p, "ticket"));
        } else if (e.kind == QLatin1String("decided")) {
            t.what = decisionText(text(p, "decision"));
            decidedAt = e.at;
        } else if (e.kind == QLatin1String("printed")) {
            t.what = text(p, "target") == QLatin1String("pdf")
                ? tr("document handed over as A4 PDF (copy %1)").arg(p.value(QLatin1String("copy")).toInt())
                : tr("document printed on the receipt printer (copy %1)").arg(p.value(QLatin1String("copy")).toInt());
        } else if (e.kind == QLatin1String("reopened")) {
            t.what = tr("continued at Materials (visit %1)").arg(p.value(QLatin1String("visit")).toInt());
        } else if (e.kind == QLatin1String("supplemented")) {
            QStringList materials;
            for (const QJsonValue &v : p.value(QLatin1String("materials")).toArray()) {
                const QJsonObject m = v.toObject();
                materials << (m.contains(QLatin1String("sha256"))
                        ? tr("%1 (scanned, %n page(s))", nullptr, m.value(QLatin1String("pages")).toInt())
                              .arg(text(m, "material"))
                        : text(m, "material"));
            }
            t.what = tr("supplement taken in: %1").arg(materials.join(tr(", ")));
        } else if (e.kind == QLatin1String("handedOut")) {
            const bool agent = p.value(QLatin1String("agent")).isObject();
            t.what = agent
                ? tr("handed out to an agent with the authorisation: %1")
                      .arg(itemsText(p.value(QLatin1String("items")).toArray()))
                : tr("handed out to the applicant: %1").arg(itemsText(p.value(QLatin1String("items")).toArray()));
        } else if (e.kind == QLatin1String("dispatched")) {
            t.what = tr("sent by courier: %1 %2").arg(text(p, "carrier"), text(p, "tracking"));
        } else if (e.kind == QLatin1String("rated")) {
            t.what = tr("the applicant rated the service"); // never what they said
        } else if (e.kind == QLatin1String("revealed")) {
            t.what = tr("personal data shown in full: %1").arg(text(p, "what"));
        } else if (e.kind == QLatin1String("abandoned")) {
            t.what = tr("left undecided: closed");
        } else if (e.kind == QLatin1String("finished")) {
            t.what = tr("left the window");
        } else {
            continue; // the acceptance's own steps (parties, answers, marks) are on the intake screen
        }
        out << t;
    }

    // What the back office said.
    const QJsonObject routed = remote.value(QLatin1String("routed")).toObject();
    const QDateTime confirmedAt =
        QDateTime::fromString(remote.value(QLatin1String("confirmedAt")).toString(), Qt::ISODateWithMs);
    if (confirmedAt.isValid())
        out << TimelineEvent {confirmedAt, QStringLiteral("confirmed"), tr("received and confirmed by the back office"),
            tr("back office"), {}};
    for (auto it = routed.begin(); it != routed.end(); ++it)
        out << TimelineEvent {confirmedAt.isValid() ? confirmedAt : decidedAt, QStringLiteral("routed"),
            tr("routed: %n item(s)", nullptr, int(it.value().toArray().size())), department(it.key()), {}};
    const QJsonObject items = remote.value(QLatin1String("items")).toObject();
    for (auto it = items.begin(); it != items.end(); ++it) {
        const QJsonObject item = it.value().toObject();
        const QString dep = department(text(item, "department"));
        const QString outcome = text(item, "outcome");
        const QDateTime itemAt = QDateTime::fromString(text(item, "decidedAt"), Qt::ISODateWithMs);
        if (outcome == QLatin1String("approved"))
            out << TimelineEvent {itemAt, QStringLiteral("approved"), tr("approved"), dep, {}};
        else if (outcome == QLatin1String("rejected"))
            out << TimelineEvent {
                itemAt, QStringLiteral("rejected"), tr("rejected: %1").arg(text(item, "reason")), dep, {}};
        else if (outcome == QLatin1String("supplement"))
            out << TimelineEvent {
                itemAt, QStringLiteral("supplement"), tr("asks for a supplement: %1").arg(text(item, "what")), dep, {}};
        if (item.contains(QLatin1String("readyAt")))
            out << TimelineEvent {QDateTime::fromString(text(item, "readyAt"), Qt::ISODateWithMs),
                QStringLiteral("ready"), tr("result ready"), dep, {}};
    }
    if (remote.contains(QLatin1String("handoutAt")))
        out << TimelineEvent {
            QDateTime::fromString(remote.value(QLatin1String("handoutAt")).toString(), Qt::ISODateWithMs),
            QStringLiteral("handout"), tr("every item done: ready for hand-out"), tr("back office"), {}};
    // In time order (same time: the order above).
    std::stable_sort(
        out.begin(), out.end(), [](const TimelineEvent &a, const TimelineEvent &b) { return a.at < b.at; });
    return out;
}

} // namespace ow::intake
