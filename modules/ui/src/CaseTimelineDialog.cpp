#include "onewindow/ui/CaseTimelineDialog.h"

#include "onewindow/intake/CaseService.h"
#include "onewindow/intake/CaseTimeline.h"
#include "onewindow/sync/SyncJournal.h"
#include "onewindow/sync/SyncService.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/HandoutDialog.h"
#include "onewindow/ui/RatingDesk.h"
#include "onewindow/ui/SupplementDialog.h"
#include "ui_CaseTimelineDialog.h"

#include <QEvent>
#include <QHeaderView>
#include <QLocale>
#include <QPointer>
#include <QScrollBar>

namespace ow::ui {

namespace {

constexpr int kMaxShortRows = 6; // items and supplements shown before their list scrolls

QString itemState(const intake::CaseItem &c)
{
    const QString &s = c.state;
    if (s == QLatin1String("routed"))
        return CaseTimelineDialog::tr("with the department");
    if (s == QLatin1String("supplement"))
        return CaseTimelineDialog::tr("asks for a supplement: %1").arg(c.detail);
    if (s == QLatin1String("supplemented"))
        return CaseTimelineDialog::tr("supplement taken in, with the department again");
    if (s == QLatin1String("approved"))
        return CaseTimelineDialog::tr("approved, result being prepared");
    if (s == QLatin1String("ready"))
        return CaseTimelineDialog::tr("result ready: %1").arg(c.given);
    if (s == QLatin1String("rejected"))
        return CaseTimelineDialog::tr("rejected: %1").arg(c.detail);
    if (s == QLatin1String("handedOut"))
        return CaseTimelineDialog::tr("handed out");
    if (s == QLatin1String("dispatched"))
        return CaseTimelineDialog::tr("sent by courier");
    return s;
}

void fill(QTableWidget *table, const QStringList &headers, const QList<QStringList> &rows)
{
    table->clear();
    table->setColumnCount(int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows.at(r).size(); ++c)
            table->setItem(r, c, new QTableWidgetItem(rows.at(r).at(c)));
    }
    // Each column as wide as its words, the last one taking the rest of the width.
    QHeaderView *header = table->horizontalHeader();
    for (int c = 0; c < table->columnCount(); ++c)
        header->setSectionResizeMode(
            c, c + 1 < table->columnCount() ? QHeaderView::ResizeToContents : QHeaderView::Stretch);
    table->resizeRowsToContents();
}

// A short list (a case's items, its open supplements) as tall as its rows, up to `maxRows`
// (then it scrolls): one item is one line under its header, not a box as tall as the timeline.
void fitRows(QTableWidget *table, int maxRows)
{
    int height = table->horizontalHeader()->sizeHint().height() + 2 * table->frameWidth();
    for (int r = 0; r < table->rowCount() && r < maxRows; ++r)
        height += table->rowHeight(r);
    if (table->rowCount() > maxRows && table->horizontalScrollBar()->isVisible())
        height += table->horizontalScrollBar()->sizeHint().height();
    table->setFixedHeight(height);
}

} // namespace

CaseTimelineDialog::CaseTimelineDialog(const ClientContext &context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_ui(std::make_unique<Ui::CaseTimelineDialog>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("caseTimelineDialog"));
    for (QTableWidget *t : {m_ui->itemsTable, m_ui->tasksTable, m_ui->eventsTable})
        t->verticalHeader()->hide();
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::close);
    connect(m_ui->reprintButton, &QPushButton::clicked, this, [this] { Q_EMIT reprintRequested(caseId()); });
    connect(m_ui->supplementButton, &QPushButton::clicked, this, [this] {
        if (SupplementDialog *d = openSupplement())
            d->show();
    });
    connect(m_ui->handoutButton, &QPushButton::clicked, this, [this] {
        if (HandoutDialog *d = openHandout())
            d->show();
    });
    // A department's word arriving while the case is open.
    if (context.sync) {
        connect(context.sync, &sync::SyncService::eventsApplied, this, [this] {
            if (isVisible() && m_service)
                refresh();
        });
    }
}

