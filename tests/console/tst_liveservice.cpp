// The profile's realtime subscription as the composition root runs it (ProfileServices with
// its LiveService) against the simulator's feed over real WebSockets, the real keychain and a
// real cache: every event kind reaches the cache; thousands of random events through twenty
// dropped connections leave the cache equal to the gateway's data; a replay cut at its limit
// resyncs every session; a token without `events` gets the scheduled sync, one with it pauses
// the schedule while live.
#include "auth/ProfileStore.h"
#include "auth/SignInController.h"
#include "cache/CacheDatabase.h"
#include "cache/CacheMeta.h"
#include "cache/CacheReader.h"
#include "console/LiveService.h"
#include "console/ProfileServices.h"
#include "gateway/GatewayClient.h"
#include "localapi/LocalApiService.h"
#include "sync/SyncService.h"

#include "LiveDataView.h"
#include "SimulatorProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <QWebSocket>

namespace {

constexpr int kTimeoutMs = 30000;

} // namespace

class TestLiveService : public QObject
{
    Q_OBJECT
private:
    SimulatorProcess m_sim;
    QTemporaryDir m_dir;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<SignInController> m_signIn;

    bool signInWith(const QString &token)
    {
        m_signIn = std::make_unique<SignInController>(m_store.get());
        GatewayProfile p;
        p.name = QStringLiteral("live-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        p.baseUrl = m_sim.url();
        p.tokenKind = TokenKind::ApiKey;
        std::optional<SignInOutcome> result;
        m_signIn->signIn(p, token, this, [&](const SignInOutcome &o) { result = o; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kTimeoutMs); }();
        return result && result->ok;
    }
    std::unique_ptr<ProfileServices> services(const QString &db, qint64 syncIntervalMs = 0)
    {
        ProfileServices::Options o;
        o.databasePath = m_dir.filePath(db);
        o.serveLocalApi = false;
        o.syncIntervalMs = syncIntervalMs;
        return std::make_unique<ProfileServices>(m_signIn.get(), o);
    }
    // Starts the services and waits for the first syncs and the live feed.
    bool startAndGoLive(ProfileServices &s)
    {
        int synced = 0;
        connect(&s, &ProfileServices::syncFinished, this, [&] { ++synced; });
        s.start();
        const int sessions = int(m_sim.primarySessions().size());
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(synced >= sessions && s.live() && s.live()->isLive(), 60000);
        }();
        return synced >= sessions && s.live()->isLive();
    }
    // Events the simulator's stream has sent so far (its log of them stops at 10,000).
    qint64 streamed() const
    {
        return m_sim.control("GET", QStringLiteral("/_sim/realtime"))
            .value(QStringLiteral("streamed"))
            .toInteger();
    }
    static std::unique_ptr<CacheDatabase> open(const QString &path)
    {
        QString error;
        return CacheDatabase::open(path, CacheDatabase::Mode::Read, &error);
    }
    static QString storedEventId(const QString &path)
    {
        std::unique_ptr<CacheDatabase> db = open(path);
        QString error;
        return db ? CacheMeta::value(*db, CacheMeta::kLiveLastEventId, &error).value_or(QString())
                  : QString();
    }
    static LiveDataView cacheView(const QString &path, const QString &session)
    {
        return LiveDataView::ofCache(path, session);
    }
    LiveDataView gatewayView(const QString &session) const
    {
        return LiveDataView::ofGateway(m_sim, session);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<ProfileStore>(m_dir.filePath(QStringLiteral("profiles.ini")));
        QVERIFY2(m_sim.start(
                     {QStringLiteral("--seed"), QStringLiteral("9"), QStringLiteral("--sessions"),
                      QStringLiteral("2"), QStringLiteral("--contacts"), QStringLiteral("600"),
                      QStringLiteral("--groups"), QStringLiteral("16"), QStringLiteral("--members"),
                      QStringLiteral("1200"), QStringLiteral("--api-key"),
                      QStringLiteral("wa_demo=read,send,manage,events"),
                      QStringLiteral("--api-key"), QStringLiteral("wa_noevents=read,send,manage")}),
                 qPrintable(m_sim.errorString()));
    }

