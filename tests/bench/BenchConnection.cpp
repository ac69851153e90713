#include "BenchConnection.h"

#include <QHostAddress>
#include <QTcpSocket>

#include <utility>

BenchConnection::BenchConnection(quint16 port, QObject *parent)
    : QObject(parent)
    , m_port(port)
{ }

BenchConnection::~BenchConnection() = default;

bool BenchConnection::ensureConnected()
{
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        return true;
    if (m_socket)
        m_socket.release()->deleteLater(); // it may be the one whose signal runs now
    m_in.clear();
    m_socket = std::make_unique<QTcpSocket>();
    m_socket->connectToHost(QHostAddress::LocalHost, m_port);
    if (!m_socket->waitForConnected(5000))
        return false;
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    QTcpSocket *socket = m_socket.get();
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
        if (m_socket.get() == socket)
            readAnswers();
    });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
        if (m_socket.get() == socket && m_answer)
            finish(0, QByteArray()); // the request in flight is lost
    });
    return true;
}

void BenchConnection::send(
    const QByteArray &method, const QByteArray &path, const QByteArray &token, const QByteArray &body, Answer answer)
{
    m_answer = std::move(answer);
    if (!ensureConnected()) {
        QMetaObject::invokeMethod(
            this, [this] { finish(0, QByteArray()); }, Qt::QueuedConnection);
        return;
    }
    QByteArray request = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
        request += "Authorization: Bearer " + token + "\r\n";
    if (!body.isEmpty())
        request += "Content-Type: application/json\r\n";
    request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    m_socket->write(request);
}

void BenchConnection::readAnswers()
{
    m_in += m_socket->readAll();
    const qsizetype end = m_in.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QByteArray header = m_in.left(end);
    qint64 length = 0;
    bool close = false;
    for (const QByteArray &line : header.split('\n')) {
        const QByteArray lower = line.trimmed().toLower();
        if (lower.startsWith("content-length:"))
            length = lower.mid(15).trimmed().toLongLong();
        else if (lower.startsWith("connection:") && lower.contains("close"))
            close = true;
    }
    if (m_in.size() < end + 4 + length)
        return;
    const int status = header.mid(9, 3).toInt(); // "HTTP/1.1 200 OK"
    const QByteArray body = m_in.mid(end + 4, length);
    m_in.remove(0, end + 4 + length);
    const Answer answer = std::exchange(m_answer, nullptr);
    if (close)
        m_socket->disconnectFromHost();
    if (answer)
        answer(status, body);
}

void BenchConnection::finish(int status, const QByteArray &body)
{
    if (!m_answer)
        return;
    const Answer answer = std::exchange(m_answer, nullptr);
    answer(status, body);
}
