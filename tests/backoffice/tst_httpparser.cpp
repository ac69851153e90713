// HttpRequestParser: the back office's HTTP/1.1 request codec, fed whole and byte by byte.
#include "onewindow/backoffice/HttpRequestParser.h"

#include <QTest>

using ow::backoffice::HttpRequestParser;

namespace {

// Feeds everything, in pieces of `step` bytes; returns the bytes consumed.
qsizetype feedAll(HttpRequestParser &p, const QByteArray &bytes, qsizetype step)
{
    qsizetype used = 0;
    while (used < bytes.size() && p.state() != HttpRequestParser::State::Complete
        && p.state() != HttpRequestParser::State::Failed) {
        const qsizetype n = qMin(step, bytes.size() - used);
        const qsizetype took = p.feed(bytes.constData() + used, n);
        used += took;
        if (took < n)
            break;
    }
    return used;
}

} // namespace

class TestHttpParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("status"); // 0: complete request
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("keepAlive");

        QTest::newRow("get") << QByteArray("GET /health HTTP/1.1\r\nHost: x\r\n\r\n") << 0 << QByteArray("GET")
                             << QByteArray("/health") << QByteArray() << true;
        QTest::newRow("bare LF") << QByteArray("GET /a?b=c HTTP/1.1\nHost: x\n\n") << 0 << QByteArray("GET")
                                 << QByteArray("/a?b=c") << QByteArray() << true;
        QTest::newRow("leading CRLF") << QByteArray("\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n") << 0
                                      << QByteArray("GET") << QByteArray("/") << QByteArray() << true;
        QTest::newRow("post body") << QByteArray("POST /v1/x HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello")
                                   << 0 << QByteArray("POST") << QByteArray("/v1/x") << QByteArray("hello") << true;
        QTest::newRow("close") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") << 0
                               << QByteArray("GET") << QByteArray("/") << QByteArray() << false;
        QTest::newRow("http/1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n") << 0 << QByteArray("GET") << QByteArray("/")
                                  << QByteArray() << false;
        QTest::newRow("http/1.0 keep-alive") << QByteArray("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") << 0
                                             << QByteArray("GET") << QByteArray("/") << QByteArray() << true;
        QTest::newRow("options *") << QByteArray("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n") << 0 << QByteArray("OPTIONS")
                                   << QByteArray("*") << QByteArray() << true;
        QTest::newRow("same length twice")
            << QByteArray("PUT / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nab") << 0
            << QByteArray("PUT") << QByteArray("/") << QByteArray("ab") << true;

        const QByteArray none;
        QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
                                 << 411 << none << none << none << false;
        QTest::newRow("gzip te") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n") << 501
                                 << none << none << none << false;
        QTest::newRow("no host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400 << none << none << none << false;
        QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\nHost: x\r\n\r\n") << 400 << none << none << none
                                    << false;
        QTest::newRow("absolute target") << QByteArray("GET http://a/ HTTP/1.1\r\nHost: x\r\n\r\n") << 400 << none
                                         << none << none << false;
        QTest::newRow("http/2.0") << QByteArray("GET / HTTP/2.0\r\nHost: x\r\n\r\n") << 505 << none << none << none
                                  << false;
        QTest::newRow("garbage version") << QByteArray("GET / FTP\r\nHost: x\r\n\r\n") << 400 << none << none << none
                                         << false;
        QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1\r\nHost: x\r\n\r\n") << 400 << none << none << none
                                    << false;
        QTest::newRow("no colon") << QByteArray("GET / HTTP/1.1\r\nHost x\r\n\r\n") << 400 << none << none << none
                                  << false;
        QTest::newRow("space in name") << QByteArray("GET / HTTP/1.1\r\nHo st: x\r\n\r\n") << 400 << none << none
                                       << none << false;
        QTest::newRow("folded") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n y\r\n\r\n") << 400 << none << none << none
                                << false;
        QTest::newRow("control in value")
            << QByteArray("GET / HTTP/1.1\r\nHost: x\x01y\r\n\r\n") << 400 << none << none << none << false;
        QTest::newRow("negative length") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n")
                                         << 400 << none << none << none << false;
        QTest::newRow("hex length") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0x10\r\n\r\n") << 400
                                    << none << none << none << false;
        QTest::newRow("huge length") << QByteArray(
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 9999999999999999999999\r\n\r\n")
                                     << 400 << none << none << none << false;
        QTest::newRow("conflicting lengths")
            << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab") << 400
            << none << none << none << false;
        QTest::newRow("long header") << (QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX: ") + QByteArray(17000, 'a')) << 431
                                     << none << none << none << false;
        QTest::newRow("endless CRLF") << QByteArray(20000, '\n') << 431 << none << none << none << false;
        QByteArray many("GET / HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 150; ++i)
            many += "X" + QByteArray::number(i) + ": y\r\n";
        QTest::newRow("too many headers") << many + "\r\n" << 431 << none << none << none << false;
    }

    void parses()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, status);
        for (const qsizetype step : {qsizetype(1), qsizetype(7), wire.size()}) {
            HttpRequestParser p;
            feedAll(p, wire, qMax<qsizetype>(step, 1));
            if (status != 0) {
                QCOMPARE(p.state(), HttpRequestParser::State::Failed);
                QCOMPARE(p.errorStatus(), status);
                QVERIFY(!p.errorMessage().isEmpty());
                continue;
            }
            QFETCH(QByteArray, method);
            QFETCH(QByteArray, target);
            QFETCH(QByteArray, body);
            QFETCH(bool, keepAlive);
            QCOMPARE(p.state(), HttpRequestParser::State::Complete);
            QCOMPARE(p.method(), method);
            QCOMPARE(p.target(), target);
            QCOMPARE(p.takeBody(), body);
            QCOMPARE(p.keepAlive(), keepAlive);
        }
    }

    void stopsAtTheEndOfOneRequest()
    {
        const QByteArray two(
            "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabcGET /b HTTP/1.1\r\nHost: x\r\n\r\n");
        HttpRequestParser p;
        const qsizetype used = p.feed(two);
        QCOMPARE(p.state(), HttpRequestParser::State::Complete);
        QCOMPARE(p.takeBody(), QByteArray("abc"));
        p.reset();
        QCOMPARE(p.feed(two.mid(used)), two.size() - used);
        QCOMPARE(p.state(), HttpRequestParser::State::Complete);
        QCOMPARE(p.target(), QByteArray("/b"));
    }

    void handsOutTheBodyInPieces()
    {
        HttpRequestParser p;
        p.feed(QByteArray("PATCH /u HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nExpect: 100-continue\r\n\r\n12"));
        QCOMPARE(p.state(), HttpRequestParser::State::Body);
        QVERIFY(p.expectsContinue());
        QCOMPARE(p.contentLength(), 10);
        QCOMPARE(p.takeBody(), QByteArray("12"));
        p.feed(QByteArray("345"));
        QCOMPARE(p.takeBody(), QByteArray("345"));
        QCOMPARE(p.bodyReceived(), 5);
        QCOMPARE(p.feed(QByteArray("67890EXTRA")), 5);
        QCOMPARE(p.state(), HttpRequestParser::State::Complete);
        QCOMPARE(p.takeBody(), QByteArray("67890"));
        QCOMPARE(p.header("content-length"), QByteArray("10"));
    }

    void headersAreExactlyAtTheLimit()
    {
        QByteArray head("GET / HTTP/1.1\r\nHost: x\r\nX: ");
        const QByteArray end("\r\n\r\n");
        head += QByteArray(HttpRequestParser::kMaxHeadBytes - head.size() - end.size(), 'a') + end;
        QCOMPARE(head.size(), HttpRequestParser::kMaxHeadBytes);
        HttpRequestParser ok;
        ok.feed(head);
        QCOMPARE(ok.state(), HttpRequestParser::State::Complete);
        HttpRequestParser over;
        head.insert(20, 'b');
        over.feed(head);
        QCOMPARE(over.errorStatus(), 431);
    }
};

QTEST_APPLESS_MAIN(TestHttpParser)
#include "tst_httpparser.moc"
