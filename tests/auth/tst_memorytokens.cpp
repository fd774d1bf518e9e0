// MemoryTokens: the run-only token holder behind CredentialStore's memory-only mode.
#include "auth/MemoryTokens.h"

#include <QTest>

class TestMemoryTokens : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void setReadRemove()
    {
        MemoryTokens t;
        QVERIFY(!t.contains("a"));
        QVERIFY(t.value("a").isEmpty());
        t.set("a", "wa_1");
        t.set("b", "wa_2");
        t.set("a", "wa_3"); // overwrite
        QCOMPARE(t.size(), 2);
        QCOMPARE(t.value("a"), QStringLiteral("wa_3"));
        QVERIFY(t.remove("a"));
        QVERIFY(!t.remove("a"));
        QVERIFY(!t.contains("a"));
        QCOMPARE(t.value("b"), QStringLiteral("wa_2"));
        t.clear();
        QCOMPARE(t.size(), 0);
    }

    void rename()
    {
        MemoryTokens t;
        QVERIFY(!t.rename("x", "y"));
        t.set("x", "wa_x");
        QVERIFY(t.rename("x", "x")); // to itself: kept
        QCOMPARE(t.value("x"), QStringLiteral("wa_x"));
        QVERIFY(t.rename("x", "y"));
        QVERIFY(!t.contains("x"));
        QCOMPARE(t.value("y"), QStringLiteral("wa_x"));
        t.set("z", "wa_z");
        QVERIFY(t.rename("y", "z")); // replaces what was there
        QCOMPARE(t.size(), 1);
        QCOMPARE(t.value("z"), QStringLiteral("wa_x"));
    }
};

QTEST_GUILESS_MAIN(TestMemoryTokens)
#include "tst_memorytokens.moc"
