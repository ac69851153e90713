#pragma once

#include "onewindow/sync/SyncStatus.h"

#include <QWidget>

#include <memory>

namespace Ui {
class SyncStatusWidget;
}

namespace ow::sync {
class SyncService;
}

namespace ow::ui {

// The sync indicator in the status bar: a coloured mark and one line — online, syncing N (with a
// small progress bar for the blob being uploaded), offline since …, the last error in words, a
// conflict waiting for a person — or "no back office set" when the window has none. Clicking it
// emits activated() (MainWindow opens the SyncPanel).
class SyncStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SyncStatusWidget(QWidget *parent = nullptr);
    ~SyncStatusWidget() override;

    // Follows the engine's statusChanged; nullptr: no back office is set for this window.
    void attach(sync::SyncService *engine);
    void setStatus(const ow::sync::SyncStatus &status);
    bool configured() const { return m_configured; }
    QString text() const; // what the line says, for tests
    bool progressVisible() const; // the blob progress bar is shown

    struct Line
    {
        QString text;
        QString colour;
        bool progress = false; // a blob is being uploaded
    };
    // The indicator's line for a status (the SyncPanel says the same).
    static Line describe(const ow::sync::SyncStatus &status, bool configured);

Q_SIGNALS:
    void activated();

protected:
    void changeEvent(QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void refresh();

    std::unique_ptr<Ui::SyncStatusWidget> m_ui;
    ow::sync::SyncStatus m_status;
    bool m_configured = false;
};

} // namespace ow::ui
