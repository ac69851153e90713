#pragma once

#include "onewindow/account/SignIn.h"

#include <QDialog>

#include <memory>

class QTimer;

namespace Ui {
class SignInDialog;
}

namespace ow::ui {

// The clerk's sign-in at the start of a real window: user and password, checked by the back office
// (account::SignIn), or offline against the verifier cached at an earlier online sign-in. An
// offline sign-in says so (离线登录) and waits for a second OK; a wrong password is named and the
// next try waits longer (OK stays disabled meanwhile).
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    // `signIn` must outlive the dialog. `windowName`: shown above the fields.
    SignInDialog(account::SignIn *signIn, const QString &windowName, QWidget *parent = nullptr);
    ~SignInDialog() override;

    void setUser(const QString &name);
    // The successful sign-in (ok is false until there is one).
    const account::SignInOutcome &outcome() const { return m_outcome; }
    QString status() const;

    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void signedIn(const account::SignInOutcome &outcome);
    void setBusy(bool busy);
    void updateWait();

    std::unique_ptr<Ui::SignInDialog> m_ui;
    account::SignIn *m_signIn;
    QString m_windowName;
    account::SignInOutcome m_outcome;
    QTimer *m_waitTimer;
};

} // namespace ow::ui
