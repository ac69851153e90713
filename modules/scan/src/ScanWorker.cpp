#include "ScanWorker.h"

#include "onewindow/scan/CoverSheets.h"
#include "onewindow/scan/PageNormaliser.h"

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
    CoverSheets covers;
    if (!settings.coverSheetRules.isEmpty()) {
        auto rules = CoverSheets::fromJson(settings.coverSheetRules);
        if (!rules) {
            Q_EMIT finished(0, rules.error());
            return;
        }
        covers = rules.value();
    }
    const auto onPage = [&](const Page &raw) {
        if (settings.readBarcodes) {
            const QList<Barcode> codes = BarcodeReader::read(raw.image, raw.originPage);
            for (const Barcode &b : codes) {
                if (const auto material = covers.materialFor(b.text)) {
                    Q_EMIT coverSheet(*material);
                    return; // the cover sheet itself is not a page of the material
                }
            }
            if (!codes.isEmpty())
                Q_EMIT barcodesFound(codes);
        }
        Q_EMIT pageScanned(settings.normalise ? PageNormaliser::normalise(raw) : raw);
    };
    const auto result = session().scan(
        settings, onPage, [this](SaneSession::Progress p) { Q_EMIT progress(p.page, p.percent); }, *cancel);
    Q_EMIT finished(result ? result.value() : 0, result ? QString() : result.error());
}

} // namespace ow::scan
