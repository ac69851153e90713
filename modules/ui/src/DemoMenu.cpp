#include "onewindow/ui/DemoMenu.h"

#include "onewindow/receipt/ReceiptDocument.h"
#include "onewindow/store/CaseRepository.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/CounterDevices.h"
#include "onewindow/ui/DemoCardSlot.h"

#include <QEvent>
#include <QUrl>
#include <QUrlQuery>

namespace ow::ui {

DemoMenu::DemoMenu(const ClientContext &context, QWidget *parent)
    : QMenu(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("demoMenu"));
    build();
}

QByteArray DemoMenu::demoLicenceQr()
{
    QUrl url(QStringLiteral("https://www.gsxt.gov.cn/index.html"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("uniscid"), QStringLiteral("91310110666007217T"));
    query.addQueryItem(QStringLiteral("entname"), QStringLiteral("杭州味道餐饮有限公司"));
    url.setQuery(query);
    return url.toEncoded();
}

void DemoMenu::build()
{
    clear();
    setTitle(tr("&Demo"));
    DemoCardSlot *demo = m_context.demoCards;
    auto add = [this](QMenu *menu, const QString &name, const QString &text, auto &&slot) {
        QAction *a = menu->addAction(text);
        a->setObjectName(name);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    auto toggle = [this](const QString &name, const QString &text, auto &&slot) {
        QAction *a = addAction(text);
        a->setObjectName(name);
        a->setCheckable(true);
        a->setChecked(true);
        connect(a, &QAction::toggled, this, slot);
        return a;
    };

    addCardActions(addMenu(tr("Put a demo card on the reader")), demo);
    addSeparator();
    add(this, QStringLiteral("scanLicence"), tr("Scan the demo business licence"), [demo] {
        if (demo)
            demo->scan(demoLicenceQr());
    });
    QMenu *notices = addMenu(tr("Scan the QR of a notice or receipt"));
    notices->setObjectName(QStringLiteral("scanNoticeMenu"));
    connect(notices, &QMenu::aboutToShow, this, [this, notices] { fillNotices(notices); });
    addSeparator();
    toggle(QStringLiteral("readerPlugged"), tr("Card reader plugged in"), [demo](bool on) {
        if (demo)
            demo->setReaderPlugged(on);
    });
    toggle(QStringLiteral("printerPlugged"), tr("Receipt printer plugged in"),
        [this, demo](bool on) { afterPrinterChange(demo && demo->setPrinterPlugged(on)); });
    toggle(QStringLiteral("paperIn"), tr("Paper in the printer"),
        [this, demo](bool on) { afterPrinterChange(demo && demo->setPaperOut(!on)); });
    toggle(QStringLiteral("coverClosed"), tr("Printer cover closed"),
        [this, demo](bool on) { afterPrinterChange(demo && demo->setCoverOpen(!on)); });
}

void DemoMenu::addCardActions(QMenu *menu, DemoCardSlot *demo)
{
    struct Card
    {
        const char *name;
        QString text;
        DemoCard card;
    };
    const QList<Card> cards = {
        {"demoCardResident", tr("Resident ID card (man)"), DemoCard::Resident},
        {"demoCardResidentFemale", tr("Resident ID card (woman, long-term)"), DemoCard::ResidentFemale},
        {"demoCardResidentExpired", tr("Resident ID card (expired)"), DemoCard::ResidentExpired},
        {"demoCardI", tr("Foreigner permanent residence card (2017)"), DemoCard::ForeignPermanent},
        {"demoCardY", tr("Foreigner permanent residence card (2023)"), DemoCard::Foreign2023},
        {"demoCardJ", tr("Hong Kong/Macao/Taiwan residence permit"), DemoCard::HkMacaoTaiwan},
        {"demoCardJExpired", tr("Hong Kong/Macao/Taiwan residence permit (expired)"), DemoCard::HkMacaoTaiwanExpired},
    };
    // Each puts its card in place of the one on the reader, as a clerk swaps cards.
    for (const Card &card : cards) {
        QAction *a = menu->addAction(card.text);
        a->setObjectName(QString::fromLatin1(card.name));
        const DemoCard which = card.card;
        connect(a, &QAction::triggered, menu, [demo, which] {
            if (demo)
                demo->putDemoCard(which);
        });
    }
    menu->addSeparator();
    QAction *remove = menu->addAction(tr("Take the card off the reader"));
    remove->setObjectName(QStringLiteral("takeCard"));
    connect(remove, &QAction::triggered, menu, [demo] {
        if (demo)
            demo->removeCard();
    });
}

QString DemoMenu::kindText(const QString &kind)
{
    // The store's kind names are keys, not words: the menu says them in the clerk's language.
    switch (receipt::ReceiptDocument::kindFromName(kind).value_or(receipt::DocumentKind::Receipt)) {
    case receipt::DocumentKind::Receipt: return tr("acceptance receipt");
    case receipt::DocumentKind::OneTimeNotice: return tr("one-time notice");
    case receipt::DocumentKind::ToleratedNotice: return tr("容缺 notice");
    case receipt::DocumentKind::RefusalNotice: return tr("non-acceptance notice");
    }
    return kind;
}

void DemoMenu::fillNotices(QMenu *menu)
{
    menu->clear();
    if (!m_context.store || !m_context.demoCards) {
        menu->addAction(tr("(no store)"))->setEnabled(false);
        return;
    }
    const store::CaseRepository repo(*m_context.store);
    int shown = 0;
    for (const store::CaseRecord &c : repo.list(m_context.window.windowCode, false, 30)) {
        for (const store::NoticeRecord &n : repo.notices(c.id)) {
            const QByteArray payload = n.qrPayload.toUtf8();
            QAction *a = menu->addAction(QStringLiteral("%1 · %2").arg(c.number, kindText(n.kind)));
            connect(a, &QAction::triggered, this, [this, payload] { m_context.demoCards->scan(payload); });
            ++shown;
        }
    }
    if (shown == 0)
        menu->addAction(tr("(no notice or receipt yet)"))->setEnabled(false);
}

void DemoMenu::afterPrinterChange(bool ok)
{
    // The printer tells its state when asked (as a real one does): ask now, so the status bar follows.
    if (ok && m_context.devices)
        m_context.devices->requestPrinterStatus();
}

void DemoMenu::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        build();
    QMenu::changeEvent(event);
}

} // namespace ow::ui
