#include "PeriodCharts.h"

namespace {

ow::ui::SupervisorCharts *create(QWidget *parent)
{
    return new PeriodCharts(parent);
}

const ow::ui::SupervisorChartsApi api {ow::ui::SupervisorChartsApi::CurrentVersion, &create};

} // namespace

extern "C" __attribute__((visibility("default"))) const ow::ui::SupervisorChartsApi *onewindow_supervisor_charts()
{
    return &api;
}
