#include "onewindow/backoffice/CaseLedger.h"

#include "onewindow/backoffice/Accounts.h"
#include "onewindow/backoffice/AppendBatcher.h"
#include "onewindow/backoffice/Database.h"
#include "onewindow/backoffice/Departments.h"
#include "onewindow/backoffice/Handouts.h"
#include "onewindow/backoffice/Masking.h"
#include "onewindow/backoffice/Ratings.h"
#include "onewindow/backoffice/Router.h"
#include "onewindow/backoffice/Sealer.h"
#include "onewindow/backoffice/WindowRegistry.h"
#include "onewindow/receipt/HandoutSlip.h"
#include "onewindow/receipt/KeyRing.h"
#include "onewindow/receipt/QrPayload.h"
#include "onewindow/receipt/ReceiptDocument.h"
#include "onewindow/store/EntryKinds.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <limits>

namespace ow::backoffice {

namespace {

ApiReply badEntry(int index, const QString &why)
{
    return ApiReply::error(400, QStringLiteral("bad-entry"), QStringLiteral("Entry %1: %2").arg(index).arg(why),
        QJsonObject {{QStringLiteral("index"), index}});
}

// True when a string (or key) anywhere in v holds a NUL character.
bool holdsNul(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().contains(QChar(u'\0'));
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        return std::any_of(a.begin(), a.end(), [](const QJsonValue &x) { return holdsNul(x); });
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key().contains(QChar(u'\0')) || holdsNul(it.value()))
                return true;
        }
    }
    return false;
}

// "" or why the entry is not a log entry of this case.
QString checkEntry(const QJsonObject &e, const QString &caseId)
{
    static const QStringList fields {QStringLiteral("case"), QStringLiteral("seq"), QStringLiteral("at"),
        QStringLiteral("window"), QStringLiteral("clerk"), QStringLiteral("kind"), QStringLiteral("payload")};
    for (const QString &f : fields) {
        if (!e.contains(f))
            return QStringLiteral("\"%1\" is missing.").arg(f);
    }
    for (auto it = e.begin(); it != e.end(); ++it) {
        if (!fields.contains(it.key()))
            return QStringLiteral("unknown field \"%1\".").arg(it.key());
    }
    if (e.value(QLatin1String("case")).toString() != caseId)
        return QStringLiteral("\"case\" is not %1.").arg(caseId);
    const QJsonValue seq = e.value(QLatin1String("seq"));
    if (!seq.isDouble() || seq.toDouble() != double(seq.toInt()) || seq.toInt() < 1)
        return QStringLiteral("\"seq\" is a whole number from 1.");
    const QDateTime at = QDateTime::fromString(e.value(QLatin1String("at")).toString(), Qt::ISODateWithMs);
    if (!at.isValid())
        return QStringLiteral("\"at\" is an ISO 8601 time.");
    if (!e.value(QLatin1String("window")).isString() || e.value(QLatin1String("window")).toString().isEmpty())
        return QStringLiteral("\"window\" is the window's key id.");
    if (!e.value(QLatin1String("clerk")).isString())
        return QStringLiteral("\"clerk\" is a string.");
    const QString kind = e.value(QLatin1String("kind")).toString();
    if (!store::EntryKinds::find(kind))
        return QStringLiteral("unknown kind \"%1\".").arg(kind);
    if ((seq.toInt() == 1) != (kind == QLatin1String("started")))
        return QStringLiteral("a case starts with a \"started\" entry at seq 1, and only there.");
    if (!e.value(QLatin1String("payload")).isObject())
        return QStringLiteral("\"payload\" is an object.");
    // Text is never NUL (PostgreSQL cannot store it): the same 400 on every backend.
    if (holdsNul(e))
        return QStringLiteral("a text holds a NUL character.");
    // The payload its kind has (store::EntryKinds, the table the window writes by).
    return store::EntryKinds::check(kind, e.value(QLatin1String("payload")).toObject());
}

// The fields in which two entries differ; payload keys as "payload.<key>".
QJsonArray differences(const QJsonObject &stored, const QJsonObject &sent)
{
    QJsonArray out;
    for (const QString &f :
        {QStringLiteral("at"), QStringLiteral("window"), QStringLiteral("clerk"), QStringLiteral("kind")}) {
        if (stored.value(f) != sent.value(f))
            out.append(f);
    }
    const QJsonObject a = stored.value(QLatin1String("payload")).toObject();
    const QJsonObject b = sent.value(QLatin1String("payload")).toObject();
    QStringList keys = a.keys() + b.keys();
    keys.removeDuplicates();
    std::sort(keys.begin(), keys.end());
    for (const QString &k : keys) {
        if (a.value(k) != b.value(k))
            out.append(QStringLiteral("payload.") + k);
    }
    return out;
}

bool validSha256(const QString &hex)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{64}$"));
    return re.match(hex).hasMatch();
}

// The blobs an entry names: an "attached" scan, a "supplemented" entry's scans, a "handedOut"
// entry's authorisation letter.
QStringList blobsNamed(const QJsonObject &e)
{
    const QString kind = e.value(QLatin1String("kind")).toString();
    const QJsonObject p = e.value(QLatin1String("payload")).toObject();
    QStringList out;
    const auto take = [&out](const QJsonValue &sha) {
        if (validSha256(sha.toString()))
            out << sha.toString();
    };
    if (kind == QLatin1String("attached"))
        take(p.value(QLatin1String("sha256")));
    else if (kind == QLatin1String("supplemented")) {
        for (const QJsonValue &m : p.value(QLatin1String("materials")).toArray())
            take(m.toObject().value(QLatin1String("sha256")));
    } else if (kind == QLatin1String("handedOut"))
        take(p.value(QLatin1String("authorisation")).toObject().value(QLatin1String("sha256")));
    return out;
}

