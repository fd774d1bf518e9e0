#include "Realtime.h"

#include "DataSet.h"
#include "EventStream.h"
#include "Faults.h"
#include "JsonWriter.h"
#include "Salts.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

#include <algorithm>

namespace sim {

namespace {

constexpr qsizetype kLogPerOrg = 10000;
constexpr int kReplayLimit = 1000; // the gateway's resumeReplayLimit
constexpr qsizetype kMaxTickets = 100000;
const char kRealtimePath[] = "/api/v1/realtime";

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QByteArray frame(const char *event, int heartbeatSeconds = -1)
{
    JsonWriter w;
    w.beginObject().field("event", QByteArray(event)).field("timestamp", nowMs());
    if (heartbeatSeconds >= 0)
        w.field("heartbeatSeconds", heartbeatSeconds);
    return w.endObject().take();
}

// "rt_" + 24 random bytes, URL-safe base64 without padding, like the router's newTicketID.
QString newTicketId()
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 6);
    return QStringLiteral("rt_")
        + QString::fromLatin1(
               bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString ticketOf(const QByteArray &encodedQuery)
{
    return QUrlQuery(QString::fromLatin1(encodedQuery))
        .queryItemValue(QStringLiteral("ticket"), QUrl::FullyDecoded);
}

bool parseObject(const QByteArray &body, QJsonObject *out)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    *out = doc.object();
    return true;
}

} // namespace

Realtime::Realtime(DataSet &data, const Auth &auth, Faults &faults, const RealtimeOptions &options,
                   quint64 seed)
    : m_data(data)
    , m_auth(auth)
    , m_faults(faults)
    , m_options(options)
    , m_rng(hashOf(seed, salt::EventIds, 0))
    , m_wsServer(QStringLiteral("gateway-sim"), QWebSocketServer::NonSecureMode)
    , m_logs(size_t(data.orgs.size()))
{
    connect(&m_wsServer, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *ws = m_wsServer.nextPendingConnection())
            attach(ws, m_upgrading.take(ws->peerPort()));
    });
    m_stream = new EventStream(data, *this, seed, this);
    m_stream->setRate(options.eventsPerSecond);
}

Realtime::~Realtime() = default;

Response Realtime::mintTicket(const ApiCall &call, const QByteArray &body, const QByteArray &host)
{
    Principal who;
    QString problem;
    if (!m_auth.authenticate(call.authorization, call.apiKey, QDateTime::currentSecsSinceEpoch(),
                             &who, &problem))
        return errorResponse("unauthorized", problem);
    QJsonObject req;
    if (!body.trimmed().isEmpty() && body.trimmed() != "null" && !parseObject(body, &req))
        return errorResponse("validation_error", QStringLiteral("invalid ticket request body"));
    const QJsonValue events = req.value(QLatin1String("events"));
    bool typesOk = events.isUndefined() || events.isNull() || events.isArray();
    for (const QJsonValue &e : events.toArray())
        typesOk = typesOk && e.isString();
    for (const char *k : {"scope", "session", "since", "gateway"}) {
        const QJsonValue v = req.value(QLatin1String(k));
        typesOk = typesOk && (v.isUndefined() || v.isNull() || v.isString());
    }
    if (!typesOk)
        return errorResponse("validation_error", QStringLiteral("invalid ticket request body"));

    Ticket t;
    t.org = who.org;
    t.since = req.value(QLatin1String("since")).toString();
    // The pump's filter: the names joined by ',' then split again; "*" anywhere means all,
    // and a list of nothing but blanks matches nothing (the gateway then closes at once).
    bool star = false;
    for (const QJsonValue &e : events.toArray()) {
        for (const QString &part : e.toString().split(QLatin1Char(','))) {
            const QByteArray name = part.trimmed().toUtf8();
            star = star || name == "*";
            if (!name.isEmpty() && name != "*")
                t.events.insert(name);
        }
    }
    t.allEvents = events.toArray().isEmpty() || star;

    const QString scope = req.value(QLatin1String("scope")).toString();
    if (scope == QLatin1String("firehose"))
        return errorResponse("forbidden", QStringLiteral("firehose requires super_admin"));
    if (scope == QLatin1String("session")) {
        const QString id = req.value(QLatin1String("session")).toString();
        if (id.isEmpty())
            return errorResponse("validation_error",
                                 QStringLiteral("session is required for scope=session"));
        if (!(who.caps & CapEvents))
            return errorResponse("forbidden",
                                 QStringLiteral("missing required capability: events"));
        t.session = m_data.sessionIndex(id);
        if (t.session < 0 || m_data.sessions[t.session].org != who.org)
            return errorResponse("not_found", QStringLiteral("session not found"));
    } else if (scope.isEmpty() || scope == QLatin1String("organization")) {
        if (!(who.caps & CapEvents))
            return errorResponse("forbidden",
                                 QStringLiteral("missing required capability: events"));
    } else {
        return errorResponse("validation_error",
                             QStringLiteral("scope must be one of session|organization|firehose"));
    }

    if (m_tickets.size() >= kMaxTickets) // unredeemed tickets would pile up forever
        m_tickets.removeIf([now = nowMs()](auto it) { return it.value().expiresMs <= now; });
    t.expiresMs = nowMs() + qint64(m_options.ticketSeconds) * 1000;
    const QString id = newTicketId();
    m_tickets.insert(id, t);
    JsonWriter w;
    w.beginObject()
        .field("ticket", id)
        .field("expiresInSeconds", m_options.ticketSeconds)
        .field("url",
               "ws://" + (host.isEmpty() ? QByteArray("127.0.0.1") : host) + kRealtimePath
                   + "?ticket=" + id.toLatin1())
        .endObject();
    return jsonResponse(201, w.take());
}

