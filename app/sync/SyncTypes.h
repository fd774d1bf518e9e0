#pragma once

#include "gateway/GatewayError.h"

#include <QMetaType>
#include <QString>

// How a sync behaves; the defaults are polite to a shared gateway.
struct SyncOptions {
    int maxInFlight = 4;       // requests in flight at once
    int requestsPerMinute = 0; // budget; 0 = none
    int pageSize = 200;        // listContacts' limit (the gateway clamps to 1..200)
    bool deep = false;         // also getContact for every contact (slow: one call each)
};

// Where a running sync is. total is -1 when not known (contacts come page by page).
struct SyncProgress {
    QString sessionId;
    QString phase; // "contacts", "groups", "members", "details", "index"
    qint64 done = 0;
    qint64 total = -1;
};

struct SyncOutcome {
    enum class Status {
        Completed,
        Cancelled,
        Failed,
        Refused
    };
    Status status = Status::Completed;
    QString sessionId;
    QString message;    // for a person; includes the gateway's request id
    GatewayError error; // when the gateway (or the network) was the cause
    qint64 contacts = 0;
    qint64 groups = 0;
    qint64 members = 0;
    qint64 details = 0;
    qint64 requests = 0;
    qint64 elapsedMs = 0;
    bool ok() const { return status == Status::Completed; }
};

Q_DECLARE_METATYPE(SyncProgress)
Q_DECLARE_METATYPE(SyncOutcome)