// The ID numbers of the people among an entry's parties ({"kind": "person", "number": …} anywhere
// in its payload).
void personNumbers(const QJsonValue &v, QSet<QString> *out)
{
    if (v.isArray()) {
        for (const QJsonValue &x : v.toArray())
            personNumbers(x, out);
        return;
    }
    if (!v.isObject())
        return;
    const QJsonObject o = v.toObject();
    if (o.value(QLatin1String("kind")).toString() == QLatin1String("person")
        && !o.value(QLatin1String("number")).toString().isEmpty())
        out->insert(Sealer::normaliseIdNumber(o.value(QLatin1String("number")).toString()));
    for (auto it = o.begin(); it != o.end(); ++it)
        personNumbers(it.value(), out);
}

ApiReply unprocessable(int index, const QString &code, const QString &why)
{
    return ApiReply::error(422, code,
        QStringLiteral("Entry %1: %2 Nothing of this request was stored.").arg(index).arg(why),
        QJsonObject {{QStringLiteral("index"), index}});
}

// A case number of the window's own series: "<key id>-yyyyMMdd-NNNN" (store::CaseNumbering).
bool inSeries(const QString &number, const QString &window)
{
    static const QRegularExpression tail(QStringLiteral("^[0-9]{8}-[0-9]{1,9}$"));
    return number.startsWith(window + QLatin1Char('-')) && tail.match(number.mid(window.size() + 1)).hasMatch();
}

bool mayRead(const Principal &who, const QString &caseWindow)
{
    if (who.role == QLatin1String("admin") || who.role == QLatin1String("supervisor"))
        return true;
    return who.isWindowRole() && who.window == caseWindow;
}

} // namespace

CaseLedger::CaseLedger(Database &db, const Sealer &sealer, Clock clock)
    : m_db(db)
    , m_sealer(sealer)
    , m_clock(std::move(clock))
{ }

void CaseLedger::setRouting(Router *router, Departments *departments)
{
    m_router = router;
    m_departments = departments;
}

bool CaseLedger::validCaseId(const QString &caseId)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return re.match(caseId).hasMatch();
}

ApiReply CaseLedger::append(
    const QString &caseId, const QJsonValue &body, const Principal &who, AppendCounts *counts, bool *recheck)
{
    if (recheck) {
        // A cached principal: only the next-entries statement may use it (it checks the token's
        // session itself). Anything else, refusals included, is answered after a full check.
        *recheck = false;
        bool next = who.isWindowRole() && who.windowKeyCurrent && body.isArray() && mayStoreNext(body.toArray());
        for (const QJsonValue &v : body.toArray()) {
            next = next && v.isObject() && checkEntry(v.toObject(), caseId).isEmpty()
                && v.toObject().value(QLatin1String("window")).toString() == who.window;
        }
        if (!next) {
            *recheck = true;
            return ApiReply::error(401, QStringLiteral("unauthorized"), QStringLiteral("Check the token again."));
        }
    }
    AppendCounts done;
    if (!who.isWindowRole())
        return ApiReply::error(403, QStringLiteral("forbidden"),
            QStringLiteral("Only a window's clerk or station writes case entries, not a %1.").arg(who.role));
    if (!body.isArray() || body.toArray().isEmpty())
        return ApiReply::error(
            400, QStringLiteral("bad-request"), QStringLiteral("The body is a non-empty array of log entries."));
    QJsonArray entries = body.toArray();
    if (entries.size() > kMaxEntriesPerRequest)
        return ApiReply::error(413, QStringLiteral("too-many-entries"),
            QStringLiteral("At most %1 entries per request.").arg(kMaxEntriesPerRequest));
    // (A cached principal's entries were checked above.)
    for (int i = 0; !recheck && i < entries.size(); ++i) {
        if (!entries.at(i).isObject())
            return badEntry(i, QStringLiteral("not an object."));
        const QJsonObject e = entries.at(i).toObject();
        const QString why = checkEntry(e, caseId);
        if (!why.isEmpty())
            return badEntry(i, why);
        if (e.value(QLatin1String("window")).toString() != who.window)
            return ApiReply::error(403, QStringLiteral("forbidden"),
                QStringLiteral("Entry %1 is from window %2; this token belongs to window %3.")
                    .arg(i)
                    .arg(e.value(QLatin1String("window")).toString(), who.window));
    }
    if (auto refused = admit(caseId, entries, who))
        return *refused;

    // One transaction; run again (a few times) when a concurrent writer on the same PostgreSQL
    // made it fail in a way that a second run resolves (serialization, deadlock, unique key).
    QList<int> seqs;
    int applied = 0;
    std::optional<ApiReply> failed;
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        bool retry = false;
        seqs.clear();
        // The one-statement path first; after a concurrent change, the locked transaction.
        bool taken = false;
        if (attempt == 0)
            failed = storeNext(caseId, entries, who, seqs, applied, done, taken);
        if (!taken && recheck) {
            *recheck = true;
            return ApiReply::error(401, QStringLiteral("unauthorized"), QStringLiteral("Check the token again."));
        }
        if (!taken)
            failed = store(caseId, entries, who, retry, seqs, applied, done);
        if (!failed || !retry)
            break;
    }
    if (failed)
        return *failed;
    if (counts)
        *counts = done;

    std::sort(seqs.begin(), seqs.end());
    seqs.erase(std::unique(seqs.begin(), seqs.end()), seqs.end());
    QJsonArray acknowledged;
    QJsonArray held;
    for (int s : seqs)
        (s <= applied ? acknowledged : held).append(s);
    return ApiReply::json(held.isEmpty() ? 200 : 202,
        QJsonObject {{QStringLiteral("case"), caseId}, {QStringLiteral("applied"), applied},
            {QStringLiteral("acknowledged"), acknowledged}, {QStringLiteral("held"), held}});
}

