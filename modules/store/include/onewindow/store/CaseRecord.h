#pragma once

#include <QDate>
#include <QDateTime>
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

// A case as the store keeps it: everything needed to resume, print again or sync.
struct CaseRecord
{
    QString id; // UUID, made at the window
    QString number; // human case number, unique per window
    QString windowCode;
    QString clerk;
    QString state; // the intake step or the final state
    QString verdict;
    QString catalogVersion; // pinned at creation
    QJsonObject selection; // bundle / matters
    QJsonObject answers; // situation answers
    std::optional<ApplicantRecord> applicant;
    std::optional<ApplicantRecord> agent;
    QDate promisedDate;
    QString pickup = QStringLiteral("window"); // "window" or "courier"
    QJsonObject draft; // the workflow's own resume data
    QMap<QString, QString> materials; // material id → status (original, copy, elicence …)
    QDateTime createdAt;
    QDateTime updatedAt;
};

} // namespace ow::store
