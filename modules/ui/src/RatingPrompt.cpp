#include "onewindow/ui/RatingPrompt.h"

#include "onewindow/receipt/RatingSeal.h"

#include "ui_RatingPrompt.h"

#include <QButtonGroup>
#include <QCloseEvent>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QScreen>

namespace ow::ui {

namespace {

constexpr int kTitlePoints = 32;
constexpr int kTextPoints = 22;
constexpr int kButtonHeight = 120; // touch-sized
constexpr int kTextHeight = 140;
constexpr qsizetype kMaxText = 500;

} // namespace

RatingPrompt::RatingPrompt(const QString &caseId, const QString &service, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RatingPrompt>())
{
    m_ui->setupUi(this);
    m_rating.caseId = caseId;
    m_rating.service = service;
    setModal(true);
    // No close button: the applicant ends it by choosing, or by declining.
    setWindowFlags(Qt::Dialog | Qt::CustomizeWindowHint | Qt::WindowTitleHint);
    QFont big = font();
    big.setPointSize(kTextPoints);
    setFont(big);
    QFont title = big;
    title.setPointSize(kTitlePoints);
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    auto *levels = new QButtonGroup(this);
    levels->setExclusive(true);
    for (QAbstractButton *b : QList<QAbstractButton *> {m_ui->levelVerySatisfied, m_ui->levelSatisfied,
             m_ui->levelBasic, m_ui->levelDissatisfied, m_ui->levelVeryDissatisfied}) {
        levels->addButton(b);
        b->setMinimumHeight(kButtonHeight);
    }
    for (QWidget *w : QList<QWidget *> {m_ui->submitButton, m_ui->declineButton, m_ui->reasonEfficiency,
             m_ui->reasonCompetence, m_ui->reasonAttitude, m_ui->reasonGuide})
        w->setMinimumHeight(kButtonHeight / 2);
    m_ui->freeText->setMinimumHeight(kTextHeight);
    connect(levels, &QButtonGroup::buttonClicked, this, &RatingPrompt::levelChosen);
    connect(m_ui->submitButton, &QPushButton::clicked, this, &RatingPrompt::submit);
    connect(m_ui->declineButton, &QPushButton::clicked, this, &RatingPrompt::decline);
    m_ui->reasonsBox->setVisible(false);
    m_ui->submitButton->setEnabled(false);
    retranslate();
}

RatingPrompt::~RatingPrompt() = default;

void RatingPrompt::retranslate()
{
    using R = receipt::Rating;
    m_ui->retranslateUi(this);
    m_ui->levelVerySatisfied->setText(R::levelText(R::Level::VerySatisfied));
    m_ui->levelSatisfied->setText(R::levelText(R::Level::Satisfied));
    m_ui->levelBasic->setText(R::levelText(R::Level::Basic));
    m_ui->levelDissatisfied->setText(R::levelText(R::Level::Dissatisfied));
    m_ui->levelVeryDissatisfied->setText(R::levelText(R::Level::VeryDissatisfied));
    m_ui->reasonEfficiency->setText(R::reasonText(QStringLiteral("efficiency")));
    m_ui->reasonCompetence->setText(R::reasonText(QStringLiteral("competence")));
    m_ui->reasonAttitude->setText(R::reasonText(QStringLiteral("attitude")));
    m_ui->reasonGuide->setText(R::reasonText(QStringLiteral("guide")));
    if (m_rating.service == QLatin1String("supplement"))
        m_ui->serviceLabel->setText(tr("How was the service when you brought the supplement?"));
    else if (m_rating.service == QLatin1String("handout"))
        m_ui->serviceLabel->setText(tr("How was the service when you collected your results?"));
    else
        m_ui->serviceLabel->setText(tr("How was the service when your application was accepted?"));
}

void RatingPrompt::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

std::optional<receipt::Rating::Level> RatingPrompt::chosenLevel() const
{
    using L = receipt::Rating::Level;
    if (m_ui->levelVerySatisfied->isChecked())
        return L::VerySatisfied;
    if (m_ui->levelSatisfied->isChecked())
        return L::Satisfied;
    if (m_ui->levelBasic->isChecked())
        return L::Basic;
    if (m_ui->levelDissatisfied->isChecked())
        return L::Dissatisfied;
    if (m_ui->levelVeryDissatisfied->isChecked())
        return L::VeryDissatisfied;
    return std::nullopt;
}

void RatingPrompt::levelChosen(QAbstractButton *)
{
    const auto level = chosenLevel();
    const bool bad = level && int(*level) <= int(receipt::Rating::Level::Dissatisfied);
    // The reasons and the text belong to the two bad levels only.
    m_ui->reasonsBox->setVisible(bad);
    m_ui->submitButton->setEnabled(level.has_value());
}

void RatingPrompt::submit()
{
    const auto level = chosenLevel();
    if (!level)
        return;
    m_rating.level = level;
    m_rating.reasons.clear();
    m_rating.text.clear();
    if (m_rating.bad()) {
        const QList<QPair<QCheckBox *, QString>> reasons {{m_ui->reasonEfficiency, QStringLiteral("efficiency")},
            {m_ui->reasonCompetence, QStringLiteral("competence")}, {m_ui->reasonAttitude, QStringLiteral("attitude")},
            {m_ui->reasonGuide, QStringLiteral("guide")}};
        for (const auto &[box, key] : reasons) {
            if (box->isChecked())
                m_rating.reasons << key;
        }
        m_rating.text = m_ui->freeText->toPlainText().trimmed().left(kMaxText);
    }
    m_rating.at = QDateTime::currentDateTimeUtc();
    m_finished = true;
    accept();
}

void RatingPrompt::decline()
{
    m_rating.level.reset();
    m_rating.reasons.clear();
    m_rating.text.clear();
    m_rating.at = QDateTime::currentDateTimeUtc();
    m_finished = true;
    accept();
}

void RatingPrompt::withdraw()
{
    if (m_finished)
        return;
    m_withdrawn = true;
    m_finished = true;
    QDialog::done(QDialog::Rejected);
}

void RatingPrompt::reject()
{
    // Escape and the window manager's close land here: not the applicant's choice.
}

void RatingPrompt::done(int result)
{
    if (m_finished)
        QDialog::done(result);
}

void RatingPrompt::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void RatingPrompt::closeEvent(QCloseEvent *event)
{
    if (m_finished)
        event->accept();
    else
        event->ignore(); // Alt+F4 and the like
}

QScreen *RatingPrompt::applicantScreen()
{
    const QList<QScreen *> screens = QGuiApplication::screens();
    QScreen *primary = QGuiApplication::primaryScreen();
    for (QScreen *s : screens) {
        if (s != primary)
            return s;
    }
    return nullptr;
}

void RatingPrompt::placeForApplicant()
{
    QScreen *screen = applicantScreen();
    if (!screen)
        screen = parentWidget() ? parentWidget()->screen() : QGuiApplication::primaryScreen();
    if (screen) {
        setScreen(screen);
        setGeometry(screen->geometry());
    }
    setWindowState(windowState() | Qt::WindowFullScreen);
}

Result<QJsonObject> RatingPrompt::sealedPayload(const receipt::Rating &rating, const QByteArray &ratingKey)
{
    if (ratingKey.isEmpty())
        return Result<QJsonObject>::failure(
            tr("The back office's rating key has not arrived yet; the rating cannot be sealed."));
    auto sealed = receipt::RatingSeal::seal(rating, ratingKey);
    if (!sealed)
        return Result<QJsonObject>::failure(sealed.error());
    return QJsonObject {{QStringLiteral("service"), rating.service}, {QStringLiteral("sealed"), sealed.value()}};
}

Result<QJsonObject> RatingPrompt::ask(
    const QString &caseId, const QString &service, const QByteArray &ratingKey, QWidget *parent)
{
    if (ratingKey.isEmpty())
        return sealedPayload({}, ratingKey);
    RatingPrompt prompt(caseId, service, parent);
    prompt.placeForApplicant();
    prompt.exec();
    return sealedPayload(prompt.rating(), ratingKey);
}

} // namespace ow::ui
