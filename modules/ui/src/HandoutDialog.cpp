#include "onewindow/ui/HandoutDialog.h"

#include "onewindow/idcard/IdCardReader.h"
#include "onewindow/intake/CaseService.h"
#include "onewindow/receipt/EscPosReceipt.h"
#include "onewindow/receipt/PdfRenderer.h"
#include "onewindow/store/Store.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/CounterDevices.h"
#include "onewindow/ui/DocumentView.h"
#include "onewindow/ui/ScanPanel.h"
#include "ui_HandoutDialog.h"

#include <QEvent>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPromise>
#include <QShortcut>
#include <QThreadPool>
#include <QVBoxLayout>

#include <algorithm>

namespace ow::ui {

namespace {

QString authorisationLine()
{
    return QStringLiteral("agent-authorisation");
}

} // namespace

HandoutDialog::HandoutDialog(const ClientContext &context, intake::CaseService &service, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_service(service)
    , m_ui(std::make_unique<Ui::HandoutDialog>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("handoutDialog"));
    for (int i = 0; i < 3; ++i)
        m_ui->carrierCombo->addItem(QString());
    for (const intake::CaseItem &c : service.items()) {
        if (c.state != QLatin1String("ready") && c.state != QLatin1String("rejected"))
            continue;
        auto *item = new QListWidgetItem(m_ui->itemsList);
        item->setData(Qt::UserRole, c.item);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_ui->itemsList->setCurrentRow(0);
    auto *all = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_A), m_ui->itemsList);
    all->setContext(Qt::WidgetShortcut);
    connect(all, &QShortcut::activated, this, &HandoutDialog::tickAll);
    m_ui->authorisationScan->setSupplementLines({{authorisationLine(), tr("Letter of authorisation")}},
        context.store ? QFileInfo(context.store->path()).absolutePath() : QString(),
        [this](const QString &, const QString &sha256, int pages) {
            m_authSha256 = sha256;
            m_authPages = pages;
            refreshCollector();
            return QString();
        });
    connect(m_ui->courierRadio, &QRadioButton::toggled, this, &HandoutDialog::retranslate);
    if (context.cardReader)
        connect(context.cardReader, &idcard::IdCardReader::cardRead, this, &HandoutDialog::takeCard);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_ui->handoutButton, &QPushButton::clicked, this, [this] {
        const QString err = deliver();
        if (!err.isEmpty())
            report(err);
    });
    retranslate();
}

HandoutDialog::~HandoutDialog() = default;

void HandoutDialog::retranslate()
{
    // Everything set in code, again in the language now installed (the form's own texts come
    // from retranslateUi).
    m_ui->caseLabel->setText(tr("Case %1: hand out").arg(m_service.caseNumber()));
    const QStringList carriers {tr("EMS"), tr("SF Express"), tr("China Post")};
    for (int i = 0; i < carriers.size() && i < m_ui->carrierCombo->count(); ++i)
        m_ui->carrierCombo->setItemText(i, carriers.at(i));
    const QList<intake::CaseItem> items = m_service.items();
    for (int i = 0; i < m_ui->itemsList->count(); ++i) {
        QListWidgetItem *row = m_ui->itemsList->item(i);
        const auto c = std::find_if(items.cbegin(), items.cend(),
            [&](const intake::CaseItem &x) { return x.item == row->data(Qt::UserRole).toString(); });
        if (c == items.cend())
            continue;
        row->setText(c->state == QLatin1String("rejected")
                ? tr("%1 (%2): decision letter — %3").arg(c->matter, c->department, c->given)
                : tr("%1 (%2): %3").arg(c->matter, c->department, c->given));
    }
    const bool courier = m_ui->courierRadio->isChecked();
    m_ui->collectorGroup->setVisible(!courier);
    m_ui->courierGroup->setVisible(courier);
    m_ui->handoutButton->setText(courier ? tr("&Dispatch and print the slip") : tr("&Hand out and print the slip"));
    refreshCollector();
}

ScanPanel *HandoutDialog::authorisationScan() const
{
    return m_ui->authorisationScan;
}

void HandoutDialog::takeCard(const idcard::IdCardData &card)
{
    const QString name = card.name.isEmpty() ? card.englishName : card.name;
    const auto party = card.numberInvalid                 ? Result<intake::Party>::failure(card.warnings.value(0))
        : card.type == idcard::CardType::ForeignPermanent ? intake::Party::foreigner(card.idNumber, name)
                                                          : intake::Party::person(card.idNumber, name);
    if (!party) {
        report(tr("The card was read, but its number is not valid: %1").arg(party.error()));
        return;
    }
    setCollector(party.value());
}

void HandoutDialog::setCollector(const intake::Party &collector)
{
    m_collector = collector;
    refreshCollector();
}

void HandoutDialog::refreshCollector()
{
    const intake::CaseState &s = m_service.state();
    const bool agent = m_collector && s.applicant && m_collector->number != s.applicant->number;
    QString text;
    if (!m_collector)
        text = tr("Put the collector's ID card on the reader.");
    else if (!agent)
        text = tr("%1 %2: the applicant in person.").arg(m_collector->maskedName(), m_collector->maskedNumber());
    else
        text = m_authSha256.isEmpty()
            ? tr("%1 %2 collects for the applicant: scan the letter of authorisation.")
                  .arg(m_collector->maskedName(), m_collector->maskedNumber())
            : tr("%1 %2 collects for the applicant; the letter of authorisation is scanned (%n page(s)).", nullptr,
                m_authPages)
                  .arg(m_collector->maskedName(), m_collector->maskedNumber());
    m_ui->collectorLabel->setText(text);
    m_ui->authorisationScan->setVisible(agent);
}

