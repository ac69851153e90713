#pragma once

#include "onewindow/account/ClerkCredentials.h"
#include "onewindow/sync/SyncConfig.h"

#include <QObject>
#include <QString>

#include <memory>

namespace ow::sync {
class SyncService;
}

namespace ow::account {

class SignIn;

// The sync engine of a window with a back office, syncing as the clerk who signed in there: the
// credentials of the last successful sign-in (SignIn::accepted: the sign-in dialog, the lock
// screen; in memory only, nothing is written). After an online sign-in the engine reuses that
// session's token until the back office refuses it, then signs in with the credentials; after an
// offline one it signs in by itself once the back office answers again. When another clerk signs
// in (or unlocks the lock screen) the engine syncs as them from then on.
class SyncLink : public QObject
{
    Q_OBJECT

public:
    // `config`: the back office's address and the engine's knobs; user, password and token come
    // from the sign-ins. The engine works on a thread of its own, on its own connection to the
    // store in `dataDir` (sync::SyncService).
    SyncLink(const QString &dataDir, sync::SyncConfig config, QObject *parent = nullptr);
    ~SyncLink() override;

    // Every successful sign-in through `signIn` from now on hands its credentials over.
    void follow(SignIn *signIn);
    void setCredentials(const ClerkCredentials &credentials);
    // Starts the engine now, or at the first credentials.
    void start();

    sync::SyncService *engine() const { return m_engine.get(); }
    // The clerk the engine syncs as ("" before the first sign-in).
    QString user() const;

private:
    std::unique_ptr<sync::SyncService> m_engine;
    bool m_startWanted = false;
    bool m_hasCredentials = false;
};

} // namespace ow::account
