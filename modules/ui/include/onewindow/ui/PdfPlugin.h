#pragma once

#include "onewindow/ui/PdfPane.h"

#include <QCoreApplication>
#include <QStringList>

namespace ow::ui {

// Loads onewindow-pdf.so (the PDF views and the PDF import, QtPdf) once per process, on the GUI
// thread: MainWindow asks for it after its first paint, a PDF view or an import
// at its first use if that comes first. One load for the whole process, as PDFium is started
// once and kept until exit. The PDF import of scan::PageImporter is set from it.
class PdfPlugin
{
    Q_DECLARE_TR_FUNCTIONS(PdfPlugin)

public:
    static constexpr char kFileName[] = "onewindow-pdf.so";

    // Where to look, first match wins (ClientContext::pluginDirs); before the first load().
    static void setDirs(const QStringList &dirs);
    // The plugin's functions, or nullptr when it is missing or broken (then error() says why,
    // for the clerk, where the PDF would be). Loads on the first call only.
    static const PdfApi *load();
    static QString error();
};

} // namespace ow::ui
