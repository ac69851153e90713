#pragma once

#include "onewindow/idcard/IdCardData.h"

#include <QByteArray>
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

    // The rest of the demo counter (each through its simulated USB device; a slot without one
    // does nothing and says so with false): the barcode scanner scans these bytes; the reader
    // and the printer are unplugged and plugged back; the printer's paper and cover.
    virtual bool scan(const QByteArray &content)
    {
        Q_UNUSED(content);
        return false;
    }
    virtual bool setReaderPlugged(bool plugged)
    {
        Q_UNUSED(plugged);
        return false;
    }
    virtual bool setPrinterPlugged(bool plugged)
    {
        Q_UNUSED(plugged);
        return false;
    }
    virtual bool setPaperOut(bool out)
    {
        Q_UNUSED(out);
        return false;
    }
    virtual bool setCoverOpen(bool open)
    {
        Q_UNUSED(open);
        return false;
    }
};

} // namespace ow::ui
