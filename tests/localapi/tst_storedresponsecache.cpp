// StoredResponseCache: an answer is given back only for the data version it was built at, a
// newer version drops the older answers, and the cache never grows past its capacity.
#include "localapi/StoredResponseCache.h"

#include <QTest>

class TestStoredResponseCache : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void givesBackTheAnswerOfTheSameVersion()
    {
        StoredResponseCache cache;
        const HttpResponse answer = HttpResponse::rawJson("{\"lid\":\"1@lid\"}");
        QVERIFY(!cache.find("/a", 1));
        cache.store("/a", 1, answer);
        const std::optional<HttpResponse> found = cache.find("/a", 1);
        QVERIFY(found);
        QCOMPARE(found->body, answer.body);
        QCOMPARE(found->status, 200);
        QVERIFY(!cache.find("/a?limit=5", 1)); // another target is another answer
    }

    void aNewVersionDropsOlderAnswers()
    {
        StoredResponseCache cache;
        cache.store("/a", 1, HttpResponse::rawJson("{}"));
        QVERIFY(!cache.find("/a", 2)); // built before a commit: never served after it
        cache.store("/b", 2, HttpResponse::rawJson("[]"));
        QVERIFY(!cache.find("/a", 1));
        QVERIFY(!cache.find("/a", 2));
        QVERIFY(cache.find("/b", 2));
        QCOMPARE(cache.size(), 1);
    }

    void anUnknownVersionIsNeverKept()
    {
        StoredResponseCache cache;
        cache.store("/a", -1, HttpResponse::rawJson("{}"));
        QCOMPARE(cache.size(), 0);
        QVERIFY(!cache.find("/a", -1));
    }

    void staysWithinItsCapacity()
    {
        StoredResponseCache cache(3);
        for (int i = 0; i < 10; ++i) {
            cache.store("/c" + QByteArray::number(i), 7, HttpResponse::rawJson("{}"));
            QVERIFY(cache.size() <= 3);
            QVERIFY(cache.find("/c" + QByteArray::number(i), 7)); // the newest is always there
        }
    }
};

QTEST_GUILESS_MAIN(TestStoredResponseCache)
#include "tst_storedresponsecache.moc"