std::optional<ApiReply> CaseLedger::admit(const QString &caseId, QJsonArray &entries, const Principal &who)
{
    // The window's key is its identity: no current key, no push.
    if (m_windows) {
        if (auto refused = m_windows->refusePush(who))
            return refused;
    }
    // A case id belongs to the window that sent its first entry (store() checks again under the
    // row lock; this answers before anything is taken).
    // Only a request with a "started" or "decided" entry needs the case's number (and takes or
    // checks one): the others are checked under the row lock alone.
    const bool numbered = std::any_of(entries.begin(), entries.end(), [](const QJsonValue &v) {
        const QString kind = v.toObject().value(QLatin1String("kind")).toString();
        return kind == QLatin1String("started") || kind == QLatin1String("decided");
    });
    QString known;
    if (numbered) {
        // One statement: the case's window (NULL for a new case) and its number (NULL if none).
        auto owner = m_db.exec(QStringLiteral("SELECT (SELECT window_key_id FROM cases WHERE case_id = ?),"
                                              " (SELECT number FROM case_numbers WHERE case_id = ?)"),
            {caseId, caseId});
        if (!owner)
            return ApiReply::storage(owner.error());
        if (!owner.value().next())
            return ApiReply::storage(QStringLiteral("case %1: no row from a scalar SELECT").arg(caseId));
        const QVariant ownerWindow = owner.value().value(0);
        known = owner.value().value(1).isNull() ? QString() : owner.value().value(1).toString();
        if (!ownerWindow.isNull() && ownerWindow.toString() != who.window)
            return ApiReply::error(
                403, QStringLiteral("forbidden"), QStringLiteral("Case %1 belongs to another window.").arg(caseId));
    }

    // The clerk comes from the token. An entry may name another clerk or station user of the same
    // window (entries made offline before a change of shift are pushed by whoever signs in next,
    // and a resend must stay the same entry); any other name becomes the caller's.
    QHash<QString, bool> windowUser;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        QJsonObject e = entries.at(i).toObject();
        const QString clerk = e.value(QLatin1String("clerk")).toString();
        if (clerk == who.user)
            continue;
        if (!windowUser.contains(clerk)) {
            auto q = m_db.exec(QStringLiteral("SELECT 1 FROM users WHERE name = ? AND window_key_id = ?"
                                              " AND role IN ('clerk', 'station')"),
                {clerk, who.window});
            if (!q)
                return ApiReply::storage(q.error());
            windowUser.insert(clerk, q.value().next());
        }
        if (windowUser.value(clerk))
            continue;
        e.insert(QStringLiteral("clerk"), who.user);
        entries[i] = e;
    }

    // The case number: the started entry's, in the window's series, not another case's.
    QString number;
    int startedAt = -1;
    auto holderOf = [this](const QString &n) -> ApiResult<QString> {
        auto q = m_db.exec(QStringLiteral("SELECT case_id FROM case_numbers WHERE number = ?"), {n});
        if (!q)
            return ApiReply::storage(q.error());
        return q.value().next() ? q.value().value(0).toString() : QString();
    };
    auto numberTaken = [&](const QString &n, int index) {
        return ApiReply::error(409, QStringLiteral("case-number-taken"),
            QStringLiteral("Case number %1 is already the number of another case of window %2; nothing of this "
                           "request was stored.")
                .arg(n, who.window),
            QJsonObject {{QStringLiteral("index"), index}});
    };
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject e = entries.at(i).toObject();
        if (e.value(QLatin1String("kind")).toString() != QLatin1String("started"))
            continue;
        number = e.value(QLatin1String("payload")).toObject().value(QLatin1String("number")).toString();
        startedAt = int(i);
        if (!inSeries(number, who.window))
            return unprocessable(startedAt, QStringLiteral("case-number-foreign"),
                QStringLiteral("case number \"%1\" is not in the series of window %2 (%2-yyyyMMdd-NNNN).")
                    .arg(number, who.window));
        if (!known.isEmpty() && known != number)
            return ApiReply::error(409, QStringLiteral("case-number-taken"),
                QStringLiteral("Case %1 already has the number %2.").arg(caseId, known),
                QJsonObject {{QStringLiteral("index"), startedAt}});
        auto holder = holderOf(number);
        if (!holder)
            return holder.error;
        if (!holder.value->isEmpty() && *holder.value != caseId)
            return numberTaken(number, startedAt);
    }
    if (number.isEmpty())
        number = known;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject e = entries.at(i).toObject();
        const QString kind = e.value(QLatin1String("kind")).toString();
        if (kind == QLatin1String("decided")) {
            if (auto refused = checkDecided(caseId, int(i), e, number, who))
                return refused;
        } else if (kind == QLatin1String("handedOut") || kind == QLatin1String("dispatched")) {
            if (auto refused = checkSlip(caseId, int(i), e, number, who))
                return refused;
        } else if (kind == QLatin1String("rated")) {
            const QString why = Ratings::check(m_sealer, caseId, e.value(QLatin1String("payload")).toObject());
            if (!why.isEmpty())
                return unprocessable(int(i), QStringLiteral("bad-rating"),
                    QStringLiteral("the sealed rating does not open at this back office: %1").arg(why));
        }
    }
    // Everything checked: the number is taken for this case (a concurrent request for another case
    // with the same number loses here).
    if (startedAt >= 0 && known.isEmpty()) {
        auto taken = m_db.exec(QStringLiteral("INSERT INTO case_numbers (number, window_key_id, case_id, taken_at)"
                                              " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"),
            {number, who.window, caseId, isoUtc(m_clock())});
        if (!taken)
            return ApiReply::storage(taken.error());
        auto holder = holderOf(number);
        if (!holder)
            return holder.error;
        if (*holder.value != caseId)
            return numberTaken(number, startedAt);
    }
    return std::nullopt;
}

