#pragma once

#include <QLocale>
#include <QString>

namespace ow::i18n {

// The language of the documents a window hands out (receipts, notices): the window's setting
// (zh_CN unless the admin sets another), never the process locale or the clerk's UI language, so
// that a receipt built under LANG=C and under zh_CN is the same paper with the same signed digest.
//
// While an object lives, every tr() on this thread answers in `language`, whatever translators the
// process has installed for its UI (installTranslations() installs the one that makes this so).
// Scopes nest; an empty language changes nothing (documents stored before they named their
// language print in the language in force).
class DocumentLanguage
{
public:
    explicit DocumentLanguage(const QString &language);
    ~DocumentLanguage();
    DocumentLanguage(const DocumentLanguage &) = delete;
    DocumentLanguage &operator=(const DocumentLanguage &) = delete;

    // A window's document language when none is set.
    static QString defaultLanguage() { return QStringLiteral("zh_CN"); }
    // "zh_CN", "en_US" … for a language OneWindow has texts for, or "" for one it has not.
    [[nodiscard]] static QString normalised(const QString &language);
    // The language in force on this thread ("" outside a scope).
    [[nodiscard]] static QString current();
    // Dates and numbers of the language in force: its locale, or the default locale outside a scope.
    [[nodiscard]] static QLocale locale();

private:
    QString m_previous;
};

} // namespace ow::i18n
