#include "onewindow/pdf/PdfSupport.h"

extern "C" __attribute__((visibility("default"))) const ow::ui::PdfApi *onewindow_pdf()
{
    return ow::pdf::start();
}
