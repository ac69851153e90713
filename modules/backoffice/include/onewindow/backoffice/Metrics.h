#pragma once

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QMutex>
#include <QString>

#include <array>

namespace ow::backoffice {

// The back office's counters, gauges and latency histograms, served as Prometheus text
// (exposition format 0.0.4) at GET /metrics. One per process (global()); every method may be
// called from any thread. Gauges set by other parts (the worker pool's use) go through
// setGauge(): a name (onewindow_… by convention), its help text and the value.
class Metrics
{
public:
    // Upper bounds (seconds) of the request-duration histogram's buckets; +Inf follows.
    static constexpr std::array<double, 12> kBuckets {
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0};

    static Metrics &global();

    // One answered request: its route template (the OpenAPI path, or "unmatched"), method,
    // status and duration.
    void countRequest(const QByteArray &method, const QString &route, int status, double seconds);
    // One append: entries newly stored, newly applied, and sent again (already stored).
    void addEntries(qint64 stored, qint64 applied, qint64 replayed);
    void uploadStarted();
    void uploadCompleted();
    void addUploadBytes(qint64 bytes);
    void databaseError();
    void setGauge(const QByteArray &name, const QByteArray &help, double value);

    // The whole exposition (text/plain; version=0.0.4).
    QByteArray exposition() const;

private:
    struct Series
    {
        qint64 count = 0;
        double sum = 0;
        std::array<qint64, kBuckets.size()> buckets {}; // per bucket, not cumulative
        QHash<int, qint64> byStatus;
    };
    struct Gauge
    {
        QByteArray help;
        double value = 0;
    };

    mutable QMutex m_mutex;
    QMap<QPair<QString, QByteArray>, Series> m_requests; // (route, method)
    qint64 m_entriesStored = 0;
    qint64 m_entriesApplied = 0;
    qint64 m_entriesReplayed = 0;
    qint64 m_uploadsStarted = 0;
    qint64 m_uploadsCompleted = 0;
    qint64 m_uploadBytes = 0;
    qint64 m_databaseErrors = 0;
    QMap<QByteArray, Gauge> m_gauges;
};

} // namespace ow::backoffice
