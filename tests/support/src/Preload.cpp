#include "onewindow/devicesim/Preload.h"

#include <QByteArray>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define OW_DEVICESIM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define OW_DEVICESIM_ASAN 1
#endif
#endif

#ifdef OW_DEVICESIM_ASAN
extern "C" void __asan_init();
#endif

namespace ow::devicesim {

namespace {

constexpr char PreloadLibrary[] = "libumockdev-preload.so.0";
constexpr char ReexecMarker[] = "OW_UMOCKDEV_REEXEC";

// The file the AddressSanitizer runtime was loaded from, so it can come first in LD_PRELOAD.
QByteArray asanRuntime()
{
#ifdef OW_DEVICESIM_ASAN
    Dl_info info {};
    if (dladdr(reinterpret_cast<void *>(&__asan_init), &info) && info.dli_fname)
        return QByteArray(info.dli_fname);
#endif
    return {};
}

} // namespace

bool umockdevPreloadActive()
{
    const QByteArray preload = qgetenv("LD_PRELOAD");
    return preload.contains("libumockdev-preload.so");
}

bool ensureUmockdevPreload(int argc, char **argv, QString *error)
{
    (void)argc;
    if (umockdevPreloadActive())
        return true;
    if (qEnvironmentVariableIsSet(ReexecMarker)) {
        if (error)
            *error = QStringLiteral("re-executing with LD_PRELOAD=%1 did not activate umockdev; is the umockdev "
                                    "package installed?")
                         .arg(QLatin1String(PreloadLibrary));
        return false;
    }
    QByteArray preload;
    const QByteArray asan = asanRuntime();
    if (!asan.isEmpty())
        preload = asan + ':';
    preload += PreloadLibrary;
    const QByteArray existing = qgetenv("LD_PRELOAD");
    if (!existing.isEmpty())
        preload += ':' + existing;
    qputenv("LD_PRELOAD", preload);
    qputenv(ReexecMarker, "1");
    execv("/proc/self/exe", argv);
    if (error)
        *error = QStringLiteral("cannot re-execute %1: %2")
                     .arg(QString::fromLocal8Bit(argv[0]), QString::fromLocal8Bit(std::strerror(errno)));
    return false;
}

} // namespace ow::devicesim
