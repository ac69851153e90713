#pragma once

#include "onewindow/queue/QueueSnapshot.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QWidget>

#include <memory>
#include <optional>

class QTimer;

namespace Ui {
class HallDisplay;
}

namespace ow {
class Clock;
}

namespace ow::ui {

class HallVoice;

// One call as the hall sees it: "请 A012 号到 3 号窗口".
struct HallCall
{
    QString ticketId; // the same ticket called again is a recall
    QString number; // "A012"
    QString window; // the window's number or code ("3", "W03")
    QString category; // "商事登记"
    QDateTime at;
};

// How many wait in one category.
struct HallWaiting
{
    QString category;
    int waiting = 0;
};

// The hall display (onewindow --hall-display): the latest call large, the calls before it, how
// many wait per category, and the call spoken through the hall's voice (a chime when no voice is
// installed). Fed by HallFeed from the back office's queue events, or by a test.
class HallDisplay : public QWidget
{
    Q_OBJECT

public:
    // `voice` may be null (no sound at all: the status line says so); it outlives the display.
    HallDisplay(const Clock &clock, HallVoice *voice, QWidget *parent = nullptr);
    ~HallDisplay() override;

    static constexpr int kRecentCalls = 6; // below the current one: what fits at 1366×768

    void setHallName(const QString &name);
    // A ticket called (or called again) to a window: shown first and announced.
    void showCall(const HallCall &call);
    void setWaiting(const QList<HallWaiting> &waiting);
    // The hall's queue as the back office (or a station) says: the waiting per category, and
    // the calls newer than the last one seen, announced oldest first. The first snapshot only
    // shows the calls already made (they were announced when they happened).
    void showSnapshot(const queue::QueueSnapshot &snapshot);
    // "" when the display follows the back office; else why it does not (shown, not spoken).
    void setLinkProblem(const QString &problem);

    // On screen, in the display's language: "请 A012 号到 3 号窗口".
    static QString callText(const HallCall &call);
    // What the voice says, always Mandarin, the number spelt out: "请 A 零一二 号到 3 号窗口".
    static QString spokenText(const HallCall &call);
    // "3" for "W03", "3" or a window key "330106-W03"; the window as it is otherwise.
    static QString windowNumber(const QString &window);

    QList<HallCall> recentCalls() const { return m_calls; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void refreshStatus();
    void tick();

    const Clock &m_clock;
    HallVoice *m_voice;
    std::unique_ptr<Ui::HallDisplay> m_ui;
    QTimer *m_clockTimer;
    QList<HallCall> m_calls; // newest first
    QList<HallWaiting> m_waiting;
    QString m_linkProblem;
    std::optional<qint64> m_cursor; // the newest call shown
};

} // namespace ow::ui
