#include "onewindow/ui/ApplicantPanel.h"

#include "onewindow/core/CreditCode.h"
#include "onewindow/core/IdNumber.h"
#include "ui_ApplicantPanel.h"

#include <QApplication>
#include <QEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace ow::ui {

namespace {

QString kindText(IdNumber::Kind kind)
{
    switch (kind) {
    case IdNumber::Kind::Resident: return ApplicantPanel::tr("resident ID card");
    case IdNumber::Kind::HongKongPermit: return ApplicantPanel::tr("Hong Kong residence permit");
    case IdNumber::Kind::MacaoPermit: return ApplicantPanel::tr("Macao residence permit");
    case IdNumber::Kind::TaiwanPermit: return ApplicantPanel::tr("Taiwan residence permit");
    case IdNumber::Kind::ForeignerPermanent: return ApplicantPanel::tr("foreigner permanent residence card");
    }
    return {};
}

void showVerdict(QLabel *label, bool ok, const QString &text)
{
    label->setText(text);
    label->setStyleSheet(ok ? QStringLiteral("color: #1b7f3b;") : QStringLiteral("color: #b00020;"));
}

// Live feedback while a number is typed: "keep typing" until it is long enough, then checked.
void checkNumber(QLabel *label, const QString &typed, bool company)
{
    const QString s = typed.trimmed();
    if (s.isEmpty()) {
        label->clear();
        return;
    }
    if (company) {
        if (s.size() < 18) {
            showVerdict(label, true, ApplicantPanel::tr("%n more character(s) to go.", nullptr, int(18 - s.size())));
            return;
        }
        const auto code = CreditCode::parse(s);
        showVerdict(label, code.ok(),
            code ? ApplicantPanel::tr("Valid credit code · region %1 · organisation code %2")
                       .arg(code->regionCode(), code->organisationCode())
                 : code.error());
        return;
    }
    if (s.size() < 15 || s.size() == 16 || s.size() == 17) {
        showVerdict(label, true, ApplicantPanel::tr("%n more character(s) to go.", nullptr, int(18 - s.size())));
        return;
    }
    const auto id = IdNumber::parse(s);
    if (!id) {
        showVerdict(label, false, id.error());
        return;
    }
    QString text =
        ApplicantPanel::tr("Valid %1 · born %2 · %3")
            .arg(kindText(id->kind()), QLocale().toString(id->birthDate(), QLocale::ShortFormat),
                id->gender() == IdNumber::Gender::Male ? ApplicantPanel::tr("male") : ApplicantPanel::tr("female"));
    if (id->wasUpgradedFrom15())
        text += QLatin1Char(' ') + ApplicantPanel::tr("(upgraded from the 15-digit number to %1)").arg(id->number());
    showVerdict(label, true, text);
}

} // namespace

ApplicantPanel::ApplicantPanel(QWidget *parent)
    : QGroupBox(parent)
    , m_ui(std::make_unique<Ui::ApplicantPanel>())
{
    m_ui->setupUi(this);
    m_ui->agentBox->setVisible(false);
    for (QLineEdit *e : {m_ui->numberEdit, m_ui->nameEdit, m_ui->agentNumberEdit, m_ui->agentNameEdit})
        e->installEventFilter(this);
    connect(m_ui->numberEdit, &QLineEdit::textChanged, this, &ApplicantPanel::validateAsTyped);
    connect(m_ui->agentNumberEdit, &QLineEdit::textChanged, this, &ApplicantPanel::validateAsTyped);
    connect(m_ui->kindCombo, &QComboBox::currentIndexChanged, this, &ApplicantPanel::validateAsTyped);
    connect(m_ui->agentCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_ui->agentBox->setVisible(on);
        if (!on || !m_ui->agentCheck->hasFocus())
            return;
        // Ticked from the keyboard (Alt+G): on to the next thing to type, the principal first.
        if (!m_applicant && m_ui->numberEdit->text().trimmed().isEmpty())
            m_ui->numberEdit->setFocus(Qt::OtherFocusReason);
        else
            m_ui->agentNumberEdit->setFocus(Qt::OtherFocusReason);
    });
    connect(m_ui->applyButton, &QPushButton::clicked, this, &ApplicantPanel::apply);
    connect(m_ui->addPartyButton, &QPushButton::clicked, this, [this] { startAddingParty(); });
    connect(m_ui->revealButton, &QPushButton::clicked, this, [this](bool checked) {
        m_ui->revealButton->setChecked(m_revealed); // the caller decides, after the audit entry is written
        Q_EMIT revealRequested(checked);
    });
    validateAsTyped();
    updateSummary();
}

ApplicantPanel::~ApplicantPanel() = default;

