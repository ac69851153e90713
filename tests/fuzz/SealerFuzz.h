#pragma once

#include <cstddef>
#include <cstdint>

// The libFuzzer input function for Sealer::open (fuzz_sealer), also run by tst_sealercorpus over
// the seed corpus, fresh seals and mutations of both, so gcc builds exercise it. The input is
// opened as a sealed value (must fail with a message unless it is a genuine seal), then sealed and
// opened back (must round-trip), then that seal is altered at an input-chosen byte (must fail).
// Returns 0; a violated property aborts.
int owFuzzSealedOpen(const uint8_t *data, size_t size);
