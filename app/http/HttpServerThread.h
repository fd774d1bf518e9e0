#pragma once

#include "http/HttpRequestHandler.h"
#include "http/HttpServerConfig.h"

#include <QObject>
#include <QUrl>

#include <memory>

class QThread;

// Runs an HttpServer on a thread of its own so its traffic never blocks the caller's thread;
// the handler runs on that thread too (config.onThreadStarted/onThreadFinished set up and
// tear down per-thread resources such as a database connection). Lives on the caller's
// thread: start() returns at once and listening(url) or failed(reason) follows. stop(), also
// run by the destructor, closes every socket and ends the thread.
class HttpServerThread : public QObject
{
    Q_OBJECT
public:
    explicit HttpServerThread(QObject *parent = nullptr);
    ~HttpServerThread() override;

    // False if already running. makeHandler runs on the server thread once it listens.
    bool start(const HttpServerConfig &config, HttpHandlerFactory makeHandler);
    void stop();

    bool isRunning() const { return m_thread != nullptr; }
    QUrl url() const { return m_url; } // empty until listening()

Q_SIGNALS:
    void listening(const QUrl &url);
    void failed(const QString &reason);

private:
    void onListening(const QUrl &url);
    void onFailed(const QString &reason);
    void endThread();

    QThread *m_thread = nullptr;
    QUrl m_url;
    quint64 m_generation = 0; // drops signals queued by a server of an earlier start()
};
