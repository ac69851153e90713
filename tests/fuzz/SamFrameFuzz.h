#pragma once

#include <cstddef>
#include <cstdint>

// The libFuzzer input function for the SAM frame parser and the card text decoder. It also runs
// from tst_fuzzcorpus over the seed corpus, so gcc builds exercise it. It aborts when a property
// does not hold (a parsed frame must rebuild to the same bytes, masked output must not contain
// the full ID number …); the sanitizers catch the rest.
int owFuzzSamFrame(const uint8_t *data, size_t size);
