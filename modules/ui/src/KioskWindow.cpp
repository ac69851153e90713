#include "onewindow/ui/KioskWindow.h"

#include "onewindow/idcard/IdCardData.h"
#include "onewindow/idcard/IdCardReader.h"
#include "onewindow/sync/QueueService.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/CounterDevices.h"
#include "onewindow/ui/HallTicketSlip.h"
#include "ui_KioskWindow.h"

#include <QEvent>
#include <QPushButton>
#include <QTimer>

namespace ow::ui {

KioskWindow::KioskWindow(
    const ClientContext &context, sync::QueueService *queue, const QUrl &followBase, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_queue(queue)
    , m_followBase(followBase)
    , m_ui(std::make_unique<Ui::KioskWindow>())
    , m_backTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    setAttribute(Qt::WA_StyledBackground);
    setAttribute(Qt::WA_AcceptTouchEvents);
    m_backTimer->setSingleShot(true);
    m_backTimer->setInterval(kShowTicketMs);
    connect(m_backTimer, &QTimer::timeout, this, &KioskWindow::backToStart);
    connect(m_ui->doneButton, &QPushButton::clicked, this, &KioskWindow::backToStart);
    connect(m_ui->reprintButton, &QPushButton::clicked, this, &KioskWindow::print);
    connect(m_ui->clearCardButton, &QPushButton::clicked, this, &KioskWindow::clearCard);

    if (m_queue) {
        connect(m_queue, &sync::QueueService::snapshotReady, this, &KioskWindow::showCategories);
        connect(m_queue, &sync::QueueService::ticketIssued, this, &KioskWindow::issued);
        connect(m_queue, &sync::QueueService::noAppointment, this, &KioskWindow::noAppointment);
        connect(m_queue, &sync::QueueService::failed, this, [this](const QString &message) {
            if (!m_waitingForTicket && m_ui->pages->currentWidget() != m_ui->choosePage)
                return;
            setBusy(false);
            m_checkingIn = false;
            m_returnCase.clear();
            m_ui->statusLabel->setText(tr("No ticket can be issued right now: %1 Please ask the staff.").arg(message));
        });
        m_queue->refresh();
    }
    if (m_context.devices) {
        connect(m_context.devices, &CounterDevices::printed, this, &KioskWindow::printed);
        connect(m_context.devices, &CounterDevices::scanned, this, &KioskWindow::takeScan);
        connect(m_context.devices, &CounterDevices::printerStatusChanged, this, [this] {
            if (!m_printing && m_ui->pages->currentWidget() == m_ui->choosePage)
                backToStart(); // says (or stops saying) that the printer is out of order
        });
    }
    if (m_context.cardReader) {
        connect(m_context.cardReader, &idcard::IdCardReader::cardRead, this, &KioskWindow::takeCard);
        m_context.cardReader->setCardExpected(true);
    }
    backToStart();
}

KioskWindow::~KioskWindow() = default;

void KioskWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        refreshCard();
    }
    QWidget::changeEvent(event);
}

void KioskWindow::setHallName(const QString &name)
{
    m_ui->hallLabel->setText(name);
}

int KioskWindow::ageOn(const QDate &birth, const QDate &today)
{
    if (!birth.isValid() || !today.isValid())
        return -1;
    int age = today.year() - birth.year();
    if (today.month() < birth.month() || (today.month() == birth.month() && today.day() < birth.day()))
        --age;
    return age;
}

void KioskWindow::showCategories(const queue::QueueSnapshot &snapshot)
{
    m_categories = snapshot.categories;
    QLayoutItem *item = nullptr;
    while ((item = m_ui->categoryGrid->takeAt(0)) != nullptr) {
        delete item->widget();
        delete item;
    }
    const int columns = m_categories.size() > 4 ? 3 : 2;
    for (int i = 0; i < int(m_categories.size()); ++i) {
        const queue::CategoryLoad &c = m_categories.at(i);
        auto *button = new QPushButton(m_ui->categoryArea);
        button->setObjectName(QStringLiteral("category_") + c.code);
        button->setText(tr("%1\n%n waiting", nullptr, c.waiting).arg(c.name));
        button->setMinimumHeight(140);
        button->setEnabled(!m_waitingForTicket);
        connect(button, &QPushButton::clicked, this, [this, code = c.code] { choose(code); });
        m_ui->categoryGrid->addWidget(button, i / columns, i % columns);
        button->show();
    }
    if (m_categories.isEmpty())
        m_ui->statusLabel->setText(tr("No service takes tickets here right now. Please ask the staff."));
}

