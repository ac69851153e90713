#pragma once

#include <cstddef>
#include <cstdint>

namespace ow::fuzz {

// One fuzz input for the catalogue and condition parsers. The first byte picks the target:
//   0: a whole catalogue (JSON), and when it loads, a checklist for every bundle;
//   1: a condition expression, parsed, evaluated and described;
//   2: a search query over the demo catalogue;
//   3: a catalogue cache file's payload (CatalogCache::decodePayload), and the bytes as a whole
//      cache file of the demo catalogue (CatalogCache::decode); what decodes is exercised as in 0.
// Never crashes, whatever the bytes; returns 0 (libFuzzer's convention).
int catalogInput(const std::uint8_t *data, std::size_t size);

} // namespace ow::fuzz
