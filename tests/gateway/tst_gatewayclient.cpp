// The gateway client against the simulator over real HTTP on 127.0.0.1.
#include "gateway/GatewayClient.h"

#include "SimulatorProcess.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QMutex>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

// QCOMPARE on an enum class trips over Qt 6.4's qxp::function_ref with GCC 12; compare names.
#define QCOMPARE_KIND(actual, expected) QCOMPARE(::toString(actual), ::toString(expected))

namespace {

QStringList g_log;
QMutex g_logMutex;
void captureMessages(QtMsgType, const QMessageLogContext &, const QString &message)
{
    QMutexLocker lock(&g_logMutex);
    g_log << message;
}

// Runs one client call and waits for its handler (condition-based, never a fixed sleep).
template <typename T, typename Start>
GatewayResult<T> await(Start start, int timeoutMs = 30000)
{
    std::optional<GatewayResult<T>> out;
    start([&out](const GatewayResult<T> &r) { out = r; });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, timeoutMs)) {
        GatewayResult<T> none;
        none.error = GatewayError::make(GatewayError::Kind::Timeout,
                                        QStringLiteral("test timed out"));
        return none;
    }
    return *out;
}

} // namespace

class TestGatewayClient : public QObject
{
    Q_OBJECT
private:
    SimulatorProcess sim;
    QString working, disconnected, foreign;
    GatewayClient *client = nullptr;
    const QString fullKey = QStringLiteral("wa_full");

