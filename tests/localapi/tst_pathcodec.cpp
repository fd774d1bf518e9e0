#include "localapi/PathCodec.h"

#include <QTest>

class TestPathCodec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decodesComponents_data()
    {
        QTest::addColumn<QByteArray>("encoded");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("decoded");
        QTest::newRow("plain") << QByteArray("sess_1") << true << "sess_1";
        QTest::newRow("at sign") << QByteArray("205227043110953%40lid") << true
                                 << "205227043110953@lid";
        QTest::newRow("raw at sign") << QByteArray("1@g.us") << true << "1@g.us";
        QTest::newRow("slash stays in segment") << QByteArray("a%2Fb") << true << "a/b";
        QTest::newRow("lower-case hex") << QByteArray("%c3%a9") << true << QString::fromUtf8("é");
        QTest::newRow("4-byte utf-8")
            << QByteArray("%F0%9F%98%80") << true << QString::fromUtf8("😀");
        QTest::newRow("plus is literal") << QByteArray("a+b") << true << "a+b";
        QTest::newRow("nul") << QByteArray("a%00b") << false << "";
        QTest::newRow("newline") << QByteArray("a%0Ab") << false << "";
        QTest::newRow("del") << QByteArray("%7F") << false << "";
        QTest::newRow("truncated escape") << QByteArray("a%4") << false << "";
        QTest::newRow("lone percent") << QByteArray("%") << false << "";
        QTest::newRow("bad hex") << QByteArray("%zz") << false << "";
        QTest::newRow("invalid byte") << QByteArray("%FF") << false << "";
        QTest::newRow("lone continuation") << QByteArray("%80") << false << "";
        QTest::newRow("overlong slash C0") << QByteArray("%C0%AF") << false << "";
        QTest::newRow("overlong dot C1") << QByteArray("%C1%AE") << false << "";
        QTest::newRow("overlong 3-byte") << QByteArray("%E0%80%AF") << false << "";
        QTest::newRow("overlong 4-byte") << QByteArray("%F0%80%80%AF") << false << "";
        QTest::newRow("surrogate") << QByteArray("%ED%A0%80") << false << "";
        QTest::newRow("above U+10FFFF") << QByteArray("%F4%90%80%80") << false << "";
        QTest::newRow("truncated sequence") << QByteArray("%E2%82") << false << "";
    }

    void decodesComponents()
    {
        QFETCH(QByteArray, encoded);
        QFETCH(bool, ok);
        QFETCH(QString, decoded);
        QString out, error;
        QCOMPARE(PathCodec::decodeComponent(encoded, &out, &error), ok);
        if (ok)
            QCOMPARE(out, decoded);
        else
            QVERIFY(!error.isEmpty());
    }

    void validatesPaths_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<bool>("ok");
        QTest::newRow("root") << QByteArray("/") << true;
        QTest::newRow("api") << QByteArray("/api/v1/sessions/s1/contacts/1%40lid") << true;
        QTest::newRow("action") << QByteArray("/api/v1/sessions/s1:start") << true;
        QTest::newRow("empty segments") << QByteArray("/a//b/") << true; // no route will match
        QTest::newRow("10 kB") << "/a/" + QByteArray(10 * 1024, 'x') << true;
        QTest::newRow("no slash") << QByteArray("api") << false;
        QTest::newRow("dot dot") << QByteArray("/api/../etc") << false;
        QTest::newRow("dot") << QByteArray("/api/./x") << false;
        QTest::newRow("encoded dot dot") << QByteArray("/api/%2e%2E/x") << false;
        QTest::newRow("half encoded dot dot") << QByteArray("/api/.%2e") << false;
        QTest::newRow("trailing dot dot") << QByteArray("/api/..") << false;
        QTest::newRow("three dots are a name") << QByteArray("/api/...") << true;
        QTest::newRow("nul") << QByteArray("/api/%00") << false;
        QTest::newRow("backslash") << QByteArray("/api\\x") << false;
        QTest::newRow("angle") << QByteArray("/<script>") << false;
        QTest::newRow("quote") << QByteArray("/a\"b") << false;
        QTest::newRow("overlong in path") << QByteArray("/%C0%AE%C0%AE/x") << false;
    }

    void validatesPaths()
    {
        QFETCH(QByteArray, path);
        QFETCH(bool, ok);
        QString error;
        QCOMPARE(PathCodec::validatePath(path, &error), ok);
        QCOMPARE(error.isEmpty(), ok);
    }

    void decodesQueries()
    {
        QList<QPair<QString, QString>> items;
        QString error;
        QVERIFY(PathCodec::decodeQuery("q=a+b%20c&source=dm&&flag&group=1-2%40g.us&x=%3D%26",
                                       &items, &error));
        QCOMPARE(items.size(), 5);
        QCOMPARE(items[0], qMakePair(QStringLiteral("q"), QStringLiteral("a b c")));
        QCOMPARE(items[1], qMakePair(QStringLiteral("source"), QStringLiteral("dm")));
        QCOMPARE(items[2], qMakePair(QStringLiteral("flag"), QString()));
        QCOMPARE(items[3], qMakePair(QStringLiteral("group"), QStringLiteral("1-2@g.us")));
        QCOMPARE(items[4], qMakePair(QStringLiteral("x"), QStringLiteral("=&")));
    }

    void refusesBadQueries()
    {
        QString error;
        QVERIFY(!PathCodec::decodeQuery("q=%00", nullptr, &error));
        QVERIFY(!PathCodec::decodeQuery("q=%FF", nullptr, &error));
        QVERIFY(!PathCodec::decodeQuery("q=%", nullptr, &error));
        QVERIFY(!PathCodec::decodeQuery("q=a b", nullptr, &error));
        QVERIFY(!error.isEmpty());
    }

    void utf8ValidatorMatchesTheRfc()
    {
        QVERIFY(PathCodec::isValidUtf8(""));
        QVERIFY(PathCodec::isValidUtf8("\xEF\xBF\xBF"));     // U+FFFF
        QVERIFY(PathCodec::isValidUtf8("\xF4\x8F\xBF\xBF")); // U+10FFFF
        QVERIFY(PathCodec::isValidUtf8("\xED\x9F\xBF"));     // U+D7FF
        QVERIFY(!PathCodec::isValidUtf8("\xF5\x80\x80\x80"));
        QVERIFY(!PathCodec::isValidUtf8("\xE2\x28\xA1"));
    }
};

QTEST_GUILESS_MAIN(TestPathCodec)
#include "tst_pathcodec.moc"
