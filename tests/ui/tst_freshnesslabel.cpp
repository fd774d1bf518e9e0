// FreshnessLabel: the status bar always says how current the data is.
#include "FreshnessLabel.h"

#include <QTest>

class TestFreshnessLabel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shouldSayHowCurrentTheDataIs_data()
    {
        QTest::addColumn<int>("feed");          // -1: no feed
        QTest::addColumn<qint64>("ageSeconds"); // -1: never updated
        QTest::addColumn<QString>("text");
        using S = RealtimeFeed::State;
        QTest::newRow("live") << int(S::Live) << qint64(7200) << "Live";
        QTest::newRow("reconnecting") << int(S::Reconnecting) << qint64(30) << "Reconnecting…";
        QTest::newRow("refused, synced 3 min ago")
            << int(S::Refused) << qint64(200) << "Updated 3 min ago";
        QTest::newRow("no feed, just synced") << -1 << qint64(20) << "Updated just now";
        QTest::newRow("two hours") << int(S::Off) << qint64(7300) << "Updated 2 h ago";
        QTest::newRow("three days") << -1 << qint64(3 * 86400 + 60) << "Updated 3 days ago";
        QTest::newRow("first connection, nothing yet")
            << int(S::Connecting) << qint64(-1) << "Connecting…";
        QTest::newRow("never synced") << -1 << qint64(-1) << "Not synced yet";
    }
    void shouldSayHowCurrentTheDataIs()
    {
        QFETCH(int, feed);
        QFETCH(qint64, ageSeconds);
        QFETCH(QString, text);
        // GIVEN the feed's state and the last update, WHEN described, THEN the row's words
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const std::optional<RealtimeFeed::State> state = feed < 0
            ? std::nullopt
            : std::optional(RealtimeFeed::State(feed));
        QCOMPARE(FreshnessLabel::describe(
                     state, ageSeconds < 0 ? QDateTime() : now.addSecs(-ageSeconds), now),
                 text);
    }

    void shouldBeEmptyWhileSignedOut()
    {
        // GIVEN a label, WHEN no profile's services are given, THEN it says nothing
        FreshnessLabel label;
        label.setServices(nullptr);
        QVERIFY(label.text().isEmpty());
    }
};

QTEST_MAIN(TestFreshnessLabel)
#include "tst_freshnesslabel.moc"
