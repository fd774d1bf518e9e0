#include "http/HttpServer.h"

#include "HttpTestClient.h"
#include "HttpTestHandler.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QNetworkInterface>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

// HttpServer and HttpConnection over real sockets on 127.0.0.1, server on the test thread,
// with a handler that has no product behind it (HttpTestHandler).
namespace {
const QByteArray kEcho = "/echo/a%40b";

HttpLimits testLimits()
{
    HttpLimits l;
    l.idleTimeoutMs = 5000;
    l.requestTimeoutMs = 5000;
    l.handlerTimeoutMs = 5000;
    l.lingerTimeoutMs = 500;
    return l;
}

QStringList g_log;
void captureLog(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    g_log.append(QLatin1String(context.category) + QLatin1String(": ") + message);
}

// The server's own answers carry the handler's errorResponse body.
QString serverError(const HttpReply &r)
{
    return r.json().value(QStringLiteral("serverError")).toString();
}
} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<HttpTestState> state = std::make_shared<HttpTestState>();
    std::unique_ptr<HttpServer> server;
    quint16 port = 0;

    std::unique_ptr<HttpServer> startServer(const HttpLimits &limits)
    {
        HttpServerConfig config;
        config.limits = limits;
        auto s = std::make_unique<HttpServer>(config, HttpTestHandler::factory(state));
        QSignalSpy listening(s.get(), &HttpServer::listening);
        if (!s->listen() || listening.size() != 1)
            return nullptr;
        return s;
    }

    QByteArray get(const QByteArray &target, quint16 p = 0) const
    {
        return httpRequest("GET", target, p ? p : port, {});
    }

    // After every abuse: a plain request on a fresh connection still works.
    bool servesNormally(quint16 p = 0)
    {
        const HttpReply r = roundTrip(p ? p : port, get(kEcho, p));
        return r.status == 200 && r.json().value(QStringLiteral("path")).toString() == kEcho;
    }

