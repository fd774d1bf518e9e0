#include "http/HttpServer.h"

#include "HttpTestClient.h"
#include "HttpTestHandler.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMutex>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

// How HttpServer shares its connection slots: requests refused at admission close their
// connection at once, reserved slots go to admitted requests only, connections on probation
// must be admitted in time, refusals are summed up in the log. Real sockets on 127.0.0.1,
// server on the test thread, HttpTestHandler (Host "refused.*" is not admitted).
namespace {
QMutex g_logMutex;
QStringList g_log;
void captureLog(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    QMutexLocker lock(&g_logMutex);
    g_log.append(QLatin1String(context.category) + QLatin1String(": ") + message);
}

HttpLimits testLimits()
{
    HttpLimits l;
    l.idleTimeoutMs = 5000;
    l.requestTimeoutMs = 5000;
    l.handlerTimeoutMs = 5000;
    l.lingerTimeoutMs = 500;
    return l;
}

QString serverError(const HttpReply &r)
{
    return r.json().value(QStringLiteral("serverError")).toString();
}

using Clients = std::vector<std::unique_ptr<HttpTestClient>>;
} // namespace

class TestHttpServerSlots : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<HttpTestState> state = std::make_shared<HttpTestState>();

    std::unique_ptr<HttpServer> startServer(const HttpLimits &limits)
    {
        HttpServerConfig config;
        config.limits = limits;
        auto s = std::make_unique<HttpServer>(config, HttpTestHandler::factory(state));
        return s->listen() ? std::move(s) : nullptr;
    }

    static QByteArray get(quint16 port) { return httpRequest("GET", "/echo", port, {}); }
    static QByteArray refused(quint16 port)
    {
        return "GET /echo HTTP/1.1\r\nHost: refused.example:" + QByteArray::number(port)
            + "\r\n\r\n";
    }

    // n clients, connected (and served once each when `served`), kept open.
    static bool openClients(Clients *clients, int n, quint16 port, bool served)
    {
        for (int i = 0; i < n; ++i) {
            auto client = std::make_unique<HttpTestClient>();
            if (!client->connectTo(port))
                return false;
            if (served) {
                client->send(get(port));
                if (!client->waitForReplies(1) || client->replies[0].status != 200)
                    return false;
            }
            clients->push_back(std::move(client));
        }
        return true;
    }

