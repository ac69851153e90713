#include "onewindow/store/CaseRepository.h"

#include "onewindow/core/Masking.h"

#include "onewindow/store/CaseLog.h"
#include "onewindow/store/CaseNumbering.h"
#include "onewindow/store/Sealer.h"
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

QByteArray partiesAad(const QString &caseId)
{
    return "parties#" + caseId.toUtf8();
}

QString firstApplicantNumber(const CaseRecord &r)
{
    const auto a = r.applicant();
    return a ? a->idNumber : QString();
}

QString saveCase(QSqlDatabase &db, const Sealer &sealer, const CaseRecord &r)
{
    if (r.id.isEmpty() || r.number.isEmpty())
        return CaseRepository::tr("A case needs an id and a number before it is saved.");
    const QDateTime now = r.updatedAt.isValid() ? r.updatedAt : QDateTime::currentDateTimeUtc();
    QVariant parties;
    if (!r.parties.isEmpty()) {
        const auto sealed = sealer.seal(QJsonDocument(r.parties).toJson(QJsonDocument::Compact), partiesAad(r.id));
        if (!sealed)
            return sealed.error();
        parties = sealed.value();
    }
    const QString number = firstApplicantNumber(r);
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO cases (id, number, window_code, clerk, state, verdict, catalog_version, catalog_sha256,"
        " selection, answers, parties, applicant_masked, applicant_blind, promised_date, pickup, decision, document,"
        " visits, has_content, log_seq, draft, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET clerk = excluded.clerk, state = excluded.state, verdict = excluded.verdict,"
        " catalog_version = excluded.catalog_version, catalog_sha256 = excluded.catalog_sha256,"
        " selection = excluded.selection, answers = excluded.answers, parties = excluded.parties,"
        " applicant_masked = excluded.applicant_masked, applicant_blind = excluded.applicant_blind,"
        " promised_date = excluded.promised_date, pickup = excluded.pickup, decision = excluded.decision,"
        " document = excluded.document, visits = excluded.visits, has_content = excluded.has_content,"
        " log_seq = excluded.log_seq, draft = excluded.draft, updated_at = excluded.updated_at"));
    q.addBindValue(r.id);
    q.addBindValue(r.number);
    q.addBindValue(r.windowCode);
    q.addBindValue(r.clerk);
    q.addBindValue(r.state);
    q.addBindValue(r.verdict);
    q.addBindValue(r.catalogVersion);
    q.addBindValue(r.catalogSha256.isEmpty() ? QVariant() : QVariant(r.catalogSha256));
    q.addBindValue(json(r.selection));
    q.addBindValue(json(r.answers));
    q.addBindValue(parties);
    q.addBindValue(r.applicantMasked.isEmpty() ? QVariant() : QVariant(r.applicantMasked));
    q.addBindValue(number.isEmpty() ? QVariant() : QVariant(sealer.blindIndex(number)));
    q.addBindValue(r.promisedDate.isValid() ? QVariant(r.promisedDate.toString(Qt::ISODate)) : QVariant());
    q.addBindValue(r.pickup);
    q.addBindValue(r.decision);
    q.addBindValue(r.document.isEmpty() ? QVariant() : QVariant(json(r.document)));
    q.addBindValue(r.visits);
    q.addBindValue(r.hasContent ? 1 : 0);
    q.addBindValue(r.logSeq);
    q.addBindValue(json(r.draft));
    q.addBindValue(iso(r.createdAt.isValid() ? r.createdAt : now));
    q.addBindValue(iso(now));
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

QString saveNotice(QSqlDatabase &db, const NoticeRecord &notice, const CaseRecord &record)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO notices (id, case_id, kind, qr_payload, content, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(notice.id);
    q.addBindValue(record.id);
    q.addBindValue(notice.kind);
    q.addBindValue(notice.qrPayload);
    q.addBindValue(json(notice.content));
    q.addBindValue(iso(notice.createdAt.isValid() ? notice.createdAt : record.updatedAt));
    return q.exec() ? QString() : failed(q);
}

const QLatin1String kCaseColumns(
    "id, number, window_code, clerk, state, verdict, catalog_version, catalog_sha256, selection, answers, parties,"
    " applicant_masked, promised_date, pickup, decision, document, visits, has_content, log_seq, draft, created_at,"
    " updated_at");

