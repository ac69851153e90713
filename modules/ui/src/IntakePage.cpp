#include "onewindow/ui/IntakePage.h"

#include "onewindow/catalog/Catalog.h"
#include "onewindow/intake/CaseService.h"
#include "onewindow/intake/DocumentBuilder.h"
#include "onewindow/receipt/EscPosReceipt.h"
#include "onewindow/receipt/PdfRenderer.h"
#include "onewindow/store/AuditLog.h"
#include "onewindow/store/CaseRepository.h"
#include "onewindow/store/Store.h"
#include "onewindow/sync/SyncService.h"
#include "onewindow/ui/CaseTimelineDialog.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/CounterDevices.h"
#include "onewindow/ui/DemoCardSlot.h"
#include "onewindow/ui/HandoutDialog.h"
#include "onewindow/ui/IdentityPanel.h"
#include "onewindow/ui/RatingDesk.h"
#include "onewindow/ui/SupplementDialog.h"
#include "onewindow/ui/WalkInDialog.h"
#include "ui_IntakePage.h"

#include "onewindow/scan/LicenceQr.h"
#include "onewindow/ui/ScanPanel.h"

#include <QApplication>
#include <QEvent>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QLocale>
#include <QPointer>
#include <QPromise>
#include <QShortcut>
#include <QThreadPool>
#include <QTimer>

namespace ow::ui {

// The previews of a decided document: the slip as the printer prints it, and the A4 PDF.
struct DocumentPreview
{
    QImage slip;
    QByteArray pdf;
    QString error;
};

using Decision = intake::IntakeWorkflow::Decision;
using Step = intake::IntakeWorkflow::Step;

namespace {

QString stepName(Step s)
{
    switch (s) {
    case Step::Identify: return IntakePage::tr("Identify");
    case Step::Choose: return IntakePage::tr("Choose");
    case Step::Situations: return IntakePage::tr("Situation");
    case Step::Materials: return IntakePage::tr("Materials");
    case Step::Verdict: return IntakePage::tr("Verdict");
    case Step::Print: return IntakePage::tr("Print");
    case Step::Done: return IntakePage::tr("Done");
    }
    return {};
}

} // namespace

IntakePage::IntakePage(const ClientContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_ui(std::make_unique<Ui::IntakePage>())
{
    m_ui->setupUi(this);
    // Extra room goes to the checklist rather than to the scanned pages beside it; at 1366×768
    // the checklist starts with about half the width (its columns then need no scrolling).
    m_ui->splitter->setStretchFactor(1, 3);
    m_ui->splitter->setStretchFactor(2, 1);
    m_ui->splitter->setSizes({360, 590, 260});
    m_ui->demoCardButton->setVisible(context.demoCards != nullptr);
    // What the reader reads: shown (masked) above the applicant, and taken as the applicant.
    m_identity = new IdentityPanel(context.clock, this);
    m_identity->setObjectName(QStringLiteral("identityPanel"));
    m_identity->attachReader(context.cardReader);
    m_ui->leftLayout->insertWidget(0, m_identity);
    connect(m_identity, &IdentityPanel::cardShown, this, &IntakePage::takeCard);
    // The card is unmasked only once its audit entry is written (IdentityPanel asks first).
    m_identity->setRevealGate([this](const idcard::IdCardData &card) { return auditCardReveal(card); });
    connect(m_identity, &IdentityPanel::revealed, this, [this](const idcard::IdCardData &) {
        if (m_workflow && m_workflow->applicant())
            m_ui->applicantPanel->setRevealed(true); // covered by the card's audit entry
    });
    // Before the catalogue: a case resumed at Print renders its document at once.
    m_preview = new QFutureWatcher<DocumentPreview>(this);
    connect(m_preview, &QFutureWatcherBase::finished, this, &IntakePage::previewRendered);
    if (context.catalog)
        catalogueReady();
    else if (context.catalogueLoading)
        report({}, tr("Loading the catalogue…"));
    else
        report(tr("The catalogue or the local store is not available: intake is disabled."));

    connect(m_ui->applicantPanel, &ApplicantPanel::applicantEntered, this,
        [this](const intake::Party &applicant, const std::optional<intake::Party> &agent) {
            ensureCase();
            QString err = m_workflow->setApplicant(applicant);
            if (err.isEmpty())
                err = m_workflow->setAgent(agent);
            m_ui->applicantPanel->setError(err);
            report(err);
            if (err.isEmpty()) {
                if (m_workflow->step() == Step::Identify)
                    m_workflow->next();
                m_ui->searchPanel->focusSearch();
            }
        });
    connect(m_ui->applicantPanel, &ApplicantPanel::partyAdded, this,
        [this](const intake::Party &applicant, const std::optional<intake::Party> &agent) {
            if (!m_workflow)
                return;
            const int index = int(m_workflow->parties().size());
            QString err = m_workflow->setParty(index, applicant);
            if (err.isEmpty() && agent)
                err = m_workflow->setAgent(index, agent);
            m_ui->applicantPanel->setError(err);
            report(err, err.isEmpty() ? tr("Applicant %1 added.").arg(index + 1) : QString());
            if (err.isEmpty())
                m_ui->searchPanel->focusSearch();
        });
    connect(m_ui->applicantPanel, &ApplicantPanel::revealRequested, this, &IntakePage::reveal);
    connect(m_ui->searchPanel, &MatterSearchPanel::chosen, this, [this](const checklist::Selection &selection) {
        ensureCase();
        const QString err = m_workflow->choose(selection);
        report(err);
        if (!err.isEmpty())
            return;
        if (m_workflow->step() < Step::Situations && m_workflow->applicant())
            m_workflow->goTo(Step::Situations);
        m_ui->questionsPanel->focusFirstUnanswered();
    });
    connect(m_ui->questionsPanel, &QuestionsPanel::answered, this, [this](const QString &id, const QString &value) {
        if (!m_workflow)
            return;
        report(m_workflow->answer(id, value.isEmpty() ? QVariant() : QVariant(value)));
        if (m_workflow->step() == Step::Situations && m_workflow->checklist().unanswered.isEmpty())
            m_workflow->next();
    });
    connect(m_ui->questionsPanel, &QuestionsPanel::conditionConfirmed, this,
        [this](const QString &key, std::optional<bool> holds) {
            if (!m_workflow)
                return;
            report(m_workflow->confirmCondition(key, holds));
            if (m_workflow->step() == Step::Situations && m_workflow->checklist().unanswered.isEmpty())
                m_workflow->next();
        });
    connect(m_ui->checklistPanel, &ChecklistPanel::countRequested, this, [this](const QString &id, int pieces) {
        if (m_workflow)
            report(m_workflow->setCount(id, pieces));
    });
    connect(m_ui->checklistPanel, &ChecklistPanel::markRequested, this,
        [this](const QString &id, std::optional<checklist::Received> how) {
            if (!m_workflow)
                return;
            if (m_workflow->step() < Step::Materials && m_workflow->hasChecklist() && m_workflow->applicant())
                m_workflow->goTo(Step::Materials);
            const QString err = m_workflow->mark(id, how);
            report(err);
            if (err.isEmpty() && how) // scanned pages of the line go with it (issue 14)
                m_ui->scanPanel->materialReceived(id);
        });
    connect(m_ui->courierCheck, &QCheckBox::toggled, this, [this](bool on) {
        if (m_workflow && m_workflow->hasCase() && on != m_workflow->courier())
            report(m_workflow->setCourier(on));
    });
    connect(m_ui->acceptButton, &QPushButton::clicked, this, [this] { decide(Decision::Accept); });
    connect(m_ui->tolerateButton, &QPushButton::clicked, this, [this] { decide(Decision::AcceptTolerated); });
    connect(m_ui->noticeButton, &QPushButton::clicked, this, [this] { decide(Decision::Notice); });
    connect(m_ui->refuseButton, &QPushButton::clicked, this, [this] { decide(Decision::Refuse); });
    connect(m_ui->newCaseButton, &QPushButton::clicked, this, &IntakePage::newCase);
    connect(m_ui->continueButton, &QPushButton::clicked, this, &IntakePage::askContinue);
    connect(m_ui->demoCardButton, &QPushButton::clicked, this, &IntakePage::placeDemoCard);
    connect(m_ui->documentView, &DocumentView::printReceiptRequested, this, &IntakePage::printReceipt);
    connect(m_ui->documentView, &DocumentView::handedOver, this, [this](const QString &target) {
        if (m_workflow && m_workflow->step() == Step::Print) {
            const QString err = m_workflow->recordPrinted(target);
            report(err);
            if (err.isEmpty())
                rateAcceptance();
        }
    });
    connect(m_ui->documentView, &DocumentView::finishRequested, this, &IntakePage::finishCase);
    // The column scrolls rather than squeezing its rows into each other: its wrapped labels'
    // heights count (a scroll area only sees the minimum size, not the height for the width).
    m_ui->leftColumn->installEventFilter(this);
    // A field that takes the focus is scrolled into view, so the clerk never types blind.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (now && m_ui->leftColumn->isAncestorOf(now))
            m_ui->leftScroll->ensureWidgetVisible(now, 8, 8);
        keepFocusInView();
    });

