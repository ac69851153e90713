#pragma once

#include "onewindow/ui/PdfPane.h"

#include <QString>

class QLabel;
class QWidget;

namespace ow::ui {

// The place of a PDF view in a form (an empty widget with a layout, e.g. DocumentView's pdfArea):
// the plugin's PdfPane is made there on first use, named `viewName` and with the area's accessible
// name; when the plugin is missing or broken, a message saying so stands there instead.
class PdfArea
{
public:
    PdfArea(QWidget *area, QString viewName, PdfPane::Layout layout);

    // The pane, made (and the plugin loaded) on the first call; nullptr when PDFs cannot be
    // shown, with the message in the area.
    PdfPane *pane();
    // The pane if made, without loading anything.
    PdfPane *existing() const { return m_pane; }

private:
    QWidget *m_area;
    QString m_viewName;
    PdfPane::Layout m_layout;
    PdfPane *m_pane = nullptr; // owned by m_area's widget tree
    QLabel *m_unavailable = nullptr;
};

} // namespace ow::ui
