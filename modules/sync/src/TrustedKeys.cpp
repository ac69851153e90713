#include "onewindow/sync/TrustedKeys.h"

#include "onewindow/store/FileModes.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace ow::sync {

QString TrustedKeys::path(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("keys/trusted.json"));
}

QString TrustedKeys::check(const QByteArray &ring)
{
    QJsonParseError err {};
    const QJsonDocument doc = QJsonDocument::fromJson(ring, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()
        || !doc.object().value(QLatin1String("keys")).isObject())
        return tr("The back office's key ring is not a key list.");
    const QJsonObject keys = doc.object().value(QLatin1String("keys")).toObject();
    for (auto it = keys.begin(); it != keys.end(); ++it) {
        const auto decoded =
            QByteArray::fromBase64Encoding(it.value().toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.size() != 32)
            return tr("The back office's key ring has a damaged key for %1.").arg(it.key());
    }
    return QString();
}

QString TrustedKeys::write(const QString &dataDir, const QByteArray &ring)
{
    const QString invalid = check(ring);
    if (!invalid.isEmpty())
        return invalid;
    const QString file = path(dataDir);
    QFile current(file);
    if (current.open(QIODevice::ReadOnly) && current.readAll() == ring)
        return QString();
    current.close();
    const QString dir = QFileInfo(file).absolutePath();
    const QString made = store::FileModes::makePrivateDir(dir);
    if (!made.isEmpty())
        return made;
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(ring) != ring.size() || !out.commit())
        return tr("Cannot write %1: %2").arg(file, out.errorString());
    return store::FileModes::makePrivateFile(file);
}

} // namespace ow::sync
