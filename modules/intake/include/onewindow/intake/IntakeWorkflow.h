#pragma once

#include "onewindow/catalog/Catalog.h"
#include "onewindow/checklist/Checklist.h"
#include "onewindow/core/Clock.h"
#include "onewindow/core/Result.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/intake/CaseParty.h"
#include "onewindow/intake/Party.h"
#include "onewindow/intake/WindowConfig.h"
#include "onewindow/receipt/ReceiptDocument.h"
#include "onewindow/receipt/WindowKey.h"

#include <QObject>

#include <optional>

namespace ow::store {
class Store;
}

namespace ow::intake {

// The acceptance at the window as a state machine. Every mutating call returns "" on success
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

    IntakeWorkflow(const Catalog &catalog, const WorkCalendar &calendar, const Clock &clock, store::Store &store,
        receipt::WindowKey key, WindowConfig config, QObject *parent = nullptr);

    // A new case (id and number made here) at the Identify step.
    QString start();
    // Forgets the case in memory (it stays in the store as it is); the screen shows no case.
    void close();
    // The newest unfinished case of this window, if any: resumes it where it stopped.
    QString resumeLatest();
    QString resume(const QString &caseId);
    // The applicant is back (a notice's QR was scanned): the same case continues at Materials
    // and the visit is counted. Fails for cases that are already accepted or refused.
    QString reopen(const QString &caseId);

    QString setApplicant(const Party &applicant);
    QString setAgent(const std::optional<Party> &agent);
    // Several applicants (buyer and seller, both parents), each with an optional agent. Index 0
    // is applicant()/agent(); setParty(parties().size(), …) adds one.
    QList<CaseParty> parties() const;
    QString setParty(int index, const Party &applicant);
    QString setAgent(int index, const std::optional<Party> &agent);
    // Removes applicant `index` (not the first) with their agent and their materials.
    QString removeParty(int index);
    // The checklist line of applicant `index` (≥ 1) for a material each applicant brings.
    static QString perPartyMaterialId(const QString &materialId, int index);
    QString choose(const checklist::Selection &selection);
    QString answer(const QString &questionId, const QVariant &value);
    // Marks a material as received (original, copy, e-licence) or clears it (nullopt).
    // Takes the id by value: callers often pass an id from checklist(), which this call replaces.
    QString mark(QString materialId, std::optional<checklist::Received> how);
    QString setCourier(bool courier);

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
    // Decides, builds and signs the document, and saves it with the case (and the outbox row for
    // sync) in one transaction. Moves to Print.
    QString decide(Decision decision, const QString &refusalReason = {});
    // The document of the decision (valid from Print on).
    const receipt::ReceiptDocument &document() const { return m_document; }
    // The document went to the printer (or the PDF was handed over): the case is done.
    QString finish();

    bool hasCase() const { return !m_caseId.isEmpty(); }
    Step step() const { return m_step; }
    QString caseId() const { return m_caseId; }
    QString caseNumber() const { return m_caseNumber; }
    int visits() const { return m_visits; }
    const std::optional<Party> &applicant() const { return m_applicant; }
    const std::optional<Party> &agent() const { return m_agent; }
    const checklist::Selection &selection() const { return m_selection; }
    const Answers &answers() const { return m_answers; }
    const checklist::Collected &collected() const { return m_collected; }
    // The merged checklist and verdict for the current inputs (recomputed on every change).
    const checklist::Checklist &checklist() const { return m_checklist; }
    bool hasChecklist() const { return m_hasChecklist; }
    // The questions the chosen bundle asks (ids), in order.
    QStringList questions() const;
    QDate promisedDate() const;
    Decision decision() const { return m_decision; }
    bool courier() const { return m_courier; }
    const Catalog &catalog() const { return m_catalog; }
    const WindowConfig &config() const { return m_config; }

    static QString stepKey(Step step);

Q_SIGNALS:
    void changed();

private:
    struct Snapshot;
    Snapshot snapshot() const;
    void restore(const Snapshot &s);
    // Recomputes the checklist, saves, and emits changed(); rolls the snapshot back on failure.
    // With `withNotice`, the decided document is stored with the case and queued for sync.
    QString commit(const Snapshot &before, bool withNotice = false);
    QString save(bool withNotice);
    void recompute();
    void applyPartyRules();
    void addPerPartyMaterials();
    QString load(const QString &caseId);

    const Catalog &m_catalog;
    const WorkCalendar &m_calendar;
    const Clock &m_clock;
    store::Store &m_store;
    receipt::WindowKey m_key;
    WindowConfig m_config;

    QString m_caseId;
    QString m_caseNumber;
    QDateTime m_createdAt;
    Step m_step = Step::Identify;
    std::optional<Party> m_applicant;
    std::optional<Party> m_agent;
    QList<CaseParty> m_moreParties; // applicants 2, 3 … with their agents
    checklist::Selection m_selection;
    Answers m_answers;
    checklist::Collected m_collected;
    bool m_courier = false;
    Decision m_decision = Decision::None;
    QString m_refusalReason;
    int m_visits = 1;
    checklist::Checklist m_checklist;
    bool m_hasChecklist = false;
    QStringList m_blockers;
    QStringList m_fromParty;
    Answers m_partyAnswers;
    receipt::ReceiptDocument m_document;
};

} // namespace ow::intake
