#pragma once

#include <QString>

namespace ow::ui {

// The hall display's voice: a Mandarin text-to-speech voice, or a chime when none is installed.
// The speaking implementation is the plugin onewindow-hall-voice.so (app/hallvoice, Qt
// TextToSpeech), loaded by `onewindow --hall-display` only, so that the clerk's window never loads
// the speech libraries; tests stand in with a recording one. A plain interface (no QObject): the
// plugin does not link ow_ui.
class HallVoice
{
public:
    virtual ~HallVoice() = default;
    // A Mandarin voice is there: say() speaks; otherwise the display chimes.
    virtual bool hasVoice() const = 0;
    // What speaks (for the display's status line): "speechd: cmn", or why there is no voice.
    virtual QString description() const = 0;
    virtual void say(const QString &text) = 0;
    virtual void chime() = 0;
};

// The entry point of onewindow-hall-voice.so:
//   extern "C" const HallVoiceApi *onewindow_hall_voice()
struct HallVoiceApi
{
    static constexpr int CurrentVersion = 1;
    static constexpr char EntryPoint[] = "onewindow_hall_voice";

    int version;
    // A new voice (deleted by the caller before the plugin is unloaded); `locale` e.g. "zh_CN".
    HallVoice *(*create)(const QString &locale);
};

using HallVoiceEntry = const HallVoiceApi *(*)();

} // namespace ow::ui
