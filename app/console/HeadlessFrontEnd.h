#pragma once

#include <QObject>
#include <QStringList>

class Console;
class ProfileServices;
class QSocketNotifier;

// `gateway-console --headless --profile NAME [--local-api-port N]`: the console without a
// window. A thin front end over Console: once the profile's services are up it syncs every
// session they know, one after another, and logs what happens to stderr while the local API
// serves. SIGINT and SIGTERM (through a socket pair watched by a QSocketNotifier) stop the
// sync and the server, remove the discovery file and end the event loop with 0.
class HeadlessFrontEnd : public QObject
{
    Q_OBJECT
public:
    explicit HeadlessFrontEnd(Console *console, QObject *parent = nullptr);
    ~HeadlessFrontEnd() override;

    // Starts the console; the caller then runs the event loop, whose exit code is this
    // front end's (0 after a signal, 1 when sign-in or the local API failed).
    void start();

private:
    void onProfileOpened(ProfileServices *services);
    void shutdown(int code);
    void installSignalHandlers();

    Console *m_console;
    QSocketNotifier *m_signals = nullptr;
    bool m_stopping = false;
};

// Parses the headless arguments (app.arguments()) and runs until a signal. Needs a
// QCoreApplication; returns the process exit code (2 for a usage error).
int runHeadless(const QStringList &arguments);
