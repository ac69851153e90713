#include "onewindow/core/WorkCalendar.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/ui/ClientContext.h"
#include "onewindow/ui/DemoMenu.h"
#include "onewindow/ui/IdentityPanel.h"
#include "onewindow/ui/LocalisedFileModel.h"
#include "onewindow/ui/MainWindow.h"

#include <QAbstractFileIconProvider>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QListWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QXmlStreamReader>

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chooseLanguage_data();
    void chooseLanguage();
    void zhCnIsComplete();
    void mainWindowSpeaksChinese();
    void wordingAClerkWouldUse_data();
    void wordingAClerkWouldUse();
    void qtSpeaksChineseToo();
    void demoMenuNamesDocumentKinds();
    void fileDialogSpeaksTheChosenLanguage();
};

namespace {

bool hasHan(const QString &t)
{
    for (QChar c : t) {
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    }
    return false;
}

} // namespace

void TestTranslations::chooseLanguage_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("chosen");
    QTest::newRow("--lang wins") << "en"
                                 << "zh_CN"
                                 << "en_US";
    QTest::newRow("system zh_CN") << ""
                                  << "zh_CN"
                                  << "zh_CN";
    QTest::newRow("system en_GB") << ""
                                  << "en_GB"
                                  << "en_GB";
    QTest::newRow("C locale means zh_CN") << ""
                                          << "C"
                                          << "zh_CN";
}

void TestTranslations::chooseLanguage()
{
    QFETCH(QString, requested);
    QFETCH(QString, system);
    QFETCH(QString, chosen);
    QCOMPARE(ow::i18n::chooseLanguage(requested, QLocale(system)), chosen);
}

// zh_CN is the clerks' language: every message is translated and none is left unfinished.
void TestTranslations::zhCnIsComplete()
{
    QFile ts(QStringLiteral(OW_TS_ZH_CN));
    QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
    QXmlStreamReader xml(&ts);
    int messages = 0;
    QStringList unfinished;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            ++messages;
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (type == QLatin1String("unfinished") || type == QLatin1String("vanished") || text.trimmed().isEmpty())
                unfinished << source;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY2(messages > 50, "the zh_CN catalogue looks empty");
    QVERIFY2(
        unfinished.isEmpty(), qPrintable(QStringLiteral("untranslated: ") + unfinished.join(QStringLiteral(" | "))));
}

void TestTranslations::mainWindowSpeaksChinese()
{
    QVERIFY(ow::i18n::installTranslations(*qApp, QStringLiteral("zh_CN")));
    ow::ui::ClientContext context;
    ow::ui::MainWindow w(context);
    auto *list = w.findChild<QListWidget *>(QStringLiteral("sectionList"));
    QVERIFY(list);
    for (int i = 0; i < list->count(); ++i) {
        const QString t = list->item(i)->text();
        bool han = false;
        for (QChar c : t)
            han = han || (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF);
        QVERIFY2(han, qPrintable(t));
    }
}

// Translations that once said something else than the English (a unit read as a range).
void TestTranslations::wordingAClerkWouldUse_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");
    QTest::newRow("number with a unit") << "ow::ui::QuestionsPanel"
                                        << "number, in %1"
                                        << "数字，单位：%1";
    QTest::newRow("answer from the card") << "ow::ui::QuestionsPanel"
                                          << "%1 (from the document)"
                                          << "%1（来自证件）";
    QTest::newRow("nationality") << "ow::ui::IdentityPanel"
                                 << "United States"
                                 << "美国";
}

void TestTranslations::wordingAClerkWouldUse()
{
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QString, expected);
    QVERIFY(ow::i18n::installTranslations(*qApp, QStringLiteral("zh_CN")));
    QCOMPARE(QCoreApplication::translate(context.toLatin1().constData(), source.toUtf8().constData()), expected);
    // The card panel shows a nationality by name, not by its code ("USA").
    QCOMPARE(ow::ui::IdentityPanel::nationalityName(QStringLiteral("USA")), QStringLiteral("美国"));
}

