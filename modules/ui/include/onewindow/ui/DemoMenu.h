#pragma once

#include <QMenu>

namespace ow::ui {

struct ClientContext;
class DemoCardSlot;

// Demo mode's menu (演示): everything a newcomer can do to the simulated counter, each through
// its simulated USB device — put a card on the reader or take it off, scan the demo business
// licence or the QR of any notice or receipt in the store, unplug and replug the reader or the
// printer, take the paper out and put it back, open and close the printer's cover.
class DemoMenu : public QMenu
{
    Q_OBJECT

public:
    explicit DemoMenu(const ClientContext &context, QWidget *parent = nullptr);

    // What the demo business licence's QR holds (the national credit system's link).
    static QByteArray demoLicenceQr();
    // The demo cards and "take the card off", for any menu (the status bar's too).
    static void addCardActions(QMenu *menu, DemoCardSlot *demo);
    // "one-time notice" for the store's "notice": the kind of a decided document, in words.
    static QString kindText(const QString &kind);

protected:
    void changeEvent(QEvent *event) override;

private:
    void build();
    void fillNotices(QMenu *menu);
    void afterPrinterChange(bool ok);

    const ClientContext &m_context;
};

} // namespace ow::ui