std::optional<ApiReply> CaseLedger::checkDecided(
    const QString &caseId, int index, const QJsonObject &entry, const QString &caseNumber, const Principal &who)
{
    const QJsonObject payload = entry.value(QLatin1String("payload")).toObject();
    const QJsonObject docJson = payload.value(QLatin1String("document")).toObject();
    auto doc = receipt::ReceiptDocument::fromJson(docJson);
    if (!doc)
        return unprocessable(index, QStringLiteral("bad-document"),
            QStringLiteral("the decided document cannot be read: %1").arg(doc.error()));
    // What is signed is the document as the window froze it: nothing may ride along unsigned.
    if (doc->toJson(true) != docJson)
        return unprocessable(index, QStringLiteral("bad-document"),
            QStringLiteral("the decided document has fields that are not part of a document."));
    const QByteArray digest = doc->digest();
    if (payload.value(QLatin1String("digest")).toString() != QString::fromLatin1(digest.toHex()))
        return unprocessable(index, QStringLiteral("digest-mismatch"),
            QStringLiteral("\"digest\" is not the SHA-256 of the decided document's canonical bytes."));
    auto qr = receipt::QrPayload::parse(doc->qrPayload);
    if (!qr)
        return unprocessable(index, QStringLiteral("bad-signature"),
            QStringLiteral("the document's QR payload cannot be read: %1").arg(qr.error()));
    if (!qr->vouchesFor(*doc) || doc->caseId != caseId)
        return unprocessable(index, QStringLiteral("digest-mismatch"),
            QStringLiteral("the QR payload is not the one of this document and case."));
    if (!caseNumber.isEmpty() && doc->caseNumber != caseNumber)
        return unprocessable(index, QStringLiteral("case-number-foreign"),
            QStringLiteral("the document's case number %1 is not the case's number %2.")
                .arg(doc->caseNumber, caseNumber));
    return checkSignature(index, *qr, doc->issuedAt, who);
}

std::optional<ApiReply> CaseLedger::checkSlip(
    const QString &caseId, int index, const QJsonObject &entry, const QString &caseNumber, const Principal &who)
{
    // A hand-out or dispatch slip is checked like a decided document: the slip as the window
    // froze it, its digest, its QR (kind H or D) and the window's key at the time of issue.
    const QJsonObject payload = entry.value(QLatin1String("payload")).toObject();
    const QJsonObject slipJson = payload.value(QLatin1String("document")).toObject();
    auto slip = receipt::HandoutSlip::fromJson(slipJson);
    if (!slip)
        return unprocessable(
            index, QStringLiteral("bad-document"), QStringLiteral("the slip cannot be read: %1").arg(slip.error()));
    if (slip->toJson(true) != slipJson)
        return unprocessable(
            index, QStringLiteral("bad-document"), QStringLiteral("the slip has fields that are not part of a slip."));
    const bool dispatch = entry.value(QLatin1String("kind")).toString() == QLatin1String("dispatched");
    if ((slip->kind == receipt::SlipKind::Dispatch) != dispatch)
        return unprocessable(index, QStringLiteral("bad-document"),
            QStringLiteral("a %1 entry carries a %2 slip.")
                .arg(entry.value(QLatin1String("kind")).toString(), receipt::HandoutSlip::kindName(slip->kind)));
    if (payload.value(QLatin1String("digest")).toString() != QString::fromLatin1(slip->digest().toHex()))
        return unprocessable(index, QStringLiteral("digest-mismatch"),
            QStringLiteral("\"digest\" is not the SHA-256 of the slip's canonical bytes."));
    auto qr = receipt::QrPayload::parse(slip->qrPayload);
    if (!qr)
        return unprocessable(index, QStringLiteral("bad-signature"),
            QStringLiteral("the slip's QR payload cannot be read: %1").arg(qr.error()));
    if (!qr->vouchesFor(*slip) || slip->caseId != caseId)
        return unprocessable(index, QStringLiteral("digest-mismatch"),
            QStringLiteral("the QR payload is not the one of this slip and case."));
    if (!caseNumber.isEmpty() && slip->caseNumber != caseNumber)
        return unprocessable(index, QStringLiteral("case-number-foreign"),
            QStringLiteral("the slip's case number %1 is not the case's number %2.").arg(slip->caseNumber, caseNumber));
    return checkSignature(index, *qr, slip->issuedAt, who);
}

std::optional<ApiReply> CaseLedger::checkSignature(
    int index, const receipt::QrPayload &qrIn, const QDateTime &issuedAt, const Principal &who)
{
    const receipt::QrPayload *qr = &qrIn;
    // Signed by this window's key (in demo mode by its DEMO- key, enrolled by seed-demo as the
    // window's), one that was not revoked when the document was issued.
    if (qr->keyId != who.window && qr->keyId != receipt::KeyRing::demoKeyId(who.window))
        return unprocessable(index, QStringLiteral("bad-signature"),
            QStringLiteral("the document is signed by key %1, not by window %2.").arg(qr->keyId, who.window));
    if (!m_windows)
        return std::nullopt;
    auto keys = m_windows->keysOf(who.window);
    if (!keys)
        return keys.error;
    QString revokedBefore;
    for (const WindowRegistry::KeyPeriod &k : std::as_const(*keys.value)) {
        if (!receipt::KeyRing::verifySignature(k.publicKey, qr->signedPart(), qr->signature))
            continue;
        if (k.validAt(issuedAt))
            return std::nullopt;
        revokedBefore = k.revokedAt;
    }
    if (!revokedBefore.isEmpty())
        return unprocessable(index, QStringLiteral("key-revoked"),
            QStringLiteral("the document was issued at %1 with a key of window %2 revoked on %3.")
                .arg(isoUtc(issuedAt), who.window, revokedBefore));
    return unprocessable(index, QStringLiteral("bad-signature"),
        QStringLiteral("the document's signature is not made by any key window %1 enrolled.").arg(who.window));
}

bool CaseLedger::mayStoreNext(const QJsonArray &entries) const
{
    if (m_db.dialect() != Database::Dialect::Postgres || entries.isEmpty() || entries.size() > kMaxNextEntries)
        return false;
    QList<int> seqs;
    for (const QJsonValue &v : entries) {
        const QJsonObject e = v.toObject();
        const QString kind = e.value(QLatin1String("kind")).toString();
        // A new case (its number), routing, hand-outs, the supervisor's counters, scans and the
        // blind index have rows to write in the same transaction: store() does those.
        if (kind == QLatin1String("started") || kind == QLatin1String("decided") || Handouts::follows(kind)
            || !blobsNamed(e).isEmpty())
            return false;
        QSet<QString> numbers;
        personNumbers(e.value(QLatin1String("payload")), &numbers);
        if (!numbers.isEmpty())
            return false;
        seqs.append(e.value(QLatin1String("seq")).toInt());
    }
    // Consecutive seqs, each once.
    std::sort(seqs.begin(), seqs.end());
    for (qsizetype i = 1; i < seqs.size(); ++i) {
        if (seqs.at(i) != seqs.first() + int(i))
            return false;
    }
    return true;
}

