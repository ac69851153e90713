#include "onewindow/i18n/Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace ow::i18n {

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
    QLocale::setDefault(locale);

    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;

    auto *ownTranslator = new QTranslator(&app);
    if (ownTranslator->load(locale, QStringLiteral("onewindow"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(ownTranslator);
        return true;
    }
    delete ownTranslator;
    return locale.language() == QLocale::English; // English is the source language
}

} // namespace ow::i18n
