#include "onewindow/store/CaseRepository.h"

#include "onewindow/store/Store.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace ow::store {

namespace {

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject object(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QString failed(const QSqlQuery &q)
{
    return CaseRepository::tr("Saving the case failed: %1").arg(q.lastError().text());
}

QString saveApplicant(QSqlDatabase &db, const ApplicantRecord &a, const QDateTime &now)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO applicants (id, kind, id_number, name, details, updated_at)"
                             " VALUES (?, ?, ?, ?, ?, ?)"
                             " ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, id_number = excluded.id_number,"
                             " name = excluded.name, details = excluded.details, updated_at = excluded.updated_at"));
    q.addBindValue(a.id);
    q.addBindValue(a.kind);
    q.addBindValue(a.idNumber);
    q.addBindValue(a.name);
    q.addBindValue(json(a.details));
    q.addBindValue(iso(now));
    return q.exec() ? QString() : failed(q);
}

QString saveCase(QSqlDatabase &db, const CaseRecord &r)
{
    if (r.id.isEmpty() || r.number.isEmpty())
        return CaseRepository::tr("A case needs an id and a number before it is saved.");
    const QDateTime now = r.updatedAt.isValid() ? r.updatedAt : QDateTime::currentDateTimeUtc();
    for (const auto *a : {&r.applicant, &r.agent}) {
        if (a->has_value()) {
            const QString err = saveApplicant(db, **a, now);
            if (!err.isEmpty())
                return err;
        }
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO cases (id, number, window_code, clerk, state, verdict, catalog_version, selection, answers,"
        " applicant_id, agent_id, promised_date, draft, created_at, updated_at, pickup)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET state = excluded.state, verdict = excluded.verdict,"
        " selection = excluded.selection, answers = excluded.answers, applicant_id = excluded.applicant_id,"
        " agent_id = excluded.agent_id, promised_date = excluded.promised_date, draft = excluded.draft,"
        " clerk = excluded.clerk, updated_at = excluded.updated_at, pickup = excluded.pickup"));
    q.addBindValue(r.id);
    q.addBindValue(r.number);
    q.addBindValue(r.windowCode);
    q.addBindValue(r.clerk);
    q.addBindValue(r.state);
    q.addBindValue(r.verdict);
    q.addBindValue(r.catalogVersion);
    q.addBindValue(json(r.selection));
    q.addBindValue(json(r.answers));
    q.addBindValue(r.applicant ? QVariant(r.applicant->id) : QVariant());
    q.addBindValue(r.agent ? QVariant(r.agent->id) : QVariant());
    q.addBindValue(r.promisedDate.isValid() ? QVariant(r.promisedDate.toString(Qt::ISODate)) : QVariant());
    q.addBindValue(json(r.draft));
    q.addBindValue(iso(r.createdAt.isValid() ? r.createdAt : now));
    q.addBindValue(iso(now));
    q.addBindValue(r.pickup);
    if (!q.exec())
        return failed(q);

    QSqlQuery del(db);
    del.prepare(QStringLiteral("DELETE FROM collected_materials WHERE case_id = ?"));
    del.addBindValue(r.id);
    if (!del.exec())
        return failed(del);
    QSqlQuery ins(db);
    ins.prepare(QStringLiteral(
        "INSERT INTO collected_materials (case_id, material_id, status, updated_at) VALUES (?, ?, ?, ?)"));
    for (auto it = r.materials.cbegin(); it != r.materials.cend(); ++it) {
        ins.addBindValue(r.id);
        ins.addBindValue(it.key());
        ins.addBindValue(it.value());
        ins.addBindValue(iso(now));
        if (!ins.exec())
            return failed(ins);
    }
    return {};
}

QString addOutbox(QSqlDatabase &db, const CaseRecord &r, const QString &kind)
{
    if (kind.isEmpty())
        return {};
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO outbox (case_id, kind, payload, created_at) VALUES (?, ?, ?, ?)"));
    q.addBindValue(r.id);
    q.addBindValue(kind);
    q.addBindValue(json(QJsonObject {
        {QStringLiteral("case"), r.id}, {QStringLiteral("number"), r.number}, {QStringLiteral("state"), r.state}}));
    q.addBindValue(iso(r.updatedAt.isValid() ? r.updatedAt : QDateTime::currentDateTimeUtc()));
    return q.exec() ? QString() : failed(q);
}

std::optional<ApplicantRecord> loadApplicant(const QSqlDatabase &db, const QVariant &id)
{
    if (id.isNull() || id.toString().isEmpty())
        return std::nullopt;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id, kind, id_number, name, details FROM applicants WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return ApplicantRecord {
        q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), object(q.value(4))};
}

const QLatin1String kCaseColumns("id, number, window_code, clerk, state, verdict, catalog_version, selection, answers,"
                                 " applicant_id, agent_id, promised_date, draft, created_at, updated_at, pickup");

CaseRecord readCase(const QSqlDatabase &db, const QSqlQuery &q)
{
    CaseRecord r;
    r.id = q.value(0).toString();
    r.number = q.value(1).toString();
    r.windowCode = q.value(2).toString();
    r.clerk = q.value(3).toString();
    r.state = q.value(4).toString();
    r.verdict = q.value(5).toString();
    r.catalogVersion = q.value(6).toString();
    r.selection = object(q.value(7));
    r.answers = object(q.value(8));
    r.applicant = loadApplicant(db, q.value(9));
    r.agent = loadApplicant(db, q.value(10));
    r.promisedDate = QDate::fromString(q.value(11).toString(), Qt::ISODate);
    r.draft = object(q.value(12));
    r.createdAt = QDateTime::fromString(q.value(13).toString(), Qt::ISODateWithMs);
    r.updatedAt = QDateTime::fromString(q.value(14).toString(), Qt::ISODateWithMs);
    r.pickup = q.value(15).toString();
    QSqlQuery m(db);
    m.prepare(QStringLiteral("SELECT material_id, status FROM collected_materials WHERE case_id = ?"));
    m.addBindValue(r.id);
    if (m.exec()) {
        while (m.next())
            r.materials.insert(m.value(0).toString(), m.value(1).toString());
    }
    return r;
}

} // namespace

