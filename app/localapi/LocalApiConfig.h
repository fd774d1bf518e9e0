#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

// Hard limits of the local API. Defaults are the documented production values; tests
// shrink the timeouts so they run fast.
struct LocalApiLimits {
    int maxHeadBytes = 16 * 1024; // request line + headers + blank line, else 431
    int maxHeaderCount = 100;     // else 431
    int maxBodyBytes = 64 * 1024; // Content-Length above this: 413 (chunked: 411)
    int maxConnections = 64;      // more at once: 503 envelope and close
    int maxPipelined = 16;        // unanswered requests per connection before reading pauses
    int idleTimeoutMs = 10000;    // keep-alive connection with nothing going on
    int requestTimeoutMs = 10000; // from a request's first byte to its last (slowloris)
    int handlerTimeoutMs = 60000; // an async handler that never answers gets a 503
    int lingerTimeoutMs = 2000;   // after a closing answer, drain the client's leftovers this long
};

struct LocalApiConfig {
    quint16 port = 0;        // 0: any free port (see LocalApiServer::url())
    bool listenIPv4 = true;  // 127.0.0.1
    bool listenIPv6 = false; // [::1], on the same port
    QByteArray token;        // LocalApiToken::generate(); at least 32 bytes
    LocalApiLimits limits;

    // Used by LocalApiServerThread only.
    bool writeDiscoveryFile = true;
    QString discoveryFilePath; // empty: DiscoveryFile::defaultPath()
    // Run on the server thread before listening / after the server is gone (per-thread
    // resources such as a QSqlDatabase connection). Either may be empty.
    std::function<void()> onThreadStarted;
    std::function<void()> onThreadFinished;
};
