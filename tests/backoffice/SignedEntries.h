#pragma once

// What a hand-made case log needs since the back office checks the window's key (issue 20): the
// window enrolled with a key, case numbers of the window's own series, and decided entries whose
// document is frozen, signed and digested exactly as DocumentBuilder and IntakeWorkflow make them.

#include "ApiClient.h"

#include "onewindow/receipt/QrPayload.h"
#include "onewindow/receipt/ReceiptDocument.h"
#include "onewindow/receipt/WindowKey.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>

namespace signedentries {

// One key per window key id for the whole test process.
inline const ow::receipt::WindowKey &keyOf(const QString &keyId)
{
    static QHash<QString, ow::receipt::WindowKey> keys;
    if (!keys.contains(keyId)) {
        auto made = ow::receipt::WindowKey::generate(keyId);
        if (!made)
            qFatal("key: %s", qPrintable(made.error()));
        keys.insert(keyId, made.value());
    }
    return *keys.find(keyId);
}

// The body of POST /v1/enrol as the window sends it: a fresh code for the window (admin new-code)
// and keyOf(keyId). Empty, with the reason in *error, when the code could not be made.
inline QJsonObject enrolment(const QString &dataDir, const QString &keyId, QString *error)
{
    const AdminRun code = runAdmin(dataDir, {QStringLiteral("new-code"), QStringLiteral("--window"), keyId});
    if (code.exitCode != 0) {
        *error = code.err;
        return QJsonObject();
    }
    return QJsonObject {{QStringLiteral("code"), enrolmentCodeIn(code.out)}, {QStringLiteral("keyId"), keyId},
        {QStringLiteral("publicKey"), QString::fromLatin1(keyOf(keyId).publicKey().toBase64())}};
}

// enrolment() sent through `api`. "" or why not.
inline QString enrol(ApiClient &api, const QString &dataDir, const QString &keyId)
{
    QString error;
    const QJsonObject body = enrolment(dataDir, keyId, &error);
    if (body.isEmpty())
        return error;
    const ApiResponse r = api.call("POST", QStringLiteral("/v1/enrol"), body);
    return r.status == 201 ? QString() : QString::fromUtf8(r.raw);
}

// The case's number in its window's series: one per case id, as the window takes them.
inline QString numberOf(const QString &caseId, const QString &window)
{
    static QHash<QString, QString> numbers;
    if (!numbers.contains(caseId))
        numbers.insert(
            caseId, QStringLiteral("%1-20261127-%2").arg(window).arg(numbers.size() + 1, 4, 10, QLatin1Char('0')));
    return numbers.value(caseId);
}

// A decided entry's payload as the window makes it: the document frozen, its QR signed by `key`,
// its digest (the payload's "items" are the caller's to add).
inline QJsonObject decidedPayload(const QString &caseId, const QString &number, const ow::receipt::WindowKey &key,
    const QString &decision = QStringLiteral("accept"))
{
    ow::receipt::ReceiptDocument d;
    d.kind = decision == QLatin1String("refuse") ? ow::receipt::DocumentKind::RefusalNotice
                                                 : ow::receipt::DocumentKind::Receipt;
    d.caseId = caseId;
    d.caseNumber = number;
    d.issuedAt = QDateTime(QDate(2026, 11, 27), QTime(1, 31, 3), Qt::UTC);
    auto frozen = ow::receipt::ReceiptDocument::fromJson(d.toJson(false));
    if (!frozen)
        qFatal("document: %s", qPrintable(frozen.error()));
    d = frozen.value();
    ow::receipt::QrPayload qr = ow::receipt::QrPayload::forDocument(d, key.keyId());
    const auto signature = key.sign(qr.signedPart());
    if (!signature)
        qFatal("sign: %s", qPrintable(signature.error()));
    qr.signature = signature.value();
    d.qrPayload = qr.encode();
    return {{QStringLiteral("decision"), decision}, {QStringLiteral("refusalReason"), QString()},
        {QStringLiteral("digest"), QString::fromLatin1(d.digest().toHex())}, {QStringLiteral("document"), d.toJson()}};
}

} // namespace signedentries
