#include "onewindow/sync/SyncJournal.h"

#include "onewindow/store/Store.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace ow::sync {

namespace {

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject objectOf(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

QString textOf(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// One event into the case's row of case_remote (created when missing).
QString applyEvent(QSqlDatabase &db, const QJsonObject &e, const QString &now)
{
    const QString caseId = e.value(QLatin1String("case")).toString();
    const QString type = e.value(QLatin1String("type")).toString();
    const QString at = e.value(QLatin1String("at")).toString();
    const QString item = e.value(QLatin1String("item")).toString();
    const QJsonObject data = e.value(QLatin1String("data")).toObject();
    if (caseId.isEmpty())
        return SyncJournal::tr("An event from the back office names no case.");
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO case_remote (case_id, updated_at) VALUES (?, ?)"));
    q.addBindValue(caseId);
    q.addBindValue(now);
    if (!q.exec())
        return q.lastError().text();
    q.prepare(QStringLiteral("SELECT routed, items FROM case_remote WHERE case_id = ?"));
    q.addBindValue(caseId);
    if (!q.exec() || !q.next())
        return q.lastError().text();
    QJsonObject routed = objectOf(q.value(0).toString());
    QJsonObject items = objectOf(q.value(1).toString());
    q.finish();
    if (type == QLatin1String("confirmed")) {
        q.prepare(QStringLiteral("UPDATE case_remote SET confirmed_at = ?, confirmed_number = ?, confirmed_digest = ?,"
                                 " updated_at = ? WHERE case_id = ?"));
        q.addBindValue(at);
        q.addBindValue(data.value(QLatin1String("number")).toString());
        q.addBindValue(data.value(QLatin1String("digest")).toString());
        q.addBindValue(now);
        q.addBindValue(caseId);
        return q.exec() ? QString() : q.lastError().text();
    }
    if (type == QLatin1String("held")) {
        // Held, not routed: the back office says why (never empty, so the case shows it is held).
        QString reason = data.value(QLatin1String("reason")).toString().trimmed();
        if (reason.isEmpty())
            reason = SyncJournal::tr("no reason given");
        // The reason's parts, when the back office names them (items only the window decided, or
        // only its own evaluation has): the window words them itself.
        QJsonObject detail;
        if (data.value(QLatin1String("code")).isString()) {
            for (const char *key : {"code", "onlyDecided", "onlyEvaluated"}) {
                const QLatin1String k(key);
                if (data.contains(k))
                    detail.insert(k, data.value(k));
            }
        }
        q.prepare(QStringLiteral("UPDATE case_remote SET held_reason = ?, held_detail = ?, held_at = ?, updated_at = ?"
                                 " WHERE case_id = ?"));
        q.addBindValue(reason);
        q.addBindValue(detail.isEmpty()
                ? QVariant(QMetaType::fromType<QString>())
                : QVariant(QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact))));
        q.addBindValue(at);
        q.addBindValue(now);
        q.addBindValue(caseId);
        return q.exec() ? QString() : q.lastError().text();
    }
    if (type == QLatin1String("handout")) {
        q.prepare(QStringLiteral("UPDATE case_remote SET handout_at = ?, updated_at = ? WHERE case_id = ?"));
        q.addBindValue(at);
        q.addBindValue(now);
        q.addBindValue(caseId);
        return q.exec() ? QString() : q.lastError().text();
    }
    if (type == QLatin1String("routed")) {
        routed.insert(data.value(QLatin1String("department")).toString(), data.value(QLatin1String("items")));
    } else if (type == QLatin1String("decided") || type == QLatin1String("ready")) {
        QJsonObject it = items.value(item).toObject();
        if (type == QLatin1String("ready")) {
            it.insert(QStringLiteral("readyAt"), at);
        } else {
            for (auto d = data.begin(); d != data.end(); ++d)
                it.insert(d.key(), d.value());
            it.insert(QStringLiteral("decidedAt"), at);
        }
        items.insert(item, it);
    } else {
        return QString(); // a type this client does not know yet: the cursor still moves on
    }
    // Routed after a hold (the admin added the catalogue it lacked): held no longer.
    q.prepare(type == QLatin1String("routed")
            ? QStringLiteral("UPDATE case_remote SET routed = ?, items = ?, updated_at = ?, held_reason = NULL,"
                             " held_at = NULL, held_detail = NULL WHERE case_id = ?")
            : QStringLiteral("UPDATE case_remote SET routed = ?, items = ?, updated_at = ? WHERE case_id = ?"));
    q.addBindValue(textOf(routed));
    q.addBindValue(textOf(items));
    q.addBindValue(now);
    q.addBindValue(caseId);
    return q.exec() ? QString() : q.lastError().text();
}

} // namespace

