#include "BackOfficeLink.h"

#include "onewindow/account/AccountSettings.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

QString BackOfficeLink::path(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("backoffice.json"));
}

ow::Result<std::optional<QUrl>> BackOfficeLink::load(const QString &dataDir)
{
    using R = ow::Result<std::optional<QUrl>>;
    QFile file(path(dataDir));
    if (!file.exists())
        return R(std::optional<QUrl>());
    if (!file.open(QIODevice::ReadOnly))
        return R::failure(tr("%1 cannot be read: %2").arg(file.fileName(), file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject())
        return R::failure(tr("%1 is not a JSON object: %2").arg(file.fileName(), parseError.errorString()));
    const QJsonObject o = doc.object();
    if (o.contains(QLatin1String("password")) || o.contains(QLatin1String("user")))
        return R::failure(tr("%1 holds a user and password: remove them (and change that password). The window "
                             "syncs as the clerk who signs in; the file names only the back office's \"url\".")
                              .arg(file.fileName()));
    const QUrl url(o.value(QLatin1String("url")).toString());
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return R::failure(tr("%1: \"url\" must be the back office's http(s) address, e.g. https://10.0.0.5:8787.")
                              .arg(file.fileName()));
    if (auto safe = ow::account::AccountSettings::checkTransport(url); !safe)
        return R::failure(tr("%1: %2").arg(file.fileName(), safe.error()));
    return R(std::optional<QUrl>(url));
}
