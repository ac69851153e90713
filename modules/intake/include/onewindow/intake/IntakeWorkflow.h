#pragma once

#include "onewindow/catalog/Catalog.h"
#include "onewindow/checklist/Checklist.h"
#include "onewindow/core/Clock.h"
#include "onewindow/core/Result.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/intake/CaseState.h"
#include "onewindow/intake/Party.h"
#include "onewindow/intake/WindowConfig.h"
#include "onewindow/receipt/ReceiptDocument.h"
#include "onewindow/receipt/WindowKey.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace ow::store {
class Store;
struct CaseRecord;
struct CaseWrite;
} // namespace ow::store

namespace ow::intake {

// The acceptance at the window as a state machine. Every change of the case is a log entry
// (modules/store/README.md) appended in the same transaction as the case's projection; the state
// in memory is the fold of those entries (CaseState). Every mutating call returns "" on success
// or a message for the clerk; on failure nothing changed, in memory or in the store.
class IntakeWorkflow : public QObject
{
    Q_OBJECT

public:
    enum class Step { Identify, Choose, Situations, Materials, Verdict, Print, Done };
    Q_ENUM(Step)
    enum class Decision { None, Accept, AcceptTolerated, Notice, Refuse };
    Q_ENUM(Decision)

    // The material id the workflow adds when an agent applies on the applicant's behalf.
    static QString authorisationLetterId() { return QStringLiteral("agent-authorisation"); }
    // The catalogue's material for an applicant's identity document. Its id routes as it is; its
    // line is named after the document the applicant actually holds (居民身份证, 外国人永久居留身份证,
    // 港澳台居民居住证 …), and an expired or not-yet-valid document is missing whatever was marked.
    static QString identityMaterialId() { return QStringLiteral("id-card"); }

    IntakeWorkflow(const Catalog &catalog, const WorkCalendar &calendar, const Clock &clock, store::Store &store,
        receipt::WindowKey key, WindowConfig config, QObject *parent = nullptr);

    // Called with each decided document as soon as it is signed, before the decision is stored:
    // the window starts encoding its QR there (receipt::EscPosReceipt::prepare) so the slip finds
    // it ready. Intake itself renders nothing (the back office folds cases with it).
    void setOnDocumentSigned(std::function<void(const receipt::ReceiptDocument &)> hook)
    {
        m_onDocumentSigned = std::move(hook);
    }

    // A new case (id and number made here, in the same transaction as its first entry) at the
    // Identify step. A case left open with nothing in it is abandoned (logged) first.
    QString start();
    // The open case began with this queue ticket (a "ticket" entry: its number and how long it
    // waited until it was called to this window).
    QString recordTicket(const QString &ticketId, const QString &number, const QString &category,
        const QDateTime &queuedAt, const QDateTime &calledAt);
    // Forgets the case in memory (it stays in the store as it is; an empty one is abandoned);
    // the screen shows no case.
    void close();
    // The newest unfinished case of this window that has content: resumes it where it stopped.
    // Empty drafts left by a crash are abandoned (logged) first.
    QString resumeLatest();
    QString resume(const QString &caseId);
    // The applicant is back (a notice's QR was scanned): the same case continues at Materials
    // and the visit is counted. Fails for cases that are already accepted or refused.
    QString reopen(const QString &caseId);
    // "" when reopen(caseId) would be allowed (a one-time notice, not abandoned), or why not;
    // nothing changes. The screen asks this before it leaves the open case.
    QString canReopen(const QString &caseId) const;
    // The open case has content and is not decided: leaving it means abandoning it.
    bool canAbandon() const;
    // The clerk leaves the open, undecided case (Ctrl+N, another case): an "abandoned" entry
    // (reason "left", or "empty" for a case with nothing in it) closes it for good, and the
    // screen shows no case. A decided case cannot be abandoned: its document was issued.
    QString abandon();
    // A service after the decision (CaseService: a supplement taken in, a hand-out, a dispatch, a
    // visit, a rating): these entries (kind, payload), in one transaction with the projection. Only
    // on a decided case and only those kinds; "" or why not.
    [[nodiscard]] QString recordService(const QList<QPair<QString, QJsonObject>> &entries);
    // The decided document went to the printer or was handed over as PDF ("printed" entry).
    QString recordPrinted(const QString &target);
    // A reveal of the full personal data, recorded in the case log (and the audit table) before
    // anything is unmasked. No entry, no reveal: show nothing when this fails.
    QString recordReveal(const QString &what, const QString &why);

