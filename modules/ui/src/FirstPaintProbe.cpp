#include "onewindow/ui/FirstPaintProbe.h"

#include <QCoreApplication>
#include <QEvent>
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
            std::fputs("first-paint\n", stdout);
            std::fflush(stdout);
            QCoreApplication::quit();
        });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace ow::ui
