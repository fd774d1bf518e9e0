#include "console/Console.h"

#include "auth/CredentialStore.h"
#include "auth/ProfileStore.h"
#include "auth/SignInController.h"
#include "cache/CacheLocation.h"
#include "localapi/LocalApiService.h"

#include <QCommandLineParser>
#include <QLoggingCategory>
#include <QTemporaryDir>

Q_DECLARE_LOGGING_CATEGORY(lcConsole)
Q_LOGGING_CATEGORY(lcConsole, "gc.console")

namespace {

const char *const kDemoProfile = "Demo";

} // namespace

Console::Console(const Options &options, SignInController *signIn, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    if (!signIn && m_options.demoGateway.isValid()) {
        // Nothing of the demo reaches the person's profiles, keychain or caches.
        m_demoDir = std::make_unique<QTemporaryDir>();
        m_demoProfiles = std::make_unique<ProfileStore>(
            m_demoDir->filePath(QStringLiteral("profiles.ini")));
        m_demoCredentials = std::make_unique<CredentialStore>();
        m_demoCredentials->setMode(CredentialStore::Mode::MemoryOnly);
        m_options.services.databasePath = m_demoDir->filePath(QStringLiteral("cache.sqlite"));
        m_options.services.discoveryFilePath = m_demoDir->filePath(
            QStringLiteral("local-api.json"));
        m_options.services.localApiPort = 0;
        m_ownSignIn = std::make_unique<SignInController>(m_demoProfiles.get(),
                                                         m_demoCredentials.get());
    } else if (!signIn) {
        m_ownSignIn = std::make_unique<SignInController>();
    }
    m_signIn = signIn ? signIn : m_ownSignIn.get();
    // Signing out with "delete cached data" removes the profile's cache directory.
    if (!m_signIn->canPurgeCache())
        m_signIn->setCachePurger([](const QString &profile, QString *error) {
            return CacheLocation::purge(profile, error);
        });
    connect(m_signIn, &SignInController::signedIn, this, &Console::open);
    connect(m_signIn, &SignInController::signedOut, this, &Console::close);
}

Console::~Console()
{
    close();
}

void Console::start()
{
    if (m_demoDir)
        signInToDemo();
    else
        m_signIn->start(m_options.profile);
}

void Console::signInToDemo()
{
    GatewayProfile demo;
    demo.name = QLatin1String(kDemoProfile);
    demo.baseUrl = m_options.demoGateway;
    demo.tokenKind = TokenInspector::inspect(m_options.demoToken).kind;
    m_signIn->signIn(demo, m_options.demoToken, this, [](const SignInOutcome &outcome) {
        if (!outcome.ok)
            qCWarning(lcConsole).noquote() << "the demo sign-in failed:" << outcome.problem;
    });
    m_options.demoToken.clear(); // the controller's memory-only store holds it now
}

void Console::open()
{
    close(); // a switch: the old set goes first, with its port and discovery file
    m_services = std::make_unique<ProfileServices>(m_signIn, m_options.services);
    m_services->start();
    Q_EMIT profileOpened(m_services.get());
}

void Console::close()
{
    if (!m_services)
        return;
    Q_EMIT profileClosing(m_services.get());
    m_services.reset();
}

void Console::addOptions(QCommandLineParser &parser)
{
    parser.addOption(
        QCommandLineOption(QStringLiteral("profile"),
                           tr("Sign in with the saved profile NAME (default: the one used last)."),
                           QStringLiteral("NAME")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("local-api-port"),
        tr("Port of the local API on 127.0.0.1 (0: any free port; default: the setting, "
           "else %1).")
            .arg(LocalApiService::kDefaultPort),
        QStringLiteral("N")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("demo"),
        tr("Sign in to the gateway at URL with the token in $%1, for this run only (nothing "
           "is saved).")
            .arg(QLatin1String(kDemoTokenVariable)),
        QStringLiteral("URL")));
}

bool Console::readOptions(const QCommandLineParser &parser, Options *options, QString *error)
{
    options->profile = parser.value(QStringLiteral("profile"));
    if (parser.isSet(QStringLiteral("demo"))) {
        const GatewayUrlCheck check = ProfileStore::checkUrl(parser.value(QStringLiteral("demo")));
        options->demoToken = qEnvironmentVariable(kDemoTokenVariable).trimmed();
        qunsetenv(kDemoTokenVariable); // not inherited by anything this process starts
        if (!check.isValid()) {
            *error = tr("--demo: %1").arg(check.problem);
            return false;
        }
        if (options->demoToken.isEmpty()) {
            *error = tr("--demo needs the token in the environment variable %1")
                         .arg(QLatin1String(kDemoTokenVariable));
            return false;
        }
        options->demoGateway = check.url;
    }
    if (!parser.isSet(QStringLiteral("local-api-port")))
        return true;
    bool ok = false;
    const uint port = parser.value(QStringLiteral("local-api-port")).toUInt(&ok);
    if (!ok || port > 65535) {
        *error = tr("--local-api-port takes 0..65535");
        return false;
    }
    options->services.localApiPort = int(port);
    return true;
}
