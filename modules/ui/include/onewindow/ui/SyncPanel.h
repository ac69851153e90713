#pragma once

#include "onewindow/sync/SyncStatus.h"

#include <QDialog>
#include <QStringList>
#include <QTimer>

#include <memory>

namespace Ui {
class SyncPanel;
}

namespace ow::sync {
class SyncService;
}

namespace ow::ui {

// The sync details for the clerk: the state, what is waiting (cases, entries, files) with the
// case numbers, the last error in words, and every conflict (409) or rejected entry the engine
// recorded (case number, seq, the fields the back office named). A conflict is never resolved
// here: it stays listed until a person acts; "Copy details" puts all of it on the clipboard.
class SyncPanel : public QDialog
{
    Q_OBJECT

public:
    explicit SyncPanel(QWidget *parent = nullptr);
    ~SyncPanel() override;

    // Follows the sync (its status, and the cases waiting, which its worker reads). While shown,
    // the panel refreshes at most every kRefreshMs however often the status changes.
    void attach(sync::SyncService *sync);
    static constexpr int kRefreshMs = 300;
    // What to show; pendingCases are case numbers (or ids when a case has no number).
    void setStatus(const ow::sync::SyncStatus &status, const QStringList &pendingCases);
    // The text "Copy details" puts on the clipboard.
    QString details() const;

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void reload();
    void listed(const QStringList &cases, int total, const QString &error);
    void refresh();

    std::unique_ptr<Ui::SyncPanel> m_ui;
    sync::SyncService *m_sync = nullptr;
    QTimer m_reloadTimer; // coalesces the status changes while shown
    bool m_listing = false; // a reading of the waiting cases is on its way
    ow::sync::SyncStatus m_status;
    QStringList m_pending;
    bool m_configured = false;
};

} // namespace ow::ui
