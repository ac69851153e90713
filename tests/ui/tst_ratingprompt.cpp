#include "onewindow/receipt/RatingSeal.h"
#include "onewindow/ui/RatingDesk.h"
#include "onewindow/ui/RatingPrompt.h"

#include <QApplication>
#include <QCheckBox>
#include <QGroupBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using ow::ui::RatingPrompt;

// The applicant's rating screen: it is not closed without the applicant's choice, the reasons are
// for the bad levels, and what leaves it is sealed: the payload holds no part of the rating that
// the clerk's session could read, and the back office's key opens it.
class TestRatingPrompt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void closesOnlyOnTheApplicantsChoice();
    void badLevelAsksForReasonsAndIsSealed();
    void declinedIsARating();
    void deskOnOneScreenHoldsTheClerkUntilChosen();
    void deskWithdrawsAnUnansweredPrompt();
};

void TestRatingPrompt::closesOnlyOnTheApplicantsChoice()
{
    RatingPrompt p(QStringLiteral("c-1"), QStringLiteral("acceptance"));
    p.show();
    QVERIFY(QTest::qWaitForWindowExposed(&p));
    QTest::keyClick(&p, Qt::Key_Escape);
    QVERIFY(p.isVisible());
    QVERIFY(!p.close()); // Alt+F4, the window manager's close
    QVERIFY(p.isVisible());
    p.reject();
    QVERIFY(p.isVisible());
    auto *submit = p.findChild<QPushButton *>(QStringLiteral("submitButton"));
    QVERIFY(submit && !submit->isEnabled());
    auto *satisfied = p.findChild<QPushButton *>(QStringLiteral("levelSatisfied"));
    QVERIFY(satisfied);
    satisfied->click();
    QVERIFY(!p.findChild<QGroupBox *>(QStringLiteral("reasonsBox"))->isVisible());
    QVERIFY(submit->isEnabled());
    submit->click();
    QVERIFY(!p.isVisible());
    QCOMPARE(p.result(), int(QDialog::Accepted));
    QCOMPARE(p.rating().level, ow::receipt::Rating::Level::Satisfied);
}

void TestRatingPrompt::badLevelAsksForReasonsAndIsSealed()
{
    const QByteArray priv = ow::receipt::RatingSeal::generatePrivateKey().value();
    const QByteArray pub = ow::receipt::RatingSeal::publicKeyOf(priv).value();
    // The applicant, on the screen RatingPrompt::ask shows: very dissatisfied, attitude, text.
    QTimer::singleShot(0, this, [] {
        auto *p = qobject_cast<RatingPrompt *>(QApplication::activeModalWidget());
        QVERIFY(p);
        p->findChild<QPushButton *>(QStringLiteral("levelVeryDissatisfied"))->click();
        QVERIFY(p->findChild<QGroupBox *>(QStringLiteral("reasonsBox"))->isVisible());
        p->findChild<QCheckBox *>(QStringLiteral("reasonAttitude"))->setChecked(true);
        p->findChild<QPlainTextEdit *>(QStringLiteral("freeText"))->setPlainText(QStringLiteral("态度很差"));
        p->findChild<QPushButton *>(QStringLiteral("submitButton"))->click();
    });
    auto payload = RatingPrompt::ask(QStringLiteral("c-2"), QStringLiteral("handout"), pub);
    QVERIFY2(payload, qPrintable(payload.error()));
    QCOMPARE(payload->value(QLatin1String("service")).toString(), QStringLiteral("handout"));
    const QString sealed = payload->value(QLatin1String("sealed")).toString();
    for (const QString &plain :
        {QStringLiteral("veryDissatisfied"), QStringLiteral("attitude"), QStringLiteral("态度很差")})
        QVERIFY(!sealed.contains(plain));
    QCOMPARE(payload->keys(), (QStringList {QStringLiteral("sealed"), QStringLiteral("service")}));
    auto opened = ow::receipt::RatingSeal::open(sealed, priv, QStringLiteral("c-2"), QStringLiteral("handout"));
    QVERIFY2(opened, qPrintable(opened.error()));
    QCOMPARE(opened->level, ow::receipt::Rating::Level::VeryDissatisfied);
    QCOMPARE(opened->reasons, QStringList {QStringLiteral("attitude")});
    QCOMPARE(opened->text, QStringLiteral("态度很差"));
    // Without the back office's key there is nothing to seal to: no screen, the reason.
    QVERIFY(!RatingPrompt::ask(QStringLiteral("c-2"), QStringLiteral("handout"), QByteArray()));
}

