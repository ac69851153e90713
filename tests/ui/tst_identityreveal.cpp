#include "onewindow/catalog/Catalog.h"
#include "onewindow/catalog/CatalogSearch.h"
#include "onewindow/catalog/PinyinTable.h"
#include "onewindow/core/Clock.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/store/AuditLog.h"
#include "onewindow/store/Store.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/IdentityPanel.h"
#include "onewindow/ui/IntakePage.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;

namespace {

idcard::IdCardData card()
{
    idcard::IdCardData c;
    c.name = QStringLiteral("王小明");
    c.idNumber = QStringLiteral("33010619900101123X");
    c.address = QStringLiteral("浙江省杭州市西湖区文三路 100 号");
    c.birthDate = QDate(1990, 1, 1);
    c.gender = idcard::Gender::Male;
    c.nationCode = QStringLiteral("01");
    c.validFrom = QDate(2020, 1, 1);
    c.validUntil = QDate(2040, 1, 1);
    return c;
}

} // namespace

// PIPL: a card is unmasked only after its reveal is in the audit log, and the panel forgets the
// card when the case ends or another starts.
class TestIdentityReveal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void gateRunsBeforeUnmasking();
    void noGateNoReveal();
    void failingAuditWriteRevealsNothing();
    void revealIsAudited();
    void clearedByNewCase();
    void clearedWhenTheCaseIsFinished();

private:
    QString shownNumber() const { return m_page->findChild<QLabel *>(QStringLiteral("numberValue"))->text(); }
    void clickReveal()
    {
        QTest::mouseClick(m_identity->findChild<QPushButton *>(QStringLiteral("revealButton")), Qt::LeftButton);
    }

    std::optional<Catalog> m_catalog;
    std::unique_ptr<CatalogSearch> m_search;
    FixedClock m_clock {QDateTime(QDate(2026, 11, 27), QTime(9, 30))};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<store::Store> m_store;
    ui::ClientContext m_context;
    std::unique_ptr<ui::IntakePage> m_page;
    ui::IdentityPanel *m_identity = nullptr;
};

void TestIdentityReveal::initTestCase()
{
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("en")));
    m_catalog = Catalog::load(Catalog::builtinPath()).value();
    m_search = std::make_unique<CatalogSearch>(*m_catalog, PinyinTable::builtin().value());
    m_context.clock = &m_clock;
    m_context.window.windowCode = QStringLiteral("W05");
    m_context.window.clerk = QStringLiteral("clerk-5");
    m_context.catalog = &*m_catalog;
    m_context.search = m_search.get();
    m_context.key = receipt::WindowKey::generate(m_context.window.keyId()).value();
    m_context.askText = [](const QString &, const QString &) { return std::optional<QString>(); };
    m_context.confirm = [](const QString &, const QString &) { return true; }; // leave the case on Ctrl+N
}

void TestIdentityReveal::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto opened = store::Store::open(m_dir->path());
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_store.emplace(std::move(opened.value()));
    m_context.store = &*m_store;
    m_page = std::make_unique<ui::IntakePage>(m_context);
    m_page->resize(1200, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_identity = m_page->findChild<ui::IdentityPanel *>(QStringLiteral("identityPanel"));
    QVERIFY(m_identity);
    m_identity->showCard(card());
    QCOMPARE(shownNumber(), QStringLiteral("330106********123X"));
}

void TestIdentityReveal::cleanup()
{
    m_page.reset();
    m_store.reset();
    m_dir.reset();
}

void TestIdentityReveal::gateRunsBeforeUnmasking()
{
    ui::IdentityPanel panel(&m_clock);
    panel.show();
    QStringList seenByGate;
    panel.setRevealGate([&](const idcard::IdCardData &) {
        seenByGate << panel.findChild<QLabel *>(QStringLiteral("numberValue"))->text();
        return QString();
    });
    panel.showCard(card());
    panel.setRevealed(true);
    QCOMPARE(seenByGate, QStringList {QStringLiteral("330106********123X")}); // still masked while recording
    QVERIFY(panel.isRevealed());
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("numberValue"))->text(), QStringLiteral("33010619900101123X"));
}

void TestIdentityReveal::noGateNoReveal()
{
    ui::IdentityPanel panel(&m_clock);
    panel.showCard(card());
    panel.setRevealed(true);
    QVERIFY(!panel.isRevealed());
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("numberValue"))->text(), QStringLiteral("330106********123X"));
    QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("revealButton"))->isChecked());
}

void TestIdentityReveal::failingAuditWriteRevealsNothing()
{
    m_store->setWriteFault(QStringLiteral("disk full"));
    clickReveal();
    QVERIFY(!m_identity->isRevealed());
    QVERIFY(!m_identity->findChild<QPushButton *>(QStringLiteral("revealButton"))->isChecked());
    QCOMPARE(shownNumber(), QStringLiteral("330106********123X"));
    for (const QLabel *label : m_page->findChildren<QLabel *>()) {
        QVERIFY2(!label->text().contains(QStringLiteral("33010619900101123X")), qPrintable(label->objectName()));
        QVERIFY2(!label->text().contains(QStringLiteral("文三路")), qPrintable(label->objectName()));
    }
    const QString warning = m_identity->findChild<QLabel *>(QStringLiteral("warningLabel"))->text();
    QVERIFY2(warning.contains(QStringLiteral("disk full")), qPrintable(warning));
    m_store->setWriteFault({});
    QVERIFY(store::AuditLog(*m_store).entries().isEmpty());
}

void TestIdentityReveal::revealIsAudited()
{
    clickReveal();
    QVERIFY(m_identity->isRevealed());
    QCOMPARE(shownNumber(), QStringLiteral("33010619900101123X"));
    const auto entries = store::AuditLog(*m_store).entries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().action, QStringLiteral("reveal"));
    QCOMPARE(entries.first().clerk, QStringLiteral("clerk-5"));
    QVERIFY(!entries.first().subject.contains(QStringLiteral("33010619900101123X")));
    // Masking again needs no entry; revealing again writes another.
    clickReveal();
    QVERIFY(!m_identity->isRevealed());
    clickReveal();
    QCOMPARE(store::AuditLog(*m_store).entries().size(), 2);
}

void TestIdentityReveal::clearedByNewCase()
{
    clickReveal();
    QVERIFY(m_identity->isRevealed());
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    QTest::keyClick(m_page.get(), Qt::Key_N, Qt::ControlModifier);
    QVERIFY(!m_identity->card());
    QVERIFY(!m_identity->isRevealed());
    QVERIFY(shownNumber().isEmpty());
    // Nothing left to reveal later, unrecorded or not.
    clickReveal();
    QVERIFY(!m_identity->isRevealed());
}

void TestIdentityReveal::clearedWhenTheCaseIsFinished()
{
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    // The card made the applicant; a matter by its code; a one-time notice (nothing brought); F12.
    QTest::keyClick(m_page.get(), Qt::Key_F3);
    auto *search = m_page->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("330106-QR-POLICE-003"));
    QTest::keyClick(search, Qt::Key_Return);
    QTest::keyClick(m_page.get(), Qt::Key_F7);
    QVERIFY(m_identity->card());
    QTest::keyClick(m_page.get(), Qt::Key_F12);
    QVERIFY2(m_page->message().contains(QStringLiteral("is done")), qPrintable(m_page->message()));
    QVERIFY(!m_identity->card());
    QVERIFY(shownNumber().isEmpty());
}

QTEST_MAIN(TestIdentityReveal)
#include "tst_identityreveal.moc"