void ApplicantPanel::validateAsTyped()
{
    const bool company = m_ui->kindCombo->currentIndex() == 1;
    m_ui->numberLabel->setText(company ? tr("Credit &code") : tr("ID &number"));
    m_ui->nameLabel->setText(company ? tr("Company n&ame") : tr("N&ame"));
    m_ui->numberEdit->setPlaceholderText(company ? tr("Scan the business licence QR code, or type the code")
                                                 : tr("Place the ID card on the reader, or type the number"));
    checkNumber(m_ui->numberStatusLabel, m_ui->numberEdit->text(), company);
    checkNumber(m_ui->agentStatusLabel, m_ui->agentNumberEdit->text(), false);
}

Result<intake::Party> ApplicantPanel::typedApplicant() const
{
    const bool company = m_ui->kindCombo->currentIndex() == 1;
    return company ? intake::Party::company(m_ui->numberEdit->text(), m_ui->nameEdit->text())
                   : intake::Party::person(m_ui->numberEdit->text(), m_ui->nameEdit->text());
}

void ApplicantPanel::apply()
{
    const auto applicant = typedApplicant();
    if (!applicant) {
        setError(applicant.error());
        return;
    }
    std::optional<intake::Party> agent;
    if (m_ui->agentCheck->isChecked()) {
        // The agent's card, when it was read, keeps what the card says (validity, address).
        if (m_cardAgent && m_cardAgent->number == m_ui->agentNumberEdit->text().trimmed().toUpper()) {
            agent = m_cardAgent;
        } else {
            const auto a = intake::Party::person(m_ui->agentNumberEdit->text(), m_ui->agentNameEdit->text());
            if (!a) {
                setError(tr("Agent: %1").arg(a.error()));
                return;
            }
            agent = a.value();
        }
    }
    setError({});
    emitEntered(applicant.value(), agent);
}

void ApplicantPanel::emitEntered(const intake::Party &applicant, const std::optional<intake::Party> &agent)
{
    if (m_adding) {
        m_adding = false;
        m_ui->addPartyButton->setChecked(false);
        Q_EMIT partyAdded(applicant, agent);
        return;
    }
    Q_EMIT applicantEntered(applicant, agent);
}

void ApplicantPanel::startAddingParty()
{
    // The first applicant stays; the form takes the next one (their card, or typed).
    m_adding = m_applicant.has_value();
    m_ui->addPartyButton->setChecked(m_adding);
    if (!m_adding)
        return;
    for (QLineEdit *e : {m_ui->numberEdit, m_ui->nameEdit, m_ui->agentNumberEdit, m_ui->agentNameEdit})
        e->clear();
    m_ui->agentCheck->setChecked(false);
    m_cardAgent.reset();
    setError(tr("Another applicant: read their card or type their number and name."));
    focusEntry();
}

void ApplicantPanel::setMoreParties(const QList<intake::CaseParty> &more)
{
    m_more = more;
    updateSummary();
}

void ApplicantPanel::takeFromCard(const intake::Party &person)
{
    if (m_ui->agentCheck->isChecked()) {
        // 代办: the card on the reader is the agent's. The principal is the one already taken
        // or the one typed; a card never replaces it.
        std::optional<intake::Party> principal = m_applicant;
        if (!m_ui->numberEdit->text().trimmed().isEmpty()) {
            const auto typed = typedApplicant();
            if (typed)
                principal = typed.value();
        }
        m_cardAgent = person;
        m_ui->agentNumberEdit->setText(person.number);
        m_ui->agentNameEdit->setText(person.name);
        if (m_adding && principal && m_applicant && principal->number == m_applicant->number)
            principal.reset(); // adding: the first applicant is not the one this agent acts for
        if (principal) {
            setError({});
            emitEntered(*principal, person);
            return;
        }
        setError(tr("The agent's card was read. Now type the applicant's ID number and name."));
        focusEntry();
        return;
    }
    m_ui->kindCombo->setCurrentIndex(0);
    setError({});
    if (m_adding) {
        emitEntered(person, std::nullopt);
        return;
    }
    Q_EMIT applicantEntered(person, m_agent);
}

bool ApplicantPanel::takeLicence(const QString &scan)
{
    // The business licence QR: a link to the national enterprise credit system carrying the
    // credit code (uniscid) and often the name (entname); or the bare code.
    QString code;
    QString name;
    const QUrl url(scan.trimmed());
    if (url.isValid() && !url.scheme().isEmpty()) {
        const QUrlQuery query(url);
        code = query.queryItemValue(QStringLiteral("uniscid"), QUrl::FullyDecoded);
        name = query.queryItemValue(QStringLiteral("entname"), QUrl::FullyDecoded);
    }
    if (code.isEmpty()) {
        static const QRegularExpression pattern(
            QStringLiteral("[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}"));
        const QRegularExpressionMatch m = pattern.match(scan.toUpper());
        if (m.hasMatch())
            code = m.captured(0);
    }
    if (code.isEmpty() || !CreditCode::parse(code))
        return false;
    m_ui->kindCombo->setCurrentIndex(1);
    m_ui->numberEdit->setText(code.toUpper());
    m_ui->nameEdit->setText(name);
    if (name.isEmpty()) {
        m_ui->nameEdit->setFocus(Qt::OtherFocusReason);
        return true;
    }
    apply();
    return true;
}

