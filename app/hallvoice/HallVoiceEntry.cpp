#include "SpeechVoice.h"

namespace {

ow::ui::HallVoice *create(const QString &locale)
{
    return new SpeechVoice(locale);
}

const ow::ui::HallVoiceApi api {ow::ui::HallVoiceApi::CurrentVersion, &create};

} // namespace

extern "C" __attribute__((visibility("default"))) const ow::ui::HallVoiceApi *onewindow_hall_voice()
{
    return &api;
}
