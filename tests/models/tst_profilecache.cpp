// ProfileCache as the window uses it: its models under QAbstractItemModelTester while a sync
// lands (another connection commits), the watcher notices, and every model refreshes.
#include "ContactsModel.h"
#include "DataVersionWatcher.h"
#include "GroupMembersModel.h"
#include "GroupsModel.h"
#include "ModelTestCache.h"
#include "ProfileCache.h"
#include "ProfileModels.h"
#include "SessionsModel.h"

#include "cache/CacheDatabase.h"
#include "live/LiveEventWriter.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

namespace {
constexpr auto kMode = ModelTestCache::kTesterMode;
}

class TestProfileCache : public QObject
{
    Q_OBJECT
private:
    ModelTestCache m_file; // the cache file; the profile opens connections of its own
    std::unique_ptr<ProfileCache> m_cache;

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_file.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QString openError;
        m_cache = ProfileCache::open(QStringLiteral("demo-profile"), m_file.path(), &openError);
        QVERIFY2(m_cache, qPrintable(openError));
    }
    void cleanupTestCase() { m_cache.reset(); }

    // The selected contact keeps its row and the members list stays on its group.
    void shouldRefreshEveryModelWhenASyncLandsWhileOpen()
    {
        // GIVEN the profile's models populated, each under a tester
        ContactsModel *contacts = m_cache->models()->contacts();
        QAbstractItemModelTester t1(contacts, kMode);
        QAbstractItemModelTester t2(m_cache->models()->sessions(), kMode);
        QAbstractItemModelTester t3(m_cache->models()->groups(), kMode);
        QAbstractItemModelTester t4(m_cache->models()->members(), kMode);
        contacts->setFilter(m_file.filter());
        m_cache->models()->groups()->setSession(QStringLiteral("demo"));
        const QString jid =
            m_cache->models()->groups()->index(0, 0).data(GroupsModel::GroupJidRole).toString();
        m_cache->models()->members()->setGroup(QStringLiteral("demo"), jid);
        const QString firstLid = contacts->index(0, ContactsModel::Lid).data().toString();
        QTRY_COMPARE(contacts->rowCount(), 1000); // the window's model counts in the background
        QSignalSpy changed(m_cache->models()->watcher(), &DataVersionWatcher::changed);
        QSignalSpy refreshed(m_cache->models(), &ProfileModels::refreshed);

        // WHEN another connection stores 200 more contacts
        DemoCache::Spec more = ModelTestCache::smallSpec();
        more.contacts = 200;
        more.firstContact = 1000;
        const QString error = m_file.land(more);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        // THEN the watcher notices, and every model shows the new state
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() > 0, 10000);
        QVERIFY(changed.count() > 0);
        QTRY_COMPARE(contacts->rowCount(), 1200);
        QVERIFY(contacts->countExact());
        QCOMPARE(contacts->index(0, ContactsModel::Lid).data().toString(), firstLid);
        QCOMPARE(m_cache->models()->members()->rowCount(), 12);
        QCOMPARE(m_cache->models()->members()->groupJid(), jid);
        QCOMPARE(m_cache->models()->groups()->rowCount(), 6);
        QCOMPARE(m_cache->models()->sessions()->rowCount(), 1);
    }

    // The realtime feed commits many times a second: the first commit shows at once, the
    // rest of a burst in at most one refresh per ProfileModels::kRefreshGapMs.
    void shouldRefreshAFewTimesForABurstOfCommits()
    {
        // GIVEN the profile's models, and a writer on a connection of its own
        SessionsModel *sessions = m_cache->models()->sessions();
        QAbstractItemModelTester tester(sessions, kMode);
        QString error;
        auto db = CacheDatabase::open(m_file.path(), CacheDatabase::Mode::ReadWrite, &error);
        QVERIFY2(db, qPrintable(error));
        LiveEventWriter writer(*db);
        QTRY_COMPARE(sessions->index(0).data(SessionsModel::StatusRole).toString(),
                     QStringLiteral("working"));
        QTest::qWait(2 * ProfileModels::kRefreshGapMs); // no refresh of earlier commits pending
        QSignalSpy refreshed(m_cache->models(), &ProfileModels::refreshed);
        QSignalSpy resets(sessions, &QAbstractItemModel::modelReset);

        // WHEN 100 commits change the session's status, each checked for at once
        QElapsedTimer burst;
        burst.start();
        for (int i = 0; i < 100; ++i) {
            const QString status = i % 2 == 0 ? QStringLiteral("stopped")
                                              : QStringLiteral("failed");
            QVERIFY2(writer.apply({ModelTestCache::statusChanged(status)}),
                     qPrintable(writer.lastError()));
            m_cache->models()->watcher()->check();
            if (i == 0) // THEN the first shows at once
                QCOMPARE(sessions->index(0).data(SessionsModel::StatusRole).toString(), status);
            QTest::qWait(2);
        }
        const qint64 elapsed = burst.elapsed();

        // THEN a few refreshes showed them, the last one's status included, with no reset
        QTRY_COMPARE(sessions->index(0).data(SessionsModel::StatusRole).toString(),
                     QStringLiteral("failed"));
        QTest::qWait(2 * ProfileModels::kRefreshGapMs);
        qInfo("100 commits in %lld ms: %lld refreshes", elapsed, qint64(refreshed.count()));
        QVERIFY(refreshed.count() >= 2);
        QVERIFY(refreshed.count() <= elapsed / ProfileModels::kRefreshGapMs + 3);
        QCOMPARE(resets.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestProfileCache)
#include "tst_profilecache.moc"
