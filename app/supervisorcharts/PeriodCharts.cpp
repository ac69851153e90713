#include "PeriodCharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace {

QChart *freshChart(QChartView *view, const QString &title)
{
    auto *chart = new QChart();
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    QChart *old = view->chart();
    view->setChart(chart);
    delete old;
    return chart;
}

// Bars on the left axis, a line on the right one, over the days as categories.
void fill(QChart *chart, const QStringList &days, const QList<QBarSet *> &bars, QLineSeries *line, double lineMax,
    bool exactMax, const QString &lineTitle)
{
    auto *barSeries = new QBarSeries();
    double barMax = 1;
    for (QBarSet *set : bars) {
        barSeries->append(set);
        for (int i = 0; i < set->count(); ++i)
            barMax = std::max(barMax, set->at(i));
    }
    chart->addSeries(barSeries);
    chart->addSeries(line);
    auto *x = new QBarCategoryAxis();
    x->append(days);
    chart->addAxis(x, Qt::AlignBottom);
    barSeries->attachAxis(x);
    // The line over the same categories: its points sit at the bars' centres (0, 1, 2 …).
    auto *xLine = new QValueAxis();
    xLine->setRange(-0.5, std::max<qsizetype>(1, days.size()) - 0.5);
    xLine->setVisible(false);
    chart->addAxis(xLine, Qt::AlignBottom);
    line->attachAxis(xLine);
    auto *left = new QValueAxis();
    // Whole numbers: one tick per unit on a small scale, Qt's nice numbers on a larger one.
    const double top = std::max(4.0, std::ceil(barMax * 1.1));
    left->setRange(0, top);
    left->setLabelFormat(QStringLiteral("%d"));
    if (top <= 10)
        left->setTickCount(int(top) + 1);
    else
        left->applyNiceNumbers();
    chart->addAxis(left, Qt::AlignLeft);
    barSeries->attachAxis(left);
    auto *right = new QValueAxis();
    right->setRange(0, exactMax ? lineMax : std::max(1.0, std::ceil(lineMax * 1.1)));
    right->setTitleText(lineTitle);
    chart->addAxis(right, Qt::AlignRight);
    line->attachAxis(right);
}

} // namespace

PeriodCharts::PeriodCharts(QWidget *parent)
    : m_waits(new QChartView(parent))
    , m_outcomes(new QChartView(parent))
{
    for (QChartView *v : {m_waits, m_outcomes}) {
        v->setRenderHint(QPainter::Antialiasing);
        v->setMinimumHeight(220);
    }
    m_waits->setObjectName(QStringLiteral("waitsChart"));
    m_outcomes->setObjectName(QStringLiteral("outcomesChart"));
}

PeriodCharts::~PeriodCharts() = default;

void PeriodCharts::show(const QList<Day> &days, const Titles &titles)
{
    QStringList labels;
    for (const Day &d : days)
        labels << d.day.toString(titles.dateFormat);

    auto *tickets = new QBarSet(titles.tickets);
    auto *p90 = new QLineSeries();
    p90->setName(titles.p90Wait);
    double p90Max = 0;
    auto *accepted = new QBarSet(titles.accepted);
    auto *cases = new QBarSet(titles.cases);
    auto *oneVisit = new QLineSeries();
    oneVisit->setName(titles.oneVisit);
    for (qsizetype i = 0; i < days.size(); ++i) {
        const Day &d = days.at(i);
        *tickets << d.tickets;
        if (d.p90WaitMinutes) {
            p90->append(double(i), *d.p90WaitMinutes);
            p90Max = std::max(p90Max, *d.p90WaitMinutes);
        }
        *accepted << d.accepted;
        *cases << d.cases;
        if (d.oneVisitPercent)
            oneVisit->append(double(i), *d.oneVisitPercent);
    }
    p90->setPointsVisible(true);
    oneVisit->setPointsVisible(true);
    fill(freshChart(m_waits, titles.waits), labels, {tickets}, p90, p90Max, false, titles.minutes);
    fill(freshChart(m_outcomes, titles.outcomes), labels, {accepted, cases}, oneVisit, 100, true, titles.percent);
}
