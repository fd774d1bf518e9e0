#pragma once

#include "DataSet.h"
#include "Faults.h"
#include "Realtime.h"

#include <QStringList>

class QCoreApplication;

// The command line of gateway-sim (see --help).
namespace sim {

struct ApiKeyOption {
    QString key;
    QString caps; // comma-separated, validated
    bool foreign = false;
};

struct SimOptions {
    quint16 port = 0;
    GenParams gen;
    QList<ApiKeyOption> apiKeys;
    QByteArray jwtSecret;
    QString jwtIssuer;
    FaultConfig faults;
    RealtimeOptions realtime;
};

// Parses the application's arguments; prints help/version and exits as QCommandLineParser does.
// False with a message for a bad value.
bool parseOptions(const QCoreApplication &app, SimOptions *out, QString *error);

} // namespace sim
