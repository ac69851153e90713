#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QTimer;
class QWidget;

namespace ow::account {
class SignIn;
struct SignInOutcome;
} // namespace ow::account

namespace ow::ui {

class LockScreen;

// Locks a window after a time without keyboard, mouse or touch input anywhere in the application:
// a LockScreen covers the whole window (personal data hidden, input to everything under it is
// swallowed, shortcuts included), or the open modal dialog when there is one (it alone takes input
// then; the window gets a plain cover), and every other open window gets a plain cover, until the signed-in clerk's
// password passes the offline verifier (account::SignIn::verifyOffline; online when there is none, e.g. a supervisor).
// Nothing under the cover is touched: an open case stays as it is.
class IdleLock : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    // `window` and `signIn` must outlive the lock.
    IdleLock(QWidget *window, account::SignIn *signIn, QString user, int idleMinutes, QObject *parent = nullptr);
    ~IdleLock() override;

    // Test seams: the clock input times are read from, and the idle time in milliseconds.
    void setClock(Clock clock);
    void setIdleMs(qint64 ms);
    qint64 idleMs() const { return m_idleMs; }

    bool isLocked() const { return m_locked; }
    LockScreen *lockScreen() const;
    // Where the lock screen is: the window, or the modal dialog that was open (nullptr unlocked).
    QWidget *lockHost() const;
    void lock();
    // What the timer does when it fires: lock when the idle time has passed, else wait the rest.
    void check();

Q_SIGNALS:
    void lockedChanged(bool locked);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void unlock(const QString &password);
    void verified(const account::SignInOutcome &outcome);
    void arm();
    bool insideScreen(QObject *object) const;
    void placeScreen(QWidget *host);
    void coverOthers(QWidget *host);

    QPointer<QWidget> m_window;
    account::SignIn *m_signIn;
    QString m_user;
    qint64 m_idleMs;
    Clock m_clock = [] { return QDateTime::currentDateTimeUtc(); };
    QDateTime m_lastInput;
    QTimer *m_timer;
    QPointer<LockScreen> m_screen;
    QList<QPointer<QWidget>> m_covers;
    bool m_locked = false;
    bool m_waitingOnline = false;
};

} // namespace ow::ui
