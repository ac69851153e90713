#include "onewindow/backoffice/Router.h"

#include "onewindow/backoffice/Catalogues.h"
#include "onewindow/backoffice/Database.h"
#include "onewindow/backoffice/EventLog.h"
#include "onewindow/backoffice/Masking.h"
#include "onewindow/backoffice/Sealer.h"
#include "onewindow/catalog/Catalog.h"
#include "onewindow/checklist/ChecklistEngine.h"
#include "onewindow/checklist/PromisedDate.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/intake/CaseState.h"
#include "onewindow/store/LogEntry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QUuid>

#include <algorithm>

namespace ow::backoffice {

namespace {

store::LogEntry logEntry(const QJsonObject &e)
{
    store::LogEntry out;
    out.caseId = e.value(QLatin1String("case")).toString();
    out.seq = e.value(QLatin1String("seq")).toInt();
    out.at = QDateTime::fromString(e.value(QLatin1String("at")).toString(), Qt::ISODateWithMs);
    out.window = e.value(QLatin1String("window")).toString();
    out.clerk = e.value(QLatin1String("clerk")).toString();
    out.kind = e.value(QLatin1String("kind")).toString();
    out.payload = e.value(QLatin1String("payload")).toObject();
    return out;
}

QString jsonText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString jsonText(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

bool isAcceptance(const QString &decision)
{
    return decision == QLatin1String("accept") || decision == QLatin1String("accepttolerated");
}

} // namespace

Router::Router(Database &db, const Sealer &sealer, Catalogues &catalogues, EventLog &events, Clock clock)
    : m_db(db)
    , m_sealer(sealer)
    , m_catalogues(catalogues)
    , m_events(events)
    , m_clock(std::move(clock))
{ }

QString Router::entriesApplied(const QString &caseId, const QString &window, int fromSeq, int toSeq)
{
    auto q = m_db.exec(QStringLiteral("SELECT seq, content FROM case_entries WHERE case_id = ? AND seq > ?"
                                      " AND seq <= ? AND kind = 'decided' ORDER BY seq"),
        {caseId, fromSeq, toSeq});
    if (!q)
        return q.error();
    QList<QPair<int, QJsonObject>> decided;
    while (q.value().next()) {
        const int seq = q.value().value(0).toInt();
        auto entry = m_sealer.openEntry(caseId, seq, q.value().value(1).toString());
        if (!entry)
            return entry.error();
        decided.append({seq, entry.value().value(QLatin1String("payload")).toObject()});
    }
    for (const auto &d : decided) {
        const QJsonObject doc = d.second.value(QLatin1String("document")).toObject();
        const QString why = m_events.append(window, QStringLiteral("confirmed"), caseId, QString(),
            QJsonObject {{QStringLiteral("number"), doc.value(QLatin1String("caseNumber")).toString()},
                {QStringLiteral("digest"), d.second.value(QLatin1String("digest")).toString()}});
        if (!why.isEmpty())
            return why;
    }
    for (const auto &d : decided) {
        if (!isAcceptance(d.second.value(QLatin1String("decision")).toString()))
            continue;
        auto routed = m_db.exec(QStringLiteral("SELECT 1 FROM case_routing WHERE case_id = ?"), {caseId});
        if (!routed)
            return routed.error();
        if (routed.value().next())
            return QString(); // routed (or held) at its first acceptance already
        bool done = false;
        return route(caseId, window, d.first, false, &done);
    }
    return QString();
}

QString Router::route(const QString &caseId, const QString &window, int decidedSeq, bool existing, bool *routed)
{
    *routed = false;
    const QString now = isoUtc(m_clock());
    auto rows =
        m_db.exec(QStringLiteral("SELECT seq, content FROM case_entries WHERE case_id = ? AND seq <= ? ORDER BY seq"),
            {caseId, decidedSeq});
    if (!rows)
        return rows.error();
    QList<store::LogEntry> entries;
    while (rows.value().next()) {
        auto entry = m_sealer.openEntry(caseId, rows.value().value(0).toInt(), rows.value().value(1).toString());
        if (!entry)
            return entry.error();
        entries.append(logEntry(entry.value()));
    }
    auto state = intake::CaseState::replay(entries);

    auto hold = [&](const QString &shaIn, const QString &reason) {
        // Never NULL (the column is NOT NULL): a log that does not fold has no catalogue at all.
        const QString sha = shaIn.isNull() ? QStringLiteral("") : shaIn;
        auto q = existing
            ? m_db.exec(QStringLiteral("UPDATE case_routing SET reason = ?, updated_at = ? WHERE case_id = ?"),
                {reason, now, caseId})
            : m_db.exec(QStringLiteral("INSERT INTO case_routing (case_id, state, catalog_sha256, decided_seq,"
                                       " reason, updated_at) VALUES (?, 'unroutable', ?, ?, ?, ?)"),
                {caseId, sha, decidedSeq, reason, now});
        return q ? QString() : q.error();
    };
    if (!state)
        return hold(QString(), QStringLiteral("The case's log does not fold: %1").arg(state.error()));
    const QString sha = state->catalogSha256;
    auto catalog = m_catalogues.find(sha);
    if (!catalog)
        return catalog.error();
    if (!catalog->has_value())
        return hold(sha, QStringLiteral("The back office lacks catalogue %1.").arg(sha));
    const Catalog &c = **catalog;
    auto list = checklist::ChecklistEngine::evaluate(c, state->selection, state->answers, state->collected,
        state->recorded, WorkCalendar(), entries.last().at.date());
    if (!list)
        return hold(sha, list.error());

    // The back office's own evaluation: the items the pinned catalogue includes for the logged
    // selection and answers (those the window took from a card or licence are logged too).
    QList<const Matter *> evaluated;
    for (const checklist::ItemLine &line : list->items) {
        if (line.included != checklist::ItemLine::Inclusion::Included)
            continue;
        if (const Matter *matter = c.matter(line.matter))
            evaluated << matter;
    }
    // The window's decision names the items it decided, with their departments (the receipt
    // promised exactly those). Routed only when both agree; otherwise held, never trimmed.
    const QJsonValue decidedItems = entries.last().payload.value(QLatin1String("items"));
    if (decidedItems.isArray()) {
        QMap<QString, QString> decided; // matter → department as the window decided
        for (const QJsonValue &v : decidedItems.toArray()) {
            const QJsonObject o = v.toObject();
            decided.insert(
                o.value(QLatin1String("matter")).toString(), o.value(QLatin1String("department")).toString());
        }
        QMap<QString, QString> own;
        for (const Matter *m : std::as_const(evaluated))
            own.insert(m->code, m->department);
        if (decided != own) {
            QStringList onlyWindow;
            QStringList onlyHere;
            // The same as items {matter, department}, for the window to word in its own language.
            QJsonArray onlyDecided;
            QJsonArray onlyEvaluated;
            const auto item = [](const auto &it) {
                return QJsonObject {{QStringLiteral("matter"), it.key()}, {QStringLiteral("department"), it.value()}};
            };
            for (auto it = decided.cbegin(); it != decided.cend(); ++it) {
                if (!own.contains(it.key()) || own.value(it.key()) != it.value()) {
                    onlyWindow << QStringLiteral("%1 (%2)").arg(it.key(), it.value());
                    onlyDecided.append(item(it));
                }
            }
            for (auto it = own.cbegin(); it != own.cend(); ++it) {
                if (!decided.contains(it.key()) || decided.value(it.key()) != it.value()) {
                    onlyHere << QStringLiteral("%1 (%2)").arg(it.key(), it.value());
                    onlyEvaluated.append(item(it));
                }
            }
            const QString reason =
                QStringLiteral("The items the window decided differ from the back office's evaluation of catalogue %1:"
                               " only in the decision [%2], only in the evaluation [%3].")
                    .arg(sha, onlyWindow.join(QLatin1String(", ")), onlyHere.join(QLatin1String(", ")));
            const QJsonObject detail {{QStringLiteral("code"), QStringLiteral("items-differ")},
                {QStringLiteral("onlyDecided"), onlyDecided}, {QStringLiteral("onlyEvaluated"), onlyEvaluated}};
            return dispute(caseId, window, sha, decidedSeq, existing, reason, detail);
        }
    }

    // What a department needs of its item, kept with it now that the case is folded: the case
    // number, the applicant masked (never the full name or ID number), the day the result is
    // promised (the receipt's code, per matter) and the item's materials with their scans.
    auto calendar = m_catalogues.workCalendar();
    if (!calendar)
        return calendar.error();
    // Never NULL (the columns are NOT NULL): '' when the log does not say.
    const auto notNull = [](const QString &s) { return s.isNull() ? QStringLiteral("") : s; };
    const QString caseNumber = notNull(state->document ? state->document->caseNumber : state->number);
    const QString applicant = state->applicant ? jsonText(Masking::applicant(*state->applicant)) : QStringLiteral("");
    // The window's day of the decision (the receipt's issue time keeps the window's offset).
    const QDate decidedOn = state->document && state->document->issuedAt.isValid() ? state->document->issuedAt.date()
                                                                                   : entries.last().at.date();

    QMap<QString, QJsonArray> byDepartment;
    for (const Matter *matter : std::as_const(evaluated)) {
        const QString itemId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QDate promised = checklist::PromisedDate::of({matter}, calendar.value(), decidedOn);
        auto materials = itemMaterials(*list, *state, matter->code);
        if (!materials)
            return materials.error();
        auto put = m_db.exec(QStringLiteral("INSERT INTO items (item_id, case_id, window_key_id, matter, name,"
                                            " department, state, routed_at, updated_at, case_number, applicant,"
                                            " promised_date, materials)"
                                            " VALUES (?, ?, ?, ?, ?, ?, 'routed', ?, ?, ?, ?, ?, ?)"),
            {itemId, caseId, window, matter->code, matter->name, matter->department, now, now, caseNumber, applicant,
                notNull(promised.toString(Qt::ISODate)), jsonText(materials.value())});
        if (!put)
            return put.error();
        byDepartment[matter->department].append(itemId);
    }
    auto made = existing
        ? m_db.exec(QStringLiteral("UPDATE case_routing SET state = 'routed', reason = '', updated_at = ?"
                                   " WHERE case_id = ? AND state = 'unroutable'"),
            {now, caseId})
        : m_db.exec(QStringLiteral("INSERT INTO case_routing (case_id, state, catalog_sha256, decided_seq, reason,"
                                   " updated_at) VALUES (?, 'routed', ?, ?, '', ?)"),
            {caseId, sha, decidedSeq, now});
    if (!made)
        return made.error();
    if (existing && made.value().numRowsAffected() != 1)
        return QStringLiteral("Case %1 was routed meanwhile.").arg(caseId);
    *routed = true;
    for (auto it = byDepartment.cbegin(); it != byDepartment.cend(); ++it) {
        const QString why = m_events.append(window, QStringLiteral("routed"), caseId, QString(),
            QJsonObject {{QStringLiteral("department"), it.key()}, {QStringLiteral("items"), it.value()}});
        if (!why.isEmpty())
            return why;
    }
    return QString();
}

Result<QJsonArray> Router::itemMaterials(
    const checklist::Checklist &list, const intake::CaseState &state, const QString &matter)
{
    using R = Result<QJsonArray>;
    QJsonArray out;
    for (const checklist::MaterialLine &line : list.materials) {
        const bool needed = std::any_of(line.neededBy.cbegin(), line.neededBy.cend(),
            [&matter](const checklist::Need &n) { return n.matter == matter; });
        if (!needed)
            continue;
        QJsonObject m {{QStringLiteral("material"), line.id}, {QStringLiteral("name"), line.name},
            {QStringLiteral("status"), checklist::statusKey(line.status)}};
        QJsonArray scans;
        // The material's scan, and those of the further applicants' copies (material@2 …).
        QStringList ids;
        for (auto it = state.documents.cbegin(); it != state.documents.cend(); ++it) {
            if (it.key() == line.id || it.key().startsWith(line.id + QLatin1Char('@')))
                ids << it.key();
        }
        ids.sort();
        for (const QString &id : std::as_const(ids)) {
            const intake::CaseState::DocumentRef doc = state.documents.value(id);
            // Its size once its bytes are here (the window uploads a scan before the entries
            // that name it; null when it has not arrived).
            auto size = m_db.exec(QStringLiteral("SELECT length_bytes FROM blobs WHERE sha256 = ?"), {doc.sha256});
            if (!size)
                return R::failure(size.error());
            const QJsonValue bytes =
                size.value().next() ? QJsonValue(size.value().value(0).toLongLong()) : QJsonValue();
            scans.append(QJsonObject {{QStringLiteral("material"), id}, {QStringLiteral("sha256"), doc.sha256},
                {QStringLiteral("href"), QStringLiteral("/v1/blobs/") + doc.sha256},
                {QStringLiteral("pages"), doc.pageCount}, {QStringLiteral("bytes"), bytes}});
        }
        m.insert(QStringLiteral("scans"), scans);
        out.append(m);
    }
    return out;
}

QString Router::dispute(const QString &caseId, const QString &window, const QString &sha, int decidedSeq, bool existing,
    const QString &reason, const QJsonObject &detail)
{
    const QString now = isoUtc(m_clock());
    auto q = existing
        ? m_db.exec(QStringLiteral("UPDATE case_routing SET state = 'disputed', reason = ?, updated_at = ?"
                                   " WHERE case_id = ?"),
            {reason, now, caseId})
        : m_db.exec(QStringLiteral("INSERT INTO case_routing (case_id, state, catalog_sha256, decided_seq, reason,"
                                   " updated_at) VALUES (?, 'disputed', ?, ?, ?, ?)"),
            {caseId, sha, decidedSeq, reason, now});
    if (!q)
        return q.error();
    // The window hears of it too: its case shows it is held and why.
    QJsonObject data = detail;
    data.insert(QStringLiteral("reason"), reason);
    data.insert(QStringLiteral("decidedSeq"), decidedSeq);
    return m_events.append(window, QStringLiteral("held"), caseId, QString(), data);
}

int Router::routeHeld(const QString &sha256, QString *error)
{
    auto q = m_db.exec(QStringLiteral("SELECT r.case_id, c.window_key_id, r.decided_seq FROM case_routing r"
                                      " JOIN cases c ON c.case_id = r.case_id"
                                      " WHERE r.state = 'unroutable' AND r.catalog_sha256 = ? ORDER BY r.case_id"),
        {sha256});
    if (!q) {
        *error = q.error();
        return -1;
    }
    struct Held
    {
        QString caseId, window;
        int seq;
    };
    QList<Held> held;
    while (q.value().next())
        held.append({q.value().value(0).toString(), q.value().value(1).toString(), q.value().value(2).toInt()});
    int routed = 0;
    for (const Held &h : held) {
        if (!m_db.begin()) {
            *error = m_db.lastError();
            return -1;
        }
        bool done = false;
        const QString why = route(h.caseId, h.window, h.seq, true, &done);
        if (!why.isEmpty()) {
            m_db.rollback();
            *error = why;
            return -1;
        }
        if (!m_db.commit()) {
            *error = m_db.lastError();
            return -1;
        }
        m_events.publish();
        routed += done ? 1 : 0;
    }
    return routed;
}

} // namespace ow::backoffice
