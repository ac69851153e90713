#pragma once

#include "onewindow/ui/HallVoice.h"

#include <QLibrary>
#include <QString>

#include <memory>

// Loads the hall display's voice (onewindow-hall-voice.so: Qt TextToSpeech) for
// `onewindow --hall-display` only, from next to the program or the installed plugin folder, so
// the clerk's window never loads the speech libraries. Without it the display shows the calls
// silently and says why.
class HallVoicePlugin
{
public:
    // A voice for `locale`, or nullptr with error().
    std::unique_ptr<ow::ui::HallVoice> create(const QString &locale);
    QString error() const { return m_error; }

private:
    QLibrary m_library;
    QString m_error;
};
