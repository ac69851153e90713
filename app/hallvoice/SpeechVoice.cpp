#include "SpeechVoice.h"

#include <QLocale>
#include <QTextToSpeech>
#include <QVoice>

SpeechVoice::SpeechVoice(const QString &locale)
{
    const QStringList engines = QTextToSpeech::availableEngines();
    if (engines.isEmpty()) {
        m_description = QStringLiteral("no text-to-speech engine is installed (qt6-speech-speechd-plugin)");
        return;
    }
    const QString engine =
        engines.contains(QLatin1String("speechd")) ? QStringLiteral("speechd") : engines.constFirst();
    m_speech = std::make_unique<QTextToSpeech>(engine);
    if (m_speech->state() == QTextToSpeech::Error) {
        m_description = QStringLiteral("%1: %2").arg(engine, m_speech->errorString());
        return;
    }
    // A voice of the wanted language (Mandarin: zh / cmn), never another language's voice reading
    // Chinese characters.
    const QLocale wanted(locale);
    for (const QLocale &l : m_speech->availableLocales()) {
        if (l.language() == wanted.language()) {
            m_speech->setLocale(l);
            m_hasVoice = true;
            break;
        }
    }
    if (m_hasVoice) {
        m_speech->setRate(-0.1);
        m_description = QStringLiteral("%1: %2").arg(engine, m_speech->voice().name());
    } else {
        m_description = QStringLiteral("%1: no %2 voice (espeak-ng)").arg(engine, wanted.name());
    }
}

SpeechVoice::~SpeechVoice() = default;

void SpeechVoice::say(const QString &text)
{
    if (m_hasVoice)
        m_speech->say(text);
    else
        chime();
}

void SpeechVoice::chime()
{
    const QString problem = m_chime.play();
    if (!problem.isEmpty())
        qWarning("hall voice: %s", qPrintable(problem));
}
