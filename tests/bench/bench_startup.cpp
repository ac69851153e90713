// Prints the client's time to first paint against a bare Qt Widgets window (bare_window, built in
// this tree, started the same way: same QPA, same environment), as medians and their ratio, on
// the offscreen QPA and on xcb (an Xvfb started by this bench), each on a quiet machine and with a
// second CPU-bound process running beside it (started and stopped by this bench).
// The client opens a generated store and catalogue (onewindow-tool dev seed), made on first use.
// Its first start with the catalogue parses the JSON and writes the catalogue cache
// (<data>/cache): that start is timed and printed apart; the runs compared are later starts.
// Beside the wall-clock times it prints the main thread's CPU time until the first paint (its
// schedstat, which the probe prints with its line), which a busy machine distorts less.
// Usage: bench_startup [runs] [--seed DIR] [--matters N] [--cases N] [--qpa offscreen,xcb] [--quiet-only]
//                      [--client PATH]
//   default 7 runs, DIR <build>/bench-seed, 10,000 matters, 1,000,000 cases, both QPAs, the
//   client built here (--client: another build of it, e.g. the one before a change).
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// Starts `program`, returns the ms until it printed "first-paint" (then it quits), or -1; `cpuMs`
// gets its main thread's CPU time until then.
double timeToFirstPaint(
    const QString &program, const QStringList &args, const QProcessEnvironment &env, double *cpuMs = nullptr)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return -1;
    QByteArray out;
    const auto painted = [&out] {
        const qsizetype at = out.indexOf("first-paint");
        return at >= 0 && out.indexOf('\n', at) > at; // the whole line
    };
    while (!painted() && t.elapsed() < 120000) {
        if (!p.waitForReadyRead(1000) && p.state() != QProcess::Running)
            break;
        out += p.readAllStandardOutput();
    }
    const double ms = painted() ? double(t.nsecsElapsed()) / 1e6 : -1;
    if (cpuMs) {
        const qsizetype at = out.indexOf("cpu-ns=");
        bool ok = false;
        const double ns = at < 0 ? 0 : out.mid(at + 7).split('\n').value(0).trimmed().toDouble(&ok);
        *cpuMs = ok && ns > 0 ? ns / 1e6 : -1;
        if (at < 0) {
            // A client whose probe prints no CPU time (before issue 25's plugin): read it now.
            QFile stat(QStringLiteral("/proc/%1/task/%1/schedstat").arg(p.processId()));
            if (stat.open(QIODevice::ReadOnly))
                *cpuMs = stat.readAll().split(' ').value(0).toDouble() / 1e6;
        }
    }
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
    }
    if (ms < 0)
        std::fprintf(stderr, "%s did not paint: %s\n", qPrintable(program), p.readAllStandardError().constData());
    return ms;
}

// A virtual X server for the xcb runs, on a free display number; stopped with the object.
class Xvfb
{
public:
    bool start()
    {
        for (int n = 90; n < 140; ++n) {
            if (QFile::exists(QStringLiteral("/tmp/.X%1-lock").arg(n))
                || QFile::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(n)))
                continue;
            m_display = QStringLiteral(":%1").arg(n);
            m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            m_process.start(QStringLiteral("Xvfb"),
                {m_display, QStringLiteral("-screen"), QStringLiteral("0"), QStringLiteral("1920x1080x24"),
                    QStringLiteral("-nolisten"), QStringLiteral("tcp")});
            if (!m_process.waitForStarted(5000))
                return false;
            // The socket appears when the server accepts clients (it has no other signal for a
            // parent that does not ignore SIGUSR1).
            QElapsedTimer t;
            t.start();
            while (t.elapsed() < 15000 && m_process.state() == QProcess::Running) {
                if (QFile::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(n)))
                    return true;
                m_process.waitForFinished(20);
            }
            return false;
        }
        return false;
    }
    ~Xvfb()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000)) {
                m_process.kill();
                m_process.waitForFinished();
            }
        }
    }
    const QString &display() const { return m_display; }

private:
    QProcess m_process;
    QString m_display;
};

// A second CPU-bound process (this program with --burn) for as long as the object lives.
class Burner
{
public:
    bool start(const QString &self)
    {
        m_process.start(self, {QStringLiteral("--burn")});
        return m_process.waitForStarted(5000);
    }
    ~Burner()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

private:
    QProcess m_process;
};

