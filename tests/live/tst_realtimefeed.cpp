// The realtime feed against the simulator's WebSocket over real sockets: each event kind,
// resuming after a dropped connection, a silent one, a refused ticket and a gap.
#include "gateway/GatewayClient.h"
#include "live/RealtimeFeed.h"

#include "LiveTestUtil.h"

#include <QSignalSpy>
#include <QTest>

using namespace LiveTest;

class TestRealtimeFeed : public QObject
{
    Q_OBJECT
private:
    SimulatorProcess sim;
    GatewayClient *client = nullptr;
    std::unique_ptr<RealtimeFeed> feed;
    QList<LiveEvent> received;
    QString session;
    QString lid; // a contact of the session

    void newFeed(const QString &token = QStringLiteral("wa_full"))
    {
        client->setEndpoint(sim.url(), token);
        feed = std::make_unique<RealtimeFeed>(client);
        RealtimeFeed::Options options;
        options.backoffStartMs = 50;
        options.backoffMaxMs = 400;
        feed->setOptions(options);
        received.clear();
        // The cache applies each event at once here: the feed resumes after it.
        connect(feed.get(), &RealtimeFeed::eventReceived, this, [this](const LiveEvent &e) {
            received << e;
            feed->markApplied(e.id);
        });
    }
    bool waitForState(RealtimeFeed::State state, int timeoutMs = 15000)
    {
        return QTest::qWaitFor([&] { return feed->state() == state; }, timeoutMs);
    }
    bool waitForEvents(int count, int timeoutMs = 15000)
    {
        return QTest::qWaitFor([&] { return received.size() >= count; }, timeoutMs);
    }
    QStringList receivedIds() const
    {
        QStringList ids;
        for (const LiveEvent &e : received)
            ids << e.id;
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(
            sim.start({QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--sessions"),
                       QStringLiteral("2"), QStringLiteral("--contacts"), QStringLiteral("300"),
                       QStringLiteral("--groups"), QStringLiteral("6"), QStringLiteral("--members"),
                       QStringLiteral("400"), QStringLiteral("--heartbeat-seconds"),
                       QStringLiteral("1"), QStringLiteral("--api-key"),
                       QStringLiteral("wa_full=read,send,manage,events"),
                       QStringLiteral("--api-key"), QStringLiteral("wa_noevents=read,manage")}),
            qPrintable(sim.errorString()));
        session = sim.workingSession().id;
        client = new GatewayClient(this);
        client->setEndpoint(sim.url(), QStringLiteral("wa_full"));
        ContactQuery query;
        query.limit = 1;
        std::optional<GatewayResult<Page<Contact>>> page;
        client->listContacts(session, query, this, [&](const auto &r) { page = r; });
        QVERIFY(QTest::qWaitFor([&] { return page.has_value(); }, 15000));
        QVERIFY2(page->ok() && !page->value->items.isEmpty(), qPrintable(page->error.describe()));
        lid = page->value->items.first().lid;
    }

    void init() { QVERIFY(sim.clearFaults()); }
    void cleanup() { feed.reset(); }

    void shouldReceiveEachEventKindLive()
    {
        // Given a feed that is live
        newFeed();
        QSignalSpy states(feed.get(), &RealtimeFeed::stateChanged);
        feed->start();
        QVERIFY(waitForState(RealtimeFeed::State::Live));
        QCOMPARE(feed->heartbeatSeconds(), 1);
        QVERIFY(feed->reason().isEmpty());

        // When the gateway publishes one event of each kind
        const QStringList ids{
            renameContact(sim, session, lid, QStringLiteral("Feed Test")),
            postEvent(sim, session, QStringLiteral("session.status"),
                      {{QStringLiteral("status"), QStringLiteral("failed")}}),
            postEvent(sim, session, QStringLiteral("session.status"),
                      {{QStringLiteral("status"), QStringLiteral("working")}}),
        };
        QVERIFY(!ids.contains(QString()));

        // Then each arrives once, in order, with its payload
        QVERIFY(waitForEvents(ids.size()));
        QCOMPARE(receivedIds(), ids);
        QCOMPARE(received.at(0).event, QStringLiteral("contact.update"));
        QCOMPARE(received.at(0).jid, lid);
        QCOMPARE(received.at(0).displayName(), std::optional<QString>(QStringLiteral("Feed Test")));
        QCOMPARE(received.at(0).session, session);
        QCOMPARE(received.at(1).status, QStringLiteral("failed"));
        QCOMPARE(feed->malformedFrames(), 0);
        QCOMPARE(feed->connections(), 1);
        QCOMPARE(feed->lastAppliedId(), ids.last());
    }

