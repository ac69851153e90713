// Issue 19: the lock screen clipped its Chinese (王芳 came out as "土方", 请输入密码 as "请输人密蚂",
// 保持原样 was cut off). Every label, button and line edit of the lock screen and the dialogs a
// clerk meets must be as tall as its font needs for its text, in zh_CN with the real CJK fonts.
#include "onewindow/account/SignIn.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/LockScreen.h"
#include "onewindow/ui/MainWindow.h"
#include "onewindow/ui/SignInDialog.h"
#include "onewindow/ui/WindowIdentityDialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QFontDatabase>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace ow;

class TestGlyphs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void lockScreen();
    void signInDialog();
    void windowIdentityDialog();
    void questionBox();
    void textQuestion();

private:
    // What is shorter than its text needs, one line per widget (empty when all is whole).
    static QStringList clipped(const QWidget *root);
    void shot(QWidget *w, const QString &name);
};

void TestGlyphs::initTestCase()
{
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("zh_CN")));
    // The real fonts of a window PC: Noto Sans CJK (fonts-noto-cjk) draws the Chinese.
    QVERIFY2(QFontDatabase::families(QFontDatabase::SimplifiedChinese).join(u',').contains(QLatin1String("CJK")),
        "fonts-noto-cjk is not installed");
}

QStringList TestGlyphs::clipped(const QWidget *root)
{
    QStringList out;
    const auto check = [&out](const QWidget *w, int have, int need, const QString &text) {
        if (have < need)
            out << QStringLiteral("%1 \"%2\": %3 px tall, needs %4").arg(w->objectName(), text).arg(have).arg(need);
    };
    for (const QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(root) || w->width() <= 0)
            continue;
        const QFontMetrics fm(w->font());
        if (const auto *label = qobject_cast<const QLabel *>(w)) {
            if (label->text().isEmpty())
                continue;
            const int m = label->margin();
            const QRect cr = label->contentsRect().adjusted(m, m, -m, -m);
            const bool rich = label->textFormat() == Qt::RichText
                || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()));
            int need = 0;
            if (rich) {
                QTextDocument doc;
                doc.setDefaultFont(label->font());
                doc.setDocumentMargin(0);
                doc.setHtml(label->text());
                doc.setTextWidth(label->wordWrap() ? cr.width() : -1);
                need = qCeil(doc.size().height());
            } else {
                const int flags = int(label->alignment()) | (label->wordWrap() ? int(Qt::TextWordWrap) : 0);
                need = fm.boundingRect(cr, flags, label->text()).height();
            }
            check(label, cr.height(), need, label->text());
            if (label->wordWrap())
                check(label, label->height(), label->heightForWidth(label->width()), label->text());
        } else if (const auto *button = qobject_cast<const QAbstractButton *>(w)) {
            if (button->text().isEmpty())
                continue;
            check(button, button->height(), button->minimumSizeHint().height(), button->text());
            check(button, button->contentsRect().height(), fm.boundingRect(button->text()).height(), button->text());
        } else if (const auto *edit = qobject_cast<const QLineEdit *>(w)) {
            const QString text = edit->text().isEmpty() ? edit->placeholderText() : edit->displayText();
            check(edit, edit->height(), edit->minimumSizeHint().height(), text);
            check(edit, edit->contentsRect().height(), fm.height(), text);
        }
    }
    return out;
}

void TestGlyphs::shot(QWidget *w, const QString &name)
{
    const QString dir = QStringLiteral(OW_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    QVERIFY(w->grab().save(dir + QStringLiteral("/glyphs-") + name + QStringLiteral(".png")));
}

void TestGlyphs::lockScreen()
{
    // As the idle lock shows it: over the whole main window at 1366×768.
    ui::ClientContext context;
    ui::MainWindow window(context);
    window.resize(1366, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *lock = new ui::LockScreen(&window);
    lock->setUser(QStringLiteral("王芳"));
    lock->setError(QStringLiteral("密码不对，请再输入一次。"));
    lock->setGeometry(window.rect());
    lock->show();
    lock->raise();
    QTRY_VERIFY(lock->isVisible());
    QApplication::processEvents();
    const QStringList bad = clipped(lock);
    shot(lock, QStringLiteral("lockscreen"));
    QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
}

void TestGlyphs::signInDialog()
{
    QTemporaryDir dir;
    account::SignIn signIn(dir.path(), QStringLiteral("330106-W03"), QUrl(QStringLiteral("http://127.0.0.1:9")));
    ui::SignInDialog dialog(&signIn, QStringLiteral("综合窗口 3（西湖区行政服务中心）"));
    dialog.setUser(QStringLiteral("王芳"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QApplication::processEvents();
    const QStringList bad = clipped(&dialog);
    shot(&dialog, QStringLiteral("signin"));
    QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
}

void TestGlyphs::windowIdentityDialog()
{
    ui::WindowIdentityDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QApplication::processEvents();
    const QStringList bad = clipped(&dialog);
    shot(&dialog, QStringLiteral("windowidentity"));
    QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
}

void TestGlyphs::questionBox()
{
    // A confirmation as the window asks one (leaving a case, a refusal).
    QMessageBox box(QMessageBox::Question, QStringLiteral("放弃案件"),
        QStringLiteral("案件 330106-W03-20261206-0001 已有内容（申请人王芳，事项：开餐馆）。确定放弃并新建案件吗？"),
        QMessageBox::Yes | QMessageBox::No);
    box.show();
    QVERIFY(QTest::qWaitForWindowExposed(&box));
    QApplication::processEvents();
    const QStringList bad = clipped(&box);
    shot(&box, QStringLiteral("question"));
    QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
}

void TestGlyphs::textQuestion()
{
    // What askText shows (the reason of a refusal, the case number to continue).
    QInputDialog dialog;
    dialog.setWindowTitle(QStringLiteral("不予受理"));
    dialog.setLabelText(QStringLiteral("不予受理的理由："));
    dialog.setTextValue(QStringLiteral("经营场所位于居民住宅楼内"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QApplication::processEvents();
    const QStringList bad = clipped(&dialog);
    shot(&dialog, QStringLiteral("textquestion"));
    QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
}

QTEST_MAIN(TestGlyphs)
#include "tst_glyphs.moc"
