#include "AcceptedCase.h"
#include "ApiClient.h"

#include "onewindow/account/AccountSettings.h"
#include "onewindow/account/OfflineVerifier.h"
#include "onewindow/account/SignIn.h"
#include "onewindow/account/SyncLink.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/store/Store.h"
#include "onewindow/store/WindowSettings.h"
#include "onewindow/sync/SyncService.h"
#include "onewindow/ui/IdleLock.h"
#include "onewindow/ui/LockScreen.h"
#include "onewindow/ui/SignInDialog.h"
#include "onewindow/ui/WindowIdentityDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

using namespace ow;

namespace {

const QString kWindow = QStringLiteral("330106-W03");
const QString kPassword = QStringLiteral("s3cret-Pass!");
const QString kOtherPassword = QStringLiteral("another-s3cret!");

// The files under `dir` that hold `secret` (as it is, or base64), e.g. a password.
QStringList filesHolding(const QString &dir, const QString &secret)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        if (bytes.contains(secret.toUtf8()) || bytes.contains(secret.toUtf8().toBase64()))
            found << f.fileName();
    }
    return found;
}
constexpr int kWait = 20000; // every answer from the back office comes well within this

} // namespace

// Enrolment, sign-in and the idle lock against a real onewindow-backoffice on loopback.
class TestSignIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void enrolWithAGoodCode();
    void enrolWithAUsedCode();
    void enrolWithAnUnknownCodeOrNoServer();
    void enrolAnEnrolledWindowAgain();
    void signInOnlineThenOffline();
    void wrongPasswordsWaitLonger();
    void anotherWindowsClerkIsRefused();
    void syncAsTheClerkWhoSignedIn();
    void idleLockCoversAndUnlocks();
    void idleLockByItsTimer();
    void idleLockOverAModalDialog();
    void cleanupTestCase();

private:
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.port()); }
    // Wording is checked in English only (OW_TEST_LANG=zh_CN makes the screenshots).
    bool english() const { return m_language == QLatin1String("en"); }
    void screenshot(QWidget *w, const QString &name);
    static void fillEnrolment(ui::WindowIdentityDialog &d, const QString &address, const QString &code)
    {
        d.findChild<QLineEdit *>(QStringLiteral("addressEdit"))->setText(address);
        d.findChild<QLineEdit *>(QStringLiteral("windowKeyEdit"))->setText(kWindow);
        d.findChild<QLineEdit *>(QStringLiteral("enrolCodeEdit"))->setText(code);
    }
    static QPushButton *okOf(QDialog &d)
    {
        return d.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok);
    }

    QString m_language;
    QTemporaryDir m_serverDir;
    QTemporaryDir m_clientDir; // the enrolled window
    BackOfficeProcess m_server;
    QString m_code;
};

void TestSignIn::initTestCase()
{
    m_language =
        qEnvironmentVariableIsSet("OW_TEST_LANG") ? qEnvironmentVariable("OW_TEST_LANG") : QStringLiteral("en");
    QVERIFY(i18n::installTranslations(*qApp, m_language));
    QVERIFY(m_serverDir.isValid() && m_clientDir.isValid());
    const QString data = m_serverDir.path();
    const AdminRun added = runAdmin(data,
        {QStringLiteral("add-window"), QStringLiteral("--region"), QStringLiteral("330106"), QStringLiteral("--code"),
            QStringLiteral("W03"), QStringLiteral("--name"), QStringLiteral("综合窗口 3"), QStringLiteral("--kind"),
            QStringLiteral("window")});
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    m_code = enrolmentCodeIn(added.out);
    QVERIFY(!m_code.isEmpty());
    const AdminRun user = runAdmin(data,
        {QStringLiteral("add-user"), QStringLiteral("--name"), QStringLiteral("zhang"), QStringLiteral("--role"),
            QStringLiteral("clerk"), QStringLiteral("--window"), kWindow},
        kPassword.toUtf8() + '\n');
    QVERIFY2(user.exitCode == 0, qPrintable(user.err));
    const AdminRun w04 = runAdmin(data,
        {QStringLiteral("add-window"), QStringLiteral("--region"), QStringLiteral("330106"), QStringLiteral("--code"),
            QStringLiteral("W04"), QStringLiteral("--name"), QStringLiteral("综合窗口 4"), QStringLiteral("--kind"),
            QStringLiteral("window")});
    QVERIFY2(w04.exitCode == 0, qPrintable(w04.err));
    const AdminRun li = runAdmin(data,
        {QStringLiteral("add-user"), QStringLiteral("--name"), QStringLiteral("li"), QStringLiteral("--role"),
            QStringLiteral("clerk"), QStringLiteral("--window"), QStringLiteral("330106-W04")},
        kPassword.toUtf8() + '\n');
    QVERIFY2(li.exitCode == 0, qPrintable(li.err));
    const AdminRun wang = runAdmin(data,
        {QStringLiteral("add-user"), QStringLiteral("--name"), QStringLiteral("wang"), QStringLiteral("--role"),
            QStringLiteral("clerk"), QStringLiteral("--window"), kWindow},
        kOtherPassword.toUtf8() + '\n');
    QVERIFY2(wang.exitCode == 0, qPrintable(wang.err));
    QVERIFY2(m_server.start(data), qPrintable(m_server.stderrText()));
    QDir().mkpath(QStringLiteral(OW_SCREENSHOT_DIR));
}