CaseTimelineDialog::~CaseTimelineDialog() = default;

QString CaseTimelineDialog::caseId() const
{
    return m_service ? m_service->caseId() : QString();
}

QString CaseTimelineDialog::open(const QString &caseId)
{
    if (!m_context.catalog || !m_context.store || !m_context.key)
        return tr("The catalogue or the local store is not available.");
    auto service = std::make_unique<intake::CaseService>(
        *m_context.catalog, m_context.calendar, *m_context.clock, *m_context.store, *m_context.key, m_context.window);
    if (const QString err = service->open(caseId, sync::SyncJournal(*m_context.store).remote(caseId)); !err.isEmpty())
        return err;
    m_service = std::move(service);
    m_ui->messageLabel->clear();
    m_done = Done::Nothing;
    refresh();
    return {};
}

void CaseTimelineDialog::refresh()
{
    if (!m_service)
        return;
    intake::CaseService &s = *m_service;
    const QJsonObject remote = sync::SyncJournal(*m_context.store).remote(s.caseId());
    s.setRemote(remote);
    const intake::CaseState &state = s.state();
    setWindowTitle(tr("Case %1").arg(s.caseNumber()));
    const QString applicant = state.applicant
        ? state.applicant->maskedName() + QLatin1Char(' ') + state.applicant->maskedNumber()
        : QString();
    const QString matter = state.document && !state.document->matters.isEmpty()
        ? state.document->matters.constFirst().name
            + (state.document->matters.size() > 1 ? tr(" and %n more", nullptr, int(state.document->matters.size() - 1))
                                                  : QString())
        : QString();
    m_ui->caseLabel->setText(QStringLiteral("%1 · %2 · %3").arg(s.caseNumber(), applicant, matter));

    const int visits = s.visitsUntilResult();
    const QString oneVisit = visits <= 1 ? tr("at most one visit: met") : tr("at most one visit: not met");
    QString line = tr("The applicant came %n time(s) until the result (%1)", nullptr, visits).arg(oneVisit);
    if (s.pickups() > 0)
        line += tr("; collected in person (%n pickup visit(s))", nullptr, s.pickups());
    else if (std::any_of(s.entries().cbegin(), s.entries().cend(),
                 [](const store::LogEntry &e) { return e.kind == QLatin1String("dispatched"); }))
        line += tr("; sent by courier: no pickup visit");
    const QString ready = s.readyForHandout();
    line = ready.isEmpty() ? tr("%1. Ready for hand-out (待出件).").arg(line) : tr("%1. %2").arg(line, ready);
    m_ui->visitsLabel->setText(line);

    QList<QStringList> rows;
    for (const intake::CaseItem &c : s.items()) {
        rows << QStringList {c.matter, c.department, itemState(c),
            c.at.isValid() ? QLocale().toString(c.at.toLocalTime(), QLocale::ShortFormat) : QString()};
    }
    fill(m_ui->itemsTable, {tr("Matter"), tr("Department"), tr("State"), tr("Since")}, rows);
    fitRows(m_ui->itemsTable, kMaxShortRows);
    m_ui->itemsTitle->setVisible(!rows.isEmpty());
    m_ui->itemsTable->setVisible(!rows.isEmpty());

    rows.clear();
    const QList<intake::SupplementTask> tasks = s.tasks();
    for (const intake::SupplementTask &t : tasks) {
        const QString due = t.due.isValid() ? QLocale().toString(t.due, QLocale::ShortFormat) : QString();
        rows << QStringList {t.what,
            t.source == intake::SupplementTask::Source::Department ? t.department : tr("容缺 (accepted on commitment)"),
            t.overdue ? tr("%1 — overdue").arg(due) : due};
    }
    fill(m_ui->tasksTable, {tr("What to bring"), tr("Asked by"), tr("Due")}, rows);
    for (int r = 0; r < tasks.size(); ++r) {
        if (tasks.at(r).overdue)
            m_ui->tasksTable->item(r, 2)->setForeground(QColor(0xb0, 0x00, 0x20));
    }
    fitRows(m_ui->tasksTable, kMaxShortRows);
    m_ui->tasksTitle->setVisible(!tasks.isEmpty());
    m_ui->tasksTable->setVisible(!tasks.isEmpty());

    rows.clear();
    for (const intake::TimelineEvent &e : intake::CaseTimeline::build(s.entries(), remote, m_context.catalog)) {
        rows << QStringList {e.at.isValid() ? QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat) : QString(),
            e.what, e.where, e.who};
    }
    fill(m_ui->eventsTable, {tr("When"), tr("What"), tr("Window or department"), tr("Clerk")}, rows);

    m_ui->supplementButton->setEnabled(!tasks.isEmpty());
    m_ui->handoutButton->setEnabled(ready.isEmpty());
    m_ui->handoutButton->setToolTip(ready);
}

