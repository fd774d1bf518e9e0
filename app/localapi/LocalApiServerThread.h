#pragma once

#include "localapi/LocalApiConfig.h"
#include "localapi/LocalApiRouter.h"

#include <QObject>
#include <QUrl>

#include <memory>

class DiscoveryFile;
class HttpServerThread;

// The local API's server: an HttpServerThread whose handler is a LocalApiDispatcher (the
// router behind the Host, browser and token checks of LocalApiGuard), logging to gc.localapi.
// Handlers run on the server thread (config.onThreadStarted/onThreadFinished set up and tear
// down per-thread resources such as a database connection). Lives on the caller's thread:
// start() returns at once and listening(url) or failed(reason) follows; once listening, it
// writes the discovery file (unless config.writeDiscoveryFile is false). stop(), also run by
// the destructor, closes every socket, ends the thread and removes the discovery file.
class LocalApiServerThread : public QObject
{
    Q_OBJECT
public:
    explicit LocalApiServerThread(QObject *parent = nullptr);
    ~LocalApiServerThread() override;

    // False if already running. The router must not be changed afterwards.
    bool start(const LocalApiConfig &config, std::shared_ptr<const LocalApiRouter> router);
    void stop();

    bool isRunning() const;
    QUrl url() const;                  // empty until listening()
    QString discoveryFilePath() const; // empty unless written

Q_SIGNALS:
    void listening(const QUrl &url);
    void failed(const QString &reason);

private:
    void onListening(const QUrl &url);
    void onFailed(const QString &reason);

    std::unique_ptr<HttpServerThread> m_server;
    LocalApiConfig m_config;
    std::unique_ptr<DiscoveryFile> m_discovery;
};