void TestSignIn::cleanupTestCase()
{
    m_server.stop();
}

void TestSignIn::screenshot(QWidget *w, const QString &name)
{
    QVERIFY(w->grab().save(
        QStringLiteral(OW_SCREENSHOT_DIR "/") + name + QLatin1Char('_') + m_language + QStringLiteral(".png")));
}

void TestSignIn::enrolWithAGoodCode()
{
    const QString dir = m_clientDir.path();
    ui::WindowIdentityDialog d;
    d.enableEnrolment(dir);
    d.show();
    QVERIFY(d.findChild<QLineEdit *>(QStringLiteral("addressEdit"))->isVisible());
    QVERIFY(!d.findChild<QLineEdit *>(QStringLiteral("regionEdit"))->isVisible()); // no made-up identity
    fillEnrolment(d, url(), m_code.toLower()); // as typed: case and dashes do not matter
    QTest::mouseClick(okOf(d), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!d.isVisible(), kWait);
    QCOMPARE(d.result(), int(QDialog::Accepted));
    QVERIFY(d.enrolled());
    // The identity is the back office's, stored with its address and the window's key.
    const store::WindowIdentity expected {
        QStringLiteral("330106"), QStringLiteral("W03"), QStringLiteral("综合窗口 3")};
    QCOMPARE(d.identity(), expected);
    const auto stored = store::WindowSettings::load(dir);
    QVERIFY(stored && stored.value());
    QCOMPARE(*stored.value(), expected);
    const auto account = account::AccountSettings::load(dir);
    QVERIFY(account);
    QCOMPARE(account->backOffice, QUrl(url()));
    QCOMPARE(account->idleLockMinutes, 10);
    QVERIFY(QFile::exists(QDir(dir).filePath(QStringLiteral("keys/330106-W03.key"))));
    QVERIFY(!QFile::exists(QDir(dir).filePath(QStringLiteral("keys-enrolling/330106-W03.key"))));
    QCOMPARE(QFile::permissions(account::AccountSettings::path(dir)) & 0x0077, QFileDevice::Permissions());
}

void TestSignIn::enrolWithAUsedCode()
{
    QTemporaryDir other;
    ui::WindowIdentityDialog d;
    d.enableEnrolment(other.path());
    d.show();
    fillEnrolment(d, url(), m_code);
    QTest::mouseClick(okOf(d), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!d.error().isEmpty(), kWait);
    QVERIFY(d.isVisible());
    QVERIFY(!d.enrolled());
    if (english())
        QVERIFY2(d.error().contains(QLatin1String("already used")), qPrintable(d.error()));
    QVERIFY(okOf(d)->isEnabled()); // another code can be tried
    // Nothing stored: no identity, no address, no stray key.
    const auto stored = store::WindowSettings::load(other.path());
    QVERIFY(stored && !stored.value());
    QVERIFY(!QFile::exists(account::AccountSettings::path(other.path())));
    QVERIFY(!QFile::exists(QDir(other.path()).filePath(QStringLiteral("keys/330106-W03.key"))));
    QVERIFY(!QFile::exists(QDir(other.path()).filePath(QStringLiteral("keys-enrolling/330106-W03.key"))));
    screenshot(&d, QStringLiteral("enrolment_used_code"));
}