    if (CounterDevices *devices = context.devices) {
        // Scans go to the section on screen (the 案件 section takes receipts' QR codes itself).
        connect(devices, &CounterDevices::scanned, this, [this](const QString &text) {
            if (isVisible())
                takeScan(text);
        });
        connect(devices, &CounterDevices::printed, this, [this](bool ok, const QString &message) {
            m_ui->documentView->setPrinterStatus(message, ok);
            // A provisional receipt says so in the message line too, not only on the paper.
            const bool provisional =
                ok && m_workflow && m_workflow->step() == Step::Print && m_workflow->document().provisional;
            const QString note = provisional
                ? tr("%1 Provisional receipt: valid once the back office confirms the case.").arg(message)
                : message;
            report(ok ? QString() : message, ok ? note : QString());
            if (ok && m_workflow && m_workflow->step() == Step::Print) {
                const QString err = m_workflow->recordPrinted(QStringLiteral("receipt-printer"));
                report(err);
                if (err.isEmpty())
                    rateAcceptance();
            }
        });
    }
    // Scanned pages per checklist line; a licence QR on a page fills in the company (issue 14).
    // (catalogueReady() hands the workflow to the scan panel when it exists)
    m_ui->scanPanel->setHotFolder(context.hotFolder);
    connect(m_ui->scanPanel, &ScanPanel::reported, this, &IntakePage::report);
    connect(m_ui->scanPanel, &ScanPanel::barcodeRead, this, [this](const QString &text) {
        // A receipt or notice among the pages opens its case only when no other case is under way.
        const bool idle = m_workflow && (!m_workflow->hasCase() || m_workflow->step() == Step::Identify);
        if ((text.startsWith(QLatin1String("OW2;")) || text.startsWith(QLatin1String("OW1;"))) && idle)
            continueFromQr(text);
        else
            takeLicence(text);
    });
    setupShortcuts();
    refresh();
}

