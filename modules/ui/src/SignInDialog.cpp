#include "onewindow/ui/SignInDialog.h"

#include "ui_SignInDialog.h"

#include <QEvent>
#include <QPushButton>
#include <QTimer>

namespace ow::ui {

SignInDialog::SignInDialog(account::SignIn *signIn, const QString &windowName, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SignInDialog>())
    , m_signIn(signIn)
    , m_windowName(windowName)
    , m_waitTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_ui->windowLabel->setText(m_windowName);
    m_ui->windowLabel->setVisible(!m_windowName.isEmpty());
    m_ui->statusLabel->hide();
    m_waitTimer->setSingleShot(true);
    connect(m_waitTimer, &QTimer::timeout, this, &SignInDialog::updateWait);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SignInDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SignInDialog::reject);
    connect(m_signIn, &account::SignIn::finished, this, &SignInDialog::signedIn);
    m_ui->userEdit->setFocus();
}

SignInDialog::~SignInDialog() = default;

void SignInDialog::setUser(const QString &name)
{
    m_ui->userEdit->setText(name);
    if (!name.isEmpty())
        m_ui->passwordEdit->setFocus();
}

QString SignInDialog::status() const
{
    return m_ui->statusLabel->isHidden() ? QString() : m_ui->statusLabel->text();
}

void SignInDialog::accept()
{
    // An offline sign-in was shown; this OK goes on with it.
    if (m_outcome.ok) {
        QDialog::accept();
        return;
    }
    if (m_signIn->busy() || m_waitTimer->isActive())
        return;
    setBusy(true);
    m_ui->statusLabel->setStyleSheet(QString());
    m_ui->statusLabel->setTextFormat(Qt::PlainText);
    m_ui->statusLabel->setText(tr("Signing in…"));
    m_ui->statusLabel->show();
    adjustSize();
    m_signIn->start(m_ui->userEdit->text(), m_ui->passwordEdit->text());
}

void SignInDialog::setBusy(bool busy)
{
    m_ui->userEdit->setEnabled(!busy);
    m_ui->passwordEdit->setEnabled(!busy);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!busy);
}

void SignInDialog::signedIn(const account::SignInOutcome &outcome)
{
    setBusy(false);
    m_ui->passwordEdit->clear();
    if (outcome.ok) {
        m_outcome = outcome;
        if (!outcome.offline) {
            QDialog::accept();
            return;
        }
        m_ui->userEdit->setEnabled(false);
        m_ui->passwordEdit->setEnabled(false);
        m_ui->statusLabel->setStyleSheet(QStringLiteral("color:#8a5a00;"));
        // Bold and first: the clerk sees at a glance that this is an offline sign-in.
        QString text = QStringLiteral("<b>%1</b><br>%2")
                           .arg(tr("Signed in offline").toHtmlEscaped(),
                               tr("The back office is not reachable; cases are kept here and sent when it is back.")
                                   .toHtmlEscaped());
        if (!outcome.message.isEmpty())
            text += QStringLiteral("<br><small>%1</small>").arg(outcome.message.toHtmlEscaped());
        m_ui->statusLabel->setTextFormat(Qt::RichText);
        m_ui->statusLabel->setText(text);
        adjustSize();
        m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Continue"));
        m_ui->buttonBox->button(QDialogButtonBox::Ok)->setFocus();
        return;
    }
    m_ui->statusLabel->setStyleSheet(QStringLiteral("color:#b00020;"));
    m_ui->statusLabel->setTextFormat(Qt::PlainText);
    m_ui->statusLabel->setText(outcome.message);
    m_ui->statusLabel->show();
    adjustSize();
    m_ui->passwordEdit->setFocus();
    if (outcome.waitSeconds > 0) {
        m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(false);
        m_waitTimer->start(outcome.waitSeconds * 1000);
    }
}

void SignInDialog::updateWait()
{
    const int wait = m_signIn->waitSeconds(m_ui->userEdit->text().trimmed());
    if (wait > 0) {
        m_waitTimer->start(wait * 1000);
        return;
    }
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(true);
}

void SignInDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_ui->windowLabel->setText(m_windowName);
    }
    QDialog::changeEvent(event);
}

} // namespace ow::ui
