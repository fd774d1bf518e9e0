#pragma once

#include "http/HttpRequestHandler.h"

#include <QList>
#include <QMutex>
#include <QThread>

#include <atomic>
#include <memory>

// What the server tests observe of their handler (it runs on the server's thread).
struct HttpTestState {
    std::atomic<int> handled{0};
    std::atomic<QThread *> handlerThread{nullptr};
    QMutex mutex;
    QList<HttpResponder> parked; // guarded by mutex: responders kept unanswered on purpose

    QList<HttpResponder> takeParked();
    qsizetype parkedCount();
};

// A handler for the server's tests, with no product behind it. It answers by path:
//   /echo...        200 {"method","path","query","body","peer","id"} (any method)
//   /slow/<ms>      200 {"slow":ms} after ms, through its responder
//   /block/<x>      204 from another thread, with X-Request-Id: gw-<x>
//   /dropped        drops its responder unanswered
//   /parked         keeps its responder in HttpTestState::parked
//   /busy/<ms>      keeps the server thread busy for ms, then 204
//   anything else   404 {"error":"no such path"}
// admit() refuses (403 {"refused":true}) a request whose Host starts with "refused.", and
// the server's own errors are {"serverError": message}.
class HttpTestHandler : public HttpRequestHandler
{
public:
    explicit HttpTestHandler(std::shared_ptr<HttpTestState> state);

    std::optional<HttpResponse> admit(const HttpRequest &request) override;
    std::optional<HttpResponse> handle(HttpRequest &request,
                                       const ResponderFactory &makeResponder) override;
    HttpResponse errorResponse(int status, const QString &message) const override;

    static HttpHandlerFactory factory(std::shared_ptr<HttpTestState> state);

private:
    std::shared_ptr<HttpTestState> m_state;
};
