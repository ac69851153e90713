#include "TicketFuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return owFuzzTicketJson(data, size);
}