std::optional<ApiReply> CaseLedger::storeNext(const QString &caseId, const QJsonArray &entries, const Principal &who,
    QList<int> &seqs, int &applied, AppendCounts &counts, bool &taken)
{
    taken = false;
    counts = {};
    if (!mayStoreNext(entries))
        return std::nullopt;
    AppendBatcher::Item item;
    item.caseId = caseId;
    item.window = who.window;
    item.tokenHash = who.tokenHash;
    item.now = isoUtc(m_clock());
    item.first = std::numeric_limits<int>::max();
    QList<int> wanted;
    for (const QJsonValue &v : entries) {
        const QJsonObject e = v.toObject();
        const int seq = e.value(QLatin1String("seq")).toInt();
        auto sealed = m_sealer.sealEntry(caseId, seq, e);
        if (!sealed) {
            taken = true;
            return ApiReply::storage(sealed.error());
        }
        item.rows.append({seq, e.value(QLatin1String("kind")).toString(), sealed.value()});
        item.first = std::min(item.first, seq);
        wanted.append(seq);
    }
    const int after = item.first + int(entries.size()) - 1;
    // The guard not holding (a new case, another window's, a resend, a gap, held entries, a
    // concurrent writer, the token ended) or the statement failing (a concurrent writer of the
    // same seqs, a lost connection): store() gives the exact answer, idempotently.
    const AppendBatcher::Answer answer =
        m_batcher ? m_batcher->run(m_db, std::move(item)) : AppendBatcher::runBatch(m_db, {&item}).value(0);
    if (answer.outcome != AppendBatcher::Outcome::Moved)
        return std::nullopt;
    taken = true;
    seqs = wanted;
    applied = after;
    counts.applied = int(entries.size());
    counts.stored = int(entries.size());
    return std::nullopt;
}

