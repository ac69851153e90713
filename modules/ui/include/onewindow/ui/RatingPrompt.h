#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/receipt/Rating.h"

#include <QDialog>
#include <QJsonObject>

#include <memory>
#include <optional>

class QAbstractButton;
class QScreen;

namespace Ui {
class RatingPrompt;
}

namespace ow::ui {

// The applicant's rating screen (好差评) after a service (acceptance, supplement, hand-out): the
// five levels (非常满意 … 非常不满意), for the two bad ones the reasons (服务效率, 服务水平, 服务态度,
// 办事指南) and free text, or "declined". Big type, touch-sized buttons. On a second screen when Qt
// sees one (the window's 评价器), else full screen over the clerk's window; it cannot be closed
// (Escape, Alt+F4, the close button) without the applicant's choice or "declined".
//
// The rating leaves only sealed (receipt::RatingSeal) to the back office's rating key: ask() gives
// the payload of the "rated" entry ({service, sealed}) the window's flow appends to the case log;
// nothing the clerk's session can read back is kept.
class RatingPrompt : public QDialog
{
    Q_OBJECT

public:
    RatingPrompt(const QString &caseId, const QString &service, QWidget *parent = nullptr);
    ~RatingPrompt() override;

    // Shows the screen (modal) and returns the sealed "rated" payload, or why none (no rating key
    // from the back office yet, a sealing failure).
    [[nodiscard]] static Result<QJsonObject> ask(
        const QString &caseId, const QString &service, const QByteArray &ratingKey, QWidget *parent = nullptr);
    // The payload of a "rated" entry for `rating`, sealed to `ratingKey`.
    [[nodiscard]] static Result<QJsonObject> sealedPayload(const receipt::Rating &rating, const QByteArray &ratingKey);
    // A screen other than the primary one (the applicant's), or nullptr when there is one screen.
    static QScreen *applicantScreen();
    // Places the dialog: full screen on the applicant's screen, else over the primary one.
    void placeForApplicant();

    // What the applicant chose; valid once the dialog is accepted.
    receipt::Rating rating() const { return m_rating; }

    // Ends an unanswered prompt without a rating (the applicant walked away; the next service's
    // prompt takes the screen): nothing is recorded.
    void withdraw();
    bool withdrawn() const { return m_withdrawn; }

    void reject() override; // only "declined" ends it without a level
    void done(int result) override;

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void levelChosen(QAbstractButton *button);
    void submit();
    void decline();
    std::optional<receipt::Rating::Level> chosenLevel() const;

    std::unique_ptr<Ui::RatingPrompt> m_ui;
    receipt::Rating m_rating;
    bool m_finished = false;
    bool m_withdrawn = false;
};

} // namespace ow::ui
