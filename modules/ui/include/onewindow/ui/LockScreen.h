#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class LockScreen;
}

namespace ow::ui {

// The opaque cover IdleLock lays over a locked window: it hides everything under it (applicant,
// cards, documents) and asks for the signed-in clerk's password.
class LockScreen : public QWidget
{
    Q_OBJECT

public:
    explicit LockScreen(QWidget *parent = nullptr);
    ~LockScreen() override;

    void setUser(const QString &name);
    void setError(const QString &message); // "" hides it
    QString error() const;
    void setBusy(bool busy);
    void reset(); // empty password, no error, focus on the password

Q_SIGNALS:
    void unlockRequested(const QString &password);

protected:
    void changeEvent(QEvent *event) override;

private:
    void submit();

    std::unique_ptr<Ui::LockScreen> m_ui;
    QString m_user;
};

} // namespace ow::ui
