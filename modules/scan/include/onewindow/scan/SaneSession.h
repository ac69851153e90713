#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/scan/Page.h"
#include "onewindow/scan/ScanSettings.h"

#include <QCoreApplication>

#include <atomic>
#include <functional>

namespace ow::scan {

// Synchronous access to scanners through libsane. Blocking: use it on a worker thread only
// (Scanner does). One session per thread; SANE is initialised by the first session and left
// initialised for the process (backends do not all survive sane_exit/sane_init cycles).
class SaneSession
{
    Q_DECLARE_TR_FUNCTIONS(SaneSession)

public:
    SaneSession();

    [[nodiscard]] Result<QList<ScanDevice>> devices();

    struct Progress
    {
        int page = 1; // 1-based page being scanned
        int percent = 0; // of that page
    };
    // Scans a batch: one page from the flatbed, or until the feeder is empty. Every finished
    // page goes to `onPage` at once, so a jam on page 5 keeps pages 1–4. Returns the number of
    // pages, or the message of what stopped the batch.
    [[nodiscard]] Result<int> scan(const ScanSettings &settings, const std::function<void(const Page &)> &onPage,
        const std::function<void(Progress)> &onProgress, const std::atomic<bool> &cancel);

    // The clerk's message for a SANE status.
    static QString statusMessage(int saneStatus);
};

} // namespace ow::scan
