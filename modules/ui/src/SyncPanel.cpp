#include "onewindow/ui/SyncPanel.h"

#include "onewindow/sync/SyncService.h"
#include "onewindow/ui/SyncStatusWidget.h"
#include "ui_SyncPanel.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QLocale>

namespace ow::ui {

namespace {

enum ConflictColumn { CaseColumn, SeqColumn, FieldsColumn, SinceColumn, ConflictColumns };

constexpr int kListed = 200; // waiting cases named in the panel

// A field of a log entry in the clerk's words, with the back office's name for the administrator.
QString fieldName(const QString &field)
{
    QString words;
    if (field == QLatin1String("at"))
        words = SyncPanel::tr("time recorded");
    else if (field == QLatin1String("clerk"))
        words = SyncPanel::tr("clerk");
    else if (field == QLatin1String("window"))
        words = SyncPanel::tr("window");
    else if (field == QLatin1String("kind"))
        words = SyncPanel::tr("kind of entry");
    else if (field.startsWith(QLatin1String("payload")))
        words = SyncPanel::tr("content");
    return words.isEmpty() ? field : SyncPanel::tr("%1 (%2)").arg(words, field);
}

// A time in an entry (UTC, ISO 8601) as the clerk reads a clock; any other value as it is.
QString readable(const QString &value)
{
    const QDateTime at = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!at.isValid() || value.size() < 19)
        return value;
    return QLocale().toString(at.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

SyncPanel::SyncPanel(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SyncPanel>())
{
    m_ui->setupUi(this);
    m_ui->conflictTable->setColumnCount(ConflictColumns);
    m_ui->conflictTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->conflictTable->horizontalHeader()->setStretchLastSection(true);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_ui->copyButton, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(details()); });
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(kRefreshMs);
    connect(&m_reloadTimer, &QTimer::timeout, this, &SyncPanel::reload);
    refresh();
}

SyncPanel::~SyncPanel() = default;

void SyncPanel::attach(sync::SyncService *sync)
{
    m_sync = sync;
    m_configured = sync != nullptr;
    if (sync) {
        // A drained backlog changes the status many times a second: the panel, while shown, reads
        // and redraws at most every kRefreshMs (the status bar follows every change).
        connect(sync, &sync::SyncService::statusChanged, this, [this] {
            if (isVisible() && !m_reloadTimer.isActive())
                m_reloadTimer.start();
        });
        connect(sync, &sync::SyncService::pendingListed, this, &SyncPanel::listed);
    }
    reload();
}

void SyncPanel::reload()
{
    if (!m_sync) {
        refresh();
        return;
    }
    m_status = m_sync->status();
    m_configured = true;
    refresh();
    // What waits to be sent (a stopped case is listed under the conflicts instead), oldest first,
    // read by the sync's worker; one reading at a time.
    if (!m_listing) {
        m_listing = true;
        m_sync->listPending(kListed);
    }
}

void SyncPanel::listed(const QStringList &cases, int total, const QString &error)
{
    m_listing = false;
    QStringList pending = cases;
    if (!error.isEmpty())
        pending = {tr("The cases waiting cannot be read: %1").arg(error)};
    else if (total > cases.size())
        pending << tr("… and %n more", nullptr, int(total - cases.size()));
    m_pending = pending;
    if (m_sync)
        m_status = m_sync->status();
    refresh();
}

void SyncPanel::setStatus(const ow::sync::SyncStatus &status, const QStringList &pendingCases)
{
    m_configured = true;
    m_status = status;
    m_pending = pendingCases;
    refresh();
}

void SyncPanel::refresh()
{
    m_ui->stateLabel->setText(tr("State: %1").arg(SyncStatusWidget::describe(m_status, m_configured).text));
    m_ui->errorLabel->setText(m_status.lastError.isEmpty() ? QString() : tr("Last error: %1").arg(m_status.lastError));
    m_ui->errorLabel->setVisible(!m_status.lastError.isEmpty());
    m_ui->pendingLabel->setText(tr("%1, %2, %3")
                                    .arg(tr("&Waiting to be sent: %n case(s)", nullptr, m_status.pendingCases),
                                        tr("%n entry(ies)", nullptr, m_status.pendingEntries),
                                        tr("%n file(s)", nullptr, m_status.pendingBlobs)));
    m_ui->pendingList->clear();
    m_ui->pendingList->addItems(m_pending);

    m_ui->conflictTable->setHorizontalHeaderLabels(
        {tr("Case number"), tr("Entry"), tr("Differs at the back office"), tr("Since")});
    m_ui->conflictTable->setRowCount(int(m_status.conflicts.size()));
    for (int row = 0; row < m_status.conflicts.size(); ++row) {
        const sync::SyncConflict &c = m_status.conflicts.at(row);
        const bool rejected = c.kind == sync::SyncConflict::Kind::Rejected;
        QString what = c.fields.isEmpty() ? tr("(the back office named no field)") : c.fields.join(QLatin1String(", "));
        if (!c.differences.isEmpty()) {
            // The difference itself: this window's value beside the back office's, field by field.
            QStringList lines;
            for (const sync::SyncConflict::Difference &d : c.differences)
                lines << tr("%1:\nhere “%2”\nat the back office “%3”")
                             .arg(fieldName(d.field), readable(d.here), readable(d.backOffice));
            what = lines.join(QLatin1Char('\n'));
        }
        if (rejected)
            what = c.message.isEmpty() ? tr("Refused by the back office") : tr("Refused: %1").arg(c.message);
        const QStringList cells {c.caseNumber.isEmpty() ? c.caseId : c.caseNumber, QString::number(c.seq), what,
            QLocale().toString(c.at.toLocalTime(), QLocale::ShortFormat)};
        for (int column = 0; column < ConflictColumns; ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(column == CaseColumn ? c.caseId
                    : column == FieldsColumn && !c.message.isEmpty() && !rejected
                    ? tr("%1\nThe back office said: %2").arg(cells.at(column), c.message)
                    : cells.at(column));
            m_ui->conflictTable->setItem(row, column, item);
        }
    }
    m_ui->conflictTable->resizeRowsToContents(); // a difference takes a line per field
    m_ui->conflictLabel->setText(m_status.conflicts.isEmpty()
            ? tr("&Conflicts: none")
            : tr("&Conflicts: the back office already holds different content for these entries. The case stops "
                 "here and nothing is changed or dropped: copy the details and give them to the back office "
                 "administrator."));
    m_ui->copyButton->setEnabled(m_configured);
}

QString SyncPanel::details() const
{
    QStringList lines;
    lines << tr("State: %1").arg(SyncStatusWidget::describe(m_status, m_configured).text);
    if (m_status.lastSuccess.isValid())
        lines << tr("Last success: %1").arg(m_status.lastSuccess.toUTC().toString(Qt::ISODate));
    if (!m_status.lastError.isEmpty())
        lines << tr("Last error: %1").arg(m_status.lastError);
    lines << tr("Waiting to be sent: %1 cases, %2 entries, %3 files")
                 .arg(m_status.pendingCases)
                 .arg(m_status.pendingEntries)
                 .arg(m_status.pendingBlobs);
    for (const QString &c : m_pending)
        lines << QStringLiteral("  ") + c;
    lines << tr("Conflicts: %1").arg(m_status.conflicts.size());
    for (const sync::SyncConflict &c : m_status.conflicts) {
        if (c.kind == sync::SyncConflict::Kind::Rejected)
            lines << tr("  case %1 (%2), entry %3, refused by the back office, since %4")
                         .arg(c.caseNumber, c.caseId)
                         .arg(c.seq)
                         .arg(c.at.toUTC().toString(Qt::ISODate));
        else
            lines << tr("  case %1 (%2), entry %3, differs in: %4, since %5")
                         .arg(c.caseNumber, c.caseId)
                         .arg(c.seq)
                         .arg(c.fields.join(QLatin1String(", ")), c.at.toUTC().toString(Qt::ISODate));
        for (const sync::SyncConflict::Difference &d : c.differences)
            lines << tr("    %1: here “%2”, at the back office “%3”").arg(d.field, d.here, d.backOffice);
        if (!c.message.isEmpty())
            lines << tr("    the back office said: %1").arg(c.message);
    }
    return lines.join(QLatin1Char('\n'));
}

void SyncPanel::showEvent(QShowEvent *event)
{
    reload();
    QDialog::showEvent(event);
}

void SyncPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        refresh();
    }
    QDialog::changeEvent(event);
}

} // namespace ow::ui
