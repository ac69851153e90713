#include "ApiClient.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QUrl>

namespace {

QProcessEnvironment environmentWithShift(qint64 clockShift)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OW_BACKOFFICE_CLOCK_SHIFT"), QString::number(clockShift));
    return env;
}

// The cluster's URL (its maintenance database), "" without OW_TEST_DB.
QString clusterUrl()
{
    static const QString url = [] {
        const QString v = qEnvironmentVariable("OW_TEST_DB").trimmed();
        if (v.isEmpty() || v.startsWith(QLatin1String("postgresql://")))
            return v;
        QFile f(v);
        if (!f.open(QIODevice::ReadOnly)) {
            qWarning("OW_TEST_DB=%s: no such file (did the pg_cluster_start fixture run?)", qPrintable(v));
            return QStringLiteral("postgresql://unreadable-OW_TEST_DB@127.0.0.1:1/none");
        }
        return QString::fromUtf8(f.readLine()).trimmed();
    }();
    return url;
}

QString databaseNameFor(const QString &dataDir)
{
    return QStringLiteral("ow_")
        + QString::fromLatin1(
            QCryptographicHash::hash(QDir(dataDir).absolutePath().toUtf8(), QCryptographicHash::Sha1).toHex().left(20));
}

QSqlDatabase connectTo(const QUrl &u, const QString &dbName, const QString &connection)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
    db.setHostName(u.host());
    db.setPort(u.port(5432));
    db.setUserName(u.userName());
    db.setPassword(u.password());
    db.setDatabaseName(dbName);
    db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    if (!db.open())
        qWarning("cannot open %s on the test cluster: %s", qPrintable(dbName), qPrintable(db.lastError().text()));
    return db;
}

} // namespace

bool testOnPostgres()
{
    return !clusterUrl().isEmpty();
}

QString testDatabaseFor(const QString &dataDir)
{
    if (!testOnPostgres())
        return QString();
    static QSet<QString> made;
    const QString name = databaseNameFor(dataDir);
    QUrl u(clusterUrl());
    if (!made.contains(name)) {
        made.insert(name);
        const QString connection = QStringLiteral("ow-test-admin");
        {
            QSqlDatabase db = connectTo(u, u.path().mid(1), connection);
            QSqlQuery q(db);
            // A data folder of an earlier run of the same test on the same cluster starts afresh.
            if (!q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name))
                || !q.exec(QStringLiteral("CREATE DATABASE %1").arg(name)))
                qWarning("cannot create %s: %s", qPrintable(name), qPrintable(q.lastError().text()));
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
    }
    u.setPath(QLatin1Char('/') + name);
    return u.toString();
}

QSqlDatabase openTestDatabase(const QString &dataDir, const QString &connection)
{
    if (!testOnPostgres()) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(QDir(dataDir).filePath(QStringLiteral("backoffice.sqlite")));
        db.open();
        return db;
    }
    return connectTo(QUrl(testDatabaseFor(dataDir)), databaseNameFor(dataDir), connection);
}

QStringList databaseArguments(const QString &dataDir)
{
    const QString url = testDatabaseFor(dataDir);
    return url.isEmpty() ? QStringList() : QStringList {QStringLiteral("--db"), url};
}

BackOfficeProcess::~BackOfficeProcess()
{
    stop();
}

bool BackOfficeProcess::start(const QString &dataDir, qint64 clockShift, const QStringList &extra)
{
    m_process.setProcessEnvironment(environmentWithShift(clockShift));
    m_process.start(QStringLiteral(OW_BACKOFFICE),
        QStringList {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--data-dir"), dataDir}
            + databaseArguments(dataDir) + extra);
    if (!m_process.waitForStarted(10000))
        return false;
    QString line;
    for (int i = 0; i < 100 && !line.endsWith(QLatin1Char('\n')); ++i) {
        if (!m_process.waitForReadyRead(200) && m_process.state() != QProcess::Running)
            break;
        line += QString::fromUtf8(m_process.readLine());
    }
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("^listening on 127\\.0\\.0\\.1:(\\d+)$")).match(line.trimmed());
    if (!m.hasMatch()) {
        qWarning("back office did not start: %s %s", qPrintable(line), m_process.readAllStandardError().constData());
        return false;
    }
    m_port = quint16(m.captured(1).toUInt());
    return true;
}

void BackOfficeProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000))
        m_process.kill();
    m_process.waitForFinished(10000);
}

void BackOfficeProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(10000);
}

QString BackOfficeProcess::stderrText()
{
    m_err += QString::fromUtf8(m_process.readAllStandardError());
    return m_err;
}