void KioskWindow::choose(const QString &category)
{
    if (!m_queue || m_waitingForTicket)
        return;
    m_backTimer->stop();
    setBusy(true);
    m_ui->statusLabel->setText(tr("Issuing your ticket…"));
    const bool elderly = m_cardAge && *m_cardAge >= kElderlyAge;
    m_queue->issue(category, elderly ? queue::Priority::Elderly : queue::Priority::None);
}

void KioskWindow::takeScan(const QString &text)
{
    if (!m_queue || m_waitingForTicket || m_ui->pages->currentWidget() != m_ui->choosePage)
        return;
    const QString t = text.trimmed();
    if (t.isEmpty())
        return;
    m_backTimer->stop();
    m_ui->statusLabel->clear();
    if (!t.startsWith(QLatin1String("OW2;")) && !t.startsWith(QLatin1String("OW1;"))) {
        refuseScan(tr("This is not the QR code of a notice or receipt of this centre."));
        return;
    }
    // The same check as the window's (案件, hand-out): the key ring, with the revoked keys' validity.
    const auto verified = m_context.keys.check(t);
    if (!verified) {
        refuseScan(verified.error());
        return;
    }
    m_ui->scanLabel->clear();
    m_returnCase = verified->payload.caseNumber;
    setBusy(true);
    m_ui->statusLabel->setText(tr("Issuing the return ticket for your case %1…").arg(m_returnCase));
    const bool elderly = m_cardAge && *m_cardAge >= kElderlyAge;
    // The back office takes the category of the case's window: the applicant chooses nothing.
    m_queue->issue(QString(), elderly ? queue::Priority::Elderly : queue::Priority::None, m_returnCase);
}

void KioskWindow::refuseScan(const QString &why)
{
    m_ui->scanLabel->setText(
        tr("This QR code cannot be used: %1\nNo ticket was issued. Please ask the staff.").arg(why));
    m_ui->scanHintLabel->hide(); // room for the refusal
    m_backTimer->start(); // the refusal stays a while, then the start screen is clean again
}

void KioskWindow::setBusy(bool busy)
{
    m_waitingForTicket = busy;
    for (QPushButton *b : m_ui->categoryArea->findChildren<QPushButton *>())
        b->setEnabled(!busy);
}

void KioskWindow::issued(const queue::Ticket &ticket, int ahead, const QString &follow)
{
    if (!m_waitingForTicket)
        return; // a ticket issued elsewhere (a window's walk-in on a shared service)
    setBusy(false);
    m_checkingIn = false;
    m_noAppointment = false;
    m_cardAge.reset(); // the card was for this ticket
    m_ticket = ticket;
    const receipt::TicketSlipData slip =
        HallTicketSlip::of(ticket, ahead, follow, m_ui->hallLabel->text(), m_categories, m_followBase);
    m_slip = slip;

    m_ui->ticketNumberLabel->setText(ticket.number);
    m_ui->ticketCategoryLabel->setText(slip.category);
    m_ui->returnCaseLabel->setVisible(!ticket.caseNumber.isEmpty());
    m_ui->returnCaseLabel->setText(ticket.caseNumber.isEmpty()
            ? QString()
            : tr("Your case %1: please wait for your number to be called.").arg(ticket.caseNumber));
    m_returnCase.clear();
    m_ui->aheadLabel->setText(ahead == 0 ? tr("You are next.") : tr("%n waiting ahead of you.", nullptr, ahead));
    m_ui->statusLabel->clear();
    m_ui->pages->setCurrentWidget(m_ui->ticketPage);
    print();
}

void KioskWindow::print()
{
    if (!m_slip)
        return;
    m_ui->reprintButton->setVisible(false);
    if (!m_context.devices || !m_context.devices->canPrint()) {
        const QString why = m_context.devices ? m_context.devices->printerProblem() : QString();
        printed(false, why.isEmpty() ? tr("The ticket printer is not connected.") : why);
        return;
    }
    // The slip speaks the window's document language (zh_CN), not the kiosk's screen language.
    const auto blocks = HallTicketSlip::blocks(*m_slip, m_context.devices->printerProfile());
    if (!blocks) {
        printed(false, blocks.error());
        return;
    }
    m_printing = true;
    m_ui->printStatusLabel->setStyleSheet(QStringLiteral("color: #10263d;"));
    m_ui->printStatusLabel->setText(tr("Printing your ticket…"));
    m_context.devices->requestPrint(blocks.value());
}

