#include "DocumentTranslator.h"

#include "onewindow/i18n/DocumentLanguage.h"

#include <QLibraryInfo>
#include <QMutexLocker>

namespace ow::i18n {

struct DocumentTranslator::Catalogues
{
    QTranslator own;
    QTranslator qt;
};

DocumentTranslator::~DocumentTranslator() = default;

const DocumentTranslator::Catalogues &DocumentTranslator::cataloguesOf(const QString &language) const
{
    const QMutexLocker lock(&m_mutex);
    std::shared_ptr<Catalogues> &c = m_catalogues[language];
    if (!c) {
        c = std::make_shared<Catalogues>();
        const QLocale locale(language);
        // A language without a catalogue (English, the source language) keeps the source texts.
        (void)c->own.load(locale, QStringLiteral("onewindow"), QStringLiteral("_"), QStringLiteral(":/i18n"));
        (void)c->qt.load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    }
    return *c; // never removed: the reference stays valid
}

QString DocumentTranslator::translate(
    const char *context, const char *sourceText, const char *disambiguation, int n) const
{
    const QString language = DocumentLanguage::current();
    if (language.isEmpty() || !sourceText)
        return {};
    const Catalogues &c = cataloguesOf(language);
    QString text = c.own.translate(context, sourceText, disambiguation, n);
    if (text.isEmpty())
        text = c.qt.translate(context, sourceText, disambiguation, n);
    if (text.isEmpty())
        text = QString::fromUtf8(sourceText);
    return text;
}

} // namespace ow::i18n
