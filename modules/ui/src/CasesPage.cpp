#include "onewindow/ui/CasesPage.h"

#include "onewindow/core/CreditCode.h"
#include "onewindow/core/IdNumber.h"
#include "onewindow/intake/CaseService.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/receipt/EscPosReceipt.h"
#include "onewindow/receipt/PdfRenderer.h"
#include "onewindow/receipt/QrPayload.h"
#include "onewindow/store/CaseRepository.h"
#include "onewindow/sync/SyncJournal.h"
#include "onewindow/sync/SyncService.h"
#include "onewindow/ui/CaseListModel.h"
#include "onewindow/ui/CaseTimelineDialog.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/CounterDevices.h"
#include "onewindow/ui/DocumentView.h"
#include "onewindow/ui/HandoutDialog.h"
#include "onewindow/ui/SupplementDialog.h"
#include "ui_CasesPage.h"

#include <QDialog>
#include <QEvent>
#include <QHeaderView>
#include <QMenu>
#include <QVBoxLayout>

namespace ow::ui {

namespace {

bool isQr(const QString &text)
{
    return text.startsWith(QLatin1String("OW2;")) || text.startsWith(QLatin1String("OW1;"));
}

// An exact ID number or unified social credit code: found by the store's blind index.
QString identityNumberOf(const QString &text)
{
    const QString t = text.trimmed().toUpper();
    if (t.size() != 18)
        return {};
    if (const auto id = IdNumber::parse(t))
        return id->number();
    if (CreditCode::parse(t))
        return t;
    return {};
}

} // namespace

CasesPage::CasesPage(const ClientContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_ui(std::make_unique<Ui::CasesPage>())
    , m_model(new CaseListModel(this))
{
    m_ui->setupUi(this);
    m_ui->caseTable->setModel(m_model);
    m_ui->caseTable->verticalHeader()->hide();
    m_ui->caseTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->caseTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // At 1366 px the departments' words (the last, stretched column, in full as a tool tip) keep about 260 px.
    m_ui->caseTable->setColumnWidth(CaseListModel::Number, 200);
    m_ui->caseTable->setColumnWidth(CaseListModel::Applicant, 170);
    m_ui->caseTable->setColumnWidth(CaseListModel::Matter, 170);
    m_ui->caseTable->setColumnWidth(CaseListModel::Status, 90);
    m_ui->caseTable->setColumnWidth(CaseListModel::Visits, 60);
    m_ui->caseTable->setColumnWidth(CaseListModel::Promised, 100);
    m_ui->caseTable->setColumnWidth(CaseListModel::Sync, 160);
    // A long status or 部门办理 text wraps within its row rather than being cut ("…").
    m_ui->caseTable->setWordWrap(true);
    m_ui->caseTable->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->emptyLabel->hide();
    m_ui->heldLabel->hide();
    // Nothing is read from the store until the section is shown (see showEvent).
    connect(m_ui->caseSearchEdit, &QLineEdit::textChanged, this, [this] {
        if (isVisible())
            refresh();
    });
    connect(m_ui->caseTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CasesPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CasesPage::updateButtons);
    // A hold (or its end) arriving while its case is selected.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &CasesPage::updateButtons);
    const auto reprint = [this] {
        const QString err = reprintSelected();
        if (!err.isEmpty())
            report(err);
    };
    connect(m_ui->reprintButton, &QPushButton::clicked, this, reprint);
    // Double-click or Enter: the case's own window (its timeline), where a reprint is one action.
    connect(m_ui->caseTable, &QAbstractItemView::activated, this, [this] {
        const QString err = openSelected();
        if (!err.isEmpty())
            report(err);
    });
    m_ui->caseTable->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_ui->caseTable, &QWidget::customContextMenuRequested, this, &CasesPage::contextMenu);
    // A receipt's or notice's QR scanned while the list is on screen finds its case.
    if (context.devices) {
        connect(context.devices, &CounterDevices::scanned, this, [this](const QString &text) {
            if (isVisible())
                find(text);
        });
    }
    // A confirmation from the back office turns 待同步 into 已确认 while the list is open.
    if (context.sync) {
        const auto refreshSync = [this] {
            if (isVisible())
                m_model->refreshSync();
        };
        connect(context.sync, &sync::SyncService::eventsApplied, this, refreshSync);
        connect(context.sync, &sync::SyncService::drained, this, refreshSync);
    }
}

CasesPage::~CasesPage() = default;

int CasesPage::caseCount() const
{
    return m_model->rowCount();
}

void CasesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        if (isVisible())
            refresh();
    }
    QWidget::changeEvent(event);
}

void CasesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh(); // the first page only; the intake screen may have changed cases since
}

