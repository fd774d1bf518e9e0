// CapabilityProbe against the gateway simulator over real HTTP: its demo JWTs (owner,
// admin, member, expired, bad signature, another org's owner), api-keys with chosen
// capabilities, JWTs this test signs with the simulator's secret (a role the gateway reads
// differently, one that expires mid-probe), injected 500/503 faults, an organization with
// no session, and a closed port. Nothing here fakes the gateway.
#include "auth/CapabilityProbe.h"
#include "gateway/GatewayClient.h"

#include "SimulatorProcess.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTcpServer>
#include <QTest>

using Verdict = CapabilityFinding::Verdict;

namespace {

constexpr int kTimeoutMs = 30000;
const QByteArray kJwtSecret = "tst-capabilityprobe-sim-secret";
const QString kJwtIssuer = QStringLiteral("http://127.0.0.1:3000");

// A login JWT as the simulator verifies it (HS256 with --jwt-secret; iss = aud = --jwt-issuer).
QString signedJwt(const QString &org, const QString &orgRole, qint64 exp)
{
    constexpr auto b64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    const QJsonObject claims{{"sub", "user_probe"},
                             {"activeOrganizationId", org},
                             {"orgRole", orgRole},
                             {"role", "user"},
                             {"iss", kJwtIssuer},
                             {"aud", kJwtIssuer},
                             {"iat", double(QDateTime::currentSecsSinceEpoch())},
                             {"exp", double(exp)}};
    const QByteArray input = QByteArray(R"({"alg":"HS256","typ":"JWT"})").toBase64(b64) + '.'
        + QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(b64);
    return QString::fromLatin1(
        input + '.'
        + QMessageAuthenticationCode::hash(input, kJwtSecret, QCryptographicHash::Sha256)
              .toBase64(b64));
}

} // namespace

class TestCapabilityProbeSim : public QObject
{
    Q_OBJECT
private:
    SimulatorProcess m_sim;

