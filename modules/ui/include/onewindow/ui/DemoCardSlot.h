#pragma once

#include "onewindow/idcard/IdCardData.h"

#include <QByteArray>
#include <QList>

namespace ow::ui {

// The demo cards a hall meets daily.
enum class DemoCard {
    Resident, // a man's resident ID card
    ResidentFemale, // a woman's, long-term
    ResidentExpired, // a resident ID card that ended on 2024-01-01
    ForeignPermanent, // 外国人永久居留身份证, 2017 ('I')
    Foreign2023, // 外国人永久居留身份证, 2023 ('Y')
    HkMacaoTaiwan, // 港澳台居民居住证 ('J'), valid
    HkMacaoTaiwanExpired, // 港澳台居民居住证 ('J'), ended on 2024-01-01
};

// Demo mode: puts a demo card on the simulated ID card reader, or takes it off. The composition
// root (app/client, --demo) provides it through ClientContext::demoCards; any widget (the device
// status indicator, the intake screen) may call it from the GUI thread.
class DemoCardSlot
{
public:
    virtual ~DemoCardSlot() = default;
    // Puts the card on the reader, in place of the one lying there if any (a swap: the reader
    // sees the new card).
    virtual void putDemoCard(DemoCard card) = 0;
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