SupplementDialog *CaseTimelineDialog::openSupplement()
{
    if (!m_service)
        return nullptr;
    if (m_service->tasks().isEmpty()) {
        report(tr("Case %1 has no supplement to take in.").arg(m_service->caseNumber()));
        return nullptr;
    }
    delete m_supplement;
    m_supplement = new SupplementDialog(m_context, *m_service, this);
    connect(m_supplement, &SupplementDialog::takenIn, this, [this] { afterService(QStringLiteral("supplement")); });
    return m_supplement;
}

HandoutDialog *CaseTimelineDialog::openHandout()
{
    if (!m_service)
        return nullptr;
    if (const QString why = m_service->readyForHandout(); !why.isEmpty()) {
        report(why);
        return nullptr;
    }
    delete m_handout;
    m_handout = new HandoutDialog(m_context, *m_service, this);
    connect(m_handout, &HandoutDialog::delivered, this, [this] { afterService(QStringLiteral("handout")); });
    return m_handout;
}

void CaseTimelineDialog::afterService(const QString &service)
{
    refresh();
    // Said again in the language installed later (changeEvent).
    m_done = service == QLatin1String("supplement") ? Done::Supplement : Done::Handout;
    report({}, doneText());
    Q_EMIT caseChanged(caseId());
    // The applicant rates what was just done, on their own screen (好差评), sealed for the back
    // office; on a second screen the clerk goes on meanwhile, so the choice may come when this
    // window shows another case (or none): then it goes to the rated case's log on its own.
    if (!m_context.ratings || m_context.keys.ratingKey().isEmpty())
        return;
    const QString id = caseId();
    const QString err = m_context.ratings->ask(id, service, m_context.keys.ratingKey(), this,
        [this, id, context = &m_context, guard = QPointer<CaseTimelineDialog>(this)](const QJsonObject &payload) {
            if (!guard || !m_service || m_service->caseId() != id)
                return RatingDesk::recordOn(*context, id, payload);
            const QString written = m_service->recordRating(payload);
            if (written.isEmpty() && m_context.sync)
                m_context.sync->kick();
            refresh();
            return written;
        });
    if (!err.isEmpty())
        report(err);
}

QString CaseTimelineDialog::doneText() const
{
    switch (m_done) {
    case Done::Supplement: return tr("Supplement taken in.");
    case Done::Handout: return tr("Handed out.");
    case Done::Nothing: break;
    }
    return {};
}

void CaseTimelineDialog::report(const QString &error, const QString &success)
{
    if (!error.isEmpty() || success != doneText())
        m_done = Done::Nothing;
    m_ui->messageLabel->setText(error.isEmpty() ? success : error);
    m_ui->messageLabel->setStyleSheet(
        error.isEmpty() ? QStringLiteral("color:#1b7f3b;") : QStringLiteral("color:#b00020; font-weight:bold;"));
}

void CaseTimelineDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        refresh();
        if (m_done != Done::Nothing)
            report({}, doneText());
    }
    QDialog::changeEvent(event);
}

} // namespace ow::ui
