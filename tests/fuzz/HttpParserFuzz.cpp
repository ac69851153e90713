#include "HttpParserFuzz.h"

#include "onewindow/backoffice/HttpRequestParser.h"

#include <cstdlib>

using ow::backoffice::HttpRequestParser;

namespace {

struct Parsed
{
    HttpRequestParser::State state;
    int status = 0;
    QByteArray method, target, body;
    QList<QPair<QByteArray, QByteArray>> headers;
    qsizetype used = 0;
};

void check(bool ok)
{
    if (!ok)
        std::abort();
}

Parsed parse(const char *data, qsizetype size, qsizetype step)
{
    HttpRequestParser p;
    Parsed out;
    while (out.used < size && p.state() != HttpRequestParser::State::Complete
        && p.state() != HttpRequestParser::State::Failed) {
        const qsizetype n = qMin(step, size - out.used);
        const qsizetype took = p.feed(data + out.used, n);
        check(took >= 0 && took <= n);
        out.used += took;
        out.body += p.takeBody();
        if (took < n)
            break;
    }
    out.state = p.state();
    out.status = p.errorStatus();
    out.method = p.method();
    out.target = p.target();
    out.headers = p.headers();
    if (p.state() == HttpRequestParser::State::Failed) {
        check(!p.errorMessage().isEmpty());
        check(p.errorStatus() == 400 || p.errorStatus() == 411 || p.errorStatus() == 431 || p.errorStatus() == 501
            || p.errorStatus() == 505);
    }
    if (p.state() == HttpRequestParser::State::Complete) {
        check(out.body.size() == p.contentLength());
        check(!out.method.isEmpty() && !out.target.isEmpty());
        check(p.version() == "HTTP/1.1" || p.version() == "HTTP/1.0");
    }
    check(p.headers().size() <= HttpRequestParser::kMaxHeaders);
    return out;
}

} // namespace

int owFuzzHttpRequest(const uint8_t *data, size_t size)
{
    const char *bytes = reinterpret_cast<const char *>(data);
    qsizetype left = qsizetype(size);
    const qsizetype step = size == 0 ? 1 : qsizetype(data[0] % 16) + 1;
    for (int request = 0; request < 4 && left > 0; ++request) {
        const Parsed whole = parse(bytes, left, left);
        const Parsed pieces = parse(bytes, left, step);
        check(whole.state == pieces.state);
        check(whole.status == pieces.status);
        check(whole.method == pieces.method && whole.target == pieces.target);
        check(whole.headers == pieces.headers && whole.body == pieces.body);
        if (whole.state == HttpRequestParser::State::Complete)
            check(whole.used == pieces.used);
        if (whole.state != HttpRequestParser::State::Complete || whole.used == 0)
            break;
        bytes += whole.used;
        left -= whole.used;
    }
    return 0;
}
