#include "cli/ProfileCommand.h"

#include "auth/CapabilityProbe.h"
#include "auth/CredentialStore.h"
#include "auth/GatewayClientFactory.h"
#include "auth/ProfileStore.h"
#include "auth/TokenInspector.h"
#include "cache/CacheLocation.h"
#include "gateway/GatewayClient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace {

// The translation context of this file's messages, in a form lupdate reads.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ProfileCommand)
};

// Options people reach for when they try to pass a token; refused by name.
const QStringList kTokenOptions{"--token", "--api-key",  "--apikey", "--key",
                                "--jwt",   "--password", "--secret", "--bearer"};

QString optionName(const QString &arg)
{
    // Print only what precedes '=': "--token=abc" must not echo the token.
    return arg.section(QLatin1Char('='), 0, 0);
}

QString tokenRefusal()
{
    return Text::tr("A token is never taken from the command line (it would stay in the shell "
                    "history and show in the process list). Pass it on standard input, e.g. "
                    "`gateway-console profile add NAME --url URL < token.txt`.");
}

// Hides what is typed while the token is entered at a terminal.
class EchoOff
{
public:
    EchoOff()
    {
        if (::tcgetattr(STDIN_FILENO, &m_saved) == 0) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            m_active = ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet) == 0;
        }
    }
    ~EchoOff()
    {
        if (m_active)
            ::tcsetattr(STDIN_FILENO, TCSANOW, &m_saved);
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    termios m_saved{};
    bool m_active = false;
};

QString describeToken(const TokenInspection &t)
{
    if (t.isApiKey())
        return t.hasApiKeyPrefix ? Text::tr("api-key (wa_...)") : Text::tr("api-key");
    QStringList parts;
    parts << Text::tr("JWT (%1)").arg(t.alg.isEmpty() ? Text::tr("no alg") : t.alg);
    if (!t.sub.isEmpty())
        parts << Text::tr("user %1").arg(t.sub);
    if (!t.activeOrganizationId.isEmpty())
        parts << Text::tr("organization %1").arg(t.activeOrganizationId);
    if (!t.orgRole.isEmpty())
        parts << Text::tr("org role %1").arg(t.orgRole);
    if (!t.role.isEmpty())
        parts << Text::tr("platform role %1").arg(t.role);
    if (t.expiresAt.isValid())
        parts << Text::tr("expires %1").arg(t.expiresAt.toString(Qt::ISODate));
    return parts.join(QStringLiteral(", "));
}

} // namespace

ProfileCommand::ProfileCommand(QIODevice *input, QIODevice *output, QIODevice *errors,
                               QObject *parent)
    : QObject(parent)
    , m_input(input)
    , m_out(new QTextStream(output))
    , m_err(new QTextStream(errors))
{
}

ProfileCommand::~ProfileCommand()
{
    m_out->flush();
    m_err->flush();
    delete m_out;
    delete m_err;
    delete m_profiles;
}

QTextStream &ProfileCommand::out()
{
    return *m_out;
}
QTextStream &ProfileCommand::err()
{
    return *m_err;
}

ProfileStore &ProfileCommand::profiles()
{
    if (!m_profiles)
        m_profiles = m_settingsFile.isEmpty() ? new ProfileStore : new ProfileStore(m_settingsFile);
    return *m_profiles;
}

QString ProfileCommand::usage()
{
    return Text::tr("Usage:\n"
                    "  gateway-console profile add NAME --url URL [--session ID]...  (token on "
                    "standard input)\n"
                    "  gateway-console profile list\n"
                    "  gateway-console profile remove NAME [--purge-cache]\n"
                    "  gateway-console profile check NAME\n"
                    "Exit codes: 0 ok, 1 failure, 2 usage.\n");
}

void ProfileCommand::done(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    m_err->flush(); // notes and warnings first, as they were written
    m_out->flush();
    // Queued, so finished() never fires before start() has returned.
    QMetaObject::invokeMethod(
        this, [this, code] { Q_EMIT finished(code); }, Qt::QueuedConnection);
}

// A `profile` command line, read but not yet checked.
struct ProfileCommand::Request {
    QString command; // add, list, remove, check (or anything typed)
    QStringList positional;
    QString url;
    QStringList sessions;
    bool purgeCache = false;
};

