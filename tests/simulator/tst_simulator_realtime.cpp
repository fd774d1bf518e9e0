// gateway-sim's realtime feed over real HTTP and real WebSockets: tickets, refusals before the
// upgrade, frames, every event kind applied to the data and delivered, replay, drop, faults and
// the random event stream.
#include "SimClient.h"
#include "SimulatorProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

#include <memory>

namespace {

constexpr int kHeartbeatSeconds = 1;
constexpr int kTicketSeconds = 2;

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// One realtime connection: collects every text frame as JSON.
class Feed
{
public:
    explicit Feed(const QUrl &url)
    {
        QObject::connect(&m_ws, &QWebSocket::textMessageReceived, [this](const QString &text) {
            frames << QJsonDocument::fromJson(text.toUtf8()).object();
        });
        QObject::connect(&m_ws, &QWebSocket::disconnected, [this] { closed = true; });
        m_ws.open(url);
    }

    bool waitFrames(qsizetype n, int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&] { return frames.size() >= n; }, timeoutMs);
    }
    // Event envelopes only (no connected or ping frames).
    QList<QJsonObject> events() const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &f : frames)
            if (f.contains(QLatin1String("schema")))
                out << f;
        return out;
    }
    bool waitEvents(qsizetype n, int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&] { return events().size() >= n; }, timeoutMs);
    }
    int count(const char *event) const
    {
        int n = 0;
        for (const QJsonObject &f : frames)
            n += str(f, "event") == QLatin1String(event);
        return n;
    }

    QList<QJsonObject> frames;
    bool closed = false;

private:
    QWebSocket m_ws;
};

struct RawAnswer {
    int status = 0;
    QJsonObject json;
};

} // namespace

class TestSimulatorRealtime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void shouldRefuseTicketWithoutEventsCapability();
    void shouldRefuseTicketForForeignSessionOrBadScope();
    void shouldMintSingleUseTicketWithWebSocketUrl();
    void shouldRefuseUpgradeBeforeUpgradingWithoutValidTicket();
    void shouldRefuseExpiredTicket();
    void shouldSendConnectedThenPings();
    void shouldApplyAndDeliverContactUpdate();
    void shouldApplyAndDeliverGroupUpdate();
    void shouldApplyAndDeliverGroupParticipantChanges();
    void shouldApplyAndDeliverSessionStatus();
    void shouldRefuseBadEvents();
    void shouldFilterBySessionEventsAndOrganization();
    void shouldReplaySinceWithoutDuplicateAtTheSeam();
    void shouldCapReplayAtOneThousand();
    void shouldDropEveryConnection();
    void shouldKeepConnectionsWithoutPingsUnderHeartbeatFault();
    void shouldStreamRepeatableEventsPerSecond();

private:
    HttpResult mint(const QJsonObject &body, const QString &key = QStringLiteral("wa_full"));
    QUrl ticketUrl(const QJsonObject &body = {});
    std::unique_ptr<Feed> openFeed(const QJsonObject &body = {});
    RawAnswer rawUpgrade(const QByteArray &target);
    QByteArray sessionPath(const QString &session) const
    {
        return "/api/v1/sessions/" + SimClient::enc(session);
    }
    QString firstContactLid(const QString &session);
    QString firstGroupJid(const QString &session);

    SimulatorProcess m_sim;
    std::unique_ptr<SimClient> m_client;
    QString m_working, m_second, m_foreign;
};

void TestSimulatorRealtime::initTestCase()
{
    QVERIFY2(
        m_sim.start({QStringLiteral("--sessions"), QStringLiteral("2"),
                     QStringLiteral("--heartbeat-seconds"), QString::number(kHeartbeatSeconds),
                     QStringLiteral("--ticket-seconds"), QString::number(kTicketSeconds),
                     QStringLiteral("--api-key"), QStringLiteral("wa_full=read,send,manage,events"),
                     QStringLiteral("--api-key"), QStringLiteral("wa_noevents=read,send,manage")}),
        qPrintable(m_sim.errorString()));
    m_client = std::make_unique<SimClient>(m_sim.url());
    m_working = m_sim.primarySessions().at(0).id;
    m_second = m_sim.primarySessions().at(1).id;
    m_foreign = m_sim.foreignSession().id;
}

