#include "onewindow/receipt/RatingSeal.h"
#include "onewindow/ui/RatingPrompt.h"

#include <QApplication>
#include <QCheckBox>
#include <QGroupBox>
#include <QPlainTextEdit>
#include <QPushButton>
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

QTEST_MAIN(TestRatingPrompt)
#include "tst_ratingprompt.moc"