IntakePage::~IntakePage() = default;

void IntakePage::takeLicence(const QString &text)
{
    const auto licence = scan::LicenceQr::parse(text);
    if (!m_workflow || !licence || (m_workflow->hasCase() && m_workflow->step() != Step::Identify))
        return; // not a licence, or past the Applicant step
    const auto company =
        intake::Party::company(licence->creditCode, licence->name.isEmpty() ? licence->creditCode : licence->name);
    if (!company) {
        report(company.error());
        return;
    }
    ensureCase();
    const QString err = m_workflow->setApplicant(company.value());
    report(err, tr("Company applicant %1 taken from the business licence.").arg(licence->creditCode));
}

void IntakePage::catalogueReady()
{
    m_ui->searchPanel->setSearch(m_context.search);
    if (m_workflow || !m_context.catalog)
        return;
    if (!m_context.store || !m_context.key) {
        report(tr("The catalogue or the local store is not available: intake is disabled."));
        return;
    }
    m_workflow = std::make_unique<intake::IntakeWorkflow>(
        *m_context.catalog, m_context.calendar, *m_context.clock, *m_context.store, *m_context.key, m_context.window);
    connect(m_workflow.get(), &intake::IntakeWorkflow::changed, this, &IntakePage::refresh);
    m_workflow->setOnDocumentSigned([](const receipt::ReceiptDocument &doc) { receipt::EscPosReceipt::prepare(doc); });
    // A window synced with a back office hands out a final document only when the back office
    // acknowledged the case at the decision; otherwise it is provisional (临时受理凭证), and the
    // Cases section shows when it is confirmed.
    if (m_context.sync) {
        connect(m_context.sync, &sync::SyncService::caseConfirmed, this, &IntakePage::confirmed);
        m_confirmGuard.setSingleShot(true);
        connect(&m_confirmGuard, &QTimer::timeout, this, [this] {
            if (m_confirming)
                confirmed(m_confirming->caseId, false, tr("The sync did not answer."));
        });
    }
    m_ui->scanPanel->setWorkflow(m_workflow.get(), QFileInfo(m_context.store->path()).absolutePath());
    // Whatever the clerk was doing before a crash or restart comes back as it was.
    if (m_workflow->resumeLatest().isEmpty())
        report({}, tr("Continued the unfinished case %1.").arg(m_workflow->caseNumber()));
    else
        report({}, tr("Ready."));
    tellCatalogueUpdate();
    refresh();
}

void IntakePage::finishCase()
{
    if (!m_workflow || !m_workflow->hasCase())
        return; // F12 with nothing open: nothing to finish, nothing to say
    if (m_workflow->step() != Step::Print) {
        report(tr("Case %1 is not decided yet: decide it (F5–F8) before finishing.").arg(m_workflow->caseNumber()));
        return;
    }
    const QString number = m_workflow->caseNumber();
    const QString err = m_workflow->finish();
    if (!err.isEmpty()) {
        report(err);
        return;
    }
    if (m_context.sync)
        m_context.sync->kick();
    clearCaseScreen(); // the next applicant must not find this card, revealable
    m_workflow->close();
    report({}, tr("Case %1 is done. Next applicant, please.").arg(number));
    m_ui->applicantPanel->focusEntry();
}

bool IntakePage::leaveCase()
{
    if (!m_workflow || !m_workflow->hasCase())
        return true;
    const intake::CaseState &state = m_workflow->state();
    const QString number = state.number;
    if (state.decided() && !state.finished) {
        // Decided: its document went out, so leaving it finishes it (as F12 does).
        const QString err = m_workflow->finish();
        if (!err.isEmpty()) {
            report(err);
            return false;
        }
        if (m_context.sync)
            m_context.sync->kick();
        return true;
    }
    if (!m_workflow->canAbandon())
        return true; // empty (the next start abandons it silently) or closed already
    const QString who = state.applicant ? state.applicant->maskedName() : QString();
    const QString question = who.isEmpty()
        ? tr("Case %1 is not decided. Leave it? It is closed as abandoned and cannot be continued.").arg(number)
        : tr("Case %1 of %2 is not decided. Leave it? It is closed as abandoned and cannot be continued.")
              .arg(number, who);
    // No (the default, and without a way to ask): the clerk stays with the case.
    if (!m_context.confirm || !m_context.confirm(tr("Leave the case?"), question)) {
        report({}, tr("Case %1 stays open.").arg(number));
        return false;
    }
    const QString err = m_workflow->abandon();
    if (!err.isEmpty()) {
        report(err);
        return false;
    }
    if (m_context.sync)
        m_context.sync->kick();
    return true;
}

void IntakePage::clearCaseScreen()
{
    // Nothing of the previous applicant stays: typed numbers, card, search, document, messages.
    // (Questions, checklist and scanned pages follow the workflow, which has no case now.)
    m_receiptBlocks.clear();
    ++m_renderGeneration;
    m_identity->clear();
    m_ui->applicantPanel->clear();
    m_ui->searchPanel->clear();
    m_ui->documentView->setDocument(QString(), QImage(), QByteArray());
    m_ui->documentView->setPrinterStatus(QString(), true);
    m_ui->messageLabel->clear();
}

