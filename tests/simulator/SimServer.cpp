#include "SimServer.h"

#include "RealtimeListener.h"
#include "Request.h"
#include "Rng.h"
#include "Salts.h"

#include <QHttpServerRequest>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace sim {

namespace {

constexpr qsizetype kMaxHead = 16 * 1024;
constexpr qsizetype kMaxBody = 64 * 1024;

// What a proxy in front of a broken upstream sends: plainly not JSON.
const char kMalformedBody[] =
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad "
    "Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

} // namespace

SimServer::SimServer(DataSet &data, const Auth &auth, Faults &faults, quint64 seed,
                     const RealtimeOptions &realtime)
    : m_faults(faults)
    , m_api(data, auth, faults)
    , m_control(data, faults, m_stats)
    , m_realtime(data, auth, faults, realtime, seed)
    , m_seed(seed)
{
}

quint16 SimServer::listen(const QHostAddress &address, quint16 port)
{
    auto *listener = new RealtimeListener([this](QTcpSocket *socket, const QByteArray &target) {
        m_realtime.upgrade(socket, target, nextRequestId());
    });
    if (!listener->listen(address, port)) {
        delete listener;
        return 0;
    }
    bind(listener);
    return listener->serverPort();
}

QByteArray SimServer::nextRequestId()
{
    // mix64 is a bijection, so distinct counters give distinct ids.
    return "req_"
        + QByteArray::number(mix64(hashOf(m_seed, salt::RequestId, 0) ^ ++m_requestCounter), 16)
              .rightJustified(16, '0');
}

bool SimServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QByteArray requestId = nextRequestId();
    const QByteArray method = methodName(request.method());
    const QUrl url = request.url();
    // HEAD gets the GET answer's body too, so the connection closes after it instead of
    // leaving stray bytes on a keep-alive connection.
    const bool close = method == "HEAD" || request.value("connection").toLower().contains("close");

    // QtHttpServer has already buffered everything; refuse oversized requests all the same.
    qsizetype headBytes = url.path(QUrl::FullyEncoded).size()
        + url.query(QUrl::FullyEncoded).size();
    for (const auto &h : request.headers())
        headBytes += h.first.size() + h.second.size() + 4;
    if (headBytes > kMaxHead || request.body().size() > kMaxBody) {
        deliver(socket,
                validationError(headBytes > kMaxHead
                                    ? QStringLiteral("request line and headers exceed 16 KiB")
                                    : QStringLiteral("request body exceeds 64 KiB")),
                {}, requestId, true);
        return true;
    }
    const QList<QByteArray> segments = splitPath(url.path(QUrl::FullyEncoded).toLatin1());
    const bool control = segments.value(0) == "_sim"; // test control: never delayed or faulted
    if (control && (segments.value(1) == "events" || segments.value(1) == "realtime"))
        deliver(socket, m_realtime.control(method, segments, request.body()), {}, requestId, close);
    else if (control)
        deliver(socket, m_control.handle(method, segments, request.body()), {}, requestId, close);
    else
        handleApi(request, socket, method, segments, requestId, close);
    return true;
}

void SimServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    deliver(socket, errorResponse("not_found", QStringLiteral("no route")), {}, nextRequestId(),
            false);
}

void SimServer::handleApi(const QHttpServerRequest &request, QTcpSocket *socket,
                          const QByteArray &method, const QList<QByteArray> &segments,
                          const QByteArray &requestId, bool close)
{
    const FaultConfig &cfg = m_faults.config();
    const QUrl url = request.url();
    ApiCall call;
    call.method = method;
    call.encodedPath = url.path(QUrl::FullyEncoded).toLatin1();
    call.encodedQuery = url.query(QUrl::FullyEncoded).toLatin1();
    call.route = matchRoute(method, segments);
    // The router's realtime routes, outside the session API (Realtime.h).
    const bool realtime = segments.size() >= 3 && segments[0] == "api" && segments[1] == "v1"
        && segments[2] == "realtime";
    const bool mint = realtime && segments.size() == 4 && segments[3] == "ticket"
        && method == "POST";
    const bool plainGet = realtime && segments.size() == 3 && method == "GET";
    parseQuery(call.encodedQuery, &call);
    call.authorization = request.value("authorization");
    call.apiKey = request.value("x-api-key");
    call.explicitNulls = cfg.explicitNulls;

    m_stats.begin();
    ++m_stats.byOperation[mint           ? "mintRealtimeTicket"
                              : plainGet ? "realtime"
                                         : opName(call.route.op)];
    if (!call.authorization.isEmpty() || !call.apiKey.isEmpty())
        ++m_stats.authorizationSeen;

    Faults::Decision d = m_faults.decide();
    Response r;
    if (!cfg.redirectTo.isEmpty()) {
        QByteArray target = cfg.redirectTo.toUtf8();
        if (target.endsWith('/'))
            target.chop(1);
        target += call.encodedPath;
        if (!call.encodedQuery.isEmpty())
            target += '?' + call.encodedQuery;
        r.status = 307;
        r.contentType.clear();
        r.header("Location", target);
        d = {};
        ++m_stats.redirected;
    } else if (d.errorStatus == 500) {
        r = errorResponse("internal", QStringLiteral("internal error (injected)"));
        ++m_stats.injectedErrors;
    } else if (d.errorStatus == 503) {
        r = errorResponse("gateway_unavailable",
                          QStringLiteral("the owning gateway is unavailable (injected); retry"));
        ++m_stats.injectedErrors;
    } else if (!d.drop) { // a dropped request never reached the gateway
        r = mint       ? m_realtime.mintTicket(call, request.body(), request.value("host"))
            : plainGet ? m_realtime.plainGet(call)
                       : m_api.handle(call);
    }

    auto finish = [this, socket = QPointer<QTcpSocket>(socket), r, d, requestId, close]() {
        if (socket)
            deliver(socket, r, d, requestId, close);
        --m_stats.inFlight;
    };
    if (cfg.latencyMs > 0)
        QTimer::singleShot(cfg.latencyMs, this,
                           finish); // concurrent: each answer has its own timer
    else
        finish();
}

void SimServer::deliver(QTcpSocket *socket, const Response &r, const Faults::Decision &d,
                        const QByteArray &requestId, bool close)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (d.drop) {
        ++m_stats.dropped;
        socket->disconnectFromHost();
        return;
    }
    Response out = r;
    if (d.malformed && !out.body.isEmpty()) {
        out.body = kMalformedBody;
        ++m_stats.malformed;
    }
    const bool cut = d.truncate && out.body.size() > 1;
    QByteArray bytes = serializeHead(out, requestId, close || cut);
    bytes += cut ? out.body.left(out.body.size() / 2) : out.body; // Content-Length still says full
    socket->write(bytes);
    ++m_stats.byStatus[out.status];
    if (cut)
        ++m_stats.truncated;
    if (close || cut)
        socket->disconnectFromHost();
}

} // namespace sim
