#include "localapi/HeadlessRunner.h"

#include "auth/SignInController.h"
#include "cache/CacheDatabase.h"
#include "cache/CacheLocation.h"
#include "cache/CacheWriter.h"
#include "gateway/GatewayClient.h"
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

HeadlessRunner::HeadlessRunner(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_signIn(std::make_unique<SignInController>())
    , m_sync(std::make_unique<SyncService>())
    , m_api(std::make_unique<LocalApiService>(m_signIn.get()))
{
}

HeadlessRunner::~HeadlessRunner()
{
    m_api->stop();
    m_sync->cancel();
    if (m_signals) {
        ::signal(SIGTERM, SIG_DFL);
        ::signal(SIGINT, SIG_DFL);
        ::close(g_signalFds[0]);
        ::close(g_signalFds[1]);
        g_signalFds[0] = g_signalFds[1] = -1;
    }
}

void HeadlessRunner::installSignalHandlers()
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

void HeadlessRunner::start()
{
    installSignalHandlers();
    if (m_options.localApiPort >= 0)
        m_api->setPort(quint16(m_options.localApiPort));
    m_api->setSyncTrigger(
        [this](const QString &session, QString *reason) { return startSync(session, reason); });
    connect(m_api.get(), &LocalApiService::listening, this, [](const QUrl &url) {
        qCInfo(lcHeadless).noquote() << "local API on" << url.toString();
    });
    connect(m_api.get(), &LocalApiService::failed, this, [this](const QString &reason) {
        qCCritical(lcHeadless).noquote() << "local API failed:" << reason;
        shutdown(1);
    });
    connect(m_sync.get(), &SyncService::finished, this, [this](const SyncOutcome &o) {
        qCInfo(lcHeadless).noquote() << "sync of" << o.sessionId << "ended:" << o.message;
        if (o.error.kind == GatewayError::Kind::Network
            || o.error.kind == GatewayError::Kind::Timeout)
            m_api->noteGatewayReachable(false);
        else if (o.ok() || o.error.kind == GatewayError::Kind::Api)
            m_api->noteGatewayReachable(true);
        syncNext();
    });
    connect(m_signIn.get(), &SignInController::signedIn, this, [this] { onSignedIn(); });
    connect(m_signIn.get(), &SignInController::signInRequired, this,
            [this](const QString &, SignInController::Reason, const QString &message) {
                qCCritical(lcHeadless).noquote() << "cannot sign in:" << message;
                shutdown(1);
            });
    connect(m_signIn.get(), &SignInController::keychainUnavailable, this,
            [this](const QString &, const CredentialError &error) {
                qCCritical(lcHeadless).noquote() << "keychain unavailable:" << error.message;
                shutdown(1);
            });
    m_signIn->start(m_options.profile);
}

void HeadlessRunner::onSignedIn()
{
    qCInfo(lcHeadless).noquote() << "signed in to profile" << m_signIn->profileName();
    m_signIn->client()->listSessions(this, [this](const GatewayResult<Page<WaSession>> &r) {
        if (m_stopping)
            return;
        const QString path = CacheLocation::databasePath(m_signIn->profileName());
        if (r.ok()) {
            m_api->noteGatewayReachable(true);
            QString error;
            if (auto db = CacheDatabase::open(path, CacheDatabase::Mode::ReadWrite, &error)) {
                CacheWriter writer(*db);
                if (!writer.upsertSessions(r.value->items))
                    qCWarning(lcHeadless).noquote() << "sessions not stored:" << writer.lastError();
            } else {
                qCWarning(lcHeadless).noquote() << "cannot open the cache:" << error;
            }
            for (const WaSession &s : r.value->items)
                m_queue << s.id;
        } else {
            if (r.error.kind == GatewayError::Kind::Network
                || r.error.kind == GatewayError::Kind::Timeout)
                m_api->noteGatewayReachable(false);
            qCWarning(lcHeadless).noquote() << "cannot list sessions:" << r.error.describe();
        }
        for (const QString &id : m_signIn->sessionIds())
            if (!m_queue.contains(id))
                m_queue << id;
        m_api->start();
        syncNext();
    });
}

bool HeadlessRunner::startSync(const QString &sessionId, QString *reason)
{
    if (m_sync->isRunning()) {
        *reason = QStringLiteral("a sync is already running (%1)").arg(m_sync->runningSession());
        return false;
    }
    auto *client = new GatewayClient;
    client->setOptions(m_signIn->client()->options());
    if (!m_signIn->applyTo(client)) {
        delete client;
        *reason = QStringLiteral("the console is not signed in");
        return false;
    }
    if (!m_sync->start(CacheLocation::databasePath(m_signIn->profileName()), client, sessionId)) {
        delete client;
        *reason = QStringLiteral("the sync could not start");
        return false;
    }
    qCInfo(lcHeadless).noquote() << "syncing" << sessionId;
    return true;
}

void HeadlessRunner::syncNext()
{
    while (!m_stopping && !m_queue.isEmpty() && !m_sync->isRunning()) {
        QString reason;
        const QString session = m_queue.takeFirst();
        if (!startSync(session, &reason))
            qCWarning(lcHeadless).noquote() << "sync of" << session << "not started:" << reason;
    }
}

void HeadlessRunner::shutdown(int code)
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_queue.clear();
    m_api->stop(); // removes the discovery file
    if (m_sync->isRunning()) {
        // Let the job end on its thread (it reports Cancelled), then leave.
        connect(m_sync.get(), &SyncService::finished, this,
                [code] { QCoreApplication::exit(code); });
        m_sync->cancel();
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
        "HeadlessRunner",
        "Sync the profile's sessions and serve the local API, without a window."));
    parser.addHelpOption();
    const QCommandLineOption headless(
        QStringLiteral("headless"),
        QCoreApplication::translate("HeadlessRunner", "Run without a window."));
    const QCommandLineOption profile(
        QStringLiteral("profile"),
        QCoreApplication::translate("HeadlessRunner", "The saved profile to use."),
        QStringLiteral("NAME"));
    const QCommandLineOption port(
        QStringLiteral("local-api-port"),
        QCoreApplication::translate("HeadlessRunner",
                                    "Port of the local API on 127.0.0.1 (0: any free port)."),
        QStringLiteral("N"));
    parser.addOptions({headless, profile, port});
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
    HeadlessRunner::Options options;
    options.profile = parser.value(profile);
    if (parser.isSet(port)) {
        bool ok = false;
        const uint p = parser.value(port).toUInt(&ok);
        if (!ok || p > 65535) {
            err << QCoreApplication::translate("HeadlessRunner", "--local-api-port takes 0..65535")
                << Qt::endl;
            return 2;
        }
        options.localApiPort = int(p);
    }
    HeadlessRunner runner(options);
    runner.start();
    return QCoreApplication::exec();
}
