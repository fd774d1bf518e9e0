// The local API's realtime contract over real sockets: LocalApiService on 127.0.0.1:0 fed by a
// LiveBroadcast on the test thread, QWebSocket clients (and raw sockets where the test must
// control every byte).
#include "cache/CacheDatabase.h"
#include "cache/CacheWriter.h"
#include "live/LiveBroadcast.h"
#include "localapi/LocalApiService.h"

#include "HttpTestClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <memory>

namespace {

QByteArray gatewayFrame(const QString &id, const QString &session, const QString &name = {})
{
    // Spacing and key order of its own: forwarded byte for byte, never re-serialised.
    return QStringLiteral("{\"schema\": \"v1\",\"id\":\"%1\",\"event\":\"contact.update\","
                          "\"session\":\"%2\",\"organization\":\"org\",\"timestamp\":1,"
                          "\"payload\":{ \"jid\":\"1@lid\",\"pushName\":\"%3\"}}")
        .arg(id, session, name.isEmpty() ? QStringLiteral("Zoë") : name)
        .toUtf8();
}

QByteArray rawUpgrade(quint16 port, const QString &ticket, const QList<QByteArray> &extra = {},
                      const QByteArray &host = {})
{
    QByteArray r = "GET /api/v1/realtime"
        + (ticket.isNull() ? QByteArray() : "?ticket=" + ticket.toLatin1())
        + " HTTP/1.1\r\nHost: " + (host.isEmpty() ? "127.0.0.1:" + QByteArray::number(port) : host)
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
    for (const QByteArray &h : extra)
        r += h + "\r\n";
    return r + "\r\n";
}

// A client that keeps every text frame it receives.
struct Client {
    std::unique_ptr<QWebSocket> ws = std::make_unique<QWebSocket>();
    QList<QString> frames;

    Client()
    {
        QObject::connect(ws.get(), &QWebSocket::textMessageReceived, ws.get(),
                         [this](const QString &text) { frames.append(text); });
    }
    bool open(const QString &url)
    {
        QSignalSpy connected(ws.get(), &QWebSocket::connected);
        ws->open(QUrl(url));
        return connected.wait(5000);
    }
    QJsonObject frame(qsizetype i) const
    {
        return QJsonDocument::fromJson(frames.value(i).toUtf8()).object();
    }
    QStringList ids() const
    {
        QStringList out;
        for (qsizetype i = 0; i < frames.size(); ++i) {
            const QString id = frame(i).value(QStringLiteral("id")).toString();
            if (!id.isEmpty())
                out << id;
        }
        return out;
    }
};

// The service under test, with a cache that knows sessions s1 and s2.
struct Rig {
    QTemporaryDir dir;
    LiveBroadcast broadcast;
    LocalApiService service{nullptr};
    quint16 port = 0;

    bool start(LocalRealtimeOptions options = {})
    {
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        QString error;
        {
            auto db = CacheDatabase::open(path, CacheDatabase::Mode::ReadWrite, &error);
            if (!db)
                return false;
            CacheWriter writer(*db);
            if (!writer.addSession(QStringLiteral("s1"))
                || !writer.addSession(QStringLiteral("s2")))
                return false;
        }
        service.setPort(0);
        service.setDatabasePath(path);
        service.setDiscoveryFile({}, false);
        service.setBroadcast(&broadcast);
        if (options.heartbeatSeconds == 20)
            options.heartbeatSeconds = 1;
        service.setRealtimeOptions(options);
        QSignalSpy listening(&service, &LocalApiService::listening);
        service.start();
        if (!listening.wait(10000))
            return false;
        port = quint16(service.url().port());
        return true;
    }

    HttpReply mint(const QByteArray &body, const QByteArray &token)
    {
        return roundTrip(port,
                         httpRequest("POST", "/api/v1/realtime/ticket", port, token,
                                     {"Content-Type: application/json"}, body));
    }
    // A ticket's ws:// URL, or empty.
    QString ticketUrl(const QByteArray &body = {})
    {
        const HttpReply r = mint(body, service.token());
        return r.status == 201 ? r.json().value(QStringLiteral("url")).toString() : QString();
    }
    static QString ticketOf(const QString &url)
    {
        return url.section(QStringLiteral("ticket="), 1);
    }
};

} // namespace

