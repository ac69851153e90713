#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/sync/SyncConfig.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

// Whether and how this window reaches its back office: <dataDir>/backoffice.json (0600),
//   {"url": "http://…:8787", "user": "clerk name", "password": "…"}
// beside the store it syncs. No file: no back office (the status bar says so).
class BackOfficeLink
{
    Q_DECLARE_TR_FUNCTIONS(BackOfficeLink)

public:
    static QString path(const QString &dataDir);
    // nullopt without the file; a failure with the reason when it is there but unusable.
    static ow::Result<std::optional<ow::sync::SyncConfig>> load(const QString &dataDir);
};
