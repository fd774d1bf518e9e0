// DisplayText: how every table shows the gateway's roles, sources, times and numbers.
#include "DisplayText.h"

#include <QDateTime>
#include <QLocale>
#include <QtTest>

class TestDisplayText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void shouldNameTheGatewaysRoles()
    {
        // GIVEN the roles the gateway sends, and one it may add later
        // WHEN they are shown
        // THEN superadmin is the owner, and whatever is not an admin is a member
        QCOMPARE(DisplayText::role(QStringLiteral("superadmin")), QStringLiteral("Owner"));
        QCOMPARE(DisplayText::role(QStringLiteral("admin")), QStringLiteral("Admin"));
        QCOMPARE(DisplayText::role(QStringLiteral("member")), QStringLiteral("Member"));
        QCOMPARE(DisplayText::role(QStringLiteral("moderator")), QStringLiteral("Member"));
    }

    void shouldNameWhereAContactWasFound()
    {
        // GIVEN the sources the gateway sends
        // WHEN they are shown
        // THEN dm is a direct chat, everything else a group
        QCOMPARE(DisplayText::source(QStringLiteral("dm")), QStringLiteral("Direct chat"));
        QCOMPARE(DisplayText::source(QStringLiteral("group")), QStringLiteral("Group"));
    }

    void shouldShowATimeInLocalTimeAndNothingForNone()
    {
        // GIVEN a time on the wire (epoch ms), and none (0)
        const qint64 at = 1600000000000LL;

        // WHEN they are shown
        const QString shown = DisplayText::dateTime(at);

        // THEN the time is the locale's short local date and time, and none is empty
        QCOMPARE(shown,
                 QLocale().toString(QDateTime::fromMSecsSinceEpoch(at).toLocalTime(),
                                    QLocale::ShortFormat));
        QVERIFY(shown.contains(QLatin1String("20")));
        QCOMPARE(DisplayText::dateTime(0), QString());
        QCOMPARE(DisplayText::dateTime(-1), QString());
    }

    void shouldSayHowLongAgoInTheLargestUnit_data()
    {
        QTest::addColumn<qint64>("ago");
        QTest::addColumn<QString>("text");
        QTest::newRow("seconds") << qint64(59 * 1000) << QStringLiteral("just now");
        QTest::newRow("the future") << qint64(-5000) << QStringLiteral("just now");
        QTest::newRow("a minute") << qint64(60 * 1000) << QStringLiteral("1 min ago");
        QTest::newRow("minutes") << qint64(3 * 60 * 1000) << QStringLiteral("3 min ago");
        QTest::newRow("59 minutes") << qint64(59 * 60 * 1000) << QStringLiteral("59 min ago");
        QTest::newRow("an hour and a half") << qint64(90 * 60 * 1000) << QStringLiteral("1 h ago");
        QTest::newRow("hours") << qint64(5 * 3600 * 1000) << QStringLiteral("5 h ago");
        QTest::newRow("23 hours") << qint64(23 * 3600 * 1000) << QStringLiteral("23 h ago");
        QTest::newRow("a day") << qint64(86400 * 1000) << QStringLiteral("1 day(s) ago");
        QTest::newRow("days") << qint64(2 * 86400 * 1000) << QStringLiteral("2 day(s) ago");
    }

    void shouldSayHowLongAgoInTheLargestUnit()
    {
        // GIVEN a time that long before now
        QFETCH(qint64, ago);
        QFETCH(QString, text);
        const qint64 now = 1700000000000LL;

        // WHEN it is shown
        // THEN it says how long ago in the largest whole unit
        QCOMPARE(DisplayText::ago(now - ago, now), text);
    }

    void shouldSayNeverForATimeThatNeverWas()
    {
        // GIVEN no time (0)
        // WHEN it is shown as an age
        // THEN it says never
        QCOMPARE(DisplayText::ago(0, 1700000000000LL), QStringLiteral("never"));
    }

    void shouldGroupTheDigitsOfANumberAsTheLocaleDoes()
    {
        // GIVEN a million, in American English (set for the test)
        // WHEN it is shown
        // THEN its thousands are separated
        QCOMPARE(DisplayText::number(1000000), QStringLiteral("1,000,000"));
        QCOMPARE(DisplayText::number(12), QStringLiteral("12"));
    }
};

QTEST_GUILESS_MAIN(TestDisplayText)
#include "tst_displaytext.moc"
