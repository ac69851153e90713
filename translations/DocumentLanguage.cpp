#include "onewindow/i18n/DocumentLanguage.h"

#include <QLocale>

namespace ow::i18n {

namespace {

thread_local QString t_language;

} // namespace

DocumentLanguage::DocumentLanguage(const QString &language)
    : m_previous(t_language)
{
    if (!language.isEmpty())
        t_language = QLocale(language).name();
}

DocumentLanguage::~DocumentLanguage()
{
    t_language = m_previous;
}

QString DocumentLanguage::normalised(const QString &language)
{
    const QLocale locale(language.trimmed());
    // The source texts are English; zh_CN is the clerks' (and applicants') language.
    if (locale.language() == QLocale::Chinese && locale.territory() == QLocale::China)
        return locale.name();
    if (locale.language() == QLocale::English)
        return locale.name();
    return {};
}

QString DocumentLanguage::current()
{
    return t_language;
}

QLocale DocumentLanguage::locale()
{
    return t_language.isEmpty() ? QLocale() : QLocale(t_language);
}

} // namespace ow::i18n