void TestSignIn::enrolWithAnUnknownCodeOrNoServer()
{
    QTemporaryDir other;
    ui::WindowIdentityDialog d;
    d.enableEnrolment(other.path());
    d.show();
    fillEnrolment(d, url(), QStringLiteral("AAAAA-BBBBB-CCCCC"));
    QTest::mouseClick(okOf(d), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!d.error().isEmpty(), kWait);
    if (english())
        QVERIFY2(d.error().contains(QLatin1String("does not know")), qPrintable(d.error()));
    const QString unknown = d.error();

    // A port nobody listens on: the connection is refused.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 closed = probe.serverPort();
    probe.close();
    fillEnrolment(d, QStringLiteral("http://127.0.0.1:%1").arg(closed), m_code);
    QTest::mouseClick(okOf(d), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!d.error().isEmpty() && d.error() != unknown, kWait);
    if (english())
        QVERIFY2(d.error().contains(QLatin1String("refused")), qPrintable(d.error()));
    QVERIFY(d.isVisible());

    // A bad address is named before anything is sent.
    fillEnrolment(d, QStringLiteral("ftp://nowhere"), m_code);
    QTest::mouseClick(okOf(d), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(d.error().contains(QLatin1String("ftp://nowhere")), kWait);
    const auto stored = store::WindowSettings::load(other.path());
    QVERIFY(stored && !stored.value());
}

// A fresh code for a window that already has its key: 409, said as such, nothing stored.
void TestSignIn::enrolAnEnrolledWindowAgain()
{
    const AdminRun fresh =
        runAdmin(m_serverDir.path(), {QStringLiteral("new-code"), QStringLiteral("--window"), kWindow});
    QVERIFY2(fresh.exitCode == 0, qPrintable(fresh.err));
    const QString code = enrolmentCodeIn(fresh.out);
    QVERIFY(!code.isEmpty());
    QTemporaryDir other;
    ui::WindowIdentityDialog d;
    d.enableEnrolment(other.path());
    d.show();
    fillEnrolment(d, url(), code);
    QTest::mouseClick(okOf(d), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!d.error().isEmpty(), kWait);
    QVERIFY(!d.enrolled());
    if (english())
        QVERIFY2(d.error().contains(QLatin1String("already enrolled")), qPrintable(d.error()));
    const auto stored = store::WindowSettings::load(other.path());
    QVERIFY(stored && !stored.value());
    QVERIFY(!QFile::exists(QDir(other.path()).filePath(QStringLiteral("keys/330106-W03.key"))));
}

void TestSignIn::signInOnlineThenOffline()
{
    const QString dir = m_clientDir.path();
    const auto account = account::AccountSettings::load(dir);
    QVERIFY(account && !account->backOffice.isEmpty());
    {
        account::SignIn signIn(dir, kWindow, account->backOffice);
        ui::SignInDialog d(&signIn, QStringLiteral("综合窗口 3"));
        d.show();
        d.setUser(QStringLiteral("zhang"));
        d.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(kPassword);
        QTest::mouseClick(okOf(d), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!d.isVisible(), kWait);
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QVERIFY(d.outcome().ok);
        QVERIFY(!d.outcome().offline);
        QVERIFY(!d.outcome().token.isEmpty());
        QCOMPARE(d.outcome().role, QStringLiteral("clerk"));
    }
    // The verifier is cached, 0600, and is not the password.
    const QString verifiers = account::OfflineVerifier::path(dir);
    QFile f(verifiers);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(text.contains("pbkdf2-sha256$210000$"));
    QVERIFY(!text.contains(kPassword.toUtf8()));
    QVERIFY(!text.contains(kPassword.toUtf8().toBase64()));
    QCOMPARE(f.permissions() & 0x0077, QFileDevice::Permissions());

    m_server.stop();
    // Back for the tests after this one, however this one ends.
    const auto restart = qScopeGuard([this] { QVERIFY(m_server.start(m_serverDir.path())); });
    account::SignIn signIn(dir, kWindow, account->backOffice);
    signIn.setTimeoutMs(5000);
    ui::SignInDialog d(&signIn, QStringLiteral("综合窗口 3"));
    d.resize(d.sizeHint());
    d.show();
    d.setUser(QStringLiteral("zhang"));
    auto *password = d.findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    QSignalSpy answers(&signIn, &account::SignIn::finished);

    // The wrong password is refused offline too, and the next try waits.
    password->setText(QStringLiteral("not-it"));
    QTest::mouseClick(okOf(d), Qt::LeftButton);
    QVERIFY(answers.wait(kWait));
    QVERIFY(!okOf(d)->isEnabled());
    QVERIFY(d.isVisible());
    QVERIFY(!d.outcome().ok);
    if (english())
        QVERIFY2(d.status().contains(QLatin1String("Wrong")), qPrintable(d.status()));
    screenshot(&d, QStringLiteral("signin_wrong_password"));
    QTRY_VERIFY_WITH_TIMEOUT(okOf(d)->isEnabled(), kWait); // after the wait

    // The right one: signed in offline, and the dialog says so before it closes.
    password->setText(kPassword);
    QTest::mouseClick(okOf(d), Qt::LeftButton);
    QVERIFY(answers.wait(kWait));
    QVERIFY(d.outcome().ok);
    QVERIFY(d.outcome().offline);
    QVERIFY(d.outcome().token.isEmpty());
    QVERIFY(d.isVisible());
    if (english())
        QVERIFY2(d.status().contains(QLatin1String("offline")), qPrintable(d.status()));
    else if (m_language == QLatin1String("zh_CN"))
        QVERIFY2(d.status().contains(QStringLiteral("离线登录")), qPrintable(d.status()));
    screenshot(&d, QStringLiteral("signin_offline"));
    QTest::mouseClick(okOf(d), Qt::LeftButton);
    QVERIFY(!d.isVisible());
    QCOMPARE(d.result(), int(QDialog::Accepted));

    // Someone who never signed in here online cannot sign in offline.
    const account::SignInOutcome stranger = signIn.verifyOffline(QStringLiteral("li"), kPassword);
    QVERIFY(!stranger.ok);
    QCOMPARE(stranger.waitSeconds, 0);
}

void TestSignIn::wrongPasswordsWaitLonger()
{
    const QString dir = m_clientDir.path();
    QDateTime now = QDateTime::fromString(QStringLiteral("2026-03-02T08:00:00Z"), Qt::ISODate);
    account::SignIn signIn(dir, kWindow, QUrl());
    signIn.setClock([&now] { return now; });
    const QString zhang = QStringLiteral("zhang");
    QCOMPARE(signIn.verifyOffline(zhang, QStringLiteral("x")).waitSeconds, 1);
    // Meanwhile even the right password is refused, also after a restart.
    const auto early = signIn.verifyOffline(zhang, kPassword);
    QVERIFY(!early.ok);
    QCOMPARE(early.waitSeconds, 1);
    {
        account::SignIn restarted(dir, kWindow, QUrl());
        restarted.setClock([&now] { return now; });
        QCOMPARE(restarted.waitSeconds(zhang), 1);
        QVERIFY(!restarted.verifyOffline(zhang, kPassword).ok);
    }
    now = now.addSecs(1);
    QCOMPARE(signIn.verifyOffline(zhang, QStringLiteral("y")).waitSeconds, 2);
    now = now.addSecs(2);
    QCOMPARE(signIn.verifyOffline(zhang, QStringLiteral("z")).waitSeconds, 4);
    now = now.addSecs(4);
    QVERIFY(signIn.verifyOffline(zhang, kPassword).ok);
    QCOMPARE(signIn.waitSeconds(zhang), 0);
    QCOMPARE(signIn.verifyOffline(zhang, QStringLiteral("x")).waitSeconds, 1); // the count started again

    // Online, the back office says wrong: the same growing delay here.
    now = now.addSecs(10);
    account::SignIn online(dir, kWindow, QUrl(url()));
    online.setClock([&now] { return now; });
    QSignalSpy answers(&online, &account::SignIn::finished);
    online.start(zhang, QStringLiteral("wrong"));
    QVERIFY(answers.wait(kWait));
    const auto outcome = answers.takeFirst().at(0).value<account::SignInOutcome>();
    QVERIFY(!outcome.ok);
    QVERIFY(!outcome.offline);
    QCOMPARE(outcome.waitSeconds, 2); // the count goes on: one wrong offline, one online
}

void TestSignIn::idleLockCoversAndUnlocks()
{
    QTemporaryDir dir;
    QVERIFY(account::OfflineVerifier(dir.path(), 1000).remember(QStringLiteral("zhang"), kWindow, kPassword).isEmpty());
    account::SignIn signIn(dir.path(), kWindow, QUrl());
    QWidget window;
    window.resize(1366, 768);
    auto *layout = new QVBoxLayout(&window);
    auto *caseField = new QLineEdit(&window); // the open case: an applicant's name typed so far
    caseField->setText(QStringLiteral("王小明"));
    layout->addWidget(caseField);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QDateTime now = QDateTime::fromString(QStringLiteral("2026-03-02T08:00:00Z"), Qt::ISODate);
    ui::IdleLock lock(&window, &signIn, QStringLiteral("zhang"), 10);
    lock.setClock([&now] { return now; });
    signIn.setClock([&now] { return now; });
    QCOMPARE(lock.idleMs(), qint64(10) * 60 * 1000);
    now = now.addSecs(9 * 60);
    lock.check();
    QVERIFY(!lock.isLocked());
    caseField->setFocus();
    QTest::keyClick(caseField, Qt::Key_End); // input: the idle time starts again
    now = now.addSecs(9 * 60);
    lock.check();
    QVERIFY(!lock.isLocked());
    now = now.addSecs(60);
    lock.check();
    QVERIFY(lock.isLocked());

    ui::LockScreen *screen = lock.lockScreen();
    QVERIFY(screen->isVisible());
    QCOMPARE(screen->geometry(), window.rect()); // all of it covered
    QVERIFY(window.childAt(caseField->geometry().center()) != caseField);
    screenshot(&window, QStringLiteral("lock_screen"));
    // Typing into the case under the cover does nothing.
    QTest::keyClicks(caseField, QStringLiteral("abc"));
    QCOMPARE(caseField->text(), QStringLiteral("王小明"));

    auto *password = screen->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    QSignalSpy handedOver(&signIn, &account::SignIn::accepted);
    QTest::keyClicks(password, QStringLiteral("wrong"));
    QTest::keyClick(password, Qt::Key_Return);
    QVERIFY(lock.isLocked());
    QVERIFY(!screen->error().isEmpty());
    QCOMPARE(handedOver.count(), 0);
    now = now.addSecs(1);
    QTest::keyClicks(password, kPassword);
    QTest::keyClick(password, Qt::Key_Return);
    QVERIFY(!lock.isLocked());
    // Whoever unlocks is who the sync engine syncs as (SyncLink follows SignIn::accepted).
    QCOMPARE(handedOver.count(), 1);
    const auto unlockedBy = handedOver.takeFirst().at(0).value<account::ClerkCredentials>();
    QCOMPARE(unlockedBy.user, QStringLiteral("zhang"));
    QCOMPARE(unlockedBy.password, kPassword);
    QVERIFY(unlockedBy.offline);
    QVERIFY(!screen->isVisible());
    QCOMPARE(caseField->text(), QStringLiteral("王小明")); // nothing lost
    // And it locks again after the next idle time.
    now = now.addSecs(10 * 60);
    lock.check();
    QVERIFY(lock.isLocked());
}

void TestSignIn::idleLockByItsTimer()
{
    QTemporaryDir dir;
    account::SignIn signIn(dir.path(), kWindow, QUrl());
    QWidget window;
    window.resize(800, 600);
    window.show();
    ui::IdleLock lock(&window, &signIn, QStringLiteral("zhang"), 10);
    QSignalSpy locked(&lock, &ui::IdleLock::lockedChanged);
    lock.setIdleMs(100);
    QVERIFY(locked.wait(kWait));
    QVERIFY(lock.isLocked());
    QVERIFY(lock.lockScreen()->isVisible());
}

// A clerk of window W04 does not sign in at W03, and gets no offline verifier here.
void TestSignIn::anotherWindowsClerkIsRefused()
{
    const QString dir = m_clientDir.path();
    account::SignIn signIn(dir, kWindow, QUrl(url()));
    QSignalSpy answers(&signIn, &account::SignIn::finished);
    signIn.start(QStringLiteral("li"), kPassword);
    QVERIFY(answers.wait(kWait));
    const auto outcome = answers.takeFirst().at(0).value<account::SignInOutcome>();
    QVERIFY(!outcome.ok);
    QVERIFY(!outcome.offline);
    if (english())
        QVERIFY2(outcome.message.contains(QLatin1String("330106-W04")), qPrintable(outcome.message));
    QVERIFY(!account::OfflineVerifier(dir).knows(QStringLiteral("li"), kWindow));
    QVERIFY(account::OfflineVerifier(dir).knows(QStringLiteral("zhang"), kWindow));
}

// The sync engine of the enrolled window syncs as the clerk who signed in: not before, with the
// session of an online sign-in, as the next clerk once they sign in, by itself after an offline
// sign-in when the back office is back; and no password is ever written to the data dir.
void TestSignIn::syncAsTheClerkWhoSignedIn()
{
    const QString dir = m_clientDir.path();
    auto store = store::Store::open(dir);
    QVERIFY2(store, qPrintable(store.error()));
    const QUrl backOffice(url());
    sync::SyncConfig config;
    config.baseUrl = backOffice;
    config.pollWaitSeconds = 1;
    config.backoffBaseMs = 100;
    config.backoffMaxMs = 500;
    config.requestTimeoutMs = 5000;
    using State = sync::SyncStatus::State;
    store::CaseLog log(store.value());
    const auto makeCase = [&dir](store::Store &s, const QString &clerk) {
        QString why;
        const QString id = testcase::makeAcceptedCase(s, QStringLiteral("330106"), QStringLiteral("W03"), clerk,
            QDir(dir).filePath(QStringLiteral("keys")), kWindow, &why);
        if (id.isEmpty())
            qWarning("case: %s", qPrintable(why));
        return id;
    };
    {
        account::SignIn signIn(dir, kWindow, backOffice);
        account::SyncLink link(dir, config);
        link.follow(&signIn);
        link.start();
        QVERIFY(!link.engine()->running()); // no one to sync as yet
        QSignalSpy answers(&signIn, &account::SignIn::finished);
        // (The wrong passwords of the tests before may still make zhang wait a little.)
        account::SignInOutcome zhang;
        for (int attempt = 0; attempt < 5; ++attempt) {
            signIn.start(QStringLiteral("zhang"), kPassword);
            QVERIFY(answers.wait(kWait));
            zhang = answers.takeFirst().at(0).value<account::SignInOutcome>();
            if (zhang.waitSeconds == 0)
                break;
            QVERIFY(!link.engine()->running()); // a refusal hands nothing over
            QTest::qWait(zhang.waitSeconds * 1000 + 100);
        }
        QVERIFY2(zhang.ok && !zhang.offline && !zhang.token.isEmpty(), qPrintable(zhang.message));
        QVERIFY(link.engine()->running());
        QCOMPARE(link.user(), QStringLiteral("zhang"));
        // zhang's case reaches the back office (with the session of the sign-in).
        QVERIFY(!makeCase(store.value(), QStringLiteral("zhang")).isEmpty());
        link.engine()->kick();
        QTRY_COMPARE_WITH_TIMEOUT(log.pendingCount(), 0, kWait);
        QVERIFY2(link.engine()->status().lastError.isEmpty(), qPrintable(link.engine()->status().lastError));

        // Another clerk signs in: the engine syncs as them from then on.
        signIn.start(QStringLiteral("wang"), kOtherPassword);
        QVERIFY(answers.wait(kWait));
        const auto wang = answers.takeFirst().at(0).value<account::SignInOutcome>();
        QVERIFY2(wang.ok && !wang.offline, qPrintable(wang.message));
        QCOMPARE(link.user(), QStringLiteral("wang"));
        QVERIFY(!makeCase(store.value(), QStringLiteral("wang")).isEmpty());
        link.engine()->kick();
        QTRY_COMPARE_WITH_TIMEOUT(log.pendingCount(), 0, kWait);
        QVERIFY2(link.engine()->status().lastError.isEmpty(), qPrintable(link.engine()->status().lastError));
        // A wrong password hands nothing over.
        signIn.start(QStringLiteral("zhang"), QStringLiteral("not-it"));
        QVERIFY(answers.wait(kWait));
        QCOMPARE(link.user(), QStringLiteral("wang"));
    }
    QTest::qWait(1100); // the wrong password's wait

    // Offline: the clerk signs in against the verifier; the engine signs in by itself once the
    // back office answers again (same address).
    const quint16 port = m_server.port();
    m_server.stop();
    bool restarted = false;
    const auto restart = qScopeGuard([this, &restarted] {
        if (!restarted)
            QVERIFY(m_server.start(m_serverDir.path()));
    });
    {
        account::SignIn signIn(dir, kWindow, backOffice);
        signIn.setTimeoutMs(3000);
        account::SyncLink link(dir, config);
        link.follow(&signIn);
        link.start();
        QSignalSpy answers(&signIn, &account::SignIn::finished);
        signIn.start(QStringLiteral("zhang"), kPassword);
        QVERIFY(answers.wait(kWait));
        const auto outcome = answers.takeFirst().at(0).value<account::SignInOutcome>();
        QVERIFY2(outcome.ok && outcome.offline, qPrintable(outcome.message));
        QCOMPARE(link.user(), QStringLiteral("zhang"));
        QVERIFY(!makeCase(store.value(), QStringLiteral("zhang")).isEmpty());
        link.engine()->kick();
        QTRY_COMPARE_WITH_TIMEOUT(link.engine()->status().state, State::Offline, kWait);
        QVERIFY(log.pendingCount() > 0);
        restarted = m_server.start(m_serverDir.path(), 0, {QStringLiteral("--port"), QString::number(port)});
        QVERIFY(restarted);
        QCOMPARE(m_server.port(), port);
        // It signs in by itself (no token from the offline sign-in) and sends the case.
        QTRY_COMPARE_WITH_TIMEOUT(log.pendingCount(), 0, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(link.engine()->status().state, State::Online, kWait);
    }

    // Nothing in the data dir (store, journal, settings, verifiers) holds a password.
    QCOMPARE(filesHolding(dir, kPassword), QStringList());
    QCOMPARE(filesHolding(dir, kOtherPassword), QStringList());
}

// A modal dialog open at lock time (a refusal's reason half typed): it takes the lock screen (it
// alone gets input), the window under it is covered, and the typed text survives the unlock.
void TestSignIn::idleLockOverAModalDialog()
{
    QTemporaryDir dir;
    QVERIFY(account::OfflineVerifier(dir.path(), 1000).remember(QStringLiteral("zhang"), kWindow, kPassword).isEmpty());
    account::SignIn signIn(dir.path(), kWindow, QUrl());
    QWidget window;
    window.resize(1366, 768);
    auto *applicant = new QLabel(QStringLiteral("王小明 330106199001011234"), &window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QDialog reason(&window);
    reason.setWindowModality(Qt::ApplicationModal);
    reason.resize(420, 220);
    auto *reasonEdit = new QLineEdit(&reason);
    reasonEdit->setText(QStringLiteral("材料不齐"));
    reason.show();
    QVERIFY(QTest::qWaitForWindowExposed(&reason));
    QCOMPARE(QApplication::activeModalWidget(), &reason);

    QDateTime now = QDateTime::fromString(QStringLiteral("2026-03-02T08:00:00Z"), Qt::ISODate);
    ui::IdleLock lock(&window, &signIn, QStringLiteral("zhang"), 10);
    lock.setClock([&now] { return now; });
    now = now.addSecs(10 * 60);
    lock.check();
    QVERIFY(lock.isLocked());
    QCOMPARE(lock.lockHost(), &reason);
    QVERIFY(lock.lockScreen()->isVisible());
    QCOMPARE(lock.lockScreen()->geometry(), reason.rect());
    // The window under the dialog is covered too.
    QWidget *over = window.childAt(applicant->geometry().center());
    QVERIFY(over != applicant);
    QVERIFY(over && over->isVisible());
    QTest::keyClicks(reasonEdit, QStringLiteral("xyz"));
    QCOMPARE(reasonEdit->text(), QStringLiteral("材料不齐"));

    auto *password = lock.lockScreen()->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    QTest::keyClicks(password, kPassword);
    QTest::keyClick(password, Qt::Key_Return);
    QVERIFY(!lock.isLocked());
    QCOMPARE(window.childAt(applicant->geometry().center()), applicant);
    QVERIFY(reason.isVisible());
    QCOMPARE(reasonEdit->text(), QStringLiteral("材料不齐"));
}

QTEST_MAIN(TestSignIn)
#include "tst_signin.moc"
