// The sync engine against the simulator over real HTTP, into a real SQLite file.
#include "cache/CacheDatabase.h"
#include "cache/CacheReader.h"
#include "cache/CacheWriter.h"
#include "cache/SearchIndexer.h"
#include "gateway/GatewayClient.h"
#include "sync/SyncEngine.h"

#include "SimulatorProcess.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestSyncEngine : public QObject
{
    Q_OBJECT
private:
    SimulatorProcess sim;
    QTemporaryDir dir;
    std::unique_ptr<CacheDatabase> db;
    std::unique_ptr<CacheWriter> writer;
    std::unique_ptr<SearchIndexer> indexer;
    std::unique_ptr<CacheReader> reader;
    GatewayClient *client = nullptr;
    SyncEngine *engine = nullptr;
    SimulatorProcess::Session session;

    SyncOutcome runSync(const SyncOptions &options = {})
    {
        QSignalSpy done(engine, &SyncEngine::finished);
        if (!engine->start(session.id, options))
            qFatal("the engine refused to start");
        if (!done.wait(60000))
            qFatal("the sync did not finish");
        return done.first().first().value<SyncOutcome>();
    }

    qint64 count(const char *table)
    {
        QSqlQuery q(db->database());
        q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
        q.next();
        return q.value(0).toLongLong();
    }

    qint64 contactCount()
    {
        ContactFilter f;
        f.sessionId = session.id;
        return reader->countContacts(f)->value;
    }

    qint64 memberCount()
    {
        qint64 n = 0;
        const QList<CachedGroup> groups = reader->groups(session.id).value_or(QList<CachedGroup>());
        for (const CachedGroup &g : groups)
            n += reader->members(session.id, g.group.groupJid)->size();
        return n;
    }

    QJsonObject mutate(const QJsonObject &change)
    {
        return sim.control("POST", QStringLiteral("/_sim/sessions/%1/mutate").arg(session.id),
                           change);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<SyncOutcome>();
        qRegisterMetaType<SyncProgress>();
        QVERIFY2(
            sim.start({QStringLiteral("--seed"), QStringLiteral("11"), QStringLiteral("--sessions"),
                       QStringLiteral("1"), QStringLiteral("--contacts"), QStringLiteral("2500"),
                       QStringLiteral("--groups"), QStringLiteral("40"),
                       QStringLiteral("--members"), QStringLiteral("5000")}),
            qPrintable(sim.errorString()));
        session = sim.workingSession();
        QVERIFY(dir.isValid());
        QString error;
        db = CacheDatabase::open(dir.filePath(QStringLiteral("cache.sqlite")),
                                 CacheDatabase::Mode::ReadWrite, &error);
        QVERIFY2(db, qPrintable(error));
        writer = std::make_unique<CacheWriter>(*db);
        indexer = std::make_unique<SearchIndexer>(*db);
        reader = std::make_unique<CacheReader>(*db);
        client = new GatewayClient(this);
        client->setEndpoint(sim.url(), QStringLiteral("wa_demo"));
        GatewayCallOptions options;
        options.retry.baseDelayMs = 10;
        options.retry.maxDelayMs = 50;
        client->setOptions(options);
        engine = new SyncEngine(client, db->path(), this);
        engine->setReader(reader.get());
    }

    void init() { QVERIFY(sim.clearFaults()); }

    void syncsEverythingToCompletion()
    {
        QSignalSpy progress(engine, &SyncEngine::progress);
        const SyncOutcome outcome = runSync();
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));
        QCOMPARE(outcome.contacts, qint64(session.contacts));
        QCOMPARE(outcome.groups, qint64(session.groups));
        QCOMPARE(outcome.members, qint64(session.members));
        QCOMPARE(contactCount(), qint64(session.contacts));
        QCOMPARE(reader->groups(session.id)->size(), session.groups);
        QCOMPARE(memberCount(), qint64(session.members));
        QVERIFY(progress.count() > 3);
        QVERIFY(reader->lastCompleteSyncAt(session.id).has_value());

        // Search works straight after a sync: the index was brought up to date.
        QVERIFY(indexer->pendingRows() == 0);
    }

    void shouldCountOnlyItsOwnRun()
    {
        // Given an engine that has just completed a sync of the session
        const SyncOutcome first = runSync();
        QVERIFY2(first.ok(), qPrintable(first.message));

        // When it syncs the same session again
        const SyncOutcome second = runSync();

        // Then the second outcome reports that run alone: every row once, nothing carried
        // over from the first
        QVERIFY2(second.ok(), qPrintable(second.message));
        QCOMPARE(second.contacts, qint64(session.contacts));
        QCOMPARE(second.groups, qint64(session.groups));
        QCOMPARE(second.members, qint64(session.members));
        QCOMPARE(second.requests, first.requests);
    }

    void refusesASecondSyncWhileOneRuns()
    {
        QSignalSpy done(engine, &SyncEngine::finished);
        QVERIFY(engine->start(session.id));
        QVERIFY(!engine->start(session.id));
        QVERIFY(done.wait(60000));
        QCOMPARE(done.count(), 1);
    }

    void staysWithinItsRequestBound()
    {
        QVERIFY(sim.setFaults({{QStringLiteral("latencyMs"), 20}}));
        sim.control("DELETE", QStringLiteral("/_sim/stats"));
        SyncOptions options;
        options.maxInFlight = 3;
        QVERIFY(runSync(options).ok());
        const int maxInFlight = sim.control("GET", QStringLiteral("/_sim/stats"))
                                    .value(QStringLiteral("maxInFlight"))
                                    .toInt();
        QVERIFY2(maxInFlight <= 3 && maxInFlight >= 2, qPrintable(QString::number(maxInFlight)));
    }

    void sweepsVanishedRowsAfterACompletePass()
    {
        const QJsonObject changed = mutate({{QStringLiteral("removeContacts"), 25},
                                            {QStringLiteral("removeMemberships"), 30},
                                            {QStringLiteral("addContacts"), 5}});
        const QJsonArray removed = changed.value(QStringLiteral("removed")).toArray();
        QCOMPARE(removed.size(), 25);
        const qint64 contactsBefore = contactCount();
        const qint64 membersBefore = memberCount();
        QVERIFY(runSync().ok());
        QCOMPARE(contactCount(), contactsBefore - 25 + 5);
        QVERIFY(memberCount() <= membersBefore - 30);
        QVERIFY(!reader->contact(session.id, removed.first().toString()));
    }

    void aFailedSyncKeepsTheLastCompleteDataAndResumes()
    {
        const qint64 contactsBefore = contactCount();
        const QJsonArray removed = mutate({{QStringLiteral("removeContacts"), 10}})
                                       .value(QStringLiteral("removed"))
                                       .toArray();

        // The gateway breaks part-way: every answer after a few is a 500.
        QVERIFY(sim.setFaults({{QStringLiteral("latencyMs"), 30}}));
        QSignalSpy progress(engine, &SyncEngine::progress);
        QSignalSpy done(engine, &SyncEngine::finished);
        QVERIFY(engine->start(session.id));
        QTRY_VERIFY_WITH_TIMEOUT(progress.count() >= 4, 30000);
        QVERIFY(sim.setFaults({{QStringLiteral("errorRate"), 1.0},
                               {QStringLiteral("errorStatus"), QStringLiteral("500")}}));
        QVERIFY(done.wait(60000));
        const SyncOutcome failed = done.first().first().value<SyncOutcome>();
        QCOMPARE(int(failed.status), int(SyncOutcome::Status::Failed));
        QVERIFY(failed.error.hasCode(QLatin1String("internal")));
        QVERIFY(!failed.error.requestId.isEmpty());
        QVERIFY(failed.message.contains(failed.error.requestId));

        // Nothing was swept: the removed contacts are still there, and the cache is sound.
        QCOMPARE(contactCount(), contactsBefore);
        QVERIFY(reader->contact(session.id, removed.first().toString()));
        QSqlQuery check(db->database());
        QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
        QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
        check.finish(); // an unfinished statement keeps its read snapshot: the sync writes on its
                        // own connection

        // The next sync resumes from the saved cursor and completes the sweep.
        QVERIFY(sim.clearFaults());
        sim.control("DELETE", QStringLiteral("/_sim/stats"));
        const SyncOutcome resumed = runSync();
        QVERIFY2(resumed.ok(), qPrintable(resumed.message));
        QVERIFY2(resumed.contacts < contactsBefore, "the resumed pass fetched every page again");
        QCOMPARE(contactCount(), contactsBefore - 10);
        QVERIFY(!reader->contact(session.id, removed.first().toString()));
    }

    void cancelLosesNothing()
    {
        const qint64 before = contactCount();
        QVERIFY(sim.setFaults({{QStringLiteral("latencyMs"), 50}}));
        QSignalSpy progress(engine, &SyncEngine::progress);
        QSignalSpy done(engine, &SyncEngine::finished);
        QVERIFY(engine->start(session.id));
        QTRY_VERIFY_WITH_TIMEOUT(progress.count() >= 2, 30000);
        engine->cancel();
        QCOMPARE(done.count(), 1);
        QCOMPARE(int(done.first().first().value<SyncOutcome>().status),
                 int(SyncOutcome::Status::Cancelled));
        QVERIFY(!engine->isRunning());
        QCOMPARE(contactCount(), before);
    }

    void ridesOutRateLimits()
    {
        QVERIFY(sim.setFaults(
            {{QStringLiteral("rateLimitEvery"), 5}, {QStringLiteral("rateLimitBurst"), 2}}));
        const SyncOutcome outcome = runSync();
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));
    }

    void deepSyncFetchesEveryDetail()
    {
        SyncOptions deep;
        deep.deep = true;
        const SyncOutcome outcome = runSync(deep);
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));
        QCOMPARE(outcome.details, contactCount());
        ContactFilter all;
        all.sessionId = session.id;
        const std::optional<ContactPage> page = reader->contacts(all, {}, 20);
        QVERIFY(page && !page->rows.isEmpty());
        for (const CachedContact &c : page->rows) {
            const std::optional<CachedContactDetail> detail = reader->contact(session.id,
                                                                              c.contact.lid);
            QVERIFY(detail && detail->contact.detailSyncedAt.has_value());
        }
    }

    void reportsAnUnknownSession()
    {
        QSignalSpy done(engine, &SyncEngine::finished);
        QVERIFY(engine->start(QStringLiteral("01NOSUCHSESSION0000000000")));
        QVERIFY(done.wait(30000));
        const SyncOutcome outcome = done.first().first().value<SyncOutcome>();
        QVERIFY(!outcome.ok());
        QVERIFY(outcome.error.hasCode(QLatin1String("not_found")));
    }

    void cleanupTestCase()
    {
        delete engine;
        reader.reset();
        indexer.reset();
        writer.reset();
        db.reset();
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
