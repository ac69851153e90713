#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace ow::i18n {

// The UI language: an explicit --lang wins; otherwise the system locale, except that a
// machine with no language set (the "C" locale) gets `unset`: zh_CN, the clerks' language, for
// the client; English for onewindow-tool (LANG=C.UTF-8 in a script or a container).
QString chooseLanguage(const QString &requested, const QLocale &system, const QString &unset = QStringLiteral("zh_CN"));

// Installs OneWindow's and Qt's own translators for `language` (e.g. "zh_CN", "en").
// Returns false if OneWindow has no translation for it (the UI then stays in English).
bool installTranslations(QCoreApplication &app, const QString &language);

} // namespace ow::i18n