namespace {

QString readFailed(const QSqlQuery &q)
{
    return SyncJournal::tr("Reading the sync journal failed: %1").arg(q.lastError().text());
}

Result<QStringList> caseIds(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        return Result<QStringList>::failure(readFailed(q));
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

Result<int> count(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return Result<int>::failure(readFailed(q));
    return q.value(0).toInt();
}

} // namespace

Result<QStringList> SyncJournal::pendingCases() const
{
    return caseIds(m_store.database(),
        QStringLiteral("SELECT case_id FROM case_log WHERE acked_at IS NULL GROUP BY case_id ORDER BY MIN(rowid)"));
}

Result<QStringList> SyncJournal::sendableCases() const
{
    return caseIds(m_store.database(),
        QStringLiteral("SELECT case_id FROM case_log WHERE acked_at IS NULL"
                       " AND case_id NOT IN (SELECT case_id FROM sync_conflicts)"
                       " GROUP BY case_id ORDER BY MIN(rowid)"));
}

Result<int> SyncJournal::sendableEntries() const
{
    return count(m_store.database(),
        QStringLiteral("SELECT COUNT(*) FROM case_log WHERE acked_at IS NULL"
                       " AND case_id NOT IN (SELECT case_id FROM sync_conflicts)"));
}

Result<QSet<QString>> SyncJournal::blockedCases() const
{
    const auto ids = caseIds(m_store.database(), QStringLiteral("SELECT DISTINCT case_id FROM sync_conflicts"));
    if (!ids)
        return Result<QSet<QString>>::failure(ids.error());
    return QSet<QString>(ids->cbegin(), ids->cend());
}

namespace {

QByteArray differenceAad(const QString &caseId, int seq)
{
    return QStringLiteral("sync_conflicts.difference:%1:%2").arg(caseId).arg(seq).toUtf8();
}

QString shortText(const QJsonValue &v)
{
    constexpr int kMax = 160;
    QString text;
    if (v.isUndefined())
        text = SyncJournal::tr("(none)");
    else if (v.isString())
        text = v.toString();
    else if (v.isObject())
        text = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    else if (v.isArray())
        text = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    else
        text = QString::fromUtf8(QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    return text.size() > kMax ? text.left(kMax - 1) + QChar(0x2026) : text;
}

QJsonValue valueAt(const QJsonObject &o, const QString &path)
{
    QJsonValue v = o;
    for (const QString &part : path.split(QLatin1Char('.'))) {
        if (v.isObject())
            v = v.toObject().value(part);
        else if (v.isArray() && !part.isEmpty() && part.at(0).isDigit())
            v = v.toArray().at(part.toInt());
        else
            return QJsonValue(QJsonValue::Undefined);
    }
    return v;
}

} // namespace

QList<SyncConflict::Difference> SyncJournal::differencesOf(
    const QStringList &fields, const QJsonObject &here, const QJsonObject &backOffice)
{
    QList<SyncConflict::Difference> out;
    for (const QString &f : fields)
        out << SyncConflict::Difference {f, shortText(valueAt(here, f)), shortText(valueAt(backOffice, f))};
    return out;
}

QString SyncJournal::recordConflict(const QString &caseId, int seq, const QString &kind, const QStringList &fields,
    const QString &message, const QDateTime &at, const QList<SyncConflict::Difference> &differences)
{
    QVariant sealed(QMetaType::fromType<QByteArray>()); // NULL: nothing to show
    if (!differences.isEmpty()) {
        QJsonArray rows;
        for (const SyncConflict::Difference &d : differences)
            rows.append(QJsonObject {{QStringLiteral("field"), d.field}, {QStringLiteral("here"), d.here},
                {QStringLiteral("backOffice"), d.backOffice}});
        auto s = m_store.sealer().seal(QJsonDocument(rows).toJson(QJsonDocument::Compact), differenceAad(caseId, seq));
        if (!s)
            return tr("Recording a sync conflict failed: %1").arg(s.error());
        sealed = s.value();
    }
    return m_store.transact([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO sync_conflicts (case_id, seq, kind, fields, message, at,"
                                 " difference) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(caseId);
        q.addBindValue(seq);
        q.addBindValue(kind);
        q.addBindValue(
            QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(fields)).toJson(QJsonDocument::Compact)));
        q.addBindValue(message);
        q.addBindValue(iso(at));
        q.addBindValue(sealed);
        if (!q.exec())
            return tr("Recording a sync conflict failed: %1").arg(q.lastError().text());
        return QString();
    });
}

Result<QList<SyncConflict>> SyncJournal::conflicts() const
{
    QList<SyncConflict> out;
    QSqlQuery q(m_store.database());
    if (!q.exec(QStringLiteral("SELECT s.case_id, c.number, s.seq, s.fields, s.at, s.kind, s.message, s.difference"
                               " FROM sync_conflicts s"
                               " LEFT JOIN cases c ON c.id = s.case_id ORDER BY s.at, s.case_id, s.seq")))
        return Result<QList<SyncConflict>>::failure(readFailed(q));
    while (q.next()) {
        SyncConflict c;
        c.caseId = q.value(0).toString();
        c.caseNumber = q.value(1).toString();
        c.seq = q.value(2).toLongLong();
        for (const QJsonValue &f : QJsonDocument::fromJson(q.value(3).toString().toUtf8()).array())
            c.fields << f.toString();
        c.at = QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs);
        c.kind = q.value(5).toString() == QLatin1String("rejected") ? SyncConflict::Kind::Rejected
                                                                    : SyncConflict::Kind::Conflict;
        c.message = q.value(6).toString();
        if (!q.value(7).isNull()) {
            // Unreadable (another store's row, a damaged value): the fields are still named.
            const auto plain = m_store.sealer().open(q.value(7).toByteArray(), differenceAad(c.caseId, int(c.seq)));
            for (const QJsonValue &v : plain ? QJsonDocument::fromJson(plain.value()).array() : QJsonArray()) {
                const QJsonObject d = v.toObject();
                c.differences << SyncConflict::Difference {d.value(QLatin1String("field")).toString(),
                    d.value(QLatin1String("here")).toString(), d.value(QLatin1String("backOffice")).toString()};
            }
        }
        out << c;
    }
    return out;
}

