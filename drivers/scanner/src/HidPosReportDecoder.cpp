#include "onewindow/scanner/HidPosReportDecoder.h"

#include "onewindow/scanner/ScanText.h"
#include "onewindow/scanner/Symbology.h"

#include <QCoreApplication>

namespace ow::scanner {

namespace {

constexpr int LengthOffset = 1;
constexpr int AimOffset = 2;
constexpr int DataOffset = 5;
constexpr int CodeIdOffset = 61;
constexpr int ContinuationOffset = 63;

QString tr(const char *text)
{
    return QCoreApplication::translate("ow::scanner::HidPosReportDecoder", text);
}

} // namespace

QByteArray HidPosReportDecoder::hidPosModeFeatureReport()
{
    return QByteArray::fromRawData("\xFE\x01", 2);
}

QList<QByteArray> HidPosReportDecoder::encode(QByteArrayView content, QByteArrayView aimId, char codeId)
{
    QList<QByteArray> reports;
    qsizetype offset = 0;
    do {
        const qsizetype n = qMin<qsizetype>(MaxDataPerReport, content.size() - offset);
        QByteArray report(ReportSize, '\0');
        report[0] = char(ScannedDataReportId);
        report[LengthOffset] = char(n);
        for (int i = 0; i < 3 && i < aimId.size(); ++i)
            report[AimOffset + i] = aimId.at(i);
        for (qsizetype i = 0; i < n; ++i)
            report[DataOffset + i] = content.at(offset + i);
        report[CodeIdOffset] = codeId;
        offset += n;
        report[ContinuationOffset] = offset < content.size() ? char(1) : char(0);
        reports.append(report);
    } while (offset < content.size());
    return reports;
}

void HidPosReportDecoder::reset()
{
    m_data.clear();
    m_aimId.clear();
    m_codeId = 0;
}

Result<std::optional<Scan>> HidPosReportDecoder::feed(QByteArrayView report)
{
    using R = Result<std::optional<Scan>>;
    if (report.isEmpty())
        return R::failure(tr("An empty HID POS report."));
    if (static_cast<quint8>(report.at(0)) != ScannedDataReportId)
        return R(std::nullopt); // trigger or status reports carry no data
    if (report.size() != ReportSize) {
        reset();
        return R::failure(
            tr("A HID POS scanned-data report has %1 bytes, expected %2.").arg(report.size()).arg(ReportSize));
    }
    const int length = static_cast<quint8>(report.at(LengthOffset));
    if (length > MaxDataPerReport) {
        reset();
        return R::failure(
            tr("A HID POS report claims %1 data bytes; at most %2 fit.").arg(length).arg(MaxDataPerReport));
    }
    if (m_data.size() + length > MaxScanBytes) {
        reset();
        return R::failure(tr("A scan is longer than %1 bytes; dropped.").arg(MaxScanBytes));
    }
    if (m_data.isEmpty()) {
        m_aimId = QByteArray(report.data() + AimOffset, 3);
        m_codeId = report.at(CodeIdOffset);
    }
    m_data.append(report.data() + DataOffset, length);
    if (report.at(ContinuationOffset) != 0)
        return R(std::nullopt);

    Scan scan;
    scan.source = ScanSource::HidPos;
    scan.raw = m_data;
    const ScanText::Decoded decoded = ScanText::decode(m_data);
    scan.text = decoded.text;
    scan.encoding = decoded.encoding;
    if (Symbology::startsWithAimId(m_aimId)) {
        scan.aimId = QString::fromLatin1(m_aimId);
        scan.symbology = Symbology::fromAimId(scan.aimId);
    }
    if (scan.symbology.isEmpty())
        scan.symbology = Symbology::fromHoneywellCodeId(m_codeId);
    reset();
    return R(std::optional<Scan>(std::move(scan)));
}

} // namespace ow::scanner
