#include "gateway/GatewayPaths.h"

#include <QTest>

class TestGatewayPaths : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void encodesEachSegment()
    {
        const QUrl url = GatewayPaths::sessionsUrl(QUrl(QStringLiteral("http://127.0.0.1:8080")),
                                                   {QStringLiteral("sess_1"),
                                                    QStringLiteral("contacts"),
                                                    QStringLiteral("205227043110953@lid")});
        QCOMPARE(
            url.toEncoded(),
            QByteArray(
                "http://127.0.0.1:8080/api/v1/sessions/sess_1/contacts/205227043110953%40lid"));
    }

    void keepsActionSuffixAndEncodesColonInData()
    {
        const QUrl url = GatewayPaths::sessionsUrl(
            QUrl(QStringLiteral("https://gw.example.com/base/")), {QStringLiteral("a:b/../c")},
            ":start");
        QCOMPARE(url.toEncoded(),
                 QByteArray("https://gw.example.com/base/api/v1/sessions/a%3Ab%2F..%2Fc:start"));
    }

    void encodesQueryValues()
    {
        const QUrl url = GatewayPaths::sessionsUrl(
            QUrl(QStringLiteral("http://h")), {QStringLiteral("s")}, {},
            {{QStringLiteral("q"), QStringLiteral("a+b&c=d é")},
             {QStringLiteral("group"), QStringLiteral("1-2@g.us")}});
        QCOMPARE(
            url.toEncoded(),
            QByteArray("http://h/api/v1/sessions/s?q=a%2Bb%26c%3Dd%20%C3%A9&group=1-2%40g.us"));
    }

    void checksIdentifiers_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("lid");
        QTest::addColumn<bool>("liveJid");
        QTest::addColumn<bool>("groupJid");
        QTest::newRow("lid") << "205227043110953@lid" << true << true << false;
        QTest::newRow("phone jid") << "6281234567890@s.whatsapp.net" << false << true << false;
        QTest::newRow("device jid") << "6281234567890:12@s.whatsapp.net" << false << true << false;
        QTest::newRow("group") << "120363041234567890@g.us" << false << true << true;
        QTest::newRow("old group") << "6281234567890-1500000000@g.us" << false << true << true;
        QTest::newRow("empty") << "" << false << false << false;
        QTest::newRow("sql") << "1' OR '1'='1@lid" << false << false << false;
        QTest::newRow("traversal") << "../../etc/passwd" << false << false << false;
        QTest::newRow("nul") << QStringLiteral("1%1@lid").arg(QChar(0)) << false << false << false;
        QTest::newRow("10 kB") << QString(10240, QLatin1Char('9')) + QStringLiteral("@lid") << false
                               << false << false;
    }

    void checksIdentifiers()
    {
        QFETCH(QString, value);
        QFETCH(bool, lid);
        QFETCH(bool, liveJid);
        QFETCH(bool, groupJid);
        QCOMPARE(GatewayPaths::checkLid(value).isEmpty(), lid);
        QCOMPARE(GatewayPaths::checkLiveJid(value).isEmpty(), liveJid);
        QCOMPARE(GatewayPaths::checkGroupJid(value).isEmpty(), groupJid);
    }

    void checksSessionIdsAndQueries()
    {
        QVERIFY(
            GatewayPaths::checkSessionId(QStringLiteral("01J9ZX8K2QHV0M3T6R7P4N5W8C")).isEmpty());
        QVERIFY(!GatewayPaths::checkSessionId(QString()).isEmpty());
        QVERIFY(!GatewayPaths::checkSessionId(QStringLiteral("  ")).isEmpty());
        QVERIFY(!GatewayPaths::checkSessionId(QString(300, QLatin1Char('a'))).isEmpty());
        QVERIFY(!GatewayPaths::checkSessionId(QStringLiteral("a\nb")).isEmpty());
        QVERIFY(GatewayPaths::checkQueryText(QStringLiteral("Rina 🌸 أحمد 王")).isEmpty());
        QVERIFY(!GatewayPaths::checkQueryText(QString(10240, QLatin1Char('x'))).isEmpty());
        QVERIFY(!GatewayPaths::checkQueryText(QString(QChar(0xD800))).isEmpty()); // lone surrogate
    }

    void comparesOrigins()
    {
        QVERIFY(GatewayPaths::sameOrigin(QUrl(QStringLiteral("https://gw.example.com/a")),
                                         QUrl(QStringLiteral("https://GW.example.com:443/b"))));
        QVERIFY(!GatewayPaths::sameOrigin(QUrl(QStringLiteral("https://gw.example.com")),
                                          QUrl(QStringLiteral("http://gw.example.com"))));
        QVERIFY(!GatewayPaths::sameOrigin(QUrl(QStringLiteral("http://127.0.0.1:8080")),
                                          QUrl(QStringLiteral("http://127.0.0.1:8081"))));
        QVERIFY(!GatewayPaths::sameOrigin(QUrl(QStringLiteral("https://gw.example.com")),
                                          QUrl(QStringLiteral("https://gw.example.com.evil.net"))));
    }
};

QTEST_GUILESS_MAIN(TestGatewayPaths)
#include "tst_gatewaypaths.moc"
