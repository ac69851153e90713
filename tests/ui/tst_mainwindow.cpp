#include "onewindow/catalog/Catalog.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/store/Store.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/IntakePage.h"
#include "onewindow/ui/MainWindow.h"
#include "onewindow/ui/SupervisorPage.h"

#include <QApplication>
#include <QComboBox>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using ow::ui::MainWindow;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hasFourSections();
    void keyboardSwitchesSections();
    void idNumberValidatedAsTyped_data();
    void idNumberValidatedAsTyped();
    void creditCodeValidated();
    void supervisorSeesCalendar();
    void statusBarShowsDemoMode();
    void rolesDecideTheSections();
    void iconAfterTheFirstPaint();

private:
    ow::FixedClock m_clock {QDateTime(QDate(2026, 2, 13), QTime(9, 30))};
    ow::ui::ClientContext m_context;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(ow::i18n::installTranslations(*qApp, QStringLiteral("en")));
    const auto cal = ow::WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar"));
    QVERIFY2(cal.ok(), qPrintable(cal.error()));
    m_context.calendar = cal.value();
    m_context.clock = &m_clock;
    m_context.demoMode = true;
    m_context.window.windowName = QStringLiteral("3");
    m_context.window.clerk = QStringLiteral("李");
}

void TestMainWindow::hasFourSections()
{
    MainWindow w(m_context);
    auto *list = w.findChild<QListWidget *>(QStringLiteral("sectionList"));
    auto *stack = w.findChild<QStackedWidget *>(QStringLiteral("sectionStack"));
    QVERIFY(list && stack);
    QCOMPARE(list->count(), 4);
    QCOMPARE(stack->count(), 4);
    QStringList titles;
    for (int i = 0; i < list->count(); ++i)
        titles << list->item(i)->text();
    QCOMPARE(titles.join(u','), QStringLiteral("Queue,Intake,Cases,Supervisor"));
    const auto pageClasses = [stack] {
        QStringList classes;
        for (int i = 0; i < stack->count(); ++i)
            classes << QString::fromLatin1(stack->widget(i)->metaObject()->className());
        return classes.join(u',');
    };
    // Only intake, shown first, is made with the window; the others when first shown (issue 25).
    QCOMPARE(pageClasses(), QStringLiteral("QWidget,ow::ui::IntakePage,QWidget,QWidget"));
    w.showSection(MainWindow::Section::Queue);
    w.showSection(MainWindow::Section::Cases);
    w.showSection(MainWindow::Section::Intake);
    // 督办 is a supervisor's: a clerk gets an empty, hidden section.
    QCOMPARE(pageClasses(), QStringLiteral("ow::ui::QueuePage,ow::ui::IntakePage,ow::ui::CasesPage,QWidget"));
    QVERIFY(list->item(int(MainWindow::Section::Supervisor))->isHidden());
    QVERIFY(!w.findChild<ow::ui::SupervisorPage *>());
    QCOMPARE(w.currentSection(), MainWindow::Section::Intake);
}

void TestMainWindow::keyboardSwitchesSections()
{
    MainWindow w(m_context);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTest::keyClick(&w, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(w.currentSection(), MainWindow::Section::Cases);
    QTest::keyClick(&w, Qt::Key_4, Qt::ControlModifier); // not a clerk's section
    QCOMPARE(w.currentSection(), MainWindow::Section::Cases);
    QTest::keyClick(&w, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(w.currentSection(), MainWindow::Section::Queue);
}

void TestMainWindow::idNumberValidatedAsTyped_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("statusContains");
    QTest::newRow("partial") << "330106"
                             << "12 more characters";
    QTest::newRow("valid") << "33010619900101123X"
                           << "Valid resident ID card";
    QTest::newRow("typo") << "330106199001011231"
                          << "check digit";
    QTest::newRow("legacy") << "330106900101123"
                            << "upgraded";
}

void TestMainWindow::idNumberValidatedAsTyped()
{
    QFETCH(QString, typed);
    QFETCH(QString, statusContains);
    MainWindow w(m_context);
    auto *edit = w.findChild<QLineEdit *>(QStringLiteral("numberEdit"));
    auto *status = w.findChild<QLabel *>(QStringLiteral("numberStatusLabel"));
    QVERIFY(edit && status);
    QTest::keyClicks(edit, typed);
    QVERIFY2(status->text().contains(statusContains), qPrintable(status->text()));
}

void TestMainWindow::creditCodeValidated()
{
    MainWindow w(m_context);
    auto *kind = w.findChild<QComboBox *>(QStringLiteral("kindCombo"));
    auto *edit = w.findChild<QLineEdit *>(QStringLiteral("numberEdit"));
    auto *status = w.findChild<QLabel *>(QStringLiteral("numberStatusLabel"));
    QVERIFY(kind && edit && status);
    kind->setCurrentIndex(1);
    QTest::keyClicks(edit, QStringLiteral("91310110666007217T"));
    QVERIFY2(status->text().contains(QStringLiteral("666007217")), qPrintable(status->text()));
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("91310110666007217U"));
    QVERIFY2(status->text().contains(QStringLiteral("check character test")), qPrintable(status->text()));
}

