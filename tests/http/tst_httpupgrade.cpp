#include "http/HttpServer.h"

#include "HttpTestClient.h"
#include "HttpTestHandler.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

// The generic upgrade hook (HttpRequestHandler::upgrade) over real sockets: a handler takes
// the socket with its request unread, as a protocol library (QWebSocketServer) needs it.
namespace {

// HttpTestHandler plus: GET /upgrade with an Upgrade header takes the socket and echoes, as
// "ECHO:" + bytes, whatever it can read from it; /refuse-upgrade answers 401 instead.
class UpgradeHandler : public HttpTestHandler
{
public:
    using HttpTestHandler::HttpTestHandler;

    std::optional<HttpResponse> upgrade(HttpRequest &request, const ResponderFactory &make,
                                        const SocketTaker &takeSocket) override
    {
        if (request.path == "/refuse-upgrade")
            return HttpResponse::json(QJsonObject{{QStringLiteral("refused"), true}}, 401);
        if (request.path != "/upgrade")
            return HttpTestHandler::upgrade(request, make, takeSocket);
        QTcpSocket *socket = takeSocket();
        if (!socket)
            return HttpResponse::json(QJsonObject{{QStringLiteral("taken"), false}}, 409);
        QObject::connect(socket, &QTcpSocket::readyRead, socket,
                         [socket] { socket->write("ECHO:" + socket->readAll()); });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        Q_EMIT socket->readyRead();
        return std::nullopt;
    }
};

QByteArray upgradeRequest(const QByteArray &path, quint16 port)
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
        + "\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n";
}

} // namespace

class TestHttpUpgrade : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<HttpTestState> state = std::make_shared<HttpTestState>();
    std::unique_ptr<HttpServer> server;
    quint16 port = 0;

private Q_SLOTS:
    void init()
    {
        HttpServerConfig config;
        server = std::make_unique<HttpServer>(
            config, [s = state](quint16, QString *) -> std::unique_ptr<HttpRequestHandler> {
                return std::make_unique<UpgradeHandler>(s);
            });
        QVERIFY(server->listen());
        port = server->port();
    }

    void cleanup() { server.reset(); }

    void shouldHandTheSocketOverWithTheRequestUnread()
    {
        // Given a client that asks to upgrade
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        const QByteArray request = upgradeRequest("/upgrade", port);
        // When it sends the request
        client.send(request);
        // Then the handler reads the request itself, byte for byte, from the taken socket
        QTRY_COMPARE(client.received, "ECHO:" + request);
        // And the server no longer counts the connection
        QTRY_COMPARE(server->connectionCount(), 0);
        // And the socket is the handler's: what follows goes to it, not to the HTTP parser
        client.received.clear();
        client.send("not http at all\r\n\r\n");
        QTRY_COMPARE(client.received, QByteArray("ECHO:not http at all\r\n\r\n"));
    }

    void shouldHandOverAfterAnAnsweredRequestOnTheSameConnection()
    {
        // Given a keep-alive connection that was answered once
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        client.send("GET /echo HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
                    + "\r\n\r\n");
        QVERIFY(client.waitForReplies(1));
        QCOMPARE(client.replies.first().status, 200);
        const qsizetype answered = client.received.size();
        // When it then asks to upgrade
        const QByteArray request = upgradeRequest("/upgrade", port);
        client.send(request);
        // Then the handler reads only the upgrade request
        QTRY_COMPARE(client.received.mid(answered), "ECHO:" + request);
    }

    void shouldAnswerARefusedUpgradeOverHttp()
    {
        // Given a handler that refuses this upgrade
        // When a client asks for it
        const HttpReply r = roundTrip(port, upgradeRequest("/refuse-upgrade", port));
        // Then the refusal is a plain HTTP answer
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value(QStringLiteral("refused")).toBool(), true);
    }

    void shouldServeAnUpgradeTheHandlerDoesNotWantAsAPlainRequest()
    {
        // Given the default upgrade(), which is handle()
        // When a client sends an Upgrade header to an ordinary route
        const HttpReply r = roundTrip(port, upgradeRequest("/echo", port));
        // Then it is answered as any request
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("path")).toString(), QStringLiteral("/echo"));
    }

    void shouldRefuseToHandOverBehindAnUnansweredRequest()
    {
        // Given a request still unanswered (parked) on the connection
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        const QByteArray host = "Host: 127.0.0.1:" + QByteArray::number(port) + "\r\n";
        // When an upgrade is pipelined behind it
        client.send("GET /parked HTTP/1.1\r\n" + host + "\r\n" + upgradeRequest("/upgrade", port));
        // Then the socket is not taken: the handler answers instead, in order
        QTRY_COMPARE(state->parkedCount(), 1);
        for (HttpResponder &responder : state->takeParked())
            responder.send(HttpResponse::json(QJsonObject{}, 204));
        QVERIFY(client.waitForReplies(2));
        QCOMPARE(client.replies.at(1).status, 409);
    }
};

QTEST_GUILESS_MAIN(TestHttpUpgrade)
#include "tst_httpupgrade.moc"
