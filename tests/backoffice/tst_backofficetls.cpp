// HTTPS: onewindow-backoffice --tls-cert/--tls-key with a self-signed certificate made by the
// openssl CLI; QNetworkAccessManager trusting exactly that certificate gets /health, plain HTTP to
// the same port and a client that does not trust it get nothing; nmap's ssl-enum-ciphers finds
// TLS 1.2 and 1.3 with ECDHE key exchange and AEAD ciphers only.
#include "ApiClient.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {

struct Fetched
{
    bool finished = false;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int status = 0;
    QByteArray body;
};

Fetched fetch(QNetworkAccessManager &nam, const QNetworkRequest &request)
{
    QNetworkReply *reply = nam.get(request);
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(15000);
    loop.exec();
    Fetched f;
    f.finished = reply->isFinished();
    if (!f.finished)
        reply->abort();
    f.error = reply->error();
    f.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    f.body = reply->readAll();
    reply->deleteLater();
    return f;
}

} // namespace

class TestBackOfficeTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void healthOverHttps();
    void plainHttpToTheTlsPortFails();
    void untrustedClientFails();
    void offersOnlyEcdheAeadSuites();
    void badTlsOptionsStopTheServer();
    void cleanupTestCase();

private:
    QUrl url(const QString &scheme) const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2/health").arg(scheme).arg(m_server.port()));
    }

    QTemporaryDir m_dir;
    QString m_cert;
    QString m_key;
    BackOfficeProcess m_server;
};

void TestBackOfficeTls::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    QVERIFY2(!openssl.isEmpty(), "the openssl CLI is needed (./ow setup installs it)");
    m_cert = m_dir.filePath(QStringLiteral("cert.pem"));
    m_key = m_dir.filePath(QStringLiteral("key.pem"));
    QProcess p;
    p.start(openssl,
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
            QStringLiteral("-nodes"), QStringLiteral("-keyout"), m_key, QStringLiteral("-out"), m_cert,
            QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
            QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QVERIFY(m_server.start(m_dir.filePath(QStringLiteral("data")), 0,
        {QStringLiteral("--tls-cert"), m_cert, QStringLiteral("--tls-key"), m_key}));
}

void TestBackOfficeTls::healthOverHttps()
{
    QFile f(m_cert);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QSslCertificate> trusted = QSslCertificate::fromData(f.readAll(), QSsl::Pem);
    QCOMPARE(trusted.size(), 1);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(trusted);
    QNetworkRequest request(url(QStringLiteral("https")));
    request.setSslConfiguration(tls);
    QNetworkAccessManager nam;
    const Fetched r = fetch(nam, request);
    QVERIFY(r.finished);
    QCOMPARE(r.error, QNetworkReply::NoError);
    QCOMPARE(r.status, 200);
    QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    // Keep-alive over TLS: a second request on the same manager.
    const Fetched again = fetch(nam, request);
    QCOMPARE(again.status, 200);
}

void TestBackOfficeTls::plainHttpToTheTlsPortFails()
{
    QNetworkAccessManager nam;
    const Fetched r = fetch(nam, QNetworkRequest(url(QStringLiteral("http"))));
    QVERIFY(r.finished);
    QVERIFY(r.error != QNetworkReply::NoError);
    QCOMPARE(r.status, 0);
}

void TestBackOfficeTls::untrustedClientFails()
{
    QNetworkAccessManager nam;
    const Fetched r = fetch(nam, QNetworkRequest(url(QStringLiteral("https"))));
    QVERIFY(r.finished);
    QCOMPARE(r.error, QNetworkReply::SslHandshakeFailedError);
}

void TestBackOfficeTls::offersOnlyEcdheAeadSuites()
{
    // What a security reviewer's probe sees: nmap's ssl-enum-ciphers lists every protocol and
    // suite the server accepts.
    const QString nmap = QStandardPaths::findExecutable(QStringLiteral("nmap"));
    if (nmap.isEmpty())
        QFAIL("nmap is not installed: run ./ow setup (it installs nmap)");
    QProcess p;
    p.start(nmap,
        {QStringLiteral("-Pn"), QStringLiteral("--script"), QStringLiteral("ssl-enum-ciphers"), QStringLiteral("-p"),
            QString::number(m_server.port()), QStringLiteral("127.0.0.1")});
    QVERIFY(p.waitForFinished(120000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(p.exitCode() == 0, qPrintable(out + QString::fromUtf8(p.readAllStandardError())));
    QVERIFY2(out.contains(QLatin1String("ssl-enum-ciphers")), qPrintable(out));
    QStringList protocols;
    QStringList suites;
    const QRegularExpression protocol(QStringLiteral("^\\|\\s+(SSLv\\d|TLSv1\\.\\d):"));
    const QRegularExpression suite(QStringLiteral("^\\|\\s+(TLS_\\w+)"));
    for (const QString &line : out.split(QLatin1Char('\n'))) {
        if (const auto m = protocol.match(line); m.hasMatch())
            protocols.append(m.captured(1));
        else if (const auto c = suite.match(line); c.hasMatch())
            suites.append(c.captured(1));
    }
    qInfo("nmap ssl-enum-ciphers: %s: %s", qPrintable(protocols.join(QLatin1Char(' '))),
        qPrintable(suites.join(QLatin1Char(' '))));
    QCOMPARE(protocols, (QStringList {QStringLiteral("TLSv1.2"), QStringLiteral("TLSv1.3")}));
    QVERIFY(!suites.isEmpty());
    // TLS 1.3 suites (TLS_AKE_…: always ECDHE and AEAD) or TLS 1.2 ECDHE with GCM or ChaCha20-Poly1305.
    const QRegularExpression good(QStringLiteral(
        "^(TLS_AKE_WITH_\\w+|TLS_ECDHE_(RSA|ECDSA)_WITH_(AES_(128|256)_GCM_SHA(256|384)|CHACHA20_POLY1305_SHA256))$"));
    for (const QString &name : std::as_const(suites))
        QVERIFY2(good.match(name).hasMatch(), qPrintable(name));
}

void TestBackOfficeTls::badTlsOptionsStopTheServer()
{
    const QString data = m_dir.filePath(QStringLiteral("other"));
    QProcess p;
    p.start(QStringLiteral(OW_BACKOFFICE),
        {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--data-dir"), data,
            QStringLiteral("--tls-cert"), m_cert});
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 2);
    p.start(QStringLiteral(OW_BACKOFFICE),
        {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--data-dir"), data,
            QStringLiteral("--tls-cert"), m_key, QStringLiteral("--tls-key"), m_cert});
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 1);
    QVERIFY(!p.readAllStandardError().isEmpty());
}

void TestBackOfficeTls::cleanupTestCase()
{
    m_server.stop();
}

QTEST_GUILESS_MAIN(TestBackOfficeTls)
#include "tst_backofficetls.moc"
