#include "onewindow/idcard/SamCodec.h"

namespace ow::idcard {

namespace {

constexpr char Preamble[] = "\xAA\xAA\xAA\x96\x69";
constexpr int MaxLength = 0xFFFF;

QString hexByte(quint8 b)
{
    return QStringLiteral("0x%1").arg(b, 2, 16, QLatin1Char('0'));
}

} // namespace

QByteArray SamCodec::preamble()
{
    return QByteArray(Preamble, 5);
}

quint8 SamCodec::checksum(const QByteArray &bytes, qsizetype from, qsizetype to)
{
    quint8 x = 0;
    for (qsizetype i = qMax<qsizetype>(0, from); i < to && i < bytes.size(); ++i)
        x ^= quint8(bytes.at(i));
    return x;
}

QByteArray SamCodec::buildRequest(quint8 command, quint8 parameter, const QByteArray &data)
{
    QByteArray frame = preamble();
    const int length = int(2 + data.size() + 1);
    frame.append(char((length >> 8) & 0xFF));
    frame.append(char(length & 0xFF));
    frame.append(char(command));
    frame.append(char(parameter));
    frame.append(data);
    frame.append(char(checksum(frame, 5, frame.size())));
    return frame;
}

QByteArray SamCodec::buildResponse(const SamResponse &response)
{
    QByteArray frame = preamble();
    const int length = int(3 + response.data.size() + 1);
    frame.append(char((length >> 8) & 0xFF));
    frame.append(char(length & 0xFF));
    frame.append(char(response.sw1));
    frame.append(char(response.sw2));
    frame.append(char(response.sw3));
    frame.append(response.data);
    frame.append(char(checksum(frame, 5, frame.size())));
    return frame;
}

int SamCodec::frameSize(const QByteArray &header)
{
    if (header.size() < HeaderSize || !header.startsWith(preamble()))
        return -1;
    const int length = (quint8(header.at(5)) << 8) | quint8(header.at(6));
    if (length < 3 || length > MaxLength)
        return -1;
    return length + HeaderSize;
}

namespace {

// The checks both directions share; `minimum` = smallest legal frame.
QString frameProblem(const QByteArray &frame, int minimum)
{
    if (frame.size() < SamCodec::HeaderSize)
        return SamCodec::tr(
            "The frame is too short: %n byte(s), the header alone needs 7.", nullptr, int(frame.size()));
    if (!frame.startsWith(SamCodec::preamble()))
        return SamCodec::tr("The frame does not start with the preamble AA AA AA 96 69.");
    const int length = (quint8(frame.at(5)) << 8) | quint8(frame.at(6));
    if (length + SamCodec::HeaderSize < minimum)
        return SamCodec::tr("The length field (%1) is too small for a frame.").arg(length);
    if (frame.size() < length + SamCodec::HeaderSize)
        return SamCodec::tr("The frame is truncated: the length field announces %1 bytes, %2 arrived.")
            .arg(length + SamCodec::HeaderSize)
            .arg(frame.size());
    if (frame.size() > length + SamCodec::HeaderSize)
        return SamCodec::tr("The frame has %1 byte(s) after its end (the length field announces %2).")
            .arg(frame.size() - length - SamCodec::HeaderSize)
            .arg(length + SamCodec::HeaderSize);
    const quint8 expected = SamCodec::checksum(frame, 5, frame.size() - 1);
    const quint8 actual = quint8(frame.at(frame.size() - 1));
    if (expected != actual)
        return SamCodec::tr("Bad checksum: the frame says %1, the bytes give %2.")
            .arg(hexByte(actual), hexByte(expected));
    return {};
}

} // namespace

Result<SamResponse> SamCodec::parseResponse(const QByteArray &frame)
{
    const QString problem = frameProblem(frame, MinResponseSize);
    if (!problem.isEmpty())
        return Result<SamResponse>::failure(problem);
    SamResponse r;
    r.sw1 = quint8(frame.at(7));
    r.sw2 = quint8(frame.at(8));
    r.sw3 = quint8(frame.at(9));
    r.data = frame.mid(10, frame.size() - 11);
    return r;
}

Result<SamRequest> SamCodec::parseRequest(const QByteArray &frame)
{
    const QString problem = frameProblem(frame, MinRequestSize);
    if (!problem.isEmpty())
        return Result<SamRequest>::failure(problem);
    SamRequest r;
    r.command = quint8(frame.at(7));
    r.parameter = quint8(frame.at(8));
    r.data = frame.mid(9, frame.size() - 10);
    return r;
}

QString SamCodec::statusText(quint8 sw3)
{
    switch (sw3) {
    case 0x90: return tr("Done.");
    case 0x91: return tr("The card has no such item (e.g. no appended address or fingerprint).");
    case 0x9F: return tr("Card found.");
    case 0x10: return tr("The reader received a frame with a bad checksum.");
    case 0x11: return tr("The reader received a frame with a bad length.");
    case 0x21: return tr("The reader did not accept the command.");
    case 0x23: return tr("The reader refused an unauthorised operation.");
    case 0x24: return tr("The reader reported an unknown error.");
    case 0x31: return tr("The card could not authenticate the reader's security module.");
    case 0x32: return tr("The reader's security module could not authenticate the card.");
    case 0x33: return tr("The card's information failed verification.");
    case 0x40: return tr("This card type is not recognised. Is it a second-generation ID card?");
    case 0x41: return tr("Reading the card failed. Hold the card still on the reader and try again.");
    case 0x47: return tr("The reader could not get a random number from the card.");
    case 0x60: return tr("The reader's security module failed its self-test; the reader needs service.");
    case 0x66: return tr("The reader's security module is not authorised; the reader needs service.");
    case 0x80: return tr("No card on the reader.");
    case 0x81: return tr("Selecting the card failed. Place the card flat on the reader and try again.");
    default: return tr("The reader answered with unknown status %1.").arg(hexByte(sw3));
    }
}

} // namespace ow::idcard
