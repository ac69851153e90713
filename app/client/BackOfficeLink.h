#pragma once

#include "onewindow/core/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <optional>

// The back office of a window set up by hand (not enrolled): <dataDir>/backoffice.json,
//   {"url": "http://…:8787"}
// beside the store it syncs. Only the address: the clerk who signs in at the window is the one it
// syncs as (a file that still holds a "password" is refused, never read). An enrolled window has
// its address in account.json instead. No file: no back office (the status bar says so).
class BackOfficeLink
{
    Q_DECLARE_TR_FUNCTIONS(BackOfficeLink)

public:
    static QString path(const QString &dataDir);
    // nullopt without the file; a failure with the reason when it is there but unusable.
    static ow::Result<std::optional<QUrl>> load(const QString &dataDir);
};
