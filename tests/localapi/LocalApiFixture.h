#pragma once

#include "localapi/LocalApiBackend.h"
#include "localapi/LocalApiServerThread.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <memory>

class BackgroundWriter;
class ContactActionService;
class SimulatorProcess;

// Test helpers over real things: a cache synced from the simulator, and the local API's
// real routes on a LocalApiServerThread on port 0.
namespace LocalApiFixture {

// Stores the simulator's listSessions answer and syncs every listed session into the cache
// at databasePath (created). deep: also every contact's detail. Waits on the engine's signals.
bool syncSimulator(const SimulatorProcess &sim, const QString &apiKey, const QString &databasePath,
                   bool deep, QString *error);

} // namespace LocalApiFixture

// The real router and backend over a cache, served on 127.0.0.1:0 (no discovery file unless a
// path is given). The backend's gateway client points at gatewayUrl with gatewayToken (when
// given), as SignInController::applyTo would have set it; block and unblock go through a
// ContactActionService of its own, which audits them as the console does.
class LocalApiUnderTest
{
public:
    struct Setup {
        QString databasePath;
        QUrl gatewayUrl;
        QString gatewayToken;
        QObject *syncContext = nullptr;
        LocalApiBackend::SyncTrigger syncTrigger;
        QString discoveryFilePath; // empty: none written
    };

    LocalApiUnderTest();
    ~LocalApiUnderTest();
    bool start(const Setup &setup, QString *error);
    void stop();

    quint16 port() const { return quint16(m_url.port()); }
    QUrl url() const { return m_url; }
    QByteArray token() const { return m_token; }
    std::shared_ptr<const LocalApiRouter> router() const { return m_router; }
    std::shared_ptr<LocalApiBackend> backend() const { return m_backend; }

private:
    std::unique_ptr<BackgroundWriter> m_writer;
    std::unique_ptr<ContactActionService> m_actions;
    std::unique_ptr<LocalApiServerThread> m_server;
    std::shared_ptr<LocalApiBackend> m_backend;
    std::shared_ptr<const LocalApiRouter> m_router;
    QByteArray m_token;
    QUrl m_url;
};
