// The realtime frames as the gateway sends them, and as a broken or hostile one might.
#include "live/LiveEvent.h"

#include <QTest>

class TestLiveEvent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shouldReadTheConnectedAndPingFrames()
    {
        // Given the first frame and a heartbeat
        QString error;
        const auto connected = LiveFrames::parse(
            R"({"event":"connected","timestamp":1719400000000,"heartbeatSeconds":20})", &error);
        const auto ping = LiveFrames::parse(R"({"event":"ping","timestamp":1719400020000})",
                                            &error);
        // Then they are read with their heartbeat and time
        QVERIFY2(connected && ping, qPrintable(error));
        QVERIFY(connected->kind == LiveFrame::Kind::Connected);
        QCOMPARE(connected->heartbeatSeconds, 20);
        QCOMPARE(connected->timestamp, 1719400000000);
        QVERIFY(ping->kind == LiveFrame::Kind::Ping);
    }

    void shouldReadEachEventKind()
    {
        QString error;
        // Given a contact.update envelope
        auto f = LiveFrames::parse(
            R"({"schema":"v1","id":"evt_1","event":"contact.update","session":"s1",)"
            R"("organization":"o1","timestamp":5,"payload":{"jid":"123@s.whatsapp.net",)"
            R"("pushName":"Budi","firstName":"B"}})",
            &error);
        // Then its fields are there, and the push name wins over the first name
        QVERIFY2(f, qPrintable(error));
        QCOMPARE(f->event.id, QStringLiteral("evt_1"));
        QCOMPARE(f->event.session, QStringLiteral("s1"));
        QCOMPARE(f->event.organization, QStringLiteral("o1"));
        QCOMPARE(f->event.jid, QStringLiteral("123@s.whatsapp.net"));
        QCOMPARE(f->event.displayName(), std::optional<QString>(QStringLiteral("Budi")));
        QVERIFY(f->event.isContactUpdate());

        // Given a group.participant envelope with nulls for the lists it does not use
        f = LiveFrames::parse(
            R"({"schema":"v1","id":"evt_2","event":"group.participant","session":"s1",)"
            R"("timestamp":6,"payload":{"groupJid":"1-2@g.us","join":["1@lid","2@lid"],)"
            R"("leave":null,"promote":["3@lid"],"isAnnounce":true}})",
            &error);
        QVERIFY2(f, qPrintable(error));
        QCOMPARE(f->event.groupJid, QStringLiteral("1-2@g.us"));
        QCOMPARE(f->event.join, (QStringList{QStringLiteral("1@lid"), QStringLiteral("2@lid")}));
        QVERIFY(f->event.leave.isEmpty());
        QCOMPARE(f->event.promote, QStringList{QStringLiteral("3@lid")});
        QCOMPARE(f->event.isAnnounce, std::optional<bool>(true));
        QVERIFY(!f->event.subject);

        // Given a session.status envelope and one of a kind the console does not mirror
        f = LiveFrames::parse(R"({"id":"evt_3","event":"session.status","session":"s1",)"
                              R"("timestamp":7,"payload":{"status":"working"}})",
                              &error);
        QVERIFY2(f, qPrintable(error));
        QCOMPARE(f->event.status, QStringLiteral("working"));
        f = LiveFrames::parse(R"({"id":"evt_4","event":"auth.qr","session":"s1",)"
                              R"("timestamp":8,"payload":{"code":"2@abc"}})",
                              &error);
        QVERIFY2(f, qPrintable(error));
        QVERIFY(f->kind == LiveFrame::Kind::Event);
        QVERIFY(!f->event.isContactUpdate() && !f->event.isGroupEvent()
                && !f->event.isSessionStatus());
    }

    void shouldRefuseMalformedFramesWithAReason_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addRow("not json") << QByteArray("{\"event\":");
        QTest::addRow("an array") << QByteArray("[1,2]");
        QTest::addRow("no event") << QByteArray("{\"id\":\"x\"}");
        QTest::addRow("connected without heartbeat")
            << QByteArray(R"({"event":"connected","timestamp":1})");
        QTest::addRow("zero heartbeat")
            << QByteArray(R"({"event":"connected","timestamp":1,"heartbeatSeconds":0})");
        QTest::addRow("envelope without id")
            << QByteArray(R"({"event":"session.status","session":"s","timestamp":1,)"
                          R"("payload":{"status":"working"}})");
        QTest::addRow("payload not an object")
            << QByteArray(R"({"id":"e","event":"session.status","session":"s","timestamp":1,)"
                          R"("payload":"working"})");
        QTest::addRow("contact without jid")
            << QByteArray(R"({"id":"e","event":"contact.update","session":"s","timestamp":1,)"
                          R"("payload":{"pushName":"x"}})");
        QTest::addRow("join not a list")
            << QByteArray(R"({"id":"e","event":"group.participant","session":"s",)"
                          R"("timestamp":1,"payload":{"groupJid":"1@g.us","join":"1@lid"}})");
        QTest::addRow("join holds a number")
            << QByteArray(R"({"id":"e","event":"group.participant","session":"s",)"
                          R"("timestamp":1,"payload":{"groupJid":"1@g.us","join":[1]}})");
        QTest::addRow("timestamp a string")
            << QByteArray(R"({"id":"e","event":"session.status","session":"s",)"
                          R"("timestamp":"now","payload":{"status":"working"}})");
        QTest::addRow("too large") << QByteArray(LiveFrames::kMaxFrameBytes + 1, ' ');
    }

    void shouldRefuseMalformedFramesWithAReason()
    {
        // Given a frame that breaks the contract
        QFETCH(QByteArray, frame);
        QString error;
        // When it is parsed
        const auto parsed = LiveFrames::parse(frame, &error);
        // Then it is refused with a reason, never guessed around
        QVERIFY(!parsed);
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLiveEvent)
#include "tst_liveevent.moc"