std::optional<ApiReply> CaseLedger::store(const QString &caseId, const QJsonArray &entries, const Principal &who,
    bool &retry, QList<int> &seqs, int &applied, AppendCounts &counts)
{
    counts = {};
    if (!m_db.begin()) {
        retry = m_db.lastErrorRetryable();
        return ApiReply::storage(m_db.lastError());
    }
    auto fail = [this, &retry](ApiReply reply) {
        retry = reply.status == 503 && m_db.lastErrorRetryable();
        m_db.rollback();
        return std::optional<ApiReply>(reply);
    };
    const QString now = isoUtc(m_clock());
    // The case row, locked (PostgreSQL: FOR UPDATE) until commit, so two back-office processes
    // append to one case one after the other. The first writer of a case id owns it: a case not
    // there yet is made first (ON CONFLICT DO NOTHING waits for a concurrent first insert) and
    // read again. A case that exists costs one statement here.
    const QString lockCase =
        QStringLiteral("SELECT window_key_id, applied_seq, stored_seq FROM cases WHERE case_id = ?") + m_db.forUpdate();
    auto found = m_db.exec(lockCase, {caseId});
    if (!found)
        return fail(ApiReply::storage(found.error()));
    if (!found.value().next()) {
        auto made = m_db.exec(QStringLiteral("INSERT INTO cases (case_id, window_key_id, applied_seq, created_at,"
                                             " updated_at) VALUES (?, ?, 0, ?, ?) ON CONFLICT (case_id) DO NOTHING"),
            {caseId, who.window, now, now});
        if (!made)
            return fail(ApiReply::storage(made.error()));
        found = m_db.exec(lockCase, {caseId});
        if (!found)
            return fail(ApiReply::storage(found.error()));
        if (!found.value().next())
            return fail(ApiReply::storage(QStringLiteral("case %1 vanished").arg(caseId)));
    }
    if (found.value().value(0).toString() != who.window)
        return fail(ApiReply::error(
            403, QStringLiteral("forbidden"), QStringLiteral("Case %1 belongs to another window.").arg(caseId)));
    applied = found.value().value(1).toInt();
    const int storedSeq = found.value().value(2).toInt();
    // No entry is stored above top (the migration that added stored_seq; every append that stores
    // above applied_seq keeps it).
    const int top = std::max(applied, storedSeq);

    // What the case holds already at the request's seqs: one statement for the whole request
    // (after the lock: a separate statement sees what a writer that held it before committed).
    int lowest = std::numeric_limits<int>::max();
    for (const QJsonValue &v : entries)
        lowest = std::min(lowest, v.toObject().value(QLatin1String("seq")).toInt());
    // From the lowest seq on: the request's seqs, and held entries after them (applied below when
    // the request fills their gap); their kinds tell whether routing has anything to do. A request
    // whose seqs are all above top (a window pushing its next entries) has nothing stored there:
    // no statement.
    QHash<int, QString> stored;
    QHash<int, QString> kindAt;
    if (lowest <= top) {
        auto have =
            m_db.exec(QStringLiteral("SELECT seq, kind, content FROM case_entries WHERE case_id = ? AND seq >= ?"),
                {caseId, lowest});
        if (!have)
            return fail(ApiReply::storage(have.error()));
        while (have.value().next()) {
            const int seq = have.value().value(0).toInt();
            kindAt.insert(seq, have.value().value(1).toString());
            stored.insert(seq, have.value().value(2).toString());
        }
    }
    QJsonArray conflicts;
    // The request's new entries, sealed, in request order (a seq sent twice in one request is
    // stored once, as its first copy; the second is compared with it).
    struct NewRow
    {
        int seq;
        QString kind;
        QString sealed;
    };
    QList<NewRow> rows;
    QHash<int, QJsonObject> fresh;
    for (const QJsonValue &v : entries) {
        const QJsonObject e = v.toObject();
        const int seq = e.value(QLatin1String("seq")).toInt();
        seqs.append(seq);
        const auto there = stored.constFind(seq);
        if (there != stored.cend()) {
            QJsonObject kept;
            const auto mine = fresh.constFind(seq);
            if (mine != fresh.cend()) {
                kept = mine.value();
            } else {
                auto opened = m_sealer.openEntry(caseId, seq, there.value());
                if (!opened)
                    return fail(ApiReply::storage(opened.error()));
                kept = opened.value();
                ++counts.replayed;
            }
            if (kept != e)
                conflicts.append(QJsonObject {{QStringLiteral("seq"), seq},
                    {QStringLiteral("fields"), differences(kept, e)}, {QStringLiteral("stored"), kept}});
            continue;
        }
        auto sealed = m_sealer.sealEntry(caseId, seq, e);
        if (!sealed)
            return fail(ApiReply::storage(sealed.error()));
        const QString kind = e.value(QLatin1String("kind")).toString();
        rows.append(NewRow {seq, kind, sealed.value()});
        fresh.insert(seq, e);
        stored.insert(seq, QString());
        kindAt.insert(seq, kind);
    }
    if (!conflicts.isEmpty())
        return fail(ApiReply::error(409, QStringLiteral("entry-conflict"),
            QStringLiteral("Case %1 already has other content at the same seq; nothing was stored.").arg(caseId),
            QJsonObject {{QStringLiteral("conflicts"), conflicts}}));

    // Apply what is now contiguous: the held entries that the new ones make whole are applied too.
    // The contiguous run from applied + 1: applied + 1 is never stored before this request (it
    // would have been applied), so it is one of the request's seqs and `stored` knows every seq
    // from there on. New rows are written applied (or held) at once.
    const int before = applied;
    while (stored.contains(applied + 1))
        ++applied;
    bool heldNowApplied = false;
    bool decidedApplied = false;
    bool handoutsFollow = false; // an applied entry of a kind Handouts follows
    for (int s = before + 1; s <= applied; ++s) {
        if (!fresh.contains(s))
            heldNowApplied = true;
        const QString kind = kindAt.value(s);
        if (kind == QLatin1String("decided"))
            decidedApplied = true;
        if (Handouts::follows(kind))
            handoutsFollow = true;
    }
    // The new rows in a few multi-row INSERTs: chunks of 64, 32, …, 1 rows (a handful of
    // statement texts, each prepared once per connection). On PostgreSQL the last chunk also
    // moves the case's applied_seq (a data-modifying WITH: one round trip less), unless held rows
    // are to be marked applied first.
    int newTop = top;
    for (const NewRow &r : std::as_const(rows))
        newTop = std::max(newTop, r.seq);
    // stored_seq follows the highest stored seq when it is above applied_seq (held entries); once
    // everything is applied, applied_seq says it.
    const int newStoredSeq = newTop > applied ? newTop : 0;
    const bool storedSeqMoves = newStoredSeq != storedSeq;
    const bool moveWithInsert = m_db.dialect() == Database::Dialect::Postgres && (applied != before || storedSeqMoves)
        && !heldNowApplied && !rows.isEmpty();
    int movedRows = -1;
    for (qsizetype done = 0; done < rows.size();) {
        qsizetype chunk = 64;
        while (chunk > rows.size() - done)
            chunk /= 2;
        QString sql = QStringLiteral("INSERT INTO case_entries (case_id, seq, kind, content, received_at, applied_at)"
                                     " VALUES ");
        QVariantList binds;
        binds.reserve(chunk * 6);
        for (qsizetype i = 0; i < chunk; ++i) {
            const NewRow &r = rows.at(done + i);
            sql += i ? QStringLiteral(", (?, ?, ?, ?, ?, ?)") : QStringLiteral("(?, ?, ?, ?, ?, ?)");
            binds << caseId << r.seq << r.kind << r.sealed << now
                  << (r.seq <= applied ? QVariant(now) : QVariant(QMetaType::fromType<QString>()));
        }
        const bool last = done + chunk == rows.size();
        if (last && moveWithInsert) {
            sql = QStringLiteral("WITH put AS (") + sql
                + (applied != before
                        ? QStringLiteral(" RETURNING seq) UPDATE cases SET applied_seq = ?, stored_seq = ?,"
                                         " updated_at = ? WHERE case_id = ? AND applied_seq = ?")
                        : QStringLiteral(" RETURNING seq) UPDATE cases SET stored_seq = ? WHERE case_id = ?"
                                         " AND applied_seq = ?"));
            if (applied != before)
                binds << applied << newStoredSeq << now << caseId << before;
            else
                binds << newStoredSeq << caseId << before;
        }
        auto put = m_db.exec(sql, binds);
        if (!put)
            return fail(ApiReply::storage(put.error()));
        if (last && moveWithInsert)
            movedRows = put.value().numRowsAffected();
        done += chunk;
    }
    for (const NewRow &r : std::as_const(rows)) {
        const QJsonObject payload = fresh.value(r.seq).value(QLatin1String("payload")).toObject();
        // The scan an "attached" entry names: read through this case once its window has
        // uploaded those bytes (UploadStore::blob).
        // So are a supplement's scans and an agent's authorisation letter (issue 22).
        for (const QString &sha : blobsNamed(fresh.value(r.seq))) {
            auto named = m_db.exec(QStringLiteral("INSERT INTO case_blobs (case_id, sha256) VALUES (?, ?)"
                                                  " ON CONFLICT (case_id, sha256) DO NOTHING"),
                {caseId, sha});
            if (!named)
                return fail(ApiReply::storage(named.error()));
        }
        // The blind index: exact ID-number search without the number in the database.
        QSet<QString> numbers;
        personNumbers(payload, &numbers);
        for (const QString &number : std::as_const(numbers)) {
            auto indexed = m_db.exec(QStringLiteral("INSERT INTO case_id_index (id_hmac, case_id) VALUES (?, ?)"
                                                    " ON CONFLICT (id_hmac, case_id) DO NOTHING"),
                {m_sealer.blindIndex(number), caseId});
            if (!indexed)
                return fail(ApiReply::storage(indexed.error()));
        }
    }

    if (applied != before) {
        if (heldNowApplied) {
            auto mark = m_db.exec(QStringLiteral("UPDATE case_entries SET applied_at = ? WHERE case_id = ? AND seq > ?"
                                                 " AND seq <= ? AND applied_at IS NULL"),
                {now, caseId, before, applied});
            if (!mark)
                return fail(ApiReply::storage(mark.error()));
        }
        if (!moveWithInsert) {
            auto moved = m_db.exec(QStringLiteral("UPDATE cases SET applied_seq = ?, stored_seq = ?, updated_at = ?"
                                                  " WHERE case_id = ? AND applied_seq = ?"),
                {applied, newStoredSeq, now, caseId, before});
            if (!moved)
                return fail(ApiReply::storage(moved.error()));
            movedRows = moved.value().numRowsAffected();
        }
    } else if (storedSeqMoves && !moveWithInsert) {
        // Held entries only: the case's highest stored seq moves up.
        auto moved = m_db.exec(QStringLiteral("UPDATE cases SET stored_seq = ? WHERE case_id = ? AND applied_seq = ?"),
            {newStoredSeq, caseId, before});
        if (!moved)
            return fail(ApiReply::storage(moved.error()));
        movedRows = moved.value().numRowsAffected();
    }
    if (applied != before || storedSeqMoves) {
        if (movedRows != 1) {
            m_db.rollback();
            retry = true;
            return ApiReply::error(503, QStringLiteral("storage-unavailable"),
                QStringLiteral("Case %1 changed meanwhile; send the entries again.").arg(caseId));
        }
    }
    // Routing and the "confirmed" events follow decided entries only.
    if (m_router && decidedApplied) {
        const QString why = m_router->entriesApplied(caseId, who.window, before, applied);
        if (!why.isEmpty())
            return fail(ApiReply::storage(why));
    }
    // Hand-outs, supplements, ratings and the supervisor's counters follow a few kinds only: an
    // append of none of them (most of a case's log) costs no statement there.
    if (m_handouts && handoutsFollow) {
        const QString why = m_handouts->entriesApplied(caseId, who.window, before, applied);
        if (!why.isEmpty())
            return fail(ApiReply::storage(why));
    }
    if (!m_db.commit()) {
        // A COMMIT whose outcome is unknown (the connection dropped) runs again as well: the
        // append is idempotent (entries already there with the same content are acknowledged).
        retry = m_db.lastErrorRetryable() || m_db.lastCommitUnknown();
        return ApiReply::storage(m_db.lastError());
    }
    counts.applied = applied - before;
    counts.stored = int(rows.size());
    return std::nullopt;
}

