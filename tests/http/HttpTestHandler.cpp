#include "HttpTestHandler.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QTimer>

#include <thread>

QList<HttpResponder> HttpTestState::takeParked()
{
    QMutexLocker lock(&mutex);
    return std::exchange(parked, {});
}

qsizetype HttpTestState::parkedCount()
{
    QMutexLocker lock(&mutex);
    return parked.size();
}

HttpTestHandler::HttpTestHandler(std::shared_ptr<HttpTestState> state)
    : m_state(std::move(state))
{
}

HttpHandlerFactory HttpTestHandler::factory(std::shared_ptr<HttpTestState> state)
{
    return [state](quint16, QString *) { return std::make_unique<HttpTestHandler>(state); };
}

std::optional<HttpResponse> HttpTestHandler::admit(const HttpRequest &request)
{
    if (request.header("host").startsWith("refused."))
        return HttpResponse::json(QJsonObject{{QStringLiteral("refused"), true}}, 403);
    return std::nullopt;
}

std::optional<HttpResponse> HttpTestHandler::handle(HttpRequest &request,
                                                    const ResponderFactory &makeResponder)
{
    ++m_state->handled;
    m_state->handlerThread = QThread::currentThread();
    const QList<QByteArray> parts = request.path.split('/'); // "", what, argument
    const QByteArray what = parts.value(1);
    const QByteArray argument = parts.value(2);
    if (what == "echo") {
        return HttpResponse::json(
            QJsonObject{{QStringLiteral("method"), QString::fromLatin1(request.method)},
                        {QStringLiteral("path"), QString::fromLatin1(request.path)},
                        {QStringLiteral("query"), QString::fromLatin1(request.query)},
                        {QStringLiteral("body"), QString::fromUtf8(request.body)},
                        {QStringLiteral("peer"), request.peerAddress.toString()},
                        {QStringLiteral("id"), QString::fromLatin1(request.requestId)}});
    }
    if (what == "slow") {
        const int ms = argument.toInt();
        QTimer::singleShot(ms, [responder = makeResponder(), ms] {
            responder.send(HttpResponse::json(QJsonObject{{QStringLiteral("slow"), ms}}));
        });
        return std::nullopt;
    }
    if (what == "block") {
        std::thread([responder = makeResponder(), argument] { // as an upstream reply would
            HttpResponse answer = HttpResponse::noContent();
            answer.setHeader("X-Request-Id", "gw-" + argument);
            responder.send(answer);
        })
            .detach();
        return std::nullopt;
    }
    if (what == "dropped") {
        makeResponder();
        return std::nullopt;
    }
    if (what == "parked") {
        QMutexLocker lock(&m_state->mutex);
        m_state->parked.append(makeResponder());
        return std::nullopt;
    }
    if (what == "busy") {
        QElapsedTimer t; // burns the server thread's CPU, as a heavy read would
        t.start();
        while (t.elapsed() < argument.toInt()) {}
        return HttpResponse::noContent();
    }
    return HttpResponse::json(
        QJsonObject{{QStringLiteral("error"), QStringLiteral("no such path")}}, 404);
}

HttpResponse HttpTestHandler::errorResponse(int status, const QString &message) const
{
    return HttpResponse::json(QJsonObject{{QStringLiteral("serverError"), message}}, status);
}
