#include "localapi/LocalApiResponder.h"

#include "localapi/HttpConnection.h"

#include <QMetaObject>

using LocalApiDetail::ResponderState;

ResponderState::ResponderState(HttpConnection *connection, quint64 sequence)
    : m_connection(connection)
    , m_sequence(sequence)
{
}

ResponderState::~ResponderState()
{
    send(LocalApiResponse::error(500, QStringLiteral("the request handler did not answer")));
}

void ResponderState::send(const LocalApiResponse &response)
{
    QMutexLocker lock(&m_mutex);
    if (m_sent || !m_connection)
        return;
    m_sent = true;
    // Always queued, even on the server thread: the connection is never re-entered from
    // inside a handler, and the posted call is dropped if the connection dies first.
    HttpConnection *connection = m_connection;
    const quint64 sequence = m_sequence;
    QMetaObject::invokeMethod(
        connection, [connection, sequence, response] { connection->deliver(sequence, response); },
        Qt::QueuedConnection);
}

void ResponderState::detach()
{
    QMutexLocker lock(&m_mutex);
    m_connection = nullptr;
}

bool ResponderState::isDetached() const
{
    QMutexLocker lock(&m_mutex);
    return m_connection == nullptr;
}

void LocalApiResponder::send(const LocalApiResponse &response) const
{
    if (m_state)
        m_state->send(response);
}

bool LocalApiResponder::isCancelled() const
{
    return !m_state || m_state->isDetached();
}