ApiReply CaseLedger::read(const QString &caseId, const Principal &who, bool reveal)
{
    auto found = m_db.exec(QStringLiteral("SELECT window_key_id, applied_seq FROM cases WHERE case_id = ?"), {caseId});
    if (!found)
        return ApiReply::storage(found.error());
    if (!found.value().next())
        return ApiReply::error(404, QStringLiteral("not-found"), QStringLiteral("There is no case %1.").arg(caseId));
    const QString window = found.value().value(0).toString();
    const int applied = found.value().value(1).toInt();
    if (m_departments ? !m_departments->mayReadWindow(who, window) : !mayRead(who, window))
        return ApiReply::error(
            403, QStringLiteral("forbidden"), QStringLiteral("Case %1 belongs to another window.").arg(caseId));
    auto rows =
        m_db.exec(QStringLiteral("SELECT seq, content FROM case_entries WHERE case_id = ? ORDER BY seq"), {caseId});
    if (!rows)
        return ApiReply::storage(rows.error());
    // The window's own clerks and stations read what they wrote; anyone else reads people masked
    // unless they reveal them.
    const bool masked = !who.isWindowRole() && !reveal;
    QJsonArray entries;
    QJsonArray held;
    while (rows.value().next()) {
        const int seq = rows.value().value(0).toInt();
        if (seq <= applied) {
            auto entry = m_sealer.openEntry(caseId, seq, rows.value().value(1).toString());
            if (!entry)
                return ApiReply::storage(entry.error());
            entries.append(masked ? Masking::entry(entry.value()) : QJsonValue(entry.value()));
        } else
            held.append(rows.value().value(0).toInt());
    }
    const QString audited = m_db.audit(
        who.user, reveal && !who.isWindowRole() ? QStringLiteral("reveal-case") : QStringLiteral("read-case"), caseId);
    if (!audited.isEmpty())
        return ApiReply::storage(audited); // no read that the audit does not list
    QJsonObject body {{QStringLiteral("case"), caseId}, {QStringLiteral("window"), window},
        {QStringLiteral("applied"), applied}, {QStringLiteral("entries"), entries}, {QStringLiteral("held"), held},
        {QStringLiteral("masked"), masked}};
    // Visits ("at most one visit"), tasks, items and the hand-out (issue 22).
    if (m_handouts) {
        auto progress = m_handouts->progress(caseId);
        if (!progress)
            return progress.error;
        body.insert(QStringLiteral("progress"), *progress.value);
    }
    ApiReply r = ApiReply::json(200, body);
    r.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    return r;
}

ApiReply CaseLedger::findByIdNumber(const QString &idNumber, const Principal &who)
{
    if (who.role != QLatin1String("admin") && who.role != QLatin1String("supervisor"))
        return ApiReply::error(403, QStringLiteral("forbidden"),
            QStringLiteral("Only supervisors and admins search cases, not a %1.").arg(who.role));
    const QString normal = Sealer::normaliseIdNumber(idNumber);
    if (normal.isEmpty() || normal.size() > 32)
        return ApiReply::error(400, QStringLiteral("bad-request"),
            QStringLiteral("idNumber is the ID number to search for (at most 32 characters)."));
    auto q = m_db.exec(QStringLiteral("SELECT c.case_id, c.window_key_id, c.created_at FROM case_id_index x"
                                      " JOIN cases c ON c.case_id = x.case_id WHERE x.id_hmac = ?"
                                      " ORDER BY c.created_at, c.case_id"),
        {m_sealer.blindIndex(normal)});
    if (!q)
        return ApiReply::storage(q.error());
    QJsonArray cases;
    while (q.value().next()) {
        const QString window = q.value().value(1).toString();
        if (m_departments && !m_departments->mayReadWindow(who, window))
            continue;
        cases.append(QJsonObject {{QStringLiteral("case"), q.value().value(0).toString()},
            {QStringLiteral("window"), window}, {QStringLiteral("createdAt"), q.value().value(2).toString()}});
    }
    const QString audited =
        m_db.audit(who.user, QStringLiteral("search-id-number"), QStringLiteral("%1 case(s)").arg(cases.size()));
    if (!audited.isEmpty())
        return ApiReply::storage(audited);
    ApiReply r = ApiReply::json(200, QJsonObject {{QStringLiteral("cases"), cases}});
    r.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    return r;
}

