#include "WindowCommands.h"

#include "onewindow/i18n/DocumentLanguage.h"
#include "onewindow/store/Store.h"
#include "onewindow/store/WindowSettings.h"

#include <QJsonDocument>
#include <QJsonObject>

using ow::store::WindowIdentity;
using ow::store::WindowSettings;

namespace {

QString dataDirOf(const QHash<QString, QString> &opts)
{
    return opts.value(QStringLiteral("--data-dir"), ow::store::Store::defaultDataDir());
}

int windowSet(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QHash<QString, QString> o;
    const bool parsed = parseOptions(args,
        {QStringLiteral("--region"), QStringLiteral("--code"), QStringLiteral("--name"),
            QStringLiteral("--document-language"), QStringLiteral("--data-dir")},
        o, err, {QStringLiteral("--replace")});
    const bool identity = o.contains(QStringLiteral("--region")) && o.contains(QStringLiteral("--code"))
        && o.contains(QStringLiteral("--name"));
    const bool language = o.contains(QStringLiteral("--document-language"));
    const bool someIdentity = o.contains(QStringLiteral("--region")) || o.contains(QStringLiteral("--code"))
        || o.contains(QStringLiteral("--name"));
    if (!parsed || (!identity && !language) || (someIdentity && !identity)) {
        err << "usage: onewindow-tool window set --region NNNNNN --code CODE --name NAME [--replace] "
               "[--document-language zh_CN|en] [--data-dir DIR]\n"
               "       onewindow-tool window set --document-language zh_CN|en [--data-dir DIR]\n";
        return 2;
    }
    const QString dataDir = dataDirOf(o);
    if (identity) {
        const WindowIdentity id {
            o.value(QStringLiteral("--region")), o.value(QStringLiteral("--code")), o.value(QStringLiteral("--name"))};
        const QString saveErr = WindowSettings::save(dataDir, id, o.contains(QStringLiteral("--replace")));
        if (!saveErr.isEmpty()) {
            err << saveErr << '\n';
            return 1;
        }
        const WindowIdentity stored = WindowSettings::normalised(id);
        out << "window " << stored.region << '-' << stored.code << " (" << stored.name << ") stored in "
            << WindowSettings::path(dataDir) << '\n';
    }
    if (language) {
        const QString langErr =
            WindowSettings::setDocumentLanguage(dataDir, o.value(QStringLiteral("--document-language")));
        if (!langErr.isEmpty()) {
            err << langErr << '\n';
            return 1;
        }
        out << "documents are written in "
            << ow::i18n::DocumentLanguage::normalised(o.value(QStringLiteral("--document-language"))) << '\n';
    }
    return 0;
}

int windowShow(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QHash<QString, QString> o;
    if (!parseOptions(args, {QStringLiteral("--data-dir")}, o, err, {QStringLiteral("--json")})) {
        err << "usage: onewindow-tool window show [--json] [--data-dir DIR]\n";
        return 2;
    }
    const QString dataDir = dataDirOf(o);
    const auto id = WindowSettings::load(dataDir);
    if (!id) {
        err << id.error() << '\n';
        return 1;
    }
    if (!id.value()) {
        err << "no window identity in " << dataDir
            << "; set it with: onewindow-tool window set --region NNNNNN --code CODE --name NAME\n";
        return 1;
    }
    const WindowIdentity &w = *id.value();
    const auto language = WindowSettings::documentLanguage(dataDir);
    if (!language) {
        err << language.error() << '\n';
        return 1;
    }
    if (o.contains(QStringLiteral("--json"))) {
        out << QJsonDocument(QJsonObject {{QStringLiteral("region"), w.region}, {QStringLiteral("code"), w.code},
                                 {QStringLiteral("name"), w.name}, {QStringLiteral("keyId"), w.region + u'-' + w.code},
                                 {QStringLiteral("documentLanguage"), language.value()}})
                   .toJson(QJsonDocument::Compact)
            << '\n';
        return 0;
    }
    out << "region:  " << w.region << '\n'
        << "code:    " << w.code << '\n'
        << "name:    " << w.name << '\n'
        << "key id:  " << w.region << '-' << w.code << '\n'
        << "documents: " << language.value() << '\n';
    return 0;
}

} // namespace

CommandList windowCommands()
{
    return {
        {QStringLiteral("window set"),
            QStringLiteral(
                "--region NNNNNN --code CODE --name NAME [--replace] [--document-language zh_CN|en] [--data-dir DIR]"),
            QStringLiteral("Set this window's identity once (case numbers and the receipt key id use it), and the "
                           "language its receipts and notices are written in (zh_CN unless set)."),
            windowSet},
        {QStringLiteral("window show"), QStringLiteral("[--json] [--data-dir DIR]"),
            QStringLiteral("Show this window's identity."), windowShow},
    };
}
