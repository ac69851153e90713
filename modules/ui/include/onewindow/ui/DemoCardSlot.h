#pragma once

#include "onewindow/idcard/IdCardData.h"

#include <QList>

namespace ow::ui {

// Demo mode: puts a demo card on the simulated ID card reader, or takes it off. The composition
// root (app/client, --demo) provides it through ClientContext::demoCards; any widget (the device
// status indicator, the intake screen) may call it from the GUI thread.
class DemoCardSlot
{
public:
    virtual ~DemoCardSlot() = default;
    // The four demo cards: resident, 'I', 'Y' and an expired 'J'.
    virtual void putDemoCard(idcard::CardType type) = 0;
    virtual void removeCard() = 0;
    virtual bool hasCard() const = 0;
};

} // namespace ow::ui
