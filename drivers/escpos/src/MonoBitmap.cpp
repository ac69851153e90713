#include "onewindow/printer/MonoBitmap.h"

namespace ow::printer {

MonoBitmap::MonoBitmap(int width, int height)
    : m_width(width > 0 ? width : 0)
    , m_height(height > 0 ? height : 0)
    , m_data(qsizetype(bytesPerRow()) * m_height, '\0')
{ }

MonoBitmap MonoBitmap::fromPacked(int width, int height, const QByteArray &packed)
{
    MonoBitmap b(width, height);
    if (b.isNull() || packed.size() != b.m_data.size())
        return {};
    b.m_data = packed;
    return b;
}

bool MonoBitmap::pixel(int x, int y) const
{
    if (x < 0 || y < 0 || x >= m_width || y >= m_height)
        return false;
    const auto byte = static_cast<quint8>(m_data.at(qsizetype(y) * bytesPerRow() + x / 8));
    return byte & (0x80 >> (x % 8));
}

void MonoBitmap::setPixel(int x, int y, bool black)
{
    if (x < 0 || y < 0 || x >= m_width || y >= m_height)
        return;
    char &byte = m_data[qsizetype(y) * bytesPerRow() + x / 8];
    const auto mask = static_cast<char>(0x80 >> (x % 8));
    byte = black ? char(byte | mask) : char(byte & ~mask);
}

QByteArray MonoBitmap::rows(int first, int count) const
{
    if (first < 0 || count <= 0 || first >= m_height)
        return {};
    count = qMin(count, m_height - first);
    return m_data.mid(qsizetype(first) * bytesPerRow(), qsizetype(count) * bytesPerRow());
}

} // namespace ow::printer