class TestLocalRealtime : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shouldSendConnectedThenPings();
    void shouldForwardAGatewayFrameByteForByte();
    void shouldSendOnlyTheTicketsSession();
    void shouldReplayAfterSinceWithoutDuplicates();
    void shouldRefuseMissingReusedAndExpiredTickets();
    void shouldRequireTheLocalTokenForATicket();
    void shouldGuardTheUpgradeWithHostAndOrigin();
    void shouldRefuseTheSeventeenthConnection();
    void shouldDropASlowReaderWhileOthersKeepReceiving();
    void shouldBuildConsoleEnvelopes();
};

void TestLocalRealtime::shouldSendConnectedThenPings()
{
    // Given a running local API with a 1 s heartbeat
    Rig rig;
    QVERIFY(rig.start());
    // When a local app mints a ticket and connects
    const HttpReply minted = rig.mint({}, rig.service.token());
    QCOMPARE(minted.status, 201);
    QCOMPARE(minted.json().value(QStringLiteral("expiresInSeconds")).toInt(), 30);
    const QString url = minted.json().value(QStringLiteral("url")).toString();
    QVERIFY(url.startsWith(
        QStringLiteral("ws://127.0.0.1:%1/api/v1/realtime?ticket=rt_").arg(rig.port)));
    Client client;
    QVERIFY(client.open(url));
    // Then it gets `connected` with the heartbeat, then pings
    QTRY_VERIFY(!client.frames.isEmpty());
    QCOMPARE(client.frame(0).value(QStringLiteral("event")).toString(),
             QStringLiteral("connected"));
    QCOMPARE(client.frame(0).value(QStringLiteral("heartbeatSeconds")).toInt(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(client.frames.size() >= 3, 5000);
    QCOMPARE(client.frame(1).value(QStringLiteral("event")).toString(), QStringLiteral("ping"));
    QVERIFY(client.frame(2).value(QStringLiteral("timestamp")).toDouble() > 0);
}

void TestLocalRealtime::shouldForwardAGatewayFrameByteForByte()
{
    // Given a connected local app
    Rig rig;
    QVERIFY(rig.start());
    Client client;
    QVERIFY(client.open(rig.ticketUrl()));
    QTRY_COMPARE(client.frames.size(), 1);
    // When the console's feed receives a gateway envelope
    const QByteArray raw = gatewayFrame(QStringLiteral("evt_A"), QStringLiteral("s1"));
    QString why;
    const std::optional<LiveFrame> parsed = LiveFrames::parse(raw, &why);
    QVERIFY2(parsed, qPrintable(why));
    QCOMPARE(parsed->event.raw, raw);
    QVERIFY(rig.broadcast.publish(parsed->event));
    // Then the app receives exactly those bytes
    QTRY_COMPARE(client.frames.size(), 2);
    QCOMPARE(client.frames.at(1).toUtf8(), raw);
}

void TestLocalRealtime::shouldSendOnlyTheTicketsSession()
{
    // Given an app subscribed to session s1 only, and one to the organization
    Rig rig;
    QVERIFY(rig.start());
    Client s1, org;
    QVERIFY(s1.open(rig.ticketUrl(R"({"scope":"session","session":"s1"})")));
    QVERIFY(org.open(rig.ticketUrl(R"({"scope":"organization","events":["*"]})")));
    QTRY_VERIFY(s1.frames.size() == 1 && org.frames.size() == 1);
    // When events of both sessions are published
    QVERIFY(rig.broadcast.publish(gatewayFrame(QStringLiteral("evt_1"), QStringLiteral("s2"))));
    QVERIFY(rig.broadcast.publish(gatewayFrame(QStringLiteral("evt_2"), QStringLiteral("s1"))));
    // Then the session subscriber gets only s1's
    QTRY_COMPARE(org.ids(), QStringList({QStringLiteral("evt_1"), QStringLiteral("evt_2")}));
    QTRY_COMPARE(s1.ids(), QStringList({QStringLiteral("evt_2")}));
    // And a session the cache does not know is 404, a missing one 400, an unknown scope 400
    QCOMPARE(rig.mint(R"({"scope":"session","session":"nope"})", rig.service.token()).status, 404);
    QCOMPARE(rig.mint(R"({"scope":"session"})", rig.service.token()).status, 400);
    QCOMPARE(rig.mint(R"({"scope":"firehose"})", rig.service.token()).status, 400);
    QCOMPARE(rig.mint(R"({"events":"all"})", rig.service.token()).status, 400);
}

void TestLocalRealtime::shouldReplayAfterSinceWithoutDuplicates()
{
    // Given events already published, of the gateway and of the console
    Rig rig;
    QVERIFY(rig.start());
    QStringList ids;
    for (int i = 1; i <= 3; ++i) {
        ids << QStringLiteral("evt_%1").arg(i);
        QVERIFY(rig.broadcast.publish(gatewayFrame(ids.last(), QStringLiteral("s1"))));
    }
    ids << rig.broadcast.publishSync(
        {QStringLiteral("s1"), ConsoleSyncNote::Phase::Started, {}, {}, {}});
    // When an app mints a ticket with since = the second event, one more comes, it connects
    const QString url = rig.ticketUrl(R"({"since":"evt_2"})");
    ids << QStringLiteral("evt_5");
    QVERIFY(rig.broadcast.publish(gatewayFrame(ids.last(), QStringLiteral("s1"))));
    // (a gateway replay repeating an event is not passed on twice)
    QVERIFY(!rig.broadcast.publish(gatewayFrame(QStringLiteral("evt_3"), QStringLiteral("s1"))));
    Client client;
    QVERIFY(client.open(url));
    QTRY_COMPARE(client.ids().size(), 3);
    ids << QStringLiteral("evt_6");
    QVERIFY(rig.broadcast.publish(gatewayFrame(ids.last(), QStringLiteral("s1"))));
    // Then it gets what followed evt_2, oldest first, then the live tail, each once
    QTRY_COMPARE(client.ids(), ids.mid(2));
    // (a frame published now comes right after them: nothing was sent twice meanwhile)
    ids << QStringLiteral("evt_7");
    QVERIFY(rig.broadcast.publish(gatewayFrame(ids.last(), QStringLiteral("s1"))));
    QTRY_COMPARE(client.ids(), ids.mid(2));
    QCOMPARE(client.frame(0).value(QStringLiteral("event")).toString(),
             QStringLiteral("connected"));
}

void TestLocalRealtime::shouldRefuseMissingReusedAndExpiredTickets()
{
    // Given tickets that live 1 s
    Rig rig;
    LocalRealtimeOptions options;
    options.ticketSeconds = 1;
    QVERIFY(rig.start(options));
    // When the upgrade has no ticket, then: 401 before any upgrade
    HttpReply r = roundTrip(rig.port, rawUpgrade(rig.port, QString()));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json()[QStringLiteral("error")][QStringLiteral("message")].toString(),
             QStringLiteral("missing ticket"));
    // When a ticket is used twice, then the second use is 401
    const QString url = rig.ticketUrl();
    Client first;
    QVERIFY(first.open(url));
    r = roundTrip(rig.port, rawUpgrade(rig.port, Rig::ticketOf(url)));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json()[QStringLiteral("error")][QStringLiteral("message")].toString(),
             QStringLiteral("invalid or expired ticket"));
    // When a ticket has expired, then 401
    const QString late = rig.ticketUrl();
    QTest::qWait(1100);
    QCOMPARE(roundTrip(rig.port, rawUpgrade(rig.port, Rig::ticketOf(late))).status, 401);
    // And a plain GET spends a ticket and says it is a WebSocket
    const QString plain = rig.ticketOf(rig.ticketUrl());
    QCOMPARE(
        roundTrip(rig.port,
                  httpRequest("GET", "/api/v1/realtime?ticket=" + plain.toLatin1(), rig.port, {}))
            .status,
        426);
    QCOMPARE(roundTrip(rig.port, rawUpgrade(rig.port, plain)).status, 401);
}

