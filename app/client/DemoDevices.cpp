#include "DemoDevices.h"

using ow::devicesim::SimIdCard;

DemoDevices::DemoDevices()
{
    m_valid = m_testbed.isValid() && !m_testbed.plug(&m_reader).isEmpty();
}

DemoDevices::~DemoDevices()
{
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
