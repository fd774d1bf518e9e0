// DataVersionWatcher on a real SQLite cache: says "changed" once per commit of another
// connection, on check() and on its own timer, and stays quiet otherwise.
#include "DataVersionWatcher.h"
#include "ModelTestCache.h"
#include "cache/CacheDatabase.h"
#include "cache/CacheWriter.h"

#include <QSignalSpy>
#include <QtTest>

namespace {
constexpr int kNever = 3600 * 1000; // a timer that does not fire during a test

// Another connection (a sync) commits: a session added by id.
QString commitElsewhere(const QString &path, const QString &sessionId)
{
    QString error;
    auto db = CacheDatabase::open(path, CacheDatabase::Mode::ReadWrite, &error);
    if (!db)
        return error;
    CacheWriter writer(*db);
    return writer.addSession(sessionId) ? QString() : writer.lastError();
}
} // namespace

class TestDataVersionWatcher : public QObject
{
    Q_OBJECT
private:
    ModelTestCache m_cache;

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_cache.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void shouldStayQuietWhenNothingWasCommitted()
    {
        // GIVEN a watcher over the GUI's read connection
        DataVersionWatcher watcher(&m_cache.database(), kNever);
        QSignalSpy changed(&watcher, &DataVersionWatcher::changed);

        // WHEN it checks, again and again, with no commit anywhere
        watcher.check();
        watcher.check();

        // THEN it says nothing
        QCOMPARE(changed.size(), 0);
    }

    void shouldSayChangedOnceWhenAnotherConnectionCommits()
    {
        // GIVEN a watcher over the GUI's read connection
        DataVersionWatcher watcher(&m_cache.database(), kNever);
        QSignalSpy changed(&watcher, &DataVersionWatcher::changed);

        // WHEN another connection commits and the watcher checks twice
        const QString error = commitElsewhere(m_cache.path(), QStringLiteral("added-1"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        watcher.check();
        watcher.check();

        // THEN it said so once
        QCOMPARE(changed.size(), 1);
    }

    void shouldCheckOnItsOwnTimer()
    {
        // GIVEN a watcher polling every 20 ms
        DataVersionWatcher watcher(&m_cache.database(), 20);
        QSignalSpy changed(&watcher, &DataVersionWatcher::changed);

        // WHEN another connection commits
        const QString error = commitElsewhere(m_cache.path(), QStringLiteral("added-2"));
        QVERIFY2(error.isEmpty(), qPrintable(error));

        // THEN the watcher notices without being asked, once
        QTRY_COMPARE(changed.size(), 1);
        QTest::qWait(100);
        QCOMPARE(changed.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDataVersionWatcher)
#include "tst_dataversionwatcher.moc"
