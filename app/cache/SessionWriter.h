#pragma once

#include "gateway/GatewayTypes.h"

#include <QList>
#include <QString>

class WriteContext;

// The sessions a CacheWriter stores: the gateway's list, ids added by hand, removals.
class SessionWriter
{
public:
    explicit SessionWriter(WriteContext &ctx);

    // listSessions/getSession answers: inserted or updated, marked listed. Never deletes.
    bool upsertSessions(const QList<WaSession> &sessions);
    // A session id added by hand (tokens without `manage`); keeps what exists.
    bool addSession(const QString &sessionId);
    // The session and everything cached for it.
    bool removeSession(const QString &sessionId);

private:
    WriteContext &m_ctx;
};
