#pragma once

#include "onewindow/store/WindowSettings.h"

#include <QDialog>
#include <QUrl>

#include <memory>

namespace Ui {
class WindowIdentityDialog;
}

namespace ow::account {
class Enrolment;
}

namespace ow::ui {

// The client's first start outside demo mode. With enableEnrolment() (a real window): the back
// office's address, the window as on the administrator's note and the one-use enrolment code; the
// dialog closes when the back office has confirmed the identity (account::Enrolment stores it and
// the address). Without (or after "works without a back office"): region code, window code and
// name by hand, checked before the dialog closes (a bad value is named and the dialog stays open).
class WindowIdentityDialog : public QDialog
{
    Q_OBJECT

public:
    explicit WindowIdentityDialog(QWidget *parent = nullptr);
    ~WindowIdentityDialog() override;

    // Shows the back-office path first; `dataDir` is where the enrolment stores what it gets.
    void enableEnrolment(const QString &dataDir);
    // True when the identity came from the back office (already stored with its address).
    bool enrolled() const { return m_enrolled; }
    QUrl backOffice() const;

    store::WindowIdentity identity() const;
    QString error() const;

    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    bool enrolling() const;
    void showManual();
    void enrolmentFinished(bool ok, const QString &message);
    void showError(const QString &message);

    std::unique_ptr<Ui::WindowIdentityDialog> m_ui;
    account::Enrolment *m_enrolment = nullptr;
    bool m_enrolled = false;
};

} // namespace ow::ui
