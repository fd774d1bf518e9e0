#include "http/HttpServerThread.h"

#include "core/Logging.h"
#include "http/HttpServer.h"
#include "localapi/DiscoveryFile.h"

#include <QThread>

HttpServerThread::HttpServerThread(QObject *parent)
    : QObject(parent)
{
}

HttpServerThread::~HttpServerThread()
{
    stop();
}

bool HttpServerThread::start(const LocalApiConfig &config,
                             std::shared_ptr<const LocalApiRouter> router)
{
    if (m_thread)
        return false;
    m_config = config;
    const quint64 generation = ++m_generation;

    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("local-api"));
    auto *server = new HttpServer(config, std::move(router));
    server->moveToThread(m_thread);

    connect(server, &HttpServer::listening, this, [this, generation](const QUrl &url) {
        if (generation == m_generation)
            onListening(url);
    });
    connect(server, &HttpServer::failed, this, [this, generation](const QString &reason) {
        if (generation == m_generation)
            onFailed(reason);
    });
    const auto threadStarted = config.onThreadStarted;
    const auto threadFinished = config.onThreadFinished;
    connect(m_thread, &QThread::started, server, [server, threadStarted] {
        if (threadStarted)
            threadStarted();
        server->listen();
    });
    // Emitted on the server thread itself once its event loop is over: the server and its
    // sockets die on the thread they belong to.
    connect(
        m_thread, &QThread::finished, m_thread,
        [server, threadFinished] {
            delete server;
            if (threadFinished)
                threadFinished();
        },
        Qt::DirectConnection);
    m_thread->start();
    return true;
}

void HttpServerThread::endThread()
{
    if (!m_thread)
        return;
    ++m_generation;
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_url.clear();
}

void HttpServerThread::stop()
{
    endThread();
    if (m_discovery) {
        m_discovery->remove();
        m_discovery.reset();
    }
}

QString HttpServerThread::discoveryFilePath() const
{
    return m_discovery ? m_discovery->path() : QString();
}

void HttpServerThread::onListening(const QUrl &url)
{
    m_url = url;
    if (m_config.writeDiscoveryFile) {
        m_discovery = std::make_unique<DiscoveryFile>(m_config.discoveryFilePath.isEmpty()
                                                          ? DiscoveryFile::defaultPath()
                                                          : m_config.discoveryFilePath);
        if (!m_discovery->write(url, m_config.token))
            m_discovery.reset(); // the API still works for apps given the URL another way
    }
    Q_EMIT listening(url);
}

void HttpServerThread::onFailed(const QString &reason)
{
    endThread();
    Q_EMIT failed(reason);
}
