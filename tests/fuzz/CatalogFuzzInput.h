#pragma once

#include <cstddef>
#include <cstdint>

namespace ow::fuzz {

// One fuzz input for the catalogue and condition parsers. The first byte picks the target:
//   0: a whole catalogue (JSON), and when it loads, a checklist for every bundle;
//   1: a condition expression, parsed, evaluated and described;
//   2: a search query over the demo catalogue.
// Never crashes, whatever the bytes; returns 0 (libFuzzer's convention).
int catalogInput(const std::uint8_t *data, std::size_t size);

} // namespace ow::fuzz