// `full`: with the sealed parties opened and the collected materials (lists need neither).
CaseRecord readCase(const QSqlDatabase &db, const Sealer &sealer, const QSqlQuery &q, bool full = true)
{
    CaseRecord r;
    r.id = q.value(0).toString();
    r.number = q.value(1).toString();
    r.windowCode = q.value(2).toString();
    r.clerk = q.value(3).toString();
    r.state = q.value(4).toString();
    r.verdict = q.value(5).toString();
    r.catalogVersion = q.value(6).toString();
    r.catalogSha256 = q.value(7).toString();
    r.selection = object(q.value(8));
    r.answers = object(q.value(9));
    if (full && !q.value(10).isNull()) {
        const auto plain = sealer.open(q.value(10).toByteArray(), partiesAad(r.id));
        if (plain)
            r.parties = QJsonDocument::fromJson(plain.value()).array();
    }
    r.applicantMasked = q.value(11).toString();
    r.promisedDate = QDate::fromString(q.value(12).toString(), Qt::ISODate);
    r.pickup = q.value(13).toString();
    r.decision = q.value(14).toString();
    r.document = object(q.value(15));
    r.visits = q.value(16).toInt();
    r.hasContent = q.value(17).toInt() != 0;
    r.logSeq = q.value(18).toInt();
    r.draft = object(q.value(19));
    r.createdAt = QDateTime::fromString(q.value(20).toString(), Qt::ISODateWithMs);
    r.updatedAt = QDateTime::fromString(q.value(21).toString(), Qt::ISODateWithMs);
    if (full) {
        QSqlQuery m(db);
        m.prepare(QStringLiteral("SELECT material_id, status FROM collected_materials WHERE case_id = ?"));
        m.addBindValue(r.id);
        if (m.exec()) {
            while (m.next())
                r.materials.insert(m.value(0).toString(), m.value(1).toString());
        }
    }
    return r;
}

} // namespace

Result<QString> CaseRepository::write(const QList<CaseWrite> &writes)
{
    QString taken;
    const Sealer &sealer = m_store.sealer();
    const QString err = m_store.transact([&](QSqlDatabase &db) {
        for (CaseWrite w : writes) {
            if (w.takeNumber) {
                const auto number = CaseNumbering::takeNumber(db, w.regionCode, w.record.windowCode, w.day);
                if (!number)
                    return number.error();
                taken = number.value();
                w.record.number = taken;
                if (!w.entries.isEmpty())
                    w.entries.first().payload.insert(QStringLiteral("number"), taken);
            }
            for (const LogEntry &e : std::as_const(w.entries)) {
                const QString appendErr = CaseLog::append(db, sealer, e);
                if (!appendErr.isEmpty())
                    return appendErr;
            }
            if (!w.entries.isEmpty())
                w.record.logSeq = w.entries.last().seq;
            QString saveErr = saveCase(db, sealer, w.record);
            if (saveErr.isEmpty() && w.notice)
                saveErr = saveNotice(db, *w.notice, w.record);
            if (!saveErr.isEmpty())
                return saveErr;
        }
        return QString();
    });
    if (!err.isEmpty())
        return Result<QString>::failure(err);
    return taken;
}

QString CaseRepository::storeCatalog(const QString &sha256, const QString &version, const QByteArray &content)
{
    return m_store.transact([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO catalogs (sha256, version, content, stored_at) VALUES (?, ?, ?, ?)"
                                 " ON CONFLICT(sha256) DO NOTHING"));
        q.addBindValue(sha256);
        q.addBindValue(version);
        q.addBindValue(content);
        q.addBindValue(iso(QDateTime::currentDateTimeUtc()));
        return q.exec() ? QString() : tr("Keeping catalogue %1 failed: %2").arg(version, q.lastError().text());
    });
}

Result<QByteArray> CaseRepository::catalog(const QString &sha256) const
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT content FROM catalogs WHERE sha256 = ?"));
    q.addBindValue(sha256);
    if (!q.exec() || !q.next())
        return Result<QByteArray>::failure(
            tr("The catalogue %1 this case was started with is not in the store.").arg(sha256.left(12)));
    return q.value(0).toByteArray();
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
    return readCase(db, m_store.sealer(), q);
}

Result<CaseRecord> CaseRepository::findByNumber(const QString &number) const
{
    const QSqlDatabase db = m_store.database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM cases WHERE number = ?").arg(kCaseColumns));
    q.addBindValue(number.trimmed().toUpper());
    if (!q.exec())
        return Result<CaseRecord>::failure(tr("Reading the case failed: %1").arg(q.lastError().text()));
    if (!q.next())
        return Result<CaseRecord>::failure(tr("No case numbered %1 at this window.").arg(number));
    return readCase(db, m_store.sealer(), q);
}

QList<CaseRecord> CaseRepository::findByIdNumber(const QString &windowCode, const QString &idNumber, int limit) const
{
    const QSqlDatabase db = m_store.database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM cases WHERE applicant_blind = ? AND window_code = ?"
                             " ORDER BY updated_at DESC LIMIT ?")
                  .arg(kCaseColumns));
    q.addBindValue(m_store.sealer().blindIndex(idNumber));
    q.addBindValue(windowCode);
    q.addBindValue(limit);
    QList<CaseRecord> out;
    if (q.exec()) {
        while (q.next())
            out << readCase(db, m_store.sealer(), q, false);
    }
    return out;
}

