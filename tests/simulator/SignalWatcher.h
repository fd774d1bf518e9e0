#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGTERM and SIGINT into a clean QCoreApplication::quit(): the handler only writes a
// byte to a socketpair (async-signal-safe), the event loop does the rest.
namespace sim {

class SignalWatcher : public QObject
{
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace sim
