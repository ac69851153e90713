#include "onewindow/store/CaseLog.h"

#include "onewindow/store/Sealer.h"
#include "onewindow/store/Store.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace ow::store {

namespace {

QByteArray aad(const QString &caseId, int seq)
{
    return caseId.toUtf8() + '#' + QByteArray::number(seq);
}

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

const QLatin1String kColumns("case_id, seq, at, window, clerk, kind, payload, acked_at");

Result<LogEntry> read(const Sealer &sealer, const QSqlQuery &q)
{
    LogEntry e;
    e.caseId = q.value(0).toString();
    e.seq = q.value(1).toInt();
    e.at = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
    e.window = q.value(3).toString();
    e.clerk = q.value(4).toString();
    e.kind = q.value(5).toString();
    const auto plain = sealer.open(q.value(6).toByteArray(), aad(e.caseId, e.seq));
    if (!plain)
        return Result<LogEntry>::failure(
            CaseLog::tr("Entry %1 of case %2 cannot be read: %3").arg(e.seq).arg(e.caseId, plain.error()));
    e.payload = QJsonDocument::fromJson(plain.value()).object();
    if (!q.value(7).isNull())
        e.ackedAt = QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs);
    return e;
}

Result<QList<LogEntry>> readAll(const Sealer &sealer, QSqlQuery &q)
{
    QList<LogEntry> out;
    while (q.next()) {
        auto e = read(sealer, q);
        if (!e)
            return Result<QList<LogEntry>>::failure(e.error());
        out << e.value();
    }
    return out;
}

} // namespace

int CaseLog::lastSeq(const QSqlDatabase &db, const QString &caseId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM case_log WHERE case_id = ?"));
    q.addBindValue(caseId);
    if (q.exec() && q.next())
        return q.value(0).toInt();
    return -1;
}

QString CaseLog::append(QSqlDatabase &db, const Sealer &sealer, const LogEntry &entry)
{
    if (entry.caseId.isEmpty() || entry.kind.isEmpty() || entry.seq < 1)
        return tr("A log entry needs a case, a kind and a sequence number.");
    const int last = lastSeq(db, entry.caseId);
    if (last < 0)
        return tr("The case log cannot be read.");
    if (entry.seq != last + 1)
        return tr("Case %1 was changed elsewhere (entry %2 exists); open it again.").arg(entry.caseId).arg(last);
    const auto sealed =
        sealer.seal(QJsonDocument(entry.payload).toJson(QJsonDocument::Compact), aad(entry.caseId, entry.seq));
    if (!sealed)
        return sealed.error();
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO case_log (case_id, seq, at, window, clerk, kind, payload) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(entry.caseId);
    q.addBindValue(entry.seq);
    q.addBindValue(iso(entry.at));
    q.addBindValue(entry.window);
    q.addBindValue(entry.clerk);
    q.addBindValue(entry.kind);
    q.addBindValue(sealed.value());
    if (!q.exec())
        return tr("Writing the case log failed: %1").arg(q.lastError().text());
    return {};
}

Result<QList<LogEntry>> CaseLog::entries(const QString &caseId) const
{
    using R = Result<QList<LogEntry>>;
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT %1 FROM case_log WHERE case_id = ? ORDER BY seq").arg(kColumns));
    q.addBindValue(caseId);
    if (!q.exec())
        return R::failure(tr("Reading the case log failed: %1").arg(q.lastError().text()));
    return readAll(m_store.sealer(), q);
}

Result<QList<LogEntry>> CaseLog::pending(int limit) const
{
    using R = Result<QList<LogEntry>>;
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT %1 FROM case_log WHERE acked_at IS NULL ORDER BY rowid LIMIT ?").arg(kColumns));
    q.addBindValue(limit);
    if (!q.exec())
        return R::failure(tr("Reading the outbox failed: %1").arg(q.lastError().text()));
    return readAll(m_store.sealer(), q);
}

int CaseLog::pendingCount() const
{
    QSqlQuery q(m_store.database());
    if (q.exec(QStringLiteral("SELECT COUNT(*) FROM case_log WHERE acked_at IS NULL")) && q.next())
        return q.value(0).toInt();
    return -1;
}

QString CaseLog::acknowledge(const QString &caseId, int seq, const QDateTime &at)
{
    return m_store.transact([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("UPDATE case_log SET acked_at = ? WHERE case_id = ? AND seq = ? AND acked_at IS NULL"));
        q.addBindValue(iso(at));
        q.addBindValue(caseId);
        q.addBindValue(seq);
        if (!q.exec())
            return tr("Recording the acknowledgement failed: %1").arg(q.lastError().text());
        return QString();
    });
}

QString CaseLog::acknowledge(const QString &caseId, const QList<int> &seqs, const QDateTime &at)
{
    return m_store.transact([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("UPDATE case_log SET acked_at = ? WHERE case_id = ? AND seq = ? AND acked_at IS NULL"));
        for (const int seq : seqs) {
            q.addBindValue(iso(at));
            q.addBindValue(caseId);
            q.addBindValue(seq);
            if (!q.exec())
                return tr("Recording the acknowledgement failed: %1").arg(q.lastError().text());
        }
        return QString();
    });
}

} // namespace ow::store
