#include "DeptCommands.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

namespace {

constexpr int kTimeoutMs = 15000;

const char kConnection[] = "--server URL (--user NAME --password PW | OW_BACKOFFICE_TOKEN)";

struct Answer
{
    int status = 0; // 0: no answer (the message says why)
    QJsonObject body;
    QString message;
};

// One request with a timeout; the reply's JSON body and status.
Answer request(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url, const QString &token,
    const QJsonObject &body = QJsonObject(), bool hasBody = false)
{
    QNetworkRequest req(url);
    req.setTransferTimeout(kTimeoutMs);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        req.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token.toLatin1());
    const QByteArray payload = hasBody ? QJsonDocument(body).toJson(QJsonDocument::Compact) : QByteArray();
    QNetworkReply *reply = nam.sendCustomRequest(req, method, payload);
    QEventLoop loop;
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(kTimeoutMs + 1000);
    loop.exec();
    Answer a;
    if (!reply->isFinished()) {
        reply->abort();
        a.message = QStringLiteral("%1 did not answer within %2 s").arg(url.toString()).arg(kTimeoutMs / 1000);
    } else {
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.body = QJsonDocument::fromJson(reply->readAll()).object();
        if (a.status == 0)
            a.message = QStringLiteral("cannot reach %1: %2").arg(url.toString(), reply->errorString());
        else
            a.message = a.body.value(QLatin1String("message")).toString();
    }
    reply->deleteLater();
    return a;
}

struct Session
{
    QNetworkAccessManager nam;
    QUrl server;
    QString token;
    QString department;

    QUrl url(const QString &path, const QUrlQuery &query = QUrlQuery()) const
    {
        QUrl u = server;
        u.setPath(server.path().chopped(server.path().endsWith(u'/') ? 1 : 0) + path);
        u.setQuery(query);
        return u;
    }
};

// Signs in (or takes OW_BACKOFFICE_TOKEN) and learns the user's department.
bool connect(const QHash<QString, QString> &o, Session &s, QTextStream &err)
{
    s.server = QUrl(o.value(QStringLiteral("--server")));
    if (!s.server.isValid()
        || (s.server.scheme() != QLatin1String("http") && s.server.scheme() != QLatin1String("https"))) {
        err << "--server needs an http:// or https:// URL\n";
        return false;
    }
    if (o.contains(QStringLiteral("--user"))) {
        const Answer a = request(s.nam, "POST", s.url(QStringLiteral("/v1/sessions")), QString(),
            QJsonObject {{QStringLiteral("name"), o.value(QStringLiteral("--user"))},
                {QStringLiteral("password"), o.value(QStringLiteral("--password"))}},
            true);
        if (a.status != 201) {
            err << "sign-in failed: " << (a.message.isEmpty() ? QString::number(a.status) : a.message) << '\n';
            return false;
        }
        s.token = a.body.value(QLatin1String("token")).toString();
        s.department = a.body.value(QLatin1String("user")).toObject().value(QLatin1String("department")).toString();
    } else {
        s.token = qEnvironmentVariable("OW_BACKOFFICE_TOKEN");
        if (s.token.isEmpty()) {
            err << "give --user and --password, or a token in OW_BACKOFFICE_TOKEN\n";
            return false;
        }
        const Answer a = request(s.nam, "GET", s.url(QStringLiteral("/v1/sessions/current")), s.token);
        if (a.status != 200) {
            err << "the token is not accepted: " << a.message << '\n';
            return false;
        }
        s.department = a.body.value(QLatin1String("user")).toObject().value(QLatin1String("department")).toString();
    }
    if (s.department.isEmpty()) {
        err << "this user is not a department's user\n";
        return false;
    }
    return true;
}

Answer items(Session &s, const QString &state)
{
    QUrlQuery q;
    if (!state.isEmpty())
        q.addQueryItem(QStringLiteral("state"), state);
    return request(s.nam, "GET", s.url(QStringLiteral("/v1/departments/%1/items").arg(s.department), q), s.token);
}

// What the window took in for the item (a supplement request answered, a 容缺 line brought): one
// line per material, with its scan's blob (GET /v1/blobs/{sha256}, readable by the department).
void printSupplements(const QJsonObject &item, QTextStream &out)
{
    for (const QJsonValue &v : item.value(QLatin1String("supplements")).toArray()) {
        const QJsonObject sup = v.toObject();
        out << "    supplemented " << sup.value(QLatin1String("at")).toString() << " ("
            << sup.value(QLatin1String("task")).toString() << ")\n";
        for (const QJsonValue &m : sup.value(QLatin1String("materials")).toArray()) {
            const QJsonObject mo = m.toObject();
            out << "      " << mo.value(QLatin1String("material")).toString() << "  "
                << mo.value(QLatin1String("how")).toString();
            if (mo.value(QLatin1String("sha256")).isString())
                out << "  scan " << mo.value(QLatin1String("sha256")).toString() << " ("
                    << mo.value(QLatin1String("pages")).toInt() << " page(s))";
            out << '\n';
        }
    }
}

