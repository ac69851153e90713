#include "onewindow/scan/Scanner.h"

#include "ScanWorker.h"

namespace ow::scan {

Scanner::Scanner(QObject *parent)
    : QObject(parent)
    , m_worker(new ScanWorker)
    , m_cancel(std::make_shared<std::atomic<bool>>(false))
{
    qRegisterMetaType<ow::scan::Page>();
    qRegisterMetaType<QList<ow::scan::ScanDevice>>();
    qRegisterMetaType<QList<ow::scan::Barcode>>();
    m_thread.setObjectName(QStringLiteral("scanner"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &ScanWorker::devicesListed, this, &Scanner::devicesListed);
    connect(m_worker, &ScanWorker::progress, this, &Scanner::progress);
    connect(m_worker, &ScanWorker::pageScanned, this, &Scanner::pageScanned);
    connect(m_worker, &ScanWorker::barcodesFound, this, &Scanner::barcodesFound);
    connect(m_worker, &ScanWorker::coverSheet, this, &Scanner::coverSheet);
    connect(m_worker, &ScanWorker::finished, this, [this](int pages, const QString &error) {
        m_busy = false;
        Q_EMIT finished(pages, error);
    });
    m_thread.start();
}

Scanner::~Scanner()
{
    m_cancel->store(true);
    m_thread.quit();
    m_thread.wait();
}

void Scanner::listDevices()
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->listDevices(); }, Qt::QueuedConnection);
}

void Scanner::scan(const ScanSettings &settings)
{
    if (m_busy)
        return;
    m_busy = true;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, settings, c = m_cancel] { w->scan(settings, c); }, Qt::QueuedConnection);
}

void Scanner::cancel()
{
    m_cancel->store(true);
}

} // namespace ow::scan
