#pragma once

#include "onewindow/ui/DemoDevicesApi.h"

#include <QLibrary>
#include <QString>

#include <memory>

// Finds and loads the demo devices plugin (onewindow-demo-devices.so) for `onewindow --demo`:
// next to the program first (a build tree), then in the installed plugin folder
// (OW_PLUGIN_DIR, /usr/lib/<triplet>/onewindow: the optional package onewindow-demo). Without it
// the demo runs with demo data on the real bus. The plugin stays loaded for the program's life.
class DemoDevicesPlugin
{
public:
    // Loads the plugin; false with error() when it is not installed or does not fit this client.
    [[nodiscard]] bool load(const char *argv0);
    QString error() const { return m_error; }

    // As DemoDevicesApi: only after load() succeeded.
    [[nodiscard]] bool ensurePreload(int argc, char **argv, QString *error) const;
    bool preloadActive() const;
    std::unique_ptr<ow::ui::DemoCardSlot> create(QString *error) const;

private:
    QLibrary m_library;
    const ow::ui::DemoDevicesApi *m_api = nullptr;
    QString m_error;
};
