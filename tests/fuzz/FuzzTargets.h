#pragma once

#include <cstddef>
#include <cstdint>

// The libFuzzer entry points' bodies, callable from the unit test over the corpus too (so gcc
// builds exercise them). Each returns 0 and must never crash, hang or leak on any input.
namespace owfuzz {

// The input is cut into reports: first byte = which decoder (even: keyboard, odd: HID POS), then
// chunks of 8 (keyboard) or 64 (HID POS) bytes; the tail goes in as a short report.
int hidReports(const uint8_t *data, size_t size);
// The input is an ESC/POS stream: fed whole, then again in pieces of varying size.
int escPosStream(const uint8_t *data, size_t size);

} // namespace owfuzz
