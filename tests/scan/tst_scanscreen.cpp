#include "TestPages.h"

#include "onewindow/catalog/Catalog.h"
#include "onewindow/catalog/CatalogSearch.h"
#include "onewindow/catalog/PinyinTable.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/intake/Party.h"
#include "onewindow/store/BlobStore.h"
#include "onewindow/store/Store.h"
#include "onewindow/testsupport/PdfTestPlugin.h"
#include "onewindow/ui/ChecklistPanel.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/CounterDevices.h"
#include "onewindow/ui/IntakePage.h"
#include "onewindow/ui/ScanPanel.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPdfPageNavigator>
#include <QPdfView>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include "SaneTestBackend.h"

using namespace ow;

// The intake screen's scanning view: pages scanned through SANE's test backend and imported from
// files land on a checklist line as thumbnails, are turned, moved and deleted with the keys,
// previewed as the material's PDF and attached to the case when the line is marked received.
class TestScanScreen : public QObject
{
    Q_OBJECT

    QTemporaryDir m_config;
    QTemporaryDir m_files;
    std::optional<Catalog> m_catalog;
    std::unique_ptr<CatalogSearch> m_search;
    FixedClock m_clock {QDateTime(QDate(2026, 12, 1), QTime(10, 0))};
    QTemporaryDir m_data;
    std::optional<store::Store> m_store;
    ui::CounterDevices m_devices;
    ui::ClientContext m_context;

private Q_SLOTS:
    void initTestCase()
    {
        testsupport::usePdfPluginFromBuild();
        QVERIFY(writeSaneTestConfig(m_config));
        qputenv("SANE_CONFIG_DIR", m_config.path().toLocal8Bit());
        const QString language =
            qEnvironmentVariableIsSet("OW_TEST_LANG") ? qEnvironmentVariable("OW_TEST_LANG") : QStringLiteral("zh_CN");
        QVERIFY(i18n::installTranslations(*qApp, language));
        m_catalog = Catalog::load(Catalog::builtinPath()).value();
        m_search = std::make_unique<CatalogSearch>(*m_catalog, PinyinTable::builtin().value());
        m_context.clock = &m_clock;
        m_context.calendar = WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar")).value();
        m_context.window.windowCode = QStringLiteral("W03");
        m_context.window.clerk = QStringLiteral("李建华");
        m_context.catalog = &*m_catalog;
        m_context.search = m_search.get();
        m_context.key = receipt::WindowKey::generate(m_context.window.keyId()).value();
        m_context.devices = &m_devices;
        m_context.askText = [](const QString &, const QString &) { return std::optional<QString>(); };
        auto opened = store::Store::open(m_data.path());
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        m_store.emplace(std::move(opened.value()));
        m_context.store = &*m_store;
    }

