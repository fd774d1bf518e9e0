#include "cli/SyncCommand.h"

#include "auth/SignInController.h"
#include "cache/CacheDatabase.h"
#include "cache/CacheLocation.h"
#include "cache/CacheReader.h"
#include "cache/CacheWriter.h"
#include "sync/SyncEngine.h"
#include "sync/SyncLock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace {

// The translation context of this file's messages, in a form lupdate reads.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(SyncCommand)
};

// Drives the syncs of one terminal command: sign in, find the sessions, sync them one by one.
class SyncRun : public QObject
{
public:
    SyncRun(QString profile, QStringList sessions, SyncOptions options)
        : m_profile(std::move(profile))
        , m_sessions(std::move(sessions))
        , m_options(options)
    {
    }

    int exec()
    {
        QEventLoop loop; // the application's own loop is not running: this one is not nested
        m_loop = &loop;
        connect(&m_signIn, &SignInController::signedIn, this, [this] { onSignedIn(); });
        connect(&m_signIn, &SignInController::signInRequired, this,
                [this](const QString &, SignInController::Reason, const QString &message) {
                    fail(message);
                });
        connect(&m_signIn, &SignInController::keychainUnavailable, this,
                [this](const QString &, const CredentialError &error) { fail(error.message); });
        // Started from the loop: an answer that comes at once must find the loop running.
        QTimer::singleShot(0, this, [this] { m_signIn.start(m_profile); });
        loop.exec();
        return m_exitCode;
    }

private:
    void fail(const QString &message)
    {
        m_err << Text::tr("error: ") << message << Qt::endl;
        finish(1);
    }

    void finish(int code)
    {
        m_exitCode = code;
        m_loop->quit();
    }

    void onSignedIn()
    {
        QString error;
        const QString path = CacheLocation::databasePath(m_signIn.profileName());
        m_db = CacheDatabase::open(path, CacheDatabase::Mode::ReadWrite, &error);
        if (!m_db)
            return fail(Text::tr("cannot open the cache %1: %2").arg(path, error));
        m_writer = std::make_unique<CacheWriter>(*m_db);
        m_reader = std::make_unique<CacheReader>(*m_db);
        m_engine = std::make_unique<SyncEngine>(m_signIn.client(), m_db->path());
        m_engine->setReader(m_reader.get());
        connect(m_engine.get(), &SyncEngine::progress, this,
                [this](const SyncProgress &p) { showProgress(p); });
        connect(m_engine.get(), &SyncEngine::finished, this,
                [this](const SyncOutcome &o) { onFinished(o); });

        if (!m_sessions.isEmpty())
            return syncNext();
        // Without --session: every session the token can list, else the ones added by hand.
        m_signIn.client()->listSessions(this, [this](const GatewayResult<Page<WaSession>> &r) {
            if (r.ok()) {
                m_writer->upsertSessions(r.value->items);
                for (const WaSession &s : r.value->items)
                    m_sessions << s.id;
            } else if (!r.error.hasCode(QLatin1String("forbidden"))) {
                return fail(Text::tr("cannot list sessions: %1").arg(r.error.describe()));
            }
            for (const QString &id : m_signIn.sessionIds())
                if (!m_sessions.contains(id))
                    m_sessions << id;
            if (m_sessions.isEmpty())
                return fail(Text::tr("no session to sync: this token cannot list sessions; name "
                                     "one with --session"));
            syncNext();
        });
    }

    void syncNext()
    {
        if (m_next >= m_sessions.size())
            return finish(m_failures == 0 ? 0 : 1);
        const QString session = m_sessions.at(m_next++);
        m_lock = std::make_unique<SyncLock>(m_db->path(), session);
        if (!m_lock->tryLock()) {
            m_err << Text::tr("%1: a sync of this session is already running; skipped").arg(session)
                  << Qt::endl;
            ++m_failures;
            return syncNext();
        }
        m_writer->addSession(session);
        m_engine->start(session, m_options);
    }

    void showProgress(const SyncProgress &p)
    {
        const QString total = p.total >= 0 ? QStringLiteral("/%1").arg(p.total) : QString();
        m_err << QStringLiteral("\r%1 %2: %3%4   ")
                     .arg(p.sessionId.left(12), p.phase)
                     .arg(p.done)
                     .arg(total);
        m_err.flush();
    }

    void onFinished(const SyncOutcome &o)
    {
        m_lock.reset();
        m_err << QStringLiteral("\r%1: %2 (%3 s, %4 requests)")
                     .arg(o.sessionId, o.message)
                     .arg(o.elapsedMs / 1000.0, 0, 'f', 1)
                     .arg(o.requests)
              << Qt::endl;
        if (!o.ok())
            ++m_failures;
        syncNext();
    }

    QString m_profile;
    QStringList m_sessions;
    SyncOptions m_options;
    SignInController m_signIn;
    std::unique_ptr<CacheDatabase> m_db;
    std::unique_ptr<CacheWriter> m_writer;
    std::unique_ptr<CacheReader> m_reader;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<SyncLock> m_lock;
    QTextStream m_err{stderr};
    QEventLoop *m_loop = nullptr;
    int m_next = 0;
    int m_failures = 0;
    int m_exitCode = 1;
};

} // namespace

int runSyncCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Sync a profile's sessions into the local cache."));
    parser.addHelpOption();
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     Text::tr("The saved profile to use."), QStringLiteral("NAME"));
    const QCommandLineOption session(QStringLiteral("session"),
                                     Text::tr("Sync only this session (repeatable)."),
                                     QStringLiteral("ID"));
    const QCommandLineOption deep(
        QStringLiteral("deep"), Text::tr("Also fetch every contact's detail (one request each)."));
    const QCommandLineOption inFlight(QStringLiteral("max-in-flight"),
                                      Text::tr("Requests in flight at once (default 4)."),
                                      QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption budget(QStringLiteral("requests-per-minute"),
                                    Text::tr("Request budget per minute (default: none)."),
                                    QStringLiteral("N"), QStringLiteral("0"));
    parser.addOptions({profile, session, deep, inFlight, budget});

    QTextStream err(stderr);
    if (!parser.parse(QStringList{QStringLiteral("gateway-console sync")} + args)) {
        err << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    bool okInFlight = false, okBudget = false;
    SyncOptions options;
    options.maxInFlight = parser.value(inFlight).toInt(&okInFlight);
    options.requestsPerMinute = parser.value(budget).toInt(&okBudget);
    options.deep = parser.isSet(deep);
    if (!okInFlight || options.maxInFlight < 1 || options.maxInFlight > 16 || !okBudget
        || options.requestsPerMinute < 0) {
        err << Text::tr("--max-in-flight takes 1..16 and --requests-per-minute a number >= 0")
            << Qt::endl;
        return 2;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << Text::tr("unexpected argument: %1").arg(parser.positionalArguments().first())
            << Qt::endl;
        return 2;
    }
    SyncRun run(parser.value(profile), parser.values(session), options);
    return run.exec();
}