ApiReply CaseLedger::casesFound(const QList<QString> &caseIds, const Principal &who, const QString &auditAction)
{
    QJsonArray cases;
    for (const QString &caseId : caseIds) {
        auto q = m_db.exec(QStringLiteral("SELECT c.window_key_id, c.created_at, n.number FROM cases c LEFT JOIN"
                                          " case_numbers n ON n.case_id = c.case_id WHERE c.case_id = ?"),
            {caseId});
        if (!q)
            return ApiReply::storage(q.error());
        if (!q.value().next())
            continue;
        const QString window = q.value().value(0).toString();
        if (m_departments ? !m_departments->mayReadWindow(who, window) : !mayRead(who, window))
            continue;
        cases.append(QJsonObject {{QStringLiteral("case"), caseId}, {QStringLiteral("window"), window},
            {QStringLiteral("number"), q.value().value(2).toString()},
            {QStringLiteral("createdAt"), q.value().value(1).toString()}});
    }
    const QString audited = m_db.audit(who.user, auditAction, QStringLiteral("%1 case(s)").arg(cases.size()));
    if (!audited.isEmpty())
        return ApiReply::storage(audited);
    ApiReply r = ApiReply::json(200, QJsonObject {{QStringLiteral("cases"), cases}});
    r.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    return r;
}

ApiReply CaseLedger::findByNumber(const QString &number, const Principal &who)
{
    if (who.role == QLatin1String("department"))
        return ApiReply::error(
            403, QStringLiteral("forbidden"), QStringLiteral("A department reads its items, not cases by number."));
    if (number.trimmed().isEmpty() || number.size() > 64)
        return ApiReply::error(
            400, QStringLiteral("bad-request"), QStringLiteral("number is a case number (at most 64 characters)."));
    auto q = m_db.exec(QStringLiteral("SELECT case_id FROM case_numbers WHERE number = ?"), {number.trimmed()});
    if (!q)
        return ApiReply::storage(q.error());
    QList<QString> ids;
    while (q.value().next())
        ids << q.value().value(0).toString();
    return casesFound(ids, who, QStringLiteral("search-number"));
}

ApiReply CaseLedger::findByQr(const QString &text, const Principal &who)
{
    if (who.role == QLatin1String("department"))
        return ApiReply::error(
            403, QStringLiteral("forbidden"), QStringLiteral("A department reads its items, not cases by QR."));
    const auto refuse = [](const QString &code, const QString &why) { return ApiReply::error(422, code, why); };
    auto qr = receipt::QrPayload::parse(text);
    if (!qr)
        return refuse(QStringLiteral("bad-qr"), qr.error());
    auto found = m_db.exec(QStringLiteral("SELECT window_key_id FROM cases WHERE case_id = ?"), {qr->caseId});
    if (!found)
        return ApiReply::storage(found.error());
    if (!found.value().next())
        return ApiReply::error(404, QStringLiteral("not-found"),
            QStringLiteral("The back office has no case %1 (not synced yet?).").arg(qr->caseNumber));
    const QString window = found.value().value(0).toString();
    if (qr->keyId != window && qr->keyId != receipt::KeyRing::demoKeyId(window))
        return refuse(QStringLiteral("bad-signature"),
            QStringLiteral("The QR is signed by key %1, not by the case's window %2: forged.").arg(qr->keyId, window));
    if (!m_windows)
        return ApiReply::storage(QStringLiteral("no window registry"));
    auto keys = m_windows->keysOf(window);
    if (!keys)
        return keys.error;
    QString revokedOn;
    bool genuine = false;
    for (const WindowRegistry::KeyPeriod &k : std::as_const(*keys.value)) {
        if (!receipt::KeyRing::verifySignature(k.publicKey, qr->signedPart(), qr->signature))
            continue;
        // The QR has the day of issue: genuine when issued before the day of the revocation.
        const QDate revoked = QDateTime::fromString(k.revokedAt, Qt::ISODateWithMs).date();
        if (k.current() || qr->issued < revoked) {
            genuine = true;
            break;
        }
        revokedOn = k.revokedAt;
    }
    if (!genuine && !revokedOn.isEmpty())
        return refuse(QStringLiteral("key-revoked"),
            QStringLiteral("The QR was issued on %1 with a key of window %2 revoked on %3.")
                .arg(qr->issued.toString(Qt::ISODate), window, revokedOn));
    if (!genuine)
        return refuse(QStringLiteral("bad-signature"),
            QStringLiteral("The QR's signature is not made by any key window %1 had: forged or altered.").arg(window));
    // Genuine: it must also be one of the case's documents as the back office has them.
    auto rows = m_db.exec(QStringLiteral("SELECT seq, content FROM case_entries WHERE case_id = ? AND kind IN"
                                         " ('decided', 'handedOut', 'dispatched') ORDER BY seq"),
        {qr->caseId});
    if (!rows)
        return ApiReply::storage(rows.error());
    const QString digest = QString::fromLatin1(qr->digest.toHex());
    bool known = false;
    while (!known && rows.value().next()) {
        auto entry = m_sealer.openEntry(qr->caseId, rows.value().value(0).toInt(), rows.value().value(1).toString());
        if (!entry)
            return ApiReply::storage(entry.error());
        known = entry->value(QLatin1String("payload")).toObject().value(QLatin1String("digest")).toString() == digest;
    }
    if (!known)
        return refuse(QStringLiteral("unknown-document"),
            QStringLiteral("The QR is signed, but no document of case %1 has its digest (not synced yet?).")
                .arg(qr->caseNumber));
    return casesFound({qr->caseId}, who, QStringLiteral("search-qr"));
}

} // namespace ow::backoffice