void ProfileCommand::start(const QStringList &arguments)
{
    m_credentials = new CredentialStore(this);
    Request request;
    request.command = arguments.value(0);
    if (request.command.isEmpty()) {
        err() << usage();
        return done(Usage);
    }
    if (request.command == QLatin1String("help") || request.command == QLatin1String("--help")
        || request.command == QLatin1String("-h")) {
        out() << usage();
        return done(Ok);
    }
    if (!readOptions(arguments, &request) || !checkRequest(request))
        return done(Usage);
    run(request);
}

bool ProfileCommand::readOptions(const QStringList &arguments, Request *request)
{
    const QString &sub = request->command;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        const QString name = optionName(arg);
        if (kTokenOptions.contains(name, Qt::CaseInsensitive)) {
            err() << tokenRefusal() << '\n';
            return false;
        }
        auto takeValue = [&](QString *value) {
            if (arg.contains(QLatin1Char('='))) {
                *value = arg.section(QLatin1Char('='), 1);
                return true;
            }
            if (i + 1 >= arguments.size())
                return false;
            *value = arguments.at(++i);
            return true;
        };
        if (sub == QLatin1String("add") && name == QLatin1String("--url")) {
            if (!takeValue(&request->url)) {
                err() << Text::tr("--url needs a value.") << '\n' << usage();
                return false;
            }
        } else if (sub == QLatin1String("add") && name == QLatin1String("--session")) {
            QString id;
            if (!takeValue(&id)) {
                err() << Text::tr("--session needs a value.") << '\n' << usage();
                return false;
            }
            request->sessions << id;
        } else if (sub == QLatin1String("remove") && arg == QLatin1String("--purge-cache")) {
            request->purgeCache = true;
        } else if (arg.startsWith(QLatin1Char('-')) && arg != QLatin1String("-")) {
            err() << Text::tr("Unknown option %1 for \"profile %2\".").arg(name, sub) << '\n'
                  << usage();
            return false;
        } else {
            request->positional << arg;
        }
    }
    return true;
}

bool ProfileCommand::checkRequest(const Request &request)
{
    const QString &sub = request.command;
    const int wantPositional = sub == QLatin1String("list") ? 0 : 1;
    if (sub != QLatin1String("add") && sub != QLatin1String("list")
        && sub != QLatin1String("remove") && sub != QLatin1String("check")) {
        err() << Text::tr("Unknown command \"profile %1\".").arg(optionName(sub).left(32)) << '\n'
              << usage();
        return false;
    }
    if (request.positional.size() > wantPositional) {
        // Never echo it: the extra argument may well be a token.
        err() << Text::tr("Too many arguments for \"profile %1\".").arg(sub) << '\n';
        if (sub == QLatin1String("add"))
            err() << tokenRefusal() << '\n';
        else
            err() << usage();
        return false;
    }
    if (request.positional.size() < wantPositional) {
        err() << Text::tr("\"profile %1\" needs a profile name.").arg(sub) << '\n' << usage();
        return false;
    }
    if (sub == QLatin1String("add") && request.url.isEmpty()) {
        err() << Text::tr("\"profile add\" needs --url URL.") << '\n' << usage();
        return false;
    }
    return true;
}

void ProfileCommand::run(const Request &request)
{
    const QString &sub = request.command;
    if (sub == QLatin1String("add"))
        add(request.positional.first(), request.url, request.sessions);
    else if (sub == QLatin1String("list"))
        list();
    else if (sub == QLatin1String("remove"))
        remove(request.positional.first(), request.purgeCache);
    else
        check(request.positional.first());
}

QString ProfileCommand::readToken(bool *ok)
{
    *ok = false;
    if (!m_input || !m_input->isReadable()) {
        err() << Text::tr("Standard input cannot be read; pass the token on it.") << '\n';
        return {};
    }
    // Bounded: the inspector refuses anything this large anyway.
    const qint64 limit = 4LL * TokenInspector::kMaxTokenLength + 1;
    QByteArray data;
    if (m_terminalInput) {
        err() << Text::tr("Paste the token and press Enter (it is not shown): ");
        err().flush();
        EchoOff hidden;
        data = m_input->readLine(limit);
        err() << '\n';
    } else {
        while (data.size() < limit) {
            const QByteArray chunk = m_input->read(limit - data.size());
            if (chunk.isEmpty())
                break;
            data += chunk;
        }
    }
    *ok = true;
    return QString::fromUtf8(data);
}

