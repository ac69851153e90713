// The A4 preview after a decision: the fit-to-width QPdfView must settle at every size. Before the
// fix its vertical scroll bar was shown and hidden without end at sizes where the page just fits
// (showing the bar narrows the page, which then fits; hiding it widens the page, which no longer
// fits), and the window froze after F5/F6/F7/F8. (Before the fix this test hung inside the event
// loop at the first such size, until the QtTest watchdog ended it.)
#include "onewindow/testsupport/PdfTestPlugin.h"
#include "onewindow/ui/DocumentView.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>
#include <QScrollBar>
#include <QTest>

namespace {

QByteArray onePageA4()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    QPainter painter(&writer);
    painter.drawText(QPointF(100, 100), QStringLiteral("One-time notice"));
    painter.end();
    return buffer.data();
}

// Counts the times a widget is shown or hidden.
class VisibilityCounter : public QObject
{
public:
    int toggles = 0;
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Show || event->type() == QEvent::Hide)
            ++toggles;
        return false;
    }
};

} // namespace

class TestDocumentView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { ow::testsupport::usePdfPluginFromBuild(); }
    void previewSettlesAtEverySize();
};

void TestDocumentView::previewSettlesAtEverySize()
{
    ow::ui::DocumentView view;
    view.setDocument(QStringLiteral("Notice"), QImage(), onePageA4());
    QCOMPARE(view.pdfPageCount(), 1);
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *pdf = view.findChild<QAbstractScrollArea *>(QStringLiteral("pdfView"));
    QVERIFY(pdf);
    VisibilityCounter counter;
    pdf->verticalScrollBar()->installEventFilter(&counter);
    int worst = 0;
    QSize worstSize;
    // Widths and heights around "the page just fits": the page is 1.414 times as high as wide.
    for (int width = 500; width <= 1100; width += 50) {
        for (int height = 300; height <= 760; height += 20) {
            view.resize(width, height);
            counter.toggles = 0;
            for (int i = 0; i < 30; ++i)
                QCoreApplication::processEvents();
            if (counter.toggles > worst) {
                worst = counter.toggles;
                worstSize = QSize(width, height);
            }
        }
    }
    // Settling takes at most one show or hide per resize; an oscillation makes dozens.
    QVERIFY2(worst <= 2,
        qPrintable(QStringLiteral("the scroll bar toggled %1 times at %2x%3")
                       .arg(worst)
                       .arg(worstSize.width())
                       .arg(worstSize.height())));
}

QTEST_MAIN(TestDocumentView)
#include "tst_documentview.moc"
