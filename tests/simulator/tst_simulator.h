#pragma once

#include "SimClient.h"
#include "SimulatorProcess.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <memory>

inline QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// gateway-sim over real HTTP. One simulator for the whole run:
//   3 primary sessions (the last one "stopped"), 1 foreign session, and api-keys
//   wa_full (all), wa_read (read), wa_nosend (read,manage), wa_foreign (@foreign).
// Slots live in three files: tst_simulator.cpp (auth, lists, contacts),
// tst_simulator_live.cpp (live actions, mutations, hostile input),
// tst_simulator_faults.cpp (fault knobs, stats, request ids).
class TstSimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    // tst_simulator.cpp
    void startupProtocol();
    void auth_data();
    void auth();
    void pagingToTheEnd();
    void limitClamping_data();
    void limitClamping();
    void filters();
    void groupFilter();
    void badQueryParameters_data();
    void badQueryParameters();
    void getContact();
    void groupsAndMembers();

    // tst_simulator_live.cpp
    void blockAndUnblock();
    void liveActionsNeedAWorkingSession();
    void pictureAndAbout();
    void mutations();
    void hostileInput_data();
    void hostileInput();

    // tst_simulator_faults.cpp
    void requestIdOnEveryAnswer();
    void latencyIsConcurrent();
    void errorRate_data();
    void errorRate();
    void rateLimitBursts();
    void malformedBodies();
    void truncatedBodies();
    void droppedConnections();
    void redirects();
    void explicitNulls();
    void faultsEndpoint();
    void stats();

private:
    // GETs a JSON list of a session's contacts (all pages) and returns the contact objects.
    QList<QJsonObject> allContacts(const QString &session, const QByteArray &extraQuery = {});
    QByteArray sessionPath(const QString &session) const;
    Credential full() const { return Credential::apiKey(QStringLiteral("wa_full")); }

    SimulatorProcess m_sim;
    std::unique_ptr<SimClient> m_client;
    QString m_working, m_second, m_stopped, m_foreign;
};