void IntakePage::setupShortcuts()
{
    const QList<QPair<QKeySequence, std::function<void()>>> keys = {
        {QKeySequence(Qt::Key_F2),
            [this] {
                m_identityPinned = true; // the card's details come back with the entry
                refresh();
                m_ui->applicantPanel->focusEntry();
            }},
        {QKeySequence(Qt::Key_F3), [this] { m_ui->searchPanel->focusSearch(); }},
        {QKeySequence(Qt::Key_F4), [this] { m_ui->questionsPanel->focusFirstUnanswered(); }},
        {QKeySequence(Qt::Key_F5), [this] { decide(Decision::Accept); }},
        {QKeySequence(Qt::Key_F6), [this] { decide(Decision::AcceptTolerated); }},
        {QKeySequence(Qt::Key_F7), [this] { decide(Decision::Notice); }},
        {QKeySequence(Qt::Key_F8), [this] { decide(Decision::Refuse); }},
        {QKeySequence(Qt::Key_F9), [this] { reveal(!m_ui->applicantPanel->isRevealed()); }},
        {QKeySequence(Qt::Key_F10), [this] { printReceipt(); }},
        {QKeySequence(Qt::Key_F11), [this] { placeDemoCard(); }},
        {QKeySequence(Qt::Key_F12), [this] { finishCase(); }},
        {QKeySequence(Qt::CTRL | Qt::Key_N), [this] { newCase(); }},
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), [this] { m_ui->applicantPanel->startAddingParty(); }},
        {QKeySequence(Qt::CTRL | Qt::Key_O), [this] { askContinue(); }},
        {QKeySequence(Qt::CTRL | Qt::Key_U),
            [this] {
                if (m_workflow && m_workflow->catalogueUpdateAvailable())
                    report(m_workflow->adoptCurrentCatalogue(),
                        tr("Case %1 now follows catalogue %2; check its checklist again.")
                            .arg(m_workflow->caseNumber(), m_workflow->catalog().version()));
            }},
        {QKeySequence(Qt::CTRL | Qt::Key_L),
            [this] {
                m_ui->rightStack->setCurrentWidget(m_ui->checklistPanel);
                m_ui->checklistPanel->focusTable();
            }},
    };
    for (const auto &k : keys) {
        auto *shortcut = new QShortcut(k.first, this);
        shortcut->setContext(Qt::WindowShortcut); // only while the Intake section is shown
        connect(shortcut, &QShortcut::activated, this, k.second);
    }
}

QString IntakePage::message() const
{
    return m_ui->messageLabel->text();
}

void IntakePage::report(const QString &error, const QString &success)
{
    if (!error.isEmpty()) {
        m_ui->messageLabel->setText(error);
        m_ui->messageLabel->setStyleSheet(QStringLiteral("color:#b00020; font-weight:bold;"));
    } else if (!success.isEmpty()) {
        m_ui->messageLabel->setText(success);
        m_ui->messageLabel->setStyleSheet(QStringLiteral("color:#1b7f3b;"));
    }
}

void IntakePage::tellCatalogueUpdate()
{
    // A case keeps the catalogue it was started with; a newer one applies only when the clerk says so.
    if (m_workflow && m_workflow->catalogueUpdateAvailable())
        report(tr("Case %1 follows catalogue %2; catalogue %3 is loaded now. Ctrl+U moves the case to it "
                  "(its checklist may change).")
                   .arg(m_workflow->caseNumber(), m_workflow->catalog().version(), m_context.catalog->version()));
}

void IntakePage::ensureCase()
{
    if (m_workflow && (!m_workflow->hasCase() || m_workflow->step() >= Step::Done))
        report(m_workflow->start());
}

void IntakePage::newCase()
{
    if (!m_workflow || !leaveCase())
        return;
    clearCaseScreen();
    const QString err = m_workflow->start();
    report(err, tr("New case %1.").arg(m_workflow->caseNumber()));
    m_ui->applicantPanel->focusEntry();
}

Result<std::pair<QString, QString>> IntakePage::startForTicket(const queue::Ticket &ticket)
{
    using R = Result<std::pair<QString, QString>>;
    if (!m_workflow)
        return R::failure(tr("Intake is not ready yet (the catalogue is loading)."));
    if (!leaveCase())
        return R::failure(tr("Case %1 is still open at this window.").arg(m_workflow->caseNumber()));
    clearCaseScreen();
    QString err;
    if (!ticket.caseId.isEmpty()) {
        // A return ticket: the applicant's case continues (a notice brought back), or is resumed.
        err = m_workflow->canReopen(ticket.caseId).isEmpty() ? m_workflow->reopen(ticket.caseId)
                                                             : m_workflow->resume(ticket.caseId);
    } else {
        err = m_workflow->start();
    }
    if (err.isEmpty()) {
        const QDateTime calledAt = ticket.lastCalledAt.isValid() ? ticket.lastCalledAt : m_context.clock->now();
        err = m_workflow->recordTicket(ticket.id, ticket.number, ticket.category, ticket.queuedAt, calledAt);
    }
    report(err, tr("Case %1 begins with ticket %2.").arg(m_workflow->caseNumber(), ticket.number));
    if (!err.isEmpty())
        return R::failure(err);
    return R(std::make_pair(m_workflow->state().caseId, m_workflow->caseNumber()));
}

