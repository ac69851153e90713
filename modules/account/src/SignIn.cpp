#include "onewindow/account/SignIn.h"

#include "onewindow/account/ReplyMessage.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>

namespace ow::account {

namespace {

constexpr int kMaxWaitSeconds = 300;

} // namespace

SignIn::SignIn(QString dataDir, QString windowKeyId, QUrl backOffice, QObject *parent)
    : QObject(parent)
    , m_dataDir(std::move(dataDir))
    , m_windowKeyId(std::move(windowKeyId))
    , m_backOffice(std::move(backOffice))
    , m_nam(new QNetworkAccessManager(this))
{
    qRegisterMetaType<ow::account::SignInOutcome>();
    qRegisterMetaType<ow::account::ClerkCredentials>();
}

SignIn::~SignIn()
{
    if (m_reply)
        m_reply->abort();
}

int SignIn::waitSeconds(const QString &name) const
{
    QDateTime until = OfflineVerifier(m_dataDir, m_iterations).blockedUntil(name);
    const auto it = m_blockedUntil.constFind(name);
    if (it != m_blockedUntil.constEnd() && (!until.isValid() || *it > until))
        until = *it;
    if (!until.isValid())
        return 0;
    const qint64 ms = m_clock().msecsTo(until);
    return ms <= 0 ? 0 : int((ms + 999) / 1000);
}

void SignIn::clearFailures(const QString &name)
{
    m_failures.remove(name);
    m_blockedUntil.remove(name);
    const OfflineVerifier verifier(m_dataDir, m_iterations);
    if (verifier.failures(name) > 0)
        verifier.recordFailures(name, 0, QDateTime());
}

void SignIn::finish(const SignInOutcome &outcome)
{
    QTimer::singleShot(0, this, [this, outcome] { Q_EMIT finished(outcome); });
}

void SignIn::finishAccepted(const SignInOutcome &outcome, const QString &password)
{
    if (outcome.ok)
        QTimer::singleShot(
            0, this, [this, credentials = ClerkCredentials {outcome.user, password, outcome.token, outcome.offline}] {
                Q_EMIT accepted(credentials);
            });
    finish(outcome);
}

SignInOutcome SignIn::wrongPassword(const QString &name, const QString &message)
{
    const OfflineVerifier verifier(m_dataDir, m_iterations);
    const int count = std::max(m_failures.value(name), verifier.failures(name)) + 1;
    m_failures.insert(name, count);
    const int wait = std::min(1 << std::min(count - 1, 16), kMaxWaitSeconds);
    m_blockedUntil.insert(name, m_clock().addSecs(wait));
    verifier.recordFailures(name, count, m_blockedUntil.value(name));
    SignInOutcome o;
    o.user = name;
    o.waitSeconds = wait;
    o.message = message.isEmpty() ? tr("Wrong name or password; try again in %n s.", nullptr, wait) : message;
    return o;
}

SignInOutcome SignIn::verifyOffline(const QString &name, const QString &password)
{
    const SignInOutcome o = offline(name.trimmed(), password, QString());
    if (o.ok)
        Q_EMIT accepted(ClerkCredentials {o.user, password, QString(), true});
    return o;
}

SignInOutcome SignIn::offline(const QString &name, const QString &password, const QString &why)
{
    SignInOutcome o;
    o.user = name;
    o.offline = true;
    const int wait = waitSeconds(name);
    if (wait > 0) {
        o.waitSeconds = wait;
        o.message = tr("Too many wrong passwords; try again in %n s.", nullptr, wait);
        return o;
    }
    const OfflineVerifier verifier(m_dataDir, m_iterations);
    switch (verifier.check(name, m_windowKeyId, password)) {
    case OfflineVerifier::Check::Match:
        clearFailures(name);
        o.ok = true;
        o.message = why;
        return o;
    case OfflineVerifier::Check::Wrong: {
        SignInOutcome w = wrongPassword(name, QString());
        w.offline = true;
        return w;
    }
    case OfflineVerifier::Check::Unknown: break;
    }
    o.message = why.isEmpty() ? tr("%1 has not signed in at this window while the back office was reachable, "
                                   "so there is nothing to check the password against offline.")
                                    .arg(name)
                              : tr("%1\n%2 has not signed in at this window online yet; the first sign-in needs "
                                   "the back office.")
                                    .arg(why, name);
    return o;
}

void SignIn::start(const QString &rawName, const QString &password)
{
    if (busy())
        return;
    const QString name = rawName.trimmed();
    SignInOutcome o;
    o.user = name;
    if (name.isEmpty() || password.isEmpty()) {
        o.message = tr("Enter your name and password.");
        return finish(o);
    }
    const int wait = waitSeconds(name);
    if (wait > 0) {
        o.waitSeconds = wait;
        o.message = tr("Too many wrong passwords; try again in %n s.", nullptr, wait);
        return finish(o);
    }
    if (m_backOffice.isEmpty())
        return finishAccepted(offline(name, password, tr("This window has no back office.")), password);
    m_name = name;
    m_password = password;
    QUrl url = m_backOffice;
    url.setPath(m_backOffice.path() + QStringLiteral("/v1/sessions"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(m_timeoutMs);
    const QJsonObject body {{QStringLiteral("name"), name}, {QStringLiteral("password"), password}};
    m_reply = m_nam->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(m_reply, &QNetworkReply::finished, this, &SignIn::answered);
}

void SignIn::answered()
{
    QNetworkReply *reply = m_reply;
    m_reply.clear();
    reply->deleteLater();
    const QString name = m_name;
    const QString password = m_password;
    m_password.clear();
    const QByteArray body = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    SignInOutcome o;
    o.user = name;
    if (ReplyMessage::unreachable(reply))
        return finishAccepted(offline(name, password, ReplyMessage::describe(reply, body)), password);
    if (status == 401)
        return finish(wrongPassword(name, QString()));
    if (status == 429) {
        const int wait = std::clamp(reply->rawHeader("Retry-After").toInt(), 1, kMaxWaitSeconds);
        m_blockedUntil.insert(name, m_clock().addSecs(wait));
        o.waitSeconds = wait;
        o.message = tr("Too many wrong passwords; try again in %n s.", nullptr, wait);
        return finish(o);
    }
    // A back office that is there but broken (5xx) is as good as out of reach; any other answer
    // (a wrong address, a refusal) is said as it is.
    if (status >= 500)
        return finishAccepted(offline(name, password, ReplyMessage::describe(reply, body)), password);
    if (status != 201) {
        o.message = ReplyMessage::describe(reply, body);
        return finish(o);
    }
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    const QJsonObject user = answer.value(QLatin1String("user")).toObject();
    o.role = user.value(QLatin1String("role")).toString();
    const QString window = user.value(QLatin1String("window")).toString();
    const bool windowRole = o.role == QLatin1String("clerk") || o.role == QLatin1String("station");
    if (windowRole && window != m_windowKeyId) {
        o.message = tr("%1 works at window %2, not at this one (%3).").arg(name, window, m_windowKeyId);
        return finish(o);
    }
    if (!windowRole && o.role != QLatin1String("supervisor") && o.role != QLatin1String("admin")) {
        o.message = tr("A %1 account does not sign in at a window.").arg(o.role);
        return finish(o);
    }
    clearFailures(name);
    o.ok = true;
    o.token = answer.value(QLatin1String("token")).toString();
    // Only the window's own people may later sign in here offline.
    if (windowRole) {
        const QString err = OfflineVerifier(m_dataDir, m_iterations).remember(name, m_windowKeyId, password);
        if (!err.isEmpty())
            o.message = err; // signed in; the offline sign-in just is not there
    }
    finishAccepted(o, password);
}

} // namespace ow::account
