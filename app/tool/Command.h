#pragma once

#include <QHash>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>

// One subcommand of onewindow-tool: "idnumber check", "catalog validate", …
// A command gets the arguments after its words and returns the process exit code
// (0 ok, 1 the input was rejected, 2 a usage error).
struct Command
{
    QString words;
    QString usage;
    QString summary;
    std::function<int(const QStringList &args, QTextStream &out, QTextStream &err)> run;
};

using CommandList = QList<Command>;

// Options of the form --name VALUE (`known`) and flags without a value (`flags`, stored as "1").
// Returns false, with the reason on `err`, on an unknown option or a missing value.
bool parseOptions(const QStringList &args, const QStringList &known, QHash<QString, QString> &values, QTextStream &err,
    const QStringList &flags = {});
// The tool's own words, translated like the rest (the tool follows the locale: English under
// C/POSIX, Chinese under zh_CN, or --lang), so that its output is never half one language.
struct Tool
{
    Q_DECLARE_TR_FUNCTIONS(Tool)
};
