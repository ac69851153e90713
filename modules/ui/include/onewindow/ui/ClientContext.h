#pragma once

#include "onewindow/core/Clock.h"
#include "onewindow/core/WorkCalendar.h"

#include <QString>

namespace ow::idcard {
class IdCardReader;
}

namespace ow::ui {

class DemoCardSlot;

// What the composition root (app/client) hands to the widgets. Tests build their own.
struct ClientContext
{
    const Clock *clock = &Clock::system();
    WorkCalendar calendar;
    QString windowName; // e.g. "综合窗口 3"
    bool demoMode = false;
    // The ID card reader: lives on the USB worker thread, so connect to its signals and call
    // only its thread-safe methods (see drivers/idcard). Null when devices are off (tests).
    idcard::IdCardReader *cardReader = nullptr;
    DemoCardSlot *demoCards = nullptr; // demo mode only: the simulated reader's card slot
};

} // namespace ow::ui
