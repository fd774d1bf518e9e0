#pragma once

#include "localapi/LocalApiConfig.h"
#include "localapi/LocalApiRouter.h"

#include <QObject>
#include <QUrl>

#include <memory>

class DiscoveryFile;
class QThread;

// Runs a HttpServer on a thread of its own so local traffic never blocks the window;
// handlers run on that thread too (config.onThreadStarted/onThreadFinished set up and tear
// down per-thread resources such as a database connection). Lives on the caller's thread:
// start() returns at once and listening(url) or failed(reason) follows; once listening, it
// writes the discovery file (unless config.writeDiscoveryFile is false). stop(), also run by
// the destructor, closes every socket, ends the thread and removes the discovery file.
class HttpServerThread : public QObject
{
    Q_OBJECT
public:
    explicit HttpServerThread(QObject *parent = nullptr);
    ~HttpServerThread() override;

    // False if already running. The router must not be changed afterwards.
    bool start(const LocalApiConfig &config, std::shared_ptr<const LocalApiRouter> router);
    void stop();

    bool isRunning() const { return m_thread != nullptr; }
    QUrl url() const { return m_url; } // empty until listening()
    QString discoveryFilePath() const; // empty unless written

Q_SIGNALS:
    void listening(const QUrl &url);
    void failed(const QString &reason);

private:
    void onListening(const QUrl &url);
    void onFailed(const QString &reason);
    void endThread();

    QThread *m_thread = nullptr;
    LocalApiConfig m_config;
    std::unique_ptr<DiscoveryFile> m_discovery;
    QUrl m_url;
    quint64 m_generation = 0; // drops signals queued by a server of an earlier start()
};
