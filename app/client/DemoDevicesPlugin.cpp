#include "DemoDevicesPlugin.h"

#include <QDir>
#include <QFileInfo>
#include <QStringList>

namespace {

constexpr char PluginName[] = "onewindow-demo-devices.so";

// The folder of the running program (before QCoreApplication exists).
QString programDir(const char *argv0)
{
    const QFileInfo self(QStringLiteral("/proc/self/exe"));
    const QString path = self.exists() ? self.canonicalFilePath() : QString::fromLocal8Bit(argv0);
    return QFileInfo(path).absolutePath();
}

} // namespace

bool DemoDevicesPlugin::load(const char *argv0)
{
    const QStringList candidates {QDir(programDir(argv0)).filePath(QLatin1String(PluginName)),
        QDir(QStringLiteral(OW_PLUGIN_DIR)).filePath(QLatin1String(PluginName))};
    QStringList tried;
    for (const QString &path : candidates) {
        if (!QFileInfo::exists(path)) {
            tried << path;
            continue;
        }
        m_library.setFileName(path);
        if (!m_library.load()) {
            m_error = m_library.errorString();
            return false;
        }
        const auto entry =
            reinterpret_cast<ow::ui::DemoDevicesEntry>(m_library.resolve(ow::ui::DemoDevicesApi::EntryPoint));
        const ow::ui::DemoDevicesApi *api = entry ? entry() : nullptr;
        if (!api || api->version != ow::ui::DemoDevicesApi::CurrentVersion) {
            m_error = QStringLiteral("%1 does not fit this version of onewindow").arg(path);
            m_library.unload();
            return false;
        }
        m_api = api;
        return true;
    }
    m_error = QStringLiteral("the demo devices are not installed (the package onewindow-demo; looked for %1)")
                  .arg(tried.join(QStringLiteral(", ")));
    return false;
}

bool DemoDevicesPlugin::ensurePreload(int argc, char **argv, QString *error) const
{
    return m_api && m_api->ensurePreload(argc, argv, error);
}

bool DemoDevicesPlugin::preloadActive() const
{
    return m_api && m_api->preloadActive();
}

std::unique_ptr<ow::ui::DemoCardSlot> DemoDevicesPlugin::create(QString *error) const
{
    if (!m_api) {
        if (error)
            *error = m_error;
        return nullptr;
    }
    return std::unique_ptr<ow::ui::DemoCardSlot>(m_api->create(error));
}