// Qt's own words in a Chinese window: the file dialog ("Folder" was English: its context is missing
// from Qt 6.4's catalogue), its buttons, and dates in the chosen language.
void TestTranslations::qtSpeaksChineseToo()
{
    QVERIFY(ow::i18n::installTranslations(*qApp, QStringLiteral("zh_CN")));
    const QString folder = QAbstractFileIconProvider().type(QFileInfo(QDir::tempPath()));
    QVERIFY2(hasHan(folder), qPrintable(folder));
    QCOMPARE(QAbstractFileIconProvider().type(QFileInfo(QDir::tempPath())), QStringLiteral("文件夹"));
    for (const char *source : {"Look in:", "File &name:", "Files of type:", "Detail View"}) {
        const QString t = QCoreApplication::translate("QFileDialog", source);
        QVERIFY2(hasHan(t), source);
    }
    QVERIFY(hasHan(QCoreApplication::translate("QFileSystemModel", "Date Modified")));
    QVERIFY(hasHan(QCoreApplication::translate("QPlatformTheme", "Cancel")));
    QVERIFY(hasHan(QCoreApplication::translate("QLineEdit", "&Copy")));
    const QString date = QLocale().toString(QDate(2026, 12, 6), QLocale::ShortFormat);
    QVERIFY2(!date.contains(QStringLiteral("Dec")), qPrintable(date));
    QVERIFY2(hasHan(QLocale().toString(QDate(2026, 12, 6), QLocale::LongFormat)), qPrintable(date));
    QVERIFY(ow::i18n::installTranslations(*qApp, QStringLiteral("en")));
    QCOMPARE(QAbstractFileIconProvider().type(QFileInfo(QDir::tempPath())), QStringLiteral("Folder"));
}

// The 演示 menu's "scan the QR of a notice" entries named the document by its store key ("notice").
void TestTranslations::demoMenuNamesDocumentKinds()
{
    QVERIFY(ow::i18n::installTranslations(*qApp, QStringLiteral("zh_CN")));
    QStringList seen;
    for (const QString &kind :
        {QStringLiteral("receipt"), QStringLiteral("notice"), QStringLiteral("tolerated"), QStringLiteral("refusal")}) {
        const QString text = ow::ui::DemoMenu::kindText(kind);
        QVERIFY2(hasHan(text) && !text.contains(kind), qPrintable(text));
        QVERIFY2(!seen.contains(text), qPrintable(text));
        seen << text;
    }
}

// The file dialog's Date Modified followed the system locale ("6 Dec" under LANG=C) and its Type
// said "Folder", in a Chinese window.
void TestTranslations::fileDialogSpeaksTheChosenLanguage()
{
    QVERIFY(ow::i18n::installTranslations(*qApp, QStringLiteral("zh_CN")));
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("扫描件")));
    QFile page(dir.filePath(QStringLiteral("page.pdf")));
    QVERIFY(page.open(QIODevice::WriteOnly));
    page.write("%PDF-1.4\n");
    page.close();
    QFileDialog dialog(nullptr, QStringLiteral("导入"), dir.path());
    ow::ui::LocalisedFileModel::localise(&dialog);
    dialog.setViewMode(QFileDialog::Detail);
    dialog.show();
    auto *view = dialog.findChild<QTreeView *>(QStringLiteral("treeView"));
    QVERIFY(view);
    QTRY_COMPARE(view->model()->rowCount(view->rootIndex()), 2);
    for (int row = 0; row < 2; ++row) {
        const QString name = view->model()->index(row, 0, view->rootIndex()).data().toString();
        const QFileInfo info(dir.filePath(name));
        const QString date = view->model()->index(row, 3, view->rootIndex()).data().toString();
        QCOMPARE(date, QLocale(QStringLiteral("zh_CN")).toString(info.lastModified(), QLocale::ShortFormat));
        const QString type = view->model()->index(row, 2, view->rootIndex()).data().toString();
        if (info.isDir())
            QCOMPARE(type, QStringLiteral("文件夹"));
    }
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
