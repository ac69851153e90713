#include "onewindow/sync/SupervisorService.h"

#include "onewindow/sync/BackOfficeCalls.h"

#include <QUrlQuery>

#include <utility>

namespace ow::sync {

SupervisorService::SupervisorService(QUrl baseUrl, QByteArray token, QObject *parent)
    : QObject(parent)
    , m_calls(new BackOfficeCalls(std::move(baseUrl), std::move(token), this))
{ }

SupervisorService::~SupervisorService() = default;

void SupervisorService::setToken(const QByteArray &token)
{
    m_calls->setToken(token);
}

void SupervisorService::setCredentials(const QString &user, const QString &password)
{
    m_calls->setCredentials(user, password);
}

void SupervisorService::fetch(const QDate &from, const QDate &to, int offset)
{
    if (m_fetching) {
        m_next = std::make_tuple(from, to, offset);
        return;
    }
    m_from = from;
    m_to = to;
    m_offset = offset;
    sendFetch();
}

void SupervisorService::sendFetch()
{
    m_fetching = true;
    QUrlQuery query;
    if (m_from.isValid())
        query.addQueryItem(QStringLiteral("from"), m_from.toString(Qt::ISODate));
    if (m_to.isValid())
        query.addQueryItem(QStringLiteral("to"), m_to.toString(Qt::ISODate));
    if (m_offset > 0)
        query.addQueryItem(QStringLiteral("offset"), QString::number(m_offset));
    if (m_pageSize > 0)
        query.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    const auto next = [this] {
        m_fetching = false;
        if (m_next) {
            const auto [from, to, offset] = *std::exchange(m_next, std::nullopt);
            fetch(from, to, offset);
        }
    };
    m_calls->send(
        "GET", QStringLiteral("/v1/supervisor/overview"), query, {}, this,
        [this, next](int, const QJsonObject &body) {
            auto overview = SupervisorOverview::fromJson(body);
            if (overview)
                Q_EMIT overviewReady(overview.value());
            else
                Q_EMIT failed(overview.error());
            next();
        },
        [this, next](int, const QString &message) {
            Q_EMIT failed(message);
            next();
        });
}

void SupervisorService::decideAppeal(const QString &appealId, const QString &decision, const QString &note)
{
    QJsonObject body {{QStringLiteral("decision"), decision}};
    if (!note.isEmpty())
        body.insert(QStringLiteral("note"), note);
    m_calls->send(
        "POST", QStringLiteral("/v1/ratings/appeals/%1/decision").arg(appealId), {}, body, this,
        [this, appealId](int, const QJsonObject &answer) {
            Q_EMIT appealDecided(appealId, answer.value(QLatin1String("state")).toString());
        },
        [this, appealId](int, const QString &message) { Q_EMIT appealFailed(appealId, message); });
}

} // namespace ow::sync
