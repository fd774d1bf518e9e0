#include "http/HttpConnection.h"

#include "http/HttpResponseWriter.h"
#include "http/HttpServer.h"

#include <QTcpSocket>
#include <QVarLengthArray>

#include <chrono>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace {
constexpr qint64 kSocketReadBuffer = 256 * 1024; // beyond this, TCP flow control pushes back
constexpr qint64 kReadChunk = 128 * 1024;

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Paths are logged (never queries or headers, which is where secrets could be); cut long ones.
QByteArray loggablePath(const QByteArray &path)
{
    return path.size() > 200 ? path.left(200) + "..." : path;
}
} // namespace

qint64 HttpConnection::nowMs()
{
    return nowNs() / 1000000;
}

HttpConnection::HttpConnection(QTcpSocket *socket, HttpServer *server)
    : QObject(server)
    , m_socket(socket)
    , m_peerAddress(socket->peerAddress())
    , m_peerPort(socket->peerPort())
    , m_server(server)
    , m_limits(server->limits())
    , m_log(server->log())
    , m_parser(m_limits)
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setReadBufferSize(kSocketReadBuffer);
    m_lastActivityMs = nowMs();
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
}

HttpConnection::~HttpConnection()
{
    detachResponders();
    if (!m_socket)
        return; // handed over by an upgrade
    m_socket->disconnect(this);
    m_socket->abort();
}

void HttpConnection::onReadyRead()
{
    m_lastActivityMs = nowMs();
    if (m_phase != Phase::Open || m_inputDone) {
        discardInput();
        return;
    }
    processInput();
}

void HttpConnection::processInput()
{
    if (m_processing)
        return;
    m_processing = true;
    while (m_phase == Phase::Open && !m_inputDone
           && int(m_pending.size()) < m_limits.maxPipelined) {
        const QByteArrayView input(m_in.constData() + m_inPos, m_in.size() - m_inPos);
        qsizetype consumed = 0;
        const HttpRequestParser::Result result = m_parser.feed(input, &consumed);
        if (result == HttpRequestParser::Result::Complete) {
            const qsizetype start = m_inPos;
            m_inPos += consumed;
            m_requestStartMs = -1;
            startRequest(m_parser.takeRequest(), start);
            continue;
        }
        if (result == HttpRequestParser::Result::Error) {
            refuse(m_parser.errorStatus(), m_parser.errorMessage());
            break;
        }
        if (!input.isEmpty() && m_requestStartMs < 0)
            m_requestStartMs = nowMs();
        // Interim answers must not overtake final ones: only when nothing is outstanding.
        if (m_parser.wantsContinue() && m_pending.empty()) {
            m_parser.markContinueSent();
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            m_socket->flush();
        }
        if (!readMore())
            break;
    }
    m_processing = false;
}

bool HttpConnection::readMore()
{
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return false;
    keepRequestUnread();
    // Keep only the unparsed tail; the buffer keeps its capacity between requests.
    if (m_inPos > 0) {
        m_in.remove(0, m_inPos);
        m_txStart -= m_inPos;
        m_inPos = 0;
    }
    const qint64 chunk = qMin(available, kReadChunk);
    const qsizetype old = m_in.size();
    m_in.resize(old + chunk);
    const qint64 got = m_socket->read(m_in.data() + old, chunk);
    m_in.resize(old + qMax<qint64>(got, 0));
    m_received = m_received || got > 0;
    return got > 0;
}

void HttpConnection::keepRequestUnread()
{
    // What is read from the socket stays recoverable (a QIODevice transaction) from the start
    // of the request being parsed, so an upgrade can hand the socket over with its request
    // unread. Restarted once a request is consumed: it never holds more than one request.
    if (m_txStart >= 0 && m_txStart >= m_inPos)
        return;
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->startTransaction();
    m_txStart = m_in.size();
}

QTcpSocket *HttpConnection::detachSocket(qsizetype requestStart)
{
    if (m_phase != Phase::Open || m_pending.size() != 1 || m_txStart < 0 || m_txStart > requestStart
        || !m_socket->isTransactionStarted())
        return nullptr;
    QTcpSocket *socket = m_socket;
    socket->disconnect(this);
    socket->rollbackTransaction();
    if (requestStart > m_txStart)
        socket->skip(requestStart - m_txStart); // requests answered before it
    socket->setParent(nullptr);
    m_socket = nullptr;
    m_phase = Phase::Dead;
    detachResponders();
    m_pending.clear();
    m_in.clear();
    m_inPos = 0;
    m_txStart = -1;
    Q_EMIT closed(this);
    return socket;
}

