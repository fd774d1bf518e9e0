#pragma once

#include "http/HttpLimits.h"

#include <QLoggingCategory>
#include <QString>

#include <functional>

// The server's own category ("gc.http", warnings only by default), used when the owner
// gives none.
Q_DECLARE_LOGGING_CATEGORY(lcHttp)

struct HttpServerConfig {
    quint16 port = 0;        // 0: any free port (see HttpServer::url())
    bool listenIPv4 = true;  // 127.0.0.1
    bool listenIPv6 = false; // [::1], on the same port
    HttpLimits limits;
    // Where the server logs: one debug line per answer (method, path, status, duration,
    // request id), warnings for its own faults and a summary of refused connections.
    QMessageLogger::CategoryFunction log = lcHttp;

    // Used by HttpServerThread only: the thread's name (as debuggers and top show it), and
    // what runs on it before listening / after the server is gone (per-thread resources such
    // as a QSqlDatabase connection). Either function may be empty.
    QString threadName = QStringLiteral("http-server");
    std::function<void()> onThreadStarted;
    std::function<void()> onThreadFinished;
};
