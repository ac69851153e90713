#pragma once

#include "onewindow/ui/SupervisorCharts.h"

#include <QCoreApplication>
#include <QLibrary>
#include <QStringList>

#include <memory>

namespace ow::ui {

// Loads onewindow-supervisor-charts.so from the first of `dirs` that holds it (the program's
// folder, the installed plugin folder; ClientContext::pluginDirs). Kept loaded while it lives.
class SupervisorChartsPlugin
{
    Q_DECLARE_TR_FUNCTIONS(SupervisorChartsPlugin)

public:
    static constexpr char kFileName[] = "onewindow-supervisor-charts.so";
    explicit SupervisorChartsPlugin(QStringList dirs);

    // New charts under `parent`, or nullptr with error().
    std::unique_ptr<SupervisorCharts> create(QWidget *parent);
    QString error() const { return m_error; }

private:
    QStringList m_dirs;
    QLibrary m_library;
    QString m_error;
};

} // namespace ow::ui
