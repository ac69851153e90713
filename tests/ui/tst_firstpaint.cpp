// What the client does before its first paint that a bare Qt window does not (issue 25).
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/CounterStyle.h"
#include "onewindow/ui/MainWindow.h"

#include <QApplication>
#include <QEvent>
#include <QFile>
#include <QMenuBar>
#include <QTest>

class TestFirstPaint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noImagePluginBeforeTheFirstPaint();
    void sameStyleUnderneath();
};

namespace {

// The image format plugins mapped into this process (/proc/self/maps), e.g. "libqtiff.so".
QStringList imagePlugins()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return {QStringLiteral("cannot read /proc/self/maps")};
    QStringList out;
    for (const QByteArray &line : maps.readAll().split('\n')) {
        const qsizetype at = line.indexOf("/imageformats/");
        if (at >= 0) {
            const QString name = QString::fromUtf8(line.mid(at + 14));
            if (!out.contains(name))
                out << name;
        }
    }
    return out;
}

class PaintSpy : public QObject
{
public:
    bool painted = false;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

void TestFirstPaint::noImagePluginBeforeTheFirstPaint()
{
    // As the client starts: its style installed right after QApplication, then the main window.
    QVERIFY2(imagePlugins().isEmpty(), qPrintable(imagePlugins().join(u',')));
    ow::ui::CounterStyle::install();
    QVERIFY(ow::i18n::installTranslations(*qApp, QStringLiteral("zh_CN")));
    ow::ui::ClientContext context;
    const auto cal = ow::WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar"));
    QVERIFY2(cal.ok(), qPrintable(cal.error()));
    context.calendar = cal.value();
    context.catalogueLoading = true;
    ow::ui::MainWindow window(context);
    PaintSpy spy;
    window.installEventFilter(&spy);
    window.resize(1366, 768);
    window.show();
    QTRY_VERIFY(spy.painted);
    // The menu bar and its overflow button exist; no image was read for them.
    QVERIFY(window.menuBar()->findChild<QWidget *>(QStringLiteral("qt_menubar_ext_button")));
    QVERIFY2(imagePlugins().isEmpty(),
        qPrintable(QStringLiteral("loaded before the first paint: ") + imagePlugins().join(u',')));
}

void TestFirstPaint::sameStyleUnderneath()
{
    // Only the overflow arrows differ: the style under it is the one Qt chose (or -style named).
    auto *style = qobject_cast<QProxyStyle *>(QApplication::style());
    QVERIFY(style);
    QVERIFY(style->baseStyle());
    QCOMPARE(style->baseStyle()->name(), QStringLiteral("fusion"));
    QVERIFY(!style->standardIcon(QStyle::SP_ToolBarHorizontalExtensionButton).pixmap(16, 16).isNull());
    QVERIFY(!style->standardIcon(QStyle::SP_ToolBarVerticalExtensionButton).pixmap(16, 16).isNull());
    QVERIFY(!style->standardIcon(QStyle::SP_LineEditClearButton).pixmap(16, 16).isNull());
    QVERIFY(!style->standardIcon(QStyle::SP_DialogOkButton).isNull());
}

QTEST_MAIN(TestFirstPaint)
#include "tst_firstpaint.moc"