void HandoutDialog::tickAll()
{
    for (int i = 0; i < m_ui->itemsList->count(); ++i)
        m_ui->itemsList->item(i)->setCheckState(Qt::Checked);
}

void HandoutDialog::setCourier(bool courier)
{
    (courier ? m_ui->courierRadio : m_ui->windowRadio)->setChecked(true);
}

void HandoutDialog::setDispatch(const QString &recipient, const QString &phone, const QString &address,
    const QString &carrier, const QString &tracking)
{
    m_ui->recipientEdit->setText(recipient);
    m_ui->phoneEdit->setText(phone);
    m_ui->addressEdit->setText(address);
    m_ui->carrierCombo->setCurrentText(carrier);
    m_ui->trackingEdit->setText(tracking);
}

QString HandoutDialog::deliver()
{
    QStringList ids;
    for (int i = 0; i < m_ui->itemsList->count(); ++i) {
        if (m_ui->itemsList->item(i)->checkState() == Qt::Checked)
            ids << m_ui->itemsList->item(i)->data(Qt::UserRole).toString();
    }
    QString err;
    if (m_ui->courierRadio->isChecked()) {
        err = m_service.dispatch({m_ui->recipientEdit->text(), m_ui->phoneEdit->text(), m_ui->addressEdit->text()},
            m_ui->carrierCombo->currentText(), m_ui->trackingEdit->text(), ids);
    } else {
        if (!m_collector)
            return tr("Read the collector's ID card first.");
        // Scanned pages not stored yet go in now.
        if (m_authSha256.isEmpty() && m_ui->authorisationScan->pages().count(authorisationLine()) > 0) {
            if (const QString e = m_ui->authorisationScan->attach(authorisationLine()); !e.isEmpty())
                return e;
        }
        std::optional<intake::CaseState::DocumentRef> letter;
        if (!m_authSha256.isEmpty())
            letter = intake::CaseState::DocumentRef {m_authSha256, m_authPages};
        err = m_service.handOut(*m_collector, letter, ids);
    }
    if (!err.isEmpty())
        return err;
    showSlip();
    Q_EMIT delivered();
    return {};
}

void HandoutDialog::showSlip()
{
    const auto &slip = m_service.slip();
    if (!slip)
        return;
    const auto blocks = receipt::EscPosReceipt::blocks(*slip, m_context.printerProfile);
    if (!blocks) {
        report(blocks.error());
        return;
    }
    m_slipBlocks = blocks.value();
    QByteArray stream;
    for (const QByteArray &b : std::as_const(m_slipBlocks))
        stream += b;
    if (!m_slipView) {
        auto *dialog = new QDialog(parentWidget() ? parentWidget() : this);
        dialog->setObjectName(QStringLiteral("slipDialog"));
        dialog->resize(900, 700);
        auto *layout = new QVBoxLayout(dialog);
        m_slipView = new DocumentView(dialog);
        m_slipView->setObjectName(QStringLiteral("slipView"));
        layout->addWidget(m_slipView);
        connect(m_slipView, &DocumentView::printReceiptRequested, this, [this] {
            if (m_context.devices && m_context.devices->canPrint())
                m_context.devices->requestPrint(m_slipBlocks);
        });
        connect(m_slipView, &DocumentView::finishRequested, dialog, &QDialog::close);
    }
    const QString title = QStringLiteral("%1 · %2").arg(slip->title(), slip->caseNumber);
    m_slipView->window()->setWindowTitle(title);
    m_slipView->setDocument(title, QImage(), QByteArray());
    if (m_context.devices && m_context.devices->canPrint()) {
        m_slipView->setPrinterStatus(tr("Printing…"), true);
        m_context.devices->requestPrint(m_slipBlocks);
    } else {
        m_slipView->setPrinterStatus(tr("No receipt printer: print the A4 slip instead."), false);
    }
    m_slipView->window()->show();
    m_slipView->window()->raise();
    // Drawing the paper slip and laying out the A4 PDF take 100 ms and more: on a worker, so that
    // the window answers at once while the slip prints (as the intake screen's previews).
    if (!m_slipPreview) {
        m_slipPreview = new QFutureWatcher<SlipPreview>(this);
        connect(m_slipPreview, &QFutureWatcherBase::finished, this, [this] {
            if (m_slipPreview->future().resultCount() == 0 || !m_slipView)
                return;
            const SlipPreview preview = m_slipPreview->future().result();
            if (!preview.error.isEmpty())
                report(preview.error);
            m_slipView->setDocument(preview.title, preview.paper, preview.pdf);
        });
    }
    auto promise = std::make_shared<QPromise<SlipPreview>>();
    m_slipPreview->setFuture(promise->future());
    QThreadPool::globalInstance()->start([promise, document = *slip, stream, title, render = m_context.renderReceipt] {
        promise->start();
        SlipPreview preview;
        preview.title = title;
        if (render && !stream.isEmpty())
            preview.paper = render(stream);
        const auto pdf = receipt::PdfRenderer::render(document);
        if (pdf)
            preview.pdf = pdf.value();
        else
            preview.error = pdf.error();
        promise->addResult(preview);
        promise->finish();
    });
}

void HandoutDialog::report(const QString &error, const QString &success)
{
    m_ui->messageLabel->setText(error.isEmpty() ? success : error);
    m_ui->messageLabel->setStyleSheet(
        error.isEmpty() ? QStringLiteral("color:#1b7f3b;") : QStringLiteral("color:#b00020; font-weight:bold;"));
}

void HandoutDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}

} // namespace ow::ui
