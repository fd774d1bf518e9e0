#include "core/RecentMessages.h"

#include <QLoggingCategory>
#include <QThread>
#include <QtTest>

Q_LOGGING_CATEGORY(lcTestArea, "gc.testarea")

class TestRecentMessages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { RecentMessages::install(); }
    void init() { RecentMessages::clear(); }

    void keepsWarningsNotDebug()
    {
        qCDebug(lcTestArea) << "debug detail";
        qCInfo(lcTestArea) << "info detail";
        qCWarning(lcTestArea) << "cache busy";
        qCritical("disk full");
        const auto entries = RecentMessages::entries();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0].category, QStringLiteral("gc.testarea"));
        QVERIFY(entries[0].text.contains(QLatin1String("cache busy")));
        QCOMPARE(RecentMessages::typeName(entries[0].type), QStringLiteral("warning"));
        QCOMPARE(RecentMessages::typeName(entries[1].type), QStringLiteral("critical"));
        QVERIFY(entries[1].when.isValid());
    }

    void keepsOnlyTheLastOnes()
    {
        for (int i = 0; i < RecentMessages::kCapacity + 20; ++i)
            qWarning("warning %d", i);
        const auto entries = RecentMessages::entries();
        QCOMPARE(entries.size(), RecentMessages::kCapacity);
        QCOMPARE(entries.first().text, QStringLiteral("warning 20"));
        QCOMPARE(entries.last().text,
                 QStringLiteral("warning %1").arg(RecentMessages::kCapacity + 19));
    }

    void redactsWhatItKeeps()
    {
        qWarning("sent Authorization: Bearer abcdefSECRET123");
        const auto entries = RecentMessages::entries();
        QCOMPARE(entries.size(), 1);
        QVERIFY(!entries[0].text.contains(QLatin1String("abcdefSECRET123")));
    }

    void collectsFromOtherThreads()
    {
        QList<QThread *> threads;
        for (int t = 0; t < 4; ++t) {
            threads.append(QThread::create([t] {
                for (int i = 0; i < 10; ++i)
                    qWarning("thread %d message %d", t, i);
            }));
            threads.last()->start();
        }
        for (QThread *thread : threads) {
            QVERIFY(thread->wait(10000));
            delete thread;
        }
        QCOMPARE(RecentMessages::entries().size(), 40);
    }
};

QTEST_GUILESS_MAIN(TestRecentMessages)
#include "tst_recentmessages.moc"
