#pragma once

#include "onewindow/sync/SupervisorOverview.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

namespace ow::sync {

// The 督办 section's CSV export: the outcomes of the period, one row for all the windows, one per
// window and one per clerk at a window (modules/sync/README.md lists the columns). UTF-8 with a
// byte order mark and CRLF line ends, every field quoted per RFC 4180, so that WPS and Excel open
// it in Chinese without an import dialog. Minutes with one decimal (a dot), a share as a percent;
// an empty field where there is nothing to average. The header row is in the window's language.
class OverviewCsv
{
    Q_DECLARE_TR_FUNCTIONS(OverviewCsv)

public:
    static constexpr int kColumns = 17;
    static QStringList header();
    static QByteArray outcomes(const SupervisorOverview &overview);
    // One field as RFC 4180 quotes it: "…" with inner quotes doubled.
    static QString quote(const QString &field);
};

} // namespace ow::sync