void ProfileCommand::add(const QString &name, const QString &urlText, const QStringList &sessions)
{
    const GatewayUrlCheck url = ProfileStore::checkUrl(urlText);
    if (!checkNewProfile(name, url, sessions))
        return done(Failure);
    bool readOk = false;
    const QString pasted = readToken(&readOk);
    if (!readOk)
        return done(Failure);
    const TokenInspection token = TokenInspector::inspect(pasted);
    if (!checkToken(token))
        return done(Failure);
    warnAbout(token, url);

    GatewayProfile profile;
    profile.name = name;
    profile.baseUrl = url.url;
    profile.tokenKind = token.kind;
    for (const QString &s : sessions)
        profile.sessionIds << s.trimmed();
    store(profile, token.token);
}

bool ProfileCommand::checkNewProfile(const QString &name, const GatewayUrlCheck &url,
                                     const QStringList &sessions)
{
    const QString nameProblem = ProfileStore::checkName(name);
    if (!nameProblem.isEmpty()) {
        err() << nameProblem << '\n';
        return false;
    }
    if (!url.isValid()) {
        err() << url.problem << '\n';
        return false;
    }
    for (const QString &id : sessions) {
        const QString problem = ProfileStore::checkSessionId(id.trimmed());
        if (!problem.isEmpty()) {
            err() << problem << '\n';
            return false;
        }
    }
    for (const QString &existing : profiles().names()) {
        if (existing.compare(name, Qt::CaseInsensitive) == 0) {
            err()
                << Text::tr("A profile named \"%1\" already exists; remove it first.").arg(existing)
                << '\n';
            return false;
        }
    }
    return true;
}

bool ProfileCommand::checkToken(const TokenInspection &token)
{
    if (!token.isValid()) {
        err() << token.problem << '\n';
        return false;
    }
    if (token.isExpired(QDateTime::currentDateTimeUtc())) {
        err() << Text::tr("The JWT expired on %1; get a new one.")
                     .arg(token.expiresAt.toString(Qt::ISODate))
              << '\n';
        return false;
    }
    return true;
}

void ProfileCommand::warnAbout(const TokenInspection &token, const GatewayUrlCheck &url)
{
    for (const QString &note : token.notes)
        err() << Text::tr("note: ") << note << '\n';
    if (url.insecure)
        err() << Text::tr("warning: %1 is plain http to another machine; the token will travel "
                          "unencrypted.")
                     .arg(url.url.toString())
              << '\n';
    err().flush();
}

void ProfileCommand::store(const GatewayProfile &profile, const QString &token)
{
    m_credentials->writeToken(profile.name, token, this, [this, profile](const CredentialError &e) {
        if (!e.isOk()) {
            err() << e.message << '\n';
            return done(Failure);
        }
        QString problem;
        if (!profiles().add(profile, &problem)) {
            err() << problem << '\n';
            // Do not leave an orphaned secret behind.
            m_credentials->removeToken(profile.name, this,
                                       [this](const CredentialError &) { done(Failure); });
            return;
        }
        if (profiles().currentName().isEmpty())
            profiles().setCurrent(profile.name);
        out() << Text::tr("Profile \"%1\" added: %2 at %3; the token is kept in the OS keychain.")
                     .arg(profile.name, tokenKindName(profile.tokenKind),
                          profile.baseUrl.toString())
              << '\n';
        done(Ok);
    });
}

void ProfileCommand::list()
{
    const QList<GatewayProfile> all = profiles().profiles();
    if (all.isEmpty()) {
        out() << Text::tr(
            "No profiles. Add one with: gateway-console profile add NAME --url URL < token.txt")
              << '\n';
        return done(Ok);
    }
    const QString current = profiles().currentName();
    int nameWidth = 0;
    int urlWidth = 0;
    for (const GatewayProfile &p : all) {
        nameWidth = qMax(nameWidth, int(p.name.size()));
        urlWidth = qMax(urlWidth, int(p.baseUrl.toString().size()));
    }
    for (const GatewayProfile &p : all) {
        QString line = QStringLiteral("%1 %2  %3  %4")
                           .arg(p.name == current ? QStringLiteral("*") : QStringLiteral(" "))
                           .arg(p.name, -nameWidth)
                           .arg(p.baseUrl.toString(), -urlWidth)
                           .arg(tokenKindName(p.tokenKind), -7);
        if (ProfileStore::checkUrl(p.baseUrl.toString()).insecure)
            line += Text::tr("  unencrypted http");
        if (!p.sessionIds.isEmpty())
            line += Text::tr("  sessions: %1").arg(p.sessionIds.join(QStringLiteral(", ")));
        if (p.lastUsed.isValid())
            line += Text::tr("  last used %1").arg(p.lastUsed.toString(Qt::ISODate));
        out() << line.trimmed().prepend(p.name == current ? QString() : QStringLiteral("  "))
              << '\n';
    }
    done(Ok);
}

