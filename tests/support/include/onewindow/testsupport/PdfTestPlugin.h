#pragma once

#include "onewindow/ui/PdfPlugin.h"

namespace ow::testsupport {

// The client's PDF views and import come from the plugin onewindow-pdf.so: a test of the
// client's screens loads it from where it is built (OW_PDF_PLUGIN_DIR, set by ow_add_test for a
// test linking ow_ui), as the client loads it from beside the program or the installed folder.
inline void usePdfPluginFromBuild()
{
    ow::ui::PdfPlugin::setDirs({QStringLiteral(OW_PDF_PLUGIN_DIR)});
}

} // namespace ow::testsupport
