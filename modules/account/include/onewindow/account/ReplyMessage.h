#pragma once

#include <QCoreApplication>
#include <QString>

class QNetworkReply;

namespace ow::account {

// What went wrong with a request to the back office, in the clerk's words.
class ReplyMessage
{
    Q_DECLARE_TR_FUNCTIONS(ReplyMessage)

public:
    // True when the back office was not reached at all (no network, refused, timed out, TLS):
    // the request may be answered offline instead.
    static bool unreachable(const QNetworkReply *reply);
    // The message for a reply without a usable answer: the network error, or the server's
    // {"error", "message"} body with its status.
    static QString describe(QNetworkReply *reply, const QByteArray &body);
    // The "error" code of a {"error", "message"} body ("" if none).
    static QString errorCode(const QByteArray &body);
};

} // namespace ow::account
