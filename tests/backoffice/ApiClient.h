#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// The database the test servers use. Unset OW_TEST_DB: SQLite in each data folder. Set (ctest's
// `…_pg` tests): a postgresql:// URL of a cluster, or a file holding one (tests/support/
// pg-cluster.sh writes it); each data folder then gets its own fresh database on that cluster, so
// every test that passes a data folder to BackOfficeProcess / runAdmin runs on PostgreSQL as is.
bool testOnPostgres();
// "" (SQLite) or the postgresql:// URL of the database that stands for `dataDir` (created on
// first use).
QString testDatabaseFor(const QString &dataDir);
// Opens the database of `dataDir` directly (SQLite file or PostgreSQL) as `connection`.
QSqlDatabase openTestDatabase(const QString &dataDir, const QString &connection);
// Arguments after `--data-dir dataDir` that select the database ("--db URL" or nothing).
QStringList databaseArguments(const QString &dataDir);

// A running onewindow-backoffice on loopback, started with --port 0.
class BackOfficeProcess
{
public:
    ~BackOfficeProcess();
    // Starts the server on dataDir; `clockShift` seconds move its clock (OW_BACKOFFICE_CLOCK_SHIFT).
    bool start(const QString &dataDir, qint64 clockShift = 0, const QStringList &extra = {});
    void stop();
    // SIGKILL: no shutdown code runs (a crash or power cut, as far as the data dir can tell).
    void kill();
    qint64 pid() const { return m_process.processId(); }
    quint16 port() const { return m_port; }
    QString stderrText();

private:
    QProcess m_process;
    quint16 m_port = 0;
    QString m_err;
};

struct AdminRun
{
    int exitCode = -1;
    QString out;
    QString err;
};
// Runs `onewindow-backoffice admin <args> --data-dir dataDir`, with `input` on stdin.
AdminRun runAdmin(const QString &dataDir, const QStringList &args, const QByteArray &input = {}, qint64 clockShift = 0);
// The enrolment code in add-window / new-code output ("" if none).
QString enrolmentCodeIn(const QString &adminOut);

// A response, checked against the OpenAPI file when it was received.
struct ApiResponse
{
    int status = 0;
    QByteArray raw;
    QJsonValue json; // Undefined when there was no body
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QStringList violations; // where the answer departs from the OpenAPI file
    QJsonObject object() const { return json.toObject(); }
};

// Sends requests to the server and checks each answer against the OpenAPI 3.0 file: the status
// must be one the operation lists (or, for a path or method the file does not have, 404/405), and
// the body must match the status's schema (a subset of JSON Schema: $ref, type, nullable,
// required, properties, additionalProperties, items, enum).
class ApiClient
{
public:
    explicit ApiClient(QJsonObject spec);
    void setPort(quint16 port) { m_port = port; }

    ApiResponse call(const QByteArray &method, const QString &path, const QJsonValue &body = QJsonValue::Undefined,
        const QList<QPair<QByteArray, QByteArray>> &headers = {});
    ApiResponse callRaw(const QByteArray &method, const QString &path, const QByteArray &body,
        const QList<QPair<QByteArray, QByteArray>> &headers = {});

    // "METHOD /template" of every operation in the file.
    QSet<QString> operations() const;
    // The operations that got at least one 2xx or 3xx answer so far.
    const QSet<QString> &succeeded() const { return m_succeeded; }
    // The JSON-schema-subset check itself (errors, empty when valid).
    QStringList validate(const QJsonValue &value, const QJsonObject &schema, const QString &where) const;
    // The template of `path` among the file's paths ("" if none).
    QString templateOf(const QString &path) const;

private:
    QJsonObject resolve(const QJsonObject &schema) const;

    QJsonObject m_spec;
    QNetworkAccessManager m_nam;
    quint16 m_port = 0;
    QSet<QString> m_succeeded;
};
