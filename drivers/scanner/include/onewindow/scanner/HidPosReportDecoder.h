#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/scanner/Scan.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace ow::scanner {

// Decodes Honeywell-style HID POS (usage page 0x8C) scanned-data input reports, report ID 2.
//
// Input report as read from the interrupt IN endpoint, 64 bytes with the report ID first:
//   [0] 0x02 report ID   [1] data length in this report (0..56)   [2..4] AIM id, e.g. "]Q1"
//   [5..60] data         [61] Honeywell code id (0x73 = QR)       [62] reserved
//   [63] continuation: non-zero when more reports of the same scan follow
// The parts of a long scan are concatenated until a report with continuation 0 arrives; the
// bytes are then decoded (UTF-8, else GB18030), so Chinese content survives.
class HidPosReportDecoder
{
public:
    static constexpr quint8 ScannedDataReportId = 0x02;
    static constexpr int ReportSize = 64;
    static constexpr int MaxDataPerReport = 56;
    static constexpr int MaxScanBytes = 64 * 1024;
    static constexpr quint8 HidPosModeFeatureReportId = 0xFE;

    // The feature report (SET_REPORT, type Feature, report ID 0xFE) that switches a Honeywell
    // scanner from keyboard emulation into HID POS mode: report ID first, then the payload.
    static QByteArray hidPosModeFeatureReport();
    // Builds the input reports a scanner sends for the given content (used by the simulator).
    static QList<QByteArray> encode(QByteArrayView content, QByteArrayView aimId, char codeId);

    // Feeds one input report. Returns the completed scan, nothing while a scan continues or for
    // reports that are not scanned data, or an error for a malformed report (the partial scan
    // is dropped).
    Result<std::optional<Scan>> feed(QByteArrayView report);
    bool inProgress() const { return !m_data.isEmpty(); }
    void reset();

private:
    QByteArray m_data;
    QByteArray m_aimId;
    char m_codeId = 0;
};

} // namespace ow::scanner
