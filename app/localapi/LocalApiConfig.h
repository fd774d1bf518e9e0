#pragma once

#include "http/HttpServerConfig.h"

#include <QByteArray>
#include <QString>

// The local API's server: the generic server's settings (port, loopback addresses, limits,
// per-thread hooks) plus the token and the discovery file.
struct LocalApiConfig : HttpServerConfig {
    QByteArray token; // LocalApiToken::generate(); at least 32 bytes

    // Used by LocalApiServerThread only.
    bool writeDiscoveryFile = true;
    QString discoveryFilePath; // empty: DiscoveryFile::defaultPath()
};
