#include "ScanWorker.h"

namespace ow::scan {

SaneSession &ScanWorker::session()
{
    if (!m_session)
        m_session = std::make_unique<SaneSession>();
    return *m_session;
}

void ScanWorker::listDevices()
{
    const auto devices = session().devices();
    Q_EMIT devicesListed(devices ? devices.value() : QList<ScanDevice> {}, devices ? QString() : devices.error());
}

void ScanWorker::scan(const ScanSettings &settings, std::shared_ptr<std::atomic<bool>> cancel)
{
    const auto result = session().scan(
        settings, [this](const Page &page) { Q_EMIT pageScanned(page); },
        [this](SaneSession::Progress p) { Q_EMIT progress(p.page, p.percent); }, *cancel);
    Q_EMIT finished(result ? result.value() : 0, result ? QString() : result.error());
}

} // namespace ow::scan
