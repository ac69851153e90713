#include "onewindow/sync/CatalogueShelf.h"

#include "onewindow/catalog/Catalog.h"

#include "onewindow/core/Sha256.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace ow::sync {

namespace {

const QString kCurrent = QStringLiteral("current");

// "2026.12 第二版" → "2026.12__": a file name on every file system.
QString safeName(const QString &version)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]"));
    QString name = version.left(80);
    name.replace(unsafe, QStringLiteral("_"));
    if (name.isEmpty() || name.startsWith(QLatin1Char('.')))
        name.prepend(QStringLiteral("catalogue"));
    return name;
}

QString writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return f.errorString();
    return QString();
}

} // namespace

CatalogueShelf::CatalogueShelf(const QString &dataDir)
    : m_dir(QDir(dataDir).filePath(QStringLiteral("catalogues")))
{ }

QString CatalogueShelf::forNewCases(const QString &fallback) const
{
    QFile current(QDir(m_dir).filePath(kCurrent));
    if (!current.open(QIODevice::ReadOnly))
        return fallback;
    const QStringList line = QString::fromUtf8(current.readAll()).trimmed().split(QLatin1Char(' '));
    const QString path = QDir(m_dir).filePath(line.value(0));
    return !line.value(0).isEmpty() && QFileInfo(path).isFile() ? path : fallback;
}

QString CatalogueShelf::currentVersion() const
{
    QFile current(QDir(m_dir).filePath(kCurrent));
    if (!current.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(current.readAll()).trimmed().section(QLatin1Char(' '), 2);
}

QString CatalogueShelf::currentSha256() const
{
    QFile current(QDir(m_dir).filePath(kCurrent));
    if (!current.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(current.readAll()).trimmed().section(QLatin1Char(' '), 1, 1);
}

Result<QString> CatalogueShelf::add(const QByteArray &content, const QString &sha256) const
{
    using R = Result<QString>;
    const QString actual = Sha256::hex(content);
    if (actual != sha256)
        return R::failure(
            tr("The catalogue from the back office has SHA-256 %1, not the announced %2.").arg(actual, sha256));
    const auto catalog = Catalog::fromJson(content, tr("catalogue %1 from the back office").arg(sha256.left(12)));
    if (!catalog)
        return R::failure(catalog.error());
    if (!QDir().mkpath(m_dir))
        return R::failure(tr("Cannot create the folder %1.").arg(m_dir));
    // <version>.json; another catalogue with the same version (a correction) gets its sha256 too.
    QString name = safeName(catalog->version()) + QStringLiteral(".json");
    QString path = QDir(m_dir).filePath(name);
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly)) {
        const bool same = existing.readAll() == content;
        existing.close();
        if (!same) {
            name = safeName(catalog->version()) + QLatin1Char('-') + sha256.left(12) + QStringLiteral(".json");
            path = QDir(m_dir).filePath(name);
        }
    }
    if (!QFileInfo::exists(path) || QFileInfo(path).size() != content.size()) {
        const QString err = writeFile(path, content);
        if (!err.isEmpty())
            return R::failure(tr("Cannot keep the catalogue as %1: %2").arg(path, err));
    }
    // "file sha256 version": the last line of a refresh, written whole or not at all.
    const QString err = writeFile(QDir(m_dir).filePath(kCurrent),
        (name + QLatin1Char(' ') + sha256 + QLatin1Char(' ') + catalog->version() + QLatin1Char('\n')).toUtf8());
    if (!err.isEmpty())
        return R::failure(tr("Cannot record the catalogue for new cases: %1").arg(err));
    return path;
}

} // namespace ow::sync