Result<SyncJournal::Upload> SyncJournal::upload(const QString &sha256) const
{
    Upload u;
    u.sha256 = sha256;
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT location, length, done_at FROM sync_uploads WHERE sha256 = ?"));
    q.addBindValue(sha256);
    if (!q.exec())
        return Result<Upload>::failure(readFailed(q));
    if (q.next()) {
        u.known = true;
        u.location = q.value(0).toString();
        u.length = q.value(1).toLongLong();
        u.done = !q.value(2).isNull();
    }
    return u;
}

QString SyncJournal::registerUploads(const QList<QPair<QString, qint64>> &blobs)
{
    if (blobs.isEmpty())
        return QString();
    return m_store.transact([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO sync_uploads (sha256, length) VALUES (?, ?)"));
        for (const auto &b : blobs) {
            q.addBindValue(b.first);
            q.addBindValue(b.second);
            if (!q.exec())
                return q.lastError().text();
        }
        return QString();
    });
}

QString SyncJournal::setLocation(const QString &sha256, const QString &location)
{
    return m_store.transact([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE sync_uploads SET location = ? WHERE sha256 = ?"));
        q.addBindValue(location.isEmpty() ? QVariant() : QVariant(location));
        q.addBindValue(sha256);
        return q.exec() ? QString() : q.lastError().text();
    });
}

QString SyncJournal::markDone(const QString &sha256, const QDateTime &at)
{
    return m_store.transact([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE sync_uploads SET done_at = ? WHERE sha256 = ?"));
        q.addBindValue(iso(at));
        q.addBindValue(sha256);
        return q.exec() ? QString() : q.lastError().text();
    });
}

