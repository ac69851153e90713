#pragma once

#include "onewindow/sync/SupervisorOverview.h"

#include <QDateTime>
#include <QWidget>

#include <memory>
#include <optional>

class QTimer;

namespace Ui {
class SupervisorPage;
}

namespace ow::ui {

struct ClientContext;
class SupervisorCharts;
class SupervisorChartsPlugin;

// 督办: a supervisor's windows, from the back office's overview (one request per refresh, every
// 15 s while the section is shown, and on F5): the windows now, the cases near or past their
// promised date, the outcomes per window and per clerk of today or a chosen period, the bad
// ratings and the appeals to decide, and charts of the period (a plugin, loaded when the charts
// are first shown). Exports the outcomes as CSV and the period as an A4 PDF report. When a refresh
// fails the figures stay, marked with their age.
class SupervisorPage : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kRefreshMs = 15000;

    explicit SupervisorPage(const ClientContext &context, QWidget *parent = nullptr);
    ~SupervisorPage() override;

    // Asks the back office now (F5, the refresh button, the timer).
    void refresh();
    // The last overview shown; none before the first answer.
    const std::optional<sync::SupervisorOverview> &overview() const { return m_overview; }
    // Whether the charts plugin is loaded (after the charts were first shown).
    bool chartsLoaded() const { return m_charts != nullptr; }

Q_SIGNALS:
    // A refresh ended: shown (true) or failed (false, the reason on screen).
    void refreshed(bool ok);
    // A file was written (CSV or PDF), or failed with the reason ("" on success).
    void saved(const QString &path, const QString &error);
    void appealDecided(const QString &appealId, const QString &state);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void showCalendar();
    void showOverview(const sync::SupervisorOverview &overview);
    void showFailure(const QString &message);
    void showStatus();
    void fillLive();
    void fillDeadlines();
    void fillOutcomes();
    void fillRatings();
    void fillCharts();
    void ensureCharts();
    void exportCsv();
    void saveReport();
    void decideAppeal(const QString &decision);
    QString windowName(const QString &keyId) const;

    const ClientContext &m_context;
    std::unique_ptr<Ui::SupervisorPage> m_ui;
    QTimer *m_timer;
    std::optional<sync::SupervisorOverview> m_overview;
    QDateTime m_fetchedAt;
    QString m_failure; // the last refresh's error, "" when it succeeded
    QString m_notice; // the last action's outcome (saved, decided)
    std::unique_ptr<SupervisorChartsPlugin> m_chartsPlugin;
    std::unique_ptr<SupervisorCharts> m_charts;
    bool m_followToday = true; // the period is the back office's today (moves on at midnight)
    int m_offset = 0; // the page of windows asked for (a province's admin pages through them)
};

} // namespace ow::ui
