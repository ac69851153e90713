#include "ScanFuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return owFuzzScanParsers(data, size);
}
