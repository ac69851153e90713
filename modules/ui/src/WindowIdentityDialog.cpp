#include "onewindow/ui/WindowIdentityDialog.h"

#include "onewindow/account/Enrolment.h"

#include "ui_WindowIdentityDialog.h"

#include <QEvent>
#include <QPushButton>

namespace ow::ui {

WindowIdentityDialog::WindowIdentityDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::WindowIdentityDialog>())
{
    m_ui->setupUi(this);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &WindowIdentityDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &WindowIdentityDialog::reject);
    m_ui->errorLabel->hide();
    m_ui->manualButton->hide();
    connect(m_ui->manualButton, &QPushButton::clicked, this, &WindowIdentityDialog::showManual);
}

WindowIdentityDialog::~WindowIdentityDialog() = default;

void WindowIdentityDialog::enableEnrolment(const QString &dataDir)
{
    if (!m_enrolment) {
        m_enrolment = new account::Enrolment(dataDir, this);
        connect(m_enrolment, &account::Enrolment::finished, this, &WindowIdentityDialog::enrolmentFinished);
    }
    m_ui->pages->setCurrentWidget(m_ui->enrolPage);
    // The hidden page takes no room.
    m_ui->manualPage->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_ui->enrolPage->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    m_ui->manualButton->show();
    m_ui->introLabel->setText(tr("This computer is not set up as a window yet. Enter the back office's address, "
                                 "the window and the enrolment code from the administrator's note: the back office "
                                 "confirms who this window is and takes its receipt key."));
    m_ui->addressEdit->setFocus();
    adjustSize();
}

bool WindowIdentityDialog::enrolling() const
{
    return m_enrolment && m_ui->pages->currentWidget() == m_ui->enrolPage;
}

void WindowIdentityDialog::showManual()
{
    m_ui->pages->setCurrentWidget(m_ui->manualPage);
    m_ui->enrolPage->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_ui->manualPage->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    m_ui->manualButton->hide();
    m_ui->errorLabel->hide();
    m_ui->retranslateUi(this);
    m_ui->regionEdit->setFocus();
    adjustSize();
}

QUrl WindowIdentityDialog::backOffice() const
{
    return m_enrolled ? m_enrolment->backOffice() : QUrl();
}

void WindowIdentityDialog::showError(const QString &message)
{
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->show();
    adjustSize(); // the message takes room; the fields keep theirs
}

void WindowIdentityDialog::enrolmentFinished(bool ok, const QString &message)
{
    m_ui->pages->setEnabled(true);
    m_ui->manualButton->setEnabled(true);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(true);
    if (!ok) {
        showError(message);
        return;
    }
    m_enrolled = true;
    QDialog::accept();
}

store::WindowIdentity WindowIdentityDialog::identity() const
{
    if (m_enrolled)
        return m_enrolment->identity();
    return store::WindowSettings::normalised(
        {m_ui->regionEdit->text(), m_ui->codeEdit->text(), m_ui->nameEdit->text()});
}

QString WindowIdentityDialog::error() const
{
    return m_ui->errorLabel->isHidden() ? QString() : m_ui->errorLabel->text();
}

void WindowIdentityDialog::accept()
{
    if (enrolling()) {
        if (m_enrolment->busy())
            return;
        m_ui->errorLabel->hide();
        m_ui->pages->setEnabled(false);
        m_ui->manualButton->setEnabled(false);
        m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(false);
        m_enrolment->start(m_ui->addressEdit->text(), m_ui->windowKeyEdit->text(), m_ui->enrolCodeEdit->text());
        return;
    }
    const QString err = store::WindowSettings::validate(identity());
    if (!err.isEmpty()) {
        showError(err);
        return;
    }
    QDialog::accept();
}

void WindowIdentityDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        if (enrolling())
            enableEnrolment(QString());
    }
    QDialog::changeEvent(event);
}

} // namespace ow::ui
