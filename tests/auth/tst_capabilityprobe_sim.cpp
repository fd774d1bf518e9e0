// CapabilityProbe against the gateway simulator over real HTTP: its demo JWTs (owner,
// admin, member, expired, bad signature, another org's owner) and api-keys with chosen
// capabilities.
#include "auth/CapabilityProbe.h"
#include "gateway/GatewayClient.h"

#include "SimulatorProcess.h"

#include <QTest>

using Verdict = CapabilityFinding::Verdict;

class TestCapabilityProbeSim : public QObject
{
    Q_OBJECT
private:
    SimulatorProcess m_sim;

    CapabilityReport probe(const QString &token, const QStringList &known = {})
    {
        GatewayClient client;
        client.setEndpoint(m_sim.url(), token);
        CapabilityProbe probe(&client);
        std::optional<CapabilityReport> report;
        probe.run(TokenInspector::inspect(token), known, this,
                  [&report](const CapabilityReport &r) { report = r; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(report.has_value(), 30000); }();
        return report.value_or(CapabilityReport());
    }
    static Verdict verdict(const CapabilityReport &r, const char *cap)
    {
        return r.finding(QString::fromLatin1(cap)).verdict;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_sim.start({"--seed", "5", "--sessions", "2", "--disconnected", "1",
                              "--contacts", "200", "--groups", "10", "--members", "300",
                              "--api-key", "wa_full=read,send,manage,events",
                              "--api-key", "wa_ro=read", "--api-key", "wa_mgmt=manage",
                              "--api-key", "wa_send=send"}),
                 qPrintable(m_sim.errorString()));
        for (const char *label : {"owner", "admin", "member", "expired", "bad-signature",
                                  "foreign-owner"})
            QVERIFY2(!m_sim.jwt(label).isEmpty(), label);
    }

    void ownerJwt()
    {
        const CapabilityReport r = probe(m_sim.jwt("owner"));
        QVERIFY(r.completed());
        QCOMPARE(r.granted(), (QStringList{"read", "send", "manage", "events"}));
        QCOMPARE(r.sessions.size(), m_sim.primarySessions().size());
        QCOMPARE(r.probedSession, m_sim.primarySessions().first().id);
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
        QCOMPARE(verdict(r, "manage"), Verdict::No);
        QCOMPARE(verdict(r, "read"), Verdict::Unknown); // no session to try yet
        QCOMPARE(verdict(r, "send"), Verdict::Yes);     // by role
        QCOMPARE(verdict(r, "events"), Verdict::No);

        r = probe(m_sim.jwt("member"), {m_sim.workingSession().id});
        QCOMPARE(verdict(r, "read"), Verdict::Yes);
        QVERIFY2(r.notes.isEmpty(), qPrintable(r.notes.join('\n')));
    }

    void rejectedJwts()
    {
        const CapabilityReport expired = probe(m_sim.jwt("expired"));
        QVERIFY(expired.tokenRejected);
        QVERIFY(expired.lines().first().contains("expired"));
        QVERIFY(probe(m_sim.jwt("bad-signature")).tokenRejected);
        QVERIFY(probe("wa_nobody").tokenRejected);
    }

    void otherOrganization()
    {
        // Another org's owner sees its own sessions, and ours are 404 to it.
        const CapabilityReport own = probe(m_sim.jwt("foreign-owner"));
        QCOMPARE(verdict(own, "manage"), Verdict::Yes);
        QCOMPARE(verdict(own, "read"), Verdict::Yes);
        for (const WaSession &s : own.sessions)
            QCOMPARE(s.organizationId, m_sim.foreignSession().orgId);

        const CapabilityReport ours = probe(m_sim.jwt("foreign-owner"), {m_sim.workingSession().id});
        QCOMPARE(verdict(ours, "read"), Verdict::Unknown);
        QVERIFY(ours.finding("read").how.contains("not found"));
    }

    void apiKeys()
    {
        CapabilityReport r = probe("wa_full");
        QCOMPARE(r.granted(), (QStringList{"read", "manage"}));
        QCOMPARE(verdict(r, "send"), Verdict::Unknown);

        r = probe("wa_ro", {m_sim.disconnectedSession().id}); // stored data: no connection needed
        QCOMPARE(verdict(r, "manage"), Verdict::No);
        QCOMPARE(verdict(r, "read"), Verdict::Yes);

        r = probe("wa_ro", {m_sim.foreignSession().id});
        QCOMPARE(verdict(r, "read"), Verdict::Unknown);
        QVERIFY(r.finding("read").how.contains("not found"));

        r = probe("wa_mgmt");
        QCOMPARE(verdict(r, "manage"), Verdict::Yes);
        QCOMPARE(verdict(r, "read"), Verdict::No);

        r = probe("wa_send", {m_sim.workingSession().id});
        QCOMPARE(verdict(r, "manage"), Verdict::No);
        QCOMPARE(verdict(r, "read"), Verdict::No);
        QCOMPARE(verdict(r, "send"), Verdict::Unknown);
    }
};

QTEST_GUILESS_MAIN(TestCapabilityProbeSim)
#include "tst_capabilityprobe_sim.moc"