void IntakePage::takeCard(const idcard::IdCardData &card)
{
    if (!m_workflow)
        return;
    // A card read while the clerk works in a hand-out is the collector's (HandoutDialog takes it),
    // and one read in the walk-in ticket dialog gives the ticket's priority by age (WalkInDialog
    // takes it): neither is the next applicant's.
    if (qobject_cast<HandoutDialog *>(QApplication::activeWindow())
        || qobject_cast<WalkInDialog *>(QApplication::activeModalWidget()))
        return;
    // What the card says that rules and answers use: validity, birth date and gender.
    QJsonObject details {{QStringLiteral("card"), card.typeCode()}, {QStringLiteral("address"), card.address},
        {QStringLiteral("validUntil"),
            card.longTerm ? QStringLiteral("long-term") : card.validUntil.toString(Qt::ISODate)},
        {QStringLiteral("validFrom"), card.validFrom.toString(Qt::ISODate)},
        {QStringLiteral("birthDate"), card.birthDate.toString(Qt::ISODate)}};
    if (card.gender != idcard::Gender::Unknown)
        details.insert(QStringLiteral("gender"),
            card.gender == idcard::Gender::Male ? QStringLiteral("male") : QStringLiteral("female"));
    if (!card.nationality.isEmpty())
        details.insert(QStringLiteral("nationality"), card.nationality);
    const QString name = card.name.isEmpty() ? card.englishName : card.name;
    // A card whose number fails its check (GB 11643) is never taken: it is damaged or forged.
    const auto person = card.numberInvalid
        ? Result<intake::Party>::failure(card.warnings.value(0))
        : (card.type == idcard::CardType::ForeignPermanent ? intake::Party::foreigner(card.idNumber, name, details)
                                                           : intake::Party::person(card.idNumber, name, details));
    if (!person) {
        report(tr("The card was read, but its number is not valid: %1").arg(person.error()));
        return;
    }
    m_ui->applicantPanel->takeFromCard(person.value());
    if (card.isExpired(m_context.clock->today()))
        report(tr("This card expired on %1: ask for a valid document before accepting.")
                   .arg(QLocale().toString(card.validUntil, QLocale::ShortFormat)));
    else if (card.validFrom.isValid() && card.validFrom > m_context.clock->today())
        report(tr("This card is valid only from %1: ask for a valid document before accepting.")
                   .arg(QLocale().toString(card.validFrom, QLocale::ShortFormat)));
    else if (!card.warnings.isEmpty())
        report(tr("The card was read with warnings: %1").arg(card.warnings.join(QLatin1Char(' '))));
    else
        report({}, tr("ID card read."));
}

void IntakePage::placeDemoCard()
{
    if (!m_context.demoCards)
        return;
    // F11 goes round the demo cards; each one goes down in place of the last (the reader sees
    // the swap by the card's serial number).
    static const DemoCard kCards[] = {DemoCard::Resident, DemoCard::ResidentFemale, DemoCard::ResidentExpired,
        DemoCard::ForeignPermanent, DemoCard::Foreign2023, DemoCard::HkMacaoTaiwan, DemoCard::HkMacaoTaiwanExpired};
    const DemoCard card = kCards[m_demoCardIndex++ % int(std::size(kCards))];
    report({}, tr("A demo card was placed on the simulated reader."));
    m_context.demoCards->putDemoCard(card);
}

void IntakePage::reveal(bool on)
{
    if (!m_workflow || !m_workflow->applicant())
        return;
    if (on) {
        // PIPL: the reveal is written first (audit table and case log); no entry, no reveal.
        const QString err = m_workflow->recordReveal(
            tr("full identity of the applicant shown on screen"), tr("the clerk pressed F9 to check the identity"));
        if (!err.isEmpty()) {
            report(err);
            return;
        }
    }
    m_ui->applicantPanel->setRevealed(on);
}

QString IntakePage::auditCardReveal(const idcard::IdCardData &card)
{
    if (!m_context.store)
        return tr("there is no local store to record the reveal in.");
    // With a case open the reveal is also an entry of its log (after the audit row).
    if (m_workflow && m_workflow->hasCase())
        return m_workflow->recordReveal(
            tr("full identity on the ID card shown on screen"), tr("the clerk asked to see the card"));
    const QString subject =
        m_workflow && m_workflow->hasCase() ? m_workflow->caseId() : card.masked().idNumber; // never the full number
    return store::AuditLog(*m_context.store)
        .record({m_context.clock->now(), m_context.window.clerk, QStringLiteral("reveal"), subject,
            tr("full identity on the ID card shown on screen")});
}