    void useToken(const QString &token) { client->setEndpoint(sim.url(), token); }
    int simRequests() const
    {
        return sim.control("GET", QStringLiteral("/_sim/stats"))
            .value(QStringLiteral("requests"))
            .toInt();
    }
    QList<Contact> allContacts(const QString &session, ContactQuery query = {})
    {
        QList<Contact> out;
        query.limit = 200;
        for (int pages = 0; pages < 1000; ++pages) {
            auto r = await<Page<Contact>>(
                [&](auto h) { client->listContacts(session, query, this, h); });
            if (!r.ok())
                qFatal("listing contacts failed: %s", qPrintable(r.error.describe()));
            out += r.value->items;
            if (!r.value->hasMore())
                break;
            query.cursor = r.value->nextCursor;
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qInstallMessageHandler(captureMessages);
        QLoggingCategory::setFilterRules(QStringLiteral("gc.*=true"));
        QVERIFY2(
            sim.start(
                {QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--sessions"),
                 QStringLiteral("3"), QStringLiteral("--disconnected"), QStringLiteral("1"),
                 QStringLiteral("--contacts"), QStringLiteral("1200"), QStringLiteral("--groups"),
                 QStringLiteral("30"), QStringLiteral("--members"), QStringLiteral("2400"),
                 QStringLiteral("--api-key"), QStringLiteral("wa_full=read,send,manage,events"),
                 QStringLiteral("--api-key"), QStringLiteral("wa_readonly=read"),
                 QStringLiteral("--api-key"), QStringLiteral("wa_nomanage=read,send")}),
            qPrintable(sim.errorString()));
        working = sim.workingSession().id;
        disconnected = sim.disconnectedSession().id;
        foreign = sim.foreignSession().id;
        QVERIFY(!working.isEmpty() && !disconnected.isEmpty() && !foreign.isEmpty());
        client = new GatewayClient(this);
        GatewayCallOptions options;
        options.transferTimeoutMs = 5000;
        options.retry.baseDelayMs = 20;
        options.retry.maxDelayMs = 100;
        client->setOptions(options);
    }

    void init()
    {
        QVERIFY(sim.clearFaults());
        useToken(fullKey);
    }

    void listsAndGetsSessions()
    {
        auto list = await<Page<WaSession>>([&](auto h) { client->listSessions(this, h); });
        QVERIFY2(list.ok(), qPrintable(list.error.describe()));
        QCOMPARE(list.value->items.size(), sim.primarySessions().size());
        QVERIFY(!list.requestId.isEmpty());
        auto one = await<WaSession>([&](auto h) { client->getSession(working, this, h); });
        QVERIFY(one.ok());
        QCOMPARE(one.value->id, working);
        QVERIFY(one.value->isConnected());
        auto off = await<WaSession>([&](auto h) { client->getSession(disconnected, this, h); });
        QVERIFY(off.ok() && !off.value->isConnected());
    }

    void foreignAndUnknownSessionsAreNotFound()
    {
        for (const QString &id : {foreign, QStringLiteral("01NOSUCHSESSION0000000000"),
                                  QStringLiteral("../../etc/passwd"), QStringLiteral("' OR 1=1 --"),
                                  QString(2000, QLatin1Char('x')).left(120)}) {
            auto r = await<Page<Group>>([&](auto h) { client->listGroups(id, this, h); });
            QVERIFY(!r.ok());
            QVERIFY2(r.error.hasCode(QLatin1String("not_found")),
                     qPrintable(id + QStringLiteral(": ") + r.error.describe()));
            QCOMPARE(r.error.httpStatus, 404);
            QVERIFY(!r.error.requestId.isEmpty());
        }
    }

    void authFailuresAreTyped()
    {
        QSignalSpy unauthorized(client, &GatewayClient::unauthorized);
        for (const QString &label : {QStringLiteral("expired"), QStringLiteral("bad-signature")}) {
            useToken(sim.jwt(label));
            auto r = await<Page<Contact>>(
                [&](auto h) { client->listContacts(working, {}, this, h); });
            QVERIFY(r.error.hasCode(QLatin1String("unauthorized")));
            QCOMPARE(r.error.httpStatus, 401);
        }
        QCOMPARE(unauthorized.count(), 2);
        useToken(QStringLiteral("wa_unknown"));
        QVERIFY(await<Page<Contact>>([&](auto h) {
                    client->listContacts(working, {}, this, h);
                }).error.hasCode(QLatin1String("unauthorized")));

        useToken(sim.jwt(QStringLiteral("member")));
        auto sessions = await<Page<WaSession>>([&](auto h) { client->listSessions(this, h); });
        QVERIFY(sessions.error.hasCode(QLatin1String("forbidden")));
        auto contacts = await<Page<Contact>>(
            [&](auto h) { client->listContacts(working, {}, this, h); });
        QVERIFY2(contacts.ok(), qPrintable(contacts.error.describe())); // member may read

        useToken(sim.jwt(QStringLiteral("owner")));
        QVERIFY(await<Page<WaSession>>([&](auto h) { client->listSessions(this, h); }).ok());
    }

    void pagesContactsToTheEnd()
    {
        const QList<Contact> all = allContacts(working);
        QSet<QString> lids;
        for (const Contact &c : all)
            lids.insert(c.lid);
        QCOMPARE(lids.size(), all.size());
        QCOMPARE(all.size(), sim.workingSession().contacts);

        ContactQuery dmOnly;
        dmOnly.source = QStringLiteral("dm");
        const QList<Contact> dms = allContacts(working, dmOnly);
        QVERIFY(!dms.isEmpty() && dms.size() < all.size());
        for (const Contact &c : dms)
            QCOMPARE(c.source, QStringLiteral("dm"));

        const Contact named = *std::find_if(all.begin(), all.end(),
                                            [](const Contact &c) { return c.name.has_value(); });
        ContactQuery byName;
        byName.text = named.name->left(4).toUpper();
        const QList<Contact> found = allContacts(working, byName);
        QVERIFY(std::any_of(found.begin(), found.end(),
                            [&](const Contact &c) { return c.lid == named.lid; }));
    }

    void shouldSayWhatTheGatewayFoundInvalid()
    {
        // GIVEN a query the gateway refuses (its cursors are decimal ids)
        ContactQuery query;
        query.cursor = QStringLiteral("not-a-cursor");
        // WHEN contacts are listed
        auto r = await<Page<Contact>>(
            [&](auto h) { client->listContacts(working, query, this, h); });
        // THEN the person reads why, not only "validation failed"
        QVERIFY(!r.ok());
        QCOMPARE(r.error.code, QStringLiteral("validation_error"));
        QVERIFY2(r.error.describe().contains(QLatin1String("invalid cursor")),
                 qPrintable(r.error.describe()));
    }

    void contactDetailWithGroups()
    {
        const QList<Contact> all = allContacts(working);
        auto groupContact = std::find_if(all.begin(), all.end(), [](const Contact &c) {
            return c.source == QLatin1String("group");
        });
        QVERIFY(groupContact != all.end());
        auto d = await<ContactDetail>(
            [&](auto h) { client->getContact(working, groupContact->lid, this, h); });
        QVERIFY2(d.ok(), qPrintable(d.error.describe()));
        QVERIFY(d.value->identity);
        QCOMPARE(d.value->identity->lid, groupContact->lid);
        QVERIFY(!d.value->groups.isEmpty());
        for (const ContactGroup &g : d.value->groups)
            QVERIFY(g.jid.endsWith(QLatin1String("@g.us")) && !g.role.isEmpty());

        auto missing = await<ContactDetail>(
            [&](auto h) { client->getContact(working, QStringLiteral("0@lid"), this, h); });
        QVERIFY(missing.error.hasCode(QLatin1String("not_found")));

        const int before = simRequests();
        auto bad = await<ContactDetail>(
            [&](auto h) { client->getContact(working, QStringLiteral("../x@lid"), this, h); });
        QCOMPARE_KIND(bad.error.kind, GatewayError::Kind::InvalidArgument);
        QCOMPARE(simRequests(), before); // refused before sending
    }

    void groupsAndMembers()
    {
        auto groups = await<Page<Group>>([&](auto h) { client->listGroups(working, this, h); });
        QVERIFY2(groups.ok(), qPrintable(groups.error.describe()));
        QCOMPARE(groups.value->items.size(), sim.workingSession().groups);
        const Group first = groups.value->items.first();
        auto one = await<Group>(
            [&](auto h) { client->getGroup(working, first.groupJid, this, h); });
        QVERIFY(one.ok());
        QCOMPARE(one.value->groupJid, first.groupJid);
        int memberships = 0;
        for (const Group &g : groups.value->items) {
            auto members = await<Page<GroupMember>>(
                [&](auto h) { client->listGroupMembers(working, g.groupJid, this, h); });
            QVERIFY2(members.ok(), qPrintable(members.error.describe()));
            for (const GroupMember &m : members.value->items) {
                QCOMPARE(m.groupJid, g.groupJid);
                QVERIFY(m.role == QLatin1String("member") || m.role == QLatin1String("admin")
                        || m.role == QLatin1String("superadmin"));
            }
            memberships += members.value->items.size();
        }
        QCOMPARE(memberships, sim.workingSession().members);
        auto unknown = await<Page<GroupMember>>(
            [&](auto h) { client->listGroupMembers(working, QStringLiteral("1@g.us"), this, h); });
        // The gateway does not check {gid} here: an unknown group has no members.
        QVERIFY2(unknown.ok(), qPrintable(unknown.error.describe()));
        QVERIFY(unknown.value->items.isEmpty());
    }

    void blockAndUnblock()
    {
        const QString lid = allContacts(working).first().lid;
        auto blocked = await<NoContent>(
            [&](auto h) { client->blockContact(working, lid, this, h); });
        QVERIFY2(blocked.ok(), qPrintable(blocked.error.describe()));
        QCOMPARE(blocked.httpStatus, 204);
        QVERIFY(sim.control("GET", QStringLiteral("/_sim/sessions/%1/blocked").arg(working))
                    .value(QStringLiteral("data"))
                    .toArray()
                    .contains(lid));
        QVERIFY(await<NoContent>([&](auto h) {
                    client->blockContact(working, lid, this, h);
                }).ok()); // idempotent
        QVERIFY(
            await<NoContent>([&](auto h) { client->unblockContact(working, lid, this, h); }).ok());
        QVERIFY(!sim.control("GET", QStringLiteral("/_sim/sessions/%1/blocked").arg(working))
                     .value(QStringLiteral("data"))
                     .toArray()
                     .contains(lid));

        auto offline = await<NoContent>(
            [&](auto h) { client->unblockContact(disconnected, lid, this, h); });
        QVERIFY(offline.error.hasCode(QLatin1String("not_implemented")));
        QCOMPARE(offline.error.httpStatus, 501);

        useToken(QStringLiteral("wa_readonly"));
        auto noSend = await<NoContent>(
            [&](auto h) { client->unblockContact(working, lid, this, h); });
        QVERIFY(noSend.error.hasCode(QLatin1String("forbidden")));
    }

    void pictureAndAbout()
    {
        const QString lid = allContacts(working).first().lid;
        // Not everyone shows a picture: a hidden one is not_found, never a broken answer.
        auto picture = await<ProfilePicture>(
            [&](auto h) { client->getContactPicture(working, lid, this, h); });
        QVERIFY2(picture.ok() || picture.error.hasCode(QLatin1String("not_found")),
                 qPrintable(picture.error.describe()));
        QVERIFY(await<ProfilePicture>([&](auto h) {
                    client->getContactPicture(disconnected, lid, this, h);
                }).error.hasCode(QLatin1String("not_implemented")));
        auto about = await<QString>(
            [&](auto h) { client->getContactAbout(working, lid, this, h); });
        QVERIFY2(about.ok(), qPrintable(about.error.describe()));
        QVERIFY(await<QString>([&](auto h) {
                    client->getContactAbout(disconnected, lid, this, h);
                }).error.hasCode(QLatin1String("not_implemented")));
    }

    void survivesExplicitNulls()
    {
        QVERIFY(sim.setFaults({{QStringLiteral("explicitNulls"), true}}));
        const QList<Contact> all = allContacts(working);
        QVERIFY(
            std::any_of(all.begin(), all.end(), [](const Contact &c) { return !c.phoneNumber; }));
        QVERIFY(await<Page<Group>>([&](auto h) { client->listGroups(working, this, h); }).ok());
        auto d = await<ContactDetail>(
            [&](auto h) { client->getContact(working, all.first().lid, this, h); });
        QVERIFY2(d.ok(), qPrintable(d.error.describe()));
    }

    void retriesTransientErrorsThenReports()
    {
        QVERIFY(sim.setFaults({{QStringLiteral("errorRate"), 1.0},
                               {QStringLiteral("errorStatus"), QStringLiteral("503")}}));
        const int before = simRequests();
        auto r = await<Page<Group>>([&](auto h) { client->listGroups(working, this, h); });
        QVERIFY(r.error.hasCode(QLatin1String("gateway_unavailable")));
        QCOMPARE(simRequests() - before, 1 + client->options().retry.maxRetries);

        QVERIFY(sim.setFaults({{QStringLiteral("errorRate"), 1.0},
                               {QStringLiteral("errorStatus"), QStringLiteral("500")}}));
        const int before500 = simRequests();
        QVERIFY(await<Page<Group>>([&](auto h) {
                    client->listGroups(working, this, h);
                }).error.hasCode(QLatin1String("internal")));
        QCOMPARE(simRequests() - before500, 1); // 500 is not transient: no retry
    }

    void rateLimitBurstsAreRiddenOut()
    {
        QVERIFY(sim.setFaults(
            {{QStringLiteral("rateLimitEvery"), 1}, {QStringLiteral("rateLimitBurst"), 2}}));
        auto r = await<Page<Group>>([&](auto h) { client->listGroups(working, this, h); });
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
    }

    void malformedTruncatedAndDroppedAnswers()
    {
        QVERIFY(sim.setFaults({{QStringLiteral("malformedRate"), 1.0}}));
        auto malformed = await<Page<Group>>([&](auto h) { client->listGroups(working, this, h); });
        QCOMPARE_KIND(malformed.error.kind, GatewayError::Kind::InvalidResponse);

        QVERIFY(sim.setFaults({{QStringLiteral("truncateRate"), 1.0}}));
        auto truncated = await<Page<Group>>([&](auto h) { client->listGroups(working, this, h); });
        QVERIFY(!truncated.ok());
        QVERIFY(truncated.error.kind == GatewayError::Kind::Network
                || truncated.error.kind == GatewayError::Kind::InvalidResponse);

        QVERIFY(sim.setFaults({{QStringLiteral("dropRate"), 1.0}}));
        auto dropped = await<Page<Group>>([&](auto h) { client->listGroups(working, this, h); });
        QCOMPARE_KIND(dropped.error.kind, GatewayError::Kind::Network);
    }

    void liveActionIsNotRepeatedAfterALostAnswer()
    {
        const QString lid = allContacts(working).first().lid;
        QVERIFY(sim.setFaults({{QStringLiteral("dropRate"), 1.0}}));
        const int before = simRequests();
        auto r = await<NoContent>([&](auto h) { client->unblockContact(working, lid, this, h); });
        QCOMPARE_KIND(r.error.kind, GatewayError::Kind::Network);
        QVERIFY(r.error.outcomeUnknown);
        QVERIFY(r.error.describe().contains(QLatin1String("repeating it is safe")));
        // Our layer sends it once; Qt's HTTP layer itself re-sends once when a connection
        // closes before any answer (a stale keep-alive), harmless as block/unblock are
        // idempotent. Any retry of ours would show as more.
        QVERIFY(simRequests() - before <= 2);
    }

    void timesOutAndCancels()
    {
        QVERIFY(sim.setFaults({{QStringLiteral("latencyMs"), 3000}}));
        GatewayCallOptions quick = client->options();
        quick.transferTimeoutMs = 300;
        quick.retry.maxRetries = 0;
        const GatewayCallOptions saved = client->options();
        client->setOptions(quick);
        auto slow = await<Page<Group>>([&](auto h) { client->listGroups(working, this, h); });
        QCOMPARE_KIND(slow.error.kind, GatewayError::Kind::Timeout);
        client->setOptions(saved);

        std::optional<GatewayResult<Page<Group>>> out;
        GatewayRequest request = client->listGroups(working, this,
                                                    [&out](const auto &r) { out = r; });
        QVERIFY(request.isRunning());
        request.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(out.has_value(), 1000);
        QCOMPARE_KIND(out->error.kind, GatewayError::Kind::Cancelled);
    }

    void capsResponseSize()
    {
        GatewayCallOptions small = client->options();
        const GatewayCallOptions saved = small;
        small.maxResponseBytes = 64;
        client->setOptions(small);
        auto r = await<Page<Group>>([&](auto h) { client->listGroups(working, this, h); });
        client->setOptions(saved);
        QCOMPARE_KIND(r.error.kind, GatewayError::Kind::ResponseTooLarge);
    }

    void neverCarriesTheTokenToAnotherOrigin()
    {
        QTcpServer other;
        QVERIFY(other.listen(QHostAddress::LocalHost));
        QByteArray seen;
        connect(&other, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *s = other.nextPendingConnection();
            connect(s, &QTcpSocket::readyRead, s, [s, &seen] {
                seen += s->readAll();
                s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                         "11\r\n\r\n{\"data\":[]}");
                s->disconnectFromHost();
            });
        });
        QVERIFY(sim.setFaults({{QStringLiteral("redirectTo"),
                                QStringLiteral("http://127.0.0.1:%1").arg(other.serverPort())}}));
        auto r = await<Page<Group>>([&](auto h) { client->listGroups(working, this, h); });
        QCOMPARE_KIND(r.error.kind, GatewayError::Kind::RedirectRefused);
        QVERIFY(!seen.contains(fullKey.toLatin1()));
        QVERIFY(!seen.toLower().contains("authorization"));
    }

    void refusesHostileArgumentsBeforeSending()
    {
        const int before = simRequests();
        ContactQuery huge;
        huge.text = QString(10240, QLatin1Char('x'));
        QCOMPARE_KIND(await<Page<Contact>>([&](auto h) {
                          client->listContacts(working, huge, this, h);
                      }).error.kind,
                      GatewayError::Kind::InvalidArgument);
        ContactQuery badSource;
        badSource.source = QStringLiteral("everyone");
        QCOMPARE_KIND(await<Page<Contact>>([&](auto h) {
                          client->listContacts(working, badSource, this, h);
                      }).error.kind,
                      GatewayError::Kind::InvalidArgument);
        QCOMPARE_KIND(await<NoContent>([&](auto h) {
                          client->blockContact(working, QStringLiteral("1; DROP TABLE x"), this, h);
                      }).error.kind,
                      GatewayError::Kind::InvalidArgument);
        QCOMPARE_KIND(await<Group>([&](auto h) {
                          client->getGroup(QString(), QStringLiteral("1@g.us"), this, h);
                      }).error.kind,
                      GatewayError::Kind::InvalidArgument);
        QCOMPARE(simRequests(), before);

        // Hostile but well-formed text reaches the gateway and comes back as a plain answer.
        ContactQuery sql;
        sql.text = QStringLiteral("'; DROP TABLE contacts; -- %00 ../ \"*\" +&=");
        auto r = await<Page<Contact>>([&](auto h) { client->listContacts(working, sql, this, h); });
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QVERIFY(r.value->items.isEmpty());
    }

    void shouldMintARealtimeTicketForTheGatewaysOwnSocket()
    {
        // Given a token with `events`
        // When it mints an organization ticket that resumes after an event id
        RealtimeTicketRequest request;
        request.since = QStringLiteral("evt_0");
        auto r = await<RealtimeTicket>(
            [&](auto h) { client->mintRealtimeTicket(request, this, h); });
        // Then the ticket names a ws:// socket on the gateway's own host and port
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QCOMPARE(r.httpStatus, 201);
        QVERIFY(!r.value->ticket.isEmpty());
        QVERIFY(r.value->expiresInSeconds > 0);
        QCOMPARE(r.value->url.scheme(), QStringLiteral("ws"));
        QCOMPARE(r.value->url.host(), sim.url().host());
        QCOMPARE(r.value->url.port(), sim.url().port());
        QVERIFY(r.value->url.query().contains(r.value->ticket));
    }

    void shouldRefuseARealtimeTicketWithoutTheEventsCapability()
    {
        // Given a token that holds read only
        useToken(QStringLiteral("wa_readonly"));
        // When it asks for a ticket
        auto r = await<RealtimeTicket>([&](auto h) { client->mintRealtimeTicket({}, this, h); });
        // Then the gateway refuses it as forbidden
        QVERIFY(!r.ok());
        QCOMPARE(r.error.httpStatus, 403);
        QVERIFY(r.error.hasCode(QLatin1String("forbidden")));
    }

    void shouldRefuseATicketWhoseSocketIsElsewhere()
    {
        // Given a gateway that answers the ticket with a socket somewhere else
        QTcpServer gateway;
        QVERIFY(gateway.listen(QHostAddress::LocalHost));
        QByteArray socketUrl;
        connect(&gateway, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *s = gateway.nextPendingConnection();
            connect(s, &QTcpSocket::readyRead, s, [s, &socketUrl] {
                s->readAll();
                const QByteArray body = "{\"ticket\":\"t1\",\"expiresInSeconds\":30,\"url\":\""
                    + socketUrl + "\"}";
                s->write("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n"
                         "Content-Length: "
                         + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                s->disconnectFromHost();
            });
        });
        const QByteArray port = QByteArray::number(gateway.serverPort());
        client->setEndpoint(QUrl(QStringLiteral("http://127.0.0.1:") + QString::fromLatin1(port)),
                            fullKey);
        const QByteArray elsewhere[] = {
            "ws://attacker.example:" + port + "/api/v1/realtime?ticket=t1", // another host
            "ws://127.0.0.1:1/api/v1/realtime?ticket=t1",                   // another port
            "wss://127.0.0.1:" + port + "/api/v1/realtime?ticket=t1",       // TLS it never had
            "http://127.0.0.1:" + port + "/api/v1/realtime?ticket=t1",      // not a WebSocket
        };
        for (const QByteArray &url : elsewhere) {
            socketUrl = url;
            // When the console mints a ticket there
            auto r = await<RealtimeTicket>(
                [&](auto h) { client->mintRealtimeTicket({}, this, h); });
            // Then the ticket is refused: nothing connects anywhere but the gateway
            QVERIFY2(!r.ok(), url.constData());
            QCOMPARE_KIND(r.error.kind, GatewayError::Kind::InvalidResponse);
        }
        // And the same answer naming the gateway itself is accepted
        socketUrl = "ws://127.0.0.1:" + port + "/api/v1/realtime?ticket=t1";
        auto ok = await<RealtimeTicket>([&](auto h) { client->mintRealtimeTicket({}, this, h); });
        QVERIFY2(ok.ok(), qPrintable(ok.error.describe()));
        QCOMPARE(ok.value->ticket, QStringLiteral("t1"));

        // And a scope the contract does not know is refused before sending
        RealtimeTicketRequest bad;
        bad.scope = QStringLiteral("everything");
        auto refused = await<RealtimeTicket>(
            [&](auto h) { client->mintRealtimeTicket(bad, this, h); });
        QCOMPARE_KIND(refused.error.kind, GatewayError::Kind::InvalidArgument);
    }

    void cleanupTestCase()
    {
        // Last: nothing this test logged may contain a token.
        QMutexLocker lock(&g_logMutex);
        QVERIFY(!g_log.isEmpty()); // debug logging was on, so the check below means something
        const QStringList secrets{
            fullKey, QStringLiteral("wa_readonly"), sim.jwt(QStringLiteral("member")),
            sim.jwt(QStringLiteral("owner")), sim.jwt(QStringLiteral("expired"))};
        for (const QString &line : qAsConst(g_log))
            for (const QString &secret : secrets)
                QVERIFY2(!line.contains(secret),
                         qPrintable(QStringLiteral("token in log: ") + line.left(60)));
        qInstallMessageHandler(nullptr);
    }
};

QTEST_GUILESS_MAIN(TestGatewayClient)
#include "tst_gatewayclient.moc"
