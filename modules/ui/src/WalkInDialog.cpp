#include "onewindow/ui/WalkInDialog.h"

#include "onewindow/idcard/IdCardData.h"
#include "onewindow/idcard/IdCardReader.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/CounterDevices.h"
#include "onewindow/ui/KioskWindow.h"
#include "onewindow/ui/QueuePage.h"
#include "ui_WalkInDialog.h"

#include <QEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPushButton>

namespace ow::ui {

namespace {

bool isQr(const QString &text)
{
    return text.startsWith(QLatin1String("OW2;")) || text.startsWith(QLatin1String("OW1;"));
}

} // namespace

WalkInDialog::WalkInDialog(const ClientContext &context, const QList<queue::CategoryLoad> &categories, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_ui(std::make_unique<Ui::WalkInDialog>())
    , m_categories(categories)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("walkInDialog"));
    for (const queue::CategoryLoad &c : std::as_const(m_categories))
        m_ui->categoryCombo->addItem(c.name, c.code);
    // One service: nothing to ask.
    m_ui->categoryTitle->setVisible(m_categories.size() > 1);
    m_ui->categoryCombo->setVisible(m_categories.size() > 1);
    for (auto p : {queue::Priority::None, queue::Priority::Elderly, queue::Priority::Disabled,
             queue::Priority::Pregnant, queue::Priority::Military})
        m_ui->priorityCombo->addItem(QString(), int(p));
    // Enter issues the ticket (keyPressEvent), except in the QR field where a scanner ends with it.
    for (QAbstractButton *b : m_ui->buttonBox->buttons()) {
        if (auto *push = qobject_cast<QPushButton *>(b)) {
            push->setAutoDefault(false);
            push->setDefault(false);
        }
    }
    m_ui->qrEdit->installEventFilter(this); // its Enter ends a scan
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_context.devices)
        connect(m_context.devices, &CounterDevices::scanned, this, &WalkInDialog::takeScan);
    if (m_context.cardReader) {
        connect(m_context.cardReader, &idcard::IdCardReader::cardRead, this, &WalkInDialog::takeCard);
        m_context.cardReader->setCardExpected(true); // the intake screen that polls it is hidden now
    }
    retranslate();
    (m_categories.size() > 1 ? static_cast<QWidget *>(m_ui->categoryCombo) : m_ui->priorityCombo)->setFocus();
}

WalkInDialog::~WalkInDialog()
{
    if (m_context.cardReader)
        m_context.cardReader->setCardExpected(false);
}

void WalkInDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}

void WalkInDialog::retranslate()
{
    m_ui->priorityCombo->setItemText(0, tr("None"));
    for (int i = 1; i < m_ui->priorityCombo->count(); ++i)
        m_ui->priorityCombo->setItemText(
            i, QueuePage::priorityText(queue::Priority(m_ui->priorityCombo->itemData(i).toInt())));
    if (QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok))
        ok->setText(tr("Issue ticket (Enter)"));
    if (QPushButton *cancel = m_ui->buttonBox->button(QDialogButtonBox::Cancel))
        cancel->setText(tr("Cancel (Esc)"));
    refreshCard();
    refreshCase();
}

WalkInDialog::Request WalkInDialog::request() const
{
    Request r;
    r.category = m_ui->categoryCombo->currentData().toString();
    r.priority = queue::Priority(m_ui->priorityCombo->currentData().toInt());
    r.caseNumber = m_caseNumber;
    return r;
}

void WalkInDialog::takeCard(const idcard::IdCardData &card)
{
    const int age = KioskWindow::ageOn(card.birthDate, m_context.clock->today());
    m_cardAge = age >= 0 ? std::optional<int>(age) : std::nullopt;
    if (m_cardAge && *m_cardAge >= KioskWindow::kElderlyAge)
        m_ui->priorityCombo->setCurrentIndex(m_ui->priorityCombo->findData(int(queue::Priority::Elderly)));
    refreshCard();
}

void WalkInDialog::takeScan(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return;
    m_caseNumber.clear();
    m_refusal.clear();
    if (!isQr(t)) {
        m_refusal = tr("This is not the QR of a notice or receipt.");
    } else {
        // The same check as the 案件 section's: the key ring, with the revoked keys' validity.
        const auto verified = m_context.keys.check(t);
        if (verified)
            m_caseNumber = verified->payload.caseNumber;
        else
            m_refusal = verified.error();
    }
    m_ui->qrEdit->clear();
    refreshCase();
    // The next Enter issues the ticket.
    (m_categories.size() > 1 ? static_cast<QWidget *>(m_ui->categoryCombo) : m_ui->priorityCombo)->setFocus();
}

void WalkInDialog::refreshCard()
{
    if (!m_cardAge) {
        m_ui->cardLabel->setText(tr("Aged %1 or over? Put the ID card on the reader: the ticket goes ahead as elderly.")
                                     .arg(KioskWindow::kElderlyAge));
    } else if (*m_cardAge >= KioskWindow::kElderlyAge) {
        m_ui->cardLabel->setText(tr("ID card read (aged %1): priority elderly.").arg(*m_cardAge));
    } else {
        m_ui->cardLabel->setText(tr("ID card read (aged %1): no priority by age.").arg(*m_cardAge));
    }
}

void WalkInDialog::refreshCase()
{
    if (!m_caseNumber.isEmpty()) {
        m_ui->caseLabel->setStyleSheet(QStringLiteral("font-size: 13pt; font-weight: bold; color: #1d5e2e;"));
        m_ui->caseLabel->setText(tr("Return ticket for case %1.").arg(m_caseNumber));
    } else if (!m_refusal.isEmpty()) {
        m_ui->caseLabel->setStyleSheet(QStringLiteral("font-size: 13pt; font-weight: bold; color: #b3261e;"));
        m_ui->caseLabel->setText(tr("QR refused: %1 No return ticket: a walk-in ticket only.").arg(m_refusal));
    } else {
        m_ui->caseLabel->clear();
    }
    if (QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok))
        ok->setEnabled(!m_categories.isEmpty());
}

bool WalkInDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->qrEdit && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            // A scanner typing into the field ends with Enter: that ends the scan, it does not issue.
            takeScan(m_ui->qrEdit->text());
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void WalkInDialog::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        if (!m_categories.isEmpty())
            accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

} // namespace ow::ui