void CasesPage::refresh()
{
    const QString text = m_ui->caseSearchEdit->text().trimmed();
    QString prefix = text.toUpper();
    if (isQr(text)) {
        // Only a genuine QR (the key ring, with revoked keys' validity) finds a case.
        const auto verified = m_context.keys.check(text);
        if (!verified) {
            report(tr("This QR code is refused: %1").arg(verified.error()));
            m_model->setRows(m_context.store, m_context.catalog, {});
            m_ui->emptyLabel->setVisible(true);
            return;
        }
        prefix = verified->payload.caseNumber;
    } else if (const QString id = identityNumberOf(text); !id.isEmpty() && m_context.store) {
        m_model->setRows(m_context.store, m_context.catalog,
            store::CaseRepository(*m_context.store).findByIdNumber(m_context.window.windowCode, id));
        m_ui->emptyLabel->setVisible(m_model->rowCount() == 0);
        return;
    }
    m_model->reset(m_context.store, m_context.catalog, m_context.window.windowCode, prefix);
    m_ui->emptyLabel->setVisible(m_model->rowCount() == 0);
}

void CasesPage::find(const QString &text)
{
    const QString t = text.trimmed();
    m_ui->caseSearchEdit->setText(t); // refresh() lists what it finds
    if (!isVisible())
        refresh();
    if (!isQr(t))
        return;
    const auto verified = m_context.keys.check(t);
    if (!verified)
        return; // refused, the reason shown by refresh()
    const QString err = openCase(verified->payload.caseId);
    report(err, tr("Case %1 found by its QR code.").arg(verified->payload.caseNumber));
}

QString CasesPage::message() const
{
    return m_ui->messageLabel->text();
}

const store::CaseRecord *CasesPage::selected() const
{
    const QModelIndexList rows = m_ui->caseTable->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->caseAt(rows.first().row());
}

QString CasesPage::openSelected()
{
    const store::CaseRecord *r = selected();
    if (!r)
        return tr("Select a case first.");
    if (!CaseListModel::isDecided(*r))
        return tr("Case %1 is not decided yet: continue it on the intake screen.").arg(r->number);
    return openCase(r->id);
}

QString CasesPage::openCase(const QString &caseId)
{
    if (!m_timeline) {
        m_timeline = new CaseTimelineDialog(m_context, this);
        connect(m_timeline, &CaseTimelineDialog::reprintRequested, this, [this](const QString &id) {
            const QString err = reprint(id);
            if (!err.isEmpty())
                report(err);
        });
        connect(m_timeline, &CaseTimelineDialog::caseChanged, this, [this] {
            if (isVisible())
                refresh();
        });
    }
    if (const QString err = m_timeline->open(caseId); !err.isEmpty())
        return err;
    m_timeline->show();
    m_timeline->raise();
    return {};
}

void CasesPage::contextMenu(const QPoint &at)
{
    // The mouse's row, or (the menu key) the current one.
    QModelIndex index = m_ui->caseTable->indexAt(at);
    QPoint where = at;
    if (!index.isValid()) {
        index = m_ui->caseTable->currentIndex();
        if (!index.isValid())
            return;
        where = m_ui->caseTable->visualRect(index).center();
    }
    m_ui->caseTable->selectRow(index.row());
    const store::CaseRecord *r = selected();
    if (!r)
        return;
    const QString id = r->id;
    const bool decided = CaseListModel::isDecided(*r);
    // What the case can do now: a supplement only while something is asked for, the hand-out
    // only when every result is ready (待出件); the reason otherwise, as the action's tip.
    QString noSupplement = tr("Case %1 is not decided yet.").arg(r->number);
    QString noHandout = noSupplement;
    if (decided && m_context.catalog && m_context.store && m_context.key) {
        intake::CaseService service(*m_context.catalog, m_context.calendar, *m_context.clock, *m_context.store,
            *m_context.key, m_context.window);
        const QString err = service.open(id, sync::SyncJournal(*m_context.store).remote(id));
        noSupplement = !err.isEmpty()   ? err
            : service.tasks().isEmpty() ? tr("Case %1 has no supplement to take in.").arg(r->number)
                                        : QString();
        noHandout = err.isEmpty() ? service.readyForHandout() : err;
    }
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("caseMenu"));
    menu.setToolTipsVisible(true);
    const auto run = [this](const QString &err) {
        if (!err.isEmpty())
            report(err);
    };
    QAction *timeline = menu.addAction(tr("&Timeline"), this, [this, id, run] { run(openCase(id)); });
    timeline->setObjectName(QStringLiteral("timelineAction"));
    timeline->setEnabled(decided);
    QAction *again = menu.addAction(tr("&Reprint"), this, [this, id, run] { run(reprint(id)); });
    again->setObjectName(QStringLiteral("reprintAction"));
    again->setEnabled(decided);
    QAction *supplement = menu.addAction(tr("Take in &supplement…"), this, [this, id, run] {
        run(openCase(id));
        if (m_timeline && m_timeline->caseId() == id)
            if (SupplementDialog *d = m_timeline->openSupplement())
                d->show();
    });
    supplement->setObjectName(QStringLiteral("supplementAction"));
    supplement->setEnabled(noSupplement.isEmpty());
    supplement->setToolTip(noSupplement);
    QAction *handout = menu.addAction(tr("&Hand out…"), this, [this, id, run] {
        run(openCase(id));
        if (m_timeline && m_timeline->caseId() == id)
            if (HandoutDialog *d = m_timeline->openHandout())
                d->show();
    });
    handout->setObjectName(QStringLiteral("handoutAction"));
    handout->setEnabled(noHandout.isEmpty());
    handout->setToolTip(noHandout);
    menu.exec(m_ui->caseTable->viewport()->mapToGlobal(where));
}

