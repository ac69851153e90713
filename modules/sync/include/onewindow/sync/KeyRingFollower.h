#pragma once

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

class QNetworkReply;
class QTimer;

namespace ow::sync {

// The back office's key ring (GET /v1/keyring, public: every window key with its validity) for a
// hall device that has no store of its own: the kiosk checks a scanned notice or receipt QR
// against it (receipt::KeyRing). Asked at start() and every kRefreshMs after (a revocation
// reaches the kiosk within that), and again after kRetryMs when it failed. Asynchronous, with a
// transfer timeout; only a well-formed ring (TrustedKeys::check) is passed on.
class KeyRingFollower final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kTimeoutMs = 10000;
    static constexpr int kRefreshMs = 10 * 60 * 1000;
    static constexpr int kRetryMs = 30 * 1000;
    explicit KeyRingFollower(QUrl baseUrl, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    void ringReceived(const QByteArray &ring);
    void failed(const QString &message);

private:
    void fetch();
    void answered(QNetworkReply *reply);

    QNetworkAccessManager m_nam;
    QUrl m_baseUrl;
    QTimer *m_timer;
    QNetworkReply *m_reply = nullptr;
};

} // namespace ow::sync
