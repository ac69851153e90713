#pragma once

#include "onewindow/core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ow::receipt {

enum class DocumentKind { Receipt, OneTimeNotice, ToleratedNotice, RefusalNotice };
// A document signed by a sample or demo key (never trusted as genuine), marked so on the paper.
enum class Specimen { None, Sample, Demo };

struct MatterLine
{
    QString name;
    QString department;
};

// A further applicant (the seller beside the buyer, the second parent), masked, with their agent.
struct PartyLine
{
    QString name;
    QString id;
    QString agentName;
    QString agentId;
    QString document; // the applicant's identity document, e.g. "港澳台居民居住证 有效期 … 至 …"
    QString agentDocument;
};

struct ReceivedLine
{
    QString material;
    QString how; // e.g. "original verified and returned; 1 copy kept"
};

struct MissingLine
{
    QString material;
    QString why; // which item needs it and why
    QString howToSupply;
    bool tolerable = false;
    QDate supplementBy = {}; // 容缺 lines: the day it is due
};

// One model for the four documents of the window; rendered to ESC/POS and to A4 PDF.
// Personal data in it is already masked by whoever fills it in.
struct ReceiptDocument
{
    Q_DECLARE_TR_FUNCTIONS(ReceiptDocument)

public:
    DocumentKind kind = DocumentKind::Receipt;
    QString office; // e.g. 杭州市西湖区行政服务中心
    QString caseNumber;
    QString caseId;
    QString applicantName;
    QString applicantId;
    QString agentName;
    QString agentId;
    // The identity document by its kind, with its validity: "外国人永久居留身份证 有效期 2018-06-01 至
    // 2028-06-01" (empty for a company or a document typed without one; then nothing is printed).
    QString applicantDocument;
    QString agentDocument;
    QList<PartyLine> otherParties; // applicants 2, 3 …
    QList<MatterLine> matters;
    QList<ReceivedLine> received;
    QList<MissingLine> missing;
    QDate promisedDate;
    QDate supplementDeadline; // 容缺 only
    QString deadlineNote; // 容缺 only: why a deadline is earlier than the catalogue allows
    QStringList confirmedConditions; // text-only acceptance conditions the clerk confirmed
    QString refusalReason; // refusal only
    QString window;
    QString clerk;
    QDateTime issuedAt;
    bool courier = false;
    QString contact;
    QString qrPayload;
    bool provisional = false; // accepted offline, not yet confirmed by the back office
    Specimen specimen = Specimen::None; // 样本 (onewindow-tool receipt sample), 演示 (demo mode)
    // The language it is written and printed in (the window's document language, e.g. zh_CN);
    // empty in documents stored before they named it (those print in the process language).
    QString language;

    QString title() const; // in the document's language
    // "SAMPLE — not valid" / "DEMO — not valid" (样本 / 演示), empty for a real document.
    QString specimenMark() const;
    static QChar kindCode(DocumentKind kind);
    static QString kindName(DocumentKind kind); // receipt, notice, tolerated, refusal
    static std::optional<DocumentKind> kindFromName(const QString &name);

    // The canonical form of the decided document: every field (the QR payload included when
    // `withQr`), keys sorted, dates ISO. What the case log freezes and what a reprint renders.
    QJsonObject toJson(bool withQr = true) const;
    static Result<ReceiptDocument> fromJson(const QJsonObject &o);
    // The canonical bytes that the QR's digest covers: toJson(false) as compact UTF-8 JSON.
    QByteArray canonicalBytes() const;
    // SHA-256 of canonicalBytes(): any change to any field printed on the paper changes it.
    QByteArray digest() const;

    bool operator==(const ReceiptDocument &o) const { return toJson() == o.toJson(); }
    bool operator!=(const ReceiptDocument &o) const { return !(*this == o); }
};

} // namespace ow::receipt
