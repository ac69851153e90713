#include "HttpParserFuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return owFuzzHttpRequest(data, size);
}
