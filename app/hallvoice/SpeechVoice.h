#pragma once

#include "Chime.h"

#include "onewindow/ui/HallVoice.h"

#include <memory>

class QTextToSpeech;

// The hall's voice through Qt TextToSpeech: speech-dispatcher's engine with a Mandarin voice
// (espeak-ng's cmn) when one is there; otherwise the chime.
class SpeechVoice : public ow::ui::HallVoice
{
public:
    explicit SpeechVoice(const QString &locale);
    ~SpeechVoice() override;

    bool hasVoice() const override { return m_hasVoice; }
    QString description() const override { return m_description; }
    void say(const QString &text) override;
    void chime() override;

private:
    std::unique_ptr<QTextToSpeech> m_speech;
    Chime m_chime;
    bool m_hasVoice = false;
    QString m_description;
};