private Q_SLOTS:
    void shouldCloseAConnectionWhoseRequestIsNotAdmitted()
    {
        auto s = startServer(testLimits());
        QVERIFY(s);
        // Given a client that pipelines a request, one the handler does not admit, and another
        HttpTestClient client;
        QVERIFY(client.connectTo(s->port()));
        client.send(get(s->port()) + refused(s->port()) + get(s->port()));
        // When the server answers
        QVERIFY(client.waitForReplies(2));
        // Then the first is served, the refusal answered with Connection: close, and the
        // connection closed with the third request unread
        QCOMPARE(client.replies[0].status, 200);
        QCOMPARE(client.replies[1].status, 403);
        QCOMPARE(client.replies[1].header("connection"), QByteArray("close"));
        QVERIFY(client.waitForDisconnected());
        QCOMPARE(client.replies.size(), 2);
        QTRY_COMPARE(s->connectionCount(), 0);
    }

    void shouldKeepReservedSlotsForAdmittedConnections()
    {
        // Given 4 slots, 2 of them reserved, the 2 others held by silent clients
        HttpLimits limits = testLimits();
        limits.maxConnections = 4;
        limits.reservedConnections = 2;
        auto s = startServer(limits);
        QVERIFY(s);
        const quint16 p = s->port();
        Clients silent, served;
        QVERIFY(openClients(&silent, 2, p, false));
        QTRY_COMPARE(s->connectionCount(), 2);
        // When refused traffic comes, then two local apps, then a third
        for (int i = 0; i < 20; ++i) {
            const HttpReply r = roundTrip(p, refused(p));
            QCOMPARE(r.status, 403);
        }
        QVERIFY(openClients(&served, 2, p, true));
        HttpTestClient third;
        QVERIFY(third.connectTo(p));
        third.send(get(p));
        // Then the refused ones never took the reserved slots: both apps were served there,
        // and only the third, with every slot held, gets the busy answer
        QVERIFY(third.waitForReplies(1));
        QCOMPARE(third.replies[0].status, 503);
        QCOMPARE(serverError(third.replies[0]), QStringLiteral("too many connections"));
        QVERIFY(third.waitForDisconnected());
        for (const auto &client : served) {
            client->send(get(p));
            QVERIFY(client->waitForReplies(2));
            QCOMPARE(client->replies[1].status, 200);
        }
        QCOMPARE(s->connectionCount(), 4);
        QCOMPARE(s->probationCount(), 0);
    }

    void shouldFreeTheSlotsOfClientsThatLeft()
    {
        // Given every slot held by admitted clients, one of which just closed its side
        HttpLimits limits = testLimits();
        limits.maxConnections = 2;
        limits.reservedConnections = 0;
        auto s = startServer(limits);
        QVERIFY(s);
        const quint16 p = s->port();
        Clients served;
        QVERIFY(openClients(&served, 2, p, true));
        served[0]->socket().disconnectFromHost();
        // When a new client asks at once
        const HttpReply r = roundTrip(p, get(p));
        // Then the slot of the one that left is its own
        QCOMPARE(r.status, 200);
    }

    void shouldCloseConnectionsOnProbationThatSayNothingInTime()
    {
        // Given every slot taken, and a short probation
        HttpLimits limits = testLimits();
        limits.maxConnections = 2;
        limits.reservedConnections = 0;
        limits.probationTimeoutMs = 300;
        auto s = startServer(limits);
        QVERIFY(s);
        const quint16 p = s->port();
        Clients holders;
        QVERIFY(openClients(&holders, 2, p, false));
        QTRY_COMPARE(s->connectionCount(), 2);
        // When one more client says nothing, and another sends half a request
        HttpTestClient silent, halfway;
        QVERIFY(silent.connectTo(p));
        QVERIFY(halfway.connectTo(p));
        halfway.send("GET /echo HTTP/1.1\r\n");
        QTRY_COMPARE(s->probationCount(), 2);
        QElapsedTimer elapsed;
        elapsed.start();
        // Then both are closed once their probation is over, the second with a 408
        QVERIFY(silent.waitForDisconnected());
        QVERIFY(halfway.waitForDisconnected());
        QVERIFY(elapsed.elapsed() >= 200);
        QVERIFY(silent.replies.isEmpty());
        QCOMPARE(halfway.replies.value(0).status, 408);
        QCOMPARE(s->probationCount(), 0);
        for (const auto &holder : holders)
            QVERIFY(holder->isConnected());
    }

    void shouldMakeRoomOnProbationByClosingTheLongestSilent()
    {
        // Given one slot, taken, and room for two on probation, taken by silent clients
        HttpLimits limits = testLimits();
        limits.maxConnections = 1;
        limits.reservedConnections = 0;
        limits.maxOnProbation = 2;
        auto s = startServer(limits);
        QVERIFY(s);
        const quint16 p = s->port();
        Clients holder, silent;
        QVERIFY(openClients(&holder, 1, p, false));
        QTRY_COMPARE(s->connectionCount(), 1);
        QVERIFY(openClients(&silent, 2, p, false));
        QTRY_COMPARE(s->probationCount(), 2);
        // When a third comes
        HttpTestClient third;
        QVERIFY(third.connectTo(p));
        // Then the first silent one made room for it
        QVERIFY(silent[0]->waitForDisconnected());
        QTRY_COMPARE(s->probationCount(), 2);
        QVERIFY(silent[1]->isConnected());
        QVERIFY(third.isConnected());
    }

    void limitsConcurrentConnections()
    {
        HttpLimits limits = testLimits();
        limits.idleTimeoutMs = 3000;
        auto s = startServer(limits);
        QVERIFY(s);
        const quint16 p = s->port();
        // 64 clients served and kept open (8 of them in the reserved slots).
        Clients served;
        QVERIFY(openClients(&served, 64, p, true));
        QCOMPARE(s->connectionCount(), 64);
        // More: each is turned away with the busy answer and closed.
        for (int i = 0; i < 20; ++i) {
            HttpTestClient more;
            QVERIFY(more.connectTo(p));
            more.send(get(p));
            QVERIFY(more.waitForReplies(1));
            QCOMPARE(more.replies[0].status, 503);
            QVERIFY(more.waitForDisconnected());
        }
        // The 64 are still served.
        for (const int i : {0, 31, 63}) {
            served[size_t(i)]->send(get(p));
            QVERIFY(served[size_t(i)]->waitForReplies(2));
            QCOMPARE(served[size_t(i)]->replies[1].status, 200);
        }
        // Idle ones are closed after the timeout, which frees the slots.
        for (const auto &client : served)
            QVERIFY(client->waitForDisconnected(10000));
        QTRY_COMPARE(s->connectionCount(), 0);
        QCOMPARE(roundTrip(p, get(p)).status, 200);
    }

    void shouldSumUpRefusalsInOneWarning()
    {
        // Given the server's warnings captured
        auto s = startServer(testLimits());
        QVERIFY(s);
        const quint16 p = s->port();
        {
            QMutexLocker lock(&g_logMutex);
            g_log.clear();
        }
        const QtMessageHandler previous = qInstallMessageHandler(captureLog);
        // When 30 requests are refused at admission and the server then stops
        for (int i = 0; i < 30; ++i)
            QCOMPARE(roundTrip(p, refused(p)).status, 403);
        s->close();
        qInstallMessageHandler(previous);
        // Then the log holds one summary, not a line each
        QMutexLocker lock(&g_logMutex);
        QCOMPARE(g_log.size(), 1);
        QVERIFY2(QRegularExpression(
                     QStringLiteral("^gc.http: refused 30 connections for Host/Origin in the "
                                    "last [0-9]+\\.[0-9]s$"))
                     .match(g_log.first())
                     .hasMatch(),
                 qPrintable(g_log.first()));
    }
};

QTEST_GUILESS_MAIN(TestHttpServerSlots)
#include "tst_httpserverslots.moc"