void IntakePage::decide(Decision decision)
{
    if (!m_workflow || !m_workflow->hasCase() || m_confirming)
        return;
    QString reason;
    if (decision == Decision::Refuse && m_workflow->checklist().failed.isEmpty()
        && !m_workflow->acceptanceBlockers().isEmpty()) {
        reason = m_workflow->acceptanceBlockers().join(QStringLiteral("; "));
    } else if (decision == Decision::Refuse && m_workflow->checklist().failed.isEmpty()) {
        // Refusing a case whose conditions hold needs the clerk's written reason.
        const auto answer =
            m_context.askText ? m_context.askText(tr("Refuse"), tr("Reason for not accepting:")) : std::nullopt;
        if (!answer || answer->trimmed().isEmpty()) {
            report(tr("A refusal needs its reason."));
            return;
        }
        reason = answer->trimmed();
    }
    if (decision == Decision::Refuse && m_workflow->allowedDecisions().contains(Decision::Refuse)) {
        // A refusal is a legal document handed to the applicant: the clerk sees its reason, the
        // failing facts with the applicant's values, and confirms it first (No is the default).
        if (reason.isEmpty())
            reason = intake::DocumentBuilder::refusalReason(m_workflow->checklist());
        const QString question = tr("Issue a notice of non-acceptance (不予受理通知书) for case %1?\n\nReason: %2")
                                     .arg(m_workflow->caseNumber(), reason);
        if (!m_context.confirm || !m_context.confirm(tr("Refuse"), question)) {
            report({}, tr("No notice of non-acceptance was issued."));
            return;
        }
    }
    if (!m_context.sync || !m_workflow->allowedDecisions().contains(decision)) {
        decided(decision, reason, false); // no back office: final, as always (or why not allowed)
        return;
    }
    // The back office acknowledges the case now (a few seconds at most), whatever the status bar
    // last knew; the window keeps answering meanwhile, the decision keys wait.
    m_confirming = Confirming {decision, reason, m_workflow->caseId()};
    for (QWidget *button : {m_ui->acceptButton, m_ui->tolerateButton, m_ui->noticeButton, m_ui->refuseButton})
        button->setEnabled(false);
    report({}, tr("Confirming with the back office…"));
    m_confirmGuard.start(kConfirmMs + 2000);
    m_context.sync->confirmCase(m_workflow->caseId(), kConfirmMs);
}

void IntakePage::confirmed(const QString &caseId, bool acknowledged, const QString &why)
{
    if (!m_confirming || m_confirming->caseId != caseId)
        return; // an answer to a confirmation given up already
    const Confirming pending = *std::exchange(m_confirming, std::nullopt);
    m_confirmGuard.stop();
    if (!m_workflow || m_workflow->caseId() != caseId || m_workflow->step() >= Step::Print) {
        refresh();
        return;
    }
    decided(pending.decision, pending.reason, !acknowledged);
    if (!acknowledged && m_workflow->step() == Step::Print)
        report({}, tr("The back office did not acknowledge the case (%1): the document is provisional.").arg(why));
}

void IntakePage::decided(Decision decision, const QString &reason, bool provisional)
{
    const QString err = m_workflow->decide(decision, reason, provisional);
    report(err);
    if (!err.isEmpty())
        refresh(); // the decision keys again (a decision's own change has refreshed the screen)
    if (err.isEmpty()) {
        // The decision's changed() has shown the document already (refresh at Print): laying
        // out and rendering it twice kept the window from answering for a quarter second.
        if (m_receiptBlocks.isEmpty())
            showDocument();
        printReceipt();
        if (m_context.sync)
            m_context.sync->kick(); // the decided case goes to the back office now, not at the next round
    }
}

void IntakePage::showDocument()
{
    const receipt::ReceiptDocument &doc = m_workflow->document();
    // Laid out for the printer that is connected: no command larger than its receive buffer.
    const printer::PrinterProfile &profile =
        m_context.devices ? m_context.devices->printerProfile() : m_context.printerProfile;
    const auto blocks = receipt::EscPosReceipt::blocks(doc, profile);
    m_receiptBlocks = blocks ? blocks.value() : QList<QByteArray>();
    if (!blocks)
        report(blocks.error());
    QByteArray stream;
    for (const QByteArray &b : std::as_const(m_receiptBlocks))
        stream += b;
    // Rendering the slip and laying out the A4 PDF take 50–150 ms: on a worker, so that the window
    // answers at once and the receipt goes to the printer meanwhile. Only the newest decision's
    // previews are shown (a quick F12 and the next case must not get the last one's).
    m_previewTitle = QStringLiteral("%1 · %2").arg(doc.title(), doc.caseNumber);
    m_ui->documentView->setDocument(m_previewTitle, QImage(), QByteArray());
    m_ui->rightStack->setCurrentWidget(m_ui->documentView);
    const quint64 generation = ++m_renderGeneration;
    auto promise = std::make_shared<QPromise<DocumentPreview>>();
    m_renderedGeneration = generation;
    m_preview->setFuture(promise->future()); // a newer decision's render replaces this one's
    const auto renderSlip = m_context.renderReceipt;
    QThreadPool::globalInstance()->start([promise, doc, stream, renderSlip] {
        promise->start();
        DocumentPreview preview;
        if (renderSlip && !stream.isEmpty())
            preview.slip = renderSlip(stream);
        const auto pdf = receipt::PdfRenderer::render(doc);
        if (pdf)
            preview.pdf = pdf.value();
        else
            preview.error = pdf.error();
        promise->addResult(preview);
        promise->finish();
    });
}

void IntakePage::previewRendered()
{
    if (m_renderedGeneration != m_renderGeneration || m_preview->future().resultCount() == 0)
        return; // finished or another case was opened meanwhile
    const DocumentPreview preview = m_preview->future().result();
    if (!preview.error.isEmpty())
        report(preview.error);
    m_ui->documentView->setDocument(m_previewTitle, preview.slip, preview.pdf);
}

