#pragma once

#include <QCoreApplication>
#include <QString>

namespace ow::store {

// Personal data on disk is readable by its owner only: folders 0700, files 0600. Applied when a
// file or folder is made and again on every open, so an older store made 0644/0755 is tightened.
class FileModes
{
    Q_DECLARE_TR_FUNCTIONS(FileModes)

public:
    // Creates `dir` (and its parents) if needed and makes `dir` itself 0700. Returns "" or a message.
    static QString makePrivateDir(const QString &dir);
    // Makes an existing file 0600 (a missing file is not an error). Returns "" or a message.
    static QString makePrivateFile(const QString &path);
};

} // namespace ow::store
