#include "onewindow/ui/SyncStatusWidget.h"

#include "onewindow/sync/SyncService.h"
#include "ui_SyncStatusWidget.h"

#include <QEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QSet>

namespace ow::ui {

SyncStatusWidget::SyncStatusWidget(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SyncStatusWidget>())
{
    m_ui->setupUi(this);
    refresh();
}

SyncStatusWidget::~SyncStatusWidget() = default;

void SyncStatusWidget::attach(sync::SyncService *engine)
{
    m_configured = engine != nullptr;
    if (engine) {
        connect(engine, &sync::SyncService::statusChanged, this, &SyncStatusWidget::setStatus);
        m_status = engine->status();
    }
    refresh();
}

void SyncStatusWidget::setStatus(const ow::sync::SyncStatus &status)
{
    m_configured = true;
    m_status = status;
    refresh();
}

QString SyncStatusWidget::text() const
{
    return m_ui->textLabel->text();
}

bool SyncStatusWidget::progressVisible() const
{
    return !m_ui->blobProgress->isHidden();
}

SyncStatusWidget::Line SyncStatusWidget::describe(const ow::sync::SyncStatus &status, bool configured)
{
    using State = sync::SyncStatus::State;
    QString line;
    QString colour = QStringLiteral("#1b7f3b");
    bool progress = false;
    QSet<QString> conflictCases;
    for (const sync::SyncConflict &c : status.conflicts)
        conflictCases.insert(c.caseId);
    const int conflicts = int(conflictCases.size());
    if (!configured) {
        line = tr("No back office set");
        colour = QStringLiteral("#808080");
    } else if (status.state == State::Offline) {
        line = status.offlineSince.isValid()
            ? tr("Offline since %1").arg(QLocale().toString(status.offlineSince.toLocalTime(), QLocale::ShortFormat))
            : tr("Offline");
        colour = QStringLiteral("#808080");
    } else if (status.state == State::Error) {
        line = status.lastError.isEmpty() ? tr("Sync error") : tr("Sync error: %1").arg(status.lastError);
        colour = QStringLiteral("#b00020");
    } else if (conflicts > 0) {
        // A conflict stops its case until a person looks at it: never shown as "syncing".
        line = tr("Sync conflict in %n case(s)", nullptr, conflicts);
        colour = QStringLiteral("#b00020");
    } else if (status.state == State::Syncing) {
        line = tr("Syncing %n entry(ies)", nullptr, status.pendingEntries);
        if (status.pendingBlobs > 0)
            line =
                tr("%1 %2", "syncing N entries (N files)").arg(line, tr("(%n file(s))", nullptr, status.pendingBlobs));
        colour = QStringLiteral("#1565c0");
        progress = status.blobBytesTotal > 0;
    } else {
        line = tr("Online");
    }
    return {line, colour, progress};
}

void SyncStatusWidget::refresh()
{
    const Line line = describe(m_status, m_configured);
    m_ui->textLabel->setText(
        m_configured && !m_status.conflicts.isEmpty() ? tr("%1, click to see").arg(line.text) : line.text);
    const QString style = QStringLiteral("color: %1;").arg(line.colour);
    if (m_ui->markLabel->styleSheet() != style) // a style sheet re-polishes: only when it changes
        m_ui->markLabel->setStyleSheet(style);
    m_ui->blobProgress->setVisible(line.progress);
    if (line.progress) {
        // Per mille: QProgressBar takes int, a blob may be larger than 2 GB.
        m_ui->blobProgress->setRange(0, 1000);
        m_ui->blobProgress->setValue(int(1000 * m_status.blobBytesDone / std::max<qint64>(1, m_status.blobBytesTotal)));
    }
    QString tip = tr("Sync with the back office (Ctrl+Shift+Y shows the details)");
    if (m_configured && !m_status.lastError.isEmpty())
        tip += QLatin1Char('\n') + tr("Last error: %1").arg(m_status.lastError);
    setToolTip(tip);
}

void SyncStatusWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        Q_EMIT activated();
    QWidget::mouseReleaseEvent(event);
}

void SyncStatusWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        refresh();
    }
    QWidget::changeEvent(event);
}

} // namespace ow::ui