void HttpConnection::startRequest(HttpRequest request, qsizetype start)
{
    Pending &p = m_pending.emplace_back();
    p.sequence = m_nextSequence++;
    p.startNs = nowNs();
    p.headOnly = request.method == "HEAD";
    p.keepAlive = request.keepAlive;
    p.http10 = request.httpMinor == 0;
    p.method = request.method;
    p.path = request.path;
    p.requestId = m_server->newRequestId();
    if (!request.keepAlive)
        m_inputDone = true; // "Connection: close": whatever follows is not read

    request.requestId = p.requestId;
    request.peerAddress = m_peerAddress;
    request.peerPort = m_peerPort;
    const quint64 sequence = p.sequence;
    HttpRequestHandler &handler = m_server->handler();
    if (std::optional<HttpResponse> refusal = handler.admit(request)) {
        // A page looping over host names must not keep connections open: the server logs a
        // summary instead of a line per refusal.
        Q_EMIT refusedAtAdmission();
        answerAndClose(p, *refusal);
        return;
    }
    if (m_onProbation) {
        if (!m_server->grantSlot(this)) {
            answerAndClose(p, handler.errorResponse(503, QStringLiteral("too many connections")));
            return;
        }
        m_onProbation = false;
    }
    m_admitted = true;
    const HttpRequestHandler::ResponderFactory makeResponder = [this, sequence] {
        auto state = std::make_shared<HttpDetail::ResponderState>(this, sequence);
        m_pending.back().responder = state; // nothing else is queued during dispatch
        return HttpResponder(state);
    };
    const std::optional<HttpResponse> response = request.hasHeader("upgrade")
        ? handler.upgrade(request, makeResponder, [this, start] { return detachSocket(start); })
        : handler.handle(request, makeResponder);
    if (m_phase == Phase::Dead)
        return; // handed over: p is gone
    // Deque references survive push_back; p is only popped once answered and written.
    if (response)
        answer(p, *response);
    else if (!p.ready)
        p.deadlineMs = nowMs() + m_limits.handlerTimeoutMs;
}

void HttpConnection::answerAndClose(Pending &p, const HttpResponse &response)
{
    m_inputDone = true;
    m_closeAtOnce = true;
    p.closeAfter = true;
    p.logged = false;
    answer(p, response);
}

void HttpConnection::answer(Pending &p, const HttpResponse &response)
{
    if (p.ready)
        return;
    p.closeAfter = p.closeAfter || !p.keepAlive;
    HttpResponseWriter::Frame frame;
    frame.requestId = p.requestId;
    frame.headOnly = p.headOnly;
    frame.keepAlive = !p.closeAfter;
    frame.http10 = p.http10;
    frame.log = m_log;
    p.bytes = HttpResponseWriter::serialize(response, frame);
    p.status = response.status;
    p.ready = true;
    if (auto state = p.responder.lock())
        state->detach(); // a late send() now goes nowhere

    if (p.logged)
        logAnswer(p, response.status);
    flushAnswers();
}

void HttpConnection::logAnswer(const Pending &p, int status) const
{
    const double ms = double(nowNs() - p.startNs) / 1e6;
    if (status >= 500 && status != 505) { // our faults, not the client's
        qCWarning(m_log).noquote()
            << p.method << loggablePath(p.path) << status
            << QString::number(ms, 'f', 2) + QLatin1String("ms") << p.requestId;
    } else {
        qCDebug(m_log).noquote() << p.method << loggablePath(p.path) << status
                                 << QString::number(ms, 'f', 2) + QLatin1String("ms")
                                 << p.requestId;
    }
}

void HttpConnection::deliver(quint64 sequence, const HttpResponse &response)
{
    for (Pending &p : m_pending) {
        if (p.sequence == sequence) {
            answer(p, response);
            return;
        }
    }
}

void HttpConnection::deliverDropped(quint64 sequence)
{
    deliver(sequence,
            m_server->handler().errorResponse(
                500, QStringLiteral("the request handler did not answer")));
}

void HttpConnection::refuse(int status, const QString &message)
{
    m_inputDone = true;
    m_closeAtOnce = m_closeAtOnce || m_onProbation; // it holds no slot: no lingering either
    m_requestStartMs = -1;
    Pending &p = m_pending.emplace_back();
    p.sequence = m_nextSequence++;
    p.startNs = nowNs();
    p.keepAlive = false;
    p.closeAfter = true;
    p.method = "-";
    p.path = "-";
    p.requestId = m_server->newRequestId();
    answer(p, m_server->handler().errorResponse(status, message));
}

void HttpConnection::flushAnswers()
{
    bool wrote = false;
    while (m_phase == Phase::Open && !m_pending.empty() && m_pending.front().ready) {
        const bool close = m_pending.front().closeAfter;
        m_socket->write(m_pending.front().bytes);
        m_pending.pop_front();
        wrote = true;
        if (close)
            m_phase = Phase::Closing;
    }
    if (wrote)
        m_socket->flush(); // now, not on the next event-loop pass
    if (m_phase == Phase::Closing) {
        beginClose();
        return;
    }
    // Room again in the pipeline: continue with input that waited.
    if (m_phase == Phase::Open && !m_processing && !m_inputDone
        && int(m_pending.size()) < m_limits.maxPipelined
        && (m_inPos < m_in.size() || m_socket->bytesAvailable() > 0))
        processInput();
}