void TestRatingPrompt::declinedIsARating()
{
    RatingPrompt p(QStringLiteral("c-3"), QStringLiteral("supplement"));
    p.show();
    p.findChild<QPushButton *>(QStringLiteral("declineButton"))->click();
    QVERIFY(!p.isVisible());
    QVERIFY(p.rating().declined());
}

// The rating desk on one screen (the offscreen platform has one): the prompt is full screen over
// the clerk's window and application-modal, with no event loop of its own; the applicant's choice
// is sealed and handed to the caller's record once.
void TestRatingPrompt::deskOnOneScreenHoldsTheClerkUntilChosen()
{
    QCOMPARE(QGuiApplication::screens().size(), 1);
    const QByteArray priv = ow::receipt::RatingSeal::generatePrivateKey().value();
    const QByteArray pub = ow::receipt::RatingSeal::publicKeyOf(priv).value();
    QWidget clerk;
    clerk.show();
    ow::ui::RatingDesk desk;
    QList<QJsonObject> recorded;
    const auto record = [&recorded](const QJsonObject &payload) {
        recorded << payload;
        return QString();
    };
    // Without the back office's key: nothing to seal to, no screen, the reason.
    QVERIFY(!desk.ask(QStringLiteral("c-4"), QStringLiteral("acceptance"), {}, &clerk, record).isEmpty());
    QVERIFY(!desk.prompt());
    QSignalSpy done(&desk, &ow::ui::RatingDesk::recorded);
    QCOMPARE(desk.ask(QStringLiteral("c-4"), QStringLiteral("acceptance"), pub, &clerk, record), QString());
    RatingPrompt *p = desk.prompt();
    QVERIFY(p);
    QVERIFY(QTest::qWaitForWindowExposed(p));
    QCOMPARE(p->windowModality(), Qt::ApplicationModal);
    QVERIFY(p->windowState() & Qt::WindowFullScreen);
    QCOMPARE(QApplication::activeModalWidget(), p);
    QVERIFY(recorded.isEmpty()); // ask() returned at once: the choice comes later
    QTest::keyClick(p, Qt::Key_Escape);
    QVERIFY(p->isVisible());
    QTest::mouseClick(p->findChild<QPushButton *>(QStringLiteral("levelVerySatisfied")), Qt::LeftButton);
    QTest::mouseClick(p->findChild<QPushButton *>(QStringLiteral("submitButton")), Qt::LeftButton);
    QCOMPARE(done.size(), 1);
    QCOMPARE(done.first().at(2).toString(), QString());
    QCOMPARE(recorded.size(), 1);
    auto opened = ow::receipt::RatingSeal::open(recorded.first().value(QLatin1String("sealed")).toString(), priv,
        QStringLiteral("c-4"), QStringLiteral("acceptance"));
    QVERIFY2(opened, qPrintable(opened.error()));
    QCOMPARE(opened->level, ow::receipt::Rating::Level::VerySatisfied);
    QTRY_VERIFY(!desk.prompt()); // closed and gone
}

// The next service's prompt takes the screen from one the applicant left unanswered: that one
// records nothing.
void TestRatingPrompt::deskWithdrawsAnUnansweredPrompt()
{
    const QByteArray pub =
        ow::receipt::RatingSeal::publicKeyOf(ow::receipt::RatingSeal::generatePrivateKey().value()).value();
    ow::ui::RatingDesk desk;
    QStringList recordedFor;
    QCOMPARE(desk.ask(QStringLiteral("c-5"), QStringLiteral("acceptance"), pub, nullptr,
                 [&](const QJsonObject &) {
                     recordedFor << QStringLiteral("c-5");
                     return QString();
                 }),
        QString());
    QPointer<RatingPrompt> first = desk.prompt();
    QVERIFY(first);
    QCOMPARE(desk.ask(QStringLiteral("c-6"), QStringLiteral("handout"), pub, nullptr,
                 [&](const QJsonObject &) {
                     recordedFor << QStringLiteral("c-6");
                     return QString();
                 }),
        QString());
    QVERIFY(first.isNull() || first->withdrawn());
    QTRY_VERIFY(first.isNull());
    desk.prompt()->findChild<QPushButton *>(QStringLiteral("declineButton"))->click();
    QCOMPARE(recordedFor, QStringList {QStringLiteral("c-6")});
}

QTEST_MAIN(TestRatingPrompt)
#include "tst_ratingprompt.moc"
