// Console, the composition root's core, with the real SignInController (keychain of ./run
// test), the simulator and each profile's own cache: one set of services per signed-in
// profile, its local API serving that profile's data, a switch tearing the set down and
// building the next (the old address stops answering, the discovery file names the new
// one), nothing served after sign-out; and a sync asked of the local API is the sync the
// services run, the one the window shows.
#include "auth/ProfileStore.h"
#include "auth/SignInController.h"
#include "cache/CacheDatabase.h"
#include "cache/CacheLocation.h"
#include "cache/CacheWriter.h"
#include "console/Console.h"
#include "localapi/LocalApiService.h"
#include "sync/SyncService.h"

#include "HttpTestClient.h"
#include "SimulatorProcess.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

constexpr int kTimeoutMs = 20000;

// The profile's cache with one listed session named after the profile.
bool seedCache(const QString &profile, QString *error)
{
    std::unique_ptr<CacheDatabase> db = CacheDatabase::open(CacheLocation::databasePath(profile),
                                                            CacheDatabase::Mode::ReadWrite, error);
    if (!db)
        return false;
    WaSession s;
    s.id = profile + QStringLiteral("-session");
    s.organizationId = QStringLiteral("org_test");
    s.gatewayId = QStringLiteral("gw_test");
    s.status = QStringLiteral("working");
    s.createdAt = s.updatedAt = 1700000000000;
    CacheWriter writer(*db);
    if (!writer.upsertSessions({s}))
        return *error = writer.lastError(), false;
    return true;
}

QStringList servedSessions(const QUrl &url, const QByteArray &token)
{
    const quint16 port = quint16(url.port());
    const HttpReply r = roundTrip(port, httpRequest("GET", "/api/v1/sessions", port, token));
    QStringList ids;
    for (const QJsonValue &s : r.json().value(QStringLiteral("data")).toArray())
        ids << s.toObject().value(QStringLiteral("id")).toString();
    return ids;
}

bool answers(const QUrl &url)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(url.port()));
    return socket.waitForConnected(2000);
}

QUrl discoveredUrl(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QUrl(
        QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("url")).toString());
}

} // namespace

class TestConsole : public QObject
{
    Q_OBJECT
private:
    SimulatorProcess m_sim;
    QTemporaryDir m_dir;

