#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>

class CredentialStore;
class ProfileStore;
struct GatewayProfile;
struct GatewayUrlCheck;
struct TokenInspection;
class QIODevice;
class QTextStream;

// `gateway-console profile ...`: manage sign-in profiles from a terminal.
//
//   profile add NAME --url URL [--session ID]...   token read from standard input
//   profile list
//   profile remove NAME [--purge-cache]
//   profile check NAME                              what the stored token can do
//
// A token is never accepted as an argument (it would sit in shell history and in the
// process list) and never printed. Exit codes: 0 ok, 1 failure, 2 usage.
//
// Asynchronous inside (keychain jobs, gateway calls); finished(code) ends it.
class ProfileCommand : public QObject
{
    Q_OBJECT
public:
    enum ExitCode {
        Ok = 0,
        Failure = 1,
        Usage = 2
    };

    // `input` supplies the token for `add`; `output` and `errors` are the terminal's
    // stdout and stderr. None is owned.
    ProfileCommand(QIODevice *input, QIODevice *output, QIODevice *errors,
                   QObject *parent = nullptr);
    ~ProfileCommand() override;

    // When the token comes from a terminal: prompt on `errors` and hide what is typed.
    void setTerminalInput(bool terminal) { m_terminalInput = terminal; }
    // Profiles in this INI file instead of the application's settings (tests).
    void setSettingsFile(const QString &path) { m_settingsFile = path; }
    // Removes a profile's local cache; the cache area provides it. Without one,
    // --purge-cache says there is nothing to purge.
    using CachePurger = std::function<bool(const QString &profile, QString *error)>;
    void setCachePurger(CachePurger purger) { m_purgeCache = std::move(purger); }

    // `arguments` start after "profile": {"add", "prod", "--url", "https://..."}.
    void start(const QStringList &arguments);

    static QString usage();

Q_SIGNALS:
    void finished(int exitCode);

private:
    struct Request;
    // The check and read steps report what is wrong on err() and return false.
    bool readOptions(const QStringList &arguments, Request *request);
    bool checkRequest(const Request &request);
    void run(const Request &request);

    void add(const QString &name, const QString &url, const QStringList &sessions);
    bool checkNewProfile(const QString &name, const GatewayUrlCheck &url,
                         const QStringList &sessions);
    bool checkToken(const TokenInspection &token);
    void warnAbout(const TokenInspection &token, const GatewayUrlCheck &url);
    void store(const GatewayProfile &profile, const QString &token);
    void list();
    void remove(const QString &name, bool purgeCache);
    void check(const QString &name);
    QString readToken(bool *ok);
    void done(int code);

    QTextStream &out();
    QTextStream &err();
    ProfileStore &profiles();

    QIODevice *m_input;
    QTextStream *m_out;
    QTextStream *m_err;
    QString m_settingsFile;
    CachePurger m_purgeCache;
    ProfileStore *m_profiles = nullptr;
    CredentialStore *m_credentials = nullptr;
    bool m_terminalInput = false;
    bool m_finished = false;
};

// Runs one `profile` command to the end on the terminal (stdin, stdout, stderr) and returns
// its exit code. Call from main() with a QCoreApplication and no event loop running yet;
// `arguments` start after "profile".
int runProfileCommand(const QStringList &arguments);
