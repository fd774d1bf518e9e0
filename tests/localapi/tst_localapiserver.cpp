#include "localapi/LocalApiServerThread.h"

#include "HttpTestClient.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

// The local API as served: LocalApiServerThread (the generic server on its own thread with
// LocalApiDispatcher as its handler) over real sockets on 127.0.0.1, with a small router.
// What the product adds to the generic server: Host, browser and token checks, path
// checks, routing, and the gateway's envelope on every error, the server's own included.
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

// Messages come from the server thread too.
QMutex g_logMutex;
QStringList g_log;
void captureLog(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    QMutexLocker lock(&g_logMutex);
    g_log.append(QLatin1String(context.category) + QLatin1String(": ") + message);
}
QString capturedLog()
{
    QMutexLocker lock(&g_logMutex);
    return g_log.join(QLatin1Char('\n'));
}
} // namespace

class TestLocalApiServer : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<LocalApiRouter> router = std::make_shared<LocalApiRouter>();
    std::unique_ptr<LocalApiServerThread> server;
    quint16 port = 0;

    std::unique_ptr<LocalApiServerThread> startServer(const HttpLimits &limits,
                                                      const QByteArray &token = kToken)
    {
        LocalApiConfig config;
        config.token = token;
        config.limits = limits;
        config.writeDiscoveryFile = false;
        auto s = std::make_unique<LocalApiServerThread>();
        QSignalSpy listening(s.get(), &LocalApiServerThread::listening);
        if (!s->start(config, router) || !listening.wait(10000))
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
                    [](const HttpRequest &r) {
                        QJsonObject query;
                        for (const auto &q : r.queryItems)
                            query.insert(q.first, q.second);
                        return HttpResponse::json(
                            QJsonObject{{QStringLiteral("session"), r.param(u"session")},
                                        {QStringLiteral("lid"), r.param(u"lid")},
                                        {QStringLiteral("query"), query},
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
        router->getAsync(QStringLiteral("/parked"), [](const HttpRequest &, HttpResponder r) {
            static QList<HttpResponder> parked; // server thread only: kept unanswered
            parked.append(r);
        });
        server = startServer(testLimits());
        QVERIFY(server);
        port = quint16(server->url().port());
        QVERIFY(port != 0);
    }

    void refusesToStartWithoutAToken()
    {
        LocalApiConfig config;
        config.token = "short";
        config.writeDiscoveryFile = false;
        LocalApiServerThread s;
        QSignalSpy failed(&s, &LocalApiServerThread::failed);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("local API not started: .*token"));
        QVERIFY(s.start(config, router));
        QVERIFY(failed.wait());
        QVERIFY(failed.first().first().toString().contains(QLatin1String("token")));
        QVERIFY(!s.isRunning());
    }

    void servesRoutesWithDecodedParams()
    {
        const HttpReply r = roundTrip(port, get(kContacts + "?q=a+b&group=1-2%40g.us"));
        QCOMPARE(r.status, 200);
        const QJsonObject json = r.json();
        QCOMPARE(json.value(QStringLiteral("session")).toString(), QStringLiteral("s1"));
        QCOMPARE(json.value(QStringLiteral("lid")).toString(),
                 QStringLiteral("205227043110953@lid"));
        const QJsonObject query = json.value(QStringLiteral("query")).toObject();
        QCOMPARE(query.value(QStringLiteral("q")).toString(), QStringLiteral("a b"));
        QCOMPARE(query.value(QStringLiteral("group")).toString(), QStringLiteral("1-2@g.us"));
        QCOMPARE(r.header("x-content-type-options"), QByteArray("nosniff"));
        QCOMPARE(r.header("cache-control"), QByteArray("no-store"));
        QCOMPARE(r.header("x-request-id"), json.value(QStringLiteral("id")).toString().toLatin1());
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
        QCOMPARE(
            r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")),
            QStringLiteral("missing or invalid credentials"));
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
        // HTTP/1.0 without Host is not ours either.
        const HttpReply r = roundTrip(
            port, "GET " + kContacts + " HTTP/1.0\r\nAuthorization: Bearer " + kToken + "\r\n\r\n");
        QCOMPARE(r.status, 403);
        QVERIFY(servesNormally());
    }

    void shouldCloseTheConnectionOnceAForeignHostIsRefused()
    {
        // Given a keep-alive client whose request names another host, with a good one behind
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        QByteArray foreign = get(kContacts);
        foreign.replace("Host: 127.0.0.1:", "Host: h7.rebind.example:");
        client.send(foreign + get(kContacts));
        // When the server refuses it
        QVERIFY(client.waitForReplies(1));
        // Then the refusal says it closes, and it does, the next request unread
        QCOMPARE(client.replies[0].status, 403);
        QCOMPARE(client.replies[0].errorCode(), QStringLiteral("forbidden"));
        QCOMPARE(client.replies[0].header("connection"), QByteArray("close"));
        QVERIFY(client.waitForDisconnected());
        QCOMPARE(client.replies.size(), 1);
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
        QCOMPARE(
            roundTrip(port,
                      httpRequest("GET", kContacts, port, kToken, {"Sec-Fetch-Site: cross-site"}))
                .status,
            403);
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
            QVERIFY(r.body.isEmpty());
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

    void answersTheServersOwnRefusalsWithTheEnvelope_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        const QByteArray host = "Host: 127.0.0.1:" + QByteArray::number(port) + "\r\n";
        QTest::newRow("malformed") << QByteArray("GARBAGE\r\n\r\n") << 400;
        QTest::newRow("no host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("version") << "GET / HTTP/3.0\r\n" + host + "\r\n" << 505;
        QTest::newRow("head too large")
            << "GET / HTTP/1.1\r\n" + host + "X-Big: " + QByteArray(17 * 1024, 'b') + "\r\n\r\n"
            << 431;
        QTest::newRow("body too large")
            << "POST / HTTP/1.1\r\n" + host + "Content-Length: 10485760\r\n\r\n"
            << 413;
        QTest::newRow("chunked") << "POST / HTTP/1.1\r\n" + host
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
                                 << 411;
        QTest::newRow("expect") << "POST / HTTP/1.1\r\n" + host
                + "Expect: something\r\nContent-Length: 1\r\n\r\nx"
                                << 417;
    }

    void answersTheServersOwnRefusalsWithTheEnvelope()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        HttpTestClient client;
        QVERIFY(client.connectTo(port));
        client.send(request);
        QVERIFY(client.waitForReplies(1));
        QCOMPARE(client.replies[0].status, status);
        QCOMPARE(client.replies[0].errorCode(), QStringLiteral("validation_error"));
        QVERIFY(!client.replies[0]
                     .json()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString()
                     .isEmpty());
        QCOMPARE(client.replies[0].header("connection"), QByteArray("close"));
        QVERIFY(client.replies[0].header("x-request-id").size() == 32);
        QVERIFY(client.waitForDisconnected());
        QVERIFY(servesNormally());
    }

    void answersTimeoutsAndBusyWithTheEnvelope()
    {
        HttpLimits limits = testLimits();
        limits.requestTimeoutMs = 300;
        limits.handlerTimeoutMs = 300;
        limits.maxConnections = 2;
        limits.reservedConnections = 0;
        auto s = startServer(limits);
        QVERIFY(s);
        const quint16 p = quint16(s->url().port());
        // A request that never ends: 408.
        HttpTestClient slow;
        QVERIFY(slow.connectTo(p));
        slow.send("GET / HTTP/1.1\r\n");
        QVERIFY(slow.waitForReplies(1));
        QCOMPARE(slow.replies[0].status, 408);
        QCOMPARE(slow.replies[0].errorCode(), QStringLiteral("validation_error"));
        QVERIFY(slow.waitForDisconnected());
        // A handler that never answers: 503.
        HttpTestClient parked;
        QVERIFY(parked.connectTo(p));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("GET /parked 503"));
        parked.send(get("/parked", p));
        QVERIFY(parked.waitForReplies(1));
        QCOMPARE(parked.replies[0].status, 503);
        QCOMPARE(parked.replies[0].errorCode(), QStringLiteral("gateway_unavailable"));
        // A request on a third connection while two are open: 503.
        HttpTestClient other;
        QVERIFY(other.connectTo(p));
        HttpTestClient third;
        QVERIFY(third.connectTo(p));
        third.send(get(kContacts, p));
        QVERIFY(third.waitForReplies(1));
        QCOMPARE(third.replies[0].status, 503);
        QCOMPARE(third.replies[0].errorCode(), QStringLiteral("gateway_unavailable"));
    }

    void neverLogsTokens()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("gc.localapi.debug=true"));
        {
            QMutexLocker lock(&g_logMutex);
            g_log.clear();
        }
        const QtMessageHandler previous = qInstallMessageHandler(captureLog);
        roundTrip(port, get(kContacts + "?q=1"));
        roundTrip(port, httpRequest("GET", kContacts, port, {}, {"x-api-key: " + kToken}));
        roundTrip(port, httpRequest("GET", kContacts, port, "gcl_wrongwrongwrong"));
        roundTrip(port,
                  httpRequest("GET", "/x", port, {}, {"X-Big: " + QByteArray(17 * 1024, 'b')}));
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        const QString all = capturedLog();
        QVERIFY2(all.contains(QLatin1String(
                     "gc.localapi: GET /api/v1/sessions/s1/contacts/205227043110953%40lid 200")),
                 qPrintable(all));
        QVERIFY(all.contains(QLatin1String(" 401 ")));
        QVERIFY(all.contains(QLatin1String(" 431 ")));
        QVERIFY(!all.contains(QString::fromLatin1(kToken)));
        QVERIFY(!all.contains(QLatin1String("wrongwrong")));
        QVERIFY(!all.contains(QLatin1String("Bearer")));
        QVERIFY(!all.contains(QLatin1String("q=1")));
    }
};

QTEST_GUILESS_MAIN(TestLocalApiServer)
#include "tst_localapiserver.moc"
