#pragma once

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

class QWidget;

namespace ow::ui {

// The 督办 section's charts of the period: the plugin onewindow-supervisor-charts.so (app/
// supervisorcharts, Qt Charts), loaded on the first show of the charts (SupervisorChartsPlugin),
// so that neither the clerk's window nor the supervisor's start loads Qt Charts. A plain interface
// (no QObject, no strings of its own): the plugin does not link ow_ui; the section hands it the
// translated titles.
class SupervisorCharts
{
public:
    struct Day
    {
        QDate day;
        int tickets = 0;
        std::optional<double> p90WaitMinutes;
        int accepted = 0;
        int cases = 0;
        std::optional<double> oneVisitPercent;
    };
    struct Titles
    {
        QString waits; // the chart of tickets and waits
        QString outcomes; // the chart of results and one-visit share
        QString tickets;
        QString p90Wait;
        QString minutes;
        QString accepted;
        QString cases;
        QString oneVisit;
        QString percent;
        QString dateFormat; // e.g. "M/d"
    };

    virtual ~SupervisorCharts() = default;
    // The two charts (owned by the caller's widget tree once placed).
    virtual QWidget *waitsView() = 0;
    virtual QWidget *outcomesView() = 0;
    virtual void show(const QList<Day> &days, const Titles &titles) = 0;
};

// The entry point of onewindow-supervisor-charts.so:
//   extern "C" const SupervisorChartsApi *onewindow_supervisor_charts()
struct SupervisorChartsApi
{
    static constexpr int CurrentVersion = 1;
    static constexpr char EntryPoint[] = "onewindow_supervisor_charts";

    int version;
    // New charts whose views are children of `parent` (deleted by the caller before the plugin is
    // unloaded).
    SupervisorCharts *(*create)(QWidget *parent);
};

using SupervisorChartsEntry = const SupervisorChartsApi *(*)();

} // namespace ow::ui
