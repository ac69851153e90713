#include "onewindow/ui/WindowIdentityDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using ow::ui::WindowIdentityDialog;

// The first-start dialog: a bad value is named and the dialog stays open; a good one closes it.
class TestWindowIdentityDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badValuesKeepItOpen_data();
    void badValuesKeepItOpen();
    void goodValuesAccept();

private:
    static void fill(WindowIdentityDialog &d, const QString &region, const QString &code, const QString &name)
    {
        d.findChild<QLineEdit *>(QStringLiteral("regionEdit"))->setText(region);
        d.findChild<QLineEdit *>(QStringLiteral("codeEdit"))->setText(code);
        d.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(name);
    }
    static void clickOk(WindowIdentityDialog &d)
    {
        auto *box = d.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
        QTest::mouseClick(box->button(QDialogButtonBox::Ok), Qt::LeftButton);
    }
};

void TestWindowIdentityDialog::badValuesKeepItOpen_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QString() << QString() << QString() << QStringLiteral("6-digit");
    QTest::newRow("short region") << QStringLiteral("3301") << QStringLiteral("W03") << QStringLiteral("窗口")
                                  << QStringLiteral("6-digit");
    QTest::newRow("demo code") << QStringLiteral("330106") << QStringLiteral("demo") << QStringLiteral("窗口")
                               << QStringLiteral("DEMO");
    QTest::newRow("no name") << QStringLiteral("330106") << QStringLiteral("W03") << QString()
                             << QStringLiteral("name");
}

void TestWindowIdentityDialog::badValuesKeepItOpen()
{
    QFETCH(QString, region);
    QFETCH(QString, code);
    QFETCH(QString, name);
    QFETCH(QString, message);
    WindowIdentityDialog d;
    d.show();
    fill(d, region, code, name);
    clickOk(d);
    QVERIFY(d.isVisible());
    QCOMPARE(d.result(), int(QDialog::Rejected));
    QVERIFY2(d.error().contains(message), qPrintable(d.error()));
    QVERIFY(d.findChild<QLabel *>(QStringLiteral("errorLabel"))->isVisible());
}

void TestWindowIdentityDialog::goodValuesAccept()
{
    WindowIdentityDialog d;
    d.show();
    fill(d, QStringLiteral("330106"), QStringLiteral("w03"), QStringLiteral("综合窗口 3"));
    clickOk(d);
    QVERIFY(!d.isVisible());
    QCOMPARE(d.result(), int(QDialog::Accepted));
    QCOMPARE(d.identity().region, QStringLiteral("330106"));
    QCOMPARE(d.identity().code, QStringLiteral("W03"));
    QCOMPARE(d.identity().name, QStringLiteral("综合窗口 3"));
}

QTEST_MAIN(TestWindowIdentityDialog)
#include "tst_windowidentitydialog.moc"
