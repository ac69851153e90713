#include "onewindow/ui/RatingDesk.h"

#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/sync/SyncService.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/RatingPrompt.h"

#include <QWidget>

namespace ow::ui {

RatingDesk::RatingDesk(QObject *parent)
    : QObject(parent)
{ }

RatingDesk::~RatingDesk()
{
    delete m_prompt.data();
}

QString RatingDesk::ask(
    const QString &caseId, const QString &service, const QByteArray &ratingKey, QWidget *clerkWindow, Record record)
{
    if (ratingKey.isEmpty())
        return RatingPrompt::tr("The back office's rating key has not arrived yet; the rating cannot be sealed.");
    if (m_prompt)
        m_prompt->withdraw(); // the previous applicant left without choosing
    QScreen *own = RatingPrompt::applicantScreen();
    // On the applicant's own screen it is a window of its own; over the clerk's it belongs to it.
    auto *prompt = new RatingPrompt(caseId, service, own ? nullptr : (clerkWindow ? clerkWindow->window() : nullptr));
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    prompt->setWindowModality(own ? Qt::NonModal : Qt::ApplicationModal);
    if (own)
        prompt->setAttribute(Qt::WA_ShowWithoutActivating); // the clerk's keys stay with the clerk
    m_prompt = prompt;
    connect(prompt, &QDialog::finished, this,
        [this, prompt, caseId, service, ratingKey, record = std::move(record)](int result) {
            if (prompt->withdrawn() || result != QDialog::Accepted)
                return;
            const auto payload = RatingPrompt::sealedPayload(prompt->rating(), ratingKey);
            const QString err = payload ? record(payload.value()) : payload.error();
            Q_EMIT recorded(caseId, service, err);
        });
    prompt->placeForApplicant();
    prompt->show();
    Q_EMIT shown(prompt);
    return {};
}

QString RatingDesk::recordOn(const ClientContext &context, const QString &caseId, const QJsonObject &payload)
{
    if (!context.catalog || !context.store || !context.key)
        return RatingPrompt::tr("The catalogue or the local store is not available.");
    intake::IntakeWorkflow workflow(
        *context.catalog, context.calendar, *context.clock, *context.store, *context.key, context.window);
    QString err = workflow.resume(caseId);
    if (err.isEmpty())
        err = workflow.recordService({{QStringLiteral("rated"), payload}});
    if (err.isEmpty() && context.sync)
        context.sync->kick();
    return err;
}

} // namespace ow::ui