    void shouldBringEveryEventKindIntoTheCache()
    {
        // GIVEN a signed-in profile whose feed is live
        QVERIFY(signInWith(QStringLiteral("wa_demo")));
        std::unique_ptr<ProfileServices> s = services(QStringLiteral("kinds.sqlite"));
        QVERIFY(startAndGoLive(*s));
        const QString session = m_sim.workingSession().id;
        const QString path = s->databasePath();
        const LiveDataView before = cacheView(path, session);
        const QString lid = before.names.firstKey();
        const QString group = before.subjects.firstKey();
        QString member;
        for (const QString &r : before.roles)
            if (r.startsWith(group + u'|') && r.endsWith(QLatin1String("|member")))
                member = r.section(u'|', 1, 1);
        QVERIFY(!member.isEmpty());
        QSignalSpy applied(s->live(), &LiveService::changesApplied);

        // WHEN the gateway reports a rename, a new subject, a promotion and a status change
        QVERIFY(!m_sim
                     .postEvent(session, QStringLiteral("contact.update"),
                                {{"jid", lid}, {"fullName", QStringLiteral("Zé Ao Vivo")}})
                     .isEmpty());
        QVERIFY(!m_sim
                     .postEvent(session, QStringLiteral("group.update"),
                                {{"groupJid", group}, {"subject", QStringLiteral("Live subject")}})
                     .isEmpty());
        QVERIFY(!m_sim
                     .postEvent(session, QStringLiteral("group.participant"),
                                {{"groupJid", group}, {"promote", QJsonArray{member}}})
                     .isEmpty());
        const QString other = m_sim.primarySessions().last().id;
        const QString last = m_sim.postEvent(other, QStringLiteral("session.status"),
                                             {{"status", QStringLiteral("scan_qr_code")}});
        QVERIFY(!last.isEmpty());

        // THEN each reaches the cache, and the views are told what changed
        QTRY_COMPARE_WITH_TIMEOUT(storedEventId(path), last, kTimeoutMs);
        const LiveDataView after = cacheView(path, session);
        QCOMPARE(after.names.value(lid), QStringLiteral("Zé Ao Vivo"));
        QCOMPARE(after.subjects.value(group), QStringLiteral("Live subject"));
        QVERIFY(after.roles.contains(group + u'|' + member + QStringLiteral("|admin")));
        std::unique_ptr<CacheDatabase> db = open(path);
        QCOMPARE(CacheReader(*db).session(other)->session.status, QStringLiteral("scan_qr_code"));
        QVERIFY(!applied.isEmpty());
        QVERIFY(m_sim.setSessionStatus(other, QStringLiteral("working")));
    }

    void shouldEqualTheGatewayAfterThousandsOfEventsAndTwentyDrops()
    {
        // GIVEN a live profile
        QVERIFY(signInWith(QStringLiteral("wa_demo")));
        std::unique_ptr<ProfileServices> s = services(QStringLiteral("soak.sqlite"));
        QVERIFY(startAndGoLive(*s));
        const int connectionsBefore = s->live()->feed()->connections();

        // WHEN random changes stream in (250 a second) while the connection is dropped twenty
        // times, each time once the feed is back
        const qint64 streamedBefore = streamed();
        QVERIFY(m_sim.setEventRate(250));
        for (int drop = 0; drop < 20; ++drop) {
            const int before = s->live()->feed()->connections();
            const qint64 mark = streamed(); // some events on this connection, then the drop
            QTRY_VERIFY_WITH_TIMEOUT(streamed() >= mark + 75, kTimeoutMs);
            QVERIFY(m_sim.dropRealtime(drop % 2 == 1));
            QTRY_VERIFY_WITH_TIMEOUT(
                s->live()->feed()->connections() > before && s->live()->isLive(), kTimeoutMs);
        }
        QVERIFY(m_sim.setEventRate(0));
        const qint64 sent = streamed() - streamedBefore;
        qInfo("%lld events streamed through 20 drops", sent);
        QVERIFY2(sent >= 5000, qPrintable(QString::number(sent)));
        const QString session = m_sim.workingSession().id;
        const QString marker = m_sim.postEvent(
            session, QStringLiteral("group.update"),
            {{"groupJid", cacheView(s->databasePath(), session).subjects.firstKey()},
             {"subject", QStringLiteral("end of soak")}});
        QVERIFY(!marker.isEmpty());

        // THEN the feed resumed after each drop and the cache holds what the gateway holds
        QTRY_COMPARE_WITH_TIMEOUT(storedEventId(s->databasePath()), marker, 60000);
        QVERIFY(s->live()->feed()->connections() >= connectionsBefore + 20);
        QTRY_VERIFY_WITH_TIMEOUT(!s->sync()->isRunning(), 60000); // resyncs asked by events
        for (const SimulatorProcess::Session &ps : m_sim.primarySessions()) {
            const LiveDataView theirs = gatewayView(ps.id);
            QTRY_VERIFY2_WITH_TIMEOUT(
                cacheView(s->databasePath(), ps.id) == theirs,
                qPrintable(theirs.firstDifference(cacheView(s->databasePath(), ps.id))),
                kTimeoutMs);
            qInfo("%s: %s", qPrintable(ps.id), qPrintable(theirs.describe()));
        }
    }

