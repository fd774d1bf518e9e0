// kill -9 of a syncing process at random points: the cache stays sound, nothing the last
// complete sync stored is lost, and the next sync completes and sweeps.
#include "cache/CacheDatabase.h"
#include "cache/CacheReader.h"

#include "SimulatorProcess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestSyncCrash : public QObject
{
    Q_OBJECT
private:
    SimulatorProcess sim;
    QTemporaryDir dir;
    QString session;

    QString dbPath() const { return dir.filePath(QStringLiteral("cache.sqlite")); }

    // Runs the child; kills it after killAfterMs (< 0: lets it finish). Returns its exit code,
    // or -9 when it was killed.
    int runChild(int killAfterMs)
    {
        QProcess child;
        child.start(QStringLiteral(SYNC_CHILD_PATH), {dbPath(), sim.url().toString(), session});
        if (!child.waitForStarted(10000))
            return -1;
        if (killAfterMs >= 0 && !child.waitForFinished(killAfterMs)) {
            child.kill(); // SIGKILL: no chance to clean up
            child.waitForFinished(10000);
            return -9;
        }
        child.waitForFinished(120000);
        return child.exitCode();
    }

    QSet<QString> cachedLids()
    {
        QString error;
        auto db = CacheDatabase::open(dbPath(), CacheDatabase::Mode::Read, &error);
        if (!db)
            qFatal("cannot open the cache: %s", qPrintable(error));
        QSqlQuery check(db->database());
        if (!check.exec(QStringLiteral("PRAGMA integrity_check")) || !check.next()
            || check.value(0).toString() != QLatin1String("ok"))
            qFatal("integrity_check failed");
        CacheReader reader(*db);
        ContactFilter all;
        all.sessionId = session;
        all.sort = ContactSort::Lid;
        QSet<QString> lids;
        QString cursor;
        do {
            const std::optional<ContactPage> page = reader.contacts(all, cursor, 500);
            if (!page)
                qFatal("reading failed: %s", qPrintable(reader.lastError()));
            for (const CachedContact &c : page->rows)
                lids.insert(c.contact.lid);
            cursor = page->nextCursor;
        } while (!cursor.isEmpty());
        return lids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(sim.start(
                     {QStringLiteral("--seed"), QStringLiteral("21"), QStringLiteral("--sessions"),
                      QStringLiteral("1"), QStringLiteral("--contacts"), QStringLiteral("6000"),
                      QStringLiteral("--groups"), QStringLiteral("60"), QStringLiteral("--members"),
                      QStringLiteral("9000"), QStringLiteral("--latency-ms"), QStringLiteral("3")}),
                 qPrintable(sim.errorString()));
        session = sim.workingSession().id;
    }

    void killedSyncsNeverLoseCompleteData()
    {
        QElapsedTimer fullSync;
        fullSync.start();
        QCOMPARE(runChild(-1), 0);
        const int fullMs = int(fullSync.elapsed());
        const QSet<QString> complete = cachedLids();
        QCOMPARE(complete.size(), sim.workingSession().contacts);

        const QJsonObject changed = sim.control(
            "POST", QStringLiteral("/_sim/sessions/%1/mutate").arg(session),
            {{QStringLiteral("removeContacts"), 40}, {QStringLiteral("addContacts"), 15}});
        QCOMPARE(changed.value(QStringLiteral("removed")).toArray().size(), 40);
        QSet<QString> changedSet = complete;
        for (const QJsonValue &v : changed.value(QStringLiteral("removed")).toArray())
            changedSet.remove(v.toString());
        for (const QJsonValue &v : changed.value(QStringLiteral("added")).toArray())
            changedSet.insert(v.toString());
        QCOMPARE(changedSet.size(), complete.size() - 40 + 15);

        // What the last complete contacts pass stored; a kill after that pass finished (while
        // groups and members still ran) legitimately swept it to the gateway's new state.
        QSet<QString> lastComplete = complete;
        int killed = 0;
        for (int round = 0; round < 16; ++round) {
            // Anywhere in the first 60% of a whole sync (a resumed one is shorter).
            const int after = QRandomGenerator::global()->bounded(fullMs / 20, fullMs * 6 / 10 + 2);
            const int code = runChild(after);
            const QSet<QString> now = cachedLids(); // integrity_check inside
            // Everything the last complete pass had is still there, killed or not.
            QVERIFY2(
                now.contains(lastComplete) || now == changedSet,
                qPrintable(QStringLiteral("round %1, killed after %2 ms").arg(round).arg(after)));
            if (now == changedSet)
                lastComplete = changedSet;
            if (code == -9)
                ++killed;
            else
                QCOMPARE(code, 0);
            if (code == 0)
                QCOMPARE(now, changedSet);
        }
        qInfo("%d of 16 syncs killed part-way", killed);
        QVERIFY2(killed >= 5, "too few kills landed mid-sync to mean anything");

        QCOMPARE(runChild(-1), 0);
        QCOMPARE(cachedLids(), changedSet);
    }
};

QTEST_GUILESS_MAIN(TestSyncCrash)
#include "tst_synccrash.moc"