void TestLocalRealtime::shouldRequireTheLocalTokenForATicket()
{
    // Given a running local API
    Rig rig;
    QVERIFY(rig.start());
    // When a ticket is asked without the token or with a wrong one, then 401
    QCOMPARE(rig.mint({}, {}).status, 401);
    QCOMPARE(rig.mint({}, "gcl_wrong").status, 401);
    // When asked from a web page (Origin), then 403
    const HttpReply r = roundTrip(rig.port,
                                  httpRequest("POST", "/api/v1/realtime/ticket", rig.port,
                                              rig.service.token(),
                                              {"Origin: http://evil.example"}));
    QCOMPARE(r.status, 403);
}

void TestLocalRealtime::shouldGuardTheUpgradeWithHostAndOrigin()
{
    // Given a valid ticket
    Rig rig;
    QVERIFY(rig.start());
    const QString url = rig.ticketUrl();
    const QString ticket = Rig::ticketOf(url);
    // When the upgrade comes from a web page, or names another host, then 403 over HTTP
    HttpReply r = roundTrip(rig.port,
                            rawUpgrade(rig.port, ticket, {"Origin: http://evil.example"}));
    QCOMPARE(r.status, 403);
    r = roundTrip(rig.port,
                  rawUpgrade(rig.port, ticket, {}, "evil.example:" + QByteArray::number(rig.port)));
    QCOMPARE(r.status, 403);
    // And the refused requests did not spend the ticket: the app still connects with it
    Client client;
    QVERIFY(client.open(url));
    QTRY_COMPARE(client.frames.size(), 1);
}