AdminRun runAdmin(const QString &dataDir, const QStringList &args, const QByteArray &input, qint64 clockShift)
{
    QProcess p;
    p.setProcessEnvironment(environmentWithShift(clockShift));
    p.start(QStringLiteral(OW_BACKOFFICE),
        QStringList {QStringLiteral("admin")} + args + QStringList {QStringLiteral("--data-dir"), dataDir}
            + databaseArguments(dataDir));
    AdminRun r;
    if (!p.waitForStarted(10000))
        return r;
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString enrolmentCodeIn(const QString &adminOut)
{
    const auto m = QRegularExpression(QStringLiteral("enrolment code [^:]*: ([0-9A-Z-]+)")).match(adminOut);
    return m.hasMatch() ? m.captured(1) : QString();
}

ApiClient::ApiClient(QJsonObject spec)
    : m_spec(std::move(spec))
{ }

QSet<QString> ApiClient::operations() const
{
    QSet<QString> out;
    const QJsonObject paths = m_spec.value(QLatin1String("paths")).toObject();
    for (auto p = paths.begin(); p != paths.end(); ++p) {
        const QJsonObject ops = p.value().toObject();
        for (auto o = ops.begin(); o != ops.end(); ++o)
            out.insert(o.key().toUpper() + QLatin1Char(' ') + p.key());
    }
    return out;
}

QString ApiClient::templateOf(const QString &path) const
{
    const QStringList have = path.split(QLatin1Char('/'));
    const QJsonObject paths = m_spec.value(QLatin1String("paths")).toObject();
    for (auto p = paths.begin(); p != paths.end(); ++p) {
        const QStringList want = p.key().split(QLatin1Char('/'));
        if (want.size() != have.size())
            continue;
        bool match = true;
        for (qsizetype i = 0; i < want.size() && match; ++i) {
            const bool placeholder = want.at(i).startsWith(QLatin1Char('{'));
            match = placeholder ? !have.at(i).isEmpty() : want.at(i) == have.at(i);
        }
        if (match)
            return p.key();
    }
    return QString();
}

QJsonObject ApiClient::resolve(const QJsonObject &schema) const
{
    QJsonObject s = schema;
    for (int depth = 0; depth < 10 && s.contains(QLatin1String("$ref")); ++depth) {
        const QString ref = s.value(QLatin1String("$ref")).toString();
        if (!ref.startsWith(QLatin1String("#/")))
            return QJsonObject();
        QJsonValue node = m_spec;
        for (const QString &part : ref.mid(2).split(QLatin1Char('/')))
            node = node.toObject().value(part);
        s = node.toObject();
    }
    return s;
}

QStringList ApiClient::validate(const QJsonValue &value, const QJsonObject &schemaIn, const QString &where) const
{
    const QJsonObject schema = resolve(schemaIn);
    QStringList errors;
    if (schema.isEmpty() && !schemaIn.isEmpty())
        return {where + QStringLiteral(": unresolvable schema")};
    if (value.isNull() && schema.value(QLatin1String("nullable")).toBool())
        return errors;
    const QString type = schema.value(QLatin1String("type")).toString();
    bool typeOk = true;
    if (type == QLatin1String("object"))
        typeOk = value.isObject();
    else if (type == QLatin1String("array"))
        typeOk = value.isArray();
    else if (type == QLatin1String("string"))
        typeOk = value.isString();
    else if (type == QLatin1String("boolean"))
        typeOk = value.isBool();
    else if (type == QLatin1String("number"))
        typeOk = value.isDouble();
    else if (type == QLatin1String("integer"))
        typeOk = value.isDouble() && value.toDouble() == double(qint64(value.toDouble()));
    if (!typeOk)
        return {QStringLiteral("%1: expected %2").arg(where, type)};
    if (schema.contains(QLatin1String("enum")) && !schema.value(QLatin1String("enum")).toArray().contains(value))
        errors << QStringLiteral("%1: %2 is not in the enum")
                      .arg(where, QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact)));
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (const QJsonValue &r : schema.value(QLatin1String("required")).toArray()) {
            if (!o.contains(r.toString()))
                errors << QStringLiteral("%1: \"%2\" is required").arg(where, r.toString());
        }
        const QJsonObject props = schema.value(QLatin1String("properties")).toObject();
        const QJsonObject extra = schema.value(QLatin1String("additionalProperties")).toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (props.contains(it.key()))
                errors << validate(it.value(), props.value(it.key()).toObject(), where + QLatin1Char('.') + it.key());
            else if (!extra.isEmpty())
                errors << validate(it.value(), extra, where + QLatin1Char('.') + it.key());
        }
    }
    // One of the alternatives: the discriminator's (a log entry by its "kind"), else exactly one.
    if (schema.contains(QLatin1String("oneOf"))) {
        const QJsonArray alternatives = schema.value(QLatin1String("oneOf")).toArray();
        const QJsonObject discriminator = schema.value(QLatin1String("discriminator")).toObject();
        const QString property = discriminator.value(QLatin1String("propertyName")).toString();
        if (!property.isEmpty() && value.isObject()) {
            const QString ref = discriminator.value(QLatin1String("mapping"))
                                    .toObject()
                                    .value(value.toObject().value(property).toString())
                                    .toString();
            if (ref.isEmpty())
                errors << QStringLiteral("%1: no alternative for %2 \"%3\"")
                              .arg(where, property, value.toObject().value(property).toString());
            else
                errors << validate(value, QJsonObject {{QStringLiteral("$ref"), ref}}, where);
        } else {
            int matches = 0;
            for (const QJsonValue &a : alternatives)
                matches += validate(value, a.toObject(), where).isEmpty() ? 1 : 0;
            if (matches != 1)
                errors << QStringLiteral("%1: matches %2 of its oneOf alternatives, not 1").arg(where).arg(matches);
        }
    }
    if (value.isArray() && schema.contains(QLatin1String("items"))) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            errors << validate(
                a.at(i), schema.value(QLatin1String("items")).toObject(), where + QStringLiteral("[%1]").arg(i));
    }
    return errors;
}

