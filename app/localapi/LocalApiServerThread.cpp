#include "localapi/LocalApiServerThread.h"

#include "core/Logging.h"
#include "http/HttpServerThread.h"
#include "localapi/DiscoveryFile.h"
#include "localapi/LocalApiDispatcher.h"

namespace {
constexpr int kMinTokenBytes = 32;
} // namespace

LocalApiServerThread::LocalApiServerThread(QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<HttpServerThread>())
{
    connect(m_server.get(), &HttpServerThread::listening, this, &LocalApiServerThread::onListening);
    connect(m_server.get(), &HttpServerThread::failed, this, &LocalApiServerThread::onFailed);
}

LocalApiServerThread::~LocalApiServerThread()
{
    stop();
}

bool LocalApiServerThread::start(const LocalApiConfig &config,
                                 std::shared_ptr<const LocalApiRouter> router)
{
    if (m_server->isRunning())
        return false;
    m_config = config;
    HttpServerConfig http = config;
    http.log = lcLocalApi;
    http.threadName = QStringLiteral("local-api");
    const QByteArray token = config.token;
    // Runs on the server thread once the port is known: the Host check needs it.
    return m_server->start(
        http, [router, token](quint16 port, QString *error) -> std::unique_ptr<HttpRequestHandler> {
            if (!router) {
                *error = QStringLiteral("no router");
                return nullptr;
            }
            if (token.size() < kMinTokenBytes) {
                *error = QStringLiteral("the local API token is missing or too short");
                return nullptr;
            }
            return std::make_unique<LocalApiDispatcher>(router, LocalApiGuard(token, port));
        });
}

void LocalApiServerThread::stop()
{
    m_server->stop();
    if (m_discovery) {
        m_discovery->remove();
        m_discovery.reset();
    }
}

bool LocalApiServerThread::isRunning() const
{
    return m_server->isRunning();
}

QUrl LocalApiServerThread::url() const
{
    return m_server->url();
}

QString LocalApiServerThread::discoveryFilePath() const
{
    return m_discovery ? m_discovery->path() : QString();
}

void LocalApiServerThread::onListening(const QUrl &url)
{
    qCInfo(lcLocalApi).noquote() << "local API listening on" << url.toString();
    if (m_config.writeDiscoveryFile) {
        m_discovery = std::make_unique<DiscoveryFile>(m_config.discoveryFilePath.isEmpty()
                                                          ? DiscoveryFile::defaultPath()
                                                          : m_config.discoveryFilePath);
        if (!m_discovery->write(url, m_config.token))
            m_discovery.reset(); // the API still works for apps given the URL another way
    }
    Q_EMIT listening(url);
}

void LocalApiServerThread::onFailed(const QString &reason)
{
    qCWarning(lcLocalApi).noquote() << "local API not started:" << reason;
    Q_EMIT failed(reason);
}
