#pragma once

#include <QString>

namespace ow::devicesim {

// umockdev works through an LD_PRELOAD library. A test (or `onewindow --demo`) calls
// ensureUmockdevPreload(argc, argv) first thing in main(): when the preload is not active yet, it
// re-executes the same program once with LD_PRELOAD=libumockdev-preload.so.0 (with the
// AddressSanitizer runtime first when this is an ASan build, as ASan requires) and does not
// return. It returns true when the preload is active, false with *error set when the re-exec
// failed or was already tried.
bool ensureUmockdevPreload(int argc, char **argv, QString *error = nullptr);

// True when the umockdev preload library is active in this process.
bool umockdevPreloadActive();

} // namespace ow::devicesim
