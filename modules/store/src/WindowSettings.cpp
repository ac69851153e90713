#include "onewindow/store/WindowSettings.h"

#include "onewindow/i18n/DocumentLanguage.h"
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

// window.json as it is ({} when there is none); what else it holds survives a rewrite.
Result<QJsonObject> readObject(const QString &path)
{
    using R = Result<QJsonObject>;
    QFile f(path);
    if (!f.exists())
        return R(QJsonObject());
    if (!f.open(QIODevice::ReadOnly))
        return R::failure(
            WindowSettings::tr("Cannot read the window identity %1: %2").arg(f.fileName(), f.errorString()));
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return R::failure(
            WindowSettings::tr("The window identity %1 is damaged; set it again with onewindow-tool window set.")
                .arg(f.fileName()));
    return R(doc.object());
}

QString writeObject(const QString &dataDir, const QJsonObject &o)
{
    const QString dirErr = FileModes::makePrivateDir(dataDir);
    if (!dirErr.isEmpty())
        return dirErr;
    QSaveFile out(WindowSettings::path(dataDir));
    if (!out.open(QIODevice::WriteOnly))
        return WindowSettings::tr("Cannot write the window identity %1: %2").arg(out.fileName(), out.errorString());
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    out.write(QJsonDocument(o).toJson());
    if (!out.commit())
        return WindowSettings::tr("Cannot write the window identity %1: %2").arg(out.fileName(), out.errorString());
    return {};
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
    if (!QFile::exists(path(dataDir)))
        return R(std::nullopt);
    const auto read = readObject(path(dataDir));
    if (!read)
        return R::failure(read.error());
    const QJsonObject &o = read.value();
    const WindowIdentity id {o.value(QLatin1String("region")).toString(), o.value(QLatin1String("code")).toString(),
        o.value(QLatin1String("name")).toString()};
    const QString err = validate(id);
    if (!err.isEmpty())
        return R::failure(tr("The window identity %1 is not valid: %2").arg(path(dataDir), err));
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
    const auto read = readObject(path(dataDir)); // the document language stays as it was set
    if (!read)
        return read.error();
    QJsonObject o = read.value();
    o.insert(QStringLiteral("region"), id.region);
    o.insert(QStringLiteral("code"), id.code);
    o.insert(QStringLiteral("name"), id.name);
    return writeObject(dataDir, o);
}

Result<QString> WindowSettings::documentLanguage(const QString &dataDir)
{
    using R = Result<QString>;
    const auto o = readObject(path(dataDir));
    if (!o)
        return R::failure(o.error());
    const QString stored = o->value(QLatin1String("documentLanguage")).toString();
    if (stored.isEmpty())
        return R(i18n::DocumentLanguage::defaultLanguage());
    const QString language = i18n::DocumentLanguage::normalised(stored);
    if (language.isEmpty())
        return R::failure(tr("The document language \"%1\" in %2 is not one OneWindow writes documents in (zh_CN, en).")
                              .arg(stored, path(dataDir)));
    return R(language);
}

QString WindowSettings::setDocumentLanguage(const QString &dataDir, const QString &language)
{
    const QString normal = i18n::DocumentLanguage::normalised(language);
    if (normal.isEmpty())
        return tr("OneWindow writes documents in zh_CN or en, not \"%1\".").arg(language);
    const auto identity = load(dataDir);
    if (!identity)
        return identity.error();
    if (!identity.value())
        return tr("Set the window identity first (onewindow-tool window set --region … --code … --name …).");
    const auto read = readObject(path(dataDir));
    if (!read)
        return read.error();
    QJsonObject o = read.value();
    o.insert(QStringLiteral("documentLanguage"), normal);
    return writeObject(dataDir, o);
}

} // namespace ow::store
