#pragma once

#include "onewindow/intake/CaseParty.h"
#include "onewindow/intake/Party.h"

#include <QGroupBox>

#include <memory>
#include <optional>

namespace Ui {
class ApplicantPanel;
}

namespace ow::ui {

// Who applies: a person (ID card read, or the number typed and checked as it is typed), a
// company (credit code), and optionally an agent (代办). Once taken, the identity is shown
// masked; revealing it is a deliberate act that the caller records in the audit log.
class ApplicantPanel : public QGroupBox
{
    Q_OBJECT

public:
    explicit ApplicantPanel(QWidget *parent = nullptr);
    ~ApplicantPanel() override;

    // Shows the case's parties (masked unless revealed); nullopt clears the form for a new case.
    void setParties(const std::optional<intake::Party> &applicant, const std::optional<intake::Party> &agent);
    // The further applicants of the case (buyer and seller …), listed under the first.
    void setMoreParties(const QList<intake::CaseParty> &more);
    // Ctrl+Shift+A: the next person entered or read becomes a further applicant.
    void startAddingParty();
    bool isAddingParty() const { return m_adding; }
    // Empties the form and the summary for a new case: fields, agent, errors, reveal.
    void clear();
    void setError(const QString &message);
    // Called when the clerk's reveal was recorded (true) or hidden again (false).
    void setRevealed(bool revealed);
    bool isRevealed() const { return m_revealed; }
    void focusEntry();
    // Fills the person fields from a card and applies them. With 代办 ticked the card is the
    // agent's, and the principal already typed (or taken) stays the applicant.
    void takeFromCard(const intake::Party &person);
    // A scanned business licence QR (or a bare credit code): the company as the applicant.
    // False when the scan holds no valid credit code.
    bool takeLicence(const QString &scan);

Q_SIGNALS:
    void applicantEntered(const ow::intake::Party &applicant, const std::optional<ow::intake::Party> &agent);
    // A further applicant (with their agent) was entered or read while adding one.
    void partyAdded(const ow::intake::Party &applicant, const std::optional<ow::intake::Party> &agent);
    void revealRequested(bool reveal);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void validateAsTyped();
    Result<intake::Party> typedApplicant() const;
    void apply();
    void updateSummary();
    void emitEntered(const intake::Party &applicant, const std::optional<intake::Party> &agent);

    std::unique_ptr<Ui::ApplicantPanel> m_ui;
    std::optional<intake::Party> m_applicant;
    std::optional<intake::Party> m_agent;
    std::optional<intake::Party> m_cardAgent; // the agent as read from the card, until taken
    QList<intake::CaseParty> m_more;
    bool m_adding = false;
    bool m_revealed = false;
};

} // namespace ow::ui