    void shouldResumeAfterADropWithNothingLostAndNothingTwice()
    {
        // Given a live feed that has received some events
        newFeed();
        feed->start();
        QVERIFY(waitForState(RealtimeFeed::State::Live));
        QStringList posted;
        for (int i = 0; i < 5; ++i)
            posted << renameContact(sim, session, lid, QStringLiteral("Before %1").arg(i));
        QVERIFY(waitForEvents(5));

        // When the gateway drops every connection and events keep coming meanwhile
        QVERIFY(dropConnections(sim));
        for (int i = 0; i < 5; ++i)
            posted << renameContact(sim, session, lid, QStringLiteral("During %1").arg(i));
        QVERIFY(!posted.contains(QString()));

        // Then the feed reconnects with `since` and gets exactly the missed ones, once
        QVERIFY(waitForEvents(posted.size()));
        QVERIFY(waitForState(RealtimeFeed::State::Live));
        QCOMPARE(receivedIds(), posted);
        QCOMPARE(feed->connections(), 2);

        // And it stays live for what follows
        posted << renameContact(sim, session, lid, QStringLiteral("After"));
        QVERIFY(waitForEvents(posted.size()));
        QCOMPARE(receivedIds(), posted);
    }

    void shouldReconnectWhenHeartbeatsStop()
    {
        // Given a live feed on a one-second heartbeat
        newFeed();
        feed->start();
        QVERIFY(waitForState(RealtimeFeed::State::Live));
        QSignalSpy states(feed.get(), &RealtimeFeed::stateChanged);

        // When the gateway keeps the connection open but stops the pings
        QVERIFY(sim.setFaults({{QStringLiteral("realtimeHeartbeats"), false}}));

        // Then after 2.5 silent heartbeats the connection counts as dead and is reopened
        QVERIFY(waitForState(RealtimeFeed::State::Reconnecting, 10000));
        QVERIFY2(feed->reason().contains(QLatin1String("heartbeat")), qPrintable(feed->reason()));
        QVERIFY(sim.clearFaults());
        QVERIFY(waitForState(RealtimeFeed::State::Live, 10000));
        QVERIFY(feed->connections() >= 2);

        // And nothing published after the reconnect is lost
        const QString id = renameContact(sim, session, lid, QStringLiteral("After silence"));
        QVERIFY(QTest::qWaitFor([&] { return receivedIds().contains(id); }, 10000));
    }

    void shouldStopWithAReasonWhenTheTicketIsRefused()
    {
        // Given a token without the events capability
        newFeed(QStringLiteral("wa_noevents"));
        // When the feed starts
        feed->start();
        // Then it stops in Refused with a reason and never connects or retries
        QVERIFY(waitForState(RealtimeFeed::State::Refused));
        QVERIFY2(feed->reason().contains(QLatin1String("not allowed")), qPrintable(feed->reason()));
        QSignalSpy states(feed.get(), &RealtimeFeed::stateChanged);
        QVERIFY(!states.wait(500)); // several back-off periods: a retry would show
        QVERIFY(feed->state() == RealtimeFeed::State::Refused);
        QCOMPARE(feed->connections(), 0);
    }

    void shouldDetectAGapWhenTheReplayIsFull()
    {
        // Given a feed that applied one event and then went away
        newFeed();
        feed->start();
        QVERIFY(waitForState(RealtimeFeed::State::Live));
        const QString first = renameContact(sim, session, lid, QStringLiteral("Gap 0"));
        QVERIFY(waitForEvents(1));
        const QString resumeAfter = feed->lastAppliedId();
        QCOMPARE(resumeAfter, first);
        feed->stop();

        // When more than the gateway replays (1,000) happened meanwhile
        for (int i = 1; i <= 1005; ++i)
            QVERIFY(!renameContact(sim, session, lid, QStringLiteral("Gap %1").arg(i)).isEmpty());
        newFeed();
        QSignalSpy gaps(feed.get(), &RealtimeFeed::gapDetected);
        feed->start(resumeAfter);

        // Then the full replay arrives and the gap is reported with the sessions concerned
        QVERIFY(waitForEvents(1000, 30000));
        QVERIFY(gaps.wait(5000) || gaps.count() == 1);
        QCOMPARE(gaps.count(), 1);
        QCOMPARE(gaps.first().first().toStringList(), QStringList{session});
    }

    void shouldNotReportAGapForAShortReplay()
    {
        // Given a feed that missed a few events
        newFeed();
        feed->start();
        QVERIFY(waitForState(RealtimeFeed::State::Live));
        renameContact(sim, session, lid, QStringLiteral("Short 0"));
        QVERIFY(waitForEvents(1));
        const QString resumeAfter = feed->lastAppliedId();
        feed->stop();
        for (int i = 1; i <= 3; ++i)
            renameContact(sim, session, lid, QStringLiteral("Short %1").arg(i));

        // When it resumes
        newFeed();
        QSignalSpy gaps(feed.get(), &RealtimeFeed::gapDetected);
        feed->start(resumeAfter);

        // Then the three arrive and no gap is reported: a live event posted after them comes
        // fourth, once the replay is over
        QVERIFY(waitForEvents(3));
        renameContact(sim, session, lid, QStringLiteral("Short live"));
        QVERIFY(waitForEvents(4));
        QCOMPARE(received.size() - 1, 3);
        QCOMPARE(gaps.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRealtimeFeed)
#include "tst_realtimefeed.moc"
