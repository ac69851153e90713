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
#include <QShortcut>
#include <QVBoxLayout>

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
    m_ui->caseLabel->setText(tr("Case %1: hand out").arg(service.caseNumber()));
    for (const QString &c : {tr("EMS"), tr("SF Express"), tr("China Post")})
        m_ui->carrierCombo->addItem(c);
    for (const intake::CaseItem &c : service.items()) {
        if (c.state != QLatin1String("ready") && c.state != QLatin1String("rejected"))
            continue;
        auto *item = new QListWidgetItem(c.state == QLatin1String("rejected")
                ? tr("%1 (%2): decision letter — %3").arg(c.matter, c.department, c.given)
                : tr("%1 (%2): %3").arg(c.matter, c.department, c.given),
            m_ui->itemsList);
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
    const auto mode = [this] {
        const bool courier = m_ui->courierRadio->isChecked();
        m_ui->collectorGroup->setVisible(!courier);
        m_ui->courierGroup->setVisible(courier);
        m_ui->handoutButton->setText(courier ? tr("&Dispatch and print the slip") : tr("&Hand out and print the slip"));
    };
    connect(m_ui->courierRadio, &QRadioButton::toggled, this, mode);
    mode();
    if (context.cardReader)
        connect(context.cardReader, &idcard::IdCardReader::cardRead, this, &HandoutDialog::takeCard);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_ui->handoutButton, &QPushButton::clicked, this, [this] {
        const QString err = deliver();
        if (!err.isEmpty())
            report(err);
    });
    refreshCollector();
}

HandoutDialog::~HandoutDialog() = default;

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
    const auto pdf = receipt::PdfRenderer::render(*slip);
    if (!blocks || !pdf) {
        report(!blocks ? blocks.error() : pdf.error());
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
    m_slipView->window()->setWindowTitle(QStringLiteral("%1 · %2").arg(slip->title(), slip->caseNumber));
    m_slipView->setDocument(QStringLiteral("%1 · %2").arg(slip->title(), slip->caseNumber),
        m_context.renderReceipt ? m_context.renderReceipt(stream) : QImage(), pdf.value());
    if (m_context.devices && m_context.devices->canPrint()) {
        m_slipView->setPrinterStatus(tr("Printing…"), true);
        m_context.devices->requestPrint(m_slipBlocks);
    } else {
        m_slipView->setPrinterStatus(tr("No receipt printer: print the A4 slip instead."), false);
    }
    m_slipView->window()->show();
    m_slipView->window()->raise();
}

void HandoutDialog::report(const QString &error, const QString &success)
{
    m_ui->messageLabel->setText(error.isEmpty() ? success : error);
    m_ui->messageLabel->setStyleSheet(
        error.isEmpty() ? QStringLiteral("color:#1b7f3b;") : QStringLiteral("color:#b00020; font-weight:bold;"));
}

void HandoutDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_ui->retranslateUi(this);
    QDialog::changeEvent(event);
}

} // namespace ow::ui
