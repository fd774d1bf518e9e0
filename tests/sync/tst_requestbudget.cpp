#include "sync/RequestBudget.h"

#include <QTest>

class TestRequestBudget : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noBudgetNeverWaits()
    {
        RequestBudget none;
        for (int i = 0; i < 10000; ++i)
            QCOMPARE(none.take(), 0);
    }

    void aMinutesWorthThenWaits()
    {
        RequestBudget budget(120);
        for (int i = 0; i < 120; ++i)
            QCOMPARE(budget.take(), 0);
        const int wait = budget.take();
        // One request every 500 ms once the minute's allowance is spent.
        QVERIFY2(wait > 0 && wait <= 500, qPrintable(QString::number(wait)));
    }
};

QTEST_GUILESS_MAIN(TestRequestBudget)
#include "tst_requestbudget.moc"