void TestSimulatorRealtime::cleanup()
{
    QVERIFY(m_sim.clearFaults());
    QVERIFY(m_sim.setEventRate(0));
}

HttpResult TestSimulatorRealtime::mint(const QJsonObject &body, const QString &key)
{
    return SimClient::finish(
        m_client->start("POST", "/api/v1/realtime/ticket", Credential::apiKey(key),
                        body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson()));
}

QUrl TestSimulatorRealtime::ticketUrl(const QJsonObject &body)
{
    const HttpResult r = mint(body);
    return r.status == 201 ? QUrl(str(r.json, "url")) : QUrl();
}

std::unique_ptr<Feed> TestSimulatorRealtime::openFeed(const QJsonObject &body)
{
    const QUrl url = ticketUrl(body);
    if (!url.isValid())
        return nullptr;
    auto feed = std::make_unique<Feed>(url);
    if (!feed->waitFrames(1) || str(feed->frames.first(), "event") != QLatin1String("connected"))
        return nullptr;
    return feed;
}

RawAnswer TestSimulatorRealtime::rawUpgrade(const QByteArray &target)
{
    QTcpSocket socket;
    socket.connectToHost(m_sim.url().host(), quint16(m_sim.url().port()));
    if (!socket.waitForConnected(5000))
        return {};
    socket.write("GET " + target
                 + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                   "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                   "Sec-WebSocket-Version: 13\r\n\r\n");
    QByteArray answer;
    while (socket.waitForReadyRead(5000))
        answer += socket.readAll();
    answer += socket.readAll();
    RawAnswer out;
    out.status = answer.mid(9, 3).toInt();
    out.json = QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4)).object();
    return out;
}

QString TestSimulatorRealtime::firstContactLid(const QString &session)
{
    const HttpResult r = m_client->get(sessionPath(session) + "/contacts?limit=1",
                                       Credential::apiKey(QStringLiteral("wa_full")));
    return r.data().first().toObject().value(QLatin1String("lid")).toString();
}

QString TestSimulatorRealtime::firstGroupJid(const QString &session)
{
    const HttpResult r = m_client->get(sessionPath(session) + "/groups",
                                       Credential::apiKey(QStringLiteral("wa_full")));
    return r.data().first().toObject().value(QLatin1String("groupJid")).toString();
}

void TestSimulatorRealtime::shouldRefuseTicketWithoutEventsCapability()
{
    // Given an api-key without the events capability
    // When it asks for a ticket, for its org and for one of its sessions
    const HttpResult org = mint({}, QStringLiteral("wa_noevents"));
    const HttpResult session = mint({{QStringLiteral("scope"), QStringLiteral("session")},
                                     {QStringLiteral("session"), m_working}},
                                    QStringLiteral("wa_noevents"));
    // Then both are 403 forbidden, saying which capability is missing
    for (const HttpResult &r : {org, session}) {
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("forbidden"));
        QCOMPARE(r.json.value(QLatin1String("error")).toObject().value(QLatin1String("message")),
                 QStringLiteral("missing required capability: events"));
    }
    // And without any credential it is 401
    QCOMPARE(
        SimClient::finish(m_client->start("POST", "/api/v1/realtime/ticket", Credential::none()))
            .status,
        401);
}

