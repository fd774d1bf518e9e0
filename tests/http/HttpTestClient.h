#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QTcpSocket>

// Test-side HTTP over a raw QTcpSocket, so tests control every byte (pipelining, hostile
// heads, trickling, half-sent bodies) and read every answer as sent.
struct HttpReply {
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-case
    QByteArray body;

    QByteArray header(const QByteArray &lowerName) const;
    bool hasHeader(const QByteArray &lowerName) const;
    QJsonObject json() const;
    QString errorCode() const; // error.code of the envelope
};

// Builds a request. Host and the token are added unless given as empty.
QByteArray httpRequest(const QByteArray &method, const QByteArray &target, quint16 port,
                       const QByteArray &token, const QList<QByteArray> &extraHeaders = {},
                       const QByteArray &body = {});

// Parses as many complete responses as `stream` holds (Content-Length framing; HEAD
// answers have no body, say so with headCount). Returns the bytes consumed.
qsizetype parseReplies(const QByteArray &stream, QList<HttpReply> *out, int headOnlyFirst = 0);

class HttpTestClient : public QObject
{
    Q_OBJECT
public:
    explicit HttpTestClient(QObject *parent = nullptr);

    bool connectTo(quint16 port, int timeoutMs = 5000);
    void send(const QByteArray &bytes);
    // Waits until n answers arrived in total (or the timeout); true if they did.
    bool waitForReplies(int n, int timeoutMs = 5000);
    bool waitForDisconnected(int timeoutMs = 5000);
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

    QList<HttpReply> replies;
    QByteArray received; // everything read so far
    QTcpSocket &socket() { return m_socket; }
    int headOnly = 0; // how many of the first answers belong to HEAD requests

private:
    void onReadyRead();
    QTcpSocket m_socket;
    qsizetype m_parsed = 0;
};

// One request on a fresh connection; answer status 0 if none came.
HttpReply roundTrip(quint16 port, const QByteArray &request, int timeoutMs = 5000);
