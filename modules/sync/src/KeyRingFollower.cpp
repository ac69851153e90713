#include "onewindow/sync/KeyRingFollower.h"

#include "onewindow/sync/TrustedKeys.h"

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace ow::sync {

KeyRingFollower::KeyRingFollower(QUrl baseUrl, QObject *parent)
    : QObject(parent)
    , m_baseUrl(std::move(baseUrl))
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &KeyRingFollower::fetch);
}

void KeyRingFollower::start()
{
    fetch();
}

void KeyRingFollower::fetch()
{
    if (m_reply)
        return;
    QUrl url = m_baseUrl;
    url.setPath(QStringLiteral("/v1/keyring"));
    QNetworkRequest request(url);
    request.setTransferTimeout(kTimeoutMs);
    m_reply = m_nam.get(request);
    connect(m_reply, &QNetworkReply::finished, this, [this, reply = m_reply] { answered(reply); });
}

void KeyRingFollower::answered(QNetworkReply *reply)
{
    reply->deleteLater();
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QString problem;
    QByteArray ring;
    if (reply->error() != QNetworkReply::NoError && status == 0) {
        problem = reply->errorString();
    } else if (status != 200) {
        problem = tr("The back office answered %1 for its key ring.").arg(status);
    } else {
        ring = reply->readAll();
        problem = TrustedKeys::check(ring);
    }
    if (!problem.isEmpty()) {
        m_timer->start(kRetryMs);
        Q_EMIT failed(problem);
        return;
    }
    m_timer->start(kRefreshMs);
    Q_EMIT ringReceived(ring);
}

} // namespace ow::sync
