#include "onewindow/ui/IdentityPanel.h"

#include "onewindow/core/Clock.h"
#include "onewindow/core/Masking.h"
#include "onewindow/idcard/IdCardReader.h"
#include "onewindow/idcard/WltDecoder.h"
#include "ui_IdentityPanel.h"

#include <QEvent>
#include <QImage>
#include <QLocale>
#include <QPixmap>
#include <QSignalBlocker>

namespace ow::ui {

namespace {

QString typeText(idcard::CardType type)
{
    switch (type) {
    case idcard::CardType::Resident: return IdentityPanel::tr("Resident ID card");
    case idcard::CardType::ForeignPermanent: return IdentityPanel::tr("Foreigner permanent residence card (2017)");
    case idcard::CardType::ForeignPermanent2023: return IdentityPanel::tr("Foreigner permanent residence card (2023)");
    case idcard::CardType::HkMacaoTaiwan: return IdentityPanel::tr("Hong Kong/Macao/Taiwan residence permit");
    }
    return {};
}

} // namespace

QString IdentityPanel::nationalityName(const QString &alpha3)
{
    // GB/T 2659 alpha-3 codes as a clerk reads them; the code itself for the rest.
    static const QList<QPair<QLatin1String, const char *>> names = {
        {QLatin1String("USA"), QT_TR_NOOP("United States")},
        {QLatin1String("GBR"), QT_TR_NOOP("United Kingdom")},
        {QLatin1String("CAN"), QT_TR_NOOP("Canada")},
        {QLatin1String("AUS"), QT_TR_NOOP("Australia")},
        {QLatin1String("DEU"), QT_TR_NOOP("Germany")},
        {QLatin1String("FRA"), QT_TR_NOOP("France")},
        {QLatin1String("JPN"), QT_TR_NOOP("Japan")},
        {QLatin1String("KOR"), QT_TR_NOOP("South Korea")},
        {QLatin1String("RUS"), QT_TR_NOOP("Russia")},
        {QLatin1String("SGP"), QT_TR_NOOP("Singapore")},
        {QLatin1String("MYS"), QT_TR_NOOP("Malaysia")},
        {QLatin1String("ITA"), QT_TR_NOOP("Italy")},
        {QLatin1String("NZL"), QT_TR_NOOP("New Zealand")},
        {QLatin1String("PAK"), QT_TR_NOOP("Pakistan")},
        {QLatin1String("IND"), QT_TR_NOOP("India")},
        {QLatin1String("BRA"), QT_TR_NOOP("Brazil")},
    };
    for (const auto &n : names) {
        if (alpha3 == n.first)
            return tr(n.second);
    }
    return alpha3;
}

namespace {

QString dateText(const QDate &date)
{
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : QString();
}

} // namespace

IdentityPanel::IdentityPanel(const Clock *clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock ? clock : &Clock::system())
    , m_ui(std::make_unique<Ui::IdentityPanel>())
{
    m_ui->setupUi(this);
    connect(m_ui->revealButton, &QPushButton::toggled, this, &IdentityPanel::requestReveal);
    connect(m_ui->clearButton, &QPushButton::clicked, this, &IdentityPanel::clear);
    refresh();
}

IdentityPanel::~IdentityPanel()
{
    if (m_reader)
        m_reader->setCardExpected(false);
}

void IdentityPanel::attachReader(idcard::IdCardReader *reader)
{
    m_reader = reader;
    if (!reader)
        return;
    connect(reader, &idcard::IdCardReader::cardRead, this, &IdentityPanel::showCard);
    connect(reader, &idcard::IdCardReader::readFailed, this, [this](const QString &message) { showFailure(message); });
    connect(reader, &idcard::IdCardReader::cardRemoved, this, [this] {
        m_cardOnReader = false;
        refresh();
    });
    if (isVisible())
        reader->setCardExpected(true);
}

void IdentityPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_reader)
        m_reader->setCardExpected(true); // poll only while the clerk can see the result
}

void IdentityPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    if (m_reader)
        m_reader->setCardExpected(false);
}

void IdentityPanel::showCard(const idcard::IdCardData &card)
{
    m_card = card;
    m_failure.clear();
    m_cardOnReader = true;
    m_revealed = false; // a new person starts masked
    setChecked(false);
    refresh();
    Q_EMIT cardShown(card);
}

void IdentityPanel::showFailure(const QString &message)
{
    m_failure = message;
    refresh();
}

void IdentityPanel::clear()
{
    m_card.reset();
    m_failure.clear();
    m_cardOnReader = false;
    m_revealed = false;
    setChecked(false);
    refresh();
}

bool IdentityPanel::isRevealed() const
{
    return m_revealed;
}

void IdentityPanel::setRevealed(bool revealed)
{
    requestReveal(revealed);
}

void IdentityPanel::setRevealGate(RevealGate gate)
{
    m_gate = std::move(gate);
}

void IdentityPanel::setChecked(bool on)
{
    const QSignalBlocker block(m_ui->revealButton);
    m_ui->revealButton->setChecked(on);
}

void IdentityPanel::requestReveal(bool on)
{
    if (!on || !m_card) {
        m_revealed = false;
        setChecked(false);
        refresh();
        return;
    }
    if (m_revealed) {
        setChecked(true);
        return;
    }
    // PIPL: the audit entry is written first; no entry, no reveal.
    const QString denied = m_gate ? m_gate(*m_card) : tr("Revealing is not available here: it cannot be recorded.");
    if (!denied.isEmpty()) {
        m_revealed = false;
        setChecked(false);
        m_failure = tr("Not revealed: %1").arg(denied);
        refresh();
        return;
    }
    m_failure.clear();
    m_revealed = true;
    setChecked(true);
    refresh();
    Q_EMIT revealed(*m_card);
}

