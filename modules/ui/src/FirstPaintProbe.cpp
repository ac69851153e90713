#include "onewindow/ui/FirstPaintProbe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace ow::ui {

FirstPaintProbe::FirstPaintProbe(QObject *parent)
    : QObject(parent)
{ }

void FirstPaintProbe::installIfRequested(QWidget *window)
{
    if (!window || qEnvironmentVariable("OW_FIRST_PAINT_PROBE") != QLatin1String("1"))
        return;
    window->installEventFilter(new FirstPaintProbe(window));
}

bool FirstPaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_done && event->type() == QEvent::Paint) {
        m_done = true;
        // Reported once this paint has been delivered (the window is on screen).
        QTimer::singleShot(0, this, [] {
            // With the main thread's CPU time so far (ns), which load distorts less than the clock.
            QFile stat(QStringLiteral("/proc/thread-self/schedstat"));
            const QByteArray cpuNs = stat.open(QIODevice::ReadOnly) ? stat.readAll().split(' ').value(0) : "-1";
            std::printf("first-paint cpu-ns=%s\n", cpuNs.constData());
            std::fflush(stdout);
            QCoreApplication::quit();
        });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace ow::ui
