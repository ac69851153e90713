// libFuzzer entry point: see SamFrameFuzz.h and README.md (how to run it).
#include "SamFrameFuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return owFuzzSamFrame(data, size);
}
