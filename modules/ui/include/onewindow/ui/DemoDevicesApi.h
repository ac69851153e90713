#pragma once

#include "onewindow/ui/DemoCardSlot.h"

class QString;

namespace ow::ui {

// The entry point of the demo devices plugin (onewindow-demo-devices.so, app/demodevices): the
// simulated ID card reader, receipt printer and barcode scanner behind umockdev. The client loads
// it only with --demo, so no release executable links umockdev or the simulators. The plugin
// exports `extern "C" const DemoDevicesApi *onewindow_demo_devices()`.
struct DemoDevicesApi
{
    static constexpr int CurrentVersion = 1;
    static constexpr char EntryPoint[] = "onewindow_demo_devices";

    int version; // CurrentVersion of the plugin's build: the client refuses another
    // Re-executes the program once under umockdev's preload library unless it is active; false
    // with the reason in `error` when that cannot work (the demo then runs on the real bus).
    bool (*ensurePreload)(int argc, char **argv, QString *error);
    bool (*preloadActive)();
    // The simulated devices plugged into a fresh testbed, or nullptr with the reason. Deleted by
    // the caller, before the plugin is unloaded.
    DemoCardSlot *(*create)(QString *error);
};

using DemoDevicesEntry = const DemoDevicesApi *(*)();

} // namespace ow::ui
