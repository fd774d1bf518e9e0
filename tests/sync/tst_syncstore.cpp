#include "cache/CacheDatabase.h"
#include "cache/CacheReader.h"
#include "cache/CacheWriter.h"
#include "cache/SearchIndexer.h"
#include "sync/SyncStore.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

// SyncStore on a real cache file: order, shared commits, failures and shutdown, seen through
// a second connection as a reader (the window, the local API) would see them.
class TestSyncStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path() const { return m_dir.filePath(QStringLiteral("cache.sqlite")); }

    static SyncStore::Work contactsPage(const QString &session, int first, int count,
                                        bool poison = false)
    {
        return [=](CacheWriter &writer, SearchIndexer &, QString *error) {
            const std::optional<SyncPass> pass = writer.beginPass(session, SyncKind::Contacts,
                                                                  true);
            QList<Contact> page;
            for (int i = first; i < first + count; ++i) {
                Contact c;
                c.lid = QStringLiteral("%1@lid").arg(i);
                c.source = QStringLiteral("dm");
                c.name = QStringLiteral("Contact %1").arg(i);
                page << c;
            }
            if (poison)
                page << Contact{}; // no LID: the writer refuses it after storing the others
            const bool ok = pass
                && writer.storeContacts(*pass, page, QString::number(first + count));
            *error = writer.lastError();
            return ok;
        };
    }

    // Rows of a table, as another connection (the window, the local API) sees them.
    qint64 rowsIn(const QString &table)
    {
        auto db = CacheDatabase::open(path(), CacheDatabase::Mode::Read);
        if (!db)
            return -1;
        QSqlQuery q(db->database());
        if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }
    qint64 storedContacts() { return rowsIn(QStringLiteral("contacts")); }
    qint64 queuedForIndex() { return rowsIn(QStringLiteral("contact_fts_queue")); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(CacheDatabase::open(path(), CacheDatabase::Mode::ReadWrite)); // created, migrated
    }

    void init()
    {
        auto db = CacheDatabase::open(path(), CacheDatabase::Mode::ReadWrite);
        QVERIFY(db);
        CacheWriter writer(*db);
        QVERIFY(writer.removeSession(QStringLiteral("s1")));
    }

    void runsJobsInOrderAndReportsOnTheOwnersThread()
    {
        SyncStore store(path());
        QList<int> order;
        QList<QThread *> threads;
        for (int i = 0; i < 20; ++i) {
            store.post(SyncStore::Kind::Page, contactsPage(QStringLiteral("s1"), i * 10, 10),
                       [&order, &threads, i](bool ok, const QString &error) {
                           QVERIFY2(ok, qPrintable(error));
                           order << i;
                           threads << QThread::currentThread();
                       });
        }
        QCOMPARE(store.pending(), 20);
        store.waitUntilIdle();
        // Committed before the callbacks arrive: a reader sees every page already.
        QCOMPARE(storedContacts(), 200);
        QTRY_COMPARE(order.size(), 20);
        for (int i = 0; i < 20; ++i) {
            QCOMPARE(order.at(i), i);
            QCOMPARE(threads.at(i), QThread::currentThread());
        }
        QCOMPARE(store.pending(), 0);
    }

    void aFailedPageUndoesItsTransactionAndStopsLaterPages()
    {
        SyncStore store(path());
        store.post(SyncStore::Kind::Page, contactsPage(QStringLiteral("s1"), 0, 10));
        store.waitUntilIdle();
        QCOMPARE(storedContacts(), 10);

        QStringList errors;
        auto record = [&errors](bool ok, const QString &error) {
            errors << (ok ? QStringLiteral("ok") : error);
        };
        store.post(SyncStore::Kind::Page, contactsPage(QStringLiteral("s1"), 10, 10), record);
        store.post(SyncStore::Kind::Page, contactsPage(QStringLiteral("s1"), 20, 10, true), record);
        store.post(SyncStore::Kind::Page, contactsPage(QStringLiteral("s1"), 30, 10), record);
        bool controlRan = false;
        store.post(
            SyncStore::Kind::Control,
            [&controlRan](CacheWriter &, SearchIndexer &, QString *) {
                controlRan = true;
                return true;
            },
            record);
        store.waitUntilIdle();
        QTRY_COMPARE(errors.size(), 4);
        // The bad page's own rows never show, and the page after it is not stored at all.
        // The page before it is stored only if it was committed before the bad one ran
        // (when they share a transaction it is undone too, and says so).
        QVERIFY2(errors.at(1).contains(QLatin1String("LID")), qPrintable(errors.at(1)));
        QVERIFY(errors.at(2) != QLatin1String("ok"));
        QCOMPARE(errors.at(3), QStringLiteral("ok"));
        QVERIFY(controlRan);
        const qint64 before = errors.at(0) == QLatin1String("ok") ? 20 : 10;
        QCOMPARE(storedContacts(), before);

        // A new run stores pages again.
        store.beginRun();
        store.post(SyncStore::Kind::Page, contactsPage(QStringLiteral("s1"), 40, 10));
        store.waitUntilIdle();
        QCOMPARE(storedContacts(), before + 10);
    }

    void aWriterOnAnotherConnectionGoesFirst()
    {
        // The store is busy with a long run of pages; an audit entry written meanwhile on the
        // window's connection must not wait for all of them (nor run out of busy_timeout).
        // Each page also takes a millisecond more, so the run lasts at least 3 s however fast
        // this build stores (once storing got quicker, a debug build stored 100,000 contacts
        // within the first shared transaction, before the test could even start writing).
        SyncStore store(path());
        constexpr int pages = 3000;
        for (int i = 0; i < pages; ++i) {
            store.post(SyncStore::Kind::Page,
                       [page = contactsPage(QStringLiteral("s1"), i * 50, 50)](
                           CacheWriter &writer, SearchIndexer &indexer, QString *error) {
                           QThread::msleep(1);
                           return page(writer, indexer, error);
                       });
        }
        QTRY_VERIFY(storedContacts() > 0);
        CacheDatabase::Options options;
        options.busyTimeoutMs = 3000;
        QString error;
        auto other = CacheDatabase::open(path(), CacheDatabase::Mode::ReadWrite, options, &error);
        QVERIFY2(other, qPrintable(error));
        for (int i = 0; i < 5; ++i) {
            WriteTransaction txn(*other);
            QVERIFY2(txn.isActive(), qPrintable(txn.errorString()));
            QVERIFY(other->exec(
                QStringLiteral("INSERT INTO audit_log (at, profile, action, result, origin)"
                               " VALUES (1, 'p', 'unblock', 'ok', 'console')"),
                nullptr));
            QVERIFY(txn.commit());
        }
        QVERIFY2(storedContacts() < pages * 50,
                 "the writes got in only once the store had stored everything");
        store.waitUntilIdle();
        QCOMPARE(storedContacts(), pages * 50);
    }

    void indexingStepsCommitOneByOne()
    {
        // 30 contacts queued for the index, then indexing in steps of 10: a reader sees each
        // step committed before the next one runs (a writer waiting for the lock gets in
        // there), and a page posted after the indexing runs only once it is done.
        {
            auto db = CacheDatabase::open(path(), CacheDatabase::Mode::ReadWrite);
            QVERIFY(db);
            SearchIndexer drain(*db); // what earlier tests left queued (their deleted rows)
            while (drain.indexPending() > 0) {}
        }
        SyncStore store(path());
        store.post(SyncStore::Kind::Page, contactsPage(QStringLiteral("s1"), 0, 30));
        store.waitUntilIdle();
        QCOMPARE(queuedForIndex(), 30);
        QList<qint64> queuedBeforeEachStep;
        store.postIndexing([this, &queuedBeforeEachStep](SearchIndexer &indexer) {
            queuedBeforeEachStep << queuedForIndex();
            return indexer.indexContacts(10) > 0;
        });
        qint64 queuedWhenThePageRan = -1;
        store.post(SyncStore::Kind::Page,
                   [this, &queuedWhenThePageRan](CacheWriter &, SearchIndexer &, QString *) {
                       queuedWhenThePageRan = queuedForIndex();
                       return true;
                   });
        QCOMPARE(store.pending(), 3);
        store.waitUntilIdle();
        QCOMPARE(queuedBeforeEachStep, (QList<qint64>{30, 20, 10, 0}));
        QCOMPARE(queuedWhenThePageRan, 0);
        QTRY_COMPARE(store.pending(), 0); // one result for the whole indexing
    }

    void indexingThatCannotCommitIsNotRepeated()
    {
        // A step that keeps claiming more work while nothing it does can be committed (here
        // the queue table is gone, so its nested transaction fails): the store must give up
        // after one try, not run it forever.
        const QString broken = m_dir.filePath(QStringLiteral("broken.sqlite"));
        {
            auto db = CacheDatabase::open(broken, CacheDatabase::Mode::ReadWrite);
            QVERIFY(db);
            QString error;
            QVERIFY2(db->exec(QStringLiteral("DROP TABLE contact_fts_queue"), &error),
                     qPrintable(error));
        }
        SyncStore store(broken);
        int steps = 0;
        store.postIndexing([&steps](SearchIndexer &indexer) {
            ++steps;
            indexer.indexContacts(10); // fails: no queue
            return true;
        });
        store.waitUntilIdle();
        QCOMPARE(steps, 1);
        QTRY_COMPARE(store.pending(), 0);
    }

    void destroyingDropsWhatHasNotStartedAndKeepsTheCacheSound()
    {
        int callbacks = 0;
        {
            SyncStore store(path());
            for (int i = 0; i < 200; ++i)
                store.post(SyncStore::Kind::Page, contactsPage(QStringLiteral("s1"), i * 50, 50),
                           [&callbacks](bool, const QString &) { ++callbacks; });
        }
        QCoreApplication::processEvents();
        QCOMPARE(callbacks, 0); // the store is gone: nobody is called back
        const qint64 stored = storedContacts();
        QVERIFY(stored >= 0 && stored <= 200 * 50);
        QCOMPARE(stored % 50, 0); // whole pages only
        auto db = CacheDatabase::open(path(), CacheDatabase::Mode::Read);
        QSqlQuery check(db->database());
        QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
        QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
    }

    void reportsACacheItCannotOpen()
    {
        // A regular file where its directory should be.
        QFile blocker(m_dir.filePath(QStringLiteral("not-a-dir")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        SyncStore store(m_dir.filePath(QStringLiteral("not-a-dir/cache.sqlite")));
        QString error;
        bool ok = true;
        store.post(SyncStore::Kind::Page, contactsPage(QStringLiteral("s1"), 0, 1),
                   [&](bool o, const QString &e) {
                       ok = o;
                       error = e;
                   });
        store.waitUntilIdle();
        QTRY_VERIFY(!error.isEmpty());
        QVERIFY(!ok);
    }
};

QTEST_GUILESS_MAIN(TestSyncStore)
#include "tst_syncstore.moc"
