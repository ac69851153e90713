#include "onewindow/ui/SupervisorChartsPlugin.h"

#include <QDir>
#include <QFileInfo>

#include <utility>

namespace ow::ui {

SupervisorChartsPlugin::SupervisorChartsPlugin(QStringList dirs)
    : m_dirs(std::move(dirs))
{ }

std::unique_ptr<SupervisorCharts> SupervisorChartsPlugin::create(QWidget *parent)
{
    QStringList tried;
    for (const QString &dir : std::as_const(m_dirs)) {
        const QString path = QDir(dir).filePath(QLatin1String(kFileName));
        tried << path;
        if (!QFileInfo::exists(path))
            continue;
        m_library.setFileName(path);
        if (!m_library.load()) {
            m_error = tr("The charts cannot be loaded: %1").arg(m_library.errorString());
            return nullptr;
        }
        const auto entry = reinterpret_cast<SupervisorChartsEntry>(m_library.resolve(SupervisorChartsApi::EntryPoint));
        const SupervisorChartsApi *api = entry ? entry() : nullptr;
        if (!api || api->version != SupervisorChartsApi::CurrentVersion) {
            m_error = tr("%1 does not fit this version of OneWindow.").arg(path);
            return nullptr;
        }
        return std::unique_ptr<SupervisorCharts>(api->create(parent));
    }
    m_error = tr("The charts are not installed (looked for %1).").arg(tried.join(QStringLiteral(", ")));
    return nullptr;
}

} // namespace ow::ui
