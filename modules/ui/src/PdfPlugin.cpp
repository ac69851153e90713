#include "onewindow/ui/PdfPlugin.h"

#include "onewindow/scan/PageImporter.h"

#include <QDir>
#include <QFileInfo>
#include <QLibrary>
#include <QThread>

#include <utility>

namespace ow::ui {

namespace {

// Process-wide: the plugin is loaded once and never unloaded (PDFium lives until exit).
struct State
{
    QStringList dirs;
    bool tried = false;
    const PdfApi *api = nullptr;
    QString error;
};

State &state()
{
    static State s;
    return s;
}

} // namespace

void PdfPlugin::setDirs(const QStringList &dirs)
{
    State &s = state();
    s.dirs = dirs;
    if (!s.api) { // a failed load is tried again with the new folders
        s.tried = false;
        s.error.clear();
    }
}

const PdfApi *PdfPlugin::load()
{
    State &s = state();
    if (s.tried)
        return s.api;
    Q_ASSERT(QThread::currentThread() == QCoreApplication::instance()->thread());
    s.tried = true;
    QStringList looked;
    for (const QString &dir : std::as_const(s.dirs)) {
        const QString path = QDir(dir).filePath(QLatin1String(kFileName));
        looked << path;
        if (!QFileInfo::exists(path))
            continue;
        QLibrary library(path); // never unloaded: QLibrary's destructor leaves it loaded
        if (!library.load()) {
            s.error = tr("The PDF viewer cannot be loaded: %1").arg(library.errorString());
            break;
        }
        const auto entry = reinterpret_cast<PdfEntry>(library.resolve(PdfApi::EntryPoint));
        const PdfApi *api = entry ? entry() : nullptr;
        if (!api || api->version != PdfApi::CurrentVersion) {
            s.error = tr("The PDF viewer %1 does not fit this version of OneWindow.").arg(path);
            break;
        }
        s.api = api;
        break;
    }
    if (!s.api && s.error.isEmpty())
        s.error = tr("The PDF viewer is not installed (looked for %1).").arg(looked.join(QStringLiteral(", ")));
    scan::PageImporter::setPdfOpener(s.api ? s.api->openPages : nullptr, s.error);
    return s.api;
}

QString PdfPlugin::error()
{
    return state().error;
}

} // namespace ow::ui
