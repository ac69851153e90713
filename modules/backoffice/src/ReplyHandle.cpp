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
    if (isOpen())
        m_connection->sendDeferred(m_serial, reply);
}

} // namespace ow::backoffice
