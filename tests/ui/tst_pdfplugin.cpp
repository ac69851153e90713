// Issue 25: the PDF views (QtPdf) are the plugin onewindow-pdf.so, which the window loads after
// its first paint. Right after start-up, the 案件 section's reprint shows the decided document's
// PDF through it; a missing or broken plugin is said where the PDF would be, never a crash or a
// blank. The functions run in this order: the plugin stays loaded once loaded (PDFium lives
// until exit), so the missing and broken cases come first.
#include "onewindow/catalog/Catalog.h"
#include "onewindow/core/Clock.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/store/Store.h"
#include "onewindow/testsupport/PdfTestPlugin.h"
#include "onewindow/ui/CasesPage.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/DocumentView.h"
#include "onewindow/ui/MainWindow.h"
#include "onewindow/ui/PdfPlugin.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;

namespace {

// Whether a library is in this process (mapped by the dynamic loader).
bool mapped(const char *library)
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    return maps.open(QIODevice::ReadOnly) && maps.readAll().contains(library);
}

bool qtPdfLoaded()
{
    return mapped("libQt6Pdf.so");
}

// A4 printing (QPrinter, QPrintDialog) is the plugin's too.
bool printSupportLoaded()
{
    return mapped("libQt6PrintSupport.so");
}

} // namespace

class TestPdfPlugin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void missingPluginIsSaidWhereThePdfWouldBe();
    void brokenPluginIsSaidWhereThePdfWouldBe();
    void pdfShowsThroughThePluginRightAfterStartUp();

private:
    QString acceptedCase();
    // The window started as the client starts it, shown; then the 案件 section's reprint of the
    // accepted case. The reprint's view, or nullptr.
    ui::DocumentView *startAndReprint(ui::MainWindow &window, const QString &caseId);

    FixedClock m_clock {QDateTime(QDate(2026, 11, 27), QTime(9, 30))};
    std::optional<Catalog> m_catalog;
    QTemporaryDir m_dir;
    std::optional<store::Store> m_store;
    ui::ClientContext m_context;
    QString m_caseId;
};

void TestPdfPlugin::initTestCase()
{
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("en")));
    // Nothing of QtPdf or Qt PrintSupport before the window's first paint: the client links neither.
    QVERIFY(!qtPdfLoaded());
    QVERIFY(!printSupportLoaded());
    m_catalog = Catalog::load(Catalog::builtinPath()).value();
    auto opened = store::Store::open(m_dir.filePath(QStringLiteral("data")));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_store.emplace(std::move(opened.value()));
    m_context.clock = &m_clock;
    m_context.calendar = WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar")).value();
    m_context.window.windowCode = QStringLiteral("W07");
    m_context.window.clerk = QStringLiteral("clerk-7");
    m_context.catalog = &*m_catalog;
    m_context.store = &*m_store;
    m_context.key = receipt::WindowKey::generate(m_context.window.keyId()).value();
    m_context.keys.add(m_context.key->keyId(), m_context.key->publicKey());
    m_caseId = acceptedCase();
    QVERIFY2(!m_caseId.startsWith(QLatin1String("failed")), qPrintable(m_caseId));
}

QString TestPdfPlugin::acceptedCase()
{
    intake::IntakeWorkflow w(*m_catalog, m_context.calendar, m_clock, *m_store, *m_context.key, m_context.window);
    QStringList errors;
    errors << w.start()
           << w.setApplicant(
                  intake::Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value())
           << w.choose(checklist::Selection::ofMatters({QStringLiteral("330106-QR-POLICE-003")}));
    const auto lines = w.checklist().materials; // a copy: each mark() recomputes the checklist
    for (const auto &line : lines)
        errors << w.mark(line.id, checklist::Received::Original);
    errors << w.goTo(intake::IntakeWorkflow::Step::Verdict) << w.decide(intake::IntakeWorkflow::Decision::Accept);
    const QString id = w.caseId();
    errors << w.finish();
    errors.removeAll(QString());
    return errors.isEmpty() ? id : QStringLiteral("failed: ") + errors.first();
}