const QStringList &connectionOptions()
{
    static const QStringList all {QStringLiteral("--server"), QStringLiteral("--user"), QStringLiteral("--password")};
    return all;
}

int deptList(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QHash<QString, QString> o;
    if (!parseOptions(
            args, connectionOptions() + QStringList {QStringLiteral("--state")}, o, err, {QStringLiteral("--json")})
        || !o.contains(QStringLiteral("--server"))) {
        err << "usage: onewindow-tool dept list [--state routed|supplement|approved|rejected|ready] [--json] "
            << kConnection << '\n';
        return 2;
    }
    Session s;
    if (!connect(o, s, err))
        return 1;
    const Answer a = items(s, o.value(QStringLiteral("--state")));
    if (a.status != 200) {
        err << "cannot list the items: " << a.message << '\n';
        return 1;
    }
    const QJsonArray all = a.body.value(QLatin1String("items")).toArray();
    if (o.contains(QStringLiteral("--json"))) {
        out << QJsonDocument(all).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }
    out << "department " << s.department << ": " << all.size() << " item(s)\n";
    for (const QJsonValue &v : all) {
        const QJsonObject i = v.toObject();
        out << i.value(QLatin1String("case")).toString() << "  " << i.value(QLatin1String("matter")).toString() << "  "
            << i.value(QLatin1String("state")).toString() << "  " << i.value(QLatin1String("name")).toString()
            << "  (item " << i.value(QLatin1String("item")).toString() << ")\n";
        // What the department needs of its case (an item routed before the back office kept it
        // has none): the case number, the applicant as masked by the back office, the promised
        // date, the materials and their scans (GET /v1/blobs/{sha256}; --json lists them).
        if (i.value(QLatin1String("caseNumber")).isString()) {
            const QJsonObject applicant = i.value(QLatin1String("applicant")).toObject();
            const QJsonArray materials = i.value(QLatin1String("materials")).toArray();
            int scans = 0;
            for (const QJsonValue &m : materials)
                scans += int(m.toObject().value(QLatin1String("scans")).toArray().size());
            const QString who = applicant.isEmpty() ? QStringLiteral("-")
                                                    : applicant.value(QLatin1String("name")).toString()
                    + QLatin1Char(' ') + applicant.value(QLatin1String("number")).toString();
            out << "    number " << i.value(QLatin1String("caseNumber")).toString() << "  applicant " << who
                << "  promised " << i.value(QLatin1String("promisedDate")).toString() << "  " << materials.size()
                << " material(s), " << scans << " scan(s)\n";
        }
        printSupplements(i, out);
    }
    return 0;
}

int deptShow(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString usage = QStringLiteral("usage: onewindow-tool dept show CASE ITEM [--json] ")
        + QLatin1String(kConnection) + QStringLiteral("\n  (ITEM: the matter code or the item id)\n");
    QHash<QString, QString> o;
    if (args.size() < 2 || args.at(0).startsWith(QLatin1String("--")) || args.at(1).startsWith(QLatin1String("--"))
        || !parseOptions(args.mid(2), connectionOptions(), o, err, {QStringLiteral("--json")})
        || !o.contains(QStringLiteral("--server"))) {
        err << usage;
        return 2;
    }
    Session s;
    if (!connect(o, s, err))
        return 1;
    const Answer list = items(s, QString());
    if (list.status != 200) {
        err << "cannot list the items: " << list.message << '\n';
        return 1;
    }
    for (const QJsonValue &v : list.body.value(QLatin1String("items")).toArray()) {
        const QJsonObject i = v.toObject();
        if (i.value(QLatin1String("case")).toString() != args.at(0)
            || (i.value(QLatin1String("matter")).toString() != args.at(1)
                && i.value(QLatin1String("item")).toString() != args.at(1)))
            continue;
        if (o.contains(QStringLiteral("--json"))) {
            out << QJsonDocument(i).toJson(QJsonDocument::Compact) << '\n';
            return 0;
        }
        out << "item " << i.value(QLatin1String("item")).toString() << "  "
            << i.value(QLatin1String("matter")).toString() << "  " << i.value(QLatin1String("state")).toString() << "  "
            << i.value(QLatin1String("name")).toString() << '\n';
        if (i.value(QLatin1String("what")).isString())
            out << "    asked for: " << i.value(QLatin1String("what")).toString() << '\n';
        for (const QJsonValue &m : i.value(QLatin1String("materials")).toArray()) {
            const QJsonObject mo = m.toObject();
            out << "    material " << mo.value(QLatin1String("material")).toString() << "  "
                << mo.value(QLatin1String("scans")).toArray().size() << " scan(s)\n";
        }
        printSupplements(i, out);
        return 0;
    }
    err << "department " << s.department << " has no item " << args.at(1) << " of case " << args.at(0) << '\n';
    return 1;
}