    // The open case was started with another catalogue version than the one loaded now. It stays
    // on its own version until the clerk chooses to move it (adoptCurrentCatalogue).
    bool catalogueUpdateAvailable() const;
    QString adoptCurrentCatalogue();

    QString setApplicant(const Party &applicant);
    QString setAgent(const std::optional<Party> &agent);
    // Several applicants (buyer and seller, both parents), each with an optional agent. Index 0
    // is applicant()/agent(); setParty(parties().size(), …) adds one.
    QList<CaseParty> parties() const { return m_state.parties(); }
    QString setParty(int index, const Party &applicant);
    QString setAgent(int index, const std::optional<Party> &agent);
    // Removes applicant `index` (not the first) with their agent and their materials.
    QString removeParty(int index);
    // The checklist line of applicant `index` (≥ 1) for a material each applicant brings.
    static QString perPartyMaterialId(const QString &materialId, int index)
    {
        return CaseState::perPartyMaterialId(materialId, index);
    }
    QString choose(const checklist::Selection &selection);
    QString answer(const QString &questionId, const QVariant &value);
    // Marks a material as received (original, copy, e-licence) or clears it (nullopt).
    // Takes the id by value: callers often pass an id from checklist(), which this call replaces.
    QString mark(QString materialId, std::optional<checklist::Received> how);
    // How many pieces came with a marked material (where the catalogue asks for more than one);
    // the receipt states this count. Without one (and after a new mark) a marked line counts what
    // the checklist asks for: a copy of a material that needs two copies records two.
    QString setCount(QString materialId, int pieces);
    // The clerk's answer to a text-only acceptance condition (checklist().textConditions):
    // holds, does not hold (fails like an unmet condition), or not confirmed (nullopt).
    QString confirmCondition(QString key, std::optional<bool> holds);
    QString setCourier(bool courier);
    // The scanned pages of a material, stored as one PDF in the blob store (store::BlobStore),
    // are recorded with the case ("attached"); a later scan of the same material replaces it.
    using DocumentRef = CaseState::DocumentRef;
    QString attachDocument(const QString &materialId, const QString &sha256, int pageCount);
    const QHash<QString, DocumentRef> &documents() const { return m_state.documents; }

    // Moves to the next / previous step when the current one is complete enough.
    QString next();
    QString back();
    QString goTo(Step step);

    // Which decisions the verdict allows now.
    QList<Decision> allowedDecisions() const;
    // Why the case cannot be accepted whatever the materials say (a party's card expired or not
    // yet valid); empty when nothing blocks. A notice or a refusal stays possible.
    const QStringList &acceptanceBlockers() const { return m_blockers; }
    // The answers the checklist uses: the clerk's, and for questions the catalogue fills from the
    // applicant (age, gender, entity type) what the applicant's card or code says, unless the
    // clerk answered otherwise.
    Answers effectiveAnswers() const;
    // The questions whose answer now comes from the applicant's document (来自证件).
    const QStringList &answersFromParty() const { return m_fromParty; }
    // Decides, builds and signs the document, and freezes it in the case log ("decided", with
    // the whole document) in one transaction. Moves to Print. The document is never rebuilt.
    // The offline check (below) says whether an acceptance is provisional.
    QString decide(Decision decision, const QString &refusalReason = {});
    // The same when the caller knows: `provisional` makes an acceptance's receipt a 临时受理凭证
    // (the intake screen: the back office did not acknowledge the case at the decision).
    QString decide(Decision decision, const QString &refusalReason, bool provisional);
    // Asked at each decide(decision, reason): is the back office out of reach? Then the document
    // is provisional (临时受理凭证) until the back office confirms the case. Unset: a window without
    // a back office, whose documents are final.
    void setOfflineCheck(std::function<bool()> offline) { m_offline = std::move(offline); }
    // The document of the decision (valid from Print on), exactly as decided.
    const receipt::ReceiptDocument &document() const;
    // The document went to the printer (or the PDF was handed over): the case is done.
    QString finish();

