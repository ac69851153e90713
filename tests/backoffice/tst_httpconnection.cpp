// HttpConnection in-process with a test HttpService: answering later through ReplyHandle (and a
// safe no-op once the client is gone), pipelined requests answered in order, the body limit from
// Content-Length before reading, streaming to a sink (finished / aborted), the header deadline.
#include "onewindow/backoffice/HttpConnection.h"

#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace ow::backoffice;

namespace {

class CountingSink : public HttpBodySink
{
public:
    bool write(const QByteArray &bytes) override
    {
        received += bytes.size();
        return true;
    }
    void finished() override { ++finishedCalls; }
    void aborted() override { ++abortedCalls; }
    qint64 received = 0;
    int finishedCalls = 0;
    int abortedCalls = 0;
};

class TestService : public HttpService
{
public:
    BodyPlan planBody(const HttpRequestParser &head, const QHostAddress &, const ReplyHandle &handle) override
    {
        if (head.target() == "/plan-later") {
            planning = handle;
            ++plansAsked;
            return BodyPlan::decideLater();
        }
        BodyPlan plan;
        plan.maxBytes = head.target() == "/small" ? 10 : 1024 * 1024;
        if (head.target() == "/sink") {
            sink = std::make_shared<CountingSink>();
            plan.sink = sink;
            plan.maxBytes = 1LL << 40;
        }
        if (head.target() == "/refuse")
            plan.refuse = ApiReply::error(403, QStringLiteral("forbidden"), QStringLiteral("no"));
        return plan;
    }
    ApiReply serve(const HttpRequestParser &head, const QByteArray &body, const std::shared_ptr<HttpBodySink> &,
        const QHostAddress &, const ReplyHandle &handle) override
    {
        ++served;
        if (head.target() == "/probe")
            probeAfter = served - 1;
        if (head.target() == "/later") {
            later = handle;
            return ApiReply::later();
        }
        return ApiReply::json(200,
            QJsonObject {{QStringLiteral("target"), QString::fromLatin1(head.target())},
                {QStringLiteral("bytes"), body.size()}});
    }
    std::shared_ptr<CountingSink> sink;
    ReplyHandle later;
    ReplyHandle planning; // a /plan-later request's, until the test gives its plan
    int served = 0;
    int plansAsked = 0;
    int probeAfter = -1; // requests served before /probe
};

} // namespace

class TestHttpConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_service = std::make_unique<TestService>();
        m_server = std::make_unique<QTcpServer>();
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
        connect(m_server.get(), &QTcpServer::newConnection, m_server.get(), [this] {
            while (QTcpSocket *s = m_server->nextPendingConnection())
                new HttpConnection(s, m_service.get(), m_limits, m_server.get());
        });
        m_client = std::make_unique<QTcpSocket>();
        m_client->connectToHost(QHostAddress::LocalHost, m_server->serverPort());
        QVERIFY(m_client->waitForConnected(5000));
        m_in.clear();
    }
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
        m_service.reset();
        m_limits = HttpLimits();
    }

    void answersLaterThroughTheHandle()
    {
        m_client->write("GET /later HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(m_service->served, 1, 5000);
        QVERIFY(m_service->later.isOpen());
        QTest::qWait(100);
        QVERIFY(readAll().isEmpty()); // nothing sent yet
        const ReplyHandle copy = m_service->later;
        copy.send(ApiReply::json(200, QJsonObject {{QStringLiteral("events"), 1}}));
        QTRY_VERIFY_WITH_TIMEOUT((readAll(), m_in.contains("{\"events\":1}")), 5000);
        QVERIFY(m_in.startsWith("HTTP/1.1 200 OK\r\n"));
        QVERIFY(!m_service->later.isOpen());
        m_service->later.send(ApiReply::json(200, QJsonObject {{QStringLiteral("events"), 2}})); // no-op
        QTest::qWait(100);
        QVERIFY(!readAll().contains("\"events\":2"));
    }

    void handleIsClosedWhenTheClientGoes()
    {
        m_client->write("GET /later HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(m_service->served, 1, 5000);
        QVERIFY(m_service->later.isOpen());
        m_client->abort();
        QTRY_VERIFY_WITH_TIMEOUT(!m_service->later.isOpen(), 5000);
        m_service->later.send(ApiReply::empty(204)); // the connection is gone: nothing happens
    }

    void pipelinedThousandsDoNotHoldAnotherConnection()
    {
        // 10,000 requests pipelined on one connection, then one on a second connection: the
        // second is served after a few of the first's, not after all that had arrived.
        constexpr int kPipelined = 10000;
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_server->serverPort());
        QVERIFY(probe.waitForConnected(5000));
        QTRY_COMPARE_WITH_TIMEOUT(m_server->findChildren<HttpConnection *>().size(), 2, 5000);
        QByteArray many;
        for (int i = 0; i < kPipelined; ++i)
            many += "GET /n HTTP/1.1\r\nHost: x\r\n\r\n";
        m_client->write(many);
        QVERIFY(m_client->waitForBytesWritten(5000));
        probe.write("GET /probe HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(probe.waitForBytesWritten(5000));
        QByteArray probeIn;
        QTRY_VERIFY_WITH_TIMEOUT((probeIn += probe.readAll(), probeIn.contains("\"target\":\"/probe\"")), 10000);
        qInfo("the probe was served after %d of %d pipelined requests", m_service->probeAfter, kPipelined);
        QVERIFY2(m_service->probeAfter < 200, qPrintable(QString::number(m_service->probeAfter)));
        // The pipelined requests are all answered, in order.
        QTRY_COMPARE_WITH_TIMEOUT(m_service->served, kPipelined + 1, 30000);
        QTRY_COMPARE_WITH_TIMEOUT((readAll(), int(m_in.count("\"target\":\"/n\""))), kPipelined, 30000);
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        m_client->write(
            "GET /later HTTP/1.1\r\nHost: x\r\n\r\nPOST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");
        QTRY_COMPARE_WITH_TIMEOUT(m_service->served, 1, 5000);
        QTest::qWait(100);
        QCOMPARE(m_service->served, 1); // the second waits for the first's answer
        m_service->later.send(ApiReply::json(200, QJsonObject {{QStringLiteral("first"), true}}));
        QTRY_VERIFY_WITH_TIMEOUT((readAll(), m_in.contains("\"bytes\":3")), 5000);
        QVERIFY(m_in.indexOf("\"first\":true") < m_in.indexOf("\"bytes\":3"));
    }

    void bodyLimitIsCheckedBeforeReading()
    {
        m_client->write("POST /small HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT((readAll(), m_in.contains("body-too-large")), 5000);
        QVERIFY(m_in.startsWith("HTTP/1.1 413 "));
        QVERIFY(m_in.contains("Connection: close\r\n"));
        QCOMPARE(m_service->served, 0);
    }

    void refusalAtHeadTimeClosesWhenABodyFollows()
    {
        m_client->write("PUT /refuse HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT((readAll(), m_in.contains("forbidden")), 5000);
        QVERIFY(m_in.startsWith("HTTP/1.1 403 "));
        QVERIFY(m_in.contains("Connection: close\r\n"));
        QTRY_VERIFY_WITH_TIMEOUT(m_client->state() == QAbstractSocket::UnconnectedState, 5000);
    }

    void bodiesStreamToTheSink()
    {
        const QByteArray head("PATCH /sink HTTP/1.1\r\nHost: x\r\nContent-Length: 300000\r\n\r\n");
        m_client->write(head + QByteArray(100000, 'a'));
        QTRY_VERIFY_WITH_TIMEOUT(m_service->sink && m_service->sink->received == 100000, 5000);
        QCOMPARE(m_service->sink->finishedCalls, 0);
        m_client->write(QByteArray(200000, 'b'));
        QTRY_COMPARE_WITH_TIMEOUT(m_service->served, 1, 5000);
        QCOMPARE(m_service->sink->received, 300000);
        QCOMPARE(m_service->sink->finishedCalls, 1);
        QCOMPARE(m_service->sink->abortedCalls, 0);
    }

    void planDecidedLaterTakesTheBodyThatWaited()
    {
        // The head and the whole body in one write: the plan is decided later (on a worker, in the
        // server); meanwhile nothing is served, then the body the parser took with the head and
        // the rest reach the sink, and the next pipelined request follows.
        const QByteArray head("PATCH /plan-later HTTP/1.1\r\nHost: x\r\nContent-Length: 200000\r\n\r\n");
        m_client->write(head + QByteArray(200000, 'p') + "GET /n HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(m_client->waitForBytesWritten(5000));
        QTRY_COMPARE_WITH_TIMEOUT(m_service->plansAsked, 1, 5000);
        QTest::qWait(100);
        QCOMPARE(m_service->served, 0);
        auto sink = std::make_shared<CountingSink>();
        m_service->planning.plan(std::nullopt, 1024 * 1024, sink);
        QTRY_COMPARE_WITH_TIMEOUT(m_service->served, 2, 5000);
        QCOMPARE(sink->received, 200000);
        QCOMPARE(sink->finishedCalls, 1);
        QTRY_VERIFY_WITH_TIMEOUT((readAll(), m_in.contains("\"target\":\"/n\"")), 5000);
        QVERIFY(m_in.indexOf("\"target\":\"/plan-later\"") < m_in.indexOf("\"target\":\"/n\""));
    }

    void planDecidedLaterCanRefuse()
    {
        m_client->write("POST /plan-later HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nabcde");
        QTRY_COMPARE_WITH_TIMEOUT(m_service->plansAsked, 1, 5000);
        m_service->planning.plan(ApiReply::error(401, QStringLiteral("unauthorized"), QStringLiteral("no")), 10, {});
        QTRY_VERIFY_WITH_TIMEOUT((readAll(), m_in.contains("unauthorized")), 5000);
        QVERIFY(m_in.startsWith("HTTP/1.1 401 "));
        QVERIFY(m_in.contains("Connection: close\r\n"));
        QCOMPARE(m_service->served, 0);
    }

    void droppedBodyAbortsTheSink()
    {
        m_client->write("PATCH /sink HTTP/1.1\r\nHost: x\r\nContent-Length: 300000\r\n\r\n" + QByteArray(1000, 'a'));
        QTRY_VERIFY_WITH_TIMEOUT(m_service->sink && m_service->sink->received == 1000, 5000);
        m_client->abort();
        QTRY_COMPARE_WITH_TIMEOUT(m_service->sink->abortedCalls, 1, 5000);
        QCOMPARE(m_service->sink->finishedCalls, 0);
        QCOMPARE(m_service->served, 0);
    }

    void headerDeadlineAnswers408()
    {
        cleanup();
        m_limits.headerTimeoutMs = 300;
        init();
        m_client->write("GET /echo HTTP/1.1\r\nHost: x\r\n");
        QTRY_VERIFY_WITH_TIMEOUT((readAll(), m_in.contains("request-timeout")), 5000);
        QVERIFY(m_in.startsWith("HTTP/1.1 408 "));
        QCOMPARE(m_service->served, 0);
    }

    void keepAliveServesSeveralRequests()
    {
        for (int i = 0; i < 3; ++i) {
            m_in.clear();
            m_client->write("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n");
            QTRY_VERIFY_WITH_TIMEOUT((readAll(), m_in.contains("\"bytes\":0")), 5000);
            QVERIFY(!m_in.contains("Connection: close"));
        }
        QCOMPARE(m_service->served, 3);
    }

private:
    QByteArray readAll()
    {
        const QByteArray got = m_client->readAll();
        m_in += got;
        return got;
    }

    HttpLimits m_limits;
    std::unique_ptr<TestService> m_service;
    std::unique_ptr<QTcpServer> m_server;
    std::unique_ptr<QTcpSocket> m_client;
    QByteArray m_in;
};

QTEST_GUILESS_MAIN(TestHttpConnection)
#include "tst_httpconnection.moc"
