#include "onewindow/idcard/SamTrafficRedactor.h"

#include "onewindow/idcard/SamCodec.h"

namespace ow::idcard {

usb::TrafficLog::Shown SamTrafficRedactor::operator()(bool in, const QByteArray &data)
{
    if (!in)
        return {data, 0};
    if (data.startsWith(SamCodec::preamble())) {
        // A new answer: its size from the header when the header is all here, else unknown
        // (treated as large: only the header is shown).
        m_frameSize = qMax(0, SamCodec::frameSize(data.left(SamCodec::HeaderSize)));
        m_position = 0;
        const int dataBytes = m_frameSize - SamCodec::MinResponseSize;
        if (m_frameSize > 0 && dataBytes <= SmallAnswer)
            m_shownUpTo = m_frameSize;
        else if (dataBytes >= 6 + 256 + 1024 + 1024)
            m_shownUpTo = ShownHeader + 6; // text, photo and fingerprint lengths
        else if (dataBytes >= 4 + 256 + 1024)
            m_shownUpTo = ShownHeader + 4; // a read answer: its text and photo lengths
        else
            m_shownUpTo = ShownHeader;
    } else if (m_frameSize == 0 || m_position >= m_frameSize) {
        // Bytes outside any known answer: nothing of them is shown.
        return {{}, int(data.size())};
    }
    const int shown = qBound(0, m_shownUpTo - m_position, int(data.size()));
    m_position += int(data.size());
    if (m_position >= m_frameSize)
        m_frameSize = 0;
    return {data.left(shown), int(data.size()) - shown};
}

} // namespace ow::idcard