void IdentityPanel::refresh()
{
    const bool have = m_card.has_value();
    m_ui->revealButton->setEnabled(have);
    m_ui->clearButton->setEnabled(have || !m_failure.isEmpty());
    for (QLabel *value : {m_ui->nameValue, m_ui->englishNameValue, m_ui->genderValue, m_ui->originValue,
             m_ui->birthValue, m_ui->numberValue, m_ui->addressValue, m_ui->validityValue, m_ui->extraValue})
        value->clear();
    m_ui->warningLabel->setText(m_failure);
    if (!have) {
        for (QLabel *value : {m_ui->nameValue, m_ui->englishNameValue, m_ui->genderValue, m_ui->originValue,
                 m_ui->birthValue, m_ui->numberValue, m_ui->addressValue, m_ui->validityValue, m_ui->extraValue})
            m_ui->fieldsLayout->setRowVisible(value, false); // empty rows only take room
        m_ui->headlineLabel->setText(tr("Place the ID card on the reader."));
        m_ui->photoLabel->setPixmap(QPixmap());
        m_ui->photoLabel->setText(tr("Photo"));
        m_ui->photoLabel->setVisible(false);
        return;
    }
    const idcard::IdCardData &full = *m_card;
    const idcard::IdCardData shown = isRevealed() ? full : full.masked();
    QString headline = typeText(full.type);
    if (!m_cardOnReader)
        headline += QStringLiteral(" · ") + tr("card taken off the reader");
    m_ui->headlineLabel->setText(headline);

    m_ui->nameValue->setText(shown.name);
    m_ui->englishNameValue->setText(shown.englishName);
    m_ui->genderValue->setText(full.gender == idcard::Gender::Male
            ? tr("male")
            : (full.gender == idcard::Gender::Female ? tr("female") : QString()));
    if (!full.nationCode.isEmpty())
        m_ui->originValue->setText(full.nationName().isEmpty() ? full.nationCode : full.nationName());
    else
        m_ui->originValue->setText(nationalityName(full.nationality));
    m_ui->birthValue->setText(isRevealed() ? dateText(full.birthDate) : QStringLiteral("****-**-**"));
    m_ui->numberValue->setText(shown.idNumber);
    QString address = shown.address;
    if (!shown.appendedAddress.isEmpty())
        address += QLatin1Char('\n') + tr("Appended address: %1").arg(shown.appendedAddress);
    m_ui->addressValue->setText(address);
    m_ui->validityValue->setText(full.longTerm
            ? tr("%1 – long-term").arg(dateText(full.validFrom))
            : tr("%1 – %2").arg(dateText(full.validFrom), dateText(full.validUntil)));
    QStringList extra;
    if (!shown.passNumber.isEmpty())
        extra << tr("Pass number %1").arg(shown.passNumber);
    if (!full.issueCount.isEmpty())
        extra << tr("Issued %1 time(s)").arg(full.issueCount);
    if (!full.authority.isEmpty())
        extra << tr("Issued by %1").arg(full.authority);
    // The 'I' card's code at offset 240 is the accepting authority's, never an issuer.
    if (!full.acceptingAuthorityCode.isEmpty())
        extra << tr("Accepting-authority code %1").arg(full.acceptingAuthorityCode);
    m_ui->extraValue->setText(extra.join(QStringLiteral(" · ")));

    // Each card type fills other fields: show the rows it has.
    for (QLabel *value : {m_ui->nameValue, m_ui->englishNameValue, m_ui->genderValue, m_ui->originValue,
             m_ui->birthValue, m_ui->numberValue, m_ui->addressValue, m_ui->validityValue, m_ui->extraValue})
        m_ui->fieldsLayout->setRowVisible(value, !value->text().isEmpty());

    QStringList warnings;
    if (full.isExpired(m_clock->today()))
        warnings << tr("This card expired on %1.").arg(dateText(full.validUntil));
    else if (full.validFrom.isValid() && full.validFrom > m_clock->today())
        warnings << tr("This card is valid only from %1.").arg(dateText(full.validFrom));
    // What the decoder found wrong with the card's data (a failing check digit, an impossible
    // date, characters removed from the name): the clerk sees it before using the card.
    warnings << full.warnings;
    if (!m_failure.isEmpty())
        warnings << m_failure;
    m_ui->warningLabel->setText(warnings.join(QLatin1Char('\n')));

    // The photo: decoded by a licensed decoder if one is installed, else a placeholder.
    const auto image = idcard::WltDecoder::decodePhoto(full.photoWlt);
    QImage photo;
    if (image && isRevealed())
        photo = QImage::fromData(image.value());
    // Without a photo to show, its frame gives the room back to the fields (a narrow screen
    // needs it); why there is none is said in the headline's tooltip.
    m_ui->photoLabel->setVisible(!photo.isNull());
    if (!photo.isNull()) {
        m_ui->photoLabel->setPixmap(QPixmap::fromImage(photo.scaled(102, 126, Qt::KeepAspectRatio)));
        m_ui->headlineLabel->setToolTip(QString());
    } else {
        m_ui->photoLabel->setPixmap(QPixmap());
        const QString why = full.photoWlt.isEmpty()
            ? tr("No photo")
            : (image ? tr("Photo hidden") : tr("Photo (needs the licensed decoder)"));
        m_ui->photoLabel->setText(why);
        m_ui->headlineLabel->setToolTip(why);
    }
}

void IdentityPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        refresh();
    }
    QWidget::changeEvent(event);
}

} // namespace ow::ui
