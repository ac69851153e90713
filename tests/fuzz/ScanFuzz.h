#pragma once

#include <cstddef>
#include <cstdint>

// The libFuzzer input function for the scan module's own parsers, also run by tst_scancorpus
// over the seed corpus (and mutations of it) in every build. First byte picks the parser:
// 0 JPEG marker walk (JpegStructure), 1 business-licence QR text (LicenceQr), 2 cover-sheet
// rules (CoverSheets::fromJson, then materialFor on the rest as text). Returns 0; must never
// crash, hang or leak.
int owFuzzScanParsers(const uint8_t *data, size_t size);
