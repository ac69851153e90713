#include "onewindow/backoffice/ReplyHandle.h"

#include "onewindow/backoffice/HttpConnection.h"

namespace ow::backoffice {

ReplyHandle::ReplyHandle(HttpConnection *connection, quint64 serial)
    : m_connection(connection)
    , m_serial(serial)
{ }

bool ReplyHandle::isOpen() const
{
    return m_connection && m_connection->isAwaiting(m_serial);
}

void ReplyHandle::send(const ApiReply &reply) const
{
    if (!isOpen())
        return;
    if (m_transform && reply.status == 200 && reply.body.isObject()) {
        ApiReply changed = reply;
        changed.body = m_transform(reply.body.toObject());
        m_connection->sendDeferred(m_serial, changed);
        return;
    }
    m_connection->sendDeferred(m_serial, reply);
}

void ReplyHandle::plan(const std::optional<ApiReply> &refuse, qint64 maxBytes, std::shared_ptr<HttpBodySink> sink) const
{
    if (m_connection)
        m_connection->resumePlan(m_serial, refuse, maxBytes, std::move(sink));
}

ReplyHandle ReplyHandle::transformed(Transform transform) const
{
    ReplyHandle copy = *this;
    copy.m_transform = std::move(transform);
    return copy;
}

} // namespace ow::backoffice