void TestMainWindow::supervisorSeesCalendar()
{
    ow::ui::ClientContext context = m_context;
    context.role = QStringLiteral("supervisor");
    MainWindow w(context);
    auto *label = w.findChild<QLabel *>(QStringLiteral("calendarLabel"));
    QVERIFY(label);
    // Near a deadline: 13 Feb 2026 + 2 working days: 14 Feb (make-up Saturday), then 24 Feb.
    QVERIFY2(label->text().contains(QStringLiteral("working day")), qPrintable(label->text()));
    QVERIFY2(
        label->text().contains(QLocale().toString(QDate(2026, 2, 24), QLocale::LongFormat)), qPrintable(label->text()));
    // Without a back office the section says why it has no figures.
    auto *empty = w.findChild<QLabel *>(QStringLiteral("emptyLabel"));
    QVERIFY(empty && empty->text().contains(QStringLiteral("no back office")));
}

void TestMainWindow::statusBarShowsDemoMode()
{
    MainWindow w(m_context);
    QStringList texts;
    const auto labels = w.statusBar()->findChildren<QLabel *>();
    for (QLabel *l : labels)
        texts << l->text();
    QVERIFY2(texts.join(u'|').contains(QStringLiteral("Demo mode")), qPrintable(texts.join(u'|')));
    QVERIFY2(texts.join(u'|').contains(QStringLiteral("Window: 3 · clerk 李")), qPrintable(texts.join(u'|')));
}

// Reading the icon's PNG loads every image format plugin: the first paint does not wait for it.
void TestMainWindow::iconAfterTheFirstPaint()
{
    QApplication::setWindowIcon(QIcon());
    MainWindow w(m_context);
    QVERIFY(w.windowIcon().isNull());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTRY_VERIFY(!w.windowIcon().isNull());
    QVERIFY(!QApplication::windowIcon().isNull());
}

void TestMainWindow::rolesDecideTheSections()
{
    // A clerk's case left open at the window (issue 19: a supervisor signing in resumed it under
    // their own name and could take intake).
    QTemporaryDir dir;
    auto store = ow::store::Store::open(dir.path());
    QVERIFY2(store.ok(), qPrintable(store.error()));
    const auto catalog = ow::Catalog::load(ow::Catalog::builtinPath());
    QVERIFY(catalog.ok());
    ow::ui::ClientContext context = m_context;
    context.demoMode = false;
    context.store = &store.value();
    context.catalog = &catalog.value();
    context.window.windowCode = QStringLiteral("W03");
    context.window.clerk = QStringLiteral("clerk-3");
    context.key = ow::receipt::WindowKey::generate(context.window.keyId()).value();
    QString open;
    {
        ow::intake::IntakeWorkflow clerk(
            catalog.value(), context.calendar, m_clock, store.value(), *context.key, context.window);
        QCOMPARE(clerk.start(), QString());
        QCOMPARE(clerk.setApplicant(
                     ow::intake::Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value()),
            QString());
        open = clerk.caseId();
    }
    const auto entries = [&] { return ow::store::CaseLog(store.value()).entries(open).value().size(); };
    const qsizetype before = entries();

    for (const QString &role : {QStringLiteral("supervisor"), QStringLiteral("admin")}) {
        context.role = role;
        context.window.clerk = role + QStringLiteral("-1");
        MainWindow w(context);
        w.catalogueReady();
        auto *list = w.findChild<QListWidget *>(QStringLiteral("sectionList"));
        QVERIFY(!w.findChild<ow::ui::IntakePage *>()); // no intake, so nothing is resumed
        QVERIFY(list->item(int(MainWindow::Section::Intake))->isHidden());
        QVERIFY(list->item(int(MainWindow::Section::Queue))->isHidden());
        QVERIFY(list->item(int(MainWindow::Section::Cases))->isHidden());
        QCOMPARE(list->item(int(MainWindow::Section::Supervisor))->isHidden(), role != QLatin1String("supervisor"));
        if (role == QLatin1String("supervisor"))
            QCOMPARE(w.currentSection(), MainWindow::Section::Supervisor);
        // Ctrl+2 does not open intake for them.
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::keyClick(&w, Qt::Key_2, Qt::ControlModifier);
        QVERIFY(w.currentSection() != MainWindow::Section::Intake);
        QCOMPARE(entries(), before);
    }
    // A clerk (or a window without a back office, role "") gets the counter and the open case.
    for (const QString &role : {QStringLiteral("clerk"), QString()}) {
        context.role = role;
        context.window.clerk = QStringLiteral("clerk-3");
        MainWindow w(context);
        w.catalogueReady();
        auto *intake = w.findChild<ow::ui::IntakePage *>();
        QVERIFY(intake && intake->workflow());
        QCOMPARE(intake->workflow()->caseId(), open);
        QVERIFY(w.findChild<QListWidget *>(QStringLiteral("sectionList"))
                    ->item(int(MainWindow::Section::Supervisor))
                    ->isHidden());
        QCOMPARE(w.currentSection(), MainWindow::Section::Intake);
    }
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
