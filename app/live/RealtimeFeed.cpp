#include "live/RealtimeFeed.h"

#include "gateway/GatewayClient.h"

#include <QLoggingCategory>
#include <QWebSocket>

#include <cmath>

Q_DECLARE_LOGGING_CATEGORY(lcLive)
Q_LOGGING_CATEGORY(lcLive, "gc.live")

namespace {

// At most this many received-but-unapplied ids are remembered; a caller that never marks
// anything applied must not make the feed grow without bound.
constexpr int kMaxInFlight = 20000;

// The ticket travels in the query: never let it reach a log.
QString withoutQuery(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveUserInfo).toString();
}

} // namespace

RealtimeFeed::RealtimeFeed(GatewayClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    qRegisterMetaType<LiveEvent>();
    m_watchdog.setSingleShot(true);
    m_retry.setSingleShot(true);
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        onSocketGone(
            m_heartbeatSeconds > 0
                ? tr("No heartbeat from the gateway for %1 s.").arg(m_watchdog.interval() / 1000.0)
                : tr("The realtime connection did not open in time."));
    });
    connect(&m_retry, &QTimer::timeout, this, &RealtimeFeed::mint);
}

RealtimeFeed::~RealtimeFeed()
{
    m_ticketRequest.cancel();
    closeSocket();
}

void RealtimeFeed::start(const QString &since)
{
    stop();
    m_lastApplied = since;
    m_attempt = 0;
    setState(State::Connecting, {});
    mint();
}

void RealtimeFeed::stop()
{
    m_retry.stop();
    m_watchdog.stop();
    m_ticketRequest.cancel();
    m_ticketRequest = {};
    closeSocket();
    m_inFlight.clear();
    m_inFlightSet.clear();
    setState(State::Off, {});
}

void RealtimeFeed::reconnect()
{
    if (m_state == State::Off || m_state == State::Refused)
        return;
    m_ticketRequest.cancel();
    m_ticketRequest = {};
    closeSocket();
    m_inFlight.clear();
    m_inFlightSet.clear();
    m_retry.stop();
    m_watchdog.stop();
    setState(State::Connecting, {});
    mint();
}

void RealtimeFeed::markApplied(const QString &eventId)
{
    if (eventId.isEmpty())
        return;
    m_lastApplied = eventId;
    if (!m_inFlightSet.contains(eventId))
        return;
    while (!m_inFlight.isEmpty()) {
        const QString id = m_inFlight.takeFirst();
        m_inFlightSet.remove(id);
        if (id == eventId)
            break;
    }
}

void RealtimeFeed::mint()
{
    if (!m_client) {
        refuse(tr("There is no gateway to subscribe to."));
        return;
    }
    RealtimeTicketRequest request;
    request.since = m_lastApplied;
    m_ticketRequest = m_client->mintRealtimeTicket(
        request, this, [this](const GatewayResult<RealtimeTicket> &r) {
            m_ticketRequest = {};
            if (m_state == State::Off || m_state == State::Refused)
                return;
            if (r.ok()) {
                open(r.value->url);
                return;
            }
            const GatewayError &e = r.error;
            const bool refused = e.hasCode(QLatin1String("unauthorized"))
                || e.hasCode(QLatin1String("forbidden"))
                || e.hasCode(QLatin1String("validation_error"))
                || e.kind == GatewayError::Kind::InvalidResponse
                || e.kind == GatewayError::Kind::InvalidArgument
                || e.kind == GatewayError::Kind::RedirectRefused
                || e.kind == GatewayError::Kind::Tls;
            if (refused)
                refuse(tr("The gateway refused the realtime feed: %1").arg(e.describe()));
            else
                scheduleReconnect(e.describe());
        });
}

void RealtimeFeed::open(const QUrl &url)
{
    closeSocket();
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingMessageSize(LiveFrames::kMaxFrameBytes);
    m_socket->setMaxAllowedIncomingFrameSize(LiveFrames::kMaxFrameBytes);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &RealtimeFeed::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this] { ++m_malformed; });
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        onSocketGone(m_socket
                         ? tr("The realtime connection closed (%1).")
                               .arg(m_socket->closeReason().isEmpty() ? m_socket->errorString()
                                                                      : m_socket->closeReason())
                         : QString());
    });
    m_heartbeatSeconds = 0;
    m_connectedAt = 0;
    m_watchdog.start(m_options.openTimeoutMs);
    ++m_connections;
    qCInfo(lcLive).noquote() << "opening" << withoutQuery(url);
    m_socket->open(url);
}

