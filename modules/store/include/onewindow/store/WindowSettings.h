#pragma once

#include "onewindow/core/Result.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace ow::store {

// Who this window is: part of every case number and of the signing key's id, so it is set once
// (the client's first-start dialog or `onewindow-tool window set`) and never invented.
struct WindowIdentity
{
    QString region; // 6-digit administrative division, e.g. 330106
    QString code; // the window's code within the region, e.g. W03
    QString name; // 综合窗口 3

    bool operator==(const WindowIdentity &o) const { return region == o.region && code == o.code && name == o.name; }
};

// The stored identity: <dataDir>/window.json (0600), beside the store it numbers cases for.
class WindowSettings
{
    Q_DECLARE_TR_FUNCTIONS(WindowSettings)

public:
    // Trimmed, the code upper-cased.
    static WindowIdentity normalised(const WindowIdentity &identity);
    // "" or what is wrong: the region is 6 digits (first 1–8), the code 1–8 letters and digits
    // starting with a letter and not with DEMO (demo and sample keys use that prefix), a name.
    static QString validate(const WindowIdentity &identity);

    static QString path(const QString &dataDir);
    // nullopt when none is set yet; a failure when the file is there but unreadable or invalid.
    static Result<std::optional<WindowIdentity>> load(const QString &dataDir);
    // Stores a valid identity. Refuses to change one already set unless `replace` (the case
    // numbers and the key id change with it). Returns "" or the message.
    static QString save(const QString &dataDir, const WindowIdentity &identity, bool replace = false);

    // The language of the documents this window hands out (window.json "documentLanguage"):
    // zh_CN unless the admin set another (`onewindow-tool window set --document-language`); never
    // the process locale. A failure when the file cannot be read.
    static Result<QString> documentLanguage(const QString &dataDir);
    // Sets it for a window whose identity is set; "zh_CN" or "en". Returns "" or the message.
    static QString setDocumentLanguage(const QString &dataDir, const QString &language);
};

} // namespace ow::store
