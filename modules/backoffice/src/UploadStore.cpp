#include "onewindow/backoffice/UploadStore.h"

#include "onewindow/backoffice/CaseLedger.h"
#include "onewindow/backoffice/Database.h"
#include "onewindow/backoffice/Metrics.h"
#include "onewindow/backoffice/Sealer.h"
#include "onewindow/backoffice/UploadSink.h"
#include "onewindow/core/Sha256.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QScopeGuard>
#include <QUuid>

namespace ow::backoffice {

namespace {

ApiReply badRequest(const QString &message)
{
    return ApiReply::error(400, QStringLiteral("bad-request"), message);
}

// "1234" → 1234; anything else (sign, spaces, hex, empty, over 18 digits) → -1.
qint64 decimal(const QByteArray &text)
{
    const QByteArray t = text.trimmed();
    if (t.isEmpty() || t.size() > 18)
        return -1;
    for (char c : t) {
        if (c < '0' || c > '9')
            return -1;
    }
    return t.toLongLong();
}

bool strictBase64(const QByteArray &text, QByteArray *out)
{
    auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    *out = *decoded;
    return true;
}

// NOT NULL text columns: "" instead of a null QString (which QtSql binds as NULL).
QString orEmpty(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

// A file name can name a person ("王小明身份证.pdf"): only its extension is kept.
QString keptFilename(const QString &name)
{
    const QString suffix = QFileInfo(name).suffix().left(10);
    for (QChar c : suffix) {
        if (!c.isLetterOrNumber() || c.unicode() > 127)
            return QStringLiteral("scan");
    }
    return suffix.isEmpty() ? QStringLiteral("scan") : QStringLiteral("scan.") + suffix.toLower();
}

} // namespace

UploadStore::UploadStore(Database &db, const Sealer &sealer, const QString &dataDir, Clock clock, qint64 maxBytes)
    : m_db(db)
    , m_sealer(sealer)
    , m_dataDir(dataDir)
    , m_clock(std::move(clock))
    , m_maxBytes(maxBytes)
    , m_busy(std::make_shared<BusyUploads>())
{
    QDir().mkpath(m_dataDir + QStringLiteral("/uploads"));
    QDir().mkpath(m_dataDir + QStringLiteral("/blobs"));
}

UploadStore::~UploadStore() = default;

bool UploadStore::BusyUploads::claim(const QString &id)
{
    QMutexLocker locked(&lock);
    if (ids.contains(id))
        return false;
    ids.insert(id);
    return true;
}

void UploadStore::BusyUploads::release(const QString &id)
{
    QMutexLocker locked(&lock);
    ids.remove(id);
}

bool UploadStore::BusyUploads::contains(const QString &id)
{
    QMutexLocker locked(&lock);
    return ids.contains(id);
}

bool UploadStore::validSha256(const QString &hex)
{
    if (hex.size() != 64)
        return false;
    for (QChar c : hex) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

QString UploadStore::partPath(const QString &id) const
{
    return m_dataDir + QStringLiteral("/uploads/") + id + QStringLiteral(".part");
}

QString UploadStore::pendingPath(const QString &id) const
{
    return m_dataDir + QStringLiteral("/uploads/") + id + QStringLiteral(".pending");
}

QString UploadStore::blobPath(const QString &sha256) const
{
    return m_dataDir + QStringLiteral("/blobs/") + sha256.left(2) + QLatin1Char('/') + sha256;
}

bool UploadStore::blobStored(const QString &sha256, qint64 *length) const
{
    auto q = m_db.exec(QStringLiteral("SELECT length_bytes FROM blobs WHERE sha256 = ?"), {sha256});
    if (!q || !q.value().next())
        return false;
    // Sealed, the file is longer than the blob; its contents are checked when it is opened.
    if (!QFileInfo::exists(blobPath(sha256)))
        return false;
    *length = q.value().value(0).toLongLong();
    return true;
}

ApiReply UploadStore::offsetReply(int status, qint64 offset, qint64 length) const
{
    ApiReply r = ApiReply::empty(status);
    r.headers.append({QByteArrayLiteral("Upload-Offset"), QByteArray::number(offset)});
    r.headers.append({QByteArrayLiteral("Upload-Length"), QByteArray::number(length)});
    r.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    return r;
}

ApiReply UploadStore::create(
    const Principal &who, const QByteArray &lengthHeader, const QByteArray &metadata, const QByteArray &deferLength)
{
    if (!who.isWindowRole())
        return ApiReply::error(403, QStringLiteral("forbidden"),
            QStringLiteral("Only a window's clerk or station uploads, not a %1.").arg(who.role));
    if (!deferLength.isEmpty())
        return badRequest(QStringLiteral("Upload-Defer-Length is not supported; send Upload-Length."));
    if (lengthHeader.isEmpty())
        return badRequest(QStringLiteral("Creating an upload needs Upload-Length."));
    const qint64 length = decimal(lengthHeader);
    if (length < 0)
        return badRequest(QStringLiteral("Upload-Length is a decimal number of bytes."));
    if (length > m_maxBytes)
        return ApiReply::error(413, QStringLiteral("upload-too-large"),
            QStringLiteral("An upload is at most %1 bytes (Tus-Max-Size); this one says %2.")
                .arg(m_maxBytes)
                .arg(length));

    QHash<QString, QString> meta;
    if (!metadata.trimmed().isEmpty()) {
        for (const QByteArray &pair : metadata.split(',')) {
            const QList<QByteArray> kv = pair.trimmed().split(' ');
            if (kv.isEmpty() || kv.size() > 2 || kv.at(0).isEmpty())
                return badRequest(QStringLiteral("Upload-Metadata is \"key base64value,key2 base64value\"."));
            const QString key = QString::fromLatin1(kv.at(0));
            if (meta.contains(key))
                return badRequest(QStringLiteral("Upload-Metadata has key %1 twice.").arg(key));
            QByteArray value;
            if (kv.size() == 2 && !strictBase64(kv.at(1), &value))
                return badRequest(QStringLiteral("The Upload-Metadata value of %1 is not base64.").arg(key));
            // Text, never NUL: PostgreSQL cannot store it, and every backend answers alike.
            if (value.contains('\0'))
                return badRequest(QStringLiteral("The Upload-Metadata value of %1 holds a NUL character.").arg(key));
            meta.insert(key, QString::fromUtf8(value));
        }
    }
    const QString sha = meta.value(QStringLiteral("sha256")).toLower();
    if (!validSha256(sha))
        return badRequest(QStringLiteral("Upload-Metadata needs sha256: the blob's SHA-256 as 64 hex digits."));
    const QString caseId = meta.value(QStringLiteral("case"));
    if (!caseId.isEmpty()) {
        if (!CaseLedger::validCaseId(caseId))
            return badRequest(QStringLiteral("The metadata case is not a valid case id."));
        auto owner = m_db.exec(QStringLiteral("SELECT window_key_id FROM cases WHERE case_id = ?"), {caseId});
        if (!owner)
            return ApiReply::storage(owner.error());
        if (owner.value().next() && owner.value().value(0).toString() != who.window)
            return ApiReply::error(
                403, QStringLiteral("forbidden"), QStringLiteral("Case %1 belongs to another window.").arg(caseId));
    }
    const QString type = meta.value(QStringLiteral("type")).left(100);
    // Whether the blob is stored already changes nothing here: its bytes are uploaded all the same
    // (they prove the window has them), and no answer tells whether, or how long, it is stored.
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString now = isoUtc(m_clock());
    {
        QFile part(partPath(id));
        if (!part.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return ApiReply::storage(QStringLiteral("cannot create %1").arg(part.fileName()));
    }
    auto made =
        m_db.exec(QStringLiteral("INSERT INTO uploads (upload_id, window_key_id, uploaded_by, case_id, material,"
                                 " filename, media_type, sha256, length_bytes, offset_bytes, state, created_at,"
                                 " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {id, who.window, who.user, caseId.isEmpty() ? QVariant() : QVariant(caseId),
                orEmpty(meta.value(QStringLiteral("material")).left(200)),
                keptFilename(meta.value(QStringLiteral("filename"))), orEmpty(type), sha, length, 0,
                QStringLiteral("open"), now, now});
    if (!made) {
        QFile::remove(partPath(id));
        return ApiReply::storage(made.error());
    }
    Upload u {id, who.window, caseId, sha, type, length, QStringLiteral("open"), now};
    if (length == 0) {
        ApiReply done = complete(u);
        if (done.isError())
            return done;
    }
    Metrics::global().uploadStarted();
    ApiReply r = ApiReply::empty(201);
    r.headers.append({QByteArrayLiteral("Location"), QByteArrayLiteral("/v1/uploads/") + id.toLatin1()});
    r.headers.append({QByteArrayLiteral("Upload-Offset"), QByteArrayLiteral("0")});
    if (length > 0)
        addExpires(r, now);
    r.body = QJsonObject {{QStringLiteral("upload"), id}, {QStringLiteral("complete"), length == 0}};
    return r;
}

ApiResult<UploadStore::Upload> UploadStore::find(const Principal &who, const QString &uploadId)
{
    if (!who.isWindowRole())
        return ApiReply::error(403, QStringLiteral("forbidden"),
            QStringLiteral("Only a window's clerk or station uploads, not a %1.").arg(who.role));
    auto q = m_db.exec(QStringLiteral("SELECT window_key_id, case_id, sha256, media_type, length_bytes, state,"
                                      " updated_at FROM uploads WHERE upload_id = ?"),
        {uploadId});
    if (!q)
        return ApiReply::storage(q.error());
    if (!q.value().next() || q.value().value(0).toString() != who.window)
        return ApiReply::error(404, QStringLiteral("unknown-upload"),
            QStringLiteral("There is no upload %1 of this window.").arg(uploadId));
    Upload u;
    u.id = uploadId;
    u.window = q.value().value(0).toString();
    u.caseId = q.value().value(1).toString();
    u.sha256 = q.value().value(2).toString();
    u.type = q.value().value(3).toString();
    u.length = q.value().value(4).toLongLong();
    u.state = q.value().value(5).toString();
    u.updatedAt = q.value().value(6).toString();
    // tus expiration: an unfinished upload past its Upload-Expires is gone, whether or not the
    // sweep came by yet.
    if (u.state == QLatin1String("open") && !m_busy->contains(uploadId)
        && u.updatedAt < isoUtc(m_clock().addSecs(-m_expirySeconds))) {
        const QString failed = discard(uploadId);
        if (!failed.isEmpty())
            return ApiReply::storage(failed);
        return ApiReply::error(410, QStringLiteral("upload-expired"),
            QStringLiteral("Upload %1 expired (untouched for %2 s); start a new one.")
                .arg(uploadId)
                .arg(m_expirySeconds));
    }
    if (u.state == QLatin1String("failed"))
        return ApiReply::error(410, QStringLiteral("upload-discarded"),
            QStringLiteral("Upload %1 was discarded (its bytes did not have the announced sha256); start a new one.")
                .arg(uploadId));
    return u;
}

qint64 UploadStore::offsetOf(const Upload &u) const
{
    if (u.state == QLatin1String("complete"))
        return u.length;
    return qMin(QFileInfo(partPath(u.id)).size(), u.length);
}

std::optional<ApiReply> UploadStore::settle(Upload &u, bool claimed)
{
    // All bytes arrived but the server stopped before it checked and stored them (killed between
    // the last write and complete()): finish now, so a full offset always means a stored blob.
    if (u.state != QLatin1String("open") || (!claimed && m_busy->contains(u.id))
        || QFileInfo(partPath(u.id)).size() < u.length)
        return std::nullopt;
    const ApiReply done = complete(u);
    if (done.status == 460)
        return ApiReply::error(410, QStringLiteral("upload-discarded"),
            QStringLiteral("Upload %1 was discarded (its bytes did not have the announced sha256); start a new one.")
                .arg(u.id));
    if (done.isError())
        return done;
    u.state = QStringLiteral("complete");
    return std::nullopt;
}

qint64 UploadStore::reportedOffset(const Upload &u) const
{
    // An upload not yet checked and stored never reports its full length: a client that saw the
    // full offset takes the blob as delivered.
    const qint64 offset = offsetOf(u);
    if (u.state != QLatin1String("complete") && u.length > 0)
        return qMin(offset, u.length - 1);
    return offset;
}

ApiReply UploadStore::head(const Principal &who, const QString &uploadId)
{
    auto u = find(who, uploadId);
    if (!u)
        return u.error;
    if (auto failed = settle(*u.value))
        return *failed;
    ApiReply r = offsetReply(200, reportedOffset(*u.value), u.value->length);
    if (u.value->state == QLatin1String("open"))
        addExpires(r, u.value->updatedAt);
    return r;
}

void UploadStore::addExpires(ApiReply &reply, const QString &updatedAt) const
{
    const QDateTime touched = QDateTime::fromString(updatedAt, Qt::ISODateWithMs);
    if (!touched.isValid())
        return;
    // RFC 7231 IMF-fixdate, always in English.
    const QString date = QLocale::c().toString(
        touched.toUTC().addSecs(m_expirySeconds), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    reply.headers.append({QByteArrayLiteral("Upload-Expires"), date.toLatin1()});
}

QString UploadStore::discard(const QString &uploadId)
{
    QFile::remove(partPath(uploadId));
    QFile::remove(pendingPath(uploadId));
    auto gone = m_db.exec(
        QStringLiteral("UPDATE uploads SET state = 'failed', updated_at = ? WHERE upload_id = ? AND state = 'open'"),
        {isoUtc(m_clock()), uploadId});
    return gone ? QString() : gone.error();
}

ApiReply UploadStore::terminate(const Principal &who, const QString &uploadId)
{
    auto u = find(who, uploadId);
    if (!u)
        return u.error;
    if (m_busy->contains(uploadId))
        return ApiReply::error(409, QStringLiteral("upload-busy"),
            QStringLiteral("A PATCH of upload %1 is still receiving; terminate it once that ends.").arg(uploadId));
    if (u.value->state == QLatin1String("complete"))
        return ApiReply::error(409, QStringLiteral("upload-complete"),
            QStringLiteral("Upload %1 is complete: its blob belongs to the case record and stays.").arg(uploadId));
    const QString failed = discard(uploadId);
    if (!failed.isEmpty())
        return ApiReply::storage(failed);
    return ApiReply::empty(204);
}

Result<int> UploadStore::sweepExpired()
{
    auto q = m_db.exec(QStringLiteral("SELECT upload_id FROM uploads WHERE state = 'open' AND updated_at < ?"),
        {isoUtc(m_clock().addSecs(-m_expirySeconds))});
    if (!q)
        return Result<int>::failure(q.error());
    QStringList expired;
    while (q.value().next())
        expired.append(q.value().value(0).toString());
    int swept = 0;
    for (const QString &id : std::as_const(expired)) {
        if (m_busy->contains(id))
            continue;
        const QString failed = discard(id);
        if (!failed.isEmpty())
            return Result<int>::failure(failed);
        ++swept;
    }
    return swept;
}

ApiResult<std::shared_ptr<HttpBodySink>> UploadStore::beginPatch(const Principal &who, const QString &uploadId,
    const QByteArray &contentType, const QByteArray &offsetHeader, const QByteArray &checksum, qint64 contentLength)
{
    if (contentType.trimmed().toLower() != "application/offset+octet-stream")
        return ApiReply::error(415, QStringLiteral("unsupported-media-type"),
            QStringLiteral("A PATCH body is Content-Type: application/offset+octet-stream."));
    auto u = find(who, uploadId);
    if (!u)
        return u.error;
    const qint64 offset = decimal(offsetHeader);
    if (offset < 0)
        return badRequest(QStringLiteral("A PATCH needs Upload-Offset, a decimal number of bytes."));
    std::optional<QCryptographicHash::Algorithm> algorithm;
    QByteArray digest;
    if (!checksum.isEmpty()) {
        const QList<QByteArray> parts = checksum.trimmed().split(' ');
        if (parts.size() != 2)
            return badRequest(QStringLiteral("Upload-Checksum is \"algorithm base64digest\"."));
        const QByteArray name = parts.at(0).toLower();
        if (name == "sha1")
            algorithm = QCryptographicHash::Sha1;
        else if (name == "sha256")
            algorithm = QCryptographicHash::Sha256;
        else
            return ApiReply::error(400, QStringLiteral("unsupported-checksum"),
                QStringLiteral("Upload-Checksum algorithm %1 is not supported (Tus-Checksum-Algorithm: sha1,sha256).")
                    .arg(QString::fromLatin1(name)));
        if (!strictBase64(parts.at(1), &digest) || digest.size() != QCryptographicHash::hashLength(*algorithm))
            return badRequest(
                QStringLiteral("The Upload-Checksum digest is not a base64 %1 digest.").arg(QString::fromLatin1(name)));
    }
    // Claimed now (workers run PATCHes side by side): a second PATCH of the upload gets 409.
    if (!m_busy->claim(uploadId))
        return ApiReply::error(409, QStringLiteral("upload-busy"),
            QStringLiteral("Another PATCH of upload %1 is still receiving; HEAD again shortly.").arg(uploadId));
    bool handedOver = false;
    const auto unclaim = qScopeGuard([this, &handedOver, &uploadId] {
        if (!handedOver)
            m_busy->release(uploadId);
    });
    if (auto failed = settle(*u.value, true))
        return *failed;
    const qint64 current = reportedOffset(*u.value);
    if (offset != current) {
        ApiReply r = ApiReply::error(409, QStringLiteral("offset-mismatch"),
            QStringLiteral("Upload-Offset is %1 but upload %2 has %3 bytes; HEAD for the offset.")
                .arg(offset)
                .arg(uploadId)
                .arg(current));
        r.headers.append({QByteArrayLiteral("Upload-Offset"), QByteArray::number(current)});
        return r;
    }
    if (u.value->state == QLatin1String("complete")) {
        if (contentLength > 0)
            return ApiReply::error(413, QStringLiteral("beyond-upload-length"),
                QStringLiteral("Upload %1 is complete; it takes no more bytes.").arg(uploadId));
        return offsetReply(204, current, u.value->length); // nothing to add: the blob is stored
    }
    if (contentLength > u.value->length - current)
        return ApiReply::error(413, QStringLiteral("beyond-upload-length"),
            QStringLiteral("This PATCH has %1 bytes; upload %2 takes only %3 more.")
                .arg(contentLength)
                .arg(uploadId)
                .arg(u.value->length - current));
    // The sink holds the claim from here and gives it back when it goes (on whichever thread).
    handedOver = true;
    auto sink = std::make_shared<UploadSink>(uploadId, partPath(uploadId), pendingPath(uploadId), algorithm, digest,
        [busy = m_busy](const QString &id) { busy->release(id); });
    if (!sink->open())
        return ApiReply::storage(QStringLiteral("cannot open the files of upload %1").arg(uploadId));
    return std::shared_ptr<HttpBodySink>(sink);
}

ApiReply UploadStore::endPatch(const Principal &who, const QString &uploadId, HttpBodySink *body)
{
    auto *sink = dynamic_cast<UploadSink *>(body);
    if (!sink || sink->uploadId() != uploadId)
        return ApiReply::storage(QStringLiteral("PATCH %1 arrived without its sink").arg(uploadId));
    // A checked body joins the upload's bytes here, on the worker (not while it was received).
    sink->commit();
    if (!sink->storageError().isEmpty())
        return ApiReply::storage(QStringLiteral("upload %1: %2").arg(uploadId, sink->storageError()));
    if (sink->checksumFailed())
        return ApiReply::error(460, QStringLiteral("checksum-mismatch"),
            QStringLiteral("The PATCH body does not match its Upload-Checksum; nothing of it was kept."));
    auto u = find(who, uploadId);
    if (!u)
        return u.error;
    const qint64 offset = offsetOf(*u.value);
    auto saved = m_db.exec(QStringLiteral("UPDATE uploads SET offset_bytes = ?, updated_at = ? WHERE upload_id = ?"),
        {offset, isoUtc(m_clock()), uploadId});
    if (!saved)
        return ApiReply::storage(saved.error());
    if (offset == u.value->length && u.value->state == QLatin1String("open")) {
        ApiReply done = complete(*u.value);
        if (done.isError())
            return done;
    }
    ApiReply r = ApiReply::empty(204);
    r.headers.append({QByteArrayLiteral("Upload-Offset"), QByteArray::number(offset)});
    if (offset < u.value->length)
        addExpires(r, isoUtc(m_clock()));
    return r;
}

ApiReply UploadStore::complete(const Upload &u)
{
    QFile part(partPath(u.id));
    if (!part.open(QIODevice::ReadOnly))
        return ApiReply::storage(QStringLiteral("cannot read %1").arg(part.fileName()));
    Sha256 hash;
    if (!hash.addData(&part))
        return ApiReply::storage(QStringLiteral("cannot read %1").arg(part.fileName()));
    part.close();
    const QString now = isoUtc(m_clock());
    const QString actual = QString::fromLatin1(hash.result().toHex());
    if (actual != u.sha256) {
        QFile::remove(partPath(u.id));
        auto failed = m_db.exec(
            QStringLiteral("UPDATE uploads SET state = 'failed', updated_at = ? WHERE upload_id = ?"), {now, u.id});
        if (!failed)
            return ApiReply::storage(failed.error());
        return ApiReply::error(460, QStringLiteral("checksum-mismatch"),
            QStringLiteral("The uploaded bytes have SHA-256 %1, not the announced %2; the upload is discarded.")
                .arg(actual, u.sha256));
    }
    const QString target = blobPath(u.sha256);
    QDir().mkpath(QFileInfo(target).path());
    qint64 have = -1;
    if (!blobStored(u.sha256, &have)) {
        QFile::remove(target);
        auto sealed = m_sealer.sealFile(partPath(u.id), target, QByteArrayLiteral("blob:") + u.sha256.toLatin1());
        if (!sealed)
            return ApiReply::storage(QStringLiteral("upload %1: %2").arg(u.id, sealed.error()));
        QFile::remove(partPath(u.id));
        if (!m_db.begin())
            return ApiReply::storage(m_db.lastError());
        auto gone = m_db.exec(QStringLiteral("DELETE FROM blobs WHERE sha256 = ?"), {u.sha256});
        auto added = m_db.exec(QStringLiteral("INSERT INTO blobs (sha256, length_bytes, media_type, stored_at)"
                                              " VALUES (?, ?, ?, ?)"),
            {u.sha256, u.length, orEmpty(u.type), now});
        if (!gone || !added || !m_db.commit()) {
            m_db.rollback();
            return ApiReply::storage(m_db.lastError());
        }
    } else {
        QFile::remove(partPath(u.id));
    }
    auto done = m_db.exec(
        QStringLiteral(
            "UPDATE uploads SET state = 'complete', offset_bytes = length_bytes, updated_at = ? WHERE upload_id = ?"),
        {now, u.id});
    if (!done)
        return ApiReply::storage(done.error());
    Metrics::global().uploadCompleted();
    return ApiReply::empty(204);
}

ApiResult<QString> UploadStore::readableCaseOf(const Principal &who, const QString &sha) const
{
    // The cases that name this blob (an upload for the case, or an "attached" entry) and whose
    // window has uploaded its bytes completely (it proved it had them): a blob is read through
    // one of them, never because of who uploaded it.
    auto q = m_db.exec(QStringLiteral("SELECT c.case_id, c.window_key_id FROM cases c"
                                      " WHERE c.case_id IN (SELECT case_id FROM uploads"
                                      "  WHERE sha256 = ? AND state = 'complete' AND case_id IS NOT NULL"
                                      "  UNION SELECT case_id FROM case_blobs WHERE sha256 = ?)"
                                      " AND EXISTS (SELECT 1 FROM uploads p WHERE p.sha256 = ?"
                                      "  AND p.state = 'complete' AND p.window_key_id = c.window_key_id)"
                                      " ORDER BY c.case_id"),
        {sha, sha, sha});
    if (!q)
        return ApiReply::storage(q.error());
    QList<QPair<QString, QString>> cases;
    while (q.value().next())
        cases.append({q.value().value(0).toString(), q.value().value(1).toString()});
    for (const auto &[caseId, window] : std::as_const(cases)) {
        if (who.role == QLatin1String("admin"))
            return caseId;
        if (who.isWindowRole()) {
            if (who.window == window)
                return caseId;
            continue;
        }
        Result<QSqlQuery> ok = Result<QSqlQuery>::failure(QString());
        if (who.role == QLatin1String("supervisor"))
            ok = m_db.exec(QStringLiteral("SELECT 1 FROM supervised_windows WHERE user_name = ? AND window_key_id = ?"),
                {who.user, window});
        else if (who.role == QLatin1String("department"))
            ok = m_db.exec(
                QStringLiteral("SELECT 1 FROM items WHERE case_id = ? AND department = ?"), {caseId, who.department});
        else
            continue;
        if (!ok)
            return ApiReply::storage(ok.error());
        if (ok.value().next())
            return caseId;
    }
    return QString();
}

ApiReply UploadStore::blob(const Principal &who, const QString &shaIn, bool headOnly)
{
    const QString sha = shaIn.toLower();
    if (!validSha256(sha))
        return badRequest(QStringLiteral("A blob is named by its SHA-256 as 64 hex digits."));
    const ApiReply notFound =
        ApiReply::error(404, QStringLiteral("unknown-blob"), QStringLiteral("There is no blob %1 for you.").arg(sha));
    qint64 length = -1;
    if (!blobStored(sha, &length))
        return notFound;
    auto via = readableCaseOf(who, sha);
    if (!via)
        return via.error;
    if (via.value->isEmpty()) {
        (void)m_db.audit(who.user, QStringLiteral("blob-refused"), sha);
        return notFound;
    }
    (void)m_db.audit(who.user, headOnly ? QStringLiteral("head-blob") : QStringLiteral("read-blob"),
        QStringLiteral("%1 of case %2").arg(sha, *via.value));
    const QByteArray mediaType = QByteArrayLiteral("application/octet-stream");
    if (headOnly) {
        ApiReply r = ApiReply::empty(200);
        r.headers.append({QByteArrayLiteral("Content-Type"), mediaType});
        r.headers.append({QByteArrayLiteral("Content-Length"), QByteArray::number(length)});
        r.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
        return r;
    }
    auto plain = m_sealer.openFile(blobPath(sha), QByteArrayLiteral("blob:") + sha.toLatin1());
    if (!plain)
        return ApiReply::storage(plain.error());
    ApiReply r = ApiReply::bytes(200, plain.value(), mediaType);
    r.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    return r;
}

} // namespace ow::backoffice
