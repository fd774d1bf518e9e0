#pragma once

#include <QObject>
#include <QStringList>

#include <memory>

class LocalApiService;
class QSocketNotifier;
class SignInController;
class SyncService;

// `gateway-console --headless --profile NAME [--local-api-port N]`: signs in to the profile,
// syncs every session it can list (or the profile's session ids) one after another through
// SyncService, and serves the local API, without a window. Logs go to stderr. SIGINT and
// SIGTERM (through a socket pair watched by a QSocketNotifier) stop the sync and the server,
// remove the discovery file and end the event loop with 0.
class HeadlessRunner : public QObject
{
    Q_OBJECT
public:
    struct Options {
        QString profile;
        int localApiPort = -1; // -1: settings / default
    };

    explicit HeadlessRunner(Options options, QObject *parent = nullptr);
    ~HeadlessRunner() override;

    // Starts everything; the caller then runs the application's event loop, whose exit code
    // is the runner's (0 after a signal, 1 when sign-in or the local API failed).
    void start();

private:
    void onSignedIn();
    void syncNext();
    bool startSync(const QString &sessionId, QString *reason);
    void shutdown(int code);
    void installSignalHandlers();

    Options m_options;
    std::unique_ptr<SignInController> m_signIn;
    std::unique_ptr<SyncService> m_sync;
    std::unique_ptr<LocalApiService> m_api;
    QSocketNotifier *m_signals = nullptr;
    QStringList m_queue;
    bool m_stopping = false;
};

// Parses the headless arguments (app.arguments()) and runs until a signal. Needs a
// QCoreApplication; returns the process exit code (2 for a usage error).
int runHeadless(const QStringList &arguments);
