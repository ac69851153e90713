#pragma once

#include "onewindow/ui/RatingPrompt.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QWidget;

namespace ow::ui {

struct ClientContext;

// Where the applicant rates each service (好差评: acceptance, supplement, hand-out). One prompt
// at a time, without an event loop of its own:
// - a second screen (the window's 评价器): the prompt is full screen there and not modal, so the
//   clerk goes on with the next case while the applicant chooses; a prompt still unanswered when
//   the next service's comes is withdrawn (the applicant walked away: nothing is recorded);
// - one screen: full screen over the clerk's window, application-modal until the applicant
//   chooses or declines.
// The choice is sealed to the back office's rating key (RatingPrompt::sealedPayload) and handed
// to the caller's `record`, which appends the "rated" entry to the case's log.
class RatingDesk : public QObject
{
    Q_OBJECT

public:
    // Appends the sealed "rated" payload to the case's log; "" or why not.
    using Record = std::function<QString(const QJsonObject &payload)>;

    explicit RatingDesk(QObject *parent = nullptr);
    ~RatingDesk() override;

    // Shows the rating screen for `service` of case `caseId`; "" once shown, or why not (no
    // rating key from the back office yet).
    [[nodiscard]] QString ask(const QString &caseId, const QString &service, const QByteArray &ratingKey,
        QWidget *clerkWindow, Record record);
    // The prompt on screen, if any (what the applicant sees; tests look at it).
    RatingPrompt *prompt() const { return m_prompt; }

    // Appends a "rated" entry to a decided case of this window that no screen holds open (the
    // clerk has moved on): through a workflow of its own on the store; kicks the sync.
    [[nodiscard]] static QString recordOn(
        const ClientContext &context, const QString &caseId, const QJsonObject &payload);

Q_SIGNALS:
    void shown(ow::ui::RatingPrompt *prompt);
    // The applicant's choice, sealed and recorded ("") or not (why).
    void recorded(const QString &caseId, const QString &service, const QString &error);

private:
    QPointer<RatingPrompt> m_prompt;
};

} // namespace ow::ui
