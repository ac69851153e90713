#include "onewindow/backoffice/AppendBatcher.h"

#include "onewindow/backoffice/Database.h"

#include <QSet>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <vector>

namespace ow::backoffice {

namespace {

// An element of a PostgreSQL array literal: quoted, with \\ and " escaped.
QString arrayText(const QString &value)
{
    QString out = value;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    out.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

} // namespace

AppendBatcher::Answer AppendBatcher::run(Database &db, Item item)
{
    auto mine = std::make_shared<Slot>();
    mine->item = std::move(item);
    QMutexLocker locked(&m_lock);
    m_queue.push_back(mine);
    while (!mine->done) {
        if (m_leaders >= m_maxInFlight || m_queue.empty()) {
            // Other workers' batches are on their way; when one is back, this request is in its
            // answers or one of the waiting workers runs the next batch at once.
            m_changed.wait(&m_lock);
            continue;
        }
        ++m_leaders;
        const Hook hook = m_hook;
        if (hook) {
            const int queued = int(m_queue.size());
            locked.unlock();
            hook(queued, false);
            locked.relock();
        }
        // Everything queued, oldest first, one request per case (two requests for one case go
        // in two statements, in their order).
        std::vector<std::shared_ptr<Slot>> batch;
        QSet<QString> cases;
        qsizetype rows = 0;
        for (auto it = m_queue.begin(); it != m_queue.end() && int(batch.size()) < kMaxRequests;) {
            const Item &next = (*it)->item;
            if (cases.contains(next.caseId) || m_inFlight.contains(next.caseId)
                || (!batch.empty() && rows + next.rows.size() > kMaxRows)) {
                ++it;
                continue;
            }
            cases.insert(next.caseId);
            rows += next.rows.size();
            batch.push_back(*it);
            it = m_queue.erase(it);
        }
        if (batch.empty()) {
            // Everything queued waits for a case in a batch on its way.
            --m_leaders;
            m_changed.wait(&m_lock);
            continue;
        }
        m_inFlight.unite(cases);
        locked.unlock();
        QList<const Item *> items;
        items.reserve(qsizetype(batch.size()));
        for (const auto &slot : batch)
            items.append(&slot->item);
        QList<Answer> answers;
        if (!hook || hook(int(batch.size()), true)) {
            answers = runBatch(db, items);
        } else {
            Answer failed;
            failed.error = QStringLiteral("the batch's statement was refused (test hook)");
            failed.retryable = true;
            failed.batchSize = int(batch.size());
            answers = QList<Answer>(items.size(), failed);
        }
        locked.relock();
        for (size_t i = 0; i < batch.size(); ++i) {
            batch[i]->answer = answers.at(qsizetype(i));
            batch[i]->done = true;
            m_stats.moved += batch[i]->answer.outcome == Outcome::Moved ? 1 : 0;
        }
        ++m_stats.batches;
        m_stats.requests += qint64(batch.size());
        m_stats.largest = std::max(m_stats.largest, int(batch.size()));
        for (const QString &id : std::as_const(cases))
            m_inFlight.remove(id);
        --m_leaders;
        m_changed.wakeAll();
    }
    return mine->answer;
}

QList<AppendBatcher::Answer> AppendBatcher::runBatch(Database &db, const QList<const Item *> &items)
{
    // The statement is sessionSetup()'s function. The rows travel as nine arrays (unnest), so it
    // has one shape whatever the batch's size. Database::exec runs a statement starting with
    // SELECT once more after a lost connection: safe here, as a batch that committed meanwhile
    // moved its cases and the guard keeps the second run from writing (those requests then go
    // the one-by-one way and are acknowledged as resends).
    QStringList cases, windows, tokens, ats, firsts, lasts, seqs, kinds, contents;
    for (const Item *item : items) {
        const int last = item->first + int(item->rows.size()) - 1;
        for (const Row &row : item->rows) {
            cases << arrayText(item->caseId);
            windows << arrayText(item->window);
            tokens << arrayText(item->tokenHash);
            ats << arrayText(item->now);
            firsts << QString::number(item->first);
            lasts << QString::number(last);
            seqs << QString::number(row.seq);
            kinds << arrayText(row.kind);
            contents << arrayText(row.content);
        }
    }
    const auto array = [](const QStringList &values) {
        return QString(QLatin1Char('{') + values.join(QLatin1Char(',')) + QLatin1Char('}'));
    };
    const QVariantList binds {array(cases), array(windows), array(tokens), array(ats), array(firsts), array(lasts),
        array(seqs), array(kinds), array(contents), array(cases)};
    const QString sql = QStringLiteral("SELECT case_id FROM pg_temp.ow_next_entries(?::text[], ?::text[], ?::text[],"
                                       " ?::text[], ?::integer[], ?::integer[], ?::integer[], ?::text[], ?::text[],"
                                       " ?::text[]) AS r (case_id)");
    QList<Answer> answers(items.size());
    for (Answer &a : answers)
        a.batchSize = int(items.size());
    auto done = db.exec(sql, binds);
    if (!done) {
        // Nothing of the statement was written (or, the connection lost, it is unknown whether
        // it was): every request goes the one-by-one way, which is idempotent.
        for (Answer &a : answers) {
            a.outcome = Outcome::Failed;
            a.error = done.error();
            a.retryable = db.lastErrorRetryable() || db.lastFault() == Database::Fault::Unavailable;
        }
        return answers;
    }
    QSet<QString> moved;
    while (done.value().next())
        moved.insert(done.value().value(0).toString());
    for (qsizetype i = 0; i < items.size(); ++i)
        answers[i].outcome = moved.contains(items.at(i)->caseId) ? Outcome::Moved : Outcome::NotMoved;
    return answers;
}

QString AppendBatcher::sessionSetup()
{
    // One row per entry with its case's guard values; `c` is one row per case (one request per
    // case in a batch). The case row moves only where the guard holds (UPDATE re-checks it on the
    // newest row version after waiting for a concurrent writer); the entries go in only for the
    // cases that moved; a unique violation (a concurrent writer of the same seqs) undoes the whole
    // statement. The token's session is checked in the same statement, so a session ended, a user
    // disabled or a key revoked before it ran stops the write (Accounts::authenticate's rules).
    // The case ids once more as `= ANY`, so the planner looks the rows up by key. In a function of
    // the session whose plan is generic: planned once per connection, not at every call (a custom
    // plan of this statement cost more CPU to plan than to run).
    return QStringLiteral(
        "CREATE OR REPLACE FUNCTION pg_temp.ow_next_entries(p_case text[], p_window text[], p_token text[],"
        " p_at text[], p_first integer[], p_last integer[], p_seq integer[], p_kind text[], p_content text[],"
        " p_cases text[]) RETURNS SETOF text LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $f$"
        " BEGIN RETURN QUERY"
        " WITH v AS (SELECT * FROM unnest(p_case, p_window, p_token, p_at, p_first, p_last, p_seq, p_kind,"
        " p_content) AS v (case_id, window_key_id, token_hash, at, first_seq, last_seq, seq, kind, content)),"
        " c AS (SELECT DISTINCT v.case_id, v.window_key_id, v.token_hash, v.at, v.first_seq, v.last_seq FROM v),"
        " moved AS (UPDATE cases SET applied_seq = c.last_seq, stored_seq = 0, updated_at = c.at FROM c"
        " WHERE cases.case_id = ANY (p_cases) AND cases.case_id = c.case_id"
        " AND cases.window_key_id = c.window_key_id"
        " AND cases.applied_seq = c.first_seq - 1 AND cases.stored_seq <= cases.applied_seq"
        " AND (c.token_hash = '' OR EXISTS (SELECT 1 FROM sessions s JOIN users u ON u.name = s.user_name"
        " JOIN window_keys k ON k.key_id = u.window_key_id AND k.revoked_at IS NULL"
        " WHERE s.token_hash = c.token_hash AND s.ended_at IS NULL AND s.expires_at > c.at"
        " AND u.disabled_at IS NULL AND u.window_key_id = c.window_key_id AND u.role IN ('clerk', 'station')))"
        " RETURNING cases.case_id),"
        " put AS (INSERT INTO case_entries (case_id, seq, kind, content, received_at, applied_at)"
        " SELECT v.case_id, v.seq, v.kind, v.content, v.at, v.at FROM v JOIN moved ON moved.case_id = v.case_id"
        " RETURNING case_entries.case_id)"
        " SELECT moved.case_id::text FROM moved;"
        " END $f$");
}

AppendBatcher::Stats AppendBatcher::stats() const
{
    QMutexLocker locked(&m_lock);
    return m_stats;
}

int AppendBatcher::queued() const
{
    QMutexLocker locked(&m_lock);
    return int(m_queue.size());
}

void AppendBatcher::setMaxInFlight(int batches)
{
    QMutexLocker locked(&m_lock);
    m_maxInFlight = std::max(1, batches);
}

void AppendBatcher::setHook(Hook hook)
{
    QMutexLocker locked(&m_lock);
    m_hook = std::move(hook);
}

} // namespace ow::backoffice