QString CaseRepository::save(const CaseRecord &record, const QString &outboxKind)
{
    return m_store.transact([&](QSqlDatabase &db) {
        QString err = saveCase(db, record);
        if (err.isEmpty())
            err = addOutbox(db, record, outboxKind);
        return err;
    });
}

QString CaseRepository::saveWithNotice(const CaseRecord &record, const NoticeRecord &notice, const QString &outboxKind)
{
    return m_store.transact([&](QSqlDatabase &db) {
        QString err = saveCase(db, record);
        if (!err.isEmpty())
            return err;
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "INSERT INTO notices (id, case_id, kind, qr_payload, content, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
        q.addBindValue(notice.id);
        q.addBindValue(record.id);
        q.addBindValue(notice.kind);
        q.addBindValue(notice.qrPayload);
        q.addBindValue(json(notice.content));
        q.addBindValue(iso(notice.createdAt.isValid() ? notice.createdAt : record.updatedAt));
        if (!q.exec())
            return failed(q);
        return addOutbox(db, record, outboxKind);
    });
}

Result<CaseRecord> CaseRepository::load(const QString &id) const
{
    const QSqlDatabase db = m_store.database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM cases WHERE id = ?").arg(kCaseColumns));
    q.addBindValue(id);
    if (!q.exec())
        return Result<CaseRecord>::failure(tr("Reading the case failed: %1").arg(q.lastError().text()));
    if (!q.next())
        return Result<CaseRecord>::failure(tr("No case with id %1 in this store.").arg(id));
    return readCase(db, q);
}

Result<CaseRecord> CaseRepository::findByNumber(const QString &number) const
{
    const QSqlDatabase db = m_store.database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM cases WHERE number = ?").arg(kCaseColumns));
    q.addBindValue(number);
    if (!q.exec())
        return Result<CaseRecord>::failure(tr("Reading the case failed: %1").arg(q.lastError().text()));
    if (!q.next())
        return Result<CaseRecord>::failure(tr("No case numbered %1 at this window.").arg(number));
    return readCase(db, q);
}

QList<CaseRecord> CaseRepository::list(const QString &windowCode, bool openOnly, int limit) const
{
    const QSqlDatabase db = m_store.database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM cases WHERE window_code = ? %2 ORDER BY updated_at DESC LIMIT ?")
                  .arg(kCaseColumns, openOnly ? QStringLiteral("AND state NOT IN ('done', 'abandoned')") : QString()));
    q.addBindValue(windowCode);
    q.addBindValue(limit);
    QList<CaseRecord> out;
    if (q.exec()) {
        while (q.next())
            out << readCase(db, q);
    }
    return out;
}

QList<CaseRecord> CaseRepository::page(
    const QString &windowCode, const CaseRecord *after, int limit, const QString &numberPrefix) const
{
    const QSqlDatabase db = m_store.database();
    QSqlQuery q(db);
    // Without a prefix: newest first over cases_window_updated. With one: over the numbers' own
    // index, newest number first (a number holds its day and sequence), so a search never walks
    // the window's other cases.
    const bool byNumber = !numberPrefix.isEmpty();
    // (+window_code: not by the window index, which would walk every case of the window.)
    QString where = byNumber ? QStringLiteral("+window_code = ?") : QStringLiteral("window_code = ?");
    if (byNumber)
        where += QStringLiteral(" AND number >= ? AND number < ?");
    if (after)
        where += byNumber ? QStringLiteral(" AND number < ?") : QStringLiteral(" AND (updated_at, id) < (?, ?)");
    q.prepare(QStringLiteral("SELECT %1 FROM cases WHERE %2 ORDER BY %3 LIMIT ?")
                  .arg(kCaseColumns, where,
                      byNumber ? QStringLiteral("number DESC") : QStringLiteral("updated_at DESC, id DESC")));
    q.addBindValue(windowCode);
    if (byNumber) {
        q.addBindValue(numberPrefix);
        q.addBindValue(numberPrefix + QChar(0xFFFF));
    }
    if (after && byNumber) {
        q.addBindValue(after->number);
    } else if (after) {
        q.addBindValue(iso(after->updatedAt));
        q.addBindValue(after->id);
    }
    q.addBindValue(limit);
    QList<CaseRecord> out;
    if (q.exec()) {
        while (q.next())
            out << readCase(db, q);
    }
    return out;
}

QList<NoticeRecord> CaseRepository::notices(const QString &caseId) const
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT id, case_id, kind, qr_payload, content, created_at FROM notices WHERE case_id = ? "
                             "ORDER BY created_at"));
    q.addBindValue(caseId);
    QList<NoticeRecord> out;
    if (q.exec()) {
        while (q.next())
            out << NoticeRecord {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                q.value(3).toString(), object(q.value(4)),
                QDateTime::fromString(q.value(5).toString(), Qt::ISODateWithMs)};
    }
    return out;
}

int CaseRepository::pendingOutbox() const
{
    QSqlQuery q(m_store.database());
    if (q.exec(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")) && q.next())
        return q.value(0).toInt();
    return -1;
}

} // namespace ow::store
