#include "http/HttpServerThread.h"

#include "http/HttpServer.h"

#include <QThread>

HttpServerThread::HttpServerThread(QObject *parent)
    : QObject(parent)
{
}

HttpServerThread::~HttpServerThread()
{
    stop();
}

bool HttpServerThread::start(const HttpServerConfig &config, HttpHandlerFactory makeHandler)
{
    if (m_thread)
        return false;
    const quint64 generation = ++m_generation;

    m_thread = new QThread;
    m_thread->setObjectName(config.threadName);
    auto *server = new HttpServer(config, std::move(makeHandler));
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
}

void HttpServerThread::onListening(const QUrl &url)
{
    m_url = url;
    Q_EMIT listening(url);
}

void HttpServerThread::onFailed(const QString &reason)
{
    endThread();
    Q_EMIT failed(reason);
}