void ApplicantPanel::setParties(
    const std::optional<intake::Party> &applicant, const std::optional<intake::Party> &agent)
{
    const bool changedPerson = !applicant || !m_applicant || applicant->number != m_applicant->number;
    m_applicant = applicant;
    m_agent = agent;
    if (changedPerson)
        m_revealed = false;
    if (applicant) {
        // The typed numbers leave the screen once taken; the masked summary stays.
        for (QLineEdit *e : {m_ui->numberEdit, m_ui->nameEdit, m_ui->agentNumberEdit, m_ui->agentNameEdit})
            e->clear();
    }
    if (applicant) {
        m_ui->agentCheck->setChecked(agent.has_value());
        m_cardAgent.reset();
        // Taken: the form folds away (F2 brings it back to change or add someone).
        if (!m_ui->entryBox->isAncestorOf(QApplication::focusWidget()))
            m_ui->entryBox->setVisible(false);
    } else if (!agent && !m_ui->numberEdit->text().trimmed().isEmpty()) {
        // Nothing taken yet but something typed: the clerk's work stays on screen.
    } else {
        m_ui->agentCheck->setChecked(false);
    }
    if (!applicant)
        m_ui->entryBox->setVisible(true);
    updateSummary();
}

void ApplicantPanel::setError(const QString &message)
{
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->setVisible(!message.isEmpty());
}

void ApplicantPanel::setRevealed(bool revealed)
{
    m_revealed = revealed;
    updateSummary();
}

void ApplicantPanel::updateSummary()
{
    m_ui->revealButton->setEnabled(m_applicant.has_value());
    m_ui->revealButton->setChecked(m_revealed);
    m_ui->addPartyButton->setVisible(m_applicant.has_value()); // a further applicant needs a first
    if (!m_applicant) {
        m_ui->summaryLabel->setText(tr("No applicant yet."));
        return;
    }
    auto line = [this](const intake::Party &p) {
        QString text = m_revealed ? QStringLiteral("%1  %2").arg(p.name, p.number)
                                  : QStringLiteral("%1  %2").arg(p.maskedName(), p.maskedNumber());
        // Which document the number is on (its validity is on the identity panel above).
        if (const QString document = p.documentName(); !document.isEmpty())
            text += QStringLiteral(" · ") + document;
        return text;
    };
    QString text = QStringLiteral("<b>%1</b>").arg(line(*m_applicant).toHtmlEscaped());
    if (m_agent)
        text += QStringLiteral("<br>") + tr("Agent: %1").arg(line(*m_agent).toHtmlEscaped());
    for (int i = 0; i < m_more.size(); ++i) {
        text += QStringLiteral("<br><b>%1</b>")
                    .arg(tr("Applicant %1: %2").arg(i + 2).arg(line(m_more.at(i).applicant)).toHtmlEscaped());
        if (m_more.at(i).agent)
            text += QStringLiteral("<br>") + tr("Agent: %1").arg(line(*m_more.at(i).agent).toHtmlEscaped());
    }
    m_ui->summaryLabel->setText(text);
}

void ApplicantPanel::clear()
{
    // A new case: nothing typed, read or shown of the previous applicant stays (issue 19: a
    // name left in the form went with the next typed number).
    for (QLineEdit *e : {m_ui->numberEdit, m_ui->nameEdit, m_ui->agentNumberEdit, m_ui->agentNameEdit})
        e->clear();
    m_ui->kindCombo->setCurrentIndex(0);
    m_ui->agentCheck->setChecked(false);
    m_ui->addPartyButton->setChecked(false);
    m_applicant.reset();
    m_agent.reset();
    m_cardAgent.reset();
    m_more.clear();
    m_adding = false;
    m_revealed = false;
    setError({});
    validateAsTyped();
    m_ui->entryBox->setVisible(true);
    updateSummary();
}

void ApplicantPanel::focusEntry()
{
    m_ui->entryBox->setVisible(true);
    m_ui->numberEdit->setFocus(Qt::ShortcutFocusReason);
}

bool ApplicantPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            // Enter moves on: number → name → (agent) → take the applicant.
            if (watched == m_ui->numberEdit) {
                m_ui->nameEdit->setFocus();
            } else if (watched == m_ui->nameEdit && m_ui->agentCheck->isChecked()) {
                m_ui->agentNumberEdit->setFocus();
            } else if (watched == m_ui->agentNumberEdit) {
                m_ui->agentNameEdit->setFocus();
            } else {
                apply();
            }
            return true;
        }
    }
    return QGroupBox::eventFilter(watched, event);
}

void ApplicantPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        validateAsTyped();
        updateSummary();
    }
    QGroupBox::changeEvent(event);
}

} // namespace ow::ui
