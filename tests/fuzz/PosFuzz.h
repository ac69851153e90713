#pragma once

#include <cstddef>
#include <cstdint>

// The libFuzzer input functions for the scanner report decoders and the simulator's ESC/POS
// parser. They also run from tst_poscorpus over the seed corpora (and mutations of them), so gcc
// builds exercise them. Each returns 0 and must never crash, hang or leak on any input.

// The input is cut into reports: first byte = which decoder (even: keyboard, odd: HID POS), then
// chunks of 8 (keyboard) or 64 (HID POS) bytes; the tail goes in as a short report.
int owFuzzHidReports(const uint8_t *data, size_t size);
// The input is an ESC/POS stream: fed whole, then again in pieces of varying size.
int owFuzzEscPosStream(const uint8_t *data, size_t size);
