// Prints the client's time to first paint against a bare Qt Widgets window (bare_window, built in
// this tree, started the same way: same QPA, same environment), as medians and their ratio.
// The client opens a generated store and catalogue (onewindow-tool dev seed), made on first use.
// Usage: bench_startup [runs] [--seed DIR] [--matters N] [--cases N]
//   default 7 runs, DIR <build>/bench-seed, 10,000 matters, 1,000,000 cases.
// The QPA is QT_QPA_PLATFORM if set, else offscreen (or run it under xvfb-run with
// QT_QPA_PLATFORM=xcb to include the X server's share).
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

// Starts `program`, returns the ms until it printed "first-paint" (then it quits), or -1.
double timeToFirstPaint(const QString &program, const QStringList &args, const QProcessEnvironment &env)
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
    while (!out.contains("first-paint") && t.elapsed() < 120000) {
        if (!p.waitForReadyRead(1000) && p.state() != QProcess::Running)
            break;
        out += p.readAllStandardOutput();
    }
    const double ms = out.contains("first-paint") ? double(t.nsecsElapsed()) / 1e6 : -1;
    if (!p.waitForFinished(10000)) {
        p.kill();
        p.waitForFinished();
    }
    if (ms < 0)
        std::fprintf(stderr, "%s did not paint: %s\n", qPrintable(program), p.readAllStandardError().constData());
    return ms;
}

} // namespace

int main(int argc, char *argv[])
{
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

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("OW_FIRST_PAINT_PROBE"), QStringLiteral("1"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));

    std::vector<double> bare, client;
    for (int i = 0; i < runs; ++i) {
        const double b = timeToFirstPaint(QStringLiteral(OW_BARE_WINDOW), {}, env);
        const double c = timeToFirstPaint(QStringLiteral(OW_CLIENT),
            {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--catalog"), catalogue}, env);
        if (b < 0 || c < 0)
            return 1;
        bare.push_back(b);
        client.push_back(c);
    }
    const double mb = median(bare);
    const double mc = median(client);
    std::printf("QPA %s, %d runs, store %s\n", qPrintable(env.value(QStringLiteral("QT_QPA_PLATFORM"))), runs,
        qPrintable(dataDir));
    std::printf("bare Qt Widgets window: first paint median %.0f ms\n", mb);
    std::printf(
        "client (%s matters, %s cases): first paint median %.0f ms\n", qPrintable(matters), qPrintable(cases), mc);
    std::printf("ratio client / bare: %.2fx (target <= 2x)\n", mb > 0 ? mc / mb : 0.0);
    return 0;
}
