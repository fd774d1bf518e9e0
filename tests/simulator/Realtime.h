#pragma once

#include "Auth.h"
#include "Events.h"
#include "HttpResponse.h"
#include "Request.h"
#include "Rng.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QWebSocketServer>

#include <deque>
#include <vector>

class QTcpSocket;
class QWebSocket;

// The gateway router's realtime feed (internal/router/realtime.go, internal/stream/pump.go):
//   POST /api/v1/realtime/ticket   mint a single-use ticket (needs the events capability)
//   GET  /api/v1/realtime?ticket=  the WebSocket; refused with a plain HTTP 401 before the
//                                  upgrade when the ticket is missing, used, expired or unknown
// Frames: {"event":"connected",...} first, then the replay after `since` (at most 1,000 of the
// scope's logged events, oldest first; an unknown id replays from the oldest kept), then live
// envelopes and a ping every heartbeat. Events are applied to the data and published by
// POST /_sim/events and the --events-per-second stream (EventStream.cpp).
namespace sim {

class DataSet;
class EventStream;
class Faults;

struct RealtimeOptions {
    int heartbeatSeconds = 20;
    int ticketSeconds = 30;
    double eventsPerSecond = 0;
};

class Realtime : public QObject
{
public:
    Realtime(DataSet &data, const Auth &auth, Faults &faults, const RealtimeOptions &options,
             quint64 seed);
    ~Realtime() override;

    // POST /api/v1/realtime/ticket; `host` is the request's Host header (for the ws:// URL).
    Response mintTicket(const ApiCall &call, const QByteArray &body, const QByteArray &host);
    // GET /api/v1/realtime without an upgrade: the ticket is checked (and spent) all the same.
    Response plainGet(const ApiCall &call);
    // A WebSocket upgrade whose head is still unread in `socket`; `target` is the request
    // target ("/api/v1/realtime?ticket=…"). Refuses over HTTP or hands the socket on.
    void upgrade(QTcpSocket *socket, const QByteArray &target, const QByteArray &requestId);
    // /_sim/events, /_sim/realtime[/drop|/stream]
    Response control(const QByteArray &method, const QList<QByteArray> &segments,
                     const QByteArray &body);

    // Logs the change under a fresh id and sends it to every matching connection.
    QString publish(int session, const EventChange &change, qint64 nowMs);

private:
    struct Ticket {
        int org = -1;
        int session = -1; // -1: every session of the org
        QSet<QByteArray> events;
        bool allEvents = true;
        QString since;
        qint64 expiresMs = 0;
    };
    struct Logged {
        quint64 seq = 0;
        int session = 0;
        QByteArray event;
        QString id;
        QByteArray json;
    };

    // Why a ticket is refused, or empty when `ticket` holds it (taken out: single use).
    QString redeem(const QString &id, Ticket *ticket);
    void attach(QWebSocket *ws, const Ticket &t);
    void replay(QWebSocket *ws, const Ticket &t);
    QString nextEventId(qint64 nowMs);
    Response postEvent(const QByteArray &body);
    Response drop(const QByteArray &body);

    DataSet &m_data;
    const Auth &m_auth;
    Faults &m_faults;
    RealtimeOptions m_options;
    Prng m_rng;
    QWebSocketServer m_wsServer;
    QHash<QString, Ticket> m_tickets;
    QHash<quint16, Ticket> m_upgrading; // by the client's port, until the handshake is done
    QHash<QWebSocket *, Ticket> m_connections;
    std::vector<std::deque<Logged>> m_logs; // per org
    QHash<QString, quint64> m_seqOfId;
    quint64 m_seq = 0;
    qint64 m_lastIdMs = 0;
    quint64 m_idRandHi = 0, m_idRandLo = 0;
    EventStream *m_stream = nullptr;
};

} // namespace sim
