#pragma once

#include "SimulatorProcess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace LiveTest {

// POST /_sim/events: the simulator applies the change, publishes the event and answers its
// id; empty when it refused.
inline QString postEvent(const SimulatorProcess &sim, const QString &session, const QString &event,
                         const QJsonObject &payload, int *status = nullptr)
{
    const QJsonObject answer = sim.control("POST", QStringLiteral("/_sim/events"),
                                           {{QStringLiteral("session"), session},
                                            {QStringLiteral("event"), event},
                                            {QStringLiteral("payload"), payload}},
                                           status);
    return answer.value(QStringLiteral("id")).toString();
}

inline QString renameContact(const SimulatorProcess &sim, const QString &session,
                             const QString &jid, const QString &name)
{
    return postEvent(sim, session, QStringLiteral("contact.update"),
                     {{QStringLiteral("jid"), jid}, {QStringLiteral("fullName"), name}});
}

inline bool dropConnections(const SimulatorProcess &sim)
{
    int status = 0;
    sim.control("POST", QStringLiteral("/_sim/realtime/drop"), {}, &status);
    return status / 100 == 2;
}

} // namespace LiveTest
