// ContactCounter on a real SQLite cache: counts on its own thread and connection, answers
// with the request's generation, skips requests a newer one replaced, always answers totals.
#include "ModelTestCache.h"
#include "cache/CacheReader.h"
#include "cache/ContactCounter.h"

#include <QSignalSpy>
#include <QtTest>

class TestContactCounter : public QObject
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

    void shouldAnswerARequestWithItsGenerationAndCount()
    {
        // GIVEN a counter over the demo cache
        ContactCounter counter(m_cache.path());
        QSignalSpy counted(&counter, &ContactCounter::counted);

        // WHEN every contact and then a search are counted
        counter.request(1, m_cache.filter(), 0);
        QTRY_COMPARE(counted.size(), 1);
        counter.request(2, m_cache.filter(QStringLiteral("Budi")), 0);
        QTRY_COMPARE(counted.size(), 2);

        // THEN each answer names its request and holds the exact count, from another thread
        QCOMPARE(counted.at(0).at(0).toULongLong(), 1u);
        QCOMPARE(counted.at(0).at(1).toLongLong(), 1000);
        QVERIFY(counted.at(0).at(2).toBool());
        QCOMPARE(counted.at(0).at(3).toString(), QString());
        QCOMPARE(counted.at(1).at(0).toULongLong(), 2u);
        const std::optional<ContactCount> budi = m_cache.reader().countContacts(
            m_cache.filter(QStringLiteral("Budi")));
        QVERIFY(budi);
        QCOMPARE(counted.at(1).at(1).toLongLong(), budi->value);
    }

    void shouldStopAtTheCapAndSaySo()
    {
        // GIVEN a counter over the demo cache
        ContactCounter counter(m_cache.path());
        QSignalSpy counted(&counter, &ContactCounter::counted);

        // WHEN a one-letter search is counted with a cap of 10
        counter.request(1, m_cache.filter(QStringLiteral("a")), 10);

        // THEN the answer is "at least 10", not exact
        QTRY_COMPARE(counted.size(), 1);
        QCOMPARE(counted.first().at(1).toLongLong(), 10);
        QVERIFY(!counted.first().at(2).toBool());
    }

    // Typing queues a request per keystroke: only the newest one is worth counting.
    void shouldSkipTheRequestsANewerOneReplaced()
    {
        // GIVEN a counter over the demo cache
        ContactCounter counter(m_cache.path());
        QSignalSpy counted(&counter, &ContactCounter::counted);
        constexpr quint64 kRequests = 100;

        // WHEN 100 requests come faster than it counts (its first one opens the cache)
        for (quint64 generation = 1; generation <= kRequests; ++generation)
            counter.request(generation, m_cache.filter(), 0);

        // THEN the newest is answered, last, and most older ones never are
        QTRY_VERIFY(!counted.isEmpty() && counted.last().at(0).toULongLong() == kRequests);
        QTest::qWait(50); // nothing may follow the newest answer
        QCOMPARE(counted.last().at(0).toULongLong(), kRequests);
        QVERIFY2(counted.size() < int(kRequests), qPrintable(QString::number(counted.size())));
        for (int i = 1; i < counted.size(); ++i)
            QVERIFY(counted.at(i).at(0).toULongLong() > counted.at(i - 1).at(0).toULongLong());
    }

    void shouldAnswerATotalEvenWhenNewerCountsFollow()
    {
        // GIVEN a counter over the demo cache
        ContactCounter counter(m_cache.path());
        QSignalSpy totals(&counter, &ContactCounter::totalCounted);
        QSignalSpy counted(&counter, &ContactCounter::counted);

        // WHEN a total is asked for, then counts of later keystrokes
        counter.requestTotal(1, m_cache.sessionId());
        counter.request(2, m_cache.filter(QStringLiteral("B")), 0);
        counter.request(3, m_cache.filter(QStringLiteral("Bu")), 0);

        // THEN the total is answered all the same, before the newest count
        QTRY_VERIFY(!counted.isEmpty() && counted.last().at(0).toULongLong() == 3u);
        QCOMPARE(totals.size(), 1);
        QCOMPARE(totals.first().at(0).toULongLong(), 1u);
        QCOMPARE(totals.first().at(1).toLongLong(), 1000);
        QCOMPARE(totals.first().at(2).toString(), QString());
    }

    void shouldReportACacheThatCannotBeOpened()
    {
        // GIVEN a counter over a file that does not exist
        ContactCounter counter(m_cache.path() + QStringLiteral(".missing"));
        QSignalSpy counted(&counter, &ContactCounter::counted);
        QSignalSpy totals(&counter, &ContactCounter::totalCounted);

        // WHEN it is asked for a count and a total
        counter.request(1, m_cache.filter(), 0);
        counter.requestTotal(2, m_cache.sessionId());

        // THEN both answers carry the error and no count
        QTRY_COMPARE(counted.size(), 1);
        QTRY_COMPARE(totals.size(), 1);
        QVERIFY(!counted.first().at(3).toString().isEmpty());
        QCOMPARE(counted.first().at(1).toLongLong(), 0);
        QVERIFY(!totals.first().at(2).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestContactCounter)
#include "tst_contactcounter.moc"
