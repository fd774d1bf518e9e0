// The hardening issue's fault matrix, one row per fault: a real SyncService (worker thread,
// real SQLite file) syncing from the real gateway-sim over 127.0.0.1 with the simulator's
// fault knobs on, and the console's unblock path (ContactActions) on a session that went
// away between the sync and the unblock.
//
// Every row first has a complete clean sync in the cache, then meets its fault, and checks:
//   - the outcome (status, error kind) and that its text names the problem and carries the
//     gateway's X-Request-Id whenever the gateway sent one;
//   - the number of requests the simulator saw (GET /_sim/stats) and the client's own
//     attempts (gc.gateway "attempt" lines) stay within the retry bounds;
//   - PRAGMA integrity_check is ok and everything the clean sync stored is still there;
//   - a following sync without the fault completes, with the same data.
#include "ContactActions.h"
#include "auth/CredentialStore.h"
#include "auth/ProfileStore.h"
#include "auth/SignInController.h"
#include "cache/AuditLog.h"
#include "cache/BackgroundWriter.h"
#include "cache/CacheDatabase.h"
#include "console/ProfileServices.h"
#include "gateway/GatewayClient.h"
#include "sync/SyncService.h"

#include "CacheFingerprint.h"
#include "SimulatorProcess.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>
#include <QWidget>

#include <atomic>
#include <memory>

namespace {

// The client's attempts, counted from its own debug line ("GET /path attempt N"), on any
// thread. Only counted, never printed: nothing of a request leaks into the test output.
std::atomic<int> g_attempts{0};
QtMessageHandler g_previousHandler = nullptr;

void countingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtDebugMsg && context.category && qstrcmp(context.category, "gc.gateway") == 0) {
        if (message.contains(QLatin1String("attempt")))
            ++g_attempts;
        return;
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

const QRegularExpression kRequestId(QStringLiteral("req_[0-9a-f]{16}"));

enum class Special {
    None,
    GatewayDown,       // the simulator is stopped during the sync, started again after
    CancelSlow,        // latency 10 s, default client: cancel after 300 ms
    ClearAfter,        // the fault is lifted by the test while the sync rides it out
    DisconnectUnblock, // sync, session flips to disconnected, unblock through ContactActions
    StartingUnblock,   // the session is starting again (it has a client): WhatsApp refuses
    Unblock,           // unblock through ContactActions with the fault on
};

using Snapshot = CacheFingerprint;

// One row of the matrix: the fault, what the person is told, and the bounds it must keep.
// Rows are built with the named setters, each saying what it sets.
struct FaultCase {
    QJsonObject faults;                                          // the simulator's fault knobs
    Special special = Special::None;                             // what else the row does
    int transferTimeoutMs = 0;                                   // 0: the client's default
    SyncOutcome::Status status = SyncOutcome::Status::Completed; // the outcome expected
    GatewayError::Kind kind = GatewayError::Kind::None;          // the error kind expected
    QString needle;         // the problem, as the message names it
    bool requestId = false; // the gateway sent an X-Request-Id with it
    int maxRequests = 0;    // what the simulator may see at most
    QString auditResult;    // unblock rows: the audit entry's result

    FaultCase withFaults(const QJsonObject &knobs) const
    {
        FaultCase c = *this;
        c.faults = knobs;
        return c;
    }
    FaultCase withSpecial(Special what) const
    {
        FaultCase c = *this;
        c.special = what;
        return c;
    }
    FaultCase withTransferTimeoutMs(int ms) const
    {
        FaultCase c = *this;
        c.transferTimeoutMs = ms;
        return c;
    }
    FaultCase expecting(SyncOutcome::Status outcome, GatewayError::Kind errorKind) const
    {
        FaultCase c = *this;
        c.status = outcome;
        c.kind = errorKind;
        return c;
    }
    FaultCase saying(const char *problem) const
    {
        FaultCase c = *this;
        c.needle = QString::fromUtf8(problem);
        return c;
    }
    FaultCase showingRequestId() const
    {
        FaultCase c = *this;
        c.requestId = true;
        return c;
    }
    FaultCase simulatorSeesAtMost(int requests) const
    {
        FaultCase c = *this;
        c.maxRequests = requests;
        return c;
    }
    FaultCase auditedAs(const char *result) const
    {
        FaultCase c = *this;
        c.auditResult = QString::fromUtf8(result);
        return c;
    }
    bool isUnblock() const
    {
        return special == Special::DisconnectUnblock || special == Special::StartingUnblock
            || special == Special::Unblock;
    }
};

} // namespace