void TestLocalRealtime::shouldRefuseTheSeventeenthConnection()
{
    // Given 16 connected apps
    Rig rig;
    QVERIFY(rig.start());
    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < 16; ++i) {
        clients.push_back(std::make_unique<Client>());
        QVERIFY(clients.back()->open(rig.ticketUrl()));
    }
    // When a 17th tries, then it is refused with 503 before any upgrade
    const HttpReply r = roundTrip(rig.port, rawUpgrade(rig.port, Rig::ticketOf(rig.ticketUrl())));
    QCOMPARE(r.status, 503);
    // And once one leaves, a new one gets in
    clients.front()->ws->close();
    QTRY_COMPARE(clients.front()->ws->state(), QAbstractSocket::UnconnectedState);
    QTest::qWait(200);
    Client late;
    QVERIFY(late.open(rig.ticketUrl()));
    QTRY_COMPARE(late.frames.size(), 1);
}

void TestLocalRealtime::shouldDropASlowReaderWhileOthersKeepReceiving()
{
    // Given a reader that keeps up and one that stops reading after the handshake
    Rig rig;
    LocalRealtimeOptions options;
    options.maxPendingBytes = 512 * 1024;
    QVERIFY(rig.start(options));
    Client good;
    QVERIFY(good.open(rig.ticketUrl()));
    HttpTestClient slow;
    QVERIFY(slow.connectTo(rig.port));
    slow.send(rawUpgrade(rig.port, Rig::ticketOf(rig.ticketUrl())));
    QTRY_VERIFY(slow.received.contains("\r\n\r\n"));
    QVERIFY(slow.received.startsWith("HTTP/1.1 101"));
    slow.socket().setReadBufferSize(1);
    slow.socket().disconnect(&slow); // no more reading
    // When 300 frames of 64 KiB (19 MiB) are published
    const QString pad(64 * 1024, QLatin1Char('x'));
    constexpr int kFrames = 300;
    for (int i = 0; i < kFrames; ++i) {
        QVERIFY(rig.broadcast.publish(
            gatewayFrame(QStringLiteral("evt_%1").arg(i), QStringLiteral("s1"), pad)));
        QTRY_COMPARE(good.ids().size(), i + 1);
    }
    // Then the reader that keeps up got every one
    QCOMPARE(good.ids().size(), kFrames);
    QVERIFY(good.ws->state() == QAbstractSocket::ConnectedState);
    // And the slow one was cut off: reading again, it finds the end before all of them
    slow.socket().setReadBufferSize(0);
    qint64 drained = 0;
    QTRY_VERIFY_WITH_TIMEOUT((drained += slow.socket().readAll().size(),
                              slow.socket().state() == QAbstractSocket::UnconnectedState),
                             10000);
    QVERIFY2(drained < qint64(kFrames) * pad.size(), QByteArray::number(drained));
}

