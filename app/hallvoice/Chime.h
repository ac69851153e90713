#pragma once

#include <QByteArray>
#include <QString>

// The two-tone chime (ding-dong) a hall plays before or instead of a voice: a 16-bit mono WAV,
// generated (no sound file shipped), played by the sound system's own player (paplay or aplay).
class Chime
{
public:
    // The WAV bytes: 660 Hz then 550 Hz, 0.35 s each, fading out.
    static QByteArray wav();
    // Plays it without waiting; "" or why it cannot (no player, no file).
    QString play();

private:
    QString m_file;
};
