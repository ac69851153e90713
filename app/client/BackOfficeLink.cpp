#include "BackOfficeLink.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

QString BackOfficeLink::path(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("backoffice.json"));
}

ow::Result<std::optional<ow::sync::SyncConfig>> BackOfficeLink::load(const QString &dataDir)
{
    using R = ow::Result<std::optional<ow::sync::SyncConfig>>;
    QFile file(path(dataDir));
    if (!file.exists())
        return R(std::optional<ow::sync::SyncConfig>());
    if (!file.open(QIODevice::ReadOnly))
        return R::failure(tr("%1 cannot be read: %2").arg(file.fileName(), file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject())
        return R::failure(tr("%1 is not a JSON object: %2").arg(file.fileName(), parseError.errorString()));
    const QJsonObject o = doc.object();
    ow::sync::SyncConfig config;
    config.baseUrl = QUrl(o.value(QLatin1String("url")).toString());
    config.user = o.value(QLatin1String("user")).toString();
    config.password = o.value(QLatin1String("password")).toString();
    if (!config.baseUrl.isValid()
        || (config.baseUrl.scheme() != QLatin1String("http") && config.baseUrl.scheme() != QLatin1String("https")))
        return R::failure(tr("%1: \"url\" must be the back office's http(s) address, e.g. http://10.0.0.5:8787.")
                              .arg(file.fileName()));
    if (config.user.isEmpty() || config.password.isEmpty())
        return R::failure(tr("%1: \"user\" and \"password\" (a clerk or station user of this window) are required.")
                              .arg(file.fileName()));
    return R(std::optional<ow::sync::SyncConfig>(config));
}
