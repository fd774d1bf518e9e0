#include "gateway/RetryPolicy.h"

#include <QDateTime>
#include <QLocale>
#include <QTest>

class TestRetryPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void backOffGrowsWithJitterWithinBounds()
    {
        RetryPolicy p;
        p.baseDelayMs = 100;
        p.maxDelayMs = 1000;
        for (int i = 0; i < 200; ++i) {
            const int first = p.delayMs(1);
            QVERIFY(first >= 50 && first <= 100);
            const int third = p.delayMs(3);
            QVERIFY(third >= 200 && third <= 400);
            const int late = p.delayMs(30);
            QVERIFY(late >= 500 && late <= 1000);
        }
    }

    void honoursRetryAfter()
    {
        RetryPolicy p;
        QCOMPARE(p.delayMs(1, "2"), 2000);
        QCOMPARE(p.delayMs(1, "100000"), p.maxRetryAfterMs);
        QCOMPARE(RetryPolicy::parseRetryAfterMs("garbage"), -1);
        QCOMPARE(RetryPolicy::parseRetryAfterMs("-5"), -1);
        QCOMPARE(RetryPolicy::parseRetryAfterMs(""), -1);
        const QString date = QLocale::c().toString(QDateTime::currentDateTimeUtc().addSecs(30),
                                                   QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"))
            + QStringLiteral(" GMT");
        const int ms = RetryPolicy::parseRetryAfterMs(date.toLatin1());
        QVERIFY2(ms > 25000 && ms <= 30000, qPrintable(QString::number(ms)));
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
