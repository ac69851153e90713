#include "Chime.h"

#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QtEndian>

#include <cmath>

namespace {

constexpr int Rate = 22050;

void put16(QByteArray &out, quint16 v)
{
    out.append(char(v & 0xFF)).append(char(v >> 8));
}

void put32(QByteArray &out, quint32 v)
{
    put16(out, quint16(v & 0xFFFF));
    put16(out, quint16(v >> 16));
}

} // namespace

QByteArray Chime::wav()
{
    QByteArray samples;
    const double tones[] = {660.0, 550.0};
    const int perTone = int(Rate * 0.35);
    for (const double f : tones) {
        for (int i = 0; i < perTone; ++i) {
            const double t = double(i) / Rate;
            const double envelope = std::exp(-3.0 * t / 0.35);
            const double v = 0.5 * envelope * (std::sin(2 * M_PI * f * t) + 0.3 * std::sin(4 * M_PI * f * t));
            put16(samples, quint16(qint16(qBound(-1.0, v, 1.0) * 30000)));
        }
    }
    QByteArray out("RIFF");
    put32(out, quint32(36 + samples.size()));
    out.append("WAVEfmt ");
    put32(out, 16);
    put16(out, 1); // PCM
    put16(out, 1); // mono
    put32(out, Rate);
    put32(out, Rate * 2);
    put16(out, 2);
    put16(out, 16);
    out.append("data");
    put32(out, quint32(samples.size()));
    return out + samples;
}

QString Chime::play()
{
    if (m_file.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
        QDir().mkpath(dir);
        const QString path = QDir(dir).filePath(QStringLiteral("hall-chime.wav"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(wav()) < 0)
            return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        m_file = path;
    }
    for (const QString &player : {QStringLiteral("paplay"), QStringLiteral("aplay")}) {
        const QString exe = QStandardPaths::findExecutable(player);
        if (exe.isEmpty())
            continue;
        const QStringList args =
            player == QLatin1String("aplay") ? QStringList {QStringLiteral("-q"), m_file} : QStringList {m_file};
        if (QProcess::startDetached(exe, args))
            return {};
    }
    return QStringLiteral("no sound player (paplay or aplay) is installed");
}
