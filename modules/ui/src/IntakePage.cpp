#include "onewindow/ui/IntakePage.h"

#include "onewindow/core/CreditCode.h"
#include "onewindow/core/IdNumber.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/IdentityPanel.h"
#include "ui_IntakePage.h"

#include <QEvent>
#include <QLocale>

namespace ow::ui {

namespace {

QString kindText(IdNumber::Kind kind)
{
    switch (kind) {
    case IdNumber::Kind::Resident: return IntakePage::tr("resident ID card");
    case IdNumber::Kind::HongKongPermit: return IntakePage::tr("Hong Kong residence permit");
    case IdNumber::Kind::MacaoPermit: return IntakePage::tr("Macao residence permit");
    case IdNumber::Kind::TaiwanPermit: return IntakePage::tr("Taiwan residence permit");
    case IdNumber::Kind::ForeignerPermanent: return IntakePage::tr("foreigner permanent residence card");
    }
    return {};
}

void showVerdict(QLabel *label, bool ok, const QString &text)
{
    label->setText(text);
    label->setStyleSheet(ok ? QStringLiteral("color: #1b7f3b;") : QStringLiteral("color: #b00020;"));
}

} // namespace

IntakePage::IntakePage(const ClientContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_ui(std::make_unique<Ui::IntakePage>())
{
    m_ui->setupUi(this);
    auto *identity = new IdentityPanel(context.clock, this);
    identity->setObjectName(QStringLiteral("identityPanel"));
    identity->attachReader(context.cardReader);
    m_ui->pageLayout->insertWidget(1, identity);
    connect(m_ui->idNumberEdit, &QLineEdit::textChanged, this, &IntakePage::refresh);
    connect(m_ui->creditCodeEdit, &QLineEdit::textChanged, this, &IntakePage::refresh);
    refresh();
}

IntakePage::~IntakePage() = default;

void IntakePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        refresh();
    }
    QWidget::changeEvent(event);
}

void IntakePage::refresh()
{
    // Validated as it is typed: a partial number is "keep typing", a full one is checked.
    const QString id = m_ui->idNumberEdit->text().trimmed();
    if (id.isEmpty()) {
        m_ui->idStatusLabel->clear();
    } else if (id.size() < 15 || id.size() == 16 || id.size() == 17) {
        showVerdict(m_ui->idStatusLabel, true, tr("%n more character(s) to go.", nullptr, int(18 - id.size())));
    } else {
        const auto parsed = IdNumber::parse(id);
        if (!parsed) {
            showVerdict(m_ui->idStatusLabel, false, parsed.error());
        } else {
            const QString gender = parsed->gender() == IdNumber::Gender::Male ? tr("male") : tr("female");
            QString text = tr("Valid %1 · born %2 · %3 · age %4 · region %5")
                               .arg(kindText(parsed->kind()),
                                   QLocale().toString(parsed->birthDate(), QLocale::ShortFormat), gender)
                               .arg(parsed->ageOn(m_context.clock->today()))
                               .arg(parsed->regionCode());
            if (parsed->wasUpgradedFrom15())
                text += QLatin1Char(' ') + tr("(upgraded from the 15-digit number to %1)").arg(parsed->number());
            showVerdict(m_ui->idStatusLabel, true, text);
        }
    }

    const QString code = m_ui->creditCodeEdit->text().trimmed();
    if (code.isEmpty()) {
        m_ui->creditStatusLabel->clear();
    } else if (code.size() < 18) {
        showVerdict(m_ui->creditStatusLabel, true, tr("%n more character(s) to go.", nullptr, int(18 - code.size())));
    } else {
        const auto parsed = CreditCode::parse(code);
        if (!parsed)
            showVerdict(m_ui->creditStatusLabel, false, parsed.error());
        else
            showVerdict(m_ui->creditStatusLabel, true,
                tr("Valid credit code · region %1 · organisation code %2")
                    .arg(parsed->regionCode(), parsed->organisationCode()));
    }
}

} // namespace ow::ui
