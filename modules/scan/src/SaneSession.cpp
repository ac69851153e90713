#include "onewindow/scan/SaneSession.h"

#include <QByteArray>
#include <QVector>

#include <sane/sane.h>
#include <sane/saneopts.h>

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>

namespace ow::scan {

namespace {

std::once_flag g_saneInit;
bool g_saneReady = false;

bool ensureSane()
{
    std::call_once(g_saneInit, [] {
        SANE_Int version = 0;
        g_saneReady = sane_init(&version, nullptr) == SANE_STATUS_GOOD;
    });
    return g_saneReady;
}

QString fromSane(SANE_String_Const s)
{
    return s ? QString::fromUtf8(s) : QString();
}

// Closes the device on every way out.
class Device
{
public:
    explicit Device(SANE_Handle h)
        : m_handle(h)
    { }
    ~Device()
    {
        if (m_handle) {
            sane_cancel(m_handle);
            sane_close(m_handle);
        }
    }
    Device(const Device &) = delete;
    Device &operator=(const Device &) = delete;
    SANE_Handle handle() const { return m_handle; }

    int find(const char *name) const
    {
        SANE_Int count = 0;
        if (sane_control_option(m_handle, 0, SANE_ACTION_GET_VALUE, &count, nullptr) != SANE_STATUS_GOOD)
            return -1;
        for (int i = 1; i < count; ++i) {
            const SANE_Option_Descriptor *d = sane_get_option_descriptor(m_handle, i);
            if (d && d->name && std::strcmp(d->name, name) == 0 && SANE_OPTION_IS_ACTIVE(d->cap)
                && SANE_OPTION_IS_SETTABLE(d->cap))
                return i;
        }
        return -1;
    }
    const SANE_Option_Descriptor *descriptor(int i) const { return sane_get_option_descriptor(m_handle, i); }

    // Sets an option from text (string, int, fixed, bool); "" when done, else why not.
    QString set(const QString &name, const QString &value)
    {
        const QByteArray n = name.toUtf8();
        const int i = find(n.constData());
        if (i < 0)
            return SaneSession::tr("the scanner has no setting \"%1\"").arg(name);
        const SANE_Option_Descriptor *d = descriptor(i);
        SANE_Status st = SANE_STATUS_INVAL;
        SANE_Int info = 0;
        if (d->type == SANE_TYPE_STRING) {
            QByteArray buf = value.toUtf8();
            buf.resize(std::max<int>(d->size, int(buf.size()) + 1));
            st = sane_control_option(m_handle, i, SANE_ACTION_SET_VALUE, buf.data(), &info);
        } else if (d->type == SANE_TYPE_INT || d->type == SANE_TYPE_BOOL || d->type == SANE_TYPE_FIXED) {
            bool ok = false;
            double v = value.toDouble(&ok);
            if (d->type == SANE_TYPE_BOOL) {
                ok = true;
                v = (value == QLatin1String("yes") || value == QLatin1String("true") || value == QLatin1String("1"))
                    ? 1
                    : 0;
            }
            if (!ok)
                return SaneSession::tr("\"%1\" is not a number for \"%2\"").arg(value, name);
            SANE_Word w = d->type == SANE_TYPE_FIXED ? SANE_FIX(v) : SANE_Word(std::lround(v));
            if (d->constraint_type == SANE_CONSTRAINT_RANGE && d->constraint.range) {
                const SANE_Range *r = d->constraint.range;
                w = std::clamp(w, r->min, r->max);
            }
            st = sane_control_option(m_handle, i, SANE_ACTION_SET_VALUE, &w, &info);
        }
        return st == SANE_STATUS_GOOD ? QString() : SaneSession::tr("\"%1\" cannot be set to \"%2\"").arg(name, value);
    }

    // The entry of a string-list option that contains one of `wanted` (case-insensitive).
    QString pick(const char *name, const QStringList &wanted) const
    {
        const int i = find(name);
        if (i < 0)
            return {};
        const SANE_Option_Descriptor *d = descriptor(i);
        if (d->type != SANE_TYPE_STRING || d->constraint_type != SANE_CONSTRAINT_STRING_LIST)
            return {};
        for (const QString &w : wanted) {
            for (const SANE_String_Const *s = d->constraint.string_list; s && *s; ++s) {
                if (fromSane(*s).contains(w, Qt::CaseInsensitive))
                    return fromSane(*s);
            }
        }
        return {};
    }