    bool hasCase() const { return !m_state.caseId.isEmpty(); }
    Step step() const { return m_step; }
    QString caseId() const { return m_state.caseId; }
    QString caseNumber() const { return m_state.number; }
    int visits() const { return m_state.visits; }
    const std::optional<Party> &applicant() const { return m_state.applicant; }
    const std::optional<Party> &agent() const { return m_state.agent; }
    const checklist::Selection &selection() const { return m_state.selection; }
    const Answers &answers() const { return m_state.answers; }
    const checklist::Collected &collected() const { return m_state.collected; }
    const checklist::Recorded &recorded() const { return m_state.recorded; }
    const CaseState &state() const { return m_state; }
    // The merged checklist and verdict for the current inputs (recomputed on every change).
    const checklist::Checklist &checklist() const { return m_checklist; }
    bool hasChecklist() const { return m_hasChecklist; }
    // The questions the chosen bundle asks (ids), in order.
    QStringList questions() const;
    QDate promisedDate() const;
    Decision decision() const;
    bool courier() const { return m_state.courier; }
    // The catalogue the open case is evaluated against: its pinned version.
    const Catalog &catalog() const { return m_pinned ? *m_pinned : m_catalog; }
    const WindowConfig &config() const { return m_config; }

    static QString stepKey(Step step);
    static QString decisionKey(Decision decision);
    // The projection a state gives (what the store keeps beside the log).
    store::CaseRecord projection(const CaseState &state, Step step) const;

Q_SIGNALS:
    void changed();

private:
    struct Change
    {
        QString kind;
        QJsonObject payload;
    };
    // Applies `changes` to a copy of the state, writes their entries and the new projection in
    // one transaction, and only then takes the new state. `step` moves the screen as well.
    QString commit(const QList<Change> &changes, std::optional<Step> step = std::nullopt, bool withNotice = false);
    store::LogEntry entry(const CaseState &state, int offset, const Change &change) const;
    struct PartyRules
    {
        QStringList blockers; // expired / not yet valid cards
        QStringList fromParty; // questions answered from the applicant's document
        Answers answers; // those answers
        QHash<QString, QString> facts; // how a failing condition words them (the applicant's values)
        QHash<QString, QString> askInstead; // a question that cannot be answered yet → the one to ask
    };
    // What a state gives on screen: the card rules and the merged checklist with its verdict.
    struct Evaluation
    {
        PartyRules rules;
        checklist::Checklist checklist;
        bool has = false;
    };
    Evaluation evaluate(const CaseState &state) const;
    void buildChecklist(const CaseState &state, const PartyRules &rules, checklist::Checklist *out, bool *has) const;
    store::CaseRecord projection(const CaseState &state, Step step, const Evaluation &ev) const;
    void take(const Evaluation &ev);
    PartyRules partyRules(const CaseState &state) const;
    static QString yearsAndMonths(int months); // "63 years", "60 years 1 month"
    void addPerPartyMaterials(const CaseState &state, checklist::Checklist *out) const;
    void nameIdentityDocuments(const CaseState &state, checklist::Checklist *out) const;
    QString partiesChange(CaseState changed, int removed = -1);
    // "" when the open case may still change (it is not decided), or why not.
    QString editable() const;
    QString materialEditable(const QString &materialId) const;
    void recompute();
    QString load(const QString &caseId);
    QString abandonIfEmpty();
    QString storeCatalog(const Catalog &catalog);
    void reset();

    const Catalog &m_catalog;
    std::shared_ptr<const Catalog> m_pinned; // the open case's own version, when not the loaded one
    const WorkCalendar &m_calendar;
    const Clock &m_clock;
    store::Store &m_store;
    receipt::WindowKey m_key;
    WindowConfig m_config;
    std::function<bool()> m_offline;

    CaseState m_state;
    Step m_step = Step::Identify;
    checklist::Checklist m_checklist;
    bool m_hasChecklist = false;
    QStringList m_blockers;
    QStringList m_fromParty;
    Answers m_partyAnswers;
    QStringList m_storedCatalogs;
    std::function<void(const receipt::ReceiptDocument &)> m_onDocumentSigned;
};

} // namespace ow::intake
