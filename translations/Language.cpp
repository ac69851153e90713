#include "onewindow/i18n/Language.h"

#include "DocumentTranslator.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

namespace ow::i18n {

namespace {

// Strings Qt translates at run time but whose context its own catalogues (qt6-translations-l10n
// 6.4) lack, so that they would stay English in a Chinese window (the file dialog's "Folder").
// lupdate puts them in our catalogues; the texts are Qt's own.
struct QtText
{
    const char *source;
    const char *disambiguation;
};
[[maybe_unused]] const QtText kQtGaps[] = {
    QT_TRANSLATE_NOOP3("QAbstractFileIconProvider", "Folder", "All other platforms"),
    QT_TRANSLATE_NOOP3("QAbstractFileIconProvider", "Shortcut", "All other platforms"),
    {QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"), nullptr},
    {QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"), nullptr},
    {QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"), nullptr},
};

} // namespace

QString chooseLanguage(const QString &requested, const QLocale &system, const QString &unset)
{
    if (!requested.isEmpty())
        return QLocale(requested).name();
    if (system.language() == QLocale::C)
        return unset;
    return system.name();
}

bool installTranslations(QCoreApplication &app, const QString &language)
{
    const QLocale locale(language);
    // Dates, numbers and Qt's own texts (dialogs, context menus) in the chosen language.
    QLocale::setDefault(locale);

    // Another language replaces the one installed before (its translators would still answer
    // what the new one lacks).
    static QPointer<QTranslator> qtTranslator;
    static QPointer<QTranslator> ownTranslator;
    for (QPointer<QTranslator> *old : {&qtTranslator, &ownTranslator}) {
        if (*old) {
            QCoreApplication::removeTranslator(*old);
            delete old->data();
        }
    }

    // Qt's own catalogue (qt6-translations-l10n): the file dialog, the context menus, the buttons.
    qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator.data();

    ownTranslator = new QTranslator(&app);
    const bool own =
        ownTranslator->load(locale, QStringLiteral("onewindow"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    if (own)
        QCoreApplication::installTranslator(ownTranslator);
    else
        delete ownTranslator.data();

    // Documents speak the window's document language whatever the UI speaks: the translator
    // that makes DocumentLanguage scopes work is asked first, so it goes in last.
    static QPointer<DocumentTranslator> documents;
    if (documents)
        QCoreApplication::removeTranslator(documents);
    else
        documents = new DocumentTranslator(&app);
    QCoreApplication::installTranslator(documents);
    return own || locale.language() == QLocale::English; // English is the source language
}

} // namespace ow::i18n
