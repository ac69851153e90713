#include "SyncFixture.h"

#include "onewindow/catalog/Catalog.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/receipt/WindowKey.h"
#include "onewindow/store/CaseLog.h"
#include "onewindow/testsupport/RestaurantVisit.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTimer>
#include <QUuid>

#include <csignal>

namespace synctest {

// The back office built in this tree, or OW_BACKOFFICE_BIN (to try another build of it).
QString backOfficeBinary()
{
    return qEnvironmentVariable("OW_BACKOFFICE_BIN", QStringLiteral(OW_BACKOFFICE));
}

namespace {

// Windows set up and waiting for a server on their data dir to enrol them; servers running.
QHash<QString, QString> &pendingEnrolments()
{
    static QHash<QString, QString> codes;
    return codes;
}

QHash<QString, quint16> &runningServers()
{
    static QHash<QString, quint16> ports;
    return ports;
}

// POST /v1/enrol with windowKey(), as the window does with the administrator's code.
QString enrol(quint16 port, const QString &code)
{
    const QJsonObject body {{QStringLiteral("code"), code}, {QStringLiteral("keyId"), kKeyId},
        {QStringLiteral("publicKey"), QString::fromLatin1(windowKey().publicKey().toBase64())}};
    const Http r = http(port, "POST", QStringLiteral("/v1/enrol"), QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (r.status != 201)
        return QStringLiteral("enrolment: %1 %2").arg(r.status).arg(QString::fromUtf8(r.body));
    return QString();
}

} // namespace

const ow::receipt::WindowKey &windowKey()
{
    static const auto key = ow::receipt::WindowKey::generate(kKeyId);
    if (!key)
        qFatal("window key: %s", qPrintable(key.error()));
    return key.value();
}

bool Server::start(const QString &dataDir, quint16 port)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    // Not under a GUI test's simulated USB bus (umockdev's preload): the back office is a server.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("LD_PRELOAD"));
    m_process.setProcessEnvironment(env);
    const QStringList args {QStringLiteral("--port"), QString::number(port), QStringLiteral("--data-dir"), dataDir};
    if (m_nice != 0)
        m_process.start(QStringLiteral("nice"),
            QStringList {QStringLiteral("-n"), QString::number(m_nice), backOfficeBinary()} + args);
    else
        m_process.start(backOfficeBinary(), args);
    if (!m_process.waitForStarted(10000))
        return false;
    QString line;
    for (int i = 0; i < 100 && !line.endsWith(QLatin1Char('\n')); ++i) {
        if (!m_process.waitForReadyRead(200) && m_process.state() != QProcess::Running)
            break;
        line += QString::fromUtf8(m_process.readLine());
    }
    const auto m = QRegularExpression(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)")).match(line);
    if (!m.hasMatch())
        return false;
    m_port = quint16(m.captured(1).toUInt());
    m_dataDir = dataDir;
    runningServers().insert(dataDir, m_port);
    if (pendingEnrolments().contains(dataDir)) {
        const QString failed = enrol(m_port, pendingEnrolments().take(dataDir));
        if (!failed.isEmpty()) {
            qWarning("%s", qPrintable(failed));
            return false;
        }
    }
    return true;
}

void Server::kill()
{
    if (runningServers().value(m_dataDir) == m_port)
        runningServers().remove(m_dataDir);
    if (m_process.state() == QProcess::NotRunning)
        return;
    if (m_process.processId() > 0)
        ::kill(pid_t(m_process.processId()), SIGKILL);
    m_process.waitForFinished(10000);
}

namespace {

QString admin(const QString &dataDir, const QStringList &args, const QByteArray &input = {}, QString *out = nullptr)
{
    QProcess p;
    p.start(backOfficeBinary(),
        QStringList {QStringLiteral("admin")} + args + QStringList {QStringLiteral("--data-dir"), dataDir});
    if (!p.waitForStarted(10000))
        return QStringLiteral("admin did not start");
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return QStringLiteral("admin hung");
    }
    if (p.exitCode() != 0)
        return QString::fromUtf8(p.readAllStandardError());
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput());
    return QString();
}

} // namespace

