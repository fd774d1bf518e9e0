#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

// Starts build/bin/gateway-sim as a child process for one test or benchmark, reads what it
// prints on stdout (the URL, its sessions, its demo tokens) and stops it afterwards.
//
// The simulator's stdout protocol, one item per line:
//   listening on http://127.0.0.1:PORT
//   org <orgId> <primary|foreign>
//   session <id> <status> org=<orgId> contacts=<n> groups=<n> members=<n>
//   api-key <key> <cap,cap,...> org=<orgId>
//   jwt <label> <token>
//   ready
class SimulatorProcess
{
public:
    struct Session {
        QString id;
        QString status;
        QString orgId;
        int contacts = 0;
        int groups = 0;
        int members = 0;
    };

    SimulatorProcess() = default;
    ~SimulatorProcess();
    SimulatorProcess(const SimulatorProcess &) = delete;
    SimulatorProcess &operator=(const SimulatorProcess &) = delete;

    // Starts the simulator with these arguments (--port 0 is added when no --port is given)
    // and waits until it printed "ready". Returns false and fills errorString() otherwise.
    bool start(const QStringList &arguments = {}, int timeoutMs = 60000);
    void stop();

    QUrl url() const { return m_url; }
    QString errorString() const { return m_error; }
    qint64 pid() const { return m_process.processId(); }

    QString primaryOrg() const { return m_primaryOrg; }
    QList<Session> sessions() const { return m_sessions; }
    // Sessions of the primary org, in the order printed.
    QList<Session> primarySessions() const;
    // The first session whose status is (or is not) "working" in the primary org.
    Session workingSession() const;
    Session disconnectedSession() const;
    // A session that belongs to another organization (404 for primary-org tokens).
    Session foreignSession() const;

    QString apiKey(const QString &key) const { return m_apiKeys.value(key); } // caps, "" if absent
    QStringList apiKeys() const { return m_apiKeys.keys(); }
    QString jwt(const QString &label) const { return m_jwts.value(label); }

    // The test-only control endpoint under /_sim/ (faults, session status, stats).
    // Blocking helpers: they spin a local event loop until the simulator answered.
    QJsonObject control(const QByteArray &method, const QString &path, const QJsonObject &body = {},
                        int *status = nullptr) const;
    bool setFaults(const QJsonObject &faults) const;
    bool clearFaults() const;
    bool setSessionStatus(const QString &sessionId, const QString &status) const;

    // Realtime (POST /_sim/events): applies the event to the data, publishes it and returns its
    // id, or "" when the simulator refused it (*status then says why).
    QString postEvent(const QString &sessionId, const QString &event, const QJsonObject &payload,
                      int *status = nullptr) const;
    // Closes every realtime WebSocket (abort: without a close handshake).
    bool dropRealtime(bool abort = false) const;
    // The random event stream of --events-per-second, changed at run time (0 stops it).
    bool setEventRate(double perSecond) const;

private:
    bool parseLine(const QString &line);

    QProcess m_process;
    QUrl m_url;
    QString m_error;
    QString m_primaryOrg;
    QList<Session> m_sessions;
    QHash<QString, QString> m_apiKeys;
    QHash<QString, QString> m_jwts;
};