void TestSimulatorRealtime::shouldRefuseTicketForForeignSessionOrBadScope()
{
    // Given a key of the primary org
    // When it asks for a session scope on another org's session or an unknown one
    for (const QString &id : {m_foreign, QStringLiteral("no-such-session")}) {
        const HttpResult r = mint({{QStringLiteral("scope"), QStringLiteral("session")},
                                   {QStringLiteral("session"), id}});
        // Then the session does not exist for it
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json.value(QLatin1String("error")).toObject().value(QLatin1String("message")),
                 QStringLiteral("session not found"));
    }
    // When the scope is unknown, or a session scope names no session, or the body is not JSON
    const HttpResult scope = mint({{QStringLiteral("scope"), QStringLiteral("galaxy")}});
    const HttpResult noSession = mint({{QStringLiteral("scope"), QStringLiteral("session")}});
    const HttpResult garbage = SimClient::finish(m_client->start(
        "POST", "/api/v1/realtime/ticket", Credential::apiKey(QStringLiteral("wa_full")), "{x"));
    // Then each is 400 validation_error with the router's message
    QCOMPARE(scope.status, 400);
    QCOMPARE(scope.errorCode(), QStringLiteral("validation_error"));
    QCOMPARE(scope.json.value(QLatin1String("error")).toObject().value(QLatin1String("message")),
             QStringLiteral("scope must be one of session|organization|firehose"));
    QCOMPARE(noSession.status, 400);
    QCOMPARE(garbage.status, 400);
}

void TestSimulatorRealtime::shouldMintSingleUseTicketWithWebSocketUrl()
{
    // Given a key with events
    // When it mints a ticket with an empty body
    const HttpResult r = mint({});
    // Then it gets 201, the lifetime and a ws:// URL on this server carrying the ticket
    QCOMPARE(r.status, 201);
    const QString ticket = str(r.json, "ticket");
    QVERIFY(ticket.startsWith(QLatin1String("rt_")));
    QCOMPARE(r.json.value(QLatin1String("expiresInSeconds")).toInt(), kTicketSeconds);
    const QUrl url(str(r.json, "url"));
    QCOMPARE(url.scheme(), QStringLiteral("ws"));
    QCOMPARE(url.port(), m_sim.url().port());
    QCOMPARE(url.path(), QStringLiteral("/api/v1/realtime"));
    QVERIFY(str(r.json, "url").endsWith(QLatin1String("?ticket=") + ticket));
    // And the ticket opens one connection, and only one
    Feed first(url);
    QVERIFY(first.waitFrames(1));
    const RawAnswer again = rawUpgrade("/api/v1/realtime?ticket=" + ticket.toLatin1());
    QCOMPARE(again.status, 401);
    QCOMPARE(again.json.value(QLatin1String("error")).toObject().value(QLatin1String("message")),
             QStringLiteral("invalid or expired ticket"));
}

void TestSimulatorRealtime::shouldRefuseUpgradeBeforeUpgradingWithoutValidTicket()
{
    // Given upgrade requests without a ticket and with one never minted
    const RawAnswer none = rawUpgrade("/api/v1/realtime");
    const RawAnswer unknown = rawUpgrade("/api/v1/realtime?ticket=rt_never-minted");
    // Then each is a plain HTTP 401 (no 101 Switching Protocols) with the gateway's message
    QCOMPARE(none.status, 401);
    QCOMPARE(none.json.value(QLatin1String("error")).toObject().value(QLatin1String("message")),
             QStringLiteral("missing ticket"));
    QCOMPARE(unknown.status, 401);
    QCOMPARE(unknown.json.value(QLatin1String("error")).toObject().value(QLatin1String("message")),
             QStringLiteral("invalid or expired ticket"));
    // And a plain GET (no upgrade) is checked the same way
    QCOMPARE(m_client->get("/api/v1/realtime", Credential::none()).status, 401);
    // And a QWebSocket client sees the connection fail without a single frame
    Feed feed(QUrl(
        QStringLiteral("ws://127.0.0.1:%1/api/v1/realtime?ticket=rt_x").arg(m_sim.url().port())));
    QVERIFY(QTest::qWaitFor([&] { return feed.closed; }, 5000) || feed.frames.isEmpty());
    QVERIFY(feed.frames.isEmpty());
    // And a normal request on the same port still works
    QCOMPARE(
        m_client->get(sessionPath(m_working), Credential::apiKey(QStringLiteral("wa_full"))).status,
        200);
}

