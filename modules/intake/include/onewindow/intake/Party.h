#pragma once

#include "onewindow/core/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace ow::intake {

// An applicant or an agent: a person (ID number) or a company (unified social credit code).
struct Party
{
    Q_DECLARE_TR_FUNCTIONS(Party)

public:
    enum class Kind { Person, Company };
    Kind kind = Kind::Person;
    QString number; // validated, normalised
    QString name;
    QJsonObject details; // address, card type, validity, legal representative …

    // Validates the number (GB 11643 / GB 32100) and the name.
    static Result<Party> person(const QString &idNumber, const QString &name, const QJsonObject &details = {});
    // The 15-character number of a foreigner's permanent residence card (2017 format, 'I'):
    // a 3-letter nationality code and 12 digits.
    static Result<Party> foreigner(const QString &permitNumber, const QString &name, const QJsonObject &details = {});
    static Result<Party> company(const QString &creditCode, const QString &name, const QJsonObject &details = {});

    // What the document itself says about its holder, for the answers a bundle asks (empty /
    // nullopt when the party does not say): age in whole years on `day`, "male"/"female", and a
    // company's entity type from its credit code ("company", "individual" for 个体工商户).
    std::optional<int> ageOn(const QDate &day) const;
    // The birth date the card (or the ID number) gives; invalid for a company or when unknown.
    QDate birthDate() const;
    QString genderKey() const;
    QString entityType() const;
    // Why this party's card does not allow an acceptance today (expired, not yet valid); "" if
    // it does or when the party was typed without a card.
    QString validityProblem(const QDate &today) const;

    QString maskedNumber() const;
    QString maskedName() const;
    QJsonObject toJson() const;
    static Result<Party> fromJson(const QJsonObject &o);
};

} // namespace ow::intake
