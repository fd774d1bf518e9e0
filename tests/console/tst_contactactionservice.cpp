// ContactActionService, the one path of block and unblock: the window's ContactActions and
// the local API's route send through it, against the simulator with its fault knobs, and
// their audit entries must agree field by field (only the origin and the request id differ).
// Audit entries are written on the BackgroundWriter's thread: a click never waits for a sync
// transaction's write lock.
#include "ContactActions.h"
#include "actions/ContactActionService.h"
#include "auth/ProfileStore.h"
#include "auth/SignInController.h"
#include "cache/AuditLog.h"
#include "cache/BackgroundWriter.h"
#include "cache/CacheDatabase.h"
#include "console/ProfileServices.h"
#include "gateway/GatewayClient.h"
#include "localapi/LocalApiService.h"

#include "HttpTestClient.h"
#include "SimulatorProcess.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>
#include <QWidget>

namespace {

constexpr int kTimeoutMs = 30000;

// The entries of the log, newest first.
QList<AuditEntry> auditEntries(const QString &path)
{
    QString error;
    std::unique_ptr<CacheDatabase> db = CacheDatabase::open(path, CacheDatabase::Mode::Read,
                                                            &error);
    if (!db)
        return {};
    AuditLog log(*db);
    AuditLog::Query q;
    q.limit = 1000;
    return log.list(q).value_or(QList<AuditEntry>());
}

} // namespace

class TestContactActionService : public QObject
{
    Q_OBJECT
private:
    SimulatorProcess m_sim;
    QTemporaryDir m_dir;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<SignInController> m_signIn;
    std::unique_ptr<ProfileServices> m_services;
    QString m_lid;

    QString databasePath() const { return m_dir.filePath(QStringLiteral("cache.sqlite")); }

    // Unblock through the window's ContactActions; the sentence it showed.
    QString unblockFromTheWindow(const QString &session)
    {
        QWidget window;
        ContactActions actions(&window);
        actions.setService(m_services->contactActions(), m_services->client());
        QSignalSpy finished(&actions, &ContactActions::finished);
        actions.unblock(session, m_lid);
        if (!finished.wait(kTimeoutMs))
            return QStringLiteral("(no answer)");
        return finished.first().at(1).toString();
    }

    // Unblock through the local API; its HTTP status.
    int unblockFromTheLocalApi(const QString &session)
    {
        LocalApiService *api = m_services->localApi();
        const quint16 port = quint16(api->url().port());
        const QByteArray target = "/api/v1/sessions/" + session.toUtf8() + "/contacts/"
            + m_lid.toUtf8().replace("@", "%40") + "/unblock";
        return roundTrip(port, httpRequest("POST", target, port, api->token()), kTimeoutMs).status;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sim.start({QStringLiteral("--seed"), QStringLiteral("3"),
                              QStringLiteral("--disconnected"), QStringLiteral("1"),
                              QStringLiteral("--contacts"), QStringLiteral("30")}),
                 qPrintable(m_sim.errorString()));
        m_store = std::make_unique<ProfileStore>(m_dir.filePath(QStringLiteral("profiles.ini")));
        m_signIn = std::make_unique<SignInController>(m_store.get());
        GatewayProfile p;
        p.name = QStringLiteral("actions-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        p.baseUrl = m_sim.url();
        p.tokenKind = TokenKind::ApiKey;
        std::optional<SignInOutcome> in;
        m_signIn->signIn(p, QStringLiteral("wa_demo"), this,
                         [&](const SignInOutcome &o) { in = o; });
        QTRY_VERIFY_WITH_TIMEOUT(in.has_value(), kTimeoutMs);
        QVERIFY2(in->ok, qPrintable(in->problem));

        ProfileServices::Options options;
        options.databasePath = databasePath();
        options.localApiPort = 0;
        options.writeDiscoveryFile = false;
        m_services = std::make_unique<ProfileServices>(m_signIn.get(), options);
        m_services->start();
        QSignalSpy listening(m_services->localApi(), &LocalApiService::listening);
        QVERIFY(m_services->localApi()->isListening() || listening.wait(kTimeoutMs));

        // A contact the gateway knows, for the requests to name.
        std::optional<GatewayResult<Page<Contact>>> page;
        m_services->client()->listContacts(
            m_sim.workingSession().id, {}, this,
            [&](const GatewayResult<Page<Contact>> &r) { page = r; });
        QTRY_VERIFY_WITH_TIMEOUT(page.has_value(), kTimeoutMs);
        QVERIFY(page->ok() && !page->value->items.isEmpty());
        m_lid = page->value->items.first().lid;
    }

    void cleanupTestCase()
    {
        m_services.reset();
        m_signIn.reset();
    }