void TestLocalRealtime::shouldBuildConsoleEnvelopes()
{
    // Given a broadcast of an organization
    LiveBroadcast broadcast;
    broadcast.setOrganization(QStringLiteral("org_1"));
    QSignalSpy published(&broadcast, &LiveBroadcast::published);
    // When a sync finishes and an action is audited
    ConsoleSyncNote sync{QStringLiteral("s1"), ConsoleSyncNote::Phase::Finished, 12, 3, {}};
    const QString syncId = broadcast.publishSync(sync);
    const QString auditId = broadcast.publishAudit(
        {QStringLiteral("s1"), QStringLiteral("block"), QStringLiteral("1@lid"),
         QStringLiteral("ok"), QStringLiteral("req_9"), QStringLiteral("local-api")});
    // Then both are gateway-shaped envelopes with ids of their own, in publishing order
    QCOMPARE(published.size(), 2);
    const auto frameOf = [&](int i) { return published.at(i).first().value<BroadcastFrame>(); };
    QVERIFY(frameOf(0).json.startsWith("{\"schema\":\"v1\",\"id\":\"con_"));
    const QJsonObject s = QJsonDocument::fromJson(frameOf(0).json).object();
    QCOMPARE(s.value(QStringLiteral("id")).toString(), syncId);
    QCOMPARE(s.value(QStringLiteral("event")).toString(), QStringLiteral("console.sync"));
    QCOMPARE(s.value(QStringLiteral("session")).toString(), QStringLiteral("s1"));
    QCOMPARE(s.value(QStringLiteral("organization")).toString(), QStringLiteral("org_1"));
    QVERIFY(s.value(QStringLiteral("timestamp")).toDouble() > 0);
    QCOMPARE(s.value(QStringLiteral("payload")).toObject(),
             QJsonObject({{QStringLiteral("session"), QStringLiteral("s1")},
                          {QStringLiteral("phase"), QStringLiteral("finished")},
                          {QStringLiteral("contacts"), 12},
                          {QStringLiteral("groups"), 3}}));
    const QJsonObject a = QJsonDocument::fromJson(frameOf(1).json).object();
    QCOMPARE(a.value(QStringLiteral("event")).toString(), QStringLiteral("console.audit"));
    QCOMPARE(a.value(QStringLiteral("payload")).toObject(),
             QJsonObject({{QStringLiteral("session"), QStringLiteral("s1")},
                          {QStringLiteral("action"), QStringLiteral("block")},
                          {QStringLiteral("jid"), QStringLiteral("1@lid")},
                          {QStringLiteral("result"), QStringLiteral("ok")},
                          {QStringLiteral("requestId"), QStringLiteral("req_9")},
                          {QStringLiteral("origin"), QStringLiteral("local-api")}}));
    QVERIFY(syncId < auditId);
    // And a frame that is not an envelope is not published
    QVERIFY(!broadcast.publish(QByteArray("{\"event\":\"ping\"}")));
    QVERIFY(!broadcast.publish(QByteArray("not json")));
    QCOMPARE(published.size(), 2);
}

QTEST_GUILESS_MAIN(TestLocalRealtime)
#include "tst_localrealtime.moc"
