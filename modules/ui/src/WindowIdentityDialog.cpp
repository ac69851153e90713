#include "onewindow/ui/WindowIdentityDialog.h"

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
}

WindowIdentityDialog::~WindowIdentityDialog() = default;

store::WindowIdentity WindowIdentityDialog::identity() const
{
    return store::WindowSettings::normalised(
        {m_ui->regionEdit->text(), m_ui->codeEdit->text(), m_ui->nameEdit->text()});
}

QString WindowIdentityDialog::error() const
{
    return m_ui->errorLabel->isHidden() ? QString() : m_ui->errorLabel->text();
}

void WindowIdentityDialog::accept()
{
    const QString err = store::WindowSettings::validate(identity());
    if (!err.isEmpty()) {
        m_ui->errorLabel->setText(err);
        m_ui->errorLabel->show();
        return;
    }
    QDialog::accept();
}

void WindowIdentityDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_ui->retranslateUi(this);
    QDialog::changeEvent(event);
}

} // namespace ow::ui