QString Realtime::redeem(const QString &id, Ticket *ticket)
{
    if (id.isEmpty())
        return QStringLiteral("missing ticket");
    const auto it = m_tickets.constFind(id);
    if (it == m_tickets.cend())
        return QStringLiteral("invalid or expired ticket");
    *ticket = *it;
    m_tickets.erase(it);
    if (ticket->expiresMs <= nowMs())
        return QStringLiteral("invalid or expired ticket");
    return {};
}

Response Realtime::plainGet(const ApiCall &call)
{
    Ticket t;
    const QString refused = redeem(ticketOf(call.encodedQuery), &t);
    if (!refused.isEmpty())
        return errorResponse("unauthorized", refused);
    // What the router's WebSocket library answers a request that is not an upgrade.
    Response r = jsonResponse(426,
                              "WebSocket protocol violation: Connection header \"\" does "
                              "not contain Upgrade\n");
    r.contentType = "text/plain; charset=utf-8";
    return r;
}

void Realtime::upgrade(QTcpSocket *socket, const QByteArray &target, const QByteArray &requestId)
{
    const qsizetype q = target.indexOf('?');
    const QByteArray path = q < 0 ? target : target.left(q);
    Response refusal;
    Ticket t;
    if (path != kRealtimePath) {
        refusal = errorResponse("not_found", QStringLiteral("no route"));
    } else {
        const QString refused = redeem(ticketOf(q < 0 ? QByteArray() : target.mid(q + 1)), &t);
        if (!refused.isEmpty())
            refusal = errorResponse("unauthorized", refused);
    }
    if (refusal.status != 200) {
        socket->readAll(); // unread bytes would turn the close into a reset
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        socket->write(serializeHead(refusal, requestId, true) + refusal.body);
        socket->disconnectFromHost();
        return;
    }
    m_upgrading.insert(socket->peerPort(), t);
    m_wsServer.handleConnection(socket);
    Q_EMIT socket->readyRead(); // the handshake is already buffered
}

void Realtime::attach(QWebSocket *ws, const Ticket &t)
{
    ws->setParent(this);
    connect(ws, &QWebSocket::disconnected, this, [this, ws] {
        m_connections.remove(ws);
        ws->deleteLater();
    });
    if (!t.allEvents && t.events.isEmpty()) { // a filter that matches no type
        ws->close();
        return;
    }
    ws->sendTextMessage(QString::fromUtf8(frame("connected", m_options.heartbeatSeconds)));
    if (!t.since.isEmpty())
        replay(ws, t);
    m_connections.insert(ws, t);
    auto *heartbeat = new QTimer(ws);
    connect(heartbeat, &QTimer::timeout, ws, [this, ws] {
        if (m_faults.config().realtimeHeartbeats && m_connections.contains(ws))
            ws->sendTextMessage(QString::fromUtf8(frame("ping")));
    });
    heartbeat->start(m_options.heartbeatSeconds * 1000);
}

void Realtime::replay(QWebSocket *ws, const Ticket &t)
{
    if (t.org < 0 || size_t(t.org) >= m_logs.size())
        return;
    const quint64 after = m_seqOfId.value(t.since, 0); // unknown: from the oldest kept
    const std::deque<Logged> &log = m_logs[size_t(t.org)];
    auto it = std::partition_point(log.begin(), log.end(),
                                   [after](const Logged &e) { return e.seq <= after; });
    // The limit counts the scope's entries; the event filter applies after it, as in the pump.
    for (int n = 0; it != log.end() && n < kReplayLimit; ++it) {
        if (t.session >= 0 && it->session != t.session)
            continue;
        ++n;
        if (t.allEvents || t.events.contains(it->event))
            ws->sendTextMessage(QString::fromUtf8(it->json));
    }
}

