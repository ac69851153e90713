#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/receipt/ReceiptDocument.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ow::receipt {

// H: the results were handed out at the window (出件单); D: sent by courier (邮寄单).
enum class SlipKind { Handout, Dispatch };

// One item of the case given out: its result (a licence, a certificate) or, rejected, its decision
// letter (不予许可决定书).
struct SlipItem
{
    QString item; // the back office's item id
    QString matter; // the matter's name
    QString department;
    QString outcome; // approved | rejected
    QString given; // what was given: the result's or the letter's name
};

// The slip of a hand-out or a dispatch, as data: what the case log freezes (`handedOut` /
// `dispatched` entries: document + digest), what the QR's digest covers and what modules/receipt
// renders (ESC/POS and A4). Like ReceiptDocument: personal data in it is already masked by whoever
// fills it in; the QR is signed by the window's key (QrPayload kind H or D).
struct HandoutSlip
{
    Q_DECLARE_TR_FUNCTIONS(HandoutSlip)

public:
    SlipKind kind = SlipKind::Handout;
    QString office; // e.g. 杭州市西湖区行政服务中心
    QString caseNumber;
    QString caseId;
    QString applicantName; // masked
    QString applicantId; // masked
    // Who collected, when not the applicant (an agent, with an authorisation letter): masked.
    QString collectorName;
    QString collectorId;
    bool authorisation = false; // an agent's authorisation letter was taken in
    QList<SlipItem> items;
    // Dispatch only: recipient (masked), address (masked), carrier and tracking number.
    QString recipient;
    QString address;
    QString carrier;
    QString tracking;
    int visits = 0; // visits until the result was formed (the pickup, if any, not counted)
    QString window;
    QString clerk;
    QDateTime issuedAt;
    QString qrPayload;
    Specimen specimen = Specimen::None;
    QString language; // the window's document language, e.g. zh_CN

    QString title() const; // in the slip's language
    static QChar kindCode(SlipKind kind); // H, D
    static QString kindName(SlipKind kind); // handout, dispatch

    // The canonical form: every field (the QR payload when `withQr`), keys sorted, times ISO.
    QJsonObject toJson(bool withQr = true) const;
    static Result<HandoutSlip> fromJson(const QJsonObject &o);
    // toJson(false) as compact UTF-8 JSON: what the QR's digest covers.
    QByteArray canonicalBytes() const;
    // SHA-256 of canonicalBytes().
    QByteArray digest() const;

    bool operator==(const HandoutSlip &o) const { return toJson() == o.toJson(); }
    bool operator!=(const HandoutSlip &o) const { return !(*this == o); }
};

} // namespace ow::receipt
