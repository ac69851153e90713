#include "Command.h"
#include "CoreCommands.h"
#include "DeviceCommands.h"
#include "EscPosCommands.h"
#include "PosCommands.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

CommandList allCommands()
{
    CommandList commands;
    commands += coreCommands();
    commands += deviceCommands();
    commands += escposCommands();
    commands += posCommands();
    return commands;
}

void printHelp(const CommandList &commands, QTextStream &out)
{
    out << "Usage: onewindow-tool COMMAND [ARGS]\n\n"
           "The OneWindow command-line tool.\n\n"
           "Options:\n"
           "  -h, --help     Show this help.\n"
           "  -v, --version  Show the version.\n\n"
           "Commands:\n";
    for (const Command &c : commands)
        out << "  " << c.words << ' ' << c.usage << "\n      " << c.summary << '\n';
}

// Commands that draw text (receipt rendering) need fonts, hence a QGuiApplication. Without a
// display it uses the offscreen platform.
bool needsGui(int argc, char *argv[])
{
    if (argc < 2)
        return false;
    return std::strcmp(argv[1], "escpos") == 0;
}

} // namespace

int main(int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> application;
    if (needsGui(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
            && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("onewindow-tool"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ONEWINDOW_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    const QStringList args = app.arguments().mid(1);
    const CommandList commands = allCommands();
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")
        || args.first() == QLatin1String("help")) {
        printHelp(commands, out);
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == QLatin1String("--version") || args.first() == QLatin1String("-v")) {
        out << "onewindow-tool " << QCoreApplication::applicationVersion() << '\n';
        return 0;
    }

    // The longest command whose words start the arguments wins.
    const Command *match = nullptr;
    qsizetype matchWords = 0;
    for (const Command &c : commands) {
        const QStringList words = c.words.split(u' ');
        if (words.size() > matchWords && args.mid(0, words.size()) == words) {
            match = &c;
            matchWords = words.size();
        }
    }
    if (!match) {
        err << "onewindow-tool: unknown command '" << args.join(u' ') << "'. Try --help.\n";
        return 2;
    }
    const QStringList rest = args.mid(matchWords);
    if (rest.contains(QStringLiteral("--help"))) {
        out << "usage: onewindow-tool " << match->words << ' ' << match->usage << '\n' << match->summary << '\n';
        return 0;
    }
    return match->run(rest, out, err);
}
