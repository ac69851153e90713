#pragma once

#include "onewindow/sync/SyncStatus.h"

#include <QDialog>
#include <QStringList>

#include <memory>

namespace Ui {
class SyncPanel;
}

namespace ow::store {
class Store;
}
namespace ow::sync {
class SyncEngine;
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

    // Follows the engine (its status and its journal's pending cases); the store names the cases.
    void attach(sync::SyncEngine *engine, store::Store *store);
    // What to show; pendingCases are case numbers (or ids when a case has no number).
    void setStatus(const ow::sync::SyncStatus &status, const QStringList &pendingCases);
    // The text "Copy details" puts on the clipboard.
    QString details() const;

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void reload();
    void refresh();

    std::unique_ptr<Ui::SyncPanel> m_ui;
    sync::SyncEngine *m_engine = nullptr;
    store::Store *m_store = nullptr;
    ow::sync::SyncStatus m_status;
    QStringList m_pending;
    bool m_configured = false;
};

} // namespace ow::ui
