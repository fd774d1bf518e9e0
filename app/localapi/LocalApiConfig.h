#pragma once

#include "http/HttpLimits.h"

#include <QByteArray>
#include <QString>

#include <functional>

struct LocalApiConfig {
    quint16 port = 0;        // 0: any free port (see HttpServer::url())
    bool listenIPv4 = true;  // 127.0.0.1
    bool listenIPv6 = false; // [::1], on the same port
    QByteArray token;        // LocalApiToken::generate(); at least 32 bytes
    HttpLimits limits;

    // Used by HttpServerThread only.
    bool writeDiscoveryFile = true;
    QString discoveryFilePath; // empty: DiscoveryFile::defaultPath()
    // Run on the server thread before listening / after the server is gone (per-thread
    // resources such as a QSqlDatabase connection). Either may be empty.
    std::function<void()> onThreadStarted;
    std::function<void()> onThreadFinished;
};
