#include "DemoDevices.h"

#include "onewindow/devicesim/Preload.h"
#include "onewindow/ui/DemoDevicesApi.h"

namespace {

ow::ui::DemoCardSlot *create(QString *error)
{
    auto *devices = new DemoDevices;
    if (devices->isValid())
        return devices;
    if (error)
        *error = devices->error();
    delete devices;
    return nullptr;
}

bool ensurePreload(int argc, char **argv, QString *error)
{
    return ow::devicesim::ensureUmockdevPreload(argc, argv, error);
}

bool preloadActive()
{
    return ow::devicesim::umockdevPreloadActive();
}

const ow::ui::DemoDevicesApi api {ow::ui::DemoDevicesApi::CurrentVersion, &ensurePreload, &preloadActive, &create};

} // namespace

extern "C" __attribute__((visibility("default"))) const ow::ui::DemoDevicesApi *onewindow_demo_devices()
{
    return &api;
}
