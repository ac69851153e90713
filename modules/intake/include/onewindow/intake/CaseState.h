#pragma once

#include "onewindow/catalog/Condition.h"
#include "onewindow/checklist/Checklist.h"
#include "onewindow/core/Result.h"
#include "onewindow/intake/CaseParty.h"
#include "onewindow/intake/Party.h"
#include "onewindow/receipt/ReceiptDocument.h"
#include "onewindow/store/LogEntry.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <optional>

namespace ow::intake {

// What a case is, as its log says: the fold of its entries (kinds in modules/store/README.md).
// IntakeWorkflow changes a case only by appending entries and applying them here, so the state
// on screen, the projection in the store and a replay of the log can never disagree.
struct CaseState
{
    Q_DECLARE_TR_FUNCTIONS(CaseState)

public:
    // A material's scanned pages, one PDF in the blob store (store::BlobStore), by SHA-256.
    struct DocumentRef
    {
        QString sha256;
        int pageCount = 0;
    };

    QString caseId;
    QString number;
    QString regionCode;
    QString windowCode;
    QDateTime createdAt;
    std::optional<Party> applicant;
    std::optional<Party> agent;
    QList<CaseParty> moreParties; // applicants 2, 3 … (buyer and seller, both parents) with their agents
    checklist::Selection selection;
    QString catalogVersion; // pinned by the "chosen" entry (or a later "catalogue" entry)
    QString catalogSha256;
    Answers answers;
    checklist::Collected collected;
    checklist::Recorded recorded; // piece counts and confirmed text-only conditions
    QHash<QString, DocumentRef> documents; // material id → its scanned PDF (the latest scan)
    bool courier = false;
    QString decision = QStringLiteral("none"); // none, accept, accepttolerated, notice, refuse
    QString refusalReason;
    QDate promisedDate;
    std::optional<receipt::ReceiptDocument> document; // frozen by "decided"
    int visits = 1; // every in-person contact: the first, each return and supplement, each pickup
    int pickups = 0;
    bool firstVisitLogged = false; // a "visit" entry (why: first) is in the log // of those, to collect the result
                                   // (reported beside "at most one visit")
    QString delivery; // after the decision: "", handedOut or dispatched
    int ratings = 0; // how many services the applicant rated (never what they said)
    int prints = 0;
    int reveals = 0;
    QStringList tickets; // the queue tickets of its visits (the "ticket" entries)
    bool finished = false;
    bool abandoned = false;
    int seq = 0; // the last entry applied

    bool hasContent() const
    {
        return applicant.has_value() || !selection.bundle.isEmpty() || !selection.matters.isEmpty();
    }
    bool decided() const { return document.has_value(); }

    // Applies the case's next entry; on error (wrong case, a gap, an unknown kind, a bad payload)
    // the state is unchanged.
    [[nodiscard]] QString apply(const store::LogEntry &entry);
    static Result<CaseState> replay(const QList<store::LogEntry> &entries);

    // Every applicant with their agent, the first one first.
    QList<CaseParty> parties() const;
    // The checklist line of applicant `index` (≥ 1) for a material each applicant brings.
    static QString perPartyMaterialId(const QString &materialId, int index);

    // Payload helpers shared by the workflow and the replay.
    QJsonArray partiesJson() const;
    static QJsonValue answerJson(const QVariant &value);
    static QVariant answerValue(const QJsonValue &value);
};

} // namespace ow::intake