int deptDecide(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString usage = QStringLiteral("usage: onewindow-tool dept decide CASE ITEM --approve | --reject REASON |"
                                         " --supplement WHAT [--days N] | --ready ")
        + QLatin1String(kConnection) + QStringLiteral("\n  (ITEM: the matter code or the item id)\n");
    if (args.size() < 2 || args.at(0).startsWith(QLatin1String("--")) || args.at(1).startsWith(QLatin1String("--"))) {
        err << usage;
        return 2;
    }
    const QString caseId = args.at(0);
    const QString itemWord = args.at(1);
    QHash<QString, QString> o;
    if (!parseOptions(args.mid(2),
            connectionOptions()
                + QStringList {QStringLiteral("--reject"), QStringLiteral("--supplement"), QStringLiteral("--days")},
            o, err, {QStringLiteral("--approve"), QStringLiteral("--ready")})
        || !o.contains(QStringLiteral("--server"))) {
        err << usage;
        return 2;
    }
    int actions = 0;
    for (const QString &a : {QStringLiteral("--approve"), QStringLiteral("--reject"), QStringLiteral("--supplement"),
             QStringLiteral("--ready")})
        actions += o.contains(a) ? 1 : 0;
    if (actions != 1) {
        err << "give exactly one of --approve, --reject REASON, --supplement WHAT, --ready\n" << usage;
        return 2;
    }
    Session s;
    if (!connect(o, s, err))
        return 1;
    const Answer list = items(s, QString());
    if (list.status != 200) {
        err << "cannot list the items: " << list.message << '\n';
        return 1;
    }
    QString itemId;
    for (const QJsonValue &v : list.body.value(QLatin1String("items")).toArray()) {
        const QJsonObject i = v.toObject();
        if (i.value(QLatin1String("case")).toString() == caseId
            && (i.value(QLatin1String("matter")).toString() == itemWord
                || i.value(QLatin1String("item")).toString() == itemWord))
            itemId = i.value(QLatin1String("item")).toString();
    }
    if (itemId.isEmpty()) {
        err << "department " << s.department << " has no item " << itemWord << " of case " << caseId << '\n';
        return 1;
    }
    Answer a;
    if (o.contains(QStringLiteral("--ready"))) {
        a = request(s.nam, "POST", s.url(QStringLiteral("/v1/items/%1/ready").arg(itemId)), s.token);
    } else {
        QJsonObject body;
        if (o.contains(QStringLiteral("--approve")))
            body.insert(QStringLiteral("outcome"), QStringLiteral("approved"));
        else if (o.contains(QStringLiteral("--reject")))
            body = {{QStringLiteral("outcome"), QStringLiteral("rejected")},
                {QStringLiteral("reason"), o.value(QStringLiteral("--reject"))}};
        else {
            body = {{QStringLiteral("outcome"), QStringLiteral("supplement")},
                {QStringLiteral("what"), o.value(QStringLiteral("--supplement"))}};
            // Working days the applicant has to bring it (the back office's default otherwise).
            if (o.contains(QStringLiteral("--days")))
                body.insert(QStringLiteral("days"), o.value(QStringLiteral("--days")).toInt());
        }
        a = request(s.nam, "POST", s.url(QStringLiteral("/v1/items/%1/decision").arg(itemId)), s.token, body, true);
    }
    if (a.status != 200) {
        err << "refused: " << (a.message.isEmpty() ? QString::number(a.status) : a.message) << '\n';
        return 1;
    }
    out << "case " << caseId << " item " << a.body.value(QLatin1String("matter")).toString() << ": "
        << a.body.value(QLatin1String("state")).toString() << '\n';
    printSupplements(a.body, out);
    return 0;
}

} // namespace

CommandList deptCommands()
{
    return {
        {QStringLiteral("dept list"), QStringLiteral("[--state S] [--json] ") + QLatin1String(kConnection),
            QStringLiteral("List the items routed to your department."), deptList},
        {QStringLiteral("dept show"), QStringLiteral("CASE ITEM [--json] ") + QLatin1String(kConnection),
            QStringLiteral("Show one item: what was asked, its materials and the supplements brought, with scans."),
            deptShow},
        {QStringLiteral("dept decide"),
            QStringLiteral("CASE ITEM --approve|--reject REASON|--supplement WHAT [--days N]|--ready ")
                + QLatin1String(kConnection),
            QStringLiteral("Record a department's decision on an item, or that its result is ready."), deptDecide},
    };
}
