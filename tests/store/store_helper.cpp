// A tiny program for tst_storeprocesses: several processes on one store at once.
//   ow_store_helper open DIR   opens (creating/migrating) the store; prints "<schema> <blind index of x>"
//   ow_store_helper lock DIR   takes the store lock, prints "locked", holds it until stdin closes
// Exit 0 on success, 1 with the message on stderr otherwise.
#include "onewindow/store/Store.h"
#include "onewindow/store/StoreLock.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (args.size() != 3) {
        err << "usage: ow_store_helper open|lock DIR\n";
        return 2;
    }
    if (args.at(1) == u"open") {
        auto store = ow::store::Store::open(args.at(2));
        if (!store) {
            err << store.error() << '\n';
            return 1;
        }
        out << store->schemaVersion() << ' ' << store->sealer().blindIndex(QStringLiteral("x")) << '\n';
        return 0;
    }
    if (args.at(1) == u"lock") {
        auto lock = ow::store::StoreLock::acquire(args.at(2));
        if (!lock) {
            err << lock.error() << '\n';
            return 1;
        }
        out << "locked\n";
        out.flush();
        QFile in;
        if (in.open(stdin, QIODevice::ReadOnly))
            in.readAll(); // until the test closes our stdin
        return 0;
    }
    err << "unknown mode " << args.at(1) << '\n';
    return 2;
}