void IntakePage::printReceipt()
{
    if (m_receiptBlocks.isEmpty())
        return;
    if (!m_context.devices || !m_context.devices->canPrint()) {
        const QString why = m_context.devices ? m_context.devices->printerProblem() : QString();
        m_ui->documentView->setPrinterStatus(why.isEmpty()
                ? tr("No receipt printer: hand over the A4 document instead.")
                : tr("The receipt cannot be printed: %1 Hand over the A4 document, or print again (F10).").arg(why),
            false);
        return;
    }
    m_ui->documentView->setPrinterStatus(tr("Printing…"), true);
    m_context.devices->requestPrint(m_receiptBlocks);
}

void IntakePage::rateAcceptance()
{
    if (!m_context.ratings || m_context.keys.ratingKey().isEmpty() || !m_workflow || !m_workflow->hasCase()
        || !m_workflow->state().document)
        return;
    const QString document = m_workflow->document().qrPayload;
    if (document == m_ratingAskedFor)
        return; // a reprint (F10) of the same decision
    m_ratingAskedFor = document;
    const QString caseId = m_workflow->caseId();
    // On a second screen the applicant may choose after the clerk finished the case (F12) and
    // began the next: then the rated case is not this workflow's any more.
    const QString err = m_context.ratings->ask(caseId, QStringLiteral("acceptance"), m_context.keys.ratingKey(), this,
        [this, caseId, context = &m_context, guard = QPointer<IntakePage>(this)](const QJsonObject &payload) {
            if (!guard || !m_workflow || !m_workflow->hasCase() || m_workflow->caseId() != caseId)
                return RatingDesk::recordOn(*context, caseId, payload);
            const QString written = m_workflow->recordService({{QStringLiteral("rated"), payload}});
            if (written.isEmpty() && m_context.sync)
                m_context.sync->kick();
            return written;
        });
    if (!err.isEmpty())
        report(err);
}

void IntakePage::askContinue()
{
    if (!m_context.askText)
        return;
    const auto text = m_context.askText(
        tr("Continue a case"), tr("Scan the QR code of the notice, or type the case number from the slip:"));
    if (text && !text->trimmed().isEmpty())
        continueFrom(text->trimmed());
}

void IntakePage::takeScan(const QString &text)
{
    if (text.startsWith(QLatin1String("OW2;")) || text.startsWith(QLatin1String("OW1;"))) {
        continueFromQr(text);
        return;
    }
    // A licence QR that names the company makes it the applicant at once (modules/scan reads
    // every layout); one with the code only fills the form and asks for the name.
    if (const auto licence = scan::LicenceQr::parse(text); licence && !licence->name.isEmpty()) {
        takeLicence(text);
        return;
    }
    if (m_ui->applicantPanel->takeLicence(text)) {
        report({}, tr("Business licence scanned."));
        return;
    }
    if (m_context.store && store::CaseRepository(*m_context.store).findByNumber(text.trimmed().toUpper())) {
        continueFrom(text.trimmed());
        return;
    }
    report(tr("The scanned code is not a notice, a receipt or a business licence: %1").arg(text.left(60)));
}

void IntakePage::continueFrom(const QString &text)
{
    if (text.startsWith(QLatin1String("OW2;")) || text.startsWith(QLatin1String("OW1;"))) {
        continueFromQr(text);
        return;
    }
    if (!m_workflow || !m_context.store)
        return;
    // A case number, typed or scanned from the slip: the case must be this window's.
    const auto found = store::CaseRepository(*m_context.store).findByNumber(text.toUpper());
    if (!found) {
        report(found.error());
        return;
    }
    openOther(found->id, found->number);
}

void IntakePage::openOther(const QString &caseId, const QString &number)
{
    // Checked first: a case that cannot continue leaves the open one as it is.
    if (const QString why = m_workflow->canReopen(caseId); !why.isEmpty()) {
        // A decided case continues in its own window when there is something to take in or hand out.
        const QString served = serveDecided(caseId);
        report(served.isEmpty() ? QString() : tr("%1 %2").arg(why, served),
            tr("Case %1: the applicant is back for it.").arg(number));
        return;
    }
    if (m_workflow->caseId() != caseId && !leaveCase())
        return;
    clearCaseScreen(); // another case: nothing of the previous one stays
    const QString err = m_workflow->reopen(caseId);
    report(err, tr("Case %1 continues (visit %2).").arg(number).arg(m_workflow->visits()));
    if (err.isEmpty()) {
        tellCatalogueUpdate();
        m_ui->checklistPanel->focusTable();
    }
}

QString IntakePage::serveDecided(const QString &caseId)
{
    const auto rec = store::CaseRepository(*m_context.store).load(caseId);
    if (!rec || rec->decision == QLatin1String("notice") || rec->decision == QLatin1String("none")
        || rec->state == QLatin1String("abandoned") || rec->decision.isEmpty())
        return tr("There is nothing to take in or hand out.");
    if (!m_caseDialog)
        m_caseDialog = new CaseTimelineDialog(m_context, this);
    if (const QString err = m_caseDialog->open(caseId); !err.isEmpty())
        return err;
    const intake::CaseService *service = m_caseDialog->service();
    if (!service->tasks().isEmpty()) {
        m_caseDialog->show();
        if (SupplementDialog *d = m_caseDialog->openSupplement())
            d->show();
        return {};
    }
    if (service->readyForHandout().isEmpty()) {
        m_caseDialog->show();
        if (HandoutDialog *d = m_caseDialog->openHandout())
            d->show();
        return {};
    }
    // Nothing to do for the applicant now: why (still with the departments, handed out already).
    return tr("It has no supplement to take in and nothing to hand out: %1").arg(service->readyForHandout());
}

