#pragma once

#include "onewindow/store/WindowSettings.h"

#include <QDialog>

#include <memory>

namespace Ui {
class WindowIdentityDialog;
}

namespace ow::ui {

// The client's first start outside demo mode: region code, window code and name, checked before
// the dialog closes (a bad value is named and the dialog stays open).
class WindowIdentityDialog : public QDialog
{
    Q_OBJECT

public:
    explicit WindowIdentityDialog(QWidget *parent = nullptr);
    ~WindowIdentityDialog() override;

    store::WindowIdentity identity() const;
    QString error() const;

    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    std::unique_ptr<Ui::WindowIdentityDialog> m_ui;
};

} // namespace ow::ui
