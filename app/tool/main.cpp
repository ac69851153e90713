#include "CatalogCommands.h"
#include "Command.h"
#include "CoreCommands.h"
#include "DeptCommands.h"
#include "DevCommands.h"
#include "DeviceCommands.h"
#include "EscPosCommands.h"
#include "ReceiptCommands.h"
#include "ScanCommands.h"
#include "WindowCommands.h"

#include "PosCommands.h"
#include "onewindow/i18n/Language.h"
#include "onewindow/pdf/PdfFilePages.h"
#include "onewindow/scan/PageImporter.h"

#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <cstring>
#include <memory>

#include <sys/stat.h>

namespace {

CommandList allCommands()
{
    CommandList commands;
    commands += coreCommands();
    commands += receiptCommands();
    commands += catalogCommands();
    commands += escposCommands();
    commands += deviceCommands();
    commands += posCommands();
    commands += windowCommands();
    commands += deptCommands();
    commands += scanCommands();
    commands += devCommands();
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

} // namespace

// Qt's own start-up chatter (e.g. about XDG_RUNTIME_DIR) is not for the person at the terminal.
void quietMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtDebugMsg || type == QtInfoMsg || message.startsWith(QLatin1String("QStandardPaths:")))
        return;
    std::fprintf(stderr, "%s\n", qPrintable(message));
}

int main(int argc, char *argv[])
{
    // Everything this program writes (store, keys, logs, window identity) is its user's alone.
    ::umask(077);
    qInstallMessageHandler(quietMessages);
    // A command-line tool never opens a window; fonts (PDF, receipts) still need a GUI application.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("onewindow-tool"));
    // PDF files imported by `scan` commands: QtPdf, started here on the main thread.
    ow::pdf::PdfFilePages::startPdfium();
    ow::scan::PageImporter::setPdfOpener(&ow::pdf::PdfFilePages::open);
    QCoreApplication::setApplicationVersion(QStringLiteral(ONEWINDOW_VERSION));
    // Messages and documents follow --lang, else the locale (C/POSIX: English).
    QStringList args = app.arguments().mid(1);
    QString language;
    if (const qsizetype i = args.indexOf(QStringLiteral("--lang")); i >= 0 && i + 1 < args.size()) {
        language = args.at(i + 1);
        args.remove(i, 2);
    }
    ow::i18n::installTranslations(app, ow::i18n::chooseLanguage(language, QLocale::system(), QStringLiteral("en")));
    QTextStream out(stdout);
    QTextStream err(stderr);

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