void RealtimeFeed::onText(const QString &text)
{
    if (m_watchdog.isActive() || m_heartbeatSeconds > 0)
        m_watchdog.start(); // any frame proves the connection alive
    QString why;
    const std::optional<LiveFrame> frame = LiveFrames::parse(text.toUtf8(), &why);
    if (!frame) {
        ++m_malformed;
        qCWarning(lcLive).noquote() << "skipped a malformed frame:" << why;
        return;
    }
    switch (frame->kind) {
    case LiveFrame::Kind::Connected:
        onConnectedFrame(*frame);
        break;
    case LiveFrame::Kind::Ping:
        break;
    case LiveFrame::Kind::Event:
        if (m_heartbeatSeconds <= 0) {
            ++m_malformed; // the contract sends `connected` first
            return;
        }
        onEvent(frame->event);
        break;
    }
}

void RealtimeFeed::onConnectedFrame(const LiveFrame &frame)
{
    m_heartbeatSeconds = frame.heartbeatSeconds;
    m_connectedAt = frame.timestamp;
    m_replaying = !m_lastApplied.isEmpty();
    m_replayed = 0;
    m_replaySessions.clear();
    m_attempt = 0;
    m_watchdog.start(int(std::ceil(m_heartbeatSeconds * 1000.0 * m_options.deadHeartbeats)));
    setState(State::Live, {});
}

void RealtimeFeed::onEvent(const LiveEvent &event)
{
    if (m_replaying && (m_connectedAt <= 0 || event.timestamp <= m_connectedAt)) {
        ++m_replayed;
        if (!m_replaySessions.contains(event.session))
            m_replaySessions << event.session;
        if (m_replayed == m_options.replayLimit) {
            m_replaying = false;
            qCWarning(lcLive) << "the replay delivered" << m_replayed
                              << "events: older ones may be lost";
            Q_EMIT gapDetected(m_replaySessions);
        }
    } else {
        m_replaying = false;
    }
    if (m_inFlightSet.contains(event.id) || event.id == m_lastApplied)
        return; // received before the reconnect and still on its way to the cache
    if (m_inFlight.size() >= kMaxInFlight)
        m_inFlightSet.remove(m_inFlight.takeFirst());
    m_inFlight << event.id;
    m_inFlightSet.insert(event.id);
    Q_EMIT eventReceived(event);
}

void RealtimeFeed::onSocketGone(const QString &why)
{
    if (m_state == State::Off || m_state == State::Refused)
        return;
    closeSocket();
    scheduleReconnect(why);
}

void RealtimeFeed::scheduleReconnect(const QString &why)
{
    m_watchdog.stop();
    const int delay = nextDelayMs();
    qCInfo(lcLive).noquote() << "reconnecting in" << delay << "ms:" << why;
    setState(State::Reconnecting, why);
    m_retry.start(delay);
}

void RealtimeFeed::refuse(const QString &why)
{
    m_retry.stop();
    m_watchdog.stop();
    closeSocket();
    qCWarning(lcLive).noquote() << "stopped:" << why;
    setState(State::Refused, why);
}

void RealtimeFeed::closeSocket()
{
    if (!m_socket)
        return;
    QWebSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    m_heartbeatSeconds = 0;
}

void RealtimeFeed::setState(State state, const QString &reason)
{
    if (m_state == state && m_reason == reason)
        return;
    m_state = state;
    m_reason = reason;
    Q_EMIT stateChanged(state, reason);
}

int RealtimeFeed::nextDelayMs()
{
    const int exponent = qMin(m_attempt, 30);
    ++m_attempt;
    const double base = qMin<double>(m_options.backoffMaxMs,
                                     m_options.backoffStartMs * std::pow(2.0, exponent));
    const double spread = (QRandomGenerator::global()->generateDouble() * 2.0 - 1.0)
        * m_options.jitter;
    return qMax(1, int(base * (1.0 + spread)));
}