void IntakePage::continueFromQr(const QString &payload)
{
    if (!m_workflow)
        return;
    // Checked with the keys' validity: a QR signed by a key after its revocation is refused too.
    const auto verified = m_context.keys.check(payload);
    if (!verified) {
        report(verified.error());
        return;
    }
    openOther(verified->payload.caseId, verified->payload.caseNumber);
}

void IntakePage::refresh()
{
    const intake::IntakeWorkflow *w = m_workflow.get();
    const bool hasCase = w && w->hasCase();
    m_ui->caseLabel->setText(hasCase ? tr("Case %1").arg(w->caseNumber()) : tr("No case open"));
    QStringList steps;
    for (Step s :
        {Step::Identify, Step::Choose, Step::Situations, Step::Materials, Step::Verdict, Step::Print, Step::Done}) {
        const QString name = stepName(s).toHtmlEscaped();
        steps << ((hasCase && s == w->step()) ? QStringLiteral("<b><u>%1</u></b>").arg(name)
                                              : QStringLiteral("<span style='color:#888'>%1</span>").arg(name));
    }
    m_ui->stepLabel->setText(steps.join(QStringLiteral(" → ")));
    if (!w)
        return;
    m_ui->applicantPanel->setParties(hasCase ? w->applicant() : std::nullopt, hasCase ? w->agent() : std::nullopt);
    m_ui->applicantPanel->setMoreParties(hasCase ? w->parties().mid(1) : QList<intake::CaseParty>());
    m_ui->searchPanel->setChosen(w->hasChecklist() ? w->checklist().title : QString());
    // Once the applicant is taken and the matter chosen, the card's details fold away (the
    // applicant line above keeps the masked name and number; an expired card is in the verdict
    // bar): at 1366×768 the questions stay on screen. F2 brings them back.
    if (!hasCase || w->step() <= Step::Identify || !w->hasChecklist())
        m_identityPinned = false;
    m_identity->setVisible(m_identityPinned || !hasCase || w->step() <= Step::Identify || !w->hasChecklist());
    QStringList questionTexts;
    if (w->hasChecklist()) {
        for (const QString &q : w->checklist().unanswered) {
            const Question *question = w->catalog().question(q);
            questionTexts << (question ? question->text : q);
        }
        for (const checklist::TextCondition &tc : w->checklist().textConditions) {
            if (!tc.confirmed)
                questionTexts << tr("confirm \"%1\"").arg(tc.text);
        }
        m_ui->questionsPanel->setQuestions(
            w->catalog(), w->questions(), w->effectiveAnswers(), w->checklist().unanswered, w->answersFromParty());
        m_ui->questionsPanel->setConditions(w->checklist().textConditions);
        m_ui->checklistPanel->setChecklist(w->checklist(), w->collected(), questionTexts, w->acceptanceBlockers());
    } else {
        m_ui->questionsPanel->setQuestions(w->catalog(), {}, {}, {}, {});
        m_ui->questionsPanel->setConditions({});
        m_ui->checklistPanel->clear();
    }
    {
        const QSignalBlocker block(m_ui->courierCheck);
        m_ui->courierCheck->setChecked(w->courier());
    }
    const QList<Decision> allowed = w->allowedDecisions();
    m_ui->acceptButton->setEnabled(allowed.contains(Decision::Accept));
    m_ui->tolerateButton->setEnabled(allowed.contains(Decision::AcceptTolerated));
    m_ui->noticeButton->setEnabled(allowed.contains(Decision::Notice));
    m_ui->refuseButton->setEnabled(allowed.contains(Decision::Refuse));
    if (m_confirming) {
        for (QWidget *button : {m_ui->acceptButton, m_ui->tolerateButton, m_ui->noticeButton, m_ui->refuseButton})
            button->setEnabled(false);
    }
    if (w->step() >= Step::Print) {
        if (m_receiptBlocks.isEmpty() && w->step() == Step::Print)
            showDocument(); // resumed at Print: show what was decided
        m_ui->rightStack->setCurrentWidget(
            w->step() == Step::Print ? static_cast<QWidget *>(m_ui->documentView) : m_ui->checklistPanel);
    } else {
        m_ui->rightStack->setCurrentWidget(m_ui->checklistPanel);
    }
    keepFocusInView();
}

void IntakePage::keepFocusInView()
{
    // Once the layout has settled (an answer adds or relabels rows and widens the column), the
    // field being typed in is brought back into view: the clerk never types blind.
    QTimer::singleShot(0, this, [this] {
        QWidget *now = QApplication::focusWidget();
        if (now && m_ui->leftColumn->isAncestorOf(now))
            m_ui->leftScroll->ensureWidgetVisible(now, 8, 8);
    });
}

bool IntakePage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->leftColumn && (event->type() == QEvent::LayoutRequest || event->type() == QEvent::Resize)) {
        const int needed = m_ui->leftLayout->totalHeightForWidth(m_ui->leftColumn->width());
        if (needed > 0 && m_ui->leftColumn->minimumHeight() != needed)
            m_ui->leftColumn->setMinimumHeight(needed);
    }
    return QWidget::eventFilter(watched, event);
}

void IntakePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        refresh();
    }
    QWidget::changeEvent(event);
}

} // namespace ow::ui
