#include "console/HeadlessFrontEnd.h"

#include "auth/SignInController.h"
#include "console/Console.h"
#include "localapi/LocalApiService.h"
#include "sync/SyncService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

Q_DECLARE_LOGGING_CATEGORY(lcHeadless)
Q_LOGGING_CATEGORY(lcHeadless, "gc.headless")

namespace {

int g_signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char b = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_signalFds[0], &b, 1);
}

} // namespace

HeadlessFrontEnd::HeadlessFrontEnd(Console *console, QObject *parent)
    : QObject(parent)
    , m_console(console)
{
}

HeadlessFrontEnd::~HeadlessFrontEnd()
{
    if (m_signals) {
        ::signal(SIGTERM, SIG_DFL);
        ::signal(SIGINT, SIG_DFL);
        ::close(g_signalFds[0]);
        ::close(g_signalFds[1]);
        g_signalFds[0] = g_signalFds[1] = -1;
    }
}

void HeadlessFrontEnd::installSignalHandlers()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalFds) != 0) {
        qCWarning(lcHeadless) << "no signal handling: socketpair failed";
        return;
    }
    m_signals = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, this);
    connect(m_signals, &QSocketNotifier::activated, this, [this] {
        char b = 0;
        [[maybe_unused]] const ssize_t n = ::read(g_signalFds[1], &b, 1);
        qCInfo(lcHeadless) << "signal received: stopping";
        shutdown(0);
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &sa, nullptr);
    ::sigaction(SIGINT, &sa, nullptr);
}

void HeadlessFrontEnd::start()
{
    installSignalHandlers();
    SignInController *signIn = m_console->signIn();
    connect(m_console, &Console::profileOpened, this, &HeadlessFrontEnd::onProfileOpened);
    connect(signIn, &SignInController::signInRequired, this,
            [this](const QString &, SignInController::Reason, const QString &message) {
                qCCritical(lcHeadless).noquote() << "cannot sign in:" << message;
                shutdown(1);
            });
    connect(signIn, &SignInController::keychainUnavailable, this,
            [this](const QString &, const CredentialError &error) {
                qCCritical(lcHeadless).noquote() << "keychain unavailable:" << error.message;
                shutdown(1);
            });
    m_console->start();
}

void HeadlessFrontEnd::onProfileOpened(ProfileServices *services)
{
    qCInfo(lcHeadless).noquote() << "signed in to profile" << services->profile();
    if (LocalApiService *api = services->localApi()) {
        connect(api, &LocalApiService::listening, this, [](const QUrl &url) {
            qCInfo(lcHeadless).noquote() << "local API on" << url.toString();
        });
        connect(api, &LocalApiService::failed, this, [this](const QString &reason) {
            qCCritical(lcHeadless).noquote() << "local API failed:" << reason;
            shutdown(1);
        });
    }
    connect(services, &ProfileServices::syncFinished, this, [](const SyncOutcome &o) {
        qCInfo(lcHeadless).noquote() << "sync of" << o.sessionId << "ended:" << o.message;
    });
    // Every session it can list (or was given by hand), once the list is in.
    connect(
        services, &ProfileServices::sessionsRefreshed, this,
        [this, services] {
            if (!m_stopping)
                services->queueSyncs(services->knownSessions());
        },
        Qt::SingleShotConnection);
}

void HeadlessFrontEnd::shutdown(int code)
{
    if (m_stopping)
        return;
    m_stopping = true;
    ProfileServices *services = m_console->services();
    SyncService *sync = services ? services->sync() : nullptr;
    if (LocalApiService *api = services ? services->localApi() : nullptr)
        api->stop(); // removes the discovery file
    if (sync && sync->isRunning()) {
        // Let the job end on its thread (it reports Cancelled), then leave.
        connect(sync, &SyncService::finished, this, [code] { QCoreApplication::exit(code); });
        sync->cancel();
        return;
    }
    QCoreApplication::exit(code);
}

int runHeadless(const QStringList &arguments)
{
    // Logs go to stderr even when it is not a terminal (a service manager, a pipe), never
    // to the journal behind the caller's back. Read by Qt at the first message.
    if (!qEnvironmentVariableIsSet("QT_FORCE_STDERR_LOGGING"))
        qputenv("QT_FORCE_STDERR_LOGGING", "1");
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "HeadlessFrontEnd",
        "Sync the profile's sessions and serve the local API, without a window."));
    parser.addHelpOption();
    const QCommandLineOption headless(
        QStringLiteral("headless"),
        QCoreApplication::translate("HeadlessFrontEnd", "Run without a window."));
    Console::addOptions(parser);
    parser.addOption(headless);
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << Qt::endl;
        return 2;
    }
    // Help only: without this, --headless --help would sign in and start serving.
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    Console::Options options;
    QString problem;
    if (!Console::readOptions(parser, &options, &problem)) {
        err << problem << Qt::endl;
        return 2;
    }
    Console console(options);
    HeadlessFrontEnd frontEnd(&console);
    frontEnd.start();
    return QCoreApplication::exec();
}
