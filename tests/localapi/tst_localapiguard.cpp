#include "localapi/LocalApiGuard.h"

#include <QTest>

namespace {
const QByteArray kToken = "gcl_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

HttpRequest withHeaders(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    HttpRequest r;
    r.method = "GET";
    r.path = "/";
    r.headers = headers;
    return r;
}
} // namespace

class TestLocalApiGuard : public QObject
{
    Q_OBJECT
private:
    LocalApiGuard guard{kToken, 8123};

private Q_SLOTS:
    void checksHost_data()
    {
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("ipv4") << QByteArray("127.0.0.1:8123") << true;
        QTest::newRow("localhost") << QByteArray("localhost:8123") << true;
        QTest::newRow("LOCALHOST") << QByteArray("LOCALHOST:8123") << true;
        QTest::newRow("ipv6") << QByteArray("[::1]:8123") << true;
        QTest::newRow("no port") << QByteArray("127.0.0.1") << false;
        QTest::newRow("other port") << QByteArray("127.0.0.1:8124") << false;
        QTest::newRow("rebinding name") << QByteArray("attacker.example:8123") << false;
        QTest::newRow("localhost suffix") << QByteArray("localhost.attacker.example:8123") << false;
        QTest::newRow("other loopback") << QByteArray("127.0.0.2:8123") << false;
        QTest::newRow("trailing dot") << QByteArray("localhost.:8123") << false;
        QTest::newRow("userinfo") << QByteArray("x@127.0.0.1:8123") << false;
        QTest::newRow("empty") << QByteArray("") << false;
    }

    void checksHost()
    {
        QFETCH(QByteArray, host);
        QFETCH(bool, allowed);
        const auto refusal = guard.checkHost(withHeaders({{"host", host}}));
        QCOMPARE(!refusal.has_value(), allowed);
        if (refusal) {
            QCOMPARE(refusal->status, 403);
            QVERIFY(refusal->body.contains("\"forbidden\""));
        }
    }

    void refusesMissingHost()
    {
        const auto refusal = guard.checkHost(withHeaders({}));
        QVERIFY(refusal);
        QCOMPARE(refusal->status, 403);
    }

    void refusesBrowsers()
    {
        QVERIFY(!guard.checkNotBrowser(withHeaders({{"host", "x"}})));
        QVERIFY(!guard.checkNotBrowser(withHeaders({{"sec-fetch-site", "none"}})));
        for (const QByteArray &origin :
             {QByteArray("http://127.0.0.1:8123"), QByteArray("null"), QByteArray()}) {
            const auto refusal = guard.checkNotBrowser(withHeaders({{"origin", origin}}));
            QVERIFY(refusal);
            QCOMPARE(refusal->status, 403);
            QVERIFY(!refusal->body.contains("Access-Control"));
        }
        QVERIFY(guard.checkNotBrowser(withHeaders({{"sec-fetch-site", "cross-site"}})));
        QVERIFY(guard.checkNotBrowser(withHeaders({{"sec-fetch-site", "same-origin"}})));
    }

    void checksToken_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("ok");
        QTest::newRow("bearer") << QByteArray("authorization") << "Bearer " + kToken << true;
        QTest::newRow("bearer lower-case scheme")
            << QByteArray("authorization") << "bearer " + kToken << true;
        QTest::newRow("x-api-key") << QByteArray("x-api-key") << kToken << true;
        QTest::newRow("wrong") << QByteArray("authorization") << "Bearer " + kToken.left(46) + "H"
                               << false;
        QTest::newRow("prefix") << QByteArray("authorization") << "Bearer " + kToken.left(20)
                                << false;
        QTest::newRow("longer") << QByteArray("authorization") << "Bearer " + kToken + "x" << false;
        QTest::newRow("basic") << QByteArray("authorization") << "Basic " + kToken << false;
        QTest::newRow("no scheme") << QByteArray("authorization") << kToken << false;
        QTest::newRow("empty bearer")
            << QByteArray("authorization") << QByteArray("Bearer ") << false;
        QTest::newRow("empty key") << QByteArray("x-api-key") << QByteArray("") << false;
        QTest::newRow("cookie is not a credential")
            << QByteArray("cookie") << "token=" + kToken << false;
    }

    void checksToken()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        QFETCH(bool, ok);
        const auto refusal = guard.checkToken(
            withHeaders({{"host", "127.0.0.1:8123"}, {name, value}}));
        QCOMPARE(!refusal.has_value(), ok);
        if (refusal) {
            QCOMPARE(refusal->status, 401);
            QVERIFY(refusal->body.contains("\"unauthorized\""));
            QVERIFY(!refusal->body.contains(kToken));
        }
    }

    void refusesMissingToken()
    {
        QVERIFY(guard.checkToken(withHeaders({{"host", "127.0.0.1:8123"}})));
    }
};

QTEST_GUILESS_MAIN(TestLocalApiGuard)
#include "tst_localapiguard.moc"
