#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/queue/HallSettings.h"
#include "onewindow/queue/QueueSnapshot.h"
#include "onewindow/queue/Ticket.h"
#include "onewindow/receipt/TicketSlip.h"

#include <QByteArray>
#include <QList>
#include <QPointer>

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QTimer;

namespace Ui {
class QueuePage;
}

namespace ow::ui {

struct ClientContext;
class WalkInDialog;

// The window's 排队叫号 section: the ticket called to this window large (number, category, how
// long it waited, priority), who waits in the window's categories and for how long, the parked
// tickets, and the keys: F1 call next, Enter start intake, F2 recall (only once the recall delay
// has passed: the button says when), F3 no-show, F4 transfer, F5 park, F6 resume, F7 walk-in
// ticket (WalkInDialog: for the applicant at the window, or a return ticket by a scanned QR,
// printed on the window's receipt printer as the kiosk prints it; the ticket is issued whatever
// the printer does) and F8 reprint (the same bytes). Works through ClientContext::queue (the back
// office's queue, or a station's own).
class QueuePage : public QWidget
{
    Q_OBJECT

public:
    explicit QueuePage(const ClientContext &context, QWidget *parent = nullptr);
    ~QueuePage() override;

    // The case a called ticket opens (at 受理, the ticket attached; a return ticket's own case):
    // its id and number, or why it could not. Set by MainWindow (IntakePage::startForTicket).
    using OpenCase = std::function<Result<std::pair<QString, QString>>(const queue::Ticket &ticket)>;
    void setOpenCase(OpenCase open) { m_openCase = std::move(open); }
    void setHallSettings(const queue::HallSettings &settings);

    std::optional<queue::Ticket> current() const { return m_current; }
    QString message() const;
    // "老年人" for Priority::Elderly, "" for none.
    static QString priorityText(queue::Priority priority);
    // "12 分钟" / "1 小时 5 分钟"
    static QString waitText(qint64 seconds);

Q_SIGNALS:
    // The applicant of the current ticket is at the window: intake takes over.
    void intakeRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showSnapshot(const queue::QueueSnapshot &snapshot);
    void ticketChanged(const queue::Ticket &ticket);
    void act(int action);
    void serve();
    void transfer();
    void walkIn();
    void issued(const queue::Ticket &ticket, int ahead, const QString &follow);
    void print();
    void printed(bool ok, const QString &message);
    void refreshCurrent();
    void refreshTable();
    void say(const QString &text, bool problem = false);

    const ClientContext &m_context;
    std::unique_ptr<Ui::QueuePage> m_ui;
    OpenCase m_openCase;
    queue::HallSettings m_settings;
    queue::QueueSnapshot m_snapshot;
    std::optional<queue::Ticket> m_current;
    QString m_caseId; // the case the current ticket opened
    QString m_caseNumber;
    QTimer *m_liveTimer; // the waiting times and the queue, live
    QTimer *m_recallTimer; // enables recall when its delay has passed
    // The walk-in ticket (F7): the dialog while open, the ticket being issued, its slip's bytes
    // (sent again as they are by F8), and whether the printer has them.
    QPointer<WalkInDialog> m_walkIn;
    bool m_issuing = false;
    std::optional<receipt::TicketSlipData> m_slip;
    QList<QByteArray> m_slipBlocks;
    QString m_slipProblem;
    QString m_issuedText;
    bool m_printing = false;
};

} // namespace ow::ui