CommandRun runCommand(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    CommandRun r;
    if (!p.waitForStarted(10000) || !p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.err = program + QStringLiteral(" did not finish");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString setUpWindow(const QString &serverDataDir)
{
    QString added;
    QString err = admin(serverDataDir,
        {QStringLiteral("add-window"), QStringLiteral("--region"), kRegion, QStringLiteral("--code"), kWindow,
            QStringLiteral("--name"), QStringLiteral("Station 7"), QStringLiteral("--kind"), QStringLiteral("station")},
        {}, &added);
    if (err.isEmpty())
        err = admin(serverDataDir,
            {QStringLiteral("add-user"), QStringLiteral("--name"), kClerk, QStringLiteral("--role"),
                QStringLiteral("station"), QStringLiteral("--window"), kKeyId},
            kPassword.toUtf8() + '\n');
    if (!err.isEmpty())
        return err;
    const QString code = QRegularExpression(QStringLiteral("enrolment code [^:]*: (\\S+)")).match(added).captured(1);
    if (code.isEmpty())
        return QStringLiteral("no enrolment code in: ") + added;
    if (runningServers().contains(serverDataDir))
        return enrol(runningServers().value(serverDataDir), code);
    pendingEnrolments().insert(serverDataDir, code);
    return QString();
}

Http http(quint16 port, const QByteArray &method, const QString &path, const QByteArray &body,
    const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    static QNetworkAccessManager *nam = new QNetworkAccessManager;
    QNetworkRequest r(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
    r.setTransferTimeout(timeoutMs);
    if (!body.isEmpty())
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &h : headers)
        r.setRawHeader(h.first, h.second);
    QNetworkReply *reply = nam->sendCustomRequest(r, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs + 1000, &loop, &QEventLoop::quit);
    loop.exec();
    Http out;
    if (reply->isFinished()) {
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = reply->readAll();
        for (const auto &h : reply->rawHeaderPairs())
            out.headers.insert(h.first.toLower(), h.second);
    } else {
        reply->abort();
    }
    reply->deleteLater();
    return out;
}

QByteArray signIn(quint16 port)
{
    const Http r = http(port, "POST", QStringLiteral("/v1/sessions"),
        QJsonDocument(QJsonObject {{QStringLiteral("name"), kClerk}, {QStringLiteral("password"), kPassword}})
            .toJson(QJsonDocument::Compact));
    return QJsonDocument::fromJson(r.body).object().value(QLatin1String("token")).toString().toUtf8();
}

bool serverHasTus(quint16 port)
{
    return http(port, "OPTIONS", QStringLiteral("/v1/uploads")).status == 204;
}

bool serverHasEvents(quint16 port, const QByteArray &token)
{
    return http(port, "GET", QStringLiteral("/v1/events?after=0&wait=0"), {}, {{"Authorization", "Bearer " + token}})
               .status
        == 200;
}

QList<MadeCase> makeCases(ow::store::Store &store, ow::store::BlobStore &blobs, int count, int minBlobs, int maxBlobs,
    int minBytes, int maxBytes, QRandomGenerator &rng, const ow::Clock &clock, std::function<bool()> offline)
{
    using ow::intake::IntakeWorkflow;
    static const auto catalog = ow::Catalog::load(ow::Catalog::builtinPath());
    static const auto calendar = ow::WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar"));
    if (!catalog || !calendar)
        qFatal("catalogue: %s", qPrintable(catalog ? calendar.error() : catalog.error()));
    ow::intake::WindowConfig config;
    config.regionCode = kRegion;
    config.windowCode = kWindow;
    config.windowName = QStringLiteral("Station 7");
    config.clerk = kClerk;
    IntakeWorkflow w(catalog.value(), calendar.value(), clock, store, windowKey(), config);
    w.setOfflineCheck(std::move(offline)); // receipts made with the back office out of reach are provisional
    auto must = [](const QString &err) {
        if (!err.isEmpty())
            qFatal("intake: %s", qPrintable(err));
    };
    QList<MadeCase> out;
    for (int c = 0; c < count; ++c) {
        MadeCase made;
        const int nBlobs = minBlobs + int(rng.bounded(maxBlobs - minBlobs + 1));
        ow::testsupport::RestaurantVisit visit;
        visit.afterMark = [&](IntakeWorkflow &at, const ow::checklist::MaterialLine &line, int i) {
            if (i >= nBlobs)
                return QString();
            QByteArray bytes(minBytes + int(rng.bounded(maxBytes - minBytes + 1)), Qt::Uninitialized);
            for (char &ch : bytes)
                ch = char(rng.bounded(256));
            const auto sha = blobs.put(bytes);
            if (!sha)
                return sha.error();
            made.blobs << sha.value();
            return at.attachDocument(line.id, sha.value(), 1);
        };
        must(ow::testsupport::walkRestaurant(w, visit));
        made.id = w.caseId();
        made.number = w.caseNumber();
        out << made;
    }
    return out;
}

QStringList verifyAtBackOffice(
    quint16 port, const QByteArray &token, ow::store::Store &store, const QList<MadeCase> &cases, bool checkBlobs)
{
    QStringList problems;
    ow::store::CaseLog log(store);
    if (log.pendingCount() != 0)
        problems << QStringLiteral("the outbox still holds %1 entries").arg(log.pendingCount());
    const QList<QPair<QByteArray, QByteArray>> auth {{"Authorization", "Bearer " + token}};
    for (const MadeCase &c : cases) {
        const Http r = http(port, "GET", QStringLiteral("/v1/cases/%1").arg(c.id), {}, auth);
        if (r.status != 200) {
            problems << QStringLiteral("case %1: GET answered %2").arg(c.id).arg(r.status);
            continue;
        }
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        const QJsonArray remote = o.value(QLatin1String("entries")).toArray();
        const auto local = log.entries(c.id);
        if (!local) {
            problems << local.error();
            continue;
        }
        if (remote.size() != local.value().size() || o.value(QLatin1String("applied")).toInt() != remote.size()
            || !o.value(QLatin1String("held")).toArray().isEmpty())
            problems << QStringLiteral("case %1: %2 entries at the back office (applied %3), %4 here")
                            .arg(c.id)
                            .arg(remote.size())
                            .arg(o.value(QLatin1String("applied")).toInt())
                            .arg(local.value().size());
        for (qsizetype i = 0; i < std::min(remote.size(), local.value().size()); ++i) {
            if (remote.at(i).toObject() != local.value().at(i).toJson()) {
                problems << QStringLiteral("case %1: entry %2 differs: %3")
                                .arg(c.id)
                                .arg(i + 1)
                                .arg(QString::fromUtf8(
                                    QJsonDocument(remote.at(i).toObject()).toJson(QJsonDocument::Compact)));
                break;
            }
        }
        if (!checkBlobs)
            continue;
        for (const QString &sha : c.blobs) {
            const Http b = http(port, "GET", QStringLiteral("/v1/blobs/%1").arg(sha), {}, auth);
            if (b.status != 200
                || QString::fromLatin1(QCryptographicHash::hash(b.body, QCryptographicHash::Sha256).toHex()) != sha)
                problems << QStringLiteral("blob %1 of case %2: %3, %4 bytes")
                                .arg(sha, c.id)
                                .arg(b.status)
                                .arg(b.body.size());
        }
    }
    return problems;
}

} // namespace synctest
