// Issue 19: documents follow the window's document language, never the process's. Under LANG=C
// (the client's UI in English) a Chinese applicant's notice was English with US dates and its
// signed digest differed from the same notice made under zh_CN.
#include "IntakeFixture.h"

#include "onewindow/i18n/Language.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/receipt/DocumentLayout.h"
#include "onewindow/receipt/ReceiptDocument.h"
#include "onewindow/store/WindowSettings.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using intake::IntakeWorkflow;
using intake::Party;

namespace {

bool hasHan(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    }
    return false;
}

// Everything the paper shows but its QR (which names the case's own random id).
QStringList printed(const receipt::ReceiptDocument &doc)
{
    QStringList out;
    for (const receipt::Block &b : receipt::DocumentLayout::blocks(doc)) {
        if (b.type != receipt::Block::Type::Qr)
            out << b.label + u'|' + b.text + u'|' + b.detail;
    }
    return out;
}

} // namespace

class TestDocumentLanguage : public QObject, protected IntakeFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void sameNoticeUnderEveryUiLanguage();
    void windowSettingChoosesTheLanguage();
    void storedSetting();

private:
    // A 开餐馆 case decided as a one-time notice (materials missing, answers given), through the
    // workflow as the clerk's keys drive it.
    std::optional<receipt::ReceiptDocument> decidedNotice();
};

void TestDocumentLanguage::initTestCase()
{
    loadOnce();
}

void TestDocumentLanguage::init()
{
    openStore();
}

void TestDocumentLanguage::cleanup()
{
    closeStore();
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("en")));
}

std::optional<receipt::ReceiptDocument> TestDocumentLanguage::decidedNotice()
{
    auto w = makeWorkflow();
    if (!w->start().isEmpty()
        || !w->setApplicant(Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明")).value())
                .isEmpty()
        || !w->choose(checklist::Selection::ofBundle(QStringLiteral("open-restaurant"))).isEmpty())
        return std::nullopt;
    for (const auto &[question, value] :
        QList<QPair<QString, QString>> {{QStringLiteral("entity"), QStringLiteral("individual")},
            {QStringLiteral("area"), QStringLiteral("120")}, {QStringLiteral("renovation"), QStringLiteral("no")},
            {QStringLiteral("fumes"), QStringLiteral("yes")}, {QStringLiteral("signboard"), QStringLiteral("no")}}) {
        if (!w->answer(question, value).isEmpty())
            return std::nullopt;
    }
    // Half of the materials: received ones and missing ones both go on the notice.
    const auto lines = w->checklist().materials;
    for (int i = 0; i < lines.size(); i += 2) {
        if (!w->mark(lines.at(i).id, checklist::Received::Copy).isEmpty())
            return std::nullopt;
    }
    if (const QString err = w->decide(IntakeWorkflow::Decision::Notice); !err.isEmpty()) {
        qWarning("decide: %s", qPrintable(err));
        return std::nullopt;
    }
    return w->document();
}

void TestDocumentLanguage::sameNoticeUnderEveryUiLanguage()
{
    // The clerk's screen in English (LANG=C, or --lang en) …
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("en")));
    QCOMPARE(QCoreApplication::translate("ow::ui::IntakePage", "Ready."), QStringLiteral("Ready."));
    const auto en = decidedNotice();
    QVERIFY(en);
    const QStringList enPaper = printed(*en);
    // … and in Chinese, in a window of the same day: the same paper.
    closeStore();
    openStore();
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("zh_CN")));
    const auto zh = decidedNotice();
    QVERIFY(zh);
    QCOMPARE(zh->caseNumber, en->caseNumber);

    QCOMPARE(en->language, QStringLiteral("zh_CN"));
    receipt::ReceiptDocument sameCase = *zh;
    sameCase.caseId = en->caseId; // each store gives its case its own random id
    QCOMPARE(QString::fromUtf8(sameCase.canonicalBytes()), QString::fromUtf8(en->canonicalBytes()));
    QCOMPARE(sameCase.digest(), en->digest());
    QCOMPARE(printed(*zh), enPaper);

    // In Chinese, dates included, though the process spoke English when it was made.
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("en")));
    QVERIFY2(hasHan(en->title()), qPrintable(en->title()));
    QVERIFY(!en->missing.isEmpty() && !en->received.isEmpty());
    QVERIFY2(hasHan(en->missing.first().why), qPrintable(en->missing.first().why));
    QVERIFY2(hasHan(en->missing.first().howToSupply), qPrintable(en->missing.first().howToSupply));
    QVERIFY2(hasHan(en->received.first().how), qPrintable(en->received.first().how));
    const QString paper = printed(*en).join(u'\n');
    QVERIFY2(paper.contains(QStringLiteral("2026/11/27")), qPrintable(paper)); // not 11/27/26
    QVERIFY2(!paper.contains(QStringLiteral("Nov")) && !paper.contains(QStringLiteral("Materials")), qPrintable(paper));
    // The screen keeps its own language meanwhile.
    QCOMPARE(QCoreApplication::translate("ow::ui::IntakePage", "Ready."), QStringLiteral("Ready."));
}

void TestDocumentLanguage::windowSettingChoosesTheLanguage()
{
    // A window set to English documents under a Chinese UI: English paper, Chinese screen.
    QVERIFY(i18n::installTranslations(*qApp, QStringLiteral("zh_CN")));
    m_config.documentLanguage = QStringLiteral("en");
    const auto doc = decidedNotice();
    m_config.documentLanguage = QStringLiteral("zh_CN");
    QVERIFY(doc);
    QCOMPARE(doc->language, QStringLiteral("en_US"));
    QCOMPARE(doc->title(), QStringLiteral("One-time notice of missing materials"));
    QVERIFY2(!hasHan(doc->received.first().how), qPrintable(doc->received.first().how));
    QVERIFY(hasHan(QCoreApplication::translate("ow::ui::IntakePage", "Ready.")));
}

void TestDocumentLanguage::storedSetting()
{
    QTemporaryDir dir;
    QCOMPARE(store::WindowSettings::documentLanguage(dir.path()).value(), QStringLiteral("zh_CN"));
    // Only a window with an identity has a document language to set.
    QVERIFY(!store::WindowSettings::setDocumentLanguage(dir.path(), QStringLiteral("en")).isEmpty());
    QCOMPARE(store::WindowSettings::save(
                 dir.path(), {QStringLiteral("330106"), QStringLiteral("W03"), QStringLiteral("综合窗口 3")}),
        QString());
    QVERIFY(!store::WindowSettings::setDocumentLanguage(dir.path(), QStringLiteral("fr")).isEmpty());
    QCOMPARE(store::WindowSettings::setDocumentLanguage(dir.path(), QStringLiteral("en")), QString());
    QCOMPARE(store::WindowSettings::documentLanguage(dir.path()).value(), QStringLiteral("en_US"));
    // Saving the identity again keeps the language.
    QCOMPARE(store::WindowSettings::save(
                 dir.path(), {QStringLiteral("330106"), QStringLiteral("W03"), QStringLiteral("综合窗口 3")}),
        QString());
    QCOMPARE(store::WindowSettings::documentLanguage(dir.path()).value(), QStringLiteral("en_US"));
}

QTEST_GUILESS_MAIN(TestDocumentLanguage)
#include "tst_documentlanguage.moc"