    GatewayProfile profile(const QString &name) const
    {
        GatewayProfile p;
        p.name = name;
        p.baseUrl = m_sim.url();
        p.tokenKind = TokenKind::ApiKey;
        return p;
    }
    bool signInTo(SignInController &c, const QString &name)
    {
        std::optional<SignInOutcome> result;
        c.signIn(profile(name), QStringLiteral("wa_demo"), this,
                 [&](const SignInOutcome &o) { result = o; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kTimeoutMs); }();
        return result && result->ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ProfileServices *>();
        qRegisterMetaType<SyncOutcome>();
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sim.start({QStringLiteral("--seed"), QStringLiteral("5"),
                              QStringLiteral("--contacts"), QStringLiteral("20")}),
                 qPrintable(m_sim.errorString()));
    }

    Console::Options options() const
    {
        Console::Options o;
        o.services.localApiPort = 0;
        o.services.discoveryFilePath = m_dir.filePath(QStringLiteral("run/local-api.json"));
        return o;
    }

    static QUrl listeningUrl(ProfileServices *services)
    {
        LocalApiService *api = services ? services->localApi() : nullptr;
        if (!api)
            return {};
        if (!api->isListening()) {
            QSignalSpy listening(api, &LocalApiService::listening);
            listening.wait(kTimeoutMs);
        }
        return api->url();
    }

    void shouldServeTheSignedInProfileOnly()
    {
        // GIVEN two profiles with a cache each
        const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(8);
        const QString alpha = QStringLiteral("alpha-") + tag;
        const QString beta = QStringLiteral("beta-") + tag;
        QString error;
        QVERIFY2(seedCache(alpha, &error), qPrintable(error));
        QVERIFY2(seedCache(beta, &error), qPrintable(error));
        ProfileStore store(m_dir.filePath(QStringLiteral("profiles.ini")));
        SignInController signIn(&store);
        Console console(options(), &signIn);
        QSignalSpy opened(&console, &Console::profileOpened);
        QSignalSpy closing(&console, &Console::profileClosing);
        QVERIFY(!console.services());

        // WHEN alpha signs in THEN one set serves alpha's data
        QVERIFY(signInTo(signIn, alpha));
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, kTimeoutMs);
        QCOMPARE(console.services()->profile(), alpha);
        const QUrl first = listeningUrl(console.services());
        QVERIFY(first.isValid());
        const QByteArray token = console.services()->localApi()->token();
        // The seeded session, and those the gateway listed when the services started.
        QStringList served = servedSessions(first, token);
        QVERIFY(served.contains(alpha + QStringLiteral("-session")));
        QVERIFY(!served.contains(beta + QStringLiteral("-session")));
        const QString discovery = options().services.discoveryFilePath;
        QCOMPARE(discoveredUrl(discovery), first);

        // WHEN beta signs in THEN alpha's set is closed first and beta's serves beta
        QVERIFY(signInTo(signIn, beta));
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 2, kTimeoutMs);
        QCOMPARE(closing.size(), 1);
        QCOMPARE(console.services()->profile(), beta);
        const QUrl second = listeningUrl(console.services());
        served = servedSessions(second, console.services()->localApi()->token());
        QVERIFY(served.contains(beta + QStringLiteral("-session")));
        QVERIFY(!served.contains(alpha + QStringLiteral("-session")));
        QCOMPARE(discoveredUrl(discovery), second);
        if (second.port() != first.port())
            QVERIFY(!answers(first)); // the old server is gone, not serving alpha beside beta

        // WHEN signing out THEN nothing is served
        signIn.signOut(false, this, [](const SignInOutcome &) {});
        QTRY_VERIFY_WITH_TIMEOUT(!console.services(), kTimeoutMs);
        QCOMPARE(closing.size(), 2);
        QVERIFY(!QFile::exists(discovery));
        QVERIFY(!answers(second));
    }

    void shouldRunTheLocalApisSyncOnTheProfilesSyncService()
    {
        // GIVEN a signed-in console serving its local API
        const QString name = QStringLiteral("sync-")
            + QUuid::createUuid().toString(QUuid::Id128).left(8);
        ProfileStore store(m_dir.filePath(QStringLiteral("profiles.ini")));
        SignInController signIn(&store);
        Console console(options(), &signIn);
        int firstSyncs = 0;
        connect(&console, &Console::profileOpened, this, [&](ProfileServices *opened) {
            connect(opened, &ProfileServices::syncFinished, this, [&] { ++firstSyncs; });
        });
        QVERIFY(signInTo(signIn, name));
        QTRY_VERIFY_WITH_TIMEOUT(console.services(), kTimeoutMs);
        ProfileServices *services = console.services();
        // (a first sign-in syncs every session; the local app asks once those are done)
        QTRY_COMPARE_WITH_TIMEOUT(firstSyncs, int(m_sim.primarySessions().size()), 60000);
        const QUrl url = listeningUrl(services);
        QVERIFY(url.isValid());
        const quint16 port = quint16(url.port());
        const QByteArray token = services->localApi()->token();
        const QByteArray session = m_sim.workingSession().id.toUtf8();
        QSignalSpy started(services->sync(), &SyncService::started);
        QSignalSpy finished(services, &ProfileServices::syncFinished);

        // WHEN a local app asks for a sync
        const QByteArray target = "/api/v1/console/sessions/" + session + "/sync";
        const HttpReply first = roundTrip(port, httpRequest("POST", target, port, token),
                                          kTimeoutMs);

        // THEN it is the profile's own sync that runs, and a second ask is refused meanwhile
        QCOMPARE(first.status, 202);
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, kTimeoutMs);
        QCOMPARE(started.first().first().toString(), QString::fromUtf8(session));
        if (services->sync()->isRunning()) {
            const HttpReply second = roundTrip(port, httpRequest("POST", target, port, token),
                                               kTimeoutMs);
            QCOMPARE(second.status, 409);
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QVERIFY(finished.first().first().value<SyncOutcome>().ok());
    }

    void shouldSyncEverySessionOnFirstSignInOnly()
    {
        // GIVEN a profile signing in for the first time (its cache is new)
        const QString name = QStringLiteral("first-")
            + QUuid::createUuid().toString(QUuid::Id128).left(8);
        ProfileStore store(m_dir.filePath(QStringLiteral("profiles.ini")));
        QStringList synced;
        {
            SignInController signIn(&store);
            Console console(options(), &signIn);
            connect(&console, &Console::profileOpened, this, [&](ProfileServices *opened) {
                connect(opened, &ProfileServices::syncFinished, this,
                        [&](const SyncOutcome &o) { synced << o.sessionId; });
            });
            // WHEN it signs in
            QVERIFY(signInTo(signIn, name));
            // THEN every session of the organization is synced, one after another
            QStringList expected;
            for (const SimulatorProcess::Session &s : m_sim.primarySessions())
                expected << s.id;
            QTRY_COMPARE_WITH_TIMEOUT(synced.size(), expected.size(), 60000);
            std::sort(synced.begin(), synced.end());
            std::sort(expected.begin(), expected.end());
            QCOMPARE(synced, expected);
        }
        // AND WHEN it is opened again THEN the sessions list is refreshed, nothing is resynced
        SignInController again(&store);
        Console console(options(), &again);
        std::optional<bool> refreshed;
        int started = 0;
        connect(&console, &Console::profileOpened, this, [&](ProfileServices *opened) {
            connect(opened, &ProfileServices::sessionsRefreshed, this,
                    [&](bool ok) { refreshed = ok; });
            connect(opened, &ProfileServices::syncStarted, this, [&] { ++started; });
        });
        again.start(name);
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.has_value(), kTimeoutMs);
        QVERIFY(*refreshed);
        // (never-synced sessions are queued, and started, in the same call that reports it)
        QCOMPARE(started, 0);
        QVERIFY(!console.services()->sync()->isRunning());
    }

    void shouldStopTheFirstSyncsOnCancel()
    {
        // GIVEN a first sign-in, which queues a sync of every session
        const QString name = QStringLiteral("cancel-")
            + QUuid::createUuid().toString(QUuid::Id128).left(8);
        ProfileStore store(m_dir.filePath(QStringLiteral("profiles.ini")));
        SignInController signIn(&store);
        Console::Options o = options();
        o.services.liveFeed = false;
        Console console(o, &signIn);
        int started = 0;
        QList<SyncOutcome::Status> finished;
        connect(&console, &Console::profileOpened, this, [&](ProfileServices *opened) {
            connect(opened, &ProfileServices::syncStarted, this, [&, opened] {
                // WHEN the person presses Cancel during the first one
                if (++started == 1)
                    opened->sync()->cancel();
            });
            connect(opened, &ProfileServices::syncFinished, this,
                    [&](const SyncOutcome &r) { finished << r.status; });
        });
        QVERIFY(m_sim.primarySessions().size() > 1);
        QVERIFY(signInTo(signIn, name));
        // THEN that sync ends cancelled and the rest of the batch never starts
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
        QCOMPARE(finished.first(), SyncOutcome::Status::Cancelled);
        // (the next queued sync would have started within that finished() already)
        QCOMPARE(started, 1);
        QVERIFY(!console.services()->sync()->isRunning());
    }

    void shouldSyncOnAScheduleUntilPaused()
    {
        // GIVEN a console without a live feed whose scheduled sync runs every half second
        const QString name = QStringLiteral("schedule-")
            + QUuid::createUuid().toString(QUuid::Id128).left(8);
        ProfileStore store(m_dir.filePath(QStringLiteral("profiles.ini")));
        SignInController signIn(&store);
        Console::Options o = options();
        o.services.syncIntervalMs = 500;
        o.services.liveFeed = false; // nothing live: the schedule keeps the cache current
        Console console(o, &signIn);
        int syncs = 0;
        connect(&console, &Console::profileOpened, this, [&](ProfileServices *opened) {
            connect(opened, &ProfileServices::syncFinished, this, [&] { ++syncs; });
        });
        QVERIFY(signInTo(signIn, name));
        const int sessions = int(m_sim.primarySessions().size());
        // WHEN time passes THEN the sessions are synced again and again
        QTRY_VERIFY_WITH_TIMEOUT(syncs >= 3 * sessions, 60000);
        // AND WHEN a live feed pauses the schedule THEN the syncs stop once the batch is done
        console.services()->setScheduledSyncPaused(true);
        QTRY_VERIFY_WITH_TIMEOUT(!console.services()->sync()->isRunning(), 60000);
        const int paused = syncs;
        QSignalSpy started(console.services(), &ProfileServices::syncStarted);
        QVERIFY(!started.wait(3 * 500)); // three periods of the schedule pass without a sync
        QCOMPARE(syncs, paused);
    }

    void shouldOpenADemoThatLeavesNothingBehind()
    {
        // GIVEN --demo URL with the token in the environment
        qputenv(Console::kDemoTokenVariable, "wa_demo");
        QCommandLineParser parser;
        Console::addOptions(parser);
        parser.process(
            {QStringLiteral("gateway-console"), QStringLiteral("--demo"), m_sim.url().toString()});
        Console::Options o = options();
        QString error;
        QVERIFY2(Console::readOptions(parser, &o, &error), qPrintable(error));
        QVERIFY(!qEnvironmentVariableIsSet(Console::kDemoTokenVariable)); // not passed on
        QString databasePath;
        {
            // WHEN the console starts
            Console console(o);
            QStringList synced;
            connect(&console, &Console::profileOpened, this, [&](ProfileServices *opened) {
                connect(opened, &ProfileServices::syncFinished, this,
                        [&](const SyncOutcome &r) { synced << r.sessionId; });
            });
            console.start();
            // THEN it is signed in to the demo gateway, with the token in memory only, and
            // every session is synced into a cache of the run's own
            QTRY_VERIFY_WITH_TIMEOUT(console.services(), kTimeoutMs);
            QCOMPARE(console.services()->profile(), QStringLiteral("Demo"));
            QVERIFY(console.signIn()->isMemoryOnly());
            databasePath = console.services()->databasePath();
            QVERIFY(databasePath != CacheLocation::databasePath(QStringLiteral("Demo")));
            QTRY_COMPARE_WITH_TIMEOUT(synced.size(), int(m_sim.primarySessions().size()), 60000);
            QVERIFY(!ProfileStore().names().contains(QStringLiteral("Demo")));
        }
        // AND once it ends, its cache is gone
        QVERIFY(!QFile::exists(databasePath));
    }

    void shouldRefuseADemoWithoutAToken()
    {
        // GIVEN --demo without the environment variable
        qunsetenv(Console::kDemoTokenVariable);
        QCommandLineParser parser;
        Console::addOptions(parser);
        parser.process(
            {QStringLiteral("gateway-console"), QStringLiteral("--demo"), m_sim.url().toString()});
        // WHEN the options are read THEN the person is told what is missing
        Console::Options o;
        QString error;
        QVERIFY(!Console::readOptions(parser, &o, &error));
        QVERIFY2(error.contains(QLatin1String(Console::kDemoTokenVariable)), qPrintable(error));
    }

    void shouldAskForANewSignInWhenTheGatewayRefusesTheToken()
    {
        // GIVEN a profile whose stored token the gateway does not accept
        const QString name = QStringLiteral("revoked-")
            + QUuid::createUuid().toString(QUuid::Id128).left(8);
        ProfileStore store(m_dir.filePath(QStringLiteral("profiles.ini")));
        SignInController signIn(&store);
        Console console(options(), &signIn);
        QSignalSpy required(&signIn, &SignInController::signInRequired);
        std::optional<SignInOutcome> result;
        signIn.signIn(profile(name), QStringLiteral("wa_revoked_token"), this,
                      [&](const SignInOutcome &o) { result = o; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kTimeoutMs);
        QVERIFY2(result->ok, qPrintable(result->problem));

        // WHEN the profile's services ask the gateway for its sessions (a 401)
        QTRY_VERIFY_WITH_TIMEOUT(console.services(), kTimeoutMs);

        // THEN the console asks for a new sign-in, saying the gateway refused the token
        QTRY_VERIFY_WITH_TIMEOUT(!required.isEmpty(), kTimeoutMs);
        QCOMPARE(required.first().at(1).value<SignInController::Reason>(),
                 SignInController::Reason::TokenRejected);
    }
};

QTEST_GUILESS_MAIN(TestConsole)
#include "tst_console.moc"