    void shouldResyncEverySessionWhenTheReplayWasCut()
    {
        // GIVEN a cache that was live, then closed
        QVERIFY(signInWith(QStringLiteral("wa_demo")));
        const QString db = QStringLiteral("gap.sqlite");
        {
            std::unique_ptr<ProfileServices> s = services(db);
            QVERIFY(startAndGoLive(*s));
            const QString id = m_sim.postEvent(m_sim.workingSession().id,
                                               QStringLiteral("session.status"),
                                               {{"status", QStringLiteral("working")}});
            QTRY_COMPARE_WITH_TIMEOUT(storedEventId(s->databasePath()), id, kTimeoutMs);
        }
        // WHEN more than the replay limit happens meanwhile
        const qint64 before = streamed();
        QVERIFY(m_sim.setEventRate(2000));
        QTRY_VERIFY_WITH_TIMEOUT(streamed() >= before + 1500, kTimeoutMs);
        QVERIFY(m_sim.setEventRate(0));
        // THEN the next start resumes, sees a full replay and resyncs every session
        std::unique_ptr<ProfileServices> s = services(db);
        QSignalSpy missed(s.get(), &ProfileServices::syncStarted);
        s->start();
        QTRY_VERIFY_WITH_TIMEOUT(s->live() && s->live()->isLive(), kTimeoutMs);
        QStringList started;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                started.clear();
                for (const QList<QVariant> &args : missed)
                    started << args.first().toString();
                return started.size() >= m_sim.primarySessions().size();
            }(),
            60000);
        for (const SimulatorProcess::Session &ps : m_sim.primarySessions())
            QVERIFY2(started.contains(ps.id), qPrintable(started.join(u' ')));
    }

    void shouldPassTheFeedOnToLocalApps()
    {
        // GIVEN a live profile serving its local API, and a local app on its realtime route
        QVERIFY(signInWith(QStringLiteral("wa_demo")));
        ProfileServices::Options o;
        o.databasePath = m_dir.filePath(QStringLiteral("local.sqlite"));
        o.localApiPort = 0;
        o.discoveryFilePath = m_dir.filePath(QStringLiteral("local-api.json"));
        ProfileServices s(m_signIn.get(), o);
        QVERIFY(startAndGoLive(s));
        LocalApiService *api = s.localApi();
        QTRY_VERIFY_WITH_TIMEOUT(api->isListening(), kTimeoutMs);
        QNetworkAccessManager net;
        QNetworkRequest mint(api->url().resolved(QUrl(QStringLiteral("/api/v1/realtime/ticket"))));
        mint.setRawHeader("Authorization", "Bearer " + api->token());
        mint.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply *reply = net.post(mint, QByteArray("{}"));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), kTimeoutMs);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
        const QUrl ws(QJsonDocument::fromJson(reply->readAll())
                          .object()
                          .value(QStringLiteral("url"))
                          .toString());
        reply->deleteLater();
        QWebSocket client;
        QStringList frames;
        connect(&client, &QWebSocket::textMessageReceived, this,
                [&](const QString &f) { frames << f; });
        client.open(ws);
        QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty(), kTimeoutMs); // "connected"

        // WHEN the gateway reports a change, and a sync runs
        const QString session = m_sim.workingSession().id;
        const QString id = m_sim.postEvent(session, QStringLiteral("session.status"),
                                           {{"status", QStringLiteral("working")}});
        QVERIFY(!id.isEmpty());
        QString reason;
        QVERIFY2(s.startSync(session, &reason), qPrintable(reason));

        // THEN the local app gets the gateway's envelope and the console's own sync events
        auto has = [&](const QString &needle) {
            return std::any_of(frames.begin(), frames.end(),
                               [&](const QString &f) { return f.contains(needle); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(has(QStringLiteral("\"id\":\"") + id + u'"'), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(has(QStringLiteral("\"console.sync\"")), kTimeoutMs);
        client.close();
    }

    void shouldStandInWithTheScheduleWithoutEvents()
    {
        // GIVEN a token without the events capability and a schedule of half a second
        QVERIFY(signInWith(QStringLiteral("wa_noevents")));
        std::unique_ptr<ProfileServices> s = services(QStringLiteral("noevents.sqlite"), 500);
        int syncs = 0;
        connect(s.get(), &ProfileServices::syncFinished, this, [&] { ++syncs; });
        // WHEN it starts
        s->start();
        // THEN the feed is refused, saying why, and the schedule syncs again and again
        QTRY_COMPARE_WITH_TIMEOUT(s->live()->state(), RealtimeFeed::State::Refused, kTimeoutMs);
        QVERIFY2(s->live()->reason().contains(QLatin1String("events")),
                 qPrintable(s->live()->reason()));
        const int sessions = int(m_sim.primarySessions().size());
        QTRY_VERIFY_WITH_TIMEOUT(syncs >= 3 * sessions, 60000);
    }

    void shouldPauseTheScheduleWhileLive()
    {
        // GIVEN a token with events and the same schedule
        QVERIFY(signInWith(QStringLiteral("wa_demo")));
        std::unique_ptr<ProfileServices> s = services(QStringLiteral("paused.sqlite"), 500);
        int syncs = 0;
        connect(s.get(), &ProfileServices::syncFinished, this, [&] { ++syncs; });
        // WHEN it is live
        QVERIFY(startAndGoLive(*s));
        QTRY_VERIFY_WITH_TIMEOUT(!s->sync()->isRunning(), 60000);
        const int settled = syncs;
        // THEN the schedule waits while the feed keeps the cache current
        QSignalSpy started(s.get(), &ProfileServices::syncStarted);
        QVERIFY(!started.wait(4 * 500)); // four periods of the schedule pass without a sync
        QCOMPARE(syncs, settled);
    }
};

QTEST_GUILESS_MAIN(TestLiveService)
#include "tst_liveservice.moc"
