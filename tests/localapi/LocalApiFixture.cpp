#include "LocalApiFixture.h"

#include "actions/ContactActionService.h"
#include "cache/BackgroundWriter.h"
#include "cache/CacheDatabase.h"
#include "cache/CacheReader.h"
#include "cache/CacheWriter.h"
#include "cache/SearchIndexer.h"
#include "gateway/GatewayClient.h"
#include "localapi/LocalApiRoutes.h"
#include "localapi/LocalApiToken.h"
#include "sync/SyncEngine.h"

#include "SimulatorProcess.h"

#include <QSignalSpy>

namespace {

// getContact for every stored contact of the session, stored as its detail (what a deep
// sync does), a few requests in flight at once.
bool storeDetails(GatewayClient &client, CacheWriter &writer, CacheDatabase &db,
                  const QString &sessionId, QString *error)
{
    CacheReader reader(db);
    ContactFilter filter;
    filter.sessionId = sessionId;
    QStringList lids;
    QString cursor;
    do {
        const std::optional<ContactPage> page = reader.contacts(filter, cursor, 500);
        if (!page) {
            *error = reader.lastError();
            return false;
        }
        for (const CachedContact &c : page->rows)
            lids << c.contact.lid;
        cursor = page->nextCursor;
    } while (!cursor.isEmpty());

    QObject context;
    int next = 0, pending = 0, failures = 0;
    QObject done;
    QSignalSpy doneSpy(&done, &QObject::objectNameChanged);
    std::function<void()> pump = [&] {
        while (pending < 8 && next < lids.size()) {
            const QString lid = lids.at(next++);
            ++pending;
            client.getContact(
                sessionId, lid, &context, [&, lid](const GatewayResult<ContactDetail> &r) {
                    --pending;
                    if (!r.ok() || !writer.storeContactDetail(sessionId, lid, *r.value))
                        ++failures;
                    if (next >= lids.size() && pending == 0)
                        done.setObjectName(QStringLiteral("done"));
                    else
                        pump();
                });
        }
    };
    if (lids.isEmpty())
        return true;
    pump();
    if (!doneSpy.wait(240000) || failures > 0) {
        *error = QStringLiteral("contact details: %1 failed").arg(failures);
        return false;
    }
    return true;
}

} // namespace

bool LocalApiFixture::syncSimulator(const SimulatorProcess &sim, const QString &apiKey,
                                    const QString &databasePath, bool deep, QString *error)
{
    qRegisterMetaType<SyncOutcome>();
    qRegisterMetaType<SyncProgress>();
    auto db = CacheDatabase::open(databasePath, CacheDatabase::Mode::ReadWrite, error);
    if (!db)
        return false;
    CacheWriter writer(*db);
    SearchIndexer indexer(*db);
    GatewayClient client;
    client.setEndpoint(sim.url(), apiKey);
    QObject context;

    // listSessions, stored as the gateway's rows (listed), then one sync per session.
    QList<WaSession> sessions;
    bool listed = false;
    QString listError;
    QObject done;
    QSignalSpy doneSpy(&done, &QObject::objectNameChanged);
    client.listSessions(&context, [&](const GatewayResult<Page<WaSession>> &r) {
        listed = r.ok();
        if (r.ok())
            sessions = r.value->items;
        else
            listError = r.error.describe();
        done.setObjectName(QStringLiteral("done"));
    });
    if (!doneSpy.wait(30000) || !listed) {
        *error = QStringLiteral("listSessions failed: ") + listError;
        return false;
    }
    if (!writer.upsertSessions(sessions)) {
        *error = writer.lastError();
        return false;
    }
    SyncEngine engine(&client, databasePath);
    SyncOptions options;
    options.maxInFlight = 8;
    for (const WaSession &s : sessions) {
        QSignalSpy finished(&engine, &SyncEngine::finished);
        if (!engine.start(s.id, options)) {
            *error = QStringLiteral("the sync did not start");
            return false;
        }
        if (!finished.wait(240000)) {
            *error = QStringLiteral("the sync did not finish");
            return false;
        }
        const SyncOutcome outcome = finished.first().first().value<SyncOutcome>();
        if (!outcome.ok()) {
            *error = QStringLiteral("sync of %1 failed: %2").arg(s.id, outcome.message);
            return false;
        }
        if (deep && !storeDetails(client, writer, *db, s.id, error))
            return false;
    }
    return true;
}

LocalApiUnderTest::LocalApiUnderTest() = default;

LocalApiUnderTest::~LocalApiUnderTest()
{
    stop();
}

bool LocalApiUnderTest::start(const Setup &setup, QString *error)
{
    stop();
    auto *client = new GatewayClient;
    if (setup.gatewayUrl.isValid())
        client->setEndpoint(setup.gatewayUrl, setup.gatewayToken);
    client->moveToThread(nullptr);
    m_writer = std::make_unique<BackgroundWriter>(setup.databasePath);
    m_actions = std::make_unique<ContactActionService>(QStringLiteral("test"), m_writer.get());
    LocalApiBackend::Options options;
    options.databasePath = setup.databasePath;
    options.profile = QStringLiteral("test");
    options.client = client;
    options.actions = m_actions.get();
    options.syncContext = setup.syncContext;
    options.syncTrigger = setup.syncTrigger;
    m_backend = std::make_shared<LocalApiBackend>(options);
    m_router = makeLocalApiRouter(m_backend);
    m_token = LocalApiToken::generate();

    LocalApiConfig config;
    config.port = 0;
    config.token = m_token;
    config.writeDiscoveryFile = !setup.discoveryFilePath.isEmpty();
    config.discoveryFilePath = setup.discoveryFilePath;
    std::shared_ptr<LocalApiBackend> backend = m_backend;
    config.onThreadStarted = [backend] { backend->openOnThread(); };
    config.onThreadFinished = [backend] { backend->closeOnThread(); };
    m_server = std::make_unique<LocalApiServerThread>();
    QSignalSpy listening(m_server.get(), &LocalApiServerThread::listening);
    QSignalSpy failed(m_server.get(), &LocalApiServerThread::failed);
    if (!m_server->start(config, m_router)) {
        *error = QStringLiteral("start refused");
        return false;
    }
    if (!listening.wait(10000)) {
        *error = failed.isEmpty() ? QStringLiteral("not listening")
                                  : failed.first().first().toString();
        return false;
    }
    m_url = listening.first().first().toUrl();
    return true;
}

void LocalApiUnderTest::stop()
{
    if (m_server)
        m_server->stop();
    m_server.reset();
    m_backend.reset();
    m_url = QUrl();
    m_actions.reset();
    m_writer.reset();
}
