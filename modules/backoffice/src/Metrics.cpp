#include "onewindow/backoffice/Metrics.h"

#include <QMutexLocker>

#include <algorithm>

namespace ow::backoffice {

namespace {

QByteArray number(double v)
{
    return QByteArray::number(v, 'g', 12);
}

// A label value: backslash, double quote and newline escaped (exposition format 0.0.4).
QByteArray label(const QString &v)
{
    QByteArray out = v.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return out;
}

} // namespace

Metrics &Metrics::global()
{
    static Metrics metrics;
    return metrics;
}

void Metrics::countRequest(const QByteArray &method, const QString &route, int status, double seconds)
{
    QMutexLocker lock(&m_mutex);
    Series &s = m_requests[{route, method}];
    ++s.count;
    s.sum += seconds;
    ++s.byStatus[status];
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) {
            ++s.buckets[i];
            break;
        }
    }
}

void Metrics::addEntries(qint64 stored, qint64 applied, qint64 replayed)
{
    QMutexLocker lock(&m_mutex);
    m_entriesStored += stored;
    m_entriesApplied += applied;
    m_entriesReplayed += replayed;
}

void Metrics::uploadStarted()
{
    QMutexLocker lock(&m_mutex);
    ++m_uploadsStarted;
}

void Metrics::uploadCompleted()
{
    QMutexLocker lock(&m_mutex);
    ++m_uploadsCompleted;
}

void Metrics::addUploadBytes(qint64 bytes)
{
    QMutexLocker lock(&m_mutex);
    m_uploadBytes += bytes;
}

void Metrics::databaseError()
{
    QMutexLocker lock(&m_mutex);
    ++m_databaseErrors;
}

void Metrics::setGauge(const QByteArray &name, const QByteArray &help, double value)
{
    QMutexLocker lock(&m_mutex);
    m_gauges[name] = Gauge {help, value};
}

QByteArray Metrics::exposition() const
{
    QMutexLocker lock(&m_mutex);
    QByteArray out;
    out += "# HELP onewindow_http_requests_total Requests answered, by route template, method and status.\n"
           "# TYPE onewindow_http_requests_total counter\n";
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it) {
        QList<int> statuses = it.value().byStatus.keys();
        std::sort(statuses.begin(), statuses.end());
        for (int status : statuses)
            out += "onewindow_http_requests_total{route=\"" + label(it.key().first) + "\",method=\""
                + label(QString::fromLatin1(it.key().second)) + "\",status=\"" + QByteArray::number(status) + "\"} "
                + QByteArray::number(it.value().byStatus.value(status)) + '\n';
    }
    out += "# HELP onewindow_http_request_duration_seconds Time from a request's head to its answer.\n"
           "# TYPE onewindow_http_request_duration_seconds histogram\n";
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it) {
        const QByteArray labels =
            "route=\"" + label(it.key().first) + "\",method=\"" + label(QString::fromLatin1(it.key().second)) + '"';
        qint64 cumulative = 0;
        for (size_t i = 0; i < kBuckets.size(); ++i) {
            cumulative += it.value().buckets[i];
            out += "onewindow_http_request_duration_seconds_bucket{" + labels + ",le=\"" + number(kBuckets[i]) + "\"} "
                + QByteArray::number(cumulative) + '\n';
        }
        out += "onewindow_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} "
            + QByteArray::number(it.value().count) + '\n';
        out += "onewindow_http_request_duration_seconds_sum{" + labels + "} " + number(it.value().sum) + '\n';
        out += "onewindow_http_request_duration_seconds_count{" + labels + "} " + QByteArray::number(it.value().count)
            + '\n';
    }
    const auto counter = [&out](const char *name, const char *help, qint64 value) {
        out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + " counter\n" + name + ' '
            + QByteArray::number(value) + '\n';
    };
    counter(
        "onewindow_entries_stored_total", "Case entries newly stored (applied or held for a gap).", m_entriesStored);
    counter("onewindow_entries_applied_total", "Case entries newly applied (once each: a resend is not counted here).",
        m_entriesApplied);
    counter("onewindow_entries_replayed_total",
        "Case entries sent again that were stored already (acknowledged, nothing written).", m_entriesReplayed);
    counter("onewindow_uploads_started_total", "tus uploads created.", m_uploadsStarted);
    counter("onewindow_uploads_completed_total", "tus uploads whose blob was checked and stored.", m_uploadsCompleted);
    counter("onewindow_upload_bytes_total", "Upload bytes received and kept.", m_uploadBytes);
    counter("onewindow_database_errors_total", "Failed database statements.", m_databaseErrors);
    for (auto it = m_gauges.cbegin(); it != m_gauges.cend(); ++it)
        out += "# HELP " + it.key() + ' ' + it.value().help + "\n# TYPE " + it.key() + " gauge\n" + it.key() + ' '
            + number(it.value().value) + '\n';
    return out;
}

} // namespace ow::backoffice
