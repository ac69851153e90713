#include "onewindow/ui/LockScreen.h"

#include "ui_LockScreen.h"

#include <QEvent>

namespace ow::ui {

LockScreen::LockScreen(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::LockScreen>())
{
    m_ui->setupUi(this);
    m_ui->errorLabel->hide();
    connect(m_ui->unlockButton, &QPushButton::clicked, this, &LockScreen::submit);
    connect(m_ui->passwordEdit, &QLineEdit::returnPressed, this, &LockScreen::submit);
}

LockScreen::~LockScreen() = default;

void LockScreen::setUser(const QString &name)
{
    m_user = name;
    m_ui->userLabel->setText(
        tr("Signed in: %1. Enter your password to continue; the open case is kept as it is.").arg(m_user));
}

void LockScreen::setError(const QString &message)
{
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->setVisible(!message.isEmpty());
}

QString LockScreen::error() const
{
    return m_ui->errorLabel->isHidden() ? QString() : m_ui->errorLabel->text();
}

void LockScreen::setBusy(bool busy)
{
    m_ui->passwordEdit->setEnabled(!busy);
    m_ui->unlockButton->setEnabled(!busy);
    if (!busy)
        m_ui->passwordEdit->setFocus();
}

void LockScreen::reset()
{
    m_ui->passwordEdit->clear();
    setError(QString());
    setBusy(false);
}

void LockScreen::submit()
{
    const QString password = m_ui->passwordEdit->text();
    m_ui->passwordEdit->clear();
    Q_EMIT unlockRequested(password);
}

void LockScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        setUser(m_user);
    }
    QWidget::changeEvent(event);
}

} // namespace ow::ui