    void cleanup() { QVERIFY(m_sim.clearFaults()); }

    void shouldAuditAFaultTheSameFromTheWindowAndTheLocalApi_data()
    {
        QTest::addColumn<QString>("sessionKind");
        QTest::addColumn<QJsonObject>("faults");
        QTest::addColumn<QString>("result");
        QTest::addColumn<int>("httpStatus");
        QTest::newRow("done") << "working" << QJsonObject() << "ok" << 204;
        QTest::newRow("unknown session") << "unknown" << QJsonObject() << "not_found" << 404;
        QTest::newRow("not connected")
            << "disconnected" << QJsonObject() << "not_implemented" << 501;
        QTest::newRow("gateway error")
            << "working" << QJsonObject{{"errorRate", 1.0}, {"errorStatus", QStringLiteral("500")}}
            << "internal" << 500;
        QTest::newRow("connection dropped")
            << "working" << QJsonObject{{"dropRate", 1.0}} << "network" << 503;
    }

    void shouldAuditAFaultTheSameFromTheWindowAndTheLocalApi()
    {
        QFETCH(QString, sessionKind);
        QFETCH(QJsonObject, faults);
        QFETCH(QString, result);
        QFETCH(int, httpStatus);
        // GIVEN a session of that kind and the fault switched on
        const QString session = sessionKind == QLatin1String("working") ? m_sim.workingSession().id
            : sessionKind == QLatin1String("disconnected") ? m_sim.disconnectedSession().id
                                                           : QStringLiteral("no-such-session");
        if (!faults.isEmpty())
            QVERIFY(m_sim.setFaults(faults));

        // WHEN the same unblock is asked from the window and from a local app
        const QString sentence = unblockFromTheWindow(session);
        const int status = unblockFromTheLocalApi(session);
        QVERIFY(m_services->writer()->waitUntilIdle());

        // THEN both audit entries say the same, but for their origin and request id
        QCOMPARE(status, httpStatus);
        QVERIFY(!sentence.isEmpty());
        const QList<AuditEntry> entries = auditEntries(databasePath());
        QVERIFY(entries.size() >= 2);
        const AuditEntry &api = entries.at(0);
        const AuditEntry &window = entries.at(1);
        QCOMPARE(window.origin, AuditOrigin::Console);
        QCOMPARE(api.origin, AuditOrigin::LocalApi);
        QCOMPARE(window.result, result);
        QCOMPARE(api.result, window.result);
        QCOMPARE(api.profile, window.profile);
        QCOMPARE(api.sessionId, window.sessionId);
        QCOMPARE(api.sessionId, session);
        QCOMPARE(api.contact, window.contact);
        QCOMPARE(api.contact, m_lid);
        QCOMPARE(api.action, window.action);
        QCOMPARE(api.action, QStringLiteral("unblock"));
        QCOMPARE(api.detail.isEmpty(), result == QLatin1String("ok"));
        // The gateway's request id differs per request; the detail ends with it.
        QCOMPARE(api.detail.section(QStringLiteral(" [req_"), 0, 0),
                 window.detail.section(QStringLiteral(" [req_"), 0, 0));
    }

    void shouldKeepTheWindowResponsiveWhileTheCacheIsLockedForWriting()
    {
        // GIVEN another writer (a sync's transaction) holding the cache's write lock
        QString error;
        std::unique_ptr<CacheDatabase> other = CacheDatabase::open(
            databasePath(), CacheDatabase::Mode::ReadWrite, &error);
        QVERIFY2(other, qPrintable(error));
        QSqlQuery lock(other->database());
        QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
        const int before = int(auditEntries(databasePath()).size());
        QWidget window;
        ContactActions actions(&window);
        actions.setService(m_services->contactActions(), m_services->client());
        QSignalSpy finished(&actions, &ContactActions::finished);
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start(10);

        // WHEN the window unblocks while the lock is held for another second
        actions.unblock(m_sim.workingSession().id, m_lid);
        QTest::qWait(1000);

        // THEN the window's thread kept running, and the action waits for its audit entry
        QVERIFY2(ticks >= 50, qPrintable(QString::number(ticks)));
        QVERIFY(finished.isEmpty());
        QVERIFY(actions.isBusy());

        // WHEN the lock is released THEN the answer comes, its audit entry already committed
        QVERIFY(lock.exec(QStringLiteral("COMMIT")));
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(finished.first().at(1).toString(), ContactActionService::tr("Unblocked."));
        const QList<AuditEntry> entries = auditEntries(databasePath());
        QCOMPARE(int(entries.size()), before + 1);
        QCOMPARE(entries.first().result, QStringLiteral("ok"));
    }
};

QTEST_MAIN(TestContactActionService)
#include "tst_contactactionservice.moc"
