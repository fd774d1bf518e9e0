#include "localapi/LocalApiToken.h"

#include <QSet>
#include <QTest>

class TestLocalApiToken : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void generatesPrefixedBase64Url256Bits()
    {
        const QByteArray token = LocalApiToken::generate();
        QVERIFY(token.startsWith("gcl_"));
        QCOMPARE(token.size(), 4 + 43);
        QVERIFY(LocalApiToken::isWellFormed(token));
        const auto decoded = QByteArray::fromBase64Encoding(
            token.mid(4), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        QVERIFY(decoded);
        QCOMPARE(decoded.decoded.size(), 32);
    }

    void generatesDifferentTokens()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 1000; ++i)
            seen.insert(LocalApiToken::generate());
        QCOMPARE(seen.size(), 1000);
    }

    void recognisesMalformedTokens()
    {
        const QByteArray good = LocalApiToken::generate();
        QVERIFY(!LocalApiToken::isWellFormed(""));
        QVERIFY(!LocalApiToken::isWellFormed(good.mid(1)));
        QVERIFY(!LocalApiToken::isWellFormed("xyz_" + good.mid(4)));
        QVERIFY(!LocalApiToken::isWellFormed(good + "A"));
        QByteArray bad = good;
        bad[10] = '+';
        QVERIFY(!LocalApiToken::isWellFormed(bad));
    }

    void comparesExactly_data()
    {
        QTest::addColumn<QByteArray>("presented");
        QTest::addColumn<bool>("equal");
        const QByteArray secret = "gcl_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
        QTest::newRow("same") << secret << true;
        QTest::newRow("first byte differs")
            << QByteArray("Gcl_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG") << false;
        QTest::newRow("last byte differs")
            << QByteArray("gcl_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFH") << false;
        QTest::newRow("prefix only") << secret.left(20) << false;
        QTest::newRow("longer") << secret + "x" << false;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("repeating prefix") << secret.left(1).repeated(secret.size()) << false;
        QTest::newRow("doubled") << secret + secret << false;
    }

    void comparesExactly()
    {
        QFETCH(QByteArray, presented);
        QFETCH(bool, equal);
        const QByteArray secret = "gcl_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
        QCOMPARE(LocalApiToken::equals(presented, secret), equal);
    }

    void emptySecretNeverMatches()
    {
        QVERIFY(!LocalApiToken::equals("", ""));
        QVERIFY(!LocalApiToken::equals("x", ""));
    }
};

QTEST_GUILESS_MAIN(TestLocalApiToken)
#include "tst_localapitoken.moc"
