#pragma once

#include "onewindow/queue/QueueSnapshot.h"
#include "onewindow/queue/Ticket.h"
#include "onewindow/receipt/TicketSlip.h"

#include <QList>
#include <QUrl>
#include <QWidget>

#include <memory>
#include <optional>

class QTimer;

namespace Ui {
class KioskWindow;
}

namespace ow::idcard {
struct IdCardData;
}
namespace ow::sync {
class QueueService;
}

namespace ow::ui {

struct ClientContext;

// The ticket kiosk of a hall (onewindow --kiosk), full screen, for touch or mouse: the applicant
// chooses a category (optionally with the ID card on the reader: 60 or older goes ahead as
// elderly; a card whose holder has an appointment today checks it in at once, and its ticket is
// printed without a choice), the ticket is issued through the queue service and printed on the receipt printer:
// number large, category, people ahead, time, a QR to follow the queue. A printer fault is said on
// screen and the ticket stays on it (number shown, 重新打印) until printed or dismissed.
class KioskWindow : public QWidget
{
    Q_OBJECT

public:
    // `queue` issues the tickets; `followBase` turns a ticket's follow path into the QR's address.
    KioskWindow(
        const ClientContext &context, sync::QueueService *queue, const QUrl &followBase, QWidget *parent = nullptr);
    ~KioskWindow() override;

    static constexpr int kElderlyAge = 60;
    // How long the ticket stays on screen after it printed.
    static constexpr int kShowTicketMs = 15000;

    void setHallName(const QString &name);
    // The slip of the last ticket (what was sent or would be sent to the printer).
    std::optional<receipt::TicketSlipData> lastSlip() const { return m_slip; }
    // The ticket on screen, while it is.
    std::optional<queue::Ticket> shownTicket() const { return m_ticket; }

    // An ID card read on the kiosk's reader: its holder's appointment for today is checked in
    // (the number goes to the queue service and is not kept); without one, its age only is kept,
    // until the next ticket.
    void takeCard(const idcard::IdCardData &card);
    // A text from the barcode scanner: a notice or receipt QR, checked against the key ring
    // (ClientContext::keys, with the revoked keys' validity, as at the window); a genuine one gets
    // a return ticket linked to its case (the back office picks the category), printed as any
    // ticket; anything else is refused on screen in large type, and no ticket is issued.
    void takeScan(const QString &text);

    // The age on a card at `today` (full years).
    static int ageOn(const QDate &birth, const QDate &today);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showCategories(const queue::QueueSnapshot &snapshot);
    void choose(const QString &category);
    void issued(const queue::Ticket &ticket, int ahead, const QString &follow);
    void print();
    void printed(bool ok, const QString &message);
    void clearCard();
    void backToStart();
    void refreshCard();
    void setBusy(bool busy);
    void noAppointment();
    void refuseScan(const QString &why);

    const ClientContext &m_context;
    sync::QueueService *m_queue;
    QUrl m_followBase;
    std::unique_ptr<Ui::KioskWindow> m_ui;
    QTimer *m_backTimer;
    QList<queue::CategoryLoad> m_categories;
    std::optional<int> m_cardAge; // the age read from the card on the reader, until a ticket takes it
    std::optional<queue::Ticket> m_ticket;
    std::optional<receipt::TicketSlipData> m_slip;
    bool m_printing = false;
    bool m_waitingForTicket = false;
    bool m_checkingIn = false; // a card's appointment is being looked for
    bool m_noAppointment = false; // the card on the reader has none today
    QString m_returnCase; // the case of a scanned QR whose return ticket is being issued
};

} // namespace ow::ui