    void pagesLandOnAMaterialAndAreAttached()
    {
        ui::IntakePage page(m_context);
        page.resize(1366, 768);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        intake::IntakeWorkflow *w = page.workflow();
        QCOMPARE(w->start(), QString());
        QCOMPARE(w->setApplicant(
                     intake::Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value()),
            QString());
        QCOMPARE(w->choose(checklist::Selection::ofBundle(QStringLiteral("open-restaurant"))), QString());

        auto *panel = page.findChild<ui::ScanPanel *>(QStringLiteral("scanPanel"));
        QVERIFY(panel);
        const QString material = QStringLiteral("id-card");
        panel->selectMaterial(material);
        QCOMPARE(panel->currentMaterial(), material);

        // Three sheets through the feeder of SANE's test scanner.
        scan::ScanSettings settings;
        settings.device = QStringLiteral("test:0");
        settings.dpi = 100;
        settings.maxPages = 3;
        settings.extraOptions = {{QStringLiteral("test-picture"), QStringLiteral("Color pattern")}};
        panel->setScanSettings(settings);
        panel->findChild<QComboBox *>(QStringLiteral("sourceCombo"))->setCurrentIndex(1);
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("scanButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(panel->pages().count(material), 3, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->busy(), 60000);

        // Files: a text page and a 0-byte file; the bad one is named, the good one kept.
        const QString good = m_files.filePath(QStringLiteral("租赁合同.png"));
        QVERIFY(testpages::a4Page(200, {}, testpages::sampleText()).save(good));
        const QString empty = m_files.filePath(QStringLiteral("空文件.pdf"));
        QFile(empty).open(QIODevice::WriteOnly);
        panel->pickFiles = [&] { return QStringList {good, empty}; };
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("importButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(panel->pages().count(material), 4, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->busy(), 60000);
        QVERIFY2(
            panel->findChild<QLabel *>(QStringLiteral("statusLabel"))->text().contains(QStringLiteral("空文件.pdf")),
            qPrintable(panel->findChild<QLabel *>(QStringLiteral("statusLabel"))->text()));

        // Thumbnails, and the keys: the text page moves first, is turned and turned back; the
        // last scanned sheet is deleted.
        auto *thumbs = panel->findChild<QListWidget *>(QStringLiteral("thumbnailList"));
        QCOMPARE(thumbs->count(), 4);
        thumbs->setFocus();
        thumbs->setCurrentRow(3);
        const QImage textPage = panel->pages().pages(material).at(3).image;
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(thumbs, Qt::Key_Left, Qt::ControlModifier);
        QCOMPARE(panel->pages().pages(material).at(0).image, textPage);
        QTest::keyClick(thumbs, Qt::Key_BracketRight);
        QCOMPARE(panel->pages().pages(material).at(0).image.size(), textPage.size().transposed());
        QTest::keyClick(thumbs, Qt::Key_BracketLeft);
        QCOMPARE(panel->pages().pages(material).at(0).image.size(), textPage.size());
        thumbs->setCurrentRow(3);
        QTest::keyClick(thumbs, Qt::Key_Delete);
        QCOMPARE(panel->pages().count(material), 3);
        QCOMPARE(thumbs->count(), 3);

        // The preview is the material's PDF; Page Down turns its page.
        QTRY_COMPARE(panel->previewPageCount(), 3);
        auto *preview = panel->findChild<QPdfView *>(QStringLiteral("previewView"));
        thumbs->setCurrentRow(0); // the preview shows the selected thumbnail's page
        QCOMPARE(preview->pageNavigator()->currentPage(), 0);
        preview->setFocus();
        QTest::keyClick(preview, Qt::Key_PageDown);
        QCOMPARE(preview->pageNavigator()->currentPage(), 1);
        QTest::keyClick(preview, Qt::Key_Plus);
        QCOMPARE(preview->zoomMode(), QPdfView::ZoomMode::Custom);
        QTest::keyClick(preview, Qt::Key_0);
        QCOMPARE(preview->zoomMode(), QPdfView::ZoomMode::FitToWidth);

        QTest::qWait(300); // QPdfView renders the page in the background
        const QString dir = QStringLiteral(OW_SCREENSHOT_DIR);
        QDir().mkpath(dir);
        QVERIFY(page.grab().save(dir + QStringLiteral("/scan-panel.png")));

        // Marking the line received attaches its pages: one PDF in the blob store, on the case.
        auto *checklistPanel = page.findChild<ui::ChecklistPanel *>(QStringLiteral("checklistPanel"));
        checklistPanel->selectMaterial(material);
        checklistPanel->markCurrent(checklist::Received::Original);
        QVERIFY(w->documents().contains(material));
        const auto ref = w->documents().value(material);
        QCOMPARE(ref.pageCount, 3);
        store::BlobStore blobs(m_data.path());
        QVERIFY(blobs.get(ref.sha256).ok());
    }

    void hotFolderFilesLandOnTheSelectedLine()
    {
        QTemporaryDir hot;
        m_context.hotFolder = hot.path();
        ui::IntakePage page(m_context);
        m_context.hotFolder.clear();
        intake::IntakeWorkflow *w = page.workflow();
        QCOMPARE(w->start(), QString());
        QCOMPARE(w->choose(checklist::Selection::ofBundle(QStringLiteral("open-restaurant"))), QString());
        auto *panel = page.findChild<ui::ScanPanel *>(QStringLiteral("scanPanel"));
        panel->selectMaterial(QStringLiteral("business-licence"));
        // The camera software writes under a temporary name, then renames the finished file.
        const QString part = hot.filePath(QStringLiteral("IMG_0001.jpg.part"));
        QVERIFY(testpages::licencePage(
            200, QStringLiteral("91310110666007217T"), QStringLiteral("浙江一窗示范餐饮有限公司"))
                    .save(part, "JPEG", 85));
        QVERIFY(QFile::rename(part, hot.filePath(QStringLiteral("IMG_0001.jpg"))));
        QTRY_COMPARE_WITH_TIMEOUT(panel->pages().count(QStringLiteral("business-licence")), 1, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(hot.filePath(QStringLiteral("imported/IMG_0001.jpg"))), 60000);
        // The licence's QR on the page made the company the applicant (the case was at Identify).
        QTRY_VERIFY_WITH_TIMEOUT(w->applicant().has_value(), 60000);
        QCOMPARE(w->applicant()->number, QStringLiteral("91310110666007217T"));
    }

    void licenceQrFromTheBarcodeScannerMakesTheApplicant()
    {
        ui::IntakePage page(m_context);
        // Scans go to the section on screen: the intake page is.
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.workflow()->close();
        m_devices.reportScan(
            testpages::licenceQrText(QStringLiteral("91310110666007217T"), QStringLiteral("浙江一窗示范餐饮有限公司")));
        intake::IntakeWorkflow *w = page.workflow();
        QVERIFY(w->hasCase());
        QVERIFY(w->applicant());
        QCOMPARE(w->applicant()->kind, intake::Party::Kind::Company);
        QCOMPARE(w->applicant()->number, QStringLiteral("91310110666007217T"));
        QCOMPARE(w->applicant()->name, QStringLiteral("浙江一窗示范餐饮有限公司"));
        // A code with a wrong check character is not taken.
        page.workflow()->close();
        m_devices.reportScan(QStringLiteral("统一社会信用代码：91310110666007217X"));
        QVERIFY(!page.workflow()->hasCase());
    }
};

QTEST_MAIN(TestScanScreen)
#include "tst_scanscreen.moc"
