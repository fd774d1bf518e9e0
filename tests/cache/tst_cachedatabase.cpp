#include "CacheTestUtil.h"

#include "cache/CacheSchema.h"

#include <QMutex>
#include <QSqlError>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>

class TestCacheDatabase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void opensWithPragmas();
    void connectionNamesAreUniqueAndReleased();
    void createsMissingDirectory();
    void readModeRefusesWrites();
    void readModeNeedsAMigratedFile();
    void statementsArePreparedOnce();
    void openOnAnotherThread();
    void nestedTransactionsShareTheOuterCommit();
    void shouldOpenANewCacheFromTwoThreadsAtOnce();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("p/cache.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCacheDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCacheDatabase::opensWithPragmas()
{
    auto db = CacheTest::openWriter(path());
    QVERIFY(db);
    QSqlQuery q(db->database());
    QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    QCOMPARE(CacheTest::scalar(*db, QStringLiteral("PRAGMA foreign_keys")), 1);
    QCOMPARE(CacheTest::scalar(*db, QStringLiteral("PRAGMA synchronous")), 1); // NORMAL
    QCOMPARE(CacheTest::scalar(*db, QStringLiteral("PRAGMA busy_timeout")), 5000);
    QCOMPARE(CacheTest::scalar(*db, QStringLiteral("PRAGMA secure_delete")), 0);
    QCOMPARE(CacheTest::scalar(*db, QStringLiteral("PRAGMA user_version")),
             CacheSchema::kLatestVersion);
    QCOMPARE(CacheTest::scalar(*db, QStringLiteral("PRAGMA query_only")), 0);
    QCOMPARE(CacheTest::scalar(*db, QStringLiteral("PRAGMA wal_autocheckpoint")), 8192);

    CacheDatabase::Options options;
    options.busyTimeoutMs = 1234;
    QString error;
    auto reader = CacheDatabase::open(path(), CacheDatabase::Mode::Read, options, &error);
    QVERIFY2(reader, qPrintable(error));
    QCOMPARE(CacheTest::scalar(*reader, QStringLiteral("PRAGMA query_only")), 1);
    QCOMPARE(CacheTest::scalar(*reader, QStringLiteral("PRAGMA busy_timeout")), 1234);
    QCOMPARE(CacheTest::scalar(*reader, QStringLiteral("PRAGMA foreign_keys")), 1);
}

void TestCacheDatabase::connectionNamesAreUniqueAndReleased()
{
    QString first;
    {
        auto a = CacheTest::openWriter(path());
        auto b = CacheDatabase::open(path(), CacheDatabase::Mode::Read);
        QVERIFY(a && b);
        QVERIFY(a->connectionName() != b->connectionName());
        QVERIFY(QSqlDatabase::connectionNames().contains(a->connectionName()));
        QVERIFY(QSqlDatabase::connectionNames().contains(b->connectionName()));
        QVERIFY(a->statement(QStringLiteral("SELECT count(*) FROM contacts"), nullptr));
        first = a->connectionName();
    }
    QVERIFY(!QSqlDatabase::connectionNames().contains(first));
    auto c = CacheTest::openWriter(path());
    QVERIFY(c->connectionName() != first); // never reused
}

void TestCacheDatabase::createsMissingDirectory()
{
    const QString deep = m_dir->filePath(QStringLiteral("a/b/c/cache.sqlite"));
    QVERIFY(CacheTest::openWriter(deep));
    QVERIFY(QFileInfo::exists(deep));
}

void TestCacheDatabase::readModeRefusesWrites()
{
    QVERIFY(CacheTest::openWriter(path()));
    auto reader = CacheDatabase::open(path(), CacheDatabase::Mode::Read);
    QVERIFY(reader);
    QString error;
    QVERIFY(!reader->exec(QStringLiteral("INSERT INTO sessions (id) VALUES ('x')"), &error));
    QVERIFY(!error.isEmpty());
    CacheWriter writer(*reader);
    QVERIFY(!writer.addSession(QStringLiteral("s")));
    QVERIFY(!writer.lastError().isEmpty());
}

void TestCacheDatabase::readModeNeedsAMigratedFile()
{
    QString error;
    QVERIFY(!CacheDatabase::open(path(), CacheDatabase::Mode::Read, &error));
    QVERIFY(error.contains(QLatin1String("No cache")));
    QVERIFY(!QFileInfo::exists(path())); // a reader never creates the file

    QVERIFY(QDir().mkpath(QFileInfo(path()).absolutePath()));
    {
        auto raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(path());
        QVERIFY(raw.open());
        QSqlQuery(raw).exec(QStringLiteral("CREATE TABLE t (x)"));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    QVERIFY(!CacheDatabase::open(path(), CacheDatabase::Mode::Read, &error));
    QVERIFY2(error.contains(QLatin1String("schema version 0")), qPrintable(error));
}

void TestCacheDatabase::statementsArePreparedOnce()
{
    auto db = CacheTest::openWriter(path());
    const QString sql = QStringLiteral("SELECT count(*) FROM contacts WHERE sid = :sid");
    QSqlQuery *a = db->statement(sql, nullptr);
    QVERIFY(a);
    QCOMPARE(db->statement(sql, nullptr), a);
    QString error;
    QVERIFY(!db->statement(QStringLiteral("SELECT nonsense FROM nowhere"), &error));
    QVERIFY(!error.isEmpty());
}

void TestCacheDatabase::openOnAnotherThread()
{
    QVERIFY(CacheTest::openWriter(path()));
    QString seenName;
    qint64 sessions = -1;
    QThread *thread = QThread::create([&] {
        auto db = CacheDatabase::open(path(), CacheDatabase::Mode::Read);
        if (!db)
            return;
        seenName = db->connectionName();
        sessions = CacheTest::scalar(*db, QStringLiteral("SELECT count(*) FROM sessions"));
    });
    thread->start();
    QVERIFY(thread->wait());
    delete thread;
    QVERIFY(!seenName.isEmpty());
    QCOMPARE(sessions, 0);
    QVERIFY(!QSqlDatabase::connectionNames().contains(seenName));
}

void TestCacheDatabase::shouldOpenANewCacheFromTwoThreadsAtOnce()
{
    // GIVEN new cache files, WHEN two writers open each at the same moment (the window's and
    // the background writer's at a first sign-in), THEN both open every time
    for (int round = 0; round < 40; ++round) {
        const QString file = m_dir->filePath(QStringLiteral("race-%1.sqlite").arg(round));
        std::atomic<int> opened = 0;
        QStringList errors;
        QMutex mutex;
        std::atomic<bool> go = false;
        auto open = [&] {
            while (!go) {}
            QString error;
            if (CacheDatabase::open(file, CacheDatabase::Mode::ReadWrite, &error))
                ++opened;
            else {
                QMutexLocker lock(&mutex);
                errors << error;
            }
        };
        QThread *a = QThread::create(open);
        QThread *b = QThread::create(open);
        a->start();
        b->start();
        go = true;
        QVERIFY(a->wait() && b->wait());
        delete a;
        delete b;
        QVERIFY2(opened == 2, qPrintable(errors.join(u'\n')));
    }
}

QTEST_GUILESS_MAIN(TestCacheDatabase)
#include "tst_cachedatabase.moc"

void TestCacheDatabase::nestedTransactionsShareTheOuterCommit()
{
    auto db = CacheTest::openWriter(path());
    auto reader = CacheDatabase::open(path(), CacheDatabase::Mode::Read);
    QVERIFY(db && reader);
    const QString count = QStringLiteral("SELECT count(*) FROM sessions");
    {
        WriteTransaction outer(*db);
        QVERIFY(outer.isActive());
        for (const char *id : {"a", "b"}) {
            WriteTransaction inner(*db);
            QVERIFY(inner.isActive());
            QVERIFY(db->exec(
                QStringLiteral("INSERT INTO sessions (id) VALUES ('%1')").arg(QLatin1String(id)),
                nullptr));
            QVERIFY(inner.commit());
        }
        QCOMPARE(CacheTest::scalar(*reader, count),
                 0); // nothing is visible before the outer commit
        QVERIFY(outer.commit());
    }
    QCOMPARE(CacheTest::scalar(*reader, count), 2);

    // A nested one ending without commit (a failed write) undoes the whole outer transaction.
    {
        WriteTransaction outer(*db);
        {
            WriteTransaction inner(*db);
            QVERIFY(db->exec(QStringLiteral("INSERT INTO sessions (id) VALUES ('c')"), nullptr));
            QVERIFY(inner.commit());
        }
        {
            WriteTransaction failing(*db);
            QVERIFY(db->exec(QStringLiteral("INSERT INTO sessions (id) VALUES ('d')"), nullptr));
        }
        QVERIFY(!outer.commit());
        QVERIFY(!outer.errorString().isEmpty());
    }
    QCOMPARE(CacheTest::scalar(*reader, count), 2);

    // And the connection is usable afterwards, with a fresh transaction.
    WriteTransaction next(*db);
    QVERIFY(db->exec(QStringLiteral("INSERT INTO sessions (id) VALUES ('e')"), nullptr));
    QVERIFY(next.commit());
    QCOMPARE(CacheTest::scalar(*reader, count), 3);
}
