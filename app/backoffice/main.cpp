#include "onewindow/backoffice/BackOfficeServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("onewindow-backoffice"));
    QCoreApplication::setOrganizationName(QStringLiteral("OneWindow"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ONEWINDOW_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("OneWindow reference back office"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
        QStringLiteral("TCP port to listen on; 0 picks a free one."), QStringLiteral("port"), QStringLiteral("8787"));
    const QCommandLineOption bindOption(QStringLiteral("bind"),
        QStringLiteral("Address to listen on (default 127.0.0.1)."), QStringLiteral("address"),
        QStringLiteral("127.0.0.1"));
    parser.addOption(portOption);
    parser.addOption(bindOption);
    parser.process(app);

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535) {
        std::fprintf(stderr, "onewindow-backoffice: --port needs a number from 0 to 65535\n");
        return 2;
    }
    const QHostAddress address(parser.value(bindOption));
    if (address.isNull()) {
        std::fprintf(stderr, "onewindow-backoffice: --bind needs an IP address\n");
        return 2;
    }

    ow::BackOfficeServer server;
    const auto bound = server.listen(address, quint16(port));
    if (!bound) {
        std::fprintf(stderr, "onewindow-backoffice: %s\n", qPrintable(bound.error()));
        return 1;
    }
    std::printf("listening on %s:%u\n", qPrintable(address.toString()), unsigned(bound.value()));
    std::fflush(stdout);
    return app.exec();
}
