#pragma once

#include "onewindow/printer/EscPosDocument.h"

namespace ow::printer {

// The printer test page: title, Chinese and ASCII text in every style, a full-width rule, the
// character grid ruler, a QR code (native or raster as asked) and the cut. Used by
// `onewindow-tool printer test-page` and the tests.
class TestPage
{
public:
    static constexpr const char *QrPayload = "https://example.invalid/onewindow/test?p=一窗受理&n=2026-000123";

    static EscPosDocument build(
        const PrinterProfile &profile, EscPosDocument::QrMode qrMode = EscPosDocument::QrMode::Auto);
};

} // namespace ow::printer
