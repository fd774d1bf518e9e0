#pragma once

#include "Api.h"
#include "Control.h"
#include "Faults.h"
#include "Realtime.h"
#include "Stats.h"

#include <QAbstractHttpServer>

// The HTTP side: takes each parsed request from QtHttpServer, routes it to Api or Control and
// writes the raw HTTP/1.1 answer itself, so it can delay it (timers, never blocking), cut it
// short, corrupt it or drop the connection.
namespace sim {

class SimServer : public QAbstractHttpServer
{
public:
    SimServer(DataSet &data, const Auth &auth, Faults &faults, quint64 seed,
              const RealtimeOptions &realtime = {});

    // Listens through a RealtimeListener, so WebSocket upgrades can be refused over HTTP.
    quint16 listen(const QHostAddress &address, quint16 port);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void handleApi(const QHttpServerRequest &request, QTcpSocket *socket, const QByteArray &method,
                   const QList<QByteArray> &segments, const QByteArray &requestId, bool close);
    void deliver(QTcpSocket *socket, const Response &r, const Faults::Decision &d,
                 const QByteArray &requestId, bool close);
    QByteArray nextRequestId();

    Faults &m_faults;
    Stats m_stats;
    Api m_api;
    Control m_control;
    Realtime m_realtime;
    quint64 m_seed;
    quint64 m_requestCounter = 0;
};

} // namespace sim