QString Realtime::nextEventId(qint64 ms)
{
    // A monotonic ULID, as oklog/ulid's Monotonic entropy makes them: within one millisecond
    // the random part counts up, so ids sort in publishing order.
    if (ms > m_lastIdMs) {
        m_lastIdMs = ms;
        m_idRandHi = m_rng.next() & 0x7FFF; // room to count up without overflow
        m_idRandLo = m_rng.next();
    } else if (++m_idRandLo == 0) {
        ++m_idRandHi;
    }
    static const char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    unsigned __int128 v = (static_cast<unsigned __int128>(quint64(m_lastIdMs)) << 80)
        | (static_cast<unsigned __int128>(m_idRandHi) << 64) | m_idRandLo;
    char text[26];
    for (int i = 25; i >= 0; --i, v >>= 5)
        text[i] = kCrockford[int(v & 31)];
    return QStringLiteral("evt_") + QString::fromLatin1(text, 26);
}

QString Realtime::publish(int session, const EventChange &change, qint64 ms)
{
    const Session &ss = m_data.sessions[session];
    const QString id = nextEventId(ms);
    JsonWriter w;
    w.beginObject()
        .field("schema", QByteArray("v1"))
        .field("id", id)
        .field("event", change.event)
        .field("session", ss.id)
        .field("organization", m_data.orgs[ss.org].id)
        .field("timestamp", ms);
    // The payload is already JSON: append it rather than parse it again.
    const QByteArray json = w.take() + ",\"payload\":" + change.payload + '}';

    std::deque<Logged> &log = m_logs[size_t(ss.org)];
    if (qsizetype(log.size()) >= kLogPerOrg) {
        m_seqOfId.remove(log.front().id);
        log.pop_front();
    }
    log.push_back({++m_seq, session, change.event, id, json});
    m_seqOfId.insert(id, m_seq);

    const QString text = QString::fromUtf8(json);
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        const Ticket &t = it.value();
        if (t.org == ss.org && (t.session < 0 || t.session == session)
            && (t.allEvents || t.events.contains(change.event)))
            it.key()->sendTextMessage(text);
    }
    return id;
}

Response Realtime::control(const QByteArray &method, const QList<QByteArray> &segments,
                           const QByteArray &body)
{
    const QByteArray what = segments.value(1), action = segments.value(2);
    if (segments.size() == 2 && what == "events" && method == "POST")
        return postEvent(body);
    if (segments.size() == 3 && what == "realtime" && action == "drop" && method == "POST")
        return drop(body);
    if (segments.size() == 3 && what == "realtime" && action == "stream" && method == "PUT") {
        QJsonObject o;
        const double rate = parseObject(body, &o)
            ? o.value(QLatin1String("eventsPerSecond")).toDouble(-1)
            : -1;
        if (rate < 0 || rate > EventStream::kMaxRate)
            return errorResponse("validation_error",
                                 QStringLiteral("eventsPerSecond must be a number in 0..%1")
                                     .arg(EventStream::kMaxRate));
        m_stream->setRate(rate);
    } else if (!(segments.size() == 2 && what == "realtime" && method == "GET")) {
        return errorResponse("not_found", QStringLiteral("no such control route"));
    }
    qsizetype logged = 0;
    for (const auto &log : m_logs)
        logged += qsizetype(log.size());
    JsonWriter w;
    w.beginObject()
        .field("connections", int(m_connections.size()))
        .field("tickets", int(m_tickets.size()))
        .field("logged", qint64(logged))
        .key("eventsPerSecond")
        .real(m_stream->rate())
        .field("streamed", qint64(m_stream->published()))
        .endObject();
    return jsonResponse(200, w.take());
}

Response Realtime::postEvent(const QByteArray &body)
{
    QJsonObject o;
    if (!parseObject(body, &o))
        return errorResponse("validation_error",
                             QStringLiteral("the body must be a JSON object "
                                            "{\"session\",\"event\",\"payload\"}"));
    const int s = m_data.sessionIndex(o.value(QLatin1String("session")).toString());
    if (s < 0)
        return errorResponse("not_found", QStringLiteral("session not found"));
    if (!o.value(QLatin1String("payload")).isObject())
        return errorResponse("validation_error", QStringLiteral("payload must be a JSON object"));
    EventChange change;
    Response error;
    const qint64 ms = nowMs();
    if (!applyEvent(m_data, s, o.value(QLatin1String("event")).toString(),
                    o.value(QLatin1String("payload")).toObject(), ms, &change, &error))
        return error;
    JsonWriter w;
    w.beginObject().field("id", publish(s, change, ms)).endObject();
    return jsonResponse(200, w.take());
}

Response Realtime::drop(const QByteArray &body)
{
    QJsonObject o;
    parseObject(body, &o);
    const bool abort = o.value(QLatin1String("abort")).toBool();
    const QList<QWebSocket *> sockets = m_connections.keys();
    m_connections.clear(); // nothing more is sent to them, whatever the close handshake does
    for (QWebSocket *ws : sockets) {
        if (abort)
            ws->abort();
        else
            ws->close(QWebSocketProtocol::CloseCodeNormal);
    }
    JsonWriter w;
    w.beginObject().field("closed", int(sockets.size())).endObject();
    return jsonResponse(200, w.take());
}

} // namespace sim