void TestSimulatorRealtime::shouldRefuseExpiredTicket()
{
    // Given a ticket left unused past its lifetime
    const HttpResult r = mint({});
    QCOMPARE(r.status, 201);
    QTest::qWait(kTicketSeconds * 1000 + 300);
    // When it is presented
    const RawAnswer late = rawUpgrade("/api/v1/realtime?ticket="
                                      + str(r.json, "ticket").toLatin1());
    // Then it is refused like an unknown one
    QCOMPARE(late.status, 401);
    QCOMPARE(late.json.value(QLatin1String("error")).toObject().value(QLatin1String("message")),
             QStringLiteral("invalid or expired ticket"));
}

void TestSimulatorRealtime::shouldSendConnectedThenPings()
{
    // Given an organization feed
    const auto feed = openFeed();
    QVERIFY(feed);
    // Then the first frame says connected, with the heartbeat
    const QJsonObject connected = feed->frames.first();
    QCOMPARE(connected.value(QLatin1String("heartbeatSeconds")).toInt(), kHeartbeatSeconds);
    QVERIFY(connected.value(QLatin1String("timestamp")).toDouble() > 1.6e12);
    // When two heartbeats pass
    QVERIFY(QTest::qWaitFor([&] { return feed->count("ping") >= 2; }, 4000));
    // Then pings came, each with a later timestamp
    const QJsonObject ping = feed->frames.last();
    QCOMPARE(str(ping, "event"), QStringLiteral("ping"));
    QVERIFY(ping.value(QLatin1String("timestamp")).toDouble()
            > connected.value(QLatin1String("timestamp")).toDouble());
}

void TestSimulatorRealtime::shouldApplyAndDeliverContactUpdate()
{
    // Given an organization feed and a contact
    const auto feed = openFeed();
    QVERIFY(feed);
    const QString lid = firstContactLid(m_working);
    // When the contact's name changes
    const QString id = m_sim.postEvent(
        m_working, QStringLiteral("contact.update"),
        {{QStringLiteral("jid"), lid},
         {QStringLiteral("pushName"), QStringLiteral("zed")},
         {QStringLiteral("fullName"), QStringLiteral("Zed Ösztör")}});
    QVERIFY(id.startsWith(QLatin1String("evt_")));
    QCOMPARE(id.size(), 30);
    // Then the feed delivers the envelope with that id
    QVERIFY(feed->waitEvents(1));
    const QJsonObject e = feed->events().first();
    QCOMPARE(str(e, "schema"), QStringLiteral("v1"));
    QCOMPARE(str(e, "id"), id);
    QCOMPARE(str(e, "event"), QStringLiteral("contact.update"));
    QCOMPARE(str(e, "session"), m_working);
    QCOMPARE(str(e, "organization"), m_sim.primaryOrg());
    QVERIFY(e.value(QLatin1String("timestamp")).toDouble() > 1.6e12);
    const QJsonObject payload = e.value(QLatin1String("payload")).toObject();
    QCOMPARE(str(payload, "jid"), lid);
    QCOMPARE(str(payload, "pushName"), QStringLiteral("zed"));
    // And the stored contact carries the address-book name
    const HttpResult contact = m_client->get(sessionPath(m_working) + "/contacts/"
                                                 + SimClient::enc(lid),
                                             Credential::apiKey(QStringLiteral("wa_full")));
    QCOMPARE(contact.json.value(QLatin1String("identity")).toObject().value(QLatin1String("name")),
             QStringLiteral("Zed Ösztör"));
}

void TestSimulatorRealtime::shouldApplyAndDeliverGroupUpdate()
{
    // Given a feed and a group
    const auto feed = openFeed();
    QVERIFY(feed);
    const QString gid = firstGroupJid(m_working);
    // When its subject and modes change
    const QString id = m_sim.postEvent(m_working, QStringLiteral("group.update"),
                                       {{QStringLiteral("groupJid"), gid},
                                        {QStringLiteral("subject"), QStringLiteral("Renamed 🚀")},
                                        {QStringLiteral("isAnnounce"), true},
                                        {QStringLiteral("isLocked"), false}});
    QVERIFY(!id.isEmpty());
    // Then it is delivered with the changes
    QVERIFY(feed->waitEvents(1));
    const QJsonObject payload = feed->events().first().value(QLatin1String("payload")).toObject();
    QCOMPARE(str(payload, "groupJid"), gid);
    QCOMPARE(str(payload, "subject"), QStringLiteral("Renamed 🚀"));
    QCOMPARE(payload.value(QLatin1String("isAnnounce")).toBool(), true);
    // And the stored group shows them
    const HttpResult group = m_client->get(sessionPath(m_working) + "/groups/"
                                               + SimClient::enc(gid),
                                           Credential::apiKey(QStringLiteral("wa_full")));
    QCOMPARE(str(group.json, "subject"), QStringLiteral("Renamed 🚀"));
    QCOMPARE(group.json.value(QLatin1String("isAnnounce")).toBool(), true);
    QCOMPARE(group.json.value(QLatin1String("isLocked")).toBool(true), false);
}