    CapabilityReport probe(const QString &token, const QStringList &known = {},
                           const QUrl &url = {})
    {
        GatewayClient client;
        GatewayCallOptions options;
        options.retry.maxRetries = 0; // a 5xx is reported as it came
        client.setOptions(options);
        client.setEndpoint(url.isEmpty() ? m_sim.url() : url, token);
        CapabilityProbe probe(&client);
        std::optional<CapabilityReport> report;
        probe.run(TokenInspector::inspect(token), known, this,
                  [&report](const CapabilityReport &r) { report = r; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(report.has_value(), kTimeoutMs); }();
        [&] { QVERIFY(!probe.isRunning()); }();
        return report.value_or(CapabilityReport());
    }
    static Verdict verdict(const CapabilityReport &r, const char *cap)
    {
        return r.finding(QString::fromLatin1(cap)).verdict;
    }
    // QCOMPARE on this enum class trips over Qt 6.4 with GCC 12: compare names.
    static const char *name(Verdict v)
    {
        switch (v) {
        case Verdict::Yes:
            return "yes";
        case Verdict::No:
            return "no";
        case Verdict::Unknown:
            break;
        }
        return "unknown";
    }
    QJsonObject stats() const { return m_sim.control("GET", QStringLiteral("/_sim/stats")); }
    qint64 requestCount() const { return stats().value("requests").toInteger(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sim.start({"--seed",         "5",
                              "--sessions",     "2",
                              "--disconnected", "1",
                              "--contacts",     "200",
                              "--groups",       "10",
                              "--members",      "300",
                              "--jwt-secret",   QString::fromLatin1(kJwtSecret),
                              "--jwt-issuer",   kJwtIssuer,
                              "--api-key",      "wa_full=read,send,manage,events",
                              "--api-key",      "wa_ro=read",
                              "--api-key",      "wa_mgmt=manage",
                              "--api-key",      "wa_send=send"}),
                 qPrintable(m_sim.errorString()));
        for (const char *label :
             {"owner", "admin", "member", "expired", "bad-signature", "foreign-owner"})
            QVERIFY2(!m_sim.jwt(label).isEmpty(), label);
        QVERIFY(m_sim.primarySessions().size() >= 2);
    }

    void cleanupTestCase()
    {
        // The probe only ever reads: no live action, nothing changed on WhatsApp.
        const QJsonObject byOperation = stats().value("byOperation").toObject();
        QVERIFY(!byOperation.isEmpty());
        for (auto it = byOperation.begin(); it != byOperation.end(); ++it)
            QVERIFY2(it.key() == "listSessions" || it.key() == "listContacts"
                         || it.key() == "listGroups" || it.key() == "noRoute",
                     qPrintable(it.key()));
        QCOMPARE(byOperation.value("noRoute").toInteger(), 1); // wrongUrlIs404 only
    }

    void cleanup() { QVERIFY(m_sim.clearFaults()); }

    void ownerJwt()
    {
        const CapabilityReport r = probe(m_sim.jwt("owner"));
        QVERIFY(r.completed());
        QCOMPARE(r.granted(), (QStringList{"read", "send", "manage", "events"}));
        QCOMPARE(r.sessions.size(), m_sim.primarySessions().size());
        QCOMPARE(r.probedSession, r.sessions.first().id); // the newest, listed first
    }

    void adminJwt()
    {
        const CapabilityReport r = probe(m_sim.jwt("admin"));
        QCOMPARE(r.granted(), (QStringList{"read", "send", "manage", "events"}));
        QVERIFY2(r.notes.isEmpty(), qPrintable(r.notes.join('\n')));
    }

    void memberJwt()
    {
        CapabilityReport r = probe(m_sim.jwt("member"));
        QVERIFY(r.completed());
        QCOMPARE(name(verdict(r, "manage")), "no");
        QCOMPARE(name(verdict(r, "read")), "unknown"); // no session to try yet
        QVERIFY(r.finding("read").how.contains("by hand"));
        QCOMPARE(name(verdict(r, "send")), "yes");   // by role
        QCOMPARE(name(verdict(r, "events")), "yes"); // the gateway grants members events
        QVERIFY(r.finding("send").how.contains("member"));

        r = probe(m_sim.jwt("member"), {m_sim.workingSession().id});
        QCOMPARE(name(verdict(r, "read")), "yes");
        QVERIFY2(r.notes.isEmpty(), qPrintable(r.notes.join('\n')));
    }

    void gatewayWinsOverClaims()
    {
        // The claims say "Admin"; this gateway knows only lower-case roles and grants nothing.
        // The probe believes the gateway and says the claims disagree.
        const QString token = signedJwt(m_sim.primaryOrg(), "Admin",
                                        QDateTime::currentSecsSinceEpoch() + 3600);
        QCOMPARE(TokenInspector::inspect(token).capabilitiesFromRole().size(), 4);
        const CapabilityReport r = probe(token, {m_sim.workingSession().id});
        QVERIFY(r.completed());
        QCOMPARE(name(verdict(r, "manage")), "no");
        QCOMPARE(name(verdict(r, "read")), "no");
        QVERIFY2(r.notes.join('\n').contains("differs"), qPrintable(r.notes.join('\n')));
    }

    void rejectedJwts()
    {
        const CapabilityReport expired = probe(m_sim.jwt("expired"));
        QVERIFY(expired.tokenRejected);
        QVERIFY(expired.lines().first().contains("expired"));
        QVERIFY(probe(m_sim.jwt("bad-signature")).tokenRejected);
    }

    void rejectedTokenStopsAtFirst401()
    {
        const qint64 before = requestCount();
        const CapabilityReport r = probe("wa_nobody");
        QVERIFY(r.tokenRejected);
        QVERIFY(!r.completed());
        QVERIFY(r.granted().isEmpty());
        QCOMPARE(requestCount() - before, 1);
        QVERIFY(r.lines().join('\n').contains("Sign in again"));
    }

    void rejectedWhileReading()
    {
        // A member's JWT that expires while the gateway is slow: listing sessions is answered
        // 403 (members cannot manage), and by the time the session is read the token has
        // expired, so reading answers 401. The simulator checks the token on arrival and
        // answers after the latency, so the reads arrive after "exp" whatever the machine's load.
        const qint64 exp = QDateTime::currentSecsSinceEpoch() + 5;
        const QString token = signedJwt(m_sim.primaryOrg(), "member", exp);
        QVERIFY(m_sim.setFaults(QJsonObject{{"latencyMs", 6000}}));
        const CapabilityReport r = probe(token, {m_sim.workingSession().id});
        QCOMPARE(name(verdict(r, "manage")), "no");
        QVERIFY(r.tokenRejected);
        QCOMPARE(r.probedSession, m_sim.workingSession().id);
    }

    void otherOrganization()
    {
        // Another org's owner sees its own sessions, and ours are 404 to it.
        const CapabilityReport own = probe(m_sim.jwt("foreign-owner"));
        QCOMPARE(name(verdict(own, "manage")), "yes");
        QCOMPARE(name(verdict(own, "read")), "yes");
        for (const WaSession &s : own.sessions)
            QCOMPARE(s.organizationId, m_sim.foreignSession().orgId);

        const CapabilityReport ours = probe(m_sim.jwt("foreign-owner"),
                                            {m_sim.workingSession().id});
        QCOMPARE(name(verdict(ours, "read")), "unknown");
        QVERIFY(ours.finding("read").how.contains("not found"));
    }

    void apiKeys()
    {
        CapabilityReport r = probe("wa_full");
        QVERIFY(r.completed());
        QCOMPARE(r.granted(), (QStringList{"read", "manage"}));
        QCOMPARE(name(verdict(r, "send")), "unknown");
        QCOMPARE(name(verdict(r, "events")), "unknown");
        QVERIFY(r.finding("send").how.contains("live action"));
        QCOMPARE(r.sessions.size(), m_sim.primarySessions().size());
        QCOMPARE(r.probedSession, r.sessions.first().id); // the newest, listed first
        const QStringList lines = r.lines();
        QCOMPARE(lines.size(), 4);
        QVERIFY2(lines.at(2).startsWith("manage: yes."), qPrintable(lines.join('\n')));

        r = probe("wa_ro", {m_sim.disconnectedSession().id}); // stored data: no connection needed
        QCOMPARE(name(verdict(r, "manage")), "no");
        QCOMPARE(name(verdict(r, "read")), "yes");

        r = probe("wa_ro", {m_sim.foreignSession().id});
        QCOMPARE(name(verdict(r, "read")), "unknown");
        QVERIFY(r.finding("read").how.contains("not found"));

        r = probe("wa_mgmt");
        QCOMPARE(name(verdict(r, "manage")), "yes");
        QCOMPARE(name(verdict(r, "read")), "no");
        QVERIFY(r.finding("read").how.contains("403"));

        r = probe("wa_send", {m_sim.workingSession().id});
        QCOMPARE(name(verdict(r, "manage")), "no");
        QCOMPARE(name(verdict(r, "read")), "no");
        QCOMPARE(name(verdict(r, "send")), "unknown");
    }

    void readOnlyKeyWithoutSessions()
    {
        const CapabilityReport r = probe("wa_ro");
        QVERIFY(r.completed());
        QCOMPARE(name(verdict(r, "manage")), "no");
        QCOMPARE(name(verdict(r, "read")), "unknown");
        QVERIFY(r.finding("read").how.contains("by hand"));
        QVERIFY(r.probedSession.isEmpty());
    }

    void sessionByHandWinsOverListed()
    {
        const QString second = m_sim.primarySessions().at(1).id;
        const CapabilityReport r = probe("wa_full", {second});
        QCOMPARE(r.probedSession, second);
        QCOMPARE(name(verdict(r, "read")), "yes");
    }

    void badSessionIdByHand()
    {
        const qint64 before = requestCount();
        const CapabilityReport r = probe("wa_ro", {" padded "});
        QCOMPARE(name(verdict(r, "read")), "unknown");
        QVERIFY(r.finding("read").how.contains("failed"));
        QCOMPARE(requestCount() - before, 1); // refused before sending; only the listing went
    }

    void emptyOrganization()
    {
        // An organization without any session: its own simulator.
        SimulatorProcess empty;
        QVERIFY2(empty.start({"--seed", "6", "--sessions", "1", "--foreign-sessions", "0",
                              "--contacts", "10", "--groups", "2", "--members", "10", "--api-key",
                              "wa_empty=read,manage@foreign"}),
                 qPrintable(empty.errorString()));
        const CapabilityReport r = probe("wa_empty", {}, empty.url());
        QVERIFY(r.completed());
        QCOMPARE(name(verdict(r, "manage")), "yes");
        QVERIFY(r.sessions.isEmpty());
        QCOMPARE(name(verdict(r, "read")), "unknown");
        QVERIFY(r.finding("read").how.contains("no session"));
    }

    void gatewayErrors()
    {
        QVERIFY(m_sim.setFaults(QJsonObject{{"errorRate", 1.0}, {"errorStatus", "500"}}));
        CapabilityReport r = probe("wa_full");
        QVERIFY(!r.completed());
        QVERIFY(!r.tokenRejected);
        QCOMPARE(r.failure.httpStatus, 500);
        QVERIFY(r.lines().join('\n').contains("Could not ask the gateway"));

        QVERIFY(m_sim.setFaults(QJsonObject{{"errorRate", 1.0}, {"errorStatus", "503"}}));
        r = probe("wa_full");
        QVERIFY(!r.completed());
        QCOMPARE(r.failure.httpStatus, 503);
        QCOMPARE(r.failure.code, QStringLiteral("gateway_unavailable"));
    }

    void wrongUrlIs404()
    {
        // A base URL one level off: the gateway's paths are not there.
        QUrl url = m_sim.url();
        url.setPath("/not-the-gateway");
        const CapabilityReport r = probe("wa_full", {}, url);
        QVERIFY(!r.completed());
        QCOMPARE(r.failure.httpStatus, 404);
        QVERIFY(r.notes.join('\n').contains("check the gateway URL"));
    }

    void unreachableGateway()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort()));
        closed.close(); // nothing listens there now
        const CapabilityReport r = probe("wa_full", {}, url);
        QCOMPARE(toString(r.failure.kind), toString(GatewayError::Kind::Network));
        QVERIFY(r.lines().join('\n').contains("cannot be reached"));
    }

    void callbackSkippedWhenContextIsGone()
    {
        GatewayClient client;
        client.setEndpoint(m_sim.url(), "wa_full");
        CapabilityProbe probe(&client);
        auto *context = new QObject;
        bool called = false;
        probe.run(TokenInspector::inspect("wa_full"), {}, context,
                  [&](const CapabilityReport &) { called = true; });
        delete context;
        QTRY_VERIFY_WITH_TIMEOUT(!probe.isRunning(), kTimeoutMs);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestCapabilityProbeSim)
#include "tst_capabilityprobe_sim.moc"
