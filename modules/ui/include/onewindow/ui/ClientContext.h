#pragma once

#include "onewindow/core/Clock.h"
#include "onewindow/core/WorkCalendar.h"

#include <QString>

namespace ow::ui {

// What the composition root (app/client) hands to the widgets. Tests build their own.
struct ClientContext
{
    const Clock *clock = &Clock::system();
    WorkCalendar calendar;
    QString windowName; // e.g. "综合窗口 3"
    bool demoMode = false;
};

} // namespace ow::ui
