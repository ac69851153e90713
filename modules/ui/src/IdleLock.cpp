#include "onewindow/ui/IdleLock.h"

#include "onewindow/account/SignIn.h"
#include "onewindow/ui/LockScreen.h"

#include <QApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <algorithm>

namespace ow::ui {

namespace {

bool isInput(QEvent::Type type)
{
    switch (type) {
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::ShortcutOverride:
    case QEvent::Shortcut:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd: return true;
    default: return false;
    }
}

} // namespace

IdleLock::IdleLock(QWidget *window, account::SignIn *signIn, QString user, int idleMinutes, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_signIn(signIn)
    , m_user(std::move(user))
    , m_idleMs(qint64(std::max(idleMinutes, 1)) * 60 * 1000)
    , m_timer(new QTimer(this))
{
    placeScreen(window);
    m_screen->hide();
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::VeryCoarseTimer);
    connect(m_timer, &QTimer::timeout, this, &IdleLock::check);
    // Only the answer to the lock's own online check unlocks.
    connect(m_signIn, &account::SignIn::finished, this, [this](const account::SignInOutcome &outcome) {
        if (m_waitingOnline)
            verified(outcome);
    });
    window->installEventFilter(this);
    qApp->installEventFilter(this);
    m_lastInput = m_clock();
    arm();
}

IdleLock::~IdleLock()
{
    qApp->removeEventFilter(this);
    for (const QPointer<QWidget> &cover : std::as_const(m_covers))
        delete cover.data();
}

LockScreen *IdleLock::lockScreen() const
{
    return m_screen;
}

QWidget *IdleLock::lockHost() const
{
    return m_locked && m_screen ? m_screen->parentWidget() : nullptr;
}

void IdleLock::placeScreen(QWidget *host)
{
    if (m_screen && m_screen->parentWidget() == host)
        return;
    delete m_screen.data();
    m_screen = new LockScreen(host);
    m_screen->setUser(m_user);
    connect(m_screen, &LockScreen::unlockRequested, this, &IdleLock::unlock);
    if (host != m_window)
        host->installEventFilter(this); // follows its size
    // A dialog closed under the lock takes its screen along: the window gets one again.
    connect(m_screen, &QObject::destroyed, this, [this] {
        if (m_locked && m_window)
            QTimer::singleShot(0, this, [this] {
                if (m_locked && !m_screen && m_window) {
                    placeScreen(m_window);
                    m_screen->setGeometry(m_window->rect());
                    m_screen->show();
                    m_screen->raise();
                    m_screen->reset();
                }
            });
    });
}

void IdleLock::coverOthers(QWidget *host)
{
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *w : windows) {
        if (w == host || !w->isVisible() || w->windowType() == Qt::Popup || w->windowType() == Qt::ToolTip)
            continue;
        auto *cover = new QWidget(w);
        cover->setAutoFillBackground(true);
        cover->setGeometry(w->rect());
        cover->show();
        cover->raise();
        m_covers.append(cover);
    }
}

void IdleLock::setClock(Clock clock)
{
    m_clock = std::move(clock);
    m_lastInput = m_clock();
    arm();
}

void IdleLock::setIdleMs(qint64 ms)
{
    m_idleMs = std::max<qint64>(ms, 1);
    arm();
}

void IdleLock::arm()
{
    if (m_locked)
        return;
    const qint64 left = m_idleMs - m_lastInput.msecsTo(m_clock());
    m_timer->start(int(std::clamp<qint64>(left, 0, 24 * 3600 * 1000)));
}

void IdleLock::check()
{
    if (m_locked)
        return;
    if (m_lastInput.msecsTo(m_clock()) >= m_idleMs)
        lock();
    else
        arm();
}

void IdleLock::lock()
{
    if (m_locked || !m_window)
        return;
    m_locked = true;
    m_timer->stop();
    // A modal dialog takes all input: the password is asked for there.
    QWidget *modal = QApplication::activeModalWidget();
    QWidget *host = modal ? modal : m_window.data();
    placeScreen(host);
    coverOthers(host);
    m_screen->setGeometry(host->rect());
    m_screen->reset();
    m_screen->show();
    m_screen->raise();
    m_screen->activateWindow();
    m_screen->setBusy(false);
    Q_EMIT lockedChanged(true);
}

void IdleLock::unlock(const QString &password)
{
    if (!m_locked || m_waitingOnline || !m_screen)
        return;
    const account::SignInOutcome outcome = m_signIn->verifyOffline(m_user, password);
    if (!outcome.ok && outcome.waitSeconds == 0 && !m_signIn->busy()) {
        // No verifier here for this user (a supervisor, say): the back office decides.
        m_waitingOnline = true;
        m_screen->setBusy(true);
        m_signIn->start(m_user, password);
        return;
    }
    verified(outcome);
}

void IdleLock::verified(const account::SignInOutcome &outcome)
{
    if (!m_locked)
        return;
    m_waitingOnline = false;
    if (!m_screen)
        return;
    m_screen->setBusy(false);
    if (!outcome.ok) {
        m_screen->setError(outcome.message);
        return;
    }
    m_locked = false;
    m_screen->hide();
    m_screen->reset();
    for (const QPointer<QWidget> &cover : std::as_const(m_covers))
        delete cover.data();
    m_covers.clear();
    m_lastInput = m_clock();
    arm();
    Q_EMIT lockedChanged(false);
}

bool IdleLock::insideScreen(QObject *object) const
{
    for (QObject *o = object; o; o = o->parent()) {
        if (o == m_screen)
            return true;
    }
    return false;
}

bool IdleLock::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && m_screen && watched == m_screen->parentWidget())
        m_screen->setGeometry(m_screen->parentWidget()->rect());
    if (!isInput(event->type()))
        return QObject::eventFilter(watched, event);
    if (!m_locked) {
        m_lastInput = m_clock();
        return QObject::eventFilter(watched, event);
    }
    // Locked: only the lock screen takes input. Events reach the QWindow first and are handed on
    // to a widget from there, so only the widgets' own events are swallowed; a shortcut's event
    // goes to its QAction or QShortcut, so every shortcut outside the screen is swallowed too.
    if (event->type() == QEvent::Shortcut)
        return !insideScreen(watched);
    if (!watched->isWidgetType())
        return QObject::eventFilter(watched, event);
    return !insideScreen(watched);
}

} // namespace ow::ui
