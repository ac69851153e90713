#pragma once

#include "onewindow/queue/QueueSnapshot.h"
#include "onewindow/queue/Ticket.h"

#include <QDialog>

#include <memory>
#include <optional>

namespace Ui {
class WalkInDialog;
}
namespace ow::idcard {
struct IdCardData;
}

namespace ow::ui {

struct ClientContext;

// The window's walk-in ticket (排队叫号, F7): for an applicant standing at the window (a hall
// window with a queue waiting, or a township station that has no kiosk). It asks the service
// among the window's categories (one: no question), the priority (an ID card put on the reader sets
// 老年人 by the kiosk's rule: 60 or older; only the age is kept) and takes a scanned notice or
// receipt QR, checked against the key ring with the revoked keys' validity as the 案件 section does:
// a genuine one makes it a return ticket for that case, a forged or revoked one is refused here.
class WalkInDialog : public QDialog
{
    Q_OBJECT

public:
    WalkInDialog(const ClientContext &context, const QList<queue::CategoryLoad> &categories, QWidget *parent = nullptr);
    ~WalkInDialog() override;

    struct Request
    {
        QString category;
        queue::Priority priority = queue::Priority::None;
        QString caseNumber; // a return ticket's case, from a genuine QR
    };
    Request request() const;

    // The ID card on the window's reader: its age only (priority elderly at 60 or over).
    void takeCard(const idcard::IdCardData &card);
    // A scanned text (the scanner, or typed into the QR field and Enter): a notice or receipt QR.
    void takeScan(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refreshCase();
    void refreshCard();

    const ClientContext &m_context;
    std::unique_ptr<Ui::WalkInDialog> m_ui;
    QList<queue::CategoryLoad> m_categories;
    std::optional<int> m_cardAge;
    QString m_caseNumber; // from a genuine QR
    QString m_refusal; // why the last QR was refused
};

} // namespace ow::ui
