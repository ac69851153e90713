#include "onewindow/account/AccountSettings.h"

#include "onewindow/store/FileModes.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace ow::account {

QString AccountSettings::path(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("account.json"));
}

Result<AccountConfig> AccountSettings::load(const QString &dataDir)
{
    using R = Result<AccountConfig>;
    AccountConfig config;
    QFile f(path(dataDir));
    if (!f.exists())
        return R(config);
    if (!f.open(QIODevice::ReadOnly))
        return R::failure(tr("Cannot read %1: %2").arg(f.fileName(), f.errorString()));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
    if (!doc.isObject())
        return R::failure(tr("%1 is not valid JSON: %2").arg(f.fileName(), parseError.errorString()));
    const QJsonObject o = doc.object();
    const QString url = o.value(QLatin1String("backOffice")).toString();
    if (!url.isEmpty()) {
        auto parsed = parseAddress(url);
        if (!parsed)
            return R::failure(tr("%1: %2").arg(f.fileName(), parsed.error()));
        config.backOffice = parsed.value();
    }
    const int minutes = o.value(QLatin1String("idleLockMinutes")).toInt(config.idleLockMinutes);
    if (minutes < 1 || minutes > 240)
        return R::failure(tr("%1: idleLockMinutes is 1 to 240, not %2.").arg(f.fileName()).arg(minutes));
    config.idleLockMinutes = minutes;
    (void)store::FileModes::makePrivateFile(f.fileName());
    return R(config);
}

QString AccountSettings::save(const QString &dataDir, const AccountConfig &config)
{
    const QString dirError = store::FileModes::makePrivateDir(dataDir);
    if (!dirError.isEmpty())
        return dirError;
    const QJsonObject o {{QStringLiteral("backOffice"), config.backOffice.toString()},
        {QStringLiteral("idleLockMinutes"), config.idleLockMinutes}};
    QSaveFile f(path(dataDir));
    if (!f.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2").arg(f.fileName(), f.errorString());
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(QJsonDocument(o).toJson());
    if (!f.commit())
        return tr("Cannot write %1: %2").arg(f.fileName(), f.errorString());
    return store::FileModes::makePrivateFile(path(dataDir));
}

bool AccountSettings::isLoopbackHost(const QString &host)
{
    QString h = host.toLower();
    if (h.endsWith(QLatin1Char('.')))
        h.chop(1);
    if (h == QLatin1String("localhost") || h.endsWith(QLatin1String(".localhost")))
        return true;
    const QHostAddress address(h);
    return !address.isNull() && address.isLoopback();
}

Result<QUrl> AccountSettings::checkTransport(const QUrl &url)
{
    if (url.scheme() == QLatin1String("https"))
        return Result<QUrl>(url);
    if (url.scheme() == QLatin1String("http") && isLoopbackHost(url.host()))
        return Result<QUrl>(url);
    if (url.scheme() == QLatin1String("http"))
        return Result<QUrl>::failure(
            tr("The back office %1 would be reached over plain http://, which anyone on the network can read and "
               "alter (passwords, applicants' data). Use its https:// address; http:// is only for a back office "
               "on this computer (localhost, 127.0.0.1, ::1).")
                .arg(url.host()));
    return Result<QUrl>::failure(
        tr("\"%1\" is not a back office address (https://host[:port]).").arg(url.toDisplayString()));
}

Result<QUrl> AccountSettings::parseAddress(const QString &text)
{
    using R = Result<QUrl>;
    QString t = text.trimmed();
    if (t.isEmpty())
        return R::failure(tr("Enter the back office's address (e.g. https://backoffice.example.gov.cn)."));
    if (!t.contains(QLatin1String("://")))
        t.prepend(QStringLiteral("https://"));
    const QUrl url(t, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return R::failure(tr("\"%1\" is not a back office address (https://host[:port]).").arg(text.trimmed()));
    if (url.hasQuery() || url.hasFragment())
        return R::failure(tr("The back office address has no query or fragment: \"%1\".").arg(text.trimmed()));
    if (auto safe = checkTransport(url); !safe)
        return safe;
    QUrl base = url;
    QString p = base.path();
    while (p.endsWith(QLatin1Char('/')))
        p.chop(1);
    base.setPath(p);
    return R(base);
}

} // namespace ow::account