QList<CaseRecord> CaseRepository::list(const QString &windowCode, bool openOnly, int limit, int offset) const
{
    const QSqlDatabase db = m_store.database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM cases WHERE window_code = ? %2 ORDER BY updated_at DESC LIMIT ? OFFSET ?")
                  .arg(kCaseColumns, openOnly ? QStringLiteral("AND state NOT IN ('done', 'abandoned')") : QString()));
    q.addBindValue(windowCode);
    q.addBindValue(limit);
    q.addBindValue(offset);
    QList<CaseRecord> out;
    if (q.exec()) {
        while (q.next())
            out << readCase(db, m_store.sealer(), q, false);
    }
    return out;
}

std::optional<CaseRecord> CaseRepository::latestOpen(const QString &windowCode) const
{
    const QSqlDatabase db = m_store.database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM cases INDEXED BY cases_open WHERE window_code = ? AND has_content = 1"
                             " AND state NOT IN ('done', 'abandoned') ORDER BY updated_at DESC LIMIT 1")
                  .arg(kCaseColumns));
    q.addBindValue(windowCode);
    if (q.exec() && q.next())
        return readCase(db, m_store.sealer(), q);
    return std::nullopt;
}

QList<CaseRecord> CaseRepository::emptyDrafts(const QString &windowCode) const
{
    const QSqlDatabase db = m_store.database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM cases INDEXED BY cases_open WHERE window_code = ? AND has_content = 0"
                             " AND state NOT IN ('done', 'abandoned') ORDER BY updated_at LIMIT 100")
                  .arg(kCaseColumns));
    q.addBindValue(windowCode);
    QList<CaseRecord> out;
    if (q.exec()) {
        while (q.next())
            out << readCase(db, m_store.sealer(), q);
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
            out << readCase(db, m_store.sealer(), q, false);
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

QString CaseRepository::sealLegacy(QSqlDatabase &db, const Sealer &sealer)
{
    QSqlQuery pragma(db);
    pragma.exec(QStringLiteral("PRAGMA secure_delete = ON"));
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT c.id, a.kind, a.id_number, a.name, a.details, g.kind, g.id_number, g.name,"
                               " g.details FROM cases c LEFT JOIN applicants a ON a.id = c.applicant_id"
                               " LEFT JOIN applicants g ON g.id = c.agent_id WHERE c.applicant_id IS NOT NULL")))
        return q.lastError().text();
    struct Row
    {
        QString id;
        QJsonArray parties;
        QString masked;
        QString blind;
    };
    QList<Row> rows;
    while (q.next()) {
        auto party = [&](int at) -> QJsonValue {
            if (q.value(at).isNull())
                return QJsonValue();
            return QJsonObject {{QStringLiteral("kind"), q.value(at).toString()},
                {QStringLiteral("number"), q.value(at + 1).toString()},
                {QStringLiteral("name"), q.value(at + 2).toString()},
                {QStringLiteral("details"), object(q.value(at + 3))}};
        };
        const bool company = q.value(1).toString() == QLatin1String("company");
        const QString number = q.value(2).toString();
        const QString name = q.value(3).toString();
        rows << Row {q.value(0).toString(),
            QJsonArray {QJsonObject {{QStringLiteral("applicant"), party(1)}, {QStringLiteral("agent"), party(5)}}},
            company ? name + u' ' + number : masking::name(name) + u' ' + masking::idNumber(number),
            sealer.blindIndex(number)};
    }
    for (const Row &r : std::as_const(rows)) {
        const auto sealed = sealer.seal(QJsonDocument(r.parties).toJson(QJsonDocument::Compact), partiesAad(r.id));
        if (!sealed)
            return sealed.error();
        QSqlQuery u(db);
        u.prepare(QStringLiteral(
            "UPDATE cases SET parties = ?, applicant_masked = ?, applicant_blind = ?, has_content = 1 WHERE id = ?"));
        u.addBindValue(sealed.value());
        u.addBindValue(r.masked);
        u.addBindValue(r.blind);
        u.addBindValue(r.id);
        if (!u.exec())
            return u.lastError().text();
    }
    for (const QLatin1String sql :
        {QLatin1String("UPDATE cases SET decision = json_extract(draft, '$.decision') WHERE decision IS NULL"),
            QLatin1String("UPDATE cases SET visits = COALESCE(json_extract(draft, '$.visits'), 1)"),
            QLatin1String("UPDATE cases SET state = 'abandoned' WHERE state NOT IN ('done', 'print', 'abandoned')"),
            QLatin1String("UPDATE cases SET applicant_id = NULL, agent_id = NULL, draft = '{}'"),
            QLatin1String("DELETE FROM applicants"), QLatin1String("DROP TABLE outbox")}) {
        QSqlQuery u(db);
        if (!u.exec(sql))
            return u.lastError().text();
    }
    return {};
}

int CaseRepository::pendingOutbox() const
{
    return CaseLog(m_store).pendingCount();
}

} // namespace ow::store
