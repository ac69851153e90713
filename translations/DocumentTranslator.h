#pragma once

#include <QHash>
#include <QMutex>
#include <QTranslator>

#include <memory>

namespace ow::i18n {

// Installed last (asked first) by installTranslations(): inside a DocumentLanguage scope it answers
// every tr() in the document language, from OneWindow's and Qt's catalogues of that language (the
// English source text when they have none); outside a scope it answers nothing, and the UI's
// translators speak.
class DocumentTranslator final : public QTranslator
{
public:
    using QTranslator::QTranslator;
    ~DocumentTranslator() override;

    QString translate(
        const char *context, const char *sourceText, const char *disambiguation = nullptr, int n = -1) const override;
    bool isEmpty() const override { return false; }

private:
    struct Catalogues;
    const Catalogues &cataloguesOf(const QString &language) const;

    mutable QMutex m_mutex;
    mutable QHash<QString, std::shared_ptr<Catalogues>> m_catalogues;
};

} // namespace ow::i18n
