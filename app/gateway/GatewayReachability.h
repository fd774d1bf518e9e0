#pragma once

#include <QMutex>
#include <QObject>

#include <optional>

class GatewayClient;

// Whether the signed-in gateway answered lately: one shared account of it for the window's
// offline banner, the local API's health route and the headless log. Every client made by
// GatewayClientFactory reports to it (GatewayClient::reachabilityObserved), on any thread.
class GatewayReachability : public QObject
{
    Q_OBJECT
public:
    struct State {
        std::optional<bool> reachable; // nullopt: nothing learnt yet
        qint64 at = 0;                 // epoch ms it was learnt
    };

    explicit GatewayReachability(QObject *parent = nullptr);

    // Any thread.
    void note(bool reachable);
    State state() const;
    // Reports every call `client` finishes (the connection is direct: any thread).
    void watch(GatewayClient *client);

Q_SIGNALS:
    // Emitted when the answer flips (or is first learnt), from the noting thread.
    void changed(bool reachable);

private:
    mutable QMutex m_mutex;
    State m_state;
};
