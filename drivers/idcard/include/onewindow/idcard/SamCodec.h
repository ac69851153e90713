#pragma once

#include "onewindow/core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace ow::idcard {

// A request:  AA AA AA 96 69 | Len1 Len2 | CMD PARA | data | CHK
// A response: AA AA AA 96 69 | Len1 Len2 | SW1 SW2 SW3 | data | CHK
// Len (big-endian) counts everything after itself, the checksum included: frame = Len + 7.
// CHK = XOR of every byte after the preamble except the checksum.
struct SamRequest
{
    quint8 command = 0;
    quint8 parameter = 0;
    QByteArray data;
};

struct SamResponse
{
    quint8 sw1 = 0;
    quint8 sw2 = 0;
    quint8 sw3 = 0;
    QByteArray data;
};

// The pure codec of the SAM protocol (GA 467): bytes in, values out, and back. No I/O.
class SamCodec
{
    Q_DECLARE_TR_FUNCTIONS(ow::idcard::SamCodec)

public:
    static constexpr int HeaderSize = 7; // preamble + length
    static constexpr int MinResponseSize = HeaderSize + 4; // SW1 SW2 SW3 CHK
    static constexpr int MinRequestSize = HeaderSize + 3; // CMD PARA CHK

    // Commands (CMD, PARA).
    static constexpr quint8 CmdReset = 0x10, CmdStatus = 0x11, CmdSamId = 0x12, CmdCard = 0x20, CmdRead = 0x30;
    static constexpr quint8 ParaAny = 0xFF, ParaFind = 0x01, ParaSelect = 0x02, ParaTextPhoto = 0x01,
                            ParaTextPhotoFinger = 0x10, ParaAppendedAddress = 0x03;

    // SW3 values.
    static constexpr quint8 SwOk = 0x90, SwNoContent = 0x91, SwFound = 0x9F, SwNoCard = 0x80, SwSelectFailed = 0x81;

    static QByteArray preamble();
    static quint8 checksum(const QByteArray &bytes, qsizetype from, qsizetype to);
    static QByteArray buildRequest(quint8 command, quint8 parameter, const QByteArray &data = {});
    static QByteArray buildResponse(const SamResponse &response);

    // From the first 7 bytes: the whole frame's size, or -1 (preamble wrong / length impossible).
    static int frameSize(const QByteArray &header);

    // A complete response frame. The error names the problem: too short, bad preamble,
    // length field vs. size, bad checksum.
    static Result<SamResponse> parseResponse(const QByteArray &frame);
    static Result<SamRequest> parseRequest(const QByteArray &frame);

    // What SW3 means, for the clerk (translated), e.g. 0x80 "No card on the reader."
    static QString statusText(quint8 sw3);
    // Whether SW3 is a success for the command it answers (0x90, or 0x9F for find).
    static bool isSuccess(quint8 sw3) { return sw3 == SwOk || sw3 == SwFound; }
};

} // namespace ow::idcard
