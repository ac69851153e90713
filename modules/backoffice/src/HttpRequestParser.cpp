#include "onewindow/backoffice/HttpRequestParser.h"

#include <cstring>

namespace ow::backoffice {

namespace {

// RFC 9110 token characters (methods and header names).
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != '\0';
}

bool isToken(const QByteArray &s)
{
    if (s.isEmpty())
        return false;
    for (char c : s) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Header values: visible ASCII, obs-text, space and tab; no other control bytes.
bool isFieldValue(const QByteArray &s)
{
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

// The request target: origin form ("/…") or "*" (OPTIONS); visible ASCII only.
bool isTarget(const QByteArray &s)
{
    if (s.isEmpty() || (s.at(0) != '/' && s != "*"))
        return false;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f)
            return false;
    }
    return true;
}

} // namespace

void HttpRequestParser::reset()
{
    *this = HttpRequestParser();
}

void HttpRequestParser::fail(int status, const QString &message)
{
    m_state = State::Failed;
    m_errorStatus = status;
    m_errorMessage = message;
    m_headBuffer.clear();
}

QByteArray HttpRequestParser::header(const QByteArray &name) const
{
    for (const auto &h : m_headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return QByteArray();
}

bool HttpRequestParser::hasHeader(const QByteArray &name) const
{
    for (const auto &h : m_headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool HttpRequestParser::keepAlive() const
{
    const QList<QByteArray> tokens = header(QByteArrayLiteral("Connection")).toLower().split(',');
    bool close = false;
    bool keep = false;
    for (const QByteArray &t : tokens) {
        close = close || t.trimmed() == "close";
        keep = keep || t.trimmed() == "keep-alive";
    }
    if (m_version == "HTTP/1.0")
        return keep && !close;
    return !close;
}

bool HttpRequestParser::expectsContinue() const
{
    return header(QByteArrayLiteral("Expect")).trimmed().compare(QByteArrayLiteral("100-continue"), Qt::CaseInsensitive)
        == 0;
}

QByteArray HttpRequestParser::takeBody()
{
    QByteArray out;
    out.swap(m_body);
    return out;
}

qsizetype HttpRequestParser::feed(const char *data, qsizetype size)
{
    qsizetype used = 0;
    if (m_state == State::Head) {
        // Empty lines before a request line are ignored (RFC 9112 §2.2).
        while (m_headBuffer.isEmpty() && used < size && (data[used] == '\r' || data[used] == '\n')) {
            ++used;
            ++m_headBytes;
            if (m_headBytes > kMaxHeadBytes) {
                fail(431, QStringLiteral("The request line and headers are at most %1 bytes.").arg(kMaxHeadBytes));
                return used;
            }
        }
        while (used < size) {
            const char c = data[used++];
            ++m_headBytes;
            m_headBuffer.append(c);
            if (m_headBytes > kMaxHeadBytes) {
                fail(431, QStringLiteral("The request line and headers are at most %1 bytes.").arg(kMaxHeadBytes));
                return used;
            }
            if (c == '\n' && (m_headBuffer.endsWith("\r\n\r\n") || m_headBuffer.endsWith("\n\n"))) {
                const QByteArray head = m_headBuffer;
                m_headBuffer.clear();
                if (!parseHead(head))
                    return used;
                m_state = m_contentLength > 0 ? State::Body : State::Complete;
                break;
            }
        }
    }
    if (m_state == State::Body && used < size) {
        const qint64 want = m_contentLength - m_bodyReceived;
        const qsizetype take = qsizetype(qMin<qint64>(want, size - used));
        m_body.append(data + used, take);
        m_bodyReceived += take;
        used += take;
        if (m_bodyReceived == m_contentLength)
            m_state = State::Complete;
    }
    return used;
}

bool HttpRequestParser::parseHead(const QByteArray &head)
{
    QList<QByteArray> lines = head.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    while (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    if (lines.isEmpty()) {
        fail(400, QStringLiteral("The request has no request line."));
        return false;
    }
    const QList<QByteArray> parts = lines.at(0).split(' ');
    if (parts.size() != 3 || !isToken(parts.at(0)) || !isTarget(parts.at(1))) {
        fail(400, QStringLiteral("The request line is not \"METHOD /target HTTP/1.1\"."));
        return false;
    }
    m_method = parts.at(0);
    m_target = parts.at(1);
    m_version = parts.at(2);
    if (m_version != "HTTP/1.1" && m_version != "HTTP/1.0") {
        if (m_version.startsWith("HTTP/") && m_version.size() == 8 && m_version.at(6) == '.')
            fail(505, QStringLiteral("Only HTTP/1.1 and HTTP/1.0 are served."));
        else
            fail(400, QStringLiteral("The request line is not \"METHOD /target HTTP/1.1\"."));
        return false;
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.isEmpty() || line.at(0) == ' ' || line.at(0) == '\t') {
            fail(400, QStringLiteral("Header line %1 is folded or empty (obsolete line folding is refused).").arg(i));
            return false;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.left(colon))) {
            fail(400, QStringLiteral("Header line %1 is not \"Name: value\".").arg(i));
            return false;
        }
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (!isFieldValue(value)) {
            fail(400, QStringLiteral("Header line %1 has control characters in its value.").arg(i));
            return false;
        }
        if (m_headers.size() >= kMaxHeaders) {
            fail(431, QStringLiteral("A request has at most %1 headers.").arg(kMaxHeaders));
            return false;
        }
        m_headers.append({line.left(colon), value});
    }
    if (m_version == "HTTP/1.1" && !hasHeader(QByteArrayLiteral("Host"))) {
        fail(400, QStringLiteral("An HTTP/1.1 request needs a Host header."));
        return false;
    }
    if (hasHeader(QByteArrayLiteral("Transfer-Encoding"))) {
        const QByteArray te = header(QByteArrayLiteral("Transfer-Encoding")).trimmed().toLower();
        if (te.endsWith("chunked"))
            fail(411, QStringLiteral("Chunked request bodies are not accepted; send Content-Length."));
        else
            fail(501, QStringLiteral("Transfer-Encoding \"%1\" is not implemented.").arg(QString::fromLatin1(te)));
        return false;
    }
    QByteArray length;
    int lengthHeaders = 0;
    for (const auto &h : m_headers) {
        if (h.first.compare(QByteArrayLiteral("Content-Length"), Qt::CaseInsensitive) == 0) {
            if (lengthHeaders++ > 0 && h.second != length) {
                fail(400, QStringLiteral("The request has conflicting Content-Length headers."));
                return false;
            }
            length = h.second;
        }
    }
    if (lengthHeaders > 0) {
        bool digits = !length.isEmpty() && length.size() <= 18;
        for (char c : length)
            digits = digits && c >= '0' && c <= '9';
        if (!digits) {
            fail(400, QStringLiteral("Content-Length is not a decimal number of bytes."));
            return false;
        }
        m_contentLength = length.toLongLong();
    }
    return true;
}

} // namespace ow::backoffice
