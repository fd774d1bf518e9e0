// SyncService: a sync on the worker thread into a real cache file, from the simulator.
#include "cache/CacheDatabase.h"
#include "cache/CacheReader.h"
#include "gateway/GatewayClient.h"
#include "sync/SyncLock.h"
#include "sync/SyncService.h"

#include "SimulatorProcess.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <memory>

class TestSyncService : public QObject
{
    Q_OBJECT
private:
    SimulatorProcess sim;
    QTemporaryDir dir;

    GatewayClient *newClient()
    {
        auto *client = new GatewayClient;
        client->setEndpoint(sim.url(), QStringLiteral("wa_demo"));
        return client;
    }
    QString dbPath() const { return dir.filePath(QStringLiteral("cache.sqlite")); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(sim.start({QStringLiteral("--sessions"), QStringLiteral("2"),
                            QStringLiteral("--contacts"), QStringLiteral("1000"),
                            QStringLiteral("--groups"), QStringLiteral("20"),
                            QStringLiteral("--members"), QStringLiteral("2000")}),
                 qPrintable(sim.errorString()));
    }

    void syncsOffTheGuiThreadAndTheWindowCanRead()
    {
        SyncService service;
        QSignalSpy done(&service, &SyncService::finished);
        QThread *progressThread = nullptr;
        connect(&service, &SyncService::progress, this,
                [&] { progressThread = QThread::currentThread(); });
        const QString session = sim.primarySessions().first().id;
        QVERIFY(service.start(dbPath(), newClient(), session));
        QVERIFY(service.isRunning());
        QCOMPARE(service.runningSession(), session);
        const std::unique_ptr<GatewayClient> refused(newClient()); // not taken when refused
        QVERIFY(!service.start(dbPath(), refused.get(), session)); // one at a time
        QVERIFY(done.wait(60000));
        QVERIFY2(done.first().first().value<SyncOutcome>().ok(),
                 qPrintable(done.first().first().value<SyncOutcome>().message));
        QCOMPARE(progressThread, QThread::currentThread()); // signals arrive on the caller's thread
        QVERIFY(!service.isRunning());

        QString error;
        auto db = CacheDatabase::open(dbPath(), CacheDatabase::Mode::Read, &error);
        QVERIFY2(db, qPrintable(error));
        CacheReader reader(*db);
        ContactFilter all;
        all.sessionId = session;
        QCOMPARE(reader.countContacts(all)->value, qint64(sim.primarySessions().first().contacts));
    }

    void refusesASessionAnotherProcessIsSyncing()
    {
        const QString session = sim.primarySessions().at(1).id;
        SyncLock other(dbPath(), session); // as a terminal `sync` would hold it
        QVERIFY(other.tryLock());
        SyncService service;
        QSignalSpy done(&service, &SyncService::finished);
        QVERIFY(service.start(dbPath(), newClient(), session));
        QVERIFY(done.wait(30000));
        QCOMPARE(int(done.first().first().value<SyncOutcome>().status),
                 int(SyncOutcome::Status::Refused));
        other.unlock();
        QVERIFY(service.start(dbPath(), newClient(), session));
        QVERIFY(done.wait(60000));
        QVERIFY(done.last().first().value<SyncOutcome>().ok());
    }

    void destroyingTheServiceMidSyncIsClean()
    {
        QVERIFY(sim.setFaults({{QStringLiteral("latencyMs"), 100}}));
        {
            SyncService service;
            QSignalSpy progress(&service, &SyncService::progress);
            QVERIFY(service.start(dbPath(), newClient(), sim.primarySessions().first().id));
            QVERIFY(progress.wait(30000));
        }
        QVERIFY(sim.clearFaults());
        // The lock was released with the job: the next sync may run.
        SyncLock lock(dbPath(), sim.primarySessions().first().id);
        QVERIFY(lock.tryLock());
    }
};

QTEST_GUILESS_MAIN(TestSyncService)
#include "tst_syncservice.moc"
