#pragma once

#include <QByteArray>

namespace ow::printer {

// A 1-bit image in printer order: rows top to bottom, 8 pixels a byte, most significant bit
// leftmost, 1 = black (dot printed). Qt Core only, so drivers need no Qt Gui.
class MonoBitmap
{
public:
    MonoBitmap() = default;
    MonoBitmap(int width, int height);

    // From packed rows (bytesPerRow() bytes each); a null bitmap when the size does not match.
    static MonoBitmap fromPacked(int width, int height, const QByteArray &packed);

    int width() const { return m_width; }
    int height() const { return m_height; }
    int bytesPerRow() const { return (m_width + 7) / 8; }
    bool isNull() const { return m_width <= 0 || m_height <= 0; }
    bool pixel(int x, int y) const;
    void setPixel(int x, int y, bool black);
    const QByteArray &data() const { return m_data; }
    // Rows [first, first + count) as packed bytes.
    QByteArray rows(int first, int count) const;

private:
    int m_width = 0;
    int m_height = 0;
    QByteArray m_data;
};

} // namespace ow::printer
