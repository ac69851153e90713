#pragma once

#include <QByteArray>
#include <QSize>

namespace ow::scan {

// A walk over the marker segments of a JPEG file (pure codec, no decoding): the frame size and
// whether the entropy-coded data ends with an EOI marker. Qt's decoder pads a truncated JPEG
// with grey and calls it a success; this is how a truncated file is told apart.
struct JpegStructure
{
    bool valid = false; // SOI, well-formed segments, a frame header and a scan
    bool complete = false; // an EOI marker after the scan data
    QSize size; // from the SOF header
    int components = 0;

    static JpegStructure inspect(const QByteArray &bytes);
};

} // namespace ow::scan
