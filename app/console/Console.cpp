#include "console/Console.h"

#include "auth/SignInController.h"
#include "cache/CacheLocation.h"
#include "localapi/LocalApiService.h"

#include <QCommandLineParser>

Console::Console(const Options &options, SignInController *signIn, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_ownSignIn(signIn ? nullptr : std::make_unique<SignInController>())
    , m_signIn(signIn ? signIn : m_ownSignIn.get())
{
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
    m_signIn->start(m_options.profile);
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
}

bool Console::readOptions(const QCommandLineParser &parser, Options *options, QString *error)
{
    options->profile = parser.value(QStringLiteral("profile"));
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
