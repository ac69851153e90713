#include "onewindow/store/WindowSettings.h"

#include "onewindow/store/FileModes.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace ow::store {

namespace {

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isAsciiUpper(QChar c)
{
    return c >= u'A' && c <= u'Z';
}

} // namespace

WindowIdentity WindowSettings::normalised(const WindowIdentity &identity)
{
    return {identity.region.trimmed(), identity.code.trimmed().toUpper(), identity.name.trimmed()};
}

QString WindowSettings::validate(const WindowIdentity &identity)
{
    const WindowIdentity id = normalised(identity);
    bool regionOk = id.region.size() == 6 && id.region.at(0) >= u'1' && id.region.at(0) <= u'8';
    for (QChar c : id.region)
        regionOk = regionOk && isAsciiDigit(c);
    if (!regionOk)
        return tr("The region code is the 6-digit administrative division of the centre (e.g. 330106), not \"%1\".")
            .arg(id.region);
    bool codeOk = !id.code.isEmpty() && id.code.size() <= 8 && isAsciiUpper(id.code.at(0));
    for (QChar c : id.code)
        codeOk = codeOk && (isAsciiUpper(c) || isAsciiDigit(c));
    if (!codeOk)
        return tr("The window code is 1 to 8 letters and digits starting with a letter (e.g. W03), not \"%1\".")
            .arg(id.code);
    if (id.code.startsWith(QLatin1String("DEMO")))
        return tr("Window codes starting with DEMO are reserved for demo and sample receipts.");
    if (id.name.isEmpty())
        return tr("The window needs a name (e.g. 综合窗口 3); it is printed on every receipt.");
    if (id.name.size() > 40)
        return tr("The window name is too long (at most 40 characters).");
    return {};
}

QString WindowSettings::path(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("window.json"));
}

Result<std::optional<WindowIdentity>> WindowSettings::load(const QString &dataDir)
{
    using R = Result<std::optional<WindowIdentity>>;
    QFile f(path(dataDir));
    if (!f.exists())
        return R(std::nullopt);
    if (!f.open(QIODevice::ReadOnly))
        return R::failure(tr("Cannot read the window identity %1: %2").arg(f.fileName(), f.errorString()));
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return R::failure(
            tr("The window identity %1 is damaged; set it again with onewindow-tool window set.").arg(f.fileName()));
    const QJsonObject o = doc.object();
    const WindowIdentity id {o.value(QLatin1String("region")).toString(), o.value(QLatin1String("code")).toString(),
        o.value(QLatin1String("name")).toString()};
    const QString err = validate(id);
    if (!err.isEmpty())
        return R::failure(tr("The window identity %1 is not valid: %2").arg(f.fileName(), err));
    return R(normalised(id));
}

QString WindowSettings::save(const QString &dataDir, const WindowIdentity &identity, bool replace)
{
    const QString err = validate(identity);
    if (!err.isEmpty())
        return err;
    const WindowIdentity id = normalised(identity);
    const auto existing = load(dataDir);
    if (existing && existing.value() && !replace && !(*existing.value() == id))
        return tr("This window is already %1-%2 (%3). Its case numbers and receipt key depend on it; change it "
                  "only on purpose (--replace).")
            .arg(existing.value()->region, existing.value()->code, existing.value()->name);
    const QString dirErr = FileModes::makePrivateDir(dataDir);
    if (!dirErr.isEmpty())
        return dirErr;
    QSaveFile out(path(dataDir));
    if (!out.open(QIODevice::WriteOnly))
        return tr("Cannot write the window identity %1: %2").arg(out.fileName(), out.errorString());
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QJsonObject o {
        {QStringLiteral("region"), id.region}, {QStringLiteral("code"), id.code}, {QStringLiteral("name"), id.name}};
    out.write(QJsonDocument(o).toJson());
    if (!out.commit())
        return tr("Cannot write the window identity %1: %2").arg(out.fileName(), out.errorString());
    return {};
}

} // namespace ow::store
