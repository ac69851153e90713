#pragma once

#include "onewindow/usb/TrafficLog.h"

#include <QByteArray>

namespace ow::idcard {

// What of the card reader's traffic may go into the USB traffic log (a field bug report needs
// the frame structure, the lengths and the status words — never the card's text, photo or
// fingerprint). Commands (OUT) are shown whole. Answers (IN) are followed across transfers:
// the header (preamble, length) and SW1 SW2 SW3 are always shown; a small answer (at most
// 16 data bytes: find, select, status, SAM id) whole; of a larger one (card text, photo,
// fingerprint, appended address) the length words of a read answer and nothing else.
// One object per device: it keeps its place in the current answer between transfers.
class SamTrafficRedactor
{
public:
    static constexpr int ShownHeader = 10; // preamble (5) + length (2) + SW1 SW2 SW3
    static constexpr int SmallAnswer = 16; // data bytes shown whole up to this size

    usb::TrafficLog::Shown operator()(bool in, const QByteArray &data);

private:
    int m_frameSize = 0; // of the answer being received, 0 when none
    int m_position = 0; // bytes of it seen so far
    int m_shownUpTo = 0; // bytes of it that may be shown
};

} // namespace ow::idcard
