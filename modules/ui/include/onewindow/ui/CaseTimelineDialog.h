#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class CaseTimelineDialog;
}

namespace ow::intake {
class CaseService;
}

namespace ow::ui {

struct ClientContext;
class HandoutDialog;
class SupplementDialog;

// One case at the window (案件 → a case): who and what, every item's state at its department,
// the supplements still to bring (due dates, overdue flagged), the visits and whether "at most one
// visit" was met, and the timeline from the start to the hand-out. From here the clerk takes in a
// supplement, hands out (or dispatches) the results and reprints the decided document.
class CaseTimelineDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CaseTimelineDialog(const ClientContext &context, QWidget *parent = nullptr);
    ~CaseTimelineDialog() override;

    // Shows case `caseId` (a decided case of this window); "" or why not.
    QString open(const QString &caseId);
    // Reads the case and what the back office said again (events arrived).
    void refresh();
    QString caseId() const;
    intake::CaseService *service() const { return m_service.get(); }

    // The supplement and hand-out dialogs (opened by the buttons; tests drive them).
    SupplementDialog *openSupplement();
    HandoutDialog *openHandout();

Q_SIGNALS:
    void reprintRequested(const QString &caseId);
    // A supplement was taken in or the results handed out: the list shows it.
    void caseChanged(const QString &caseId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void report(const QString &error, const QString &success = {});
    void afterService(const QString &service);
    QString doneText() const; // the last service's "done" line, in the language installed now

    enum class Done { Nothing, Supplement, Handout };
    Done m_done = Done::Nothing;

    const ClientContext &m_context;
    std::unique_ptr<Ui::CaseTimelineDialog> m_ui;
    std::unique_ptr<intake::CaseService> m_service;
    SupplementDialog *m_supplement = nullptr;
    HandoutDialog *m_handout = nullptr;
};

} // namespace ow::ui
