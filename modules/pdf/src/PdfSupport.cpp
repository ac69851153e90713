#include "onewindow/pdf/PdfSupport.h"

#include "onewindow/pdf/PdfFilePages.h"
#include "onewindow/pdf/PdfPaneView.h"

namespace ow::pdf {

namespace {

ui::PdfPane *createPane(QWidget *parent, ui::PdfPane::Layout layout)
{
    return new PdfPaneView(parent, layout);
}

const ui::PdfApi api {ui::PdfApi::CurrentVersion, &createPane, &PdfFilePages::open};

} // namespace

const ui::PdfApi *start()
{
    PdfFilePages::startPdfium();
    return &api;
}

} // namespace ow::pdf