ApiResponse ApiClient::call(const QByteArray &method, const QString &path, const QJsonValue &body,
    const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray raw;
    if (body.isObject())
        raw = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    else if (body.isArray())
        raw = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
    return callRaw(method, path, raw, headers);
}

ApiResponse ApiClient::callRaw(const QByteArray &method, const QString &path, const QByteArray &body,
    const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    const qsizetype q = path.indexOf(QLatin1Char('?'));
    url.setPath(q < 0 ? path : path.left(q), QUrl::TolerantMode);
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest request(url);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    // HEAD through head(): a custom "HEAD" verb would wait for a body of Content-Length bytes.
    QNetworkReply *reply = method == "HEAD" ? m_nam.head(request) : m_nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(30000);
    loop.exec();

    ApiResponse r;
    if (!reply->isFinished()) {
        reply->abort();
        reply->deleteLater();
        r.violations << QStringLiteral("no answer to %1 %2").arg(QString::fromLatin1(method), path);
        return r;
    }
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.raw = reply->readAll();
    for (const auto &h : reply->rawHeaderPairs())
        r.headers.insert(h.first.toLower(), h.second);
    reply->deleteLater();
    const bool octets = r.headers.value("content-type") == "application/octet-stream"
        || r.headers.value("content-type").startsWith("text/plain");
    if (!r.raw.isEmpty() && !octets) {
        QJsonParseError err {};
        const QJsonDocument doc = QJsonDocument::fromJson(r.raw, &err);
        if (err.error != QJsonParseError::NoError)
            r.violations << QStringLiteral("body is not JSON: ") + QString::fromUtf8(r.raw.left(200));
        else
            r.json = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }

    // Against the file.
    const QString where = QStringLiteral("%1 %2 → %3").arg(QString::fromLatin1(method), path).arg(r.status);
    const QString tmpl = templateOf(url.path());
    const QJsonObject operation = m_spec.value(QLatin1String("paths"))
                                      .toObject()
                                      .value(tmpl)
                                      .toObject()
                                      .value(QString::fromLatin1(method).toLower())
                                      .toObject();
    QJsonObject schema;
    bool expectBody = true;
    if (tmpl.isEmpty() || operation.isEmpty()) {
        // Not in the file: the server must not serve it.
        if (r.status != (tmpl.isEmpty() ? 404 : 405))
            r.violations << where + QStringLiteral(": a route the OpenAPI file does not describe was answered");
        schema = QJsonObject {{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Error")}};
    } else {
        const QJsonObject responses = operation.value(QLatin1String("responses")).toObject();
        const QString key = QString::number(r.status);
        if (!responses.contains(key)) {
            r.violations << where + QStringLiteral(": status not listed in the OpenAPI file");
        } else {
            // A shared answer (components/responses) by its $ref.
            QJsonObject content = resolve(responses.value(key).toObject()).value(QLatin1String("content")).toObject();
            expectBody = !content.isEmpty();
            if (content.contains(QLatin1String("application/octet-stream"))) {
                // Bytes (blobs): the Content-Type must say so; there is no JSON to check.
                if (!octets)
                    r.violations << where + QStringLiteral(": Content-Type is not application/octet-stream");
                expectBody = false;
                content = QJsonObject();
            } else if (content.contains(QLatin1String("text/plain"))) {
                // Text (the Prometheus metrics): the Content-Type must say so.
                if (!r.headers.value("content-type").startsWith("text/plain"))
                    r.violations << where + QStringLiteral(": Content-Type is not text/plain");
                expectBody = false;
                content = QJsonObject();
            }
            schema =
                content.value(QLatin1String("application/json")).toObject().value(QLatin1String("schema")).toObject();
            if (expectBody && content.value(QLatin1String("application/json")).isUndefined())
                r.violations << where + QStringLiteral(": the file's response is not application/json");
        }
        if (r.status >= 200 && r.status < 400)
            m_succeeded.insert(QString::fromLatin1(method) + QLatin1Char(' ') + tmpl);
    }
    if (!expectBody && !r.raw.isEmpty() && !octets)
        r.violations << where + QStringLiteral(": a body where the file has none");
    if (expectBody) {
        if (r.json.isUndefined())
            r.violations << where + QStringLiteral(": no JSON body");
        else if (!schema.isEmpty())
            r.violations << validate(r.json, schema, where);
        if (r.headers.value("content-type") != "application/json")
            r.violations << where + QStringLiteral(": Content-Type is ")
                    + QString::fromLatin1(r.headers.value("content-type"));
    }
    return r;
}
