#pragma once

#include "http/HttpResponse.h"

#include <QMutex>

#include <memory>
#include <optional>

class HttpConnection;

namespace HttpDetail {
// Shared between the copies of one responder and its connection (which only holds a weak
// reference and detaches when it closes or gives up waiting).
class ResponderState
{
public:
    ResponderState(HttpConnection *connection, quint64 sequence);
    ~ResponderState(); // never answered: the client gets a 500 instead of a hung request
    ResponderState(const ResponderState &) = delete;
    ResponderState &operator=(const ResponderState &) = delete;

    void send(const HttpResponse &response);
    void detach();
    bool isDetached() const;

private:
    // Queues the answer (none: the handler's 500) onto the connection's thread, once.
    void post(std::optional<HttpResponse> response);

    mutable QMutex m_mutex;
    HttpConnection *m_connection; // guarded by m_mutex; null once detached
    const quint64 m_sequence;
    bool m_sent = false;
};
} // namespace HttpDetail

// Answers one request later, e.g. when a forwarded upstream call finishes. Copyable and
// thread-safe: send() may be called from any thread; only the first call counts. Answers
// still go out in request order on a pipelined connection. If every copy is destroyed
// without an answer, the client gets a 500 (HttpRequestHandler::errorResponse) rather than
// a hung request.
class HttpResponder
{
public:
    HttpResponder() = default;

    void send(const HttpResponse &response) const;
    // The client is gone or the request was already answered (handler timeout): work may stop.
    bool isCancelled() const;
    bool isValid() const { return bool(m_state); }

private:
    friend class HttpConnection;
    explicit HttpResponder(std::shared_ptr<HttpDetail::ResponderState> state)
        : m_state(std::move(state))
    {
    }
    std::shared_ptr<HttpDetail::ResponderState> m_state;
};