ui::DocumentView *TestPdfPlugin::startAndReprint(ui::MainWindow &window, const QString &caseId)
{
    window.catalogueReady();
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return nullptr;
    window.showSection(ui::MainWindow::Section::Cases);
    auto *cases = window.findChild<ui::CasesPage *>();
    if (!cases)
        return nullptr;
    const QString err = cases->reprint(caseId);
    if (!err.isEmpty()) {
        qWarning("reprint: %s", qPrintable(err));
        return nullptr;
    }
    return cases->reprintView();
}

void TestPdfPlugin::missingPluginIsSaidWhereThePdfWouldBe()
{
    QTemporaryDir empty;
    ui::PdfPlugin::setDirs({empty.path()});
    ui::MainWindow window(m_context);
    ui::DocumentView *view = startAndReprint(window, m_caseId);
    QVERIFY(view);
    QTRY_VERIFY(view->isVisible());
    auto *said = view->findChild<QLabel *>(QStringLiteral("pdfUnavailableLabel"));
    QVERIFY(said);
    QVERIFY(said->isVisible());
    QVERIFY2(said->text().contains(QLatin1String("not installed")), qPrintable(said->text()));
    QVERIFY2(said->text().contains(empty.filePath(QStringLiteral("onewindow-pdf.so"))), qPrintable(said->text()));
    QCOMPARE(view->pdfPageCount(), 0);
    QVERIFY(!view->pdf().isEmpty());
    // The PDF can still be saved; printing on A4 needs the viewer.
    QVERIFY(view->findChild<QPushButton *>(QStringLiteral("savePdfButton"))->isEnabled());
    QVERIFY(!view->findChild<QPushButton *>(QStringLiteral("printA4Button"))->isEnabled());
    QVERIFY(!qtPdfLoaded());
    view->window()->close();
}

void TestPdfPlugin::brokenPluginIsSaidWhereThePdfWouldBe()
{
    QTemporaryDir dir;
    QFile broken(dir.filePath(QStringLiteral("onewindow-pdf.so")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("not a shared object\n");
    broken.close();
    ui::PdfPlugin::setDirs({dir.path()});
    ui::MainWindow window(m_context);
    ui::DocumentView *view = startAndReprint(window, m_caseId);
    QVERIFY(view);
    auto *said = view->findChild<QLabel *>(QStringLiteral("pdfUnavailableLabel"));
    QVERIFY(said);
    QVERIFY2(said->text().startsWith(QLatin1String("The PDF viewer cannot be loaded: ")), qPrintable(said->text()));
    QCOMPARE(view->pdfPageCount(), 0);
    QVERIFY(!qtPdfLoaded());
    view->window()->close();
}

void TestPdfPlugin::pdfShowsThroughThePluginRightAfterStartUp()
{
    testsupport::usePdfPluginFromBuild();
    QVERIFY(!qtPdfLoaded());
    ui::MainWindow window(m_context);
    window.catalogueReady();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Loaded after the first paint, before any PDF is asked for.
    QTRY_VERIFY(qtPdfLoaded());
    QVERIFY(printSupportLoaded());
    QVERIFY2(ui::PdfPlugin::error().isEmpty(), qPrintable(ui::PdfPlugin::error()));
    ui::DocumentView *view = startAndReprint(window, m_caseId);
    QVERIFY(view);
    QTRY_VERIFY(view->isVisible());
    QVERIFY(!view->findChild<QLabel *>(QStringLiteral("pdfUnavailableLabel")));
    QCOMPARE(view->pdfPageCount(), 1);
    auto *pdf = view->findChild<QAbstractScrollArea *>(QStringLiteral("pdfView"));
    QVERIFY(pdf);
    QVERIFY(pdf->isVisible());
    QCOMPARE(pdf->accessibleName(), QStringLiteral("A4 document"));
    QVERIFY(view->findChild<QPushButton *>(QStringLiteral("printA4Button"))->isEnabled());
    view->window()->close();
}

QTEST_MAIN(TestPdfPlugin)
#include "tst_pdfplugin.moc"