void ProfileCommand::remove(const QString &name, bool purgeCache)
{
    if (!profiles().contains(name)) {
        err() << Text::tr("There is no profile named \"%1\".").arg(name) << '\n';
        return done(Failure);
    }
    m_credentials->removeToken(name, this, [this, name, purgeCache](const CredentialError &e) {
        if (!e.isOk()) {
            err() << e.message << '\n'
                  << Text::tr("The profile was kept; nothing was removed.") << '\n';
            return done(Failure);
        }
        profiles().remove(name);
        out() << Text::tr("Profile \"%1\" removed, and its token deleted from the OS keychain.")
                     .arg(name)
              << '\n';
        if (purgeCache) {
            if (!m_purgeCache) {
                out() << Text::tr("There is no local cache to purge.") << '\n';
            } else {
                QString problem;
                if (!m_purgeCache(name, &problem)) {
                    err() << Text::tr("The local cache could not be purged: %1").arg(problem)
                          << '\n';
                    return done(Failure);
                }
                out() << Text::tr("Its local cache was purged.") << '\n';
            }
        }
        done(Ok);
    });
}

void ProfileCommand::check(const QString &name)
{
    const std::optional<GatewayProfile> profile = profiles().profile(name);
    if (!profile) {
        err() << Text::tr("There is no profile named \"%1\".").arg(name) << '\n';
        return done(Failure);
    }
    m_credentials->readToken(
        name, this, [this, p = *profile](const QString &stored, const CredentialError &e) {
            if (!e.isOk()) {
                err() << e.message << '\n';
                return done(Failure);
            }
            const TokenInspection token = TokenInspector::inspect(stored);
            if (!token.isValid()) {
                err() << Text::tr("The stored token is unusable: %1").arg(token.problem) << '\n';
                return done(Failure);
            }
            out() << Text::tr("Profile: %1").arg(p.name) << '\n'
                  << Text::tr("Gateway: %1").arg(p.baseUrl.toString()) << '\n'
                  << Text::tr("Token:   %1").arg(describeToken(token)) << '\n';

            GatewayClient *client = GatewayClientFactory::forEndpoint(p.baseUrl, token.token, this);
            auto *probe = new CapabilityProbe(client, this);
            probe->run(token, p.sessionIds, this, [this](const CapabilityReport &report) {
                for (const QString &line : report.lines())
                    out() << line << '\n';
                if (!report.sessions.isEmpty()) {
                    out() << Text::tr("Sessions:") << '\n';
                    for (const WaSession &s : report.sessions)
                        out() << QStringLiteral("  %1  %2%3\n")
                                     .arg(s.id, s.status,
                                          s.label ? QStringLiteral("  ") + *s.label : QString());
                }
                done(report.completed() ? Ok : Failure);
            });
        });
}

int runProfileCommand(const QStringList &arguments)
{
    QFile in;
    QFile out;
    QFile err;
    in.open(stdin, QIODevice::ReadOnly);
    out.open(stdout, QIODevice::WriteOnly);
    err.open(stderr, QIODevice::WriteOnly);

    ProfileCommand command(&in, &out, &err);
    command.setTerminalInput(::isatty(STDIN_FILENO) == 1);
    command.setCachePurger([](const QString &profile, QString *error) {
        return CacheLocation::purge(profile, error);
    });
    int exitCode = ProfileCommand::Failure;
    QEventLoop loop; // the application's own loop is not running yet: this one is not nested
    QObject::connect(&command, &ProfileCommand::finished, &loop, [&](int code) {
        exitCode = code;
        loop.quit();
    });
    command.start(arguments);
    loop.exec();
    return exitCode;
}
