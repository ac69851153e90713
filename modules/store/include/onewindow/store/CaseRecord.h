#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

namespace ow::store {

struct ApplicantRecord
{
    QString id;
    QString kind; // "person" or "company"
    QString idNumber; // ID number or unified social credit code
    QString name;
    QJsonObject details; // address, card type, validity, phone …

    bool operator==(const ApplicantRecord &o) const
    {
        return id == o.id && kind == o.kind && idNumber == o.idNumber && name == o.name && details == o.details;
    }
};

// The current state of a case as the store keeps it beside its log (table cases): what lists,
// searches and the Cases page read. It is derived from the log entries and written in the same
// transaction; replaying the log gives the same values (tested). Personal data in it (the parties)
// is sealed at rest; only the masked applicant and a blind index of the ID number are in the clear.
struct CaseRecord
{
    QString id; // UUID, made at the window
    QString number; // human case number, unique per window
    QString windowCode;
    QString clerk;
    QString state; // the intake step, or "done" / "abandoned"
    QString verdict;
    QString catalogVersion; // the pinned catalogue
    QString catalogSha256;
    QJsonObject selection; // bundle / matters
    QJsonObject answers; // situation answers
    // [{"applicant": party, "agent": party | null}, …], party = {kind, number, name, details}
    QJsonArray parties;
    QString applicantMasked; // the first applicant, masked, for lists
    QDate promisedDate;
    QString pickup = QStringLiteral("window"); // "window" or "courier"
    QString decision; // none, accept, accepttolerated, notice, refuse
    QJsonObject document; // the decided document, frozen (ReceiptDocument::toJson)
    int visits = 1;
    bool hasContent = false; // a party or a matter was recorded
    int logSeq = 0; // the last log entry reflected here
    QJsonObject draft; // the screen's own resume data (no personal data)
    QMap<QString, QString> materials; // material id → status (original, copy, elicence …)
    QDateTime createdAt;
    QDateTime updatedAt;

    // The first party's applicant and agent, for lists and older callers.
    std::optional<ApplicantRecord> applicant() const { return partyRecord(0, "applicant"); }
    std::optional<ApplicantRecord> agent() const { return partyRecord(0, "agent"); }
    std::optional<ApplicantRecord> partyRecord(int index, const char *role) const;
};

} // namespace ow::store
