#pragma once

#include "live/LiveBroadcast.h"
#include "localapi/LocalRealtime.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QWebSocketServer>

#include <memory>

class QTcpSocket;
class QWebSocket;

// The local API's realtime WebSockets, on the server thread: single-use tickets, the
// connections (at most maxConnections, handshakes under way included), and the fan-out of
// the broadcast's frames to them. Each connection gets `connected`, the replay after its
// ticket's `since` (from the broadcast's log), then the live frames its ticket matches and a
// `ping` every heartbeat. A frame published while a connection replays is sent once: frames
// up to the log's newest at replay time come from the log, later ones as they arrive.
class LocalRealtimeHub : public QObject
{
    Q_OBJECT
public:
    explicit LocalRealtimeHub(const LocalRealtimeOptions &options, QObject *parent = nullptr);
    ~LocalRealtimeHub() override;

    const LocalRealtimeOptions &options() const { return m_options; }

    // A new ticket's id, or empty when too many unused ones are held.
    QString mint(LocalRealtimeTicket ticket);
    // Why the ticket is refused ("missing ticket", "invalid or expired ticket"), or empty when
    // *ticket holds it; either way it is spent.
    QString redeem(const QString &id, LocalRealtimeTicket *ticket);
    // Room for one more connection.
    bool hasRoom();
    // A socket whose upgrade request is still unread: QtWebSockets does the handshake.
    void accept(QTcpSocket *socket, const LocalRealtimeTicket &ticket);
    int connectionCount() const { return int(m_clients.size()); }

    void onPublished(const BroadcastFrame &frame);

private:
    struct Client {
        LocalRealtimeTicket ticket;
        quint64 floor = 0; // frames up to this seq were replayed (or predate the connection)
    };
    struct Handshake {
        QPointer<QTcpSocket> socket;
        LocalRealtimeTicket ticket;
        qint64 deadlineMs = 0;
    };

    void onNewConnection();
    void attach(QWebSocket *ws, const LocalRealtimeTicket &ticket);
    void send(QWebSocket *ws, const QString &text);
    void drop(QWebSocket *ws, const QString &why);
    void purgeHandshakes();
    static QString peerKey(const QHostAddress &address, quint16 port);

    LocalRealtimeOptions m_options;
    std::shared_ptr<const LiveBroadcastLog> m_log;
    QWebSocketServer m_server;
    QHash<QString, LocalRealtimeTicket> m_tickets;
    QHash<QString, Handshake> m_handshakes; // by peer address:port
    QHash<QWebSocket *, Client> m_clients;
};
