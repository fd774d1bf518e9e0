#include "http/HttpServer.h"

#include "HttpTestClient.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QNetworkInterface>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>
#include <thread>

// HttpServer and HttpConnection over real sockets on 127.0.0.1, server on the test thread.
namespace {
const QByteArray kToken = "gcl_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";
const QByteArray kContacts = "/api/v1/sessions/s1/contacts/205227043110953%40lid";

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
void captureLog(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_log.append(message);
}
} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<LocalApiRouter> router = std::make_shared<LocalApiRouter>();
    std::unique_ptr<HttpServer> server;
    quint16 port = 0;
    QList<HttpResponder> parked; // responders a test keeps unanswered on purpose
    int handled = 0;

    std::unique_ptr<HttpServer> startServer(const HttpLimits &limits)
    {
        LocalApiConfig config;
        config.token = kToken;
        config.limits = limits;
        auto s = std::make_unique<HttpServer>(config, router);
        QSignalSpy listening(s.get(), &HttpServer::listening);
        if (!s->listen() || listening.size() != 1)
            return nullptr;
        return s;
    }

    QByteArray get(const QByteArray &target, quint16 p = 0) const
    {
        return httpRequest("GET", target, p ? p : port, kToken);
    }

    // After every abuse: a plain request on a fresh connection still works.
    bool servesNormally(quint16 p = 0)
    {
        const HttpReply r = roundTrip(p ? p : port, get(kContacts, p));
        return r.status == 200
            && r.json().value(QStringLiteral("lid")).toString()
            == QLatin1String("205227043110953@lid");
    }

    HttpReply expectRefusal(const QByteArray &request, int status, const char *code)
    {
        const HttpReply r = roundTrip(port, request);
        if (r.status != status || r.errorCode() != QLatin1String(code))
            qWarning() << "got" << r.status << r.body;
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        router->get(QStringLiteral("/api/v1/sessions/{session}/contacts/{lid}"),
                    [this](const HttpRequest &r) {
                        ++handled;
                        QJsonObject query;
                        for (const auto &q : r.queryItems)
                            query.insert(q.first, q.second);
                        return HttpResponse::json(
                            QJsonObject{{QStringLiteral("session"), r.param(u"session")},
                                        {QStringLiteral("lid"), r.param(u"lid")},
                                        {QStringLiteral("query"), query},
                                        {QStringLiteral("peer"), r.peerAddress.toString()},
                                        {QStringLiteral("id"), QString::fromLatin1(r.requestId)}});
                    });
        router->post(QStringLiteral("/api/v1/sessions/{session}:start"), [](const HttpRequest &r) {
            return HttpResponse::json(
                QJsonObject{{QStringLiteral("started"), r.param(u"session")},
                            {QStringLiteral("body"), QString::fromUtf8(r.body)}});
        });
        router->get(
            QStringLiteral("/api/v1/openapi.json"),
            [](const HttpRequest &) { return HttpResponse::rawJson("{\"openapi\":\"3.1.0\"}"); },
            LocalApiRouter::Access::Public);
        router->getAsync(
            QStringLiteral("/slow/{ms}"), [](const HttpRequest &r, HttpResponder responder) {
                const int ms = r.param(u"ms").toInt();
                QTimer::singleShot(ms, [responder, ms] {
                    responder.send(HttpResponse::json(QJsonObject{{QStringLiteral("slow"), ms}}));
                });
            });
        router->postAsync(
            QStringLiteral("/contacts/{jid}/block"),
            [](const HttpRequest &r, HttpResponder responder) {
                const QString jid = r.param(u"jid");
                std::thread([responder, jid] { // like a gateway reply arriving on another thread
                    HttpResponse answer = HttpResponse::noContent();
                    answer.setHeader("X-Request-Id", "gw-" + jid.toLatin1());
                    responder.send(answer);
                })
                    .detach();
            });
        router->getAsync(QStringLiteral("/dropped"), [](const HttpRequest &, HttpResponder) {});
        router->getAsync(
            QStringLiteral("/parked"),
            [this](const HttpRequest &, HttpResponder responder) { parked.append(responder); });
        server = startServer(testLimits());
        QVERIFY(server);
        port = server->port();
        QVERIFY(port != 0);
        QCOMPARE(server->url(), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    }

    void cleanup() { parked.clear(); }

    void refusesToStartWithoutAToken()
    {
        LocalApiConfig config;
        config.token = "short";
        HttpServer s(config, router);
        QSignalSpy failed(&s, &HttpServer::failed);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("local API not started"));
        QVERIFY(!s.listen());
        QCOMPARE(failed.size(), 1);
    }

    void reportsABusyPort()
    {
        LocalApiConfig config;
        config.token = kToken;
        config.port = port;
        HttpServer s(config, router);
        QSignalSpy failed(&s, &HttpServer::failed);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("local API not started"));
        QVERIFY(!s.listen());
        QCOMPARE(failed.size(), 1);
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

    void servesRoutesWithDecodedParams()
    {
        const HttpReply r = roundTrip(port, get(kContacts + "?q=a+b&group=1-2%40g.us"));
        QCOMPARE(r.status, 200);
        const QJsonObject json = r.json();
        QCOMPARE(json.value(QStringLiteral("session")).toString(), QStringLiteral("s1"));
        QCOMPARE(json.value(QStringLiteral("lid")).toString(),
                 QStringLiteral("205227043110953@lid"));
        QCOMPARE(
            json.value(QStringLiteral("query")).toObject().value(QStringLiteral("q")).toString(),
            QStringLiteral("a b"));
        QCOMPARE(
            json.value(QStringLiteral("query")).toObject().value(QStringLiteral("group")).toString(),
            QStringLiteral("1-2@g.us"));
        QCOMPARE(json.value(QStringLiteral("peer")).toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QCOMPARE(r.header("x-content-type-options"), QByteArray("nosniff"));
        QCOMPARE(r.header("cache-control"), QByteArray("no-store"));
        QCOMPARE(r.header("x-request-id"), json.value(QStringLiteral("id")).toString().toLatin1());
        QCOMPARE(r.header("x-request-id").size(), 32);
        for (const auto &h : r.headers)
            QVERIFY(!h.first.startsWith("access-control"));
    }

    void matchesActionSuffixes()
    {
        const HttpReply r = roundTrip(port,
                                      httpRequest("POST", "/api/v1/sessions/sess%2F1:start", port,
                                                  kToken, {"Content-Type: application/json"},
                                                  "{\"a\":1}"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("started")).toString(), QStringLiteral("sess/1"));
        QCOMPARE(r.json().value(QStringLiteral("body")).toString(), QStringLiteral("{\"a\":1}"));
    }

    void answersHeadWithoutBody()
    {
        HttpTestClient client;
        client.headOnly = 1;
        QVERIFY(client.connectTo(port));
        client.send(httpRequest("HEAD", kContacts, port, kToken) + get(kContacts));
        QVERIFY(client.waitForReplies(2));
        QCOMPARE(client.replies[0].status, 200);
        QVERIFY(client.replies[0].body.isEmpty());
        QCOMPARE(client.replies[0].header("content-length"),
                 client.replies[1].header("content-length"));
        QCOMPARE(client.replies[1].status, 200);
    }

    void servesPublicRoutesWithoutToken()
    {
        QCOMPARE(roundTrip(port, httpRequest("GET", "/api/v1/openapi.json", port, {})).status, 200);
    }

    void refusesMissingOrWrongTokens()
    {
        HttpReply r = expectRefusal(httpRequest("GET", kContacts, port, {}), 401, "unauthorized");
        QCOMPARE(r.status, 401);
        QVERIFY(r.header("www-authenticate").startsWith("Bearer"));
        QVERIFY(r.hasHeader("x-request-id"));
        r = expectRefusal(httpRequest("GET", kContacts, port, kToken.left(46) + "X"), 401,
                          "unauthorized");
        QCOMPARE(r.status, 401);
        r = expectRefusal(httpRequest("GET", "/no/such/path", port, {}), 401, "unauthorized");
        QCOMPARE(r.status, 401);
        r = roundTrip(port, httpRequest("GET", kContacts, port, {}, {"x-api-key: " + kToken}));
        QCOMPARE(r.status, 200);
        QVERIFY(servesNormally());
    }

    void refusesForeignHosts()
    {
        for (const QByteArray &host :
             {QByteArray("attacker.example"), QByteArray("127.0.0.1"), QByteArray("127.0.0.1:1"),
              QByteArray("localhost.attacker.example")}) {
            QByteArray request = get(kContacts);
            request.replace("Host: 127.0.0.1:" + QByteArray::number(port),
                            "Host: " + host
                                + (host.contains(':') || host == "127.0.0.1"
                                       ? ""
                                       : ":" + QByteArray::number(port)));
            const HttpReply r = expectRefusal(request, 403, "forbidden");
            QCOMPARE(r.status, 403);
            QCOMPARE(r.errorCode(), QStringLiteral("forbidden"));
        }
        QByteArray request = get(kContacts);
        request.replace("Host: 127.0.0.1", "Host: localhost");
        QCOMPARE(roundTrip(port, request).status, 200);
        QVERIFY(servesNormally());
    }

    void refusesBrowsers()
    {
        const HttpReply r = expectRefusal(
            httpRequest("GET", kContacts, port, kToken, {"Origin: http://127.0.0.1"}), 403,
            "forbidden");
        QCOMPARE(r.status, 403);
        for (const auto &h : r.headers)
            QVERIFY(!h.first.startsWith("access-control"));
        // A CORS preflight gets no CORS answer either.
        QCOMPARE(roundTrip(port,
                           httpRequest("OPTIONS", kContacts, port, {},
                                       {"Origin: http://evil.example",
                                        "Access-Control-Request-Method: POST"}))
                     .status,
                 403);
        QVERIFY(servesNormally());
    }

    void answersUnknownPathsAndMethods()
    {
        HttpReply r = expectRefusal(get("/api/v1/nothing"), 404, "not_found");
        QCOMPARE(r.status, 404);
        for (const QByteArray &method : {QByteArray("DELETE"), QByteArray("PUT"),
                                         QByteArray("OPTIONS"), QByteArray("TRACE")}) {
            r = roundTrip(port, httpRequest(method, kContacts, port, kToken));
            QCOMPARE(r.status, 405);
            QCOMPARE(r.errorCode(), QStringLiteral("validation_error"));
            QCOMPARE(r.header("allow"), QByteArray("GET, HEAD"));
        }
        QVERIFY(servesNormally());
    }

    void refusesHostilePaths_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::newRow("dot dot") << QByteArray("/api/v1/sessions/../../etc/passwd") << 400;
        QTest::newRow("encoded dot dot")
            << QByteArray("/api/v1/sessions/s1/contacts/%2e%2e") << 400;
        QTest::newRow("nul") << QByteArray("/api/v1/sessions/s1/contacts/a%00b") << 400;
        QTest::newRow("overlong") << QByteArray("/api/v1/sessions/s1/contacts/%C0%AE%C0%AE") << 400;
        QTest::newRow("invalid utf-8") << QByteArray("/api/v1/sessions/s1/contacts/%FF%FE") << 400;
        QTest::newRow("bad escape") << QByteArray("/api/v1/sessions/s1/contacts/%G0") << 400;
        QTest::newRow("backslash") << QByteArray("/api/v1/sessions/s1\\..\\x") << 400;
        QTest::newRow("absolute url") << QByteArray("http://127.0.0.1/api") << 400;
        QTest::newRow("10 kB unknown") << "/" + QByteArray(10 * 1024, 'a') << 404;
        QTest::newRow("10 kB parameter")
            << "/api/v1/sessions/s1/contacts/" + QByteArray(10 * 1024, '9') << 200;
        QTest::newRow("15 kB escapes")
            << "/api/v1/sessions/s1/contacts/" + QByteArray("%40").repeated(5000) << 200;
        QTest::newRow("20 kB") << "/" + QByteArray(20 * 1024, 'a') << 431;
    }

    void refusesHostilePaths()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        const HttpReply r = roundTrip(port, get(target));
        QCOMPARE(r.status, status);
        if (status != 200)
            QVERIFY(!r.errorCode().isEmpty());
        QVERIFY(servesNormally());
    }

    void refusesOversizedHeads()
    {
        // Complete head over 16 KiB.
        HttpReply r = roundTrip(
            port,
            httpRequest("GET", kContacts, port, kToken, {"X-Big: " + QByteArray(17 * 1024, 'b')}));
        QCOMPARE(r.status, 431);
        QCOMPARE(r.errorCode(), QStringLiteral("validation_error"));
        QCOMPARE(r.header("connection"), QByteArray("close"));
        // A head that never ends: refused once 16 KiB arrived, connection closed.
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        client.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Endless: "
                    + QByteArray(20 * 1024, 'e'));
        QVERIFY(client.waitForReplies(1));
        QCOMPARE(client.replies[0].status, 431);
        QVERIFY(client.waitForDisconnected());
        // Many small headers.
        QList<QByteArray> many;
        for (int i = 0; i < 200; ++i)
            many.append("X-H" + QByteArray::number(i) + ": v");
        QCOMPARE(roundTrip(port, httpRequest("GET", kContacts, port, kToken, many)).status, 431);
        QVERIFY(servesNormally());
    }

    void refusesLargeBodiesByContentLength()
    {
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        client.send(httpRequest("POST", "/api/v1/sessions/s:start", port, kToken,
                                {"Content-Length: 10485760"})
                        .replace("Content-Length: 0\r\n", ""));
        QVERIFY(client.waitForReplies(1));
        QCOMPARE(client.replies[0].status, 413);
        QCOMPARE(client.replies[0].errorCode(), QStringLiteral("validation_error"));
        QVERIFY(client.waitForDisconnected());
        QVERIFY(servesNormally());
    }

    void refusesLargeBodiesWhileTheyStream()
    {
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        const QByteArray head = httpRequest("POST", "/api/v1/sessions/s:start", port, kToken,
                                            {"Content-Length: 10485760"})
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
        client.send("POST /api/v1/sessions/s:start HTTP/1.1\r\nHost: 127.0.0.1:"
                    + QByteArray::number(port) + "\r\nAuthorization: Bearer " + kToken
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n");
        QByteArray chunks;
        for (int i = 0; i < 160; ++i)
            chunks += "10000\r\n" + QByteArray(0x10000, 'c') + "\r\n"; // 10 MiB in 64 KiB chunks
        client.socket().write(chunks + "0\r\n\r\n");
        QVERIFY(client.waitForReplies(1));
        QCOMPARE(client.replies[0].status, 411);
        QCOMPARE(client.replies[0].errorCode(), QStringLiteral("validation_error"));
        QVERIFY(client.waitForDisconnected());
        QVERIFY(servesNormally());
    }

    void stopsAtABodyThatLiesAboutItsLength()
    {
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        client.send(httpRequest("POST", "/api/v1/sessions/s:start", port, kToken, {}, "0123456789")
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
        const HttpReply r = roundTrip(
            port, httpRequest("POST", "/api/v1/sessions/s:start", port, kToken, {}, body));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("body")).toString().size(), body.size());
    }

    void answersExpectContinue()
    {
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        client.send(httpRequest("POST", "/api/v1/sessions/s:start", port, kToken,
                                {"Expect: 100-continue", "Content-Length: 4"})
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
            burst += get("/api/v1/sessions/s" + QByteArray::number(i) + "/contacts/x");
        burst += httpRequest("POST", "/api/v1/sessions/last:start", port, kToken, {}, "{}");
        client.send(burst); // one write, one packet
        QVERIFY(client.waitForReplies(41));
        for (int i = 0; i < 40; ++i)
            QCOMPARE(client.replies[i].json().value(QStringLiteral("session")).toString(),
                     QStringLiteral("s%1").arg(i));
        QCOMPARE(client.replies[40].json().value(QStringLiteral("started")).toString(),
                 QStringLiteral("last"));
        QVERIFY(client.isConnected());
    }

    void answersAsyncHandlersInOrderWhenPipelined()
    {
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        const int before = handled;
        client.send(get("/slow/300") + get(kContacts) + get("/slow/10")
                    + get("/api/v1/sessions/z/contacts/x"));
        QTRY_COMPARE(handled, before + 2); // the sync ones ran while the first was pending
        QCOMPARE(client.replies.size(), 0);
        QVERIFY(client.waitForReplies(4));
        QCOMPARE(client.replies[0].json().value(QStringLiteral("slow")).toInt(), 300);
        QCOMPARE(client.replies[1].json().value(QStringLiteral("lid")).toString(),
                 QStringLiteral("205227043110953@lid"));
        QCOMPARE(client.replies[2].json().value(QStringLiteral("slow")).toInt(), 10);
        QCOMPARE(client.replies[3].json().value(QStringLiteral("session")).toString(),
                 QStringLiteral("z"));
    }

    void acceptsAnswersFromOtherThreads()
    {
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        client.send(httpRequest("POST", "/contacts/1%40lid/block", port, kToken) + get(kContacts));
        QVERIFY(client.waitForReplies(2));
        QCOMPARE(client.replies[0].status, 204);
        QVERIFY(client.replies[0].body.isEmpty());
        QCOMPARE(client.replies[0].header("x-request-id"), QByteArray("gw-1@lid"));
        QCOMPARE(client.replies[1].status, 200);
    }

    void answers500WhenAResponderIsDropped()
    {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("GET /dropped 500"));
        const HttpReply r = roundTrip(port, get("/dropped"));
        QCOMPARE(r.status, 500);
        QCOMPARE(r.errorCode(), QStringLiteral("internal"));
    }

    void answers503WhenAHandlerNeverAnswers()
    {
        HttpLimits limits = testLimits();
        limits.handlerTimeoutMs = 300;
        auto s = startServer(limits);
        QVERIFY(s);
        HttpTestClient client;
        QVERIFY(client.connectTo(s->port()));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("GET /parked 503"));
        client.send(get("/parked", s->port()) + get(kContacts, s->port()));
        QVERIFY(client.waitForReplies(2));
        QCOMPARE(client.replies[0].status, 503);
        QCOMPARE(client.replies[0].errorCode(), QStringLiteral("gateway_unavailable"));
        QCOMPARE(client.replies[1].status, 200);
        QCOMPARE(parked.size(), 1);
        QVERIFY(parked[0].isCancelled());
        parked[0].send(HttpResponse::noContent()); // too late: goes nowhere
        QVERIFY(client.isConnected());
        client.send(get(kContacts, s->port()));
        QVERIFY(client.waitForReplies(3));
        QCOMPARE(client.replies[2].status, 200);
    }

    void cancelsRespondersWhenTheClientLeaves()
    {
        {
            HttpTestClient client;
            QVERIFY(client.connectTo(port));
            client.send(get("/parked"));
            QTRY_COMPARE(parked.size(), 1);
            QVERIFY(!parked[0].isCancelled());
        }
        QTRY_VERIFY(parked[0].isCancelled());
        parked[0].send(HttpResponse::noContent());
        QVERIFY(servesNormally());
    }

    void closesAfterConnectionClose()
    {
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        client.send(get(kContacts)
                    + httpRequest("GET", kContacts, port, kToken, {"Connection: close"})
                    + get(kContacts));
        QVERIFY(client.waitForReplies(2));
        QVERIFY(client.waitForDisconnected());
        QCOMPARE(client.replies.size(), 2);
        QCOMPARE(client.replies[1].header("connection"), QByteArray("close"));
    }

    void speaksHttp10()
    {
        HttpReply r = roundTrip(
            port, "GET " + kContacts + " HTTP/1.0\r\nAuthorization: Bearer " + kToken + "\r\n\r\n");
        QCOMPARE(r.status, 403); // no Host: not ours
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        client.send("GET " + kContacts + " HTTP/1.0\r\nHost: localhost:" + QByteArray::number(port)
                    + "\r\nAuthorization: Bearer " + kToken + "\r\n\r\n");
        QVERIFY(client.waitForReplies(1));
        QCOMPARE(client.replies[0].status, 200);
        QVERIFY(client.waitForDisconnected());
    }

    void refusesMalformedRequestsAndCloses()
    {
        for (const QByteArray &bad :
             {QByteArray("GARBAGE\r\n\r\n"), QByteArray("GET / HTTP/1.1\r\n\r\n"),
              QByteArray("GET / HTTP/3.0\r\nHost: x\r\n\r\n"),
              QByteArray("GET /a b HTTP/1.1\r\nHost: x\r\n\r\n"),
              QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15),
              QByteArray("\x16\x03\x01\x02\x00", 5)}) {
            HttpTestClient client;
            QVERIFY(client.connectTo(port));
            client.send(bad);
            QVERIFY(client.waitForReplies(1));
            QVERIFY(client.replies[0].status >= 400 && client.replies[0].status < 600);
            QCOMPARE(client.replies[0].errorCode(), QStringLiteral("validation_error"));
            QVERIFY(client.waitForDisconnected());
        }
        QVERIFY(servesNormally());
    }

    void keepsServingOneConnection()
    {
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        for (int i = 0; i < 50; ++i) {
            client.send(get(kContacts));
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
        client.send(get(kContacts, s->port()));
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
        const QByteArray request = get(kContacts, s->port());
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
        QVERIFY(servesNormally(s->port()));
    }

    void limitsConcurrentConnections()
    {
        HttpLimits limits = testLimits();
        limits.idleTimeoutMs = 3000;
        auto s = startServer(limits);
        QVERIFY(s);
        const quint16 p = s->port();
        std::vector<std::unique_ptr<HttpTestClient>> clients;
        for (int i = 0; i < 64; ++i) {
            clients.push_back(std::make_unique<HttpTestClient>());
            QVERIFY(clients.back()->connectTo(p));
        }
        QTRY_COMPARE(s->connectionCount(), 64);
        for (int i = 64; i < 200; ++i) {
            clients.push_back(std::make_unique<HttpTestClient>());
            QVERIFY(clients.back()->connectTo(p));
        }
        for (int i = 64; i < 200; ++i) {
            QVERIFY(clients[size_t(i)]->waitForReplies(1));
            QCOMPARE(clients[size_t(i)]->replies[0].status, 503);
            QCOMPARE(clients[size_t(i)]->replies[0].errorCode(),
                     QStringLiteral("gateway_unavailable"));
            QVERIFY(clients[size_t(i)]->waitForDisconnected());
        }
        QCOMPARE(s->connectionCount(), 64);
        // The admitted ones are still served.
        for (const int i : {0, 31, 63}) {
            QVERIFY(clients[size_t(i)]->isConnected());
            clients[size_t(i)]->send(get(kContacts, p));
            QVERIFY(clients[size_t(i)]->waitForReplies(1));
            QCOMPARE(clients[size_t(i)]->replies[0].status, 200);
        }
        // Idle ones are closed after the timeout, which frees the slots.
        for (int i = 0; i < 64; ++i)
            QVERIFY(clients[size_t(i)]->waitForDisconnected(10000));
        QTRY_COMPARE(s->connectionCount(), 0);
        QVERIFY(servesNormally(p));
    }

    void servesIPv6LoopbackToo()
    {
        LocalApiConfig config;
        config.token = kToken;
        config.listenIPv6 = true;
        HttpServer s(config, router);
        QVERIFY(s.listen());
        HttpTestClient client;
        client.socket().connectToHost(QHostAddress::LocalHostIPv6, s.port());
        QTRY_VERIFY(client.isConnected());
        QByteArray request = get(kContacts, s.port());
        request.replace("Host: 127.0.0.1:", "Host: [::1]:");
        client.send(request);
        QVERIFY(client.waitForReplies(1));
        QCOMPARE(client.replies[0].status, 200);
        QCOMPARE(client.replies[0].json().value(QStringLiteral("peer")).toString(),
                 QStringLiteral("::1"));
        QVERIFY(servesNormally(s.port()));
    }

    void neverLogsTokens()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("gc.localapi.debug=true"));
        g_log.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureLog);
        roundTrip(port, get(kContacts + "?q=1"));
        roundTrip(port, httpRequest("GET", kContacts, port, {}, {"x-api-key: " + kToken}));
        roundTrip(port, httpRequest("GET", kContacts, port, "gcl_wrongwrongwrong"));
        roundTrip(port,
                  httpRequest("GET", "/x", port, {}, {"X-Big: " + QByteArray(17 * 1024, 'b')}));
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        const QString all = g_log.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(
                     QLatin1String("GET /api/v1/sessions/s1/contacts/205227043110953%40lid 200")),
                 qPrintable(all));
        QVERIFY(all.contains(QLatin1String(" 401 ")));
        QVERIFY(all.contains(QLatin1String(" 431 ")));
        QVERIFY(!all.contains(QString::fromLatin1(kToken)));
        QVERIFY(!all.contains(QLatin1String("wrongwrong")));
        QVERIFY(!all.contains(QLatin1String("Bearer")));
        QVERIFY(!all.contains(QLatin1String("q=1")));
    }

    void closesEverythingOnClose()
    {
        auto s = startServer(testLimits());
        QVERIFY(s);
        HttpTestClient idle, waiting;
        QVERIFY(idle.connectTo(s->port()));
        QVERIFY(waiting.connectTo(s->port()));
        waiting.send(get("/parked", s->port()));
        QTRY_COMPARE(parked.size(), 1);
        QTRY_COMPARE(s->connectionCount(), 2);
        s->close();
        QVERIFY(!s->isListening());
        QCOMPARE(s->connectionCount(), 0);
        QVERIFY(idle.waitForDisconnected());
        QVERIFY(waiting.waitForDisconnected());
        QVERIFY(parked[0].isCancelled());
        QTcpSocket again;
        again.connectToHost(QHostAddress::LocalHost, s->port());
        QVERIFY(!again.waitForConnected(1000));
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
