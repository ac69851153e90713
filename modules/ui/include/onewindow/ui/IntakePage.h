#pragma once

#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/queue/Ticket.h"

#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

template<typename T>
class QFutureWatcher;

namespace Ui {
class IntakePage;
}

namespace ow::idcard {
struct IdCardData;
}

namespace ow::ui {

struct ClientContext;
struct DocumentPreview; // the decided document's slip and A4 PDF, rendered on a worker

// The clerk's main screen: identify → choose → situations → materials → verdict → document.
// Keyboard first: F2 applicant, F3 matter, F4 questions, F5 accept, F6 accept with 容缺,
// F7 one-time notice, F8 refuse, F9 reveal, F10 print the receipt, F11 demo card, F12 done,
// Ctrl+N new case, Ctrl+O continue a case from its notice. Enter moves on inside each panel.
class IntakePage : public QWidget
{
    Q_OBJECT

public:
    explicit IntakePage(const ClientContext &context, QWidget *parent = nullptr);
    ~IntakePage() override;

    intake::IntakeWorkflow *workflow() const { return m_workflow.get(); }
    // Starts intake once the catalogue is there (the client loads it after the first paint).
    void catalogueReady();
    // Continues the case a scanned QR payload names (a one-time notice brought back).
    void continueFromQr(const QString &payload);
    // Continues a case from a notice's QR payload or from its case number.
    void continueFrom(const QString &text);
    // A queue ticket was called to this window: its case begins at 受理 with the ticket in its log
    // (a return ticket's case continues instead). The case's id and number, or why not.
    Result<std::pair<QString, QString>> startForTicket(const queue::Ticket &ticket);
    // What the barcode scanner read: a notice or receipt QR continues its case; a business
    // licence QR (its credit code and name) fills in the company applicant.
    void takeScan(const QString &text);
    QString message() const;
    // A decided case brought back (Ctrl+O, its QR) with a supplement to take in or results to
    // hand out continues in its case window (CaseTimelineDialog); null until one was opened.
    class CaseTimelineDialog *caseDialog() const { return m_caseDialog; }
    // How long a decision waits for the back office to acknowledge the case (a window with one):
    // without its acknowledgement the document is provisional (临时受理凭证).
    static constexpr int kConfirmMs = 3000;
    // A decision is waiting for that acknowledgement (the decision keys do nothing meanwhile).
    bool confirming() const { return m_confirming.has_value(); }

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setupShortcuts();
    void refresh();
    void report(const QString &error, const QString &success = {});
    void ensureCase();
    void tellCatalogueUpdate();
    void decide(intake::IntakeWorkflow::Decision decision);
    void confirmed(const QString &caseId, bool acknowledged, const QString &why);
    void decided(intake::IntakeWorkflow::Decision decision, const QString &reason, bool provisional);
    void showDocument();
    void previewRendered();
    void printReceipt();
    void takeCard(const idcard::IdCardData &card);
    void reveal(bool on);
    QString auditCardReveal(const idcard::IdCardData &card);
    void newCase();
    void placeDemoCard();
    void askContinue();
    void takeLicence(const QString &text);
    void finishCase();
    // Before another case: a decided one is finished; an undecided one with content is
    // abandoned once the clerk confirms (false: the clerk stays with it).
    bool leaveCase();
    // Every field, message and selection of the previous case goes from the screen.
    void clearCaseScreen();
    void openOther(const QString &caseId, const QString &number);
    void keepFocusInView();
    // The decided document went out (the receipt printer, or the A4 handed over): the applicant
    // rates the acceptance (RatingDesk), once per decision.
    void rateAcceptance();

    const ClientContext &m_context;
    std::unique_ptr<Ui::IntakePage> m_ui;
    std::unique_ptr<intake::IntakeWorkflow> m_workflow;
    QList<QByteArray> m_receiptBlocks;
    quint64 m_renderGeneration = 0; // bumped by each decision shown and each case closed or opened
    quint64 m_renderedGeneration = 0; // that of the render m_preview watches
    QFutureWatcher<DocumentPreview> *m_preview = nullptr;
    QString m_previewTitle;
    int m_demoCardIndex = 0;
    bool m_identityPinned = false; // F2: the card's details stay shown though the case moved on
    class IdentityPanel *m_identity = nullptr;
    class CaseTimelineDialog *m_caseDialog = nullptr;
    QString m_ratingAskedFor; // the decided document (its QR) whose rating was asked
    // Opens the supplement or hand-out of a decided case; "" when it did, else why it cannot.
    QString serveDecided(const QString &caseId);
    // The decision waiting for the back office's acknowledgement of its case.
    struct Confirming
    {
        intake::IntakeWorkflow::Decision decision;
        QString reason;
        QString caseId;
    };
    std::optional<Confirming> m_confirming;
    QTimer m_confirmGuard; // should the sync never answer
};

} // namespace ow::ui