    // The largest value an option allows (scan area to the full bed).
    QString maximum(const char *name) const
    {
        const int i = find(name);
        if (i < 0)
            return {};
        const SANE_Option_Descriptor *d = descriptor(i);
        if (d->constraint_type != SANE_CONSTRAINT_RANGE || !d->constraint.range)
            return {};
        const SANE_Word m = d->constraint.range->max;
        return d->type == SANE_TYPE_FIXED ? QString::number(SANE_UNFIX(m)) : QString::number(m);
    }

private:
    SANE_Handle m_handle;
};

// Calls sane_cancel when no data came for the stall timeout (sane_cancel may be called from
// another thread to stop a blocking sane_read).
class Watchdog
{
public:
    Watchdog(SANE_Handle h, int timeoutMs)
        : m_handle(h)
        , m_timeout(timeoutMs)
        , m_deadline(std::chrono::steady_clock::now() + m_timeout)
        , m_thread([this] { run(); })
    { }
    ~Watchdog()
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    Watchdog(const Watchdog &) = delete;
    Watchdog &operator=(const Watchdog &) = delete;
    void feed()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_deadline = std::chrono::steady_clock::now() + m_timeout;
    }
    bool fired() const { return m_fired; }

private:
    void run()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        while (!m_stop) {
            if (m_wake.wait_until(lock, m_deadline) == std::cv_status::timeout && !m_stop
                && std::chrono::steady_clock::now() >= m_deadline) {
                m_fired = true;
                sane_cancel(m_handle);
                return;
            }
        }
    }
    SANE_Handle m_handle;
    std::chrono::milliseconds m_timeout;
    std::chrono::steady_clock::time_point m_deadline;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::atomic<bool> m_fired {false};
    std::thread m_thread;
};

} // namespace

SaneSession::SaneSession()
{
    ensureSane();
}

QString SaneSession::statusMessage(int status)
{
    switch (SANE_Status(status)) {
    case SANE_STATUS_GOOD: return {};
    case SANE_STATUS_NO_DOCS: return tr("There is no paper in the document feeder.");
    case SANE_STATUS_JAMMED: return tr("Paper jam in the scanner. Clear it, then scan the remaining pages.");
    case SANE_STATUS_COVER_OPEN: return tr("The scanner's cover is open.");
    case SANE_STATUS_DEVICE_BUSY: return tr("The scanner is busy (another program may be using it).");
    case SANE_STATUS_ACCESS_DENIED:
        return tr("Access to the scanner was denied (check the udev rule or sign in again).");
    case SANE_STATUS_IO_ERROR: return tr("The scanner stopped answering (unplugged or switched off?).");
    case SANE_STATUS_NO_MEM: return tr("Not enough memory to scan.");
    case SANE_STATUS_CANCELLED: return tr("The scan was cancelled.");
    case SANE_STATUS_UNSUPPORTED:
    case SANE_STATUS_INVAL:
    case SANE_STATUS_EOF: break;
    }
    return tr("The scanner reported an error: %1").arg(QString::fromUtf8(sane_strstatus(SANE_Status(status))));
}

Result<QList<ScanDevice>> SaneSession::devices()
{
    if (!ensureSane())
        return Result<QList<ScanDevice>>::failure(tr("The scanner library (SANE) cannot be started."));
    const SANE_Device **list = nullptr;
    const SANE_Status st = sane_get_devices(&list, SANE_TRUE);
    if (st != SANE_STATUS_GOOD)
        return Result<QList<ScanDevice>>::failure(statusMessage(st));
    QList<ScanDevice> out;
    for (const SANE_Device **d = list; d && *d; ++d)
        out.append({fromSane((*d)->name), fromSane((*d)->vendor), fromSane((*d)->model), fromSane((*d)->type)});
    return out;
}