struct Figures
{
    QString label;
    double bare = 0;
    double client = 0;
    double target = 0;
    double bareCpu = 0;
    double clientCpu = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    // The busy neighbour: spins until killed.
    if (argc > 1 && QByteArray(argv[1]) == "--burn") {
        volatile unsigned long long x = 0;
        for (;;)
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    }
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    auto option = [&args](const QString &name, const QString &fallback) {
        const qsizetype i = args.indexOf(name);
        if (i < 0 || i + 1 >= args.size())
            return fallback;
        const QString v = args.at(i + 1);
        args.remove(i, 2);
        return v;
    };
    const QString seed = option(QStringLiteral("--seed"), QStringLiteral(OW_BUILD_DIR "/bench-seed"));
    const QString matters = option(QStringLiteral("--matters"), QStringLiteral("10000"));
    const QString cases = option(QStringLiteral("--cases"), QStringLiteral("1000000"));
    const QStringList qpas = option(QStringLiteral("--qpa"), QStringLiteral("offscreen,xcb")).split(u',');
    const QString clientProgram = option(QStringLiteral("--client"), QStringLiteral(OW_CLIENT));
    const bool quietOnly = args.removeAll(QStringLiteral("--quiet-only")) > 0;
    const int runs = args.isEmpty() ? 7 : std::max(3, args.first().toInt());

    const QString dataDir = QDir(seed).filePath(QStringLiteral("data"));
    const QString catalogue = QDir(seed).filePath(QStringLiteral("catalog.json"));
    if (!QFile::exists(QDir(dataDir).filePath(QStringLiteral("onewindow.sqlite")))) {
        std::printf("seeding %s (%s matters, %s cases) …\n", qPrintable(seed), qPrintable(matters), qPrintable(cases));
        std::fflush(stdout);
        const int rc = QProcess::execute(QStringLiteral(OW_TOOL),
            {QStringLiteral("dev"), QStringLiteral("seed"), QStringLiteral("--out"), seed, QStringLiteral("--matters"),
                matters, QStringLiteral("--cases"), cases});
        if (rc != 0)
            return 1;
    }

    QProcessEnvironment base = QProcessEnvironment::systemEnvironment();
    base.insert(QStringLiteral("OW_FIRST_PAINT_PROBE"), QStringLiteral("1"));
    base.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    const QStringList clientArgs = {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--catalog"), catalogue};

    std::vector<Figures> table;
    double firstStart = -1;
    for (const QString &qpa : qpas) {
        QProcessEnvironment env = base;
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), qpa);
        Xvfb xvfb;
        if (qpa == QLatin1String("xcb")) {
            if (!xvfb.start()) {
                std::fprintf(stderr, "cannot start Xvfb for the xcb runs\n");
                return 1;
            }
            env.insert(QStringLiteral("DISPLAY"), xvfb.display());
        }
        if (firstStart < 0) {
            // The first start with this catalogue: JSON parsed and validated, cache written.
            QDir(QDir(dataDir).filePath(QStringLiteral("cache"))).removeRecursively();
            firstStart = timeToFirstPaint(clientProgram, clientArgs, env);
        }
        for (int loaded = 0; loaded < (quietOnly ? 1 : 2); ++loaded) {
            Burner burner;
            if (loaded && !burner.start(app.applicationFilePath()))
                return 1;
            // One unmeasured start of each: the page cache and fontconfig's caches warm.
            if (timeToFirstPaint(QStringLiteral(OW_BARE_WINDOW), {}, env) < 0
                || timeToFirstPaint(clientProgram, clientArgs, env) < 0)
                return 1;
            std::vector<double> bare, client, bareCpu, clientCpu;
            for (int i = 0; i < runs; ++i) {
                double bc = -1, cc = -1;
                const double b = timeToFirstPaint(QStringLiteral(OW_BARE_WINDOW), {}, env, &bc);
                const double c = timeToFirstPaint(clientProgram, clientArgs, env, &cc);
                if (b < 0 || c < 0)
                    return 1;
                bare.push_back(b);
                client.push_back(c);
                bareCpu.push_back(bc);
                clientCpu.push_back(cc);
            }
            table.push_back({qpa + (loaded ? QStringLiteral(" + busy process") : QStringLiteral(", quiet")),
                median(bare), median(client), loaded ? 2.5 : 2.0, median(bareCpu), median(clientCpu)});
        }
    }

    std::printf("first paint, %d runs each (medians), client with %s matters and %s cases, store %s\n", runs,
        qPrintable(matters), qPrintable(cases), qPrintable(dataDir));
    std::printf("client: %s\n", qPrintable(clientProgram));
    std::printf("  %-26s %10s %10s %8s %8s   %12s %12s %8s\n", "QPA, load", "bare ms", "client ms", "ratio", "target",
        "bare CPU ms", "client CPU ms", "ratio");
    bool met = true;
    for (const Figures &f : table) {
        const double ratio = f.bare > 0 ? f.client / f.bare : 0.0;
        const double cpuRatio = f.bareCpu > 0 ? f.clientCpu / f.bareCpu : 0.0;
        met = met && ratio <= f.target;
        std::printf("  %-26s %10.0f %10.0f %7.2fx %7.1fx   %12.1f %12.1f %7.2fx\n", qPrintable(f.label), f.bare,
            f.client, ratio, f.target, f.bareCpu, f.clientCpu, cpuRatio);
    }
    std::printf("client's first start with this catalogue (JSON parsed, cache written; not in the medians): %.0f ms\n",
        firstStart);
    std::printf("%s\n", met ? "all ratios within their targets" : "SOME RATIOS ABOVE THEIR TARGETS");
    return 0;
}
