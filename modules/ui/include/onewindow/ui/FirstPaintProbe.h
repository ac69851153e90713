#pragma once

#include <QObject>

class QWidget;

namespace ow::ui {

// For tests/bench/bench_startup: with OW_FIRST_PAINT_PROBE=1 in the environment, the first
// paint of `window` prints "first-paint cpu-ns=N" on stdout (N: the main thread's CPU time so far)
// and quits the application. Does nothing
// otherwise. The client and the bare reference window use the same probe.
class FirstPaintProbe : public QObject
{
    Q_OBJECT

public:
    static void installIfRequested(QWidget *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit FirstPaintProbe(QObject *parent);
    bool m_done = false;
};

} // namespace ow::ui
