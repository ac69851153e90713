#pragma once

#include "onewindow/sync/SupervisorOverview.h"

#include <QByteArray>
#include <QDate>
#include <QObject>
#include <QUrl>

#include <optional>
#include <tuple>

namespace ow::sync {

class BackOfficeCalls;

// The 督办 section's link to the back office: the supervisor's overview in one request per
// refresh (GET /v1/supervisor/overview?from&to) and an appeal's decision (POST
// /v1/ratings/appeals/{id}/decision), as the signed-in supervisor (BackOfficeCalls: off the GUI
// thread, with a timeout, signing in again on 401). A refresh asked for while one is on its way
// is sent when that one ends (with the newest period), never two at once.
class SupervisorService final : public QObject
{
    Q_OBJECT

public:
    SupervisorService(QUrl baseUrl, QByteArray token, QObject *parent = nullptr);
    ~SupervisorService() override;

    void setToken(const QByteArray &token);
    void setCredentials(const QString &user, const QString &password);

    // The overview of the period from..to (the centre's days; invalid dates: today), the page of
    // windows from `offset` on (the back office's order: those that need attention first).
    void fetch(const QDate &from, const QDate &to, int offset = 0);
    // Windows per page (0: the back office's default, 100).
    void setPageSize(int windows) { m_pageSize = windows; }
    bool fetching() const { return m_fetching; }
    // "upheld" (the rating stands) or "removed".
    void decideAppeal(const QString &appealId, const QString &decision, const QString &note);

Q_SIGNALS:
    void overviewReady(const ow::sync::SupervisorOverview &overview);
    // The refresh failed: unreachable, refused (403: not a supervisor), or not understood.
    void failed(const QString &message);
    void appealDecided(const QString &appealId, const QString &state);
    void appealFailed(const QString &appealId, const QString &message);

private:
    void sendFetch();

    BackOfficeCalls *m_calls;
    bool m_fetching = false;
    std::optional<std::tuple<QDate, QDate, int>> m_next;
    QDate m_from;
    QDate m_to;
    int m_offset = 0;
    int m_pageSize = 0;
};

} // namespace ow::sync
