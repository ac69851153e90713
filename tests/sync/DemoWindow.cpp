#include "DemoWindow.h"

#include "onewindow/core/DemoAccounts.h"
#include "onewindow/receipt/KeyRing.h"

#include <QDir>
#include <QUrl>

namespace synctest {

using ow::core::DemoAccounts;

QString DemoWindow::seed(const QString &dir)
{
    serverDir = QDir(dir).filePath(QStringLiteral("backoffice"));
    clientDir = QDir(dir).filePath(QStringLiteral("window"));
    keysDir = QDir(clientDir).filePath(QStringLiteral("keys"));
    const CommandRun seeded = runCommand(backOfficeBinary(),
        {QStringLiteral("admin"), QStringLiteral("seed-demo"), QStringLiteral("--data-dir"), serverDir,
            QStringLiteral("--window-key-dir"), keysDir});
    return seeded.exitCode == 0 ? QString() : QStringLiteral("seed-demo: ") + seeded.err;
}

QString DemoWindow::start()
{
    if (!server.start(serverDir))
        return QStringLiteral("the back office did not start on ") + serverDir;
    url = QStringLiteral("http://127.0.0.1:%1").arg(server.port());
    auto opened = ow::store::Store::open(clientDir);
    if (!opened)
        return opened.error();
    store.emplace(std::move(opened.value()));
    auto loaded = ow::Catalog::load(ow::Catalog::builtinPath());
    if (!loaded)
        return loaded.error();
    catalog.emplace(std::move(loaded.value()));
    auto days = ow::WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar"));
    if (!days)
        return days.error();
    calendar.emplace(std::move(days.value()));
    const auto made =
        ow::receipt::WindowKey::loadOrCreate(keysDir, ow::receipt::KeyRing::demoKeyId(DemoAccounts::window()));
    if (!made)
        return made.error();
    key.emplace(made.value());
    const QStringList window = DemoAccounts::window().split(QLatin1Char('-'));
    config.regionCode = window.at(0);
    config.windowCode = window.at(1);
    config.windowName = QStringLiteral("综合窗口1");
    config.clerk = DemoAccounts::clerk();
    ow::sync::SyncConfig sync;
    sync.baseUrl = QUrl(url);
    sync.pollWaitSeconds = 2;
    sync.backoffBaseMs = 200;
    sync.backoffMaxMs = 2000;
    link = std::make_unique<ow::account::SyncLink>(clientDir, sync);
    link->setCredentials({DemoAccounts::clerk(), DemoAccounts::password(), QString(), false});
    link->start();
    return QString();
}

void DemoWindow::stop()
{
    link.reset();
    server.kill();
}

} // namespace synctest
