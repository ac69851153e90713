#include "onewindow/catalog/Catalog.h"
#include "onewindow/catalog/CatalogSearch.h"
#include "onewindow/catalog/PinyinTable.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/store/Store.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/IntakePage.h"
#include "onewindow/ui/MainWindow.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;

// The client paints before its catalogue is loaded (start-up with 10,000 matters); intake
// starts when the catalogue arrives.
class TestDeferredCatalogue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void intakeStartsWhenTheCatalogueArrives();
};

void TestDeferredCatalogue::intakeStartsWhenTheCatalogueArrives()
{
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("en")));
    QTemporaryDir dir;
    auto store = store::Store::open(dir.path());
    QVERIFY(store.ok());
    ui::ClientContext context;
    context.window.windowCode = QStringLiteral("W08");
    context.window.clerk = QStringLiteral("clerk-8");
    context.store = &store.value();
    context.key = receipt::WindowKey::generate(context.window.keyId()).value();
    context.calendar = WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar")).value();
    context.catalogueLoading = true;

    ui::MainWindow window(context);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *intake = window.findChild<ui::IntakePage *>();
    QVERIFY(intake);
    QVERIFY(!intake->workflow());
    QVERIFY2(intake->message().contains(QStringLiteral("Loading")), qPrintable(intake->message()));

    const auto catalog = Catalog::load(Catalog::builtinPath());
    QVERIFY(catalog.ok());
    const CatalogSearch search(catalog.value(), PinyinTable::builtin().value());
    context.catalog = &catalog.value();
    context.search = &search;
    context.catalogueLoading = false;
    window.catalogueReady();
    QVERIFY(intake->workflow());
    QVERIFY(intake->workflow()->start().isEmpty());
    QVERIFY(!intake->message().contains(QStringLiteral("Loading")));
    window.catalogueReady(); // once only: the open case stays
    QVERIFY(intake->workflow()->hasCase());
}

QTEST_MAIN(TestDeferredCatalogue)
#include "tst_deferredcatalogue.moc"
