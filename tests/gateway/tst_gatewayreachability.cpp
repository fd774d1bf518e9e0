// GatewayReachability fed by real GatewayClients over loopback: an answer of any status says
// reachable, a refused connection says unreachable, changed() only when the answer flips,
// and calls refused before sending say nothing.
#include "gateway/GatewayClient.h"
#include "gateway/GatewayReachability.h"

#include "SimulatorProcess.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

class TestGatewayReachability : public QObject
{
    Q_OBJECT
private:
    SimulatorProcess m_sim;

    static void listSessions(GatewayClient &client)
    {
        bool done = false;
        client.listSessions(nullptr,
                            [&done](const GatewayResult<Page<WaSession>> &) { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sim.start({QStringLiteral("--contacts"), QStringLiteral("10")}),
                 qPrintable(m_sim.errorString()));
    }

    void shouldSayReachableForAnyAnswerAndUnreachableWithoutOne()
    {
        // GIVEN a reachability watching a client of the simulator and one of a closed port
        GatewayReachability reachability;
        QSignalSpy changed(&reachability, &GatewayReachability::changed);
        QCOMPARE(reachability.state().reachable, std::nullopt);
        GatewayClient good;
        good.setEndpoint(m_sim.url(), QStringLiteral("wa_demo"));
        GatewayClient refused;
        refused.setEndpoint(m_sim.url(), QStringLiteral("not-a-token"));
        GatewayClient down;
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        down.setEndpoint(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)),
                         QStringLiteral("wa_demo"));
        GatewayCallOptions once;
        once.retry.maxRetries = 0;
        down.setOptions(once);
        for (GatewayClient *c : {&good, &refused, &down})
            reachability.watch(c);

        // WHEN the gateway answers THEN it is reachable
        listSessions(good);
        QCOMPARE(reachability.state().reachable, std::optional<bool>(true));
        QVERIFY(reachability.state().at > 0);
        QCOMPARE(changed.size(), 1);

        // WHEN it answers 401 THEN it is still reachable, and nothing changed
        listSessions(refused);
        QCOMPARE(reachability.state().reachable, std::optional<bool>(true));
        QCOMPARE(changed.size(), 1);

        // WHEN nothing answers THEN it is unreachable
        listSessions(down);
        QCOMPARE(reachability.state().reachable, std::optional<bool>(false));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.last().first().toBool(), false);
    }

    void shouldIgnoreCallsRefusedBeforeSending()
    {
        // GIVEN a client with no gateway address, watched
        GatewayReachability reachability;
        GatewayClient client;
        reachability.watch(&client);

        // WHEN it is asked for something
        listSessions(client);

        // THEN nothing was learnt about the gateway
        QCOMPARE(reachability.state().reachable, std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestGatewayReachability)
#include "tst_gatewayreachability.moc"
