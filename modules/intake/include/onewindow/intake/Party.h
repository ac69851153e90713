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

    // The identity document by its kind, in the document language: 居民身份证, 外国人永久居留身份证,
    // 港澳台居民居住证 (from the card read, or from a typed number's kind), or what the clerk typed
    // for a passport or permit (details "documentName"). Empty for a company.
    QString documentName() const;
    // The document's validity as read from the card ("有效期 2018-06-01 至 2028-06-01", "… 起长期");
    // empty when not known (a typed number).
    QString validityText() const;
    // documentName() and validityText() for a document: "外国人永久居留身份证 有效期 … 至 …".
    QString documentLine() const;
    // When validityProblem() is not empty: the document's name with what is wrong ("居民身份证
    // （有效期至 2024-01-01，已过期）") and what to bring instead (a temporary resident ID card from
    // the police, the renewed permit …).
    QString invalidDocumentName(const QDate &today) const;
    QString replacementText() const;

    QString maskedNumber() const;
    QString maskedName() const;
    QJsonObject toJson() const;
    static Result<Party> fromJson(const QJsonObject &o);
};

} // namespace ow::intake
