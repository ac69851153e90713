#pragma once

#include "onewindow/core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace ow::receipt {

struct ReceiptDocument;
struct HandoutSlip;

// The text inside the QR code of every receipt and notice, signed by the window's key:
//   OW2;k=R;c=<case uuid>;n=<case number>;d=<yyyyMMdd>;w=<window key id>;h=<digest>;s=<signature>
// k: R acceptance receipt, N one-time notice, T 容缺 notice, F refusal notice; H hand-out slip, D
// dispatch slip (HandoutSlip: h is then the slip's digest).
// h: base64url SHA-256 of the decided document's canonical bytes (ReceiptDocument::digest), so the
// signature vouches for every field printed on the paper, not only the ids.
// s: base64url Ed25519 over every byte before ";s=". Pure codec: no keys, no I/O.
struct QrPayload
{
    Q_DECLARE_TR_FUNCTIONS(QrPayload)

public:
    QChar kind;
    QString caseId;
    QString caseNumber;
    QDate issued;
    QString keyId;
    QByteArray digest; // raw, 32 bytes
    QByteArray signature; // raw, 64 bytes for Ed25519

    // The payload for a document (the signature is still to be added).
    static QrPayload forDocument(const ReceiptDocument &doc, const QString &keyId);
    // True when `doc` is exactly the document this payload was made for: same kind, case, number,
    // date and digest. A genuine QR on an altered paper (or an altered stored copy) fails here.
    bool vouchesFor(const ReceiptDocument &doc) const;
    // The same for a hand-out or dispatch slip (kind H or D).
    static QrPayload forSlip(const HandoutSlip &slip, const QString &keyId);
    bool vouchesFor(const HandoutSlip &slip) const;
    // H or D: the QR of a slip, not of a decided document.
    bool isSlip() const { return kind == u'H' || kind == u'D'; }

    // The signed part (everything up to, not including, ";s=").
    QByteArray signedPart() const;
    // The full payload with the signature appended.
    QString encode() const;
    static Result<QrPayload> parse(const QString &text);
};

} // namespace ow::receipt
