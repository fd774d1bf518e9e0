#pragma once

#include "auth/TokenInspector.h"
#include "gateway/GatewayError.h"
#include "gateway/GatewayTypes.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>

class GatewayClient;

// What one capability of a token turned out to be, and how the probe knows.
struct CapabilityFinding {
    enum class Verdict {
        Yes,
        No,
        Unknown
    };
    QString capability; // read, send, manage, events
    Verdict verdict = Verdict::Unknown;
    QString how; // one sentence: what was tried, or why it is not known
};

// The probe's answer: per capability, plus what stopped it early (401, unreachable).
struct CapabilityReport {
    bool tokenRejected = false;        // 401: the token expired or was revoked
    GatewayError failure;              // set when the gateway could not be asked at all
    QList<CapabilityFinding> findings; // read, send, manage, events, in that order
    QList<WaSession> sessions;         // listed when the token holds manage
    QString probedSession;             // where read was tried; empty when nowhere
    QStringList notes;                 // token remarks worth repeating (expired, alg none...)

    bool completed() const { return !tokenRejected && !failure.isError(); }
    CapabilityFinding finding(const QString &capability) const;
    QStringList granted() const; // the capabilities found to be Yes
    QStringList lines() const;   // the report in words, one line each
};

// Asks the gateway what a token can do, using only stored (read-only) operations:
//   manage: list sessions (403 means no);
//   read:   list contacts and groups of one session (the first listed, or one given by
//           hand when the token cannot list sessions);
//   send, events: never tried (a live action would change something); the JWT's org role
//           tells, else they stay unknown until a live action is tried.
// 401 anywhere stops the probe: the token is rejected and the user must sign in again.
class CapabilityProbe : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const CapabilityReport &)>;

    // The client must already point at the gateway with the token to probe.
    explicit CapabilityProbe(GatewayClient *client, QObject *parent = nullptr);

    // `token` is the inspected token (for its role claims); `knownSessions` are session ids
    // added by hand, tried first. One probe at a time; `done` runs once, if `context` lives.
    void run(const TokenInspection &token, const QStringList &knownSessions, QObject *context,
             Callback done);
    bool isRunning() const { return m_running; }

private:
    void onSessions(const Page<WaSession> *page, const GatewayError &error);
    void probeRead();
    void onReadStep(const QString &what, const GatewayError &error);
    void concludeFromRole();
    void finish();
    bool stopOn401(const GatewayError &error);
    void setFinding(const QString &capability, CapabilityFinding::Verdict verdict,
                    const QString &how);

    QPointer<GatewayClient> m_client;
    bool m_running = false;
    TokenInspection m_token;
    QStringList m_knownSessions;
    QPointer<QObject> m_context;
    Callback m_done;
    CapabilityReport m_report;
    int m_readStepsLeft = 0;
    QStringList m_readOk;
    GatewayError m_readError;
};