QString SyncJournal::saveProgress(
    const QHash<QString, QList<int>> &acknowledged, const QSet<QString> &uploaded, const QDateTime &at)
{
    if (acknowledged.isEmpty() && uploaded.isEmpty())
        return QString();
    return m_store.transact([&](QSqlDatabase &db) {
        const QString when = iso(at);
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("UPDATE case_log SET acked_at = ? WHERE case_id = ? AND seq = ? AND acked_at IS NULL"));
        for (auto c = acknowledged.cbegin(); c != acknowledged.cend(); ++c) {
            for (const int seq : c.value()) {
                q.addBindValue(when);
                q.addBindValue(c.key());
                q.addBindValue(seq);
                if (!q.exec())
                    return tr("Recording the acknowledgement failed: %1").arg(q.lastError().text());
            }
        }
        q.prepare(QStringLiteral("UPDATE sync_uploads SET done_at = ? WHERE sha256 = ? AND done_at IS NULL"));
        for (const QString &sha : uploaded) {
            q.addBindValue(when);
            q.addBindValue(sha);
            if (!q.exec())
                return q.lastError().text();
        }
        return QString();
    });
}

Result<int> SyncJournal::pendingUploads() const
{
    return count(m_store.database(), QStringLiteral("SELECT COUNT(*) FROM sync_uploads WHERE done_at IS NULL"));
}

Result<qint64> SyncJournal::cursor() const
{
    QSqlQuery q(m_store.database());
    if (!q.exec(QStringLiteral("SELECT cursor FROM sync_cursor WHERE id = 1")))
        return Result<qint64>::failure(readFailed(q));
    return q.next() ? q.value(0).toLongLong() : qint64(0);
}

QString SyncJournal::applyEvents(const QJsonArray &events, qint64 cursor, const QDateTime &at)
{
    return m_store.transact([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        qint64 current = 0;
        if (q.exec(QStringLiteral("SELECT cursor FROM sync_cursor WHERE id = 1")) && q.next())
            current = q.value(0).toLongLong();
        q.finish();
        const QString now = iso(at);
        qint64 last = current;
        for (const QJsonValue &v : events) {
            const QJsonObject e = v.toObject();
            const qint64 c = e.value(QLatin1String("cursor")).toInteger();
            if (c <= last)
                continue; // already applied (a page seen twice after a lost answer)
            const QString err = applyEvent(db, e, now);
            if (!err.isEmpty())
                return tr("Applying an event from the back office failed: %1").arg(err);
            last = c;
        }
        last = std::max(last, cursor);
        if (last == current)
            return QString();
        q.prepare(QStringLiteral(
            "INSERT INTO sync_cursor (id, cursor, updated_at) VALUES (1, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at"));
        q.addBindValue(last);
        q.addBindValue(now);
        if (!q.exec())
            return tr("Storing the events cursor failed: %1").arg(q.lastError().text());
        return QString();
    });
}

QJsonObject SyncJournal::remote(const QString &caseId) const
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT confirmed_at, confirmed_number, confirmed_digest, routed, items, handout_at,"
                             " held_reason, held_at, held_detail FROM case_remote WHERE case_id = ?"));
    q.addBindValue(caseId);
    if (!q.exec() || !q.next())
        return QJsonObject();
    QJsonObject o;
    auto put = [&](const QString &key, int col) {
        if (!q.value(col).isNull())
            o.insert(key, q.value(col).toString());
    };
    put(QStringLiteral("confirmedAt"), 0);
    put(QStringLiteral("confirmedNumber"), 1);
    put(QStringLiteral("confirmedDigest"), 2);
    o.insert(QStringLiteral("routed"), objectOf(q.value(3).toString()));
    o.insert(QStringLiteral("items"), objectOf(q.value(4).toString()));
    put(QStringLiteral("handoutAt"), 5);
    put(QStringLiteral("heldReason"), 6);
    put(QStringLiteral("heldAt"), 7);
    if (!q.value(8).isNull())
        o.insert(QStringLiteral("heldDetail"), objectOf(q.value(8).toString()));
    return o;
}

QString SyncJournal::etag(const QString &name) const
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT etag FROM sync_resources WHERE name = ?"));
    q.addBindValue(name);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

QByteArray SyncJournal::resource(const QString &name) const
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT body FROM sync_resources WHERE name = ?"));
    q.addBindValue(name);
    return q.exec() && q.next() ? q.value(0).toByteArray() : QByteArray();
}

QString SyncJournal::storeResource(
    const QString &name, const QString &etag, const QByteArray &body, const QDateTime &at)
{
    return m_store.transact([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("INSERT OR REPLACE INTO sync_resources (name, etag, body, fetched_at) VALUES (?, ?, ?, ?)"));
        q.addBindValue(name);
        q.addBindValue(etag);
        q.addBindValue(body);
        q.addBindValue(iso(at));
        return q.exec() ? QString() : q.lastError().text();
    });
}

} // namespace ow::sync
