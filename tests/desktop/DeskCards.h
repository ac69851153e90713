#pragma once
// The desktop tests' ID cards: the reader's slot (F11 puts the test's next card on the simulated
// reader) and resident cards of other people on the demo card's layout.
#include "onewindow/devicesim/IdCardReaderSim.h"
#include "onewindow/devicesim/SimIdCard.h"
#include "onewindow/ui/DemoCardSlot.h"

#include <QString>

namespace ow::desktoptest {

class CardSlot : public ui::DemoCardSlot
{
public:
    explicit CardSlot(devicesim::IdCardReaderSim *sim)
        : m_sim(sim)
    { }
    void putDemoCard(ui::DemoCard) override { m_sim->putCard(next); }
    void removeCard() override { m_sim->removeCard(); }
    bool hasCard() const override { return m_sim->hasCard(); }
    devicesim::SimIdCard next = devicesim::SimIdCard::demo(devicesim::SimIdCard::Type::Resident);

private:
    devicesim::IdCardReaderSim *m_sim;
};

// A resident card: `first17` gets its check character; the gender code must agree with the
// number's 17th digit (odd: male), or the reader flags the card.
inline devicesim::SimIdCard resident(const QString &name, const QString &first17, const QString &gender,
    const QString &born, const QString &validUntil = QStringLiteral("20400101"))
{
    using devicesim::SimIdCard;
    SimIdCard card = SimIdCard::demo(SimIdCard::Type::Resident);
    card.fields = {
        {0, 30, name},
        {30, 2, gender},
        {32, 4, QStringLiteral("01")},
        {36, 16, born},
        {52, 70, QStringLiteral("浙江省杭州市西湖区文三路100号")},
        {122, 36, SimIdCard::withCheckCharacter(first17)},
        {158, 30, QStringLiteral("杭州市公安局西湖分局")},
        {188, 16, QStringLiteral("20200101")},
        {204, 16, validUntil},
    };
    card.appendedAddress.clear();
    return card;
}

} // namespace ow::desktoptest