private Q_SLOTS:
    void initTestCase()
    {
        server = startServer(testLimits());
        QVERIFY(server);
        port = server->port();
        QVERIFY(port != 0);
        QCOMPARE(server->url(), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    }

    void cleanup() { state->takeParked(); }

    void shouldFailWhenTheFactoryGivesNoHandler()
    {
        // Given a factory that refuses, with its reason
        HttpServer s({}, [](quint16 p, QString *error) -> std::unique_ptr<HttpRequestHandler> {
            *error = QStringLiteral("nothing to serve on %1").arg(p);
            return nullptr;
        });
        QSignalSpy failed(&s, &HttpServer::failed);
        // When it is asked to listen
        // Then it does not, and says why
        QVERIFY(!s.listen());
        QCOMPARE(failed.size(), 1);
        QVERIFY(
            failed.first().first().toString().startsWith(QLatin1String("nothing to serve on ")));
        QVERIFY(!s.isListening());
    }

    void reportsABusyPort()
    {
        HttpServerConfig config;
        config.port = port;
        HttpServer s(config, HttpTestHandler::factory(state));
        QSignalSpy failed(&s, &HttpServer::failed);
        QVERIFY(!s.listen());
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.first().first().toString().contains(QString::number(port)));
        QVERIFY(!s.isListening());
    }

    void listensOnLoopbackOnly()
    {
        for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
            if (address.isLoopback() || address.protocol() != QAbstractSocket::IPv4Protocol)
                continue;
            QTcpSocket socket;
            socket.connectToHost(address, port);
            QVERIFY(!socket.waitForConnected(2000));
        }
        QVERIFY(servesNormally());
    }

    void servesTheHandlersAnswerWithTheStandardHeaders()
    {
        const HttpReply r = roundTrip(port, get(kEcho + "?q=a+b"));
        QCOMPARE(r.status, 200);
        const QJsonObject json = r.json();
        QCOMPARE(json.value(QStringLiteral("path")).toString().toLatin1(), kEcho);
        QCOMPARE(json.value(QStringLiteral("query")).toString(), QStringLiteral("q=a+b"));
        QCOMPARE(json.value(QStringLiteral("peer")).toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QCOMPARE(r.header("x-content-type-options"), QByteArray("nosniff"));
        QCOMPARE(r.header("cache-control"), QByteArray("no-store"));
        QVERIFY(r.header("date").endsWith(" GMT"));
        QCOMPARE(r.header("x-request-id"), json.value(QStringLiteral("id")).toString().toLatin1());
        QCOMPARE(r.header("x-request-id").size(), 32);
        for (const auto &h : r.headers)
            QVERIFY(!h.first.startsWith("access-control"));
    }

    void shouldGiveEachRequestItsOwnId()
    {
        // Given two requests on one connection
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        // When both are answered
        client.send(get(kEcho) + get(kEcho));
        QVERIFY(client.waitForReplies(2));
        // Then each carries a distinct 32-hex-digit id
        const QByteArray a = client.replies[0].header("x-request-id");
        const QByteArray b = client.replies[1].header("x-request-id");
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{32}$"))
                    .match(QString::fromLatin1(a))
                    .hasMatch());
        QVERIFY(a != b);
    }

    void passesBodiesAndActionSuffixes()
    {
        const HttpReply r = roundTrip(port,
                                      httpRequest("POST", "/echo/sess%2F1:start", port, {},
                                                  {"Content-Type: application/json"}, "{\"a\":1}"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("path")).toString(),
                 QStringLiteral("/echo/sess%2F1:start"));
        QCOMPARE(r.json().value(QStringLiteral("body")).toString(), QStringLiteral("{\"a\":1}"));
    }

    void answersHeadWithoutBody()
    {
        HttpTestClient client;
        client.headOnly = 1;
        QVERIFY(client.connectTo(port));
        client.send(httpRequest("HEAD", "/echo/x", port, {}) + get("/echo/x"));
        QVERIFY(client.waitForReplies(2));
        QCOMPARE(client.replies[0].status, 200);
        QVERIFY(client.replies[0].body.isEmpty());
        QVERIFY(client.replies[0].header("content-length").toInt() > 0);
        QCOMPARE(client.replies[1].status, 200);
    }

    void shouldAskTheHandlerForItsOwnErrorAnswers()
    {
        // Given a request the server refuses by itself (no Host header)
        // When it answers
        const HttpReply r = roundTrip(port, "GET /echo HTTP/1.1\r\n\r\n");
        // Then the body is the handler's, with the parser's reason
        QCOMPARE(r.status, 400);
        QCOMPARE(serverError(r), QStringLiteral("exactly one Host header is required"));
        QCOMPARE(r.header("connection"), QByteArray("close"));
    }

    void refusesOversizedHeads()
    {
        // Complete head over 16 KiB.
        HttpReply r = roundTrip(
            port, httpRequest("GET", kEcho, port, {}, {"X-Big: " + QByteArray(17 * 1024, 'b')}));
        QCOMPARE(r.status, 431);
        QCOMPARE(serverError(r), QStringLiteral("request head too large"));
        QCOMPARE(r.header("connection"), QByteArray("close"));
        // A head that never ends: refused once 16 KiB arrived, connection closed.
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        client.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Endless: "
                    + QByteArray(20 * 1024, 'e'));
        QVERIFY(client.waitForReplies(1));
        QCOMPARE(client.replies[0].status, 431);
        QVERIFY(client.waitForDisconnected());
        // A request target over 16 KiB.
        QCOMPARE(roundTrip(port, get("/" + QByteArray(20 * 1024, 'a'))).status, 431);
        // Many small headers.
        QList<QByteArray> many;
        for (int i = 0; i < 200; ++i)
            many.append("X-H" + QByteArray::number(i) + ": v");
        QCOMPARE(roundTrip(port, httpRequest("GET", kEcho, port, {}, many)).status, 431);
        QVERIFY(servesNormally());
    }

    void acceptsLongTargetsUnderTheLimit()
    {
        const QByteArray target = "/echo/" + QByteArray(10 * 1024, '9');
        const HttpReply r = roundTrip(port, get(target));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("path")).toString().toLatin1(), target);
    }

    void refusesLargeBodiesByContentLength()
    {
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        client.send(httpRequest("POST", "/echo", port, {}, {"Content-Length: 10485760"})
                        .replace("Content-Length: 0\r\n", ""));
        QVERIFY(client.waitForReplies(1));
        QCOMPARE(client.replies[0].status, 413);
        QCOMPARE(serverError(client.replies[0]), QStringLiteral("request body too large"));
        QVERIFY(client.waitForDisconnected());
        QVERIFY(servesNormally());
    }

    void refusesLargeBodiesWhileTheyStream()
    {
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        const QByteArray head = httpRequest("POST", "/echo", port, {}, {"Content-Length: 10485760"})
                                    .replace("Content-Length: 0\r\n", "");
        client.send(head);
        client.socket().write(QByteArray(10 * 1024 * 1024, 'z')); // keeps going while refused
        QVERIFY(client.waitForReplies(1));
        QCOMPARE(client.replies[0].status, 413);
        QVERIFY(client.waitForDisconnected());
        QVERIFY(servesNormally());
    }

    void refusesChunkedUploads()
    {
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        client.send("POST /echo HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n");
        QByteArray chunks;
        for (int i = 0; i < 160; ++i)
            chunks += "10000\r\n" + QByteArray(0x10000, 'c') + "\r\n"; // 10 MiB in 64 KiB chunks
        client.socket().write(chunks + "0\r\n\r\n");
        QVERIFY(client.waitForReplies(1));
        QCOMPARE(client.replies[0].status, 411);
        QVERIFY(!serverError(client.replies[0]).isEmpty());
        QVERIFY(client.waitForDisconnected());
        QVERIFY(servesNormally());
    }

    void stopsAtABodyThatLiesAboutItsLength()
    {
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        client.send(httpRequest("POST", "/echo", port, {}, {}, "0123456789")
                    + QByteArray(1024 * 1024, 'z'));
        QVERIFY(client.waitForReplies(2));
        QCOMPARE(client.replies[0].status, 200);
        QCOMPARE(client.replies[1].status, 431); // the rest is no request: a head without end
        QVERIFY(client.waitForDisconnected());
        QVERIFY(servesNormally());
    }

    void acceptsBodiesUpToTheLimit()
    {
        const QByteArray body = QByteArray(64 * 1024, 'k');
        const HttpReply r = roundTrip(port, httpRequest("POST", "/echo", port, {}, {}, body));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("body")).toString().size(), body.size());
    }

    void answersExpectContinue()
    {
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        client.send(
            httpRequest("POST", "/echo", port, {}, {"Expect: 100-continue", "Content-Length: 4"})
                .replace("Content-Length: 0\r\n", ""));
        QTRY_VERIFY(client.received.startsWith("HTTP/1.1 100 Continue\r\n\r\n"));
        client.send("body");
        QVERIFY(client.waitForReplies(1));
        QCOMPARE(client.replies[0].status, 200);
        QCOMPARE(client.replies[0].json().value(QStringLiteral("body")).toString(),
                 QStringLiteral("body"));
    }

    void answersPipelinedRequestsInOrder()
    {
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        QByteArray burst;
        for (int i = 0; i < 40; ++i) // more than maxPipelined: reading pauses and resumes
            burst += get("/echo/" + QByteArray::number(i));
        burst += httpRequest("POST", "/echo/last", port, {}, {}, "{}");
        client.send(burst); // one write, one packet
        QVERIFY(client.waitForReplies(41));
        for (int i = 0; i < 40; ++i)
            QCOMPARE(client.replies[i].json().value(QStringLiteral("path")).toString(),
                     QStringLiteral("/echo/%1").arg(i));
        QCOMPARE(client.replies[40].json().value(QStringLiteral("method")).toString(),
                 QStringLiteral("POST"));
        QVERIFY(client.isConnected());
    }

    void answersAsyncHandlersInOrderWhenPipelined()
    {
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        const int before = state->handled;
        client.send(get("/slow/300") + get("/echo/1") + get("/slow/10") + get("/echo/3"));
        QTRY_COMPARE(state->handled.load(), before + 4); // all ran while the first was pending
        QCOMPARE(client.replies.size(), 0);
        QVERIFY(client.waitForReplies(4));
        QCOMPARE(client.replies[0].json().value(QStringLiteral("slow")).toInt(), 300);
        QCOMPARE(client.replies[1].json().value(QStringLiteral("path")).toString(),
                 QStringLiteral("/echo/1"));
        QCOMPARE(client.replies[2].json().value(QStringLiteral("slow")).toInt(), 10);
        QCOMPARE(client.replies[3].json().value(QStringLiteral("path")).toString(),
                 QStringLiteral("/echo/3"));
    }

    void acceptsAnswersFromOtherThreads()
    {
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        client.send(httpRequest("POST", "/block/1%40lid", port, {}) + get(kEcho));
        QVERIFY(client.waitForReplies(2));
        QCOMPARE(client.replies[0].status, 204);
        QVERIFY(client.replies[0].body.isEmpty());
        QCOMPARE(client.replies[0].header("x-request-id"), QByteArray("gw-1%40lid"));
        QCOMPARE(client.replies[1].status, 200);
    }

    void answers500WhenAResponderIsDropped()
    {
        const HttpReply r = roundTrip(port, get("/dropped"));
        QCOMPARE(r.status, 500);
        QCOMPARE(serverError(r), QStringLiteral("the request handler did not answer"));
    }

    void answers503WhenAHandlerNeverAnswers()
    {
        HttpLimits limits = testLimits();
        limits.handlerTimeoutMs = 300;
        auto s = startServer(limits);
        QVERIFY(s);
        HttpTestClient client;
        QVERIFY(client.connectTo(s->port()));
        client.send(get("/parked", s->port()) + get(kEcho, s->port()));
        QVERIFY(client.waitForReplies(2));
        QCOMPARE(client.replies[0].status, 503);
        QCOMPARE(serverError(client.replies[0]), QStringLiteral("no answer in time"));
        QCOMPARE(client.replies[1].status, 200);
        const QList<HttpResponder> parked = state->takeParked();
        QCOMPARE(parked.size(), 1);
        QVERIFY(parked[0].isCancelled());
        parked[0].send(HttpResponse::noContent()); // too late: goes nowhere
        QVERIFY(client.isConnected());
        client.send(get(kEcho, s->port()));
        QVERIFY(client.waitForReplies(3));
        QCOMPARE(client.replies[2].status, 200);
    }

    void cancelsRespondersWhenTheClientLeaves()
    {
        {
            HttpTestClient client;
            QVERIFY(client.connectTo(port));
            client.send(get("/parked"));
            QTRY_COMPARE(state->parked.size(), 1);
            QVERIFY(!state->parked[0].isCancelled());
        }
        QTRY_VERIFY(state->parked[0].isCancelled());
        state->parked[0].send(HttpResponse::noContent());
        QVERIFY(servesNormally());
    }

    void closesAfterConnectionClose()
    {
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        client.send(get(kEcho) + httpRequest("GET", kEcho, port, {}, {"Connection: close"})
                    + get(kEcho));
        QVERIFY(client.waitForReplies(2));
        QVERIFY(client.waitForDisconnected());
        QCOMPARE(client.replies.size(), 2);
        QCOMPARE(client.replies[1].header("connection"), QByteArray("close"));
    }

    void speaksHttp10()
    {
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        client.send("GET " + kEcho + " HTTP/1.0\r\nHost: localhost:" + QByteArray::number(port)
                    + "\r\n\r\n");
        QVERIFY(client.waitForReplies(1));
        QCOMPARE(client.replies[0].status, 200);
        QVERIFY(client.waitForDisconnected());
        // Keep-alive only when asked for, and then said explicitly.
        HttpTestClient kept;
        QVERIFY(kept.connectTo(port));
        kept.send("GET " + kEcho + " HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        QVERIFY(kept.waitForReplies(1));
        QCOMPARE(kept.replies[0].header("connection"), QByteArray("keep-alive"));
        QVERIFY(kept.isConnected());
    }

    void refusesMalformedRequestsAndCloses()
    {
        for (const QByteArray &bad :
             {QByteArray("GARBAGE\r\n\r\n"), QByteArray("GET / HTTP/1.1\r\n\r\n"),
              QByteArray("GET / HTTP/3.0\r\nHost: x\r\n\r\n"),
              QByteArray("GET /a b HTTP/1.1\r\nHost: x\r\n\r\n"),
              QByteArray("GET http://127.0.0.1/echo HTTP/1.1\r\nHost: x\r\n\r\n"),
              QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15),
              QByteArray("\x16\x03\x01\x02\x00", 5)}) {
            HttpTestClient client;
            QVERIFY(client.connectTo(port));
            client.send(bad);
            QVERIFY(client.waitForReplies(1));
            QVERIFY(client.replies[0].status >= 400 && client.replies[0].status < 600);
            QVERIFY(!serverError(client.replies[0]).isEmpty());
            QVERIFY(client.waitForDisconnected());
        }
        QVERIFY(servesNormally());
    }

    void keepsServingOneConnection()
    {
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        for (int i = 0; i < 50; ++i) {
            client.send(get(kEcho));
            QVERIFY(client.waitForReplies(i + 1));
            QCOMPARE(client.replies[i].status, 200);
        }
    }

    void closesIdleConnections()
    {
        HttpLimits limits = testLimits();
        limits.idleTimeoutMs = 300;
        auto s = startServer(limits);
        QVERIFY(s);
        HttpTestClient client;
        QVERIFY(client.connectTo(s->port()));
        client.send(get(kEcho, s->port()));
        QVERIFY(client.waitForReplies(1));
        QElapsedTimer idle;
        idle.start();
        QVERIFY(client.waitForDisconnected(5000));
        QVERIFY(idle.elapsed() >= 250);
        QTRY_COMPARE(s->connectionCount(), 0);
        QVERIFY(servesNormally(s->port()));
    }

    void cutsOffSlowClients()
    {
        HttpLimits limits = testLimits();
        limits.requestTimeoutMs = 400;
        limits.idleTimeoutMs = 10000; // the trickle keeps the connection "active"
        auto s = startServer(limits);
        QVERIFY(s);
        HttpTestClient client;
        QVERIFY(client.connectTo(s->port()));
        const QByteArray request = get(kEcho, s->port());
        qsizetype sent = 0;
        QTimer trickle;
        connect(&trickle, &QTimer::timeout, &client, [&] {
            if (sent < request.size() - 1 && client.isConnected()) // never the last byte
                client.send(request.mid(sent++, 1));
        });
        trickle.start(20);
        QElapsedTimer elapsed;
        elapsed.start();
        QVERIFY(client.waitForDisconnected(5000));
        trickle.stop();
        QVERIFY(elapsed.elapsed() < 5000);
        QVERIFY(sent < request.size() - 1);
        QCOMPARE(client.replies.value(0).status, 408);
        QCOMPARE(serverError(client.replies.value(0)),
                 QStringLiteral("request not received in time"));
        QVERIFY(servesNormally(s->port()));
    }

    void servesIPv6LoopbackToo()
    {
        HttpServerConfig config;
        config.listenIPv6 = true;
        HttpServer s(config, HttpTestHandler::factory(state));
        QVERIFY(s.listen());
        HttpTestClient client;
        client.socket().connectToHost(QHostAddress::LocalHostIPv6, s.port());
        QTRY_VERIFY(client.isConnected());
        client.send(get(kEcho, s.port()));
        QVERIFY(client.waitForReplies(1));
        QCOMPARE(client.replies[0].status, 200);
        QCOMPARE(client.replies[0].json().value(QStringLiteral("peer")).toString(),
                 QStringLiteral("::1"));
        QVERIFY(servesNormally(s.port()));
    }

    void shouldLogEachAnswerWithoutQueriesOrHeaders()
    {
        // Given the server's category at debug level
        QLoggingCategory::setFilterRules(QStringLiteral("gc.http.debug=true"));
        g_log.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureLog);
        // When requests with a query, headers and an oversized head are answered
        roundTrip(port, httpRequest("GET", kEcho + "?q=secret1", port, {}, {"X-Secret: secret2"}));
        roundTrip(port,
                  httpRequest("GET", "/x", port, {}, {"X-Big: " + QByteArray(17 * 1024, 'b')}));
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        // Then each answer is one line: method, path, status, duration, request id
        const QString all = g_log.join(QLatin1Char('\n'));
        QVERIFY2(QRegularExpression(
                     QStringLiteral("gc.http: GET /echo/a%40b 200 [0-9.]+ms [0-9a-f]{32}"))
                     .match(all)
                     .hasMatch(),
                 qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("gc.http: - - 431 ")), qPrintable(all));
        QVERIFY(!all.contains(QLatin1String("secret")));
    }

    void closesEverythingOnClose()
    {
        auto s = startServer(testLimits());
        QVERIFY(s);
        HttpTestClient idle, waiting;
        QVERIFY(idle.connectTo(s->port()));
        QVERIFY(waiting.connectTo(s->port()));
        waiting.send(get("/parked", s->port()));
        QTRY_COMPARE(state->parked.size(), 1);
        QTRY_COMPARE(s->connectionCount(), 2);
        s->close();
        QVERIFY(!s->isListening());
        QCOMPARE(s->connectionCount(), 0);
        QVERIFY(idle.waitForDisconnected());
        QVERIFY(waiting.waitForDisconnected());
        QVERIFY(state->parked[0].isCancelled());
        QTcpSocket again;
        again.connectToHost(QHostAddress::LocalHost, s->port());
        QVERIFY(!again.waitForConnected(1000));
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
