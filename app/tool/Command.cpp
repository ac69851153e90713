#include "Command.h"

bool parseOptions(const QStringList &args, const QStringList &known, QHash<QString, QString> &values, QTextStream &err,
    const QStringList &flags)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (flags.contains(a)) {
            values.insert(a, QStringLiteral("1"));
            continue;
        }
        if (!known.contains(a)) {
            err << "unknown option " << a << '\n';
            return false;
        }
        if (i + 1 >= args.size()) {
            err << a << " needs a value\n";
            return false;
        }
        values.insert(a, args.at(++i));
    }
    return true;
}