Q_DECLARE_METATYPE(Special)
Q_DECLARE_METATYPE(FaultCase)

class TestFaultMatrix : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<SimulatorProcess> m_sim;
    QStringList m_simArgs;
    quint16 m_port = 0;
    QString m_session;
    Snapshot m_clean;
    qint64 m_cleanUseful = 0;  // requests a clean full sync needs
    qint64 m_cleanLogical = 0; // SyncOutcome::requests of a clean full sync

    QString dbPath() const { return m_dir.filePath(QStringLiteral("cache.sqlite")); }

    bool startSim()
    {
        m_sim = std::make_unique<SimulatorProcess>();
        QStringList args = m_simArgs;
        if (m_port)
            args << QStringLiteral("--port") << QString::number(m_port);
        if (!m_sim->start(args)) {
            qWarning("%s", qPrintable(m_sim->errorString()));
            return false;
        }
        m_port = quint16(m_sim->url().port());
        return true;
    }

    QJsonObject stats() const { return m_sim->control("GET", QStringLiteral("/_sim/stats")); }
    void resetStats() const { m_sim->control("DELETE", QStringLiteral("/_sim/stats")); }
    static qint64 num(const QJsonObject &o, const char *key)
    {
        return qint64(o.value(QLatin1String(key)).toDouble());
    }
    static qint64 byStatus(const QJsonObject &stats, int status)
    {
        return qint64(stats.value(QLatin1String("byStatus"))
                          .toObject()
                          .value(QString::number(status))
                          .toDouble());
    }
    // Requests that did useful work: not dropped, cut, garbled, failed or rate limited.
    static qint64 useful(const QJsonObject &s)
    {
        return num(s, "requests") - num(s, "dropped") - num(s, "truncated") - num(s, "malformed")
            - num(s, "injectedErrors") - byStatus(s, 429);
    }

    struct Run {
        bool finished = false;
        SyncOutcome outcome;
        qint64 ms = 0;
        qint64 cancelToFinishMs = -1;
    };

    Run sync(const GatewayCallOptions &options, int cancelAfterMs = -1, int timeoutMs = 120000)
    {
        Run run;
        SyncService service;
        QSignalSpy done(&service, &SyncService::finished);
        auto *client = new GatewayClient;
        client->setOptions(options);
        client->setEndpoint(m_sim ? m_sim->url()
                                  : QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)),
                            QStringLiteral("wa_demo"));
        QElapsedTimer timer, sinceCancel;
        timer.start();
        if (!service.start(dbPath(), client, m_session)) {
            delete client;
            return run;
        }
        if (cancelAfterMs >= 0) {
            QTimer::singleShot(cancelAfterMs, &service, [&] {
                sinceCancel.start();
                service.cancel();
            });
        }
        run.finished = done.wait(timeoutMs);
        run.ms = timer.elapsed();
        if (sinceCancel.isValid())
            run.cancelToFinishMs = sinceCancel.elapsed();
        if (run.finished)
            run.outcome = done.first().first().value<SyncOutcome>();
        return run;
    }

    // Integrity and a digest of what is stored (only this session is ever synced here).
    Snapshot snapshot() const { return readCacheFingerprint(dbPath()); }

    QString firstLid() const
    {
        QString lid;
        const QString name = QUuid::createUuid().toString();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(dbPath());
            if (db.open()) {
                QSqlQuery q(db);
                q.exec(QStringLiteral("SELECT lid FROM contacts ORDER BY lid LIMIT 1"));
                if (q.next())
                    lid = q.value(0).toString();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return lid;
    }

    // ContactActions::unblock as the window runs it: a SignInController signed in with the
    // token in the real keychain, and the profile's services for the action and its audit.
    void unblockThroughTheConsole(const QString &lid, const QJsonObject &faults, bool *ok,
                                  QString *text, QList<AuditEntry> *audit)
    {
        const QString profile =
            QStringLiteral("faults-%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
        ProfileStore store(m_dir.filePath(QStringLiteral("profiles.ini")));
        CredentialStore keychain;
        SignInController signIn(&store, &keychain);
        GatewayProfile p;
        p.name = profile;
        p.baseUrl = m_sim->url();
        p.tokenKind = TokenKind::ApiKey;
        std::optional<SignInOutcome> in;
        signIn.signIn(p, QStringLiteral("wa_demo"), this, [&](const SignInOutcome &o) { in = o; });
        QTRY_VERIFY_WITH_TIMEOUT(in.has_value(), 30000);
        QVERIFY2(in->ok, qPrintable(in->problem));

        ProfileServices::Options options;
        options.databasePath = dbPath();
        options.serveLocalApi = false;
        ProfileServices services(&signIn, options);
        QWidget window;
        ContactActions actions(&window);
        actions.setService(services.contactActions(), services.client());
        QSignalSpy finished(&actions, &ContactActions::finished);
        // Only the unblock counts, not the sign-in's own requests; the fault is for it alone.
        resetStats();
        g_attempts = 0;
        if (!faults.isEmpty())
            QVERIFY(m_sim->setFaults(faults));
        actions.unblock(m_session, lid);
        QVERIFY(finished.wait(30000));
        QVERIFY(m_sim->clearFaults());
        *ok = finished.first().at(0).toBool();
        *text = finished.first().at(1).toString();
        QVERIFY(services.writer()->waitUntilIdle());
        QString error;
        std::unique_ptr<CacheDatabase> db = CacheDatabase::open(dbPath(), CacheDatabase::Mode::Read,
                                                                &error);
        QVERIFY2(db, qPrintable(error));
        AuditLog log(*db);
        AuditLog::Query query;
        query.sessionId = m_session;
        *audit = log.list(query).value_or(QList<AuditEntry>());

        std::optional<SignInOutcome> out;
        signIn.signOut(false, this, [&](const SignInOutcome &o) { out = o; });
        QTRY_VERIFY_WITH_TIMEOUT(out.has_value(), 30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<SyncOutcome>();
        qRegisterMetaType<SyncProgress>();
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("gc-faultmatrix-test"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
        QLoggingCategory::setFilterRules(QStringLiteral("gc.gateway.debug=true"));
        g_previousHandler = qInstallMessageHandler(countingHandler);

        // 1,000 contacts in full pages of 200: five pages and the trailing empty one, the
        // groups, eight member lists: 15 requests per clean sync.
        m_simArgs = QStringList{QStringLiteral("--seed"),
                                QStringLiteral("5"),
                                QStringLiteral("--sessions"),
                                QStringLiteral("1"),
                                QStringLiteral("--foreign-sessions"),
                                QStringLiteral("0"),
                                QStringLiteral("--contacts"),
                                QStringLiteral("1000"),
                                QStringLiteral("--groups"),
                                QStringLiteral("8"),
                                QStringLiteral("--members"),
                                QStringLiteral("400")};
        QVERIFY(startSim());
        m_session = m_sim->workingSession().id;
        QVERIFY(!m_session.isEmpty());

        resetStats();
        const Run first = sync(GatewayCallOptions());
        QVERIFY(first.finished);
        QVERIFY2(first.outcome.ok(), qPrintable(first.outcome.message));
        // The second clean sync is the reference: a full pass over a cache that has it all.
        resetStats();
        const Run clean = sync(GatewayCallOptions());
        QVERIFY2(clean.outcome.ok(), qPrintable(clean.outcome.message));
        const QJsonObject s = stats();
        m_cleanUseful = useful(s);
        m_cleanLogical = clean.outcome.requests;
        QCOMPARE(num(s, "requests"), m_cleanLogical);
        m_clean = snapshot();
        QCOMPARE(m_clean.integrity, QStringLiteral("ok"));
        QCOMPARE(m_clean.contacts, qint64(m_sim->workingSession().contacts));
        // A multiple of the page size: the last full page carries a cursor to an empty page,
        // which the sync fetches and finishes on.
        QCOMPARE(m_sim->workingSession().contacts % SyncOptions().pageSize, 0);
        QCOMPARE(m_cleanLogical, qint64(15));
        QVERIFY(m_clean.groups > 0 && m_clean.members > 0);
        qInfo("clean sync: %lld requests, %lld ms; %s", m_cleanLogical, clean.ms,
              qPrintable(m_clean.describe()));
    }

    void cleanupTestCase() { qInstallMessageHandler(g_previousHandler); }

    void shouldReportEachFaultAndKeepTheCache_data()
    {
        QTest::addColumn<FaultCase>("row");

        using S = SyncOutcome::Status;
        using K = GatewayError::Kind;
        auto f = [](std::initializer_list<QPair<QString, QJsonValue>> items) {
            QJsonObject o;
            for (const auto &kv : items)
                o.insert(kv.first, kv.second);
            return o;
        };
        const FaultCase row;
        // Retry bounds: a sync has at most 2 requests in flight when the first one fails (the
        // first contacts page and the groups), each tried 1 + RetryPolicy::maxRetries (3) times.
        const int failing = 2 * 4;
        // Connection resets: Qt's HTTP layer re-sends a GET once more by itself when the
        // connection closes before any answer, hence up to 3 requests on the wire per attempt.
        // Rows that complete: the clean sync's 15 requests plus what the fault may waste. The
        // hard per-request bound there is (1 + 3) client attempts x (1 + 8) engine back-offs;
        // the numbers below are tighter ceilings for these fault patterns, and every row also
        // checks that the useful requests equal the clean sync's (nothing fetched twice) and the
        // client's attempts stay within 1 + 3 per request the engine sent.
        const int clean = 15; // requests of a clean sync
        QTest::newRow("gateway down") << row.withSpecial(Special::GatewayDown)
                                             .expecting(S::Failed, K::Network)
                                             .saying("cannot be reached")
                                             .simulatorSeesAtMost(0);
        QTest::newRow("slow 10 s, client timeout 1 s") << row.withFaults(f({{"latencyMs", 10000}}))
                                                              .withTransferTimeoutMs(1000)
                                                              .expecting(S::Failed, K::Timeout)
                                                              .saying("did not answer in time")
                                                              .simulatorSeesAtMost(failing);
        QTest::newRow("slow 10 s, cancelled") << row.withFaults(f({{"latencyMs", 10000}}))
                                                     .withSpecial(Special::CancelSlow)
                                                     .expecting(S::Cancelled, K::None)
                                                     .saying("cancelled")
                                                     .simulatorSeesAtMost(2);
        QTest::newRow("500 on everything")
            << row.withFaults(f({{"errorRate", 1.0}, {"errorStatus", "500"}}))
                   .expecting(S::Failed, K::Api)
                   .saying("internal error")
                   .showingRequestId()
                   .simulatorSeesAtMost(2);
        QTest::newRow("503 burst of 1.5 s")
            << row.withFaults(f({{"errorRate", 1.0}, {"errorStatus", "503"}}))
                   .withSpecial(Special::ClearAfter)
                   .expecting(S::Completed, K::None)
                   .saying("Synced")
                   .simulatorSeesAtMost(clean + 60);
        QTest::newRow("500/503 mixed at 30%")
            << row.withFaults(f({{"errorRate", 0.3}, {"errorStatus", "mixed"}}))
                   .expecting(S::Failed, K::Api)
                   .saying("internal error")
                   .showingRequestId()
                   .simulatorSeesAtMost(clean + 60);
        QTest::newRow("429 storm (4 ok, 6 refused)")
            << row.withFaults(f({{"rateLimitEvery", 4}, {"rateLimitBurst", 6}}))
                   .expecting(S::Completed, K::None)
                   .saying("Synced")
                   .simulatorSeesAtMost(clean * 4 + 60);
        QTest::newRow("429 with Retry-After: 1")
            << row.withFaults(f({{"rateLimitEvery", 6}, {"rateLimitBurst", 2}, {"retryAfter", 1}}))
                   .expecting(S::Completed, K::None)
                   .saying("Synced")
                   .simulatorSeesAtMost(clean * 2 + 10);
        QTest::newRow("malformed JSON") << row.withFaults(f({{"malformedRate", 1.0}}))
                                               .expecting(S::Failed, K::InvalidResponse)
                                               .saying("could not be read")
                                               .showingRequestId()
                                               .simulatorSeesAtMost(2);
        QTest::newRow("truncated JSON") << row.withFaults(f({{"truncateRate", 1.0}}))
                                               .expecting(S::Failed, K::Network)
                                               .saying("closed before the whole answer")
                                               .showingRequestId()
                                               .simulatorSeesAtMost(failing);
        QTest::newRow("truncated JSON at 20%") << row.withFaults(f({{"truncateRate", 0.2}}))
                                                      .expecting(S::Completed, K::None)
                                                      .saying("Synced")
                                                      .simulatorSeesAtMost(clean + clean);
        QTest::newRow("connection reset on every request") << row.withFaults(f({{"dropRate", 1.0}}))
                                                                  .expecting(S::Failed, K::Network)
                                                                  .saying("cannot be reached")
                                                                  .simulatorSeesAtMost(failing * 3);
        QTest::newRow("connection reset at 10%") << row.withFaults(f({{"dropRate", 0.1}}))
                                                        .expecting(S::Completed, K::None)
                                                        .saying("Synced")
                                                        .simulatorSeesAtMost(clean + clean * 3);
        QTest::newRow("session disconnects between sync and unblock")
            << row.withSpecial(Special::DisconnectUnblock)
                   .expecting(S::Failed, K::Api)
                   .saying("not connected")
                   .showingRequestId()
                   .simulatorSeesAtMost(1)
                   .auditedAs("not_implemented");
        // The gateway answers 500 "internal"; the console reads the session once to say why.
        QTest::newRow("session starting when unblocking")
            << row.withSpecial(Special::StartingUnblock)
                   .expecting(S::Failed, K::Api)
                   .saying("still connecting")
                   .showingRequestId()
                   .simulatorSeesAtMost(2)
                   .auditedAs("internal");
        // A live action is never retried by the console once it may have reached the gateway.
        // Qt 6.4's HTTP layer itself sends it once more when the connection closes before any
        // answer (see tst_gatewayclient::liveActionIsNotRepeatedAfterALostAnswer: accepted, as
        // block/unblock are idempotent at the gateway); so one attempt of ours, at most two
        // requests on the wire.
        QTest::newRow("connection reset on unblock") << row.withFaults(f({{"dropRate", 1.0}}))
                                                            .withSpecial(Special::Unblock)
                                                            .expecting(S::Failed, K::Network)
                                                            .saying("may have reached it")
                                                            .simulatorSeesAtMost(2)
                                                            .auditedAs("network");
    }

    void shouldReportEachFaultAndKeepTheCache()
    {
        QFETCH(FaultCase, row);
        const QJsonObject &faults = row.faults;
        const Special special = row.special;
        const int status = int(row.status);
        const int kind = int(row.kind);
        const bool unblockRow = row.isUnblock();

        // GIVEN a complete sync in the cache, and the row's fault
        QVERIFY(m_sim);
        QVERIFY2(snapshot().sameData(m_clean), qPrintable(m_clean.describe()));

        GatewayCallOptions options;
        if (row.transferTimeoutMs > 0)
            options.transferTimeoutMs = row.transferTimeoutMs;
        resetStats();
        g_attempts = 0;
        if (!faults.isEmpty() && !unblockRow)
            QVERIFY(m_sim->setFaults(faults));

        // WHEN a sync, or the console's unblock, meets it
        QString message;
        int gotStatus = -1, gotKind = -1;
        qint64 logical = 0;
        Run run;
        if (unblockRow) {
            const QString lid = firstLid();
            QVERIFY(!lid.isEmpty());
            if (special == Special::DisconnectUnblock)
                QVERIFY(m_sim->setSessionStatus(m_session, QStringLiteral("stopped")));
            if (special == Special::StartingUnblock)
                QVERIFY(m_sim->setSessionStatus(m_session, QStringLiteral("starting")));
            bool ok = true;
            QList<AuditEntry> audit;
            unblockThroughTheConsole(lid, faults, &ok, &message, &audit);
            if (QTest::currentTestFailed())
                return;
            QVERIFY(!ok);
            gotStatus = int(SyncOutcome::Status::Failed);
            gotKind = kind; // checked through the audit entry's result and the text
            logical = 1;
            // The audit entry: what was tried, the gateway's code, its request id.
            QVERIFY(!audit.isEmpty());
            const AuditEntry &e = audit.first();
            QCOMPARE(e.action, QStringLiteral("unblock"));
            QCOMPARE(e.contact, lid);
            QCOMPARE(e.result, row.auditResult);
            QCOMPARE(e.origin, AuditOrigin::Console);
            if (special == Special::StartingUnblock) // the audit keeps why, too
                QVERIFY2(e.detail.contains(QLatin1String("starting")), qPrintable(e.detail));
            QVERIFY(!e.detail.isEmpty());
            if (row.requestId) {
                QVERIFY2(kRequestId.match(e.requestId).hasMatch(), qPrintable(e.requestId));
                QVERIFY2(message.contains(e.requestId),
                         qPrintable(message)); // the one the person reads
                QVERIFY(e.detail.contains(e.requestId));
            }
            if (special == Special::DisconnectUnblock || special == Special::StartingUnblock)
                QVERIFY(m_sim->setSessionStatus(m_session, QStringLiteral("working")));
            qInfo("%s: %s", QTest::currentDataTag(), qPrintable(message));
        } else {
            if (special == Special::GatewayDown)
                m_sim.reset(); // stopped: connections to its port are refused
            if (special == Special::ClearAfter)
                QTimer::singleShot(1500, this, [this] { m_sim->clearFaults(); });
            run = sync(options, special == Special::CancelSlow ? 300 : -1);
            QVERIFY2(run.finished, "the sync did not finish");
            message = run.outcome.message;
            gotStatus = int(run.outcome.status);
            gotKind = int(run.outcome.error.kind);
            logical = run.outcome.requests;
            qInfo("%s: %lld ms, %lld logical requests, %d client attempts: %s",
                  QTest::currentDataTag(), run.ms, logical, g_attempts.load(), qPrintable(message));
            if (special == Special::GatewayDown) {
                QVERIFY(startSim()); // the same port, seed and data
                resetStats();
            }
        }

        // THEN it is reported clearly
        QCOMPARE(gotStatus, status);
        QCOMPARE(gotKind, kind);
        QVERIFY2(message.contains(row.needle, Qt::CaseInsensitive), qPrintable(message));
        if (row.requestId)
            QVERIFY2(kRequestId.match(message).hasMatch(), qPrintable(message));
        else if (gotStatus != int(SyncOutcome::Status::Completed))
            QVERIFY2(!message.contains(QLatin1String("[req_")),
                     qPrintable(message)); // no id invented

        // AND within the retry bounds: what the simulator saw, and what the client tried
        const QJsonObject s = stats();
        const qint64 seen = num(s, "requests");
        qInfo("%s: the simulator saw %lld requests (%lld useful, %lld 429, %lld injected, %lld "
              "dropped, %lld cut, %lld garbled)",
              QTest::currentDataTag(), seen, useful(s), byStatus(s, 429), num(s, "injectedErrors"),
              num(s, "dropped"), num(s, "truncated"), num(s, "malformed"));
        QVERIFY2(seen <= row.maxRequests, qPrintable(QString::number(seen)));
        const int attemptsPerRequest = 1 + options.retry.maxRetries;
        if (!unblockRow)
            QVERIFY2(g_attempts <= logical * attemptsPerRequest,
                     qPrintable(QStringLiteral("%1 attempts for %2 requests")
                                    .arg(g_attempts.load())
                                    .arg(logical)));
        if (special == Special::GatewayDown) {
            QVERIFY2(g_attempts >= attemptsPerRequest,
                     qPrintable(QString::number(g_attempts.load()))); // it did retry
            QVERIFY2(run.ms < 15000, qPrintable(QString::number(run.ms)));
        }
        if (special == Special::CancelSlow)
            QVERIFY2(run.cancelToFinishMs >= 0 && run.cancelToFinishMs < 1000,
                     qPrintable(QString::number(run.cancelToFinishMs)));
        if (unblockRow) {
            // Sent once by the console, never retried (plus the status read after a 500).
            QCOMPARE(g_attempts.load(), special == Special::StartingUnblock ? 2 : 1);
            if (special == Special::StartingUnblock)
                QCOMPARE(byStatus(s, 500), qint64(1));
            if (special == Special::DisconnectUnblock) {
                QCOMPARE(seen, qint64(1)); // a 501 is an answer: the gateway saw it once
                QCOMPARE(byStatus(s, 501), qint64(1));
            }
        }
        if (faults.contains(QLatin1String("retryAfter")))
            QVERIFY2(run.ms >= 1000 * faults.value(QLatin1String("retryAfter")).toInt(),
                     qPrintable(QString::number(run.ms))); // the Retry-After was waited out
        if (gotStatus == int(SyncOutcome::Status::Completed)) {
            QVERIFY2(seen > m_cleanUseful, "the fault never hit: the row proves nothing");
            QCOMPARE(useful(s), m_cleanUseful); // nothing fetched twice once it had arrived
        }

        // AND the cache is intact, everything of the complete sync still there
        QVERIFY(m_sim->clearFaults());
        const Snapshot after = snapshot();
        QCOMPARE(after.integrity, QStringLiteral("ok"));
        QVERIFY2(after.sameData(m_clean),
                 qPrintable(after.describe() + QStringLiteral(" vs ") + m_clean.describe()));

        // AND the next sync without the fault completes, with the same data
        const Run next = sync(GatewayCallOptions());
        QVERIFY(next.finished);
        QVERIFY2(next.outcome.ok(), qPrintable(next.outcome.message));
        const Snapshot again = snapshot();
        QCOMPARE(again.integrity, QStringLiteral("ok"));
        QVERIFY2(again.sameData(m_clean), qPrintable(again.describe()));
    }
};

QTEST_MAIN(TestFaultMatrix)
#include "tst_faultmatrix.moc"
