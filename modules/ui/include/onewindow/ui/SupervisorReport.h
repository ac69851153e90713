#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/sync/SupervisorOverview.h"

#include <QByteArray>
#include <QCoreApplication>

namespace ow::ui {

// The 督办 section's printable daily report: an A4 PDF (QPdfWriter, Noto CJK embedded) of the
// overview's period: the totals, the outcomes per window and per clerk, the cases near or past
// their promised date, the overdue supplements, the bad ratings and the windows now. Its text
// layer reads back as drawn (receipt::PdfTextLayer), so pdftotext and a search find the words.
// Needs a QGuiApplication (fonts).
class SupervisorReport
{
    Q_DECLARE_TR_FUNCTIONS(SupervisorReport)

public:
    // `office`: the service centre's name for the heading ("" none); `supervisor`: who printed it.
    static Result<QByteArray> render(
        const sync::SupervisorOverview &overview, const QString &office, const QString &supervisor);
};

} // namespace ow::ui
