#pragma once

#include "onewindow/core/Clock.h"
#include "onewindow/queue/Category.h"
#include "onewindow/queue/HallSettings.h"
#include "onewindow/sync/QueueService.h"
#include "onewindow/sync/StationQueueJournal.h"

#include <QList>
#include <QString>

#include <functional>

namespace ow::store {
class Store;
}

namespace ow::sync {

// QueueService at a township station: its own queue in its store (StationQueueJournal), decided by
// the same QueueRules as the back office's, with the station's own ticket prefix ("Z001"), working
// with no network at all. Its hall is the station itself (its window key id, e.g. 330106-S07): the
// station's window serves every category. Every ticket and event is committed before its answer
// (a restart loses nothing) and waits in the store until the sync engine pushes it
// (SyncConfig::stationWindow → POST /v1/windows/{window}/tickets). `changed` is emitted after each
// write, for the engine's kick(). Answers come as queued signals, as from RemoteQueueService.
class LocalQueueService final : public QueueService
{
    Q_OBJECT

public:
    LocalQueueService(store::Store &store, QString window, QString prefix, const Clock &clock = Clock::system(),
        QObject *parent = nullptr);

    // The categories (from the catalogue's matter groups: queue::categoriesFromGroups) and the
    // settings; until the catalogue is there the station has none and issue() says so.
    void setCategories(const QList<queue::Category> &categories) { m_categories = categories; }
    QList<queue::Category> categories() const { return m_categories; }
    void setSettings(const queue::HallSettings &settings) { m_settings = settings; }
    void setClerk(const QString &clerk) { m_clerk = clerk; }
    QString prefix() const { return m_prefix; }
    // The ticket prefix a station uses: one upper-case Latin letter, or none.
    static bool isValidPrefix(const QString &prefix);

    void refresh() override;
    void callNext() override;
    void act(const QString &ticketId, Action action, const ActionArgs &args = {}) override;
    void issue(const QString &category, ow::queue::Priority priority, const QString &caseNumber = {}) override;
    // A station takes no appointments: always noAppointment.
    void checkIn(const QString &idNumber, ow::queue::Priority priority) override;

    // The snapshot now, read from the store (what refresh() emits).
    [[nodiscard]] Result<queue::QueueSnapshot> snapshot() const;

    // The event kind an action writes (served, recalled …).
    static QString eventKind(Action action);

Q_SIGNALS:
    // A ticket or an event was committed: the sync engine has something to push.
    void changed();

private:
    void later(std::function<void()> f);
    void fail(const QString &message);
    void commit(const Result<queue::Ticket> &after, const QString &kind, const QJsonObject &data);
    QStringList categoryCodes() const;

    store::Store &m_store;
    StationQueueJournal m_journal;
    QString m_window;
    QString m_prefix;
    const Clock &m_clock;
    QList<queue::Category> m_categories;
    queue::HallSettings m_settings;
    QString m_clerk;
};

} // namespace ow::sync
