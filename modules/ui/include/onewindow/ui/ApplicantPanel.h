#pragma once

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
    void setError(const QString &message);
    // Called when the clerk's reveal was recorded (true) or hidden again (false).
    void setRevealed(bool revealed);
    bool isRevealed() const { return m_revealed; }
    void focusEntry();
    // Fills the person fields from a card and applies them.
    void takeFromCard(const intake::Party &person);

Q_SIGNALS:
    void applicantEntered(const ow::intake::Party &applicant, const std::optional<ow::intake::Party> &agent);
    void revealRequested(bool reveal);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void validateAsTyped();
    void apply();
    void updateSummary();

    std::unique_ptr<Ui::ApplicantPanel> m_ui;
    std::optional<intake::Party> m_applicant;
    std::optional<intake::Party> m_agent;
    bool m_revealed = false;
};

} // namespace ow::ui
