#include "onewindow/account/SyncLink.h"

#include "onewindow/account/SignIn.h"
#include "onewindow/sync/SyncService.h"

namespace ow::account {

namespace {

sync::SyncConfig withoutCredentials(sync::SyncConfig config)
{
    config.user.clear();
    config.password.clear();
    config.token.clear();
    return config;
}

} // namespace

SyncLink::SyncLink(const QString &dataDir, sync::SyncConfig config, QObject *parent)
    : QObject(parent)
    , m_engine(std::make_unique<sync::SyncService>(dataDir, withoutCredentials(std::move(config))))
{ }

SyncLink::~SyncLink() = default;

void SyncLink::follow(SignIn *signIn)
{
    connect(signIn, &SignIn::accepted, this, &SyncLink::setCredentials);
}

void SyncLink::setCredentials(const ClerkCredentials &credentials)
{
    if (!credentials.isValid())
        return;
    m_hasCredentials = true;
    m_engine->setCredentials(credentials.user, credentials.password, credentials.token.toUtf8());
    if (m_startWanted)
        m_engine->start();
}

void SyncLink::start()
{
    m_startWanted = true;
    if (m_hasCredentials)
        m_engine->start();
}

QString SyncLink::user() const
{
    return m_engine->user();
}

} // namespace ow::account
