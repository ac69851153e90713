#include "PosFuzz.h"

#include <QGuiApplication>

// The renderer needs fonts: an offscreen GUI application for the whole run.
extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    static QGuiApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return owFuzzEscPosStream(data, size);
}
