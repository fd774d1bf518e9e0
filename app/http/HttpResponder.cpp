#include "http/HttpResponder.h"

#include "http/HttpConnection.h"

#include <QMetaObject>

using HttpDetail::ResponderState;

ResponderState::ResponderState(HttpConnection *connection, quint64 sequence)
    : m_connection(connection)
    , m_sequence(sequence)
{
}

ResponderState::~ResponderState()
{
    post(std::nullopt);
}

void ResponderState::send(const HttpResponse &response)
{
    post(response);
}

void ResponderState::post(std::optional<HttpResponse> response)
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
        connection,
        [connection, sequence, response = std::move(response)] {
            if (response)
                connection->deliver(sequence, *response);
            else
                connection->deliverDropped(sequence);
        },
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

void HttpResponder::send(const HttpResponse &response) const
{
    if (m_state)
        m_state->send(response);
}

bool HttpResponder::isCancelled() const
{
    return !m_state || m_state->isDetached();
}
