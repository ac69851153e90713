#pragma once

#include <QList>
#include <QMutex>
#include <QSet>
#include <QString>
#include <QWaitCondition>

#include <deque>
#include <functional>
#include <memory>

namespace ow::backoffice {

class Database;

// PostgreSQL, group commit of a window's next entries (issue 21). Each request whose entries are
// its case's next seqs (CaseLedger::storeNext) hands them here; whichever worker finds no batch
// running takes everything queued (one request per case) and runs it as ONE self-committing
// statement on its own connection: the case rows move only where the guard holds (the caller's
// window owns the case, nothing is stored above applied_seq, applied_seq is just below the first
// seq, and the token is a live session of a clerk or station of that window with a current key),
// the entries go in only for the cases that moved, and the statement returns which moved. The
// others wait meanwhile and one of them runs the next batch as soon as this one is back: no delay
// is ever added to collect company, so at 1 connection a batch is one request.
class AppendBatcher
{
public:
    struct Row
    {
        int seq = 0;
        QString kind;
        QString content; // sealed
    };
    struct Item
    {
        QString caseId;
        QString window;
        QString tokenHash; // "": no session guard (a caller without a token, tests)
        QString now; // ISO time of the append
        int first = 0; // the case's applied_seq + 1, if the guard holds
        QList<Row> rows; // seqs first .. first + rows.size() - 1, in that order
    };
    enum class Outcome {
        Moved, // stored and applied, committed
        NotMoved, // the guard did not hold: nothing written for this case
        Failed, // the statement failed: nothing of the batch written, or unknown (lost connection)
    };
    struct Answer
    {
        Outcome outcome = Outcome::Failed;
        QString error;
        bool retryable = false;
        int batchSize = 0; // how many requests the statement carried
    };
    struct Stats
    {
        qint64 batches = 0;
        qint64 requests = 0;
        qint64 moved = 0; // requests whose case moved
        int largest = 0;
    };
    // A statement carries at most this many requests (and kMaxRows entries).
    static constexpr int kMaxRequests = 64;
    static constexpr int kMaxRows = 256;
    // Batches on their way at once: while one waits for its commit's flush, the next runs (a
    // second request for a case in one of them waits for it).
    static constexpr int kMaxInFlight = 2;

    // Queues `item` and returns its answer once a batch carried it; `db` is the calling worker's
    // connection, used if this call runs a batch.
    Answer run(Database &db, Item item);
    // One statement for `items` on `db` (a batch of one for a caller without a batcher).
    static QList<Answer> runBatch(Database &db, const QList<const Item *> &items);

    // The statement's function, made in every PostgreSQL session (Database::configureSession).
    static QString sessionSetup();

    Stats stats() const;
    // Requests waiting for a batch (queued, not yet taken).
    int queued() const;
    // Test seam: called by the worker that runs a batch, before the batch is taken from the queue
    // (`queued` requests wait) and again with the batch's size just before its statement;
    // returning false from the second call makes the statement count as failed.
    using Hook = std::function<bool(int queued, bool taken)>;
    void setHook(Hook hook);
    void setMaxInFlight(int batches);

private:
    struct Slot
    {
        Item item;
        Answer answer;
        bool done = false;
    };

    mutable QMutex m_lock;
    QWaitCondition m_changed;
    std::deque<std::shared_ptr<Slot>> m_queue;
    int m_leaders = 0; // batches on their way
    int m_maxInFlight = kMaxInFlight;
    QSet<QString> m_inFlight; // their cases
    Stats m_stats;
    Hook m_hook;
};

} // namespace ow::backoffice
