#pragma once

#include "onewindow/ui/SupervisorCharts.h"

#include <QChart>
#include <QChartView>

// Two Qt Charts views over the period's days: tickets (bars) with the p90 wait (line, minutes),
// and results (bars: accepted, cases with a result) with the share done in one visit (line, %).
class PeriodCharts final : public ow::ui::SupervisorCharts
{
public:
    explicit PeriodCharts(QWidget *parent);
    ~PeriodCharts() override;

    QWidget *waitsView() override { return m_waits; }
    QWidget *outcomesView() override { return m_outcomes; }
    void show(const QList<Day> &days, const Titles &titles) override;

private:
    QChartView *m_waits;
    QChartView *m_outcomes;
};