Result<int> SaneSession::scan(const ScanSettings &settings, const std::function<void(const Page &)> &onPage,
    const std::function<void(Progress)> &onProgress, const std::atomic<bool> &cancel)
{
    QString deviceName = settings.device;
    if (deviceName.isEmpty()) {
        const auto all = devices();
        if (!all)
            return Result<int>::failure(all.error());
        if (all->isEmpty())
            return Result<int>::failure(tr("No scanner found. Check that it is plugged in and switched on."));
        deviceName = all->first().name;
    }
    SANE_Handle h = nullptr;
    const QByteArray name = deviceName.toUtf8();
    const SANE_Status opened = sane_open(name.constData(), &h);
    if (opened != SANE_STATUS_GOOD || !h) {
        if (opened == SANE_STATUS_INVAL)
            return Result<int>::failure(
                tr("No scanner \"%1\" found. Check that it is plugged in and switched on.").arg(deviceName));
        return Result<int>::failure(statusMessage(opened));
    }
    Device dev(h);

    // Source, mode, resolution, the whole bed; then the caller's own options.
    const bool feeder = settings.source == ScanSettings::Source::Feeder;
    const QString source = feeder
        ? dev.pick(SANE_NAME_SCAN_SOURCE, {QStringLiteral("ADF"), QStringLiteral("Feeder")})
        : dev.pick(SANE_NAME_SCAN_SOURCE, {QStringLiteral("Flatbed"), QStringLiteral("Normal")});
    if (feeder && source.isEmpty())
        return Result<int>::failure(tr("This scanner has no document feeder."));
    if (!source.isEmpty()) {
        if (const QString err = dev.set(QStringLiteral(SANE_NAME_SCAN_SOURCE), source); !err.isEmpty())
            return Result<int>::failure(tr("The scanner cannot be set up: %1.").arg(err));
    }
    const QStringList modeNames = settings.mode == ScanSettings::Mode::Color
        ? QStringList {QStringLiteral("Color"), QStringLiteral("Colour")}
        : settings.mode == ScanSettings::Mode::Lineart
        ? QStringList {QStringLiteral("Lineart"), QStringLiteral("Binary"), QStringLiteral("Black")}
        : QStringList {QStringLiteral("Gray"), QStringLiteral("Grey")};
    if (const QString mode = dev.pick(SANE_NAME_SCAN_MODE, modeNames); !mode.isEmpty())
        (void)dev.set(QStringLiteral(SANE_NAME_SCAN_MODE), mode);
    if (dev.find(SANE_NAME_SCAN_RESOLUTION) >= 0) {
        if (const QString err = dev.set(QStringLiteral(SANE_NAME_SCAN_RESOLUTION), QString::number(settings.dpi));
            !err.isEmpty())
            return Result<int>::failure(tr("The scanner cannot be set up: %1.").arg(err));
    }
    for (const char *corner : {SANE_NAME_SCAN_BR_X, SANE_NAME_SCAN_BR_Y}) {
        if (const QString max = dev.maximum(corner); !max.isEmpty())
            (void)dev.set(QString::fromLatin1(corner), max);
    }
    for (const auto &[option, value] : settings.extraOptions) {
        if (const QString err = dev.set(option, value); !err.isEmpty())
            return Result<int>::failure(tr("The scanner cannot be set up: %1.").arg(err));
    }

    // The resolution actually used (the device may round it).
    double dpi = settings.dpi;
    if (const int i = dev.find(SANE_NAME_SCAN_RESOLUTION); i >= 0) {
        SANE_Word w = 0;
        if (sane_control_option(h, i, SANE_ACTION_GET_VALUE, &w, nullptr) == SANE_STATUS_GOOD)
            dpi = dev.descriptor(i)->type == SANE_TYPE_FIXED ? SANE_UNFIX(w) : double(w);
    }

    Watchdog watchdog(h, settings.stallTimeoutMs);
    int pages = 0;
    for (int pageNo = 1; pageNo <= settings.maxPages; ++pageNo) {
        if (cancel)
            return Result<int>::failure(statusMessage(SANE_STATUS_CANCELLED));
        onProgress(Progress {pageNo, 0});
        watchdog.feed();
        SANE_Status st = sane_start(h);
        if (st == SANE_STATUS_NO_DOCS && feeder && pages > 0)
            break; // the feeder is empty: the batch is complete
        if (st != SANE_STATUS_GOOD)
            return Result<int>::failure(
                watchdog.fired() ? tr("The scanner stopped sending data (timed out).") : statusMessage(st));
        SANE_Parameters p;
        if (sane_get_parameters(h, &p) != SANE_STATUS_GOOD || p.pixels_per_line <= 0 || p.bytes_per_line <= 0)
            return Result<int>::failure(tr("The scanner sent a page this program cannot read."));
        const bool rgb = p.format == SANE_FRAME_RGB;
        if (!(p.format == SANE_FRAME_GRAY || rgb) || !(p.depth == 1 || p.depth == 8 || p.depth == 16)
            || (rgb && p.depth == 1))
            return Result<int>::failure(tr("The scanner sent a page this program cannot read."));
        // Lines may be unknown (-1) for hand-held and some sheet-fed scanners: read to the end.
        const qint64 expected = p.lines > 0 ? qint64(p.lines) * p.bytes_per_line : -1;
        if (expected > 512LL * 1024 * 1024)
            return Result<int>::failure(tr("The page is too large to scan at %1 dpi.").arg(settings.dpi));
        QByteArray data;
        if (expected > 0)
            data.reserve(expected);
        QByteArray buf(64 * 1024, Qt::Uninitialized);
        for (;;) {
            if (cancel) {
                sane_cancel(h);
                return Result<int>::failure(statusMessage(SANE_STATUS_CANCELLED));
            }
            SANE_Int len = 0;
            st = sane_read(h, reinterpret_cast<SANE_Byte *>(buf.data()), SANE_Int(buf.size()), &len);
            if (st == SANE_STATUS_EOF)
                break;
            if (st != SANE_STATUS_GOOD)
                return Result<int>::failure(
                    watchdog.fired() ? tr("The scanner stopped sending data (timed out).") : statusMessage(st));
            watchdog.feed();
            data.append(buf.constData(), len);
            if (data.size() > 512LL * 1024 * 1024)
                return Result<int>::failure(tr("The page is too large to scan at %1 dpi.").arg(settings.dpi));
            if (expected > 0)
                onProgress(Progress {pageNo, int(std::min<qint64>(99, data.size() * 100 / expected))});
        }
        if (watchdog.fired()) // a cancelled read may end as EOF
            return Result<int>::failure(tr("The scanner stopped sending data (timed out)."));
        const int lines = int(data.size() / p.bytes_per_line);
        if (lines <= 0)
            return Result<int>::failure(tr("The scanner sent an empty page."));
        const int w = p.pixels_per_line;
        QImage img(w, lines, rgb ? QImage::Format_RGB32 : QImage::Format_Grayscale8);
        for (int y = 0; y < lines; ++y) {
            const auto *src = reinterpret_cast<const uchar *>(data.constData()) + qsizetype(y) * p.bytes_per_line;
            uchar *dst = img.scanLine(y);
            for (int x = 0; x < w; ++x) {
                if (rgb) {
                    const int step = p.depth == 16 ? 2 : 1;
                    // 16-bit samples are in the machine's byte order: take the high byte.
                    const auto sample = [&](int c) {
                        const qsizetype at = (qsizetype(x) * 3 + c) * step;
                        if (step == 1)
                            return int(src[at]);
                        quint16 v;
                        std::memcpy(&v, src + at, 2);
                        return int(v >> 8);
                    };
                    reinterpret_cast<QRgb *>(dst)[x] = qRgb(sample(0), sample(1), sample(2));
                } else if (p.depth == 1) {
                    dst[x] = (src[x >> 3] & (0x80 >> (x & 7))) ? 0 : 255; // 1 = black
                } else if (p.depth == 8) {
                    dst[x] = src[x];
                } else {
                    quint16 v;
                    std::memcpy(&v, src + qsizetype(x) * 2, 2);
                    dst[x] = uchar(v >> 8);
                }
            }
        }
        img.setDotsPerMeterX(int(std::lround(dpi / 0.0254)));
        img.setDotsPerMeterY(int(std::lround(dpi / 0.0254)));
        ++pages;
        onProgress(Progress {pageNo, 100});
        onPage(Page {img, dpi, deviceName, pageNo});
        if (!feeder)
            break;
    }
    return pages;
}

} // namespace ow::scan
