#include "onewindow/backoffice/UploadSink.h"

#include "onewindow/backoffice/ApiReply.h"
#include "onewindow/backoffice/Metrics.h"

#include <cerrno>
#include <utility>

namespace ow::backoffice {

UploadSink::UploadSink(QString uploadId, QString partPath, QString pendingPath,
    std::optional<QCryptographicHash::Algorithm> algorithm, QByteArray expectedDigest,
    std::function<void(const QString &)> release)
    : m_uploadId(std::move(uploadId))
    , m_partPath(std::move(partPath))
    , m_pendingPath(std::move(pendingPath))
    , m_algorithm(algorithm)
    , m_expected(std::move(expectedDigest))
    , m_release(std::move(release))
{
    if (m_algorithm == QCryptographicHash::Sha256)
        m_sha256.emplace();
    else if (m_algorithm)
        m_hash.emplace(*m_algorithm);
}

UploadSink::~UploadSink()
{
    if (!m_done)
        aborted();
    if (m_checked)
        QFile::remove(m_pendingPath); // checked but never committed: the PATCH was not answered
    if (m_release)
        m_release(m_uploadId);
}

bool UploadSink::open()
{
    // Opened on a worker, written on the event-loop thread: the file takes no events.
    m_file.moveToThread(nullptr);
    if (m_algorithm) {
        m_file.setFileName(m_pendingPath);
        return m_file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    }
    m_file.setFileName(m_partPath);
    return m_file.open(QIODevice::WriteOnly | QIODevice::Append);
}

bool UploadSink::write(const QByteArray &bytes)
{
    if (m_done || !m_file.isOpen())
        return false;
    if (m_sha256)
        m_sha256->addData(bytes);
    else if (m_hash)
        m_hash->addData(bytes);
    errno = 0;
    if (m_file.write(bytes) != bytes.size() || !m_file.flush()) {
        m_diskFull = errno == ENOSPC || errno == EDQUOT || ApiReply::diskFullText(m_file.errorString());
        m_storageError = m_file.errorString();
        return false;
    }
    Metrics::global().addUploadBytes(bytes.size());
    return true;
}

void UploadSink::finished()
{
    if (m_done)
        return;
    m_done = true;
    if (!m_file.flush())
        m_storageError = m_file.errorString();
    m_file.close();
    if (!m_algorithm)
        return;
    if ((m_sha256 ? m_sha256->result() : m_hash->result()) != m_expected) {
        m_checksumFailed = true;
        QFile::remove(m_pendingPath);
        return;
    }
    m_checked = true; // commit() appends it to the upload's bytes
}

void UploadSink::commit()
{
    if (!std::exchange(m_checked, false))
        return;
    // The checked body joins the upload's bytes.
    QFile pending(m_pendingPath);
    QFile part(m_partPath);
    if (!pending.open(QIODevice::ReadOnly) || !part.open(QIODevice::WriteOnly | QIODevice::Append)) {
        m_storageError = QStringLiteral("cannot reopen the upload's files");
        QFile::remove(m_pendingPath);
        return;
    }
    while (!pending.atEnd()) {
        const QByteArray chunk = pending.read(1024 * 1024);
        if (chunk.isEmpty() || part.write(chunk) != chunk.size()) {
            m_storageError = part.errorString();
            break;
        }
    }
    part.close();
    pending.close();
    QFile::remove(m_pendingPath);
}

void UploadSink::aborted()
{
    if (m_done)
        return;
    m_done = true;
    m_file.flush();
    m_file.close();
    if (m_algorithm)
        QFile::remove(m_pendingPath); // an unchecked body is not kept
}

} // namespace ow::backoffice
