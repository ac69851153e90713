#pragma once

#include "onewindow/catalog/Catalog.h"
#include "onewindow/core/Clock.h"
#include "onewindow/core/Result.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/intake/Party.h"
#include "onewindow/intake/WindowConfig.h"
#include "onewindow/receipt/HandoutSlip.h"
#include "onewindow/receipt/WindowKey.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace ow::store {
class Store;
struct LogEntry;
} // namespace ow::store

namespace ow::intake {

// Something the applicant still has to bring (补正): a department's supplement request, or a
// 容缺 line of the decided document not brought yet.
struct SupplementTask
{
    enum class Source { Department, Tolerated };
    QString id; // "item:<item id>" or "tolerated:<material key>" (the supplemented entry's task)
    Source source = Source::Department;
    QString what; // what to bring, in the department's (or the checklist's) words
    QString department; // the department's name (a department's request)
    QString material; // the checklist line's key (a 容缺 line)
    QDateTime requestedAt; // when the department asked (invalid for a 容缺 line: at the decision)
    QDate due;
    bool overdue = false;
};

// One item of a routed case as the departments left it, and what would be handed out for it.
struct CaseItem
{
    QString item; // the back office's item id
    QString matter; // the matter's name
    QString department; // the department's name
    // routed (with the department), supplement (asks for something), approved (result being
    // prepared), ready (result ready), rejected (decision letter), handedOut, dispatched
    QString state;
    QString detail; // what the department asks for / why it rejected
    QString given; // the result's name or the decision letter's
    QDateTime at; // the department's last word
};

// Where a dispatch goes (邮寄送达).
struct DispatchAddress
{
    QString recipient;
    QString phone;
    QString address;
};

// A case after its decision, at the window: its tasks (补正), its items with the departments'
// words, the supplement taken in, the hand-out (统一出件) or the dispatch by courier, each a
// signed, logged and synced service. Reads the case's log and what the back office said about it
// (sync::SyncJournal::remote: routed, items, handoutAt); writes through IntakeWorkflow, so the
// projection and the log never disagree. Every method returns "" or why not; on failure nothing
// was written.
class CaseService
{
    Q_DECLARE_TR_FUNCTIONS(CaseService)

public:
    // Working days the applicant has for a department's request when the back office names no
    // date (the request's own "deadline" wins).
    static constexpr int kDefaultSupplementDays = 5;

    CaseService(const Catalog &catalog, const WorkCalendar &calendar, const Clock &clock, store::Store &store,
        receipt::WindowKey key, WindowConfig config);

    // Loads a decided case of this window with the back office's word on it.
    [[nodiscard]] QString open(const QString &caseId, const QJsonObject &remote);
    // The back office said more (events arrived): the items and tasks again.
    void setRemote(const QJsonObject &remote);

    const CaseState &state() const { return m_workflow.state(); }
    QString caseId() const { return m_workflow.caseId(); }
    QString caseNumber() const { return m_workflow.caseNumber(); }
    const QList<store::LogEntry> &entries() const { return m_entries; }

    // The tasks still open, the earliest due first.
    QList<SupplementTask> tasks() const;
    QList<CaseItem> items() const;
    // Every item decided, each approved one's result ready, nothing asked for, not handed out:
    // 待出件. "" or why not.
    QString readyForHandout() const;
    // Visits until the result was formed (the first, each return, each supplement) and pickups.
    int visitsUntilResult() const;
    int pickups() const;
    bool delivered() const; // handed out or dispatched

    // The applicant brought what `taskId` asked for: each material as received (how: original,
    // copy, elicence) with its scan (sha256 and pages, from the blob store; empty: not scanned).
    struct Supplied
    {
        QString material; // the checklist line's key, or the department's words for a request
        QString how = QStringLiteral("original");
        QString sha256;
        int pages = 0;
    };
    [[nodiscard]] QString takeSupplement(const QString &taskId, const QList<Supplied> &materials, const QString &note);

    // Hands out `itemIds` to `collector` (card read). When the collector is not the applicant, they
    // are an agent: `authorisation` (the scanned letter) is required. Builds, signs and logs the
    // slip with a pickup visit.
    [[nodiscard]] QString handOut(
        const Party &collector, const std::optional<CaseState::DocumentRef> &authorisation, const QStringList &itemIds);
    // Sends `itemIds` by courier: no pickup visit.
    [[nodiscard]] QString dispatch(
        const DispatchAddress &to, const QString &carrier, const QString &tracking, const QStringList &itemIds);
    // The applicant's sealed rating of a service ("rated" payload from ui::RatingPrompt::ask).
    [[nodiscard]] QString recordRating(const QJsonObject &payload);
    // The slip of the last hand-out or dispatch (of this session or from the log).
    const std::optional<receipt::HandoutSlip> &slip() const { return m_slip; }

    // The task ids a "supplemented" entry of the log closes (after `since`, when given).
    static bool supplementedSince(const QList<store::LogEntry> &entries, const QString &taskId, const QDateTime &since);

private:
    QString reload();
    QString deliver(bool courier, const receipt::HandoutSlip &draft, const QStringList &itemIds, QJsonObject payload);
    QString departmentName(const QString &id) const;
    void mapMatters();

    const Catalog &m_catalog;
    const WorkCalendar &m_calendar;
    const Clock &m_clock;
    store::Store &m_store;
    receipt::WindowKey m_key;
    WindowConfig m_config;
    IntakeWorkflow m_workflow;
    QJsonObject m_remote;
    QList<store::LogEntry> m_entries;
    QHash<QString, QString> m_matterOfItem; // item id → matter code
    std::optional<receipt::HandoutSlip> m_slip;
};

} // namespace ow::intake
