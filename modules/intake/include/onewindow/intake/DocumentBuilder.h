#pragma once

#include "onewindow/catalog/Catalog.h"
#include "onewindow/checklist/Checklist.h"
#include "onewindow/core/Result.h"
#include "onewindow/intake/CaseParty.h"
#include "onewindow/intake/Party.h"
#include "onewindow/intake/WindowConfig.h"
#include "onewindow/receipt/ReceiptDocument.h"
#include "onewindow/receipt/WindowKey.h"

#include <QCoreApplication>

#include <optional>

namespace ow::intake {

// Turns a decided case into the document handed to the applicant: masked personal data, every
// received and missing material with why and how, dates, and the signed QR payload.
class DocumentBuilder
{
    Q_DECLARE_TR_FUNCTIONS(DocumentBuilder)

public:
    struct Input
    {
        receipt::DocumentKind kind = receipt::DocumentKind::Receipt;
        QString caseId;
        QString caseNumber;
        const Party *applicant = nullptr;
        const Party *agent = nullptr;
        QList<CaseParty> moreParties; // applicants 2, 3 … with their agents
        const checklist::Checklist *checklist = nullptr;
        QDate promisedDate;
        QString refusalReason;
        bool courier = false;
        QDateTime issuedAt;
        bool provisional = false; // made offline: provisional until the back office confirms it
    };

    static Result<receipt::ReceiptDocument> build(
        const Input &in, const WindowConfig &config, const receipt::WindowKey &key);
    // What the clerk recorded: "2 copies received", "issued within this matter by 个体工商户设立登记",
    // "e-licence 电子营业执照 pulled; no paper needed", … (never the catalogue's counts).
    static QString receivedText(const checklist::MaterialLine &line);
    // Why a 容缺 deadline is earlier than the catalogue allows (empty when it is not): the
    // same words on the notice and on screen.
    static QString deadlineNote(const checklist::Checklist &checklist);
    // What the window will accept for a missing line: originals / copies and where to get it.
    static QString supplyText(const checklist::MaterialLine &line);
    // The reason a refusal states when the clerk gives none: each failed condition's failing
    // fact with the applicant's values ("职工基本养老保险待遇申领：申请人 36 周岁，未达到法定退休年龄").
    static QString refusalReason(const checklist::Checklist &checklist);
};

} // namespace ow::intake
