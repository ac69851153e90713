#pragma once

#include "onewindow/core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace ow::receipt {

// The text inside the QR code of every receipt and notice, signed by the window's key:
//   OW1;k=R;c=<case uuid>;n=<case number>;d=<yyyyMMdd>;w=<window key id>;s=<base64url Ed25519>
// k: R acceptance receipt, N one-time notice, T 容缺 notice, F refusal notice.
// The signature covers every byte before ";s=". Pure codec: no keys, no I/O.
struct QrPayload
{
    Q_DECLARE_TR_FUNCTIONS(QrPayload)

public:
    QChar kind;
    QString caseId;
    QString caseNumber;
    QDate issued;
    QString keyId;
    QByteArray signature; // raw, 64 bytes for Ed25519

    // The signed part (everything up to, not including, ";s=").
    QByteArray signedPart() const;
    // The full payload with the signature appended.
    QString encode() const;
    static Result<QrPayload> parse(const QString &text);
};

} // namespace ow::receipt