void CasesPage::updateButtons()
{
    const QModelIndexList rows = m_ui->caseTable->selectionModel()->selectedRows();
    const store::CaseRecord *r = rows.isEmpty() ? nullptr : m_model->caseAt(rows.first().row());
    m_ui->reprintButton->setEnabled(r && CaseListModel::isDecided(*r));
    // The selected case's detail: why the back office holds it, in full.
    const QString held = rows.isEmpty() ? QString() : m_model->heldText(rows.first().row());
    m_ui->heldLabel->setText(held);
    m_ui->heldLabel->setVisible(!held.isEmpty());
}

void CasesPage::report(const QString &error, const QString &success)
{
    m_ui->messageLabel->setText(error.isEmpty() ? success : error);
    m_ui->messageLabel->setStyleSheet(
        error.isEmpty() ? QStringLiteral("color:#1b7f3b;") : QStringLiteral("color:#b00020; font-weight:bold;"));
}

QString CasesPage::reprintSelected()
{
    const store::CaseRecord *r = selected();
    if (!r)
        return tr("Select a case first.");
    return reprint(r->id);
}

QString CasesPage::reprint(const QString &caseId)
{
    const auto found = m_context.store ? store::CaseRepository(*m_context.store).load(caseId)
                                       : Result<store::CaseRecord>::failure(tr("The local store is not available."));
    if (!found)
        return found.error();
    const store::CaseRecord *r = &found.value();
    if (!CaseListModel::isDecided(*r))
        return tr("Case %1 is not decided yet: there is no document to print again.").arg(r->number);
    if (!m_context.catalog || !m_context.store || !m_context.key)
        return tr("The catalogue or the local store is not available.");
    // The same path as the intake screen: the case's document from the workflow, shown in a
    // DocumentView (A4 preview and the slip) and sent to the receipt printer.
    intake::IntakeWorkflow workflow(
        *m_context.catalog, m_context.calendar, *m_context.clock, *m_context.store, *m_context.key, m_context.window);
    const QString err = workflow.resume(r->id);
    if (!err.isEmpty())
        return err;
    const receipt::ReceiptDocument doc = workflow.document();
    const auto blocks = receipt::EscPosReceipt::blocks(doc, m_context.printerProfile);
    const auto pdf = receipt::PdfRenderer::render(doc);
    if (!blocks || !pdf)
        return !blocks ? blocks.error() : pdf.error();
    m_reprintBlocks = blocks.value();
    QByteArray stream;
    for (const QByteArray &b : std::as_const(m_reprintBlocks))
        stream += b;
    if (!m_reprintView) {
        auto *dialog = new QDialog(this);
        dialog->setObjectName(QStringLiteral("reprintDialog"));
        dialog->resize(900, 700);
        auto *layout = new QVBoxLayout(dialog);
        m_reprintView = new DocumentView(dialog);
        m_reprintView->setObjectName(QStringLiteral("reprintView"));
        layout->addWidget(m_reprintView);
        connect(m_reprintView, &DocumentView::printReceiptRequested, this, [this] {
            if (m_context.devices && m_context.devices->canPrint())
                m_context.devices->requestPrint(m_reprintBlocks);
        });
        connect(m_reprintView, &DocumentView::finishRequested, dialog, &QDialog::close);
    }
    m_reprintView->window()->setWindowTitle(tr("Reprint · %1").arg(r->number));
    m_reprintView->setDocument(QStringLiteral("%1 · %2").arg(doc.title(), doc.caseNumber),
        m_context.renderReceipt ? m_context.renderReceipt(stream) : QImage(), pdf.value());
    if (m_context.devices && m_context.devices->canPrint()) {
        m_reprintView->setPrinterStatus(tr("Printing…"), true);
        m_context.devices->requestPrint(m_reprintBlocks);
    } else {
        m_reprintView->setPrinterStatus(tr("No receipt printer: print the A4 document instead."), false);
    }
    m_reprintView->window()->show(); // not modal: nothing waits on it
    m_reprintView->window()->raise();
    report({}, tr("Case %1: the document is shown again.").arg(r->number));
    return {};
}

} // namespace ow::ui
