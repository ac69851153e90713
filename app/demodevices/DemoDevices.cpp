#include "DemoDevices.h"

using ow::devicesim::SimIdCard;

DemoDevices::DemoDevices()
{
    m_valid = m_testbed.isValid() && !m_testbed.plug(&m_reader).isEmpty() && !m_testbed.plug(&m_printer).isEmpty()
        && !m_testbed.plug(&m_scanner).isEmpty();
}

DemoDevices::~DemoDevices()
{
    m_testbed.unplug(&m_scanner);
    m_testbed.unplug(&m_printer);
    m_testbed.unplug(&m_reader);
}

void DemoDevices::putDemoCard(ow::ui::DemoCard card)
{
    using ow::ui::DemoCard;
    using Demo = SimIdCard::Demo;
    switch (card) {
    case DemoCard::Resident: m_reader.putCard(SimIdCard::demo(Demo::Resident)); break;
    case DemoCard::ResidentFemale: m_reader.putCard(SimIdCard::demo(Demo::ResidentFemale)); break;
    case DemoCard::ResidentExpired: m_reader.putCard(SimIdCard::demo(Demo::ResidentExpired)); break;
    case DemoCard::ForeignPermanent: m_reader.putCard(SimIdCard::demo(Demo::ForeignPermanent)); break;
    case DemoCard::Foreign2023: m_reader.putCard(SimIdCard::demo(Demo::Foreign2023)); break;
    case DemoCard::HkMacaoTaiwan: m_reader.putCard(SimIdCard::demo(Demo::HkMacaoTaiwan)); break;
    case DemoCard::HkMacaoTaiwanExpired: m_reader.putCard(SimIdCard::demo(Demo::HkMacaoTaiwanExpired)); break;
    }
}

void DemoDevices::removeCard()
{
    m_reader.removeCard();
}

bool DemoDevices::hasCard() const
{
    return m_reader.hasCard();
}

bool DemoDevices::scan(const QByteArray &content)
{
    return m_scanner.scan(content);
}

bool DemoDevices::setReaderPlugged(bool plugged)
{
    if (plugged)
        return !m_testbed.plug(&m_reader).isEmpty();
    m_testbed.unplug(&m_reader);
    return true;
}

bool DemoDevices::setPrinterPlugged(bool plugged)
{
    if (plugged)
        return !m_testbed.plug(&m_printer).isEmpty();
    m_testbed.unplug(&m_printer);
    return true;
}

bool DemoDevices::setPaperOut(bool out)
{
    m_printer.setPaperOut(out);
    return true;
}

bool DemoDevices::setCoverOpen(bool open)
{
    m_printer.setCoverOpen(open);
    return true;
}
