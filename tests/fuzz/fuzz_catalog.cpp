// libFuzzer entry point for the catalogue and condition parsers (clang builds only):
//   build/<preset>/tests/fuzz/fuzz_catalog tests/fuzz/corpus/catalog -max_total_time=60
#include "CatalogFuzzInput.h"

#include <QCoreApplication>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_catalog";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv); // for the embedded resources and tr()
    return ow::fuzz::catalogInput(data, size);
}
