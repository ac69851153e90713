#pragma once

#include "onewindow/idcard/IdCardData.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

namespace Ui {
class IdentityPanel;
}

namespace ow {
class Clock;
}

#include "onewindow/idcard/IdCardReader.h"

namespace ow::ui {

// The identity read from an ID card: type, names, gender, nation/nationality, birth, number,
// address, validity (an expired card is flagged), appended address and the photo (a placeholder
// unless a licensed WLT decoder is installed). Masked by default; "Show full" first asks the
// reveal gate (which writes the audit entry) and unmasks only when it says yes: no entry, no
// reveal. Without a gate nothing is ever revealed. revealed() follows a granted reveal.
class IdentityPanel : public QWidget
{
    Q_OBJECT

public:
    explicit IdentityPanel(const Clock *clock, QWidget *parent = nullptr);
    ~IdentityPanel() override;

    // A nationality (GB/T 2659 alpha-3, as the card stores it) in the clerk's language: "美国".
    static QString nationalityName(const QString &alpha3);

    // Shows the reader's cards and failures; while the panel is visible the reader polls for a card.
    void attachReader(idcard::IdCardReader *reader);
    void showCard(const ow::idcard::IdCardData &card);
    void showFailure(const QString &message);
    void clear();
    std::optional<idcard::IdCardData> card() const { return m_card; }
    bool isRevealed() const;
    // Revealing goes through the gate like a click; masking always works.
    void setRevealed(bool revealed);

    // Called before anything is unmasked; returns "" to allow the reveal or the reason it failed
    // (e.g. the audit entry could not be written), which is shown while the card stays masked.
    using RevealGate = std::function<QString(const idcard::IdCardData &card)>;
    void setRevealGate(RevealGate gate);

Q_SIGNALS:
    void cardShown(const ow::idcard::IdCardData &card);
    void revealed(const ow::idcard::IdCardData &card);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void refresh();
    void requestReveal(bool on);
    void setChecked(bool on);

    const Clock *m_clock;
    std::unique_ptr<Ui::IdentityPanel> m_ui;
    std::optional<idcard::IdCardData> m_card;
    QString m_failure;
    RevealGate m_gate;
    bool m_revealed = false;
    bool m_cardOnReader = false;
    QPointer<idcard::IdCardReader> m_reader; // lives on the USB thread; only thread-safe calls
};

} // namespace ow::ui