void HttpConnection::beginClose()
{
    detachResponders();
    m_pending.clear();
    discardInput();
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return; // disconnected() follows or came already
    if (m_socket->bytesToWrite() == 0)
        finishClose(); // otherwise once the last byte is out (onBytesWritten)
}

void HttpConnection::finishClose()
{
    if (m_closeAtOnce)
        abort(); // the whole request was read: the answer goes out, then FIN
    else
        startLinger();
}

void HttpConnection::startLinger()
{
    // Half-close and drain for a moment: closing with unread input would send a RST that
    // can destroy our error answer before the client reads it.
    m_phase = Phase::Lingering;
    m_lingerUntilMs = nowMs() + m_limits.lingerTimeoutMs;
#ifdef Q_OS_UNIX
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
#else
    m_socket->disconnectFromHost();
#endif
    discardInput();
}

void HttpConnection::discardInput()
{
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_txStart = -1;
    m_in.clear();
    m_inPos = 0;
    const qint64 available = m_socket->bytesAvailable();
    if (available > 0)
        m_socket->skip(available);
}

void HttpConnection::onBytesWritten()
{
    m_lastActivityMs = nowMs();
    if (m_phase == Phase::Closing && m_socket->bytesToWrite() == 0)
        finishClose();
}

void HttpConnection::onDisconnected()
{
    if (m_phase == Phase::Dead)
        return;
    m_phase = Phase::Dead;
    detachResponders();
    m_pending.clear();
    Q_EMIT closed(this);
}

void HttpConnection::abort()
{
    if (!m_socket)
        return;
    m_socket->abort();
    onDisconnected(); // no-op if abort() already reported it
}

void HttpConnection::detachResponders()
{
    for (const Pending &p : m_pending) {
        if (auto state = p.responder.lock())
            state->detach();
    }
}

void HttpConnection::readNow()
{
    if (m_phase != Phase::Open || m_inputDone || m_processing)
        return;
#ifdef Q_OS_UNIX
    // Only when the kernel holds bytes or the end of the stream: waitForReadyRead(0) would
    // otherwise record a timeout.
    char byte = 0;
    if (::recv(int(m_socket->socketDescriptor()), &byte, 1, MSG_PEEK | MSG_DONTWAIT) < 0)
        return;
    m_socket->waitForReadyRead(0); // reads (onReadyRead) or notices the client left
#endif
}

void HttpConnection::startProbation()
{
    m_onProbation = true;
    m_probationUntilMs = nowMs() + m_limits.probationTimeoutMs;
}

void HttpConnection::checkProbation(qint64 now)
{
    if (!m_onProbation || now < m_probationUntilMs || m_inputDone)
        return;
    m_closeAtOnce = true;
    if (m_requestStartMs >= 0)
        refuse(408, QStringLiteral("request not received in time"));
    else
        abort();
}

void HttpConnection::checkTimeouts()
{
    const qint64 now = nowMs();
    switch (m_phase) {
    case Phase::Dead:
        return;
    case Phase::Lingering:
        if (now >= m_lingerUntilMs)
            abort();
        return;
    case Phase::Closing:
        if (now - m_lastActivityMs > m_limits.idleTimeoutMs)
            abort(); // the client does not read its answer
        return;
    case Phase::Open:
        break;
    }
    checkProbation(now);
    if (m_phase != Phase::Open)
        return;

    QVarLengthArray<quint64, 4> late;
    for (const Pending &p : m_pending) {
        if (!p.ready && p.deadlineMs > 0 && now >= p.deadlineMs)
            late.append(p.sequence);
    }
    for (const quint64 sequence : late) {
        deliver(sequence,
                m_server->handler().errorResponse(503, QStringLiteral("no answer in time")));
        if (m_phase != Phase::Open)
            return;
    }
    if (m_requestStartMs >= 0 && !m_inputDone
        && now - m_requestStartMs > m_limits.requestTimeoutMs) {
        refuse(408, QStringLiteral("request not received in time"));
        return;
    }
    if (m_socket->bytesToWrite() > 0) {
        if (now - m_lastActivityMs > m_limits.idleTimeoutMs)
            abort(); // answers pile up unread
        return;
    }
    if (m_pending.empty() && m_requestStartMs < 0
        && now - m_lastActivityMs > m_limits.idleTimeoutMs) {
        m_socket->disconnectFromHost();
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            onDisconnected();
    }
}
