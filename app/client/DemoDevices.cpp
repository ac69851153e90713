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

void DemoDevices::putDemoCard(ow::idcard::CardType type)
{
    switch (type) {
    case ow::idcard::CardType::Resident: m_reader.putDemoCard(SimIdCard::Type::Resident); break;
    case ow::idcard::CardType::ForeignPermanent: m_reader.putDemoCard(SimIdCard::Type::ForeignPermanent); break;
    case ow::idcard::CardType::ForeignPermanent2023: m_reader.putDemoCard(SimIdCard::Type::Foreign2023); break;
    case ow::idcard::CardType::HkMacaoTaiwan: m_reader.putDemoCard(SimIdCard::Type::HkMacaoTaiwan); break;
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