void KioskWindow::printed(bool ok, const QString &message)
{
    if (!m_slip || m_ui->pages->currentWidget() != m_ui->ticketPage)
        return;
    m_printing = false;
    if (ok) {
        m_ui->printStatusLabel->setStyleSheet(QStringLiteral("color: #1d5e2e;"));
        m_ui->printStatusLabel->setText(tr("Please take your ticket and wait for your number to be called."));
        m_ui->reprintButton->setVisible(false);
        m_backTimer->start();
        return;
    }
    // The ticket exists in the queue: it is never lost. The number stays on screen until it
    // is printed or the applicant has noted it (完成).
    m_ui->printStatusLabel->setStyleSheet(QString());
    m_ui->printStatusLabel->setText(tr("The ticket could not be printed: %1\nYour number is %2 and it is in the queue. "
                                       "Please note it, or ask the staff and print again.")
                                        .arg(message, m_slip->number));
    m_ui->reprintButton->setVisible(true);
    m_backTimer->stop();
}

void KioskWindow::takeCard(const idcard::IdCardData &card)
{
    m_cardAge = ageOn(card.birthDate, m_context.clock->today());
    if (*m_cardAge < 0)
        m_cardAge.reset();
    m_noAppointment = false;
    if (m_queue && !m_waitingForTicket && m_ui->pages->currentWidget() == m_ui->choosePage
        && !card.idNumber.isEmpty()) {
        // An appointment for today? Its ticket is printed at once; else the choice as a walk-in.
        m_backTimer->stop();
        m_checkingIn = true;
        setBusy(true);
        m_ui->statusLabel->setText(tr("Looking for your appointment…"));
        const bool elderly = m_cardAge && *m_cardAge >= kElderlyAge;
        m_queue->checkIn(card.idNumber, elderly ? queue::Priority::Elderly : queue::Priority::None);
    }
    refreshCard();
}

void KioskWindow::noAppointment()
{
    if (!m_checkingIn)
        return;
    m_checkingIn = false;
    m_noAppointment = true;
    setBusy(false);
    m_ui->statusLabel->clear();
    refreshCard();
}

void KioskWindow::clearCard()
{
    m_cardAge.reset();
    m_noAppointment = false;
    refreshCard();
}

void KioskWindow::refreshCard()
{
    // Only the age: a kiosk in a hall never shows a name or a number.
    if (!m_cardAge) {
        m_ui->cardLabel->setText(
            tr("Aged %1 or over? Put your ID card on the reader before choosing, to go ahead.").arg(kElderlyAge));
        m_ui->clearCardButton->setVisible(false);
    } else if (*m_cardAge >= kElderlyAge) {
        m_ui->cardLabel->setText(m_noAppointment
                ? tr("No appointment today for this ID card. Choose your service: your ticket goes ahead as "
                     "elderly (aged %1).")
                      .arg(*m_cardAge)
                : tr("ID card read (aged %1): your ticket goes ahead as elderly.").arg(*m_cardAge));
        m_ui->clearCardButton->setVisible(true);
    } else {
        m_ui->cardLabel->setText(m_noAppointment ? tr("No appointment today for this ID card: choose your service.")
                                                 : tr("ID card read: choose your service."));
        m_ui->clearCardButton->setVisible(true);
    }
}

void KioskWindow::backToStart()
{
    m_backTimer->stop();
    if (m_printing)
        return;
    m_ticket.reset();
    m_ui->pages->setCurrentWidget(m_ui->choosePage);
    m_ui->printStatusLabel->clear();
    m_ui->scanLabel->clear();
    m_ui->scanHintLabel->setVisible(m_context.devices != nullptr);
    QString status;
    const bool faulty = m_context.devices
        && (!m_context.devices->canPrint() || m_context.devices->printerStatus().state == usb::DeviceState::Error);
    if (faulty) {
        const QString why = m_context.devices->canPrint() ? m_context.devices->printerStatus().message
                                                          : m_context.devices->printerProblem();
        status = tr("The ticket printer is out of order (%1): your number will be shown on screen.")
                     .arg(why.isEmpty() ? tr("not connected") : why);
    }
    m_ui->statusLabel->setText(status);
    refreshCard();
    if (m_queue)
        m_queue->refresh(); // the waiting counts on the buttons
}

} // namespace ow::ui
