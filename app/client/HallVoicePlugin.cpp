#include "HallVoicePlugin.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

std::unique_ptr<ow::ui::HallVoice> HallVoicePlugin::create(const QString &locale)
{
    constexpr char name[] = "onewindow-hall-voice.so";
    const QStringList candidates {QDir(QCoreApplication::applicationDirPath()).filePath(QLatin1String(name)),
        QDir(QStringLiteral(OW_PLUGIN_DIR)).filePath(QLatin1String(name))};
    for (const QString &path : candidates) {
        if (!QFileInfo::exists(path))
            continue;
        m_library.setFileName(path);
        if (!m_library.load()) {
            m_error = m_library.errorString();
            return nullptr;
        }
        const auto entry = reinterpret_cast<ow::ui::HallVoiceEntry>(m_library.resolve(ow::ui::HallVoiceApi::EntryPoint));
        const ow::ui::HallVoiceApi *api = entry ? entry() : nullptr;
        if (!api || api->version != ow::ui::HallVoiceApi::CurrentVersion) {
            m_error = QStringLiteral("%1 does not fit this version of onewindow").arg(path);
            return nullptr;
        }
        return std::unique_ptr<ow::ui::HallVoice>(api->create(locale));
    }
    m_error = QStringLiteral("the hall voice is not installed (looked for %1)").arg(candidates.join(QStringLiteral(", ")));
    return nullptr;
}