void TestSimulatorRealtime::shouldApplyAndDeliverGroupParticipantChanges()
{
    // Given a feed, a group and a LID the session has never seen
    const auto feed = openFeed();
    QVERIFY(feed);
    const QString gid = firstGroupJid(m_second);
    const QString stranger = QStringLiteral("999000111222333@lid");
    const Credential key = Credential::apiKey(QStringLiteral("wa_full"));
    const QByteArray members = sessionPath(m_second) + "/groups/" + SimClient::enc(gid)
        + "/members";
    auto roleOf = [&](const QString &lid) {
        for (const QJsonValue &m : m_client->get(members, key).data())
            if (str(m.toObject(), "lid") == lid)
                return str(m.toObject(), "role");
        return QString();
    };
    QVERIFY(roleOf(stranger).isEmpty());
    // When the stranger joins, is promoted, then leaves
    for (const char *list : {"join", "promote"})
        QVERIFY(!m_sim
                     .postEvent(m_second, QStringLiteral("group.participant"),
                                {{QStringLiteral("groupJid"), gid},
                                 {QLatin1String(list), QJsonArray{stranger}}})
                     .isEmpty());
    // Then the stored data has a new contact, an admin member of the group
    QCOMPARE(roleOf(stranger), QStringLiteral("admin"));
    const HttpResult contact = m_client->get(
        sessionPath(m_second) + "/contacts/" + SimClient::enc(stranger), key);
    QCOMPARE(contact.status, 200);
    QCOMPARE(contact.json.value(QLatin1String("groups"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("jid")),
             gid);
    const HttpResult inGroup = m_client->get(
        sessionPath(m_second) + "/contacts?limit=200&group=" + SimClient::enc(gid), key);
    bool listed = false;
    for (const QJsonValue &c : inGroup.data())
        listed = listed || str(c.toObject(), "lid") == stranger;
    QVERIFY(listed);
    QVERIFY(!m_sim
                 .postEvent(m_second, QStringLiteral("group.participant"),
                            {{QStringLiteral("groupJid"), gid},
                             {QStringLiteral("leave"), QJsonArray{stranger}}})
                 .isEmpty());
    QVERIFY(roleOf(stranger).isEmpty());
    // And the three events were delivered in order with their lists
    QVERIFY(feed->waitEvents(3));
    const QList<QJsonObject> events = feed->events();
    QCOMPARE(str(events[0], "event"), QStringLiteral("group.participant"));
    QCOMPARE(events[0].value(QLatin1String("payload")).toObject().value(QLatin1String("join")),
             QJsonArray{stranger});
    QCOMPARE(events[2].value(QLatin1String("payload")).toObject().value(QLatin1String("leave")),
             QJsonArray{stranger});
    QVERIFY(str(events[0], "id") < str(events[1], "id"));
    QVERIFY(str(events[1], "id") < str(events[2], "id"));
}

void TestSimulatorRealtime::shouldApplyAndDeliverSessionStatus()
{
    // Given a feed for one session
    const auto feed = openFeed({{QStringLiteral("scope"), QStringLiteral("session")},
                                {QStringLiteral("session"), m_second}});
    QVERIFY(feed);
    // When the session stops
    QVERIFY(!m_sim
                 .postEvent(m_second, QStringLiteral("session.status"),
                            {{QStringLiteral("status"), QStringLiteral("stopped")}})
                 .isEmpty());
    // Then the event arrives and the session reads as stopped
    QVERIFY(feed->waitEvents(1));
    QCOMPARE(feed->events().first().value(QLatin1String("payload")).toObject(),
             QJsonObject({{QStringLiteral("status"), QStringLiteral("stopped")}}));
    const Credential key = Credential::apiKey(QStringLiteral("wa_full"));
    QCOMPARE(str(m_client->get(sessionPath(m_second), key).json, "status"),
             QStringLiteral("stopped"));
    QVERIFY(!m_sim
                 .postEvent(m_second, QStringLiteral("session.status"),
                            {{QStringLiteral("status"), QStringLiteral("working")}})
                 .isEmpty());
    QCOMPARE(str(m_client->get(sessionPath(m_second), key).json, "status"),
             QStringLiteral("working"));
}

void TestSimulatorRealtime::shouldRefuseBadEvents()
{
    // Given events the simulator cannot apply
    int unknownKind = 0, unknownContact = 0, badStatus = 0, notMember = 0, unknownSession = 0;
    m_sim.postEvent(m_working, QStringLiteral("message"), {}, &unknownKind);
    m_sim.postEvent(m_working, QStringLiteral("contact.update"),
                    {{QStringLiteral("jid"), QStringLiteral("1@lid")}}, &unknownContact);
    m_sim.postEvent(m_working, QStringLiteral("session.status"),
                    {{QStringLiteral("status"), QStringLiteral("asleep")}}, &badStatus);
    m_sim.postEvent(m_working, QStringLiteral("group.participant"),
                    {{QStringLiteral("groupJid"), firstGroupJid(m_working)},
                     {QStringLiteral("leave"), QJsonArray{QStringLiteral("1@lid")}}},
                    &notMember);
    m_sim.postEvent(QStringLiteral("nope"), QStringLiteral("session.status"),
                    {{QStringLiteral("status"), QStringLiteral("working")}}, &unknownSession);
    // Then each gets a clear refusal
    QCOMPARE(unknownKind, 400);
    QCOMPARE(unknownContact, 404);
    QCOMPARE(badStatus, 400);
    QCOMPARE(notMember, 404);
    QCOMPARE(unknownSession, 404);
}

void TestSimulatorRealtime::shouldFilterBySessionEventsAndOrganization()
{
    // Given a session feed for status events only, and an organization feed
    const auto statusOnly = openFeed(
        {{QStringLiteral("scope"), QStringLiteral("session")},
         {QStringLiteral("session"), m_working},
         {QStringLiteral("events"), QJsonArray{QStringLiteral("session.status")}}});
    const auto org = openFeed();
    QVERIFY(statusOnly && org);
    // When a contact of that session changes, the other session and the foreign org change,
    // and then that session's status is reported
    QVERIFY(!m_sim
                 .postEvent(m_working, QStringLiteral("contact.update"),
                            {{QStringLiteral("jid"), firstContactLid(m_working)},
                             {QStringLiteral("pushName"), QStringLiteral("x")}})
                 .isEmpty());
    QVERIFY(!m_sim
                 .postEvent(m_second, QStringLiteral("session.status"),
                            {{QStringLiteral("status"), QStringLiteral("working")}})
                 .isEmpty());
    QVERIFY(!m_sim
                 .postEvent(m_foreign, QStringLiteral("session.status"),
                            {{QStringLiteral("status"), QStringLiteral("working")}})
                 .isEmpty());
    const QString last = m_sim.postEvent(m_working, QStringLiteral("session.status"),
                                         {{QStringLiteral("status"), QStringLiteral("working")}});
    // Then the filtered feed got only the last one, and the org feed all but the foreign one
    QVERIFY(org->waitEvents(3));
    QVERIFY(statusOnly->waitEvents(1));
    // (one more status change comes right after: nothing else reached either feed meanwhile)
    const QString marker = m_sim.postEvent(m_working, QStringLiteral("session.status"),
                                           {{QStringLiteral("status"), QStringLiteral("working")}});
    QVERIFY(org->waitEvents(4));
    QVERIFY(statusOnly->waitEvents(2));
    QCOMPARE(str(statusOnly->events().last(), "id"), marker);
    QCOMPARE(statusOnly->events().size() - 1, 1);
    QCOMPARE(str(statusOnly->events().first(), "id"), last);
    QCOMPARE(org->events().size() - 1, 3);
    for (const QJsonObject &e : org->events())
        QCOMPARE(str(e, "organization"), m_sim.primaryOrg());
}

void TestSimulatorRealtime::shouldReplaySinceWithoutDuplicateAtTheSeam()
{
    // Given five events
    const QString lid = firstContactLid(m_working);
    QStringList ids;
    for (int i = 0; i < 5; ++i)
        ids << m_sim.postEvent(m_working, QStringLiteral("contact.update"),
                               {{QStringLiteral("jid"), lid},
                                {QStringLiteral("pushName"), QStringLiteral("v%1").arg(i)}});
    // When a client resumes after the second
    const auto feed = openFeed({{QStringLiteral("since"), ids[1]}});
    QVERIFY(feed);
    // Then it gets the last three, oldest first, right after the connected frame
    QVERIFY(feed->waitEvents(3));
    // And then the live tail, with nothing repeated
    const QString live = m_sim.postEvent(
        m_working, QStringLiteral("contact.update"),
        {{QStringLiteral("jid"), lid}, {QStringLiteral("pushName"), QStringLiteral("live")}});
    QVERIFY(feed->waitEvents(4));
    // (and one more after it: a repeat would have come before this one)
    const QString next = m_sim.postEvent(
        m_working, QStringLiteral("contact.update"),
        {{QStringLiteral("jid"), lid}, {QStringLiteral("pushName"), QStringLiteral("next")}});
    QVERIFY(feed->waitEvents(5));
    QStringList got;
    for (const QJsonObject &e : feed->events())
        got << str(e, "id");
    QCOMPARE(got, (QStringList{ids[2], ids[3], ids[4], live, next}));
    QCOMPARE(str(feed->frames[1], "id"), ids[2]);
}

void TestSimulatorRealtime::shouldCapReplayAtOneThousand()
{
    // Given one event, then well over a thousand more from the stream
    const QString since = m_sim.postEvent(m_working, QStringLiteral("session.status"),
                                          {{QStringLiteral("status"), QStringLiteral("working")}});
    QVERIFY(!since.isEmpty());
    QVERIFY(m_sim.setEventRate(5000));
    QVERIFY(QTest::qWaitFor(
        [&] {
            return m_sim.control("GET", QStringLiteral("/_sim/realtime"))
                       .value(QLatin1String("streamed"))
                       .toInt()
                > 3000;
        },
        20000));
    QVERIFY(m_sim.setEventRate(0));
    // When a client resumes after that first event
    const auto feed = openFeed({{QStringLiteral("since"), since}});
    QVERIFY(feed);
    // Then exactly 1,000 come, all after it, in increasing order, all of the org
    QVERIFY(feed->waitEvents(1000, 10000));
    // (a live event posted now comes right after the replay: it held exactly 1,000)
    const QString live = m_sim.postEvent(m_working, QStringLiteral("session.status"),
                                         {{QStringLiteral("status"), QStringLiteral("working")}});
    QVERIFY(feed->waitEvents(1001, 10000));
    QCOMPARE(str(feed->events().last(), "id"), live);
    const QList<QJsonObject> events = feed->events().mid(0, 1000);
    QCOMPARE(feed->events().size() - 1, 1000);
    QString previous = since;
    QSet<QString> seen;
    for (const QJsonObject &e : events) {
        QVERIFY(str(e, "id") > previous);
        previous = str(e, "id");
        seen.insert(previous);
        QCOMPARE(str(e, "organization"), m_sim.primaryOrg());
    }
    QCOMPARE(seen.size(), 1000);
}

void TestSimulatorRealtime::shouldDropEveryConnection()
{
    // Given two open feeds
    const auto a = openFeed();
    const auto b = openFeed({{QStringLiteral("scope"), QStringLiteral("session")},
                             {QStringLiteral("session"), m_working}});
    QVERIFY(a && b);
    // When the simulator drops realtime connections
    QVERIFY(m_sim.dropRealtime());
    // Then both are closed
    QVERIFY(QTest::qWaitFor([&] { return a->closed && b->closed; }, 5000));
    QCOMPARE(m_sim.control("GET", QStringLiteral("/_sim/realtime"))
                 .value(QLatin1String("connections"))
                 .toInt(),
             0);
    // And an abrupt drop closes a new one too
    const auto c = openFeed();
    QVERIFY(c);
    QVERIFY(m_sim.dropRealtime(true));
    QVERIFY(QTest::qWaitFor([&] { return c->closed; }, 5000));
}

void TestSimulatorRealtime::shouldKeepConnectionsWithoutPingsUnderHeartbeatFault()
{
    // Given heartbeats switched off
    QVERIFY(m_sim.setFaults({{QStringLiteral("realtimeHeartbeats"), false}}));
    const auto feed = openFeed();
    QVERIFY(feed);
    // When more than two heartbeat intervals pass
    QTest::qWait(kHeartbeatSeconds * 2500);
    // Then no ping came, yet the connection is open and still delivers events
    QCOMPARE(feed->count("ping"), 0);
    QVERIFY(!feed->closed);
    QVERIFY(!m_sim
                 .postEvent(m_working, QStringLiteral("session.status"),
                            {{QStringLiteral("status"), QStringLiteral("working")}})
                 .isEmpty());
    QVERIFY(feed->waitEvents(1));
    // And pings resume when the fault is cleared
    QVERIFY(m_sim.clearFaults());
    QVERIFY(QTest::qWaitFor([&] { return feed->count("ping") >= 1; }, 3000));
}

void TestSimulatorRealtime::shouldStreamRepeatableEventsPerSecond()
{
    // Given two fresh simulators with the same seed and a stream of 200 events a second
    const QStringList args = {QStringLiteral("--seed"), QStringLiteral("7"),
                              QStringLiteral("--events-per-second"), QStringLiteral("200")};
    QList<QList<QJsonObject>> runs;
    for (int run = 0; run < 2; ++run) {
        SimulatorProcess sim;
        QVERIFY2(sim.start(args), qPrintable(sim.errorString()));
        SimClient client(sim.url());
        const HttpResult ticket = SimClient::finish(client.start(
            "POST", "/api/v1/realtime/ticket", Credential::apiKey(QStringLiteral("wa_demo")),
            R"({"since":"evt_not-a-logged-id"})"));
        QCOMPARE(ticket.status, 201);
        // When a client listens to the whole org from its start (replay since an unknown id)
        Feed feed{QUrl(str(ticket.json, "url"))};
        QVERIFY(feed.waitEvents(40, 10000));
        // Then the changes are applied to the data: the last rename of a contact is its name
        QList<QJsonObject> events = feed.events().mid(0, 40);
        for (const QJsonObject &e : events) {
            if (str(e, "event") != QLatin1String("contact.update"))
                continue;
            const QJsonObject p = e.value(QLatin1String("payload")).toObject();
            const HttpResult c = client.get(sessionPath(str(e, "session")) + "/contacts/"
                                                + SimClient::enc(str(p, "jid")),
                                            Credential::apiKey(QStringLiteral("wa_demo")));
            QCOMPARE(c.status, 200);
            QVERIFY(!c.json.value(QLatin1String("identity"))
                         .toObject()
                         .value(QLatin1String("name"))
                         .toString()
                         .isEmpty());
            break;
        }
        for (QJsonObject &e : events) { // ids and times differ between runs, changes must not
            QJsonObject p = e.value(QLatin1String("payload")).toObject();
            p.remove(QLatin1String("timestamp"));
            e = QJsonObject{{QStringLiteral("event"), e.value(QLatin1String("event"))},
                            {QStringLiteral("session"), e.value(QLatin1String("session"))},
                            {QStringLiteral("payload"), p}};
        }
        runs << events;
    }
    // And both runs made the same changes in the same order
    QCOMPARE(runs[0], runs[1]);
}

QTEST_GUILESS_MAIN(TestSimulatorRealtime)
#include "tst_simulator_realtime.moc"
