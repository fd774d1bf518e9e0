#include "cache/ContactCursor.h"

#include <QTest>

class TestContactCursor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrips();
    void belongsToOneOrder();
    void rejectsGarbage_data();
    void rejectsGarbage();
    void rejectsUpdatedKeysOutOfRange();
};

void TestContactCursor::roundTrips()
{
    ContactCursor c;
    c.sort = ContactSort::Name;
    c.key = QStringLiteral("王志明 \"x\" 😀") + QString::fromUcs4(U"\U0010FFFF", 1);
    c.lid = QStringLiteral("205227043110953@lid");
    const QString text = c.encode();
    QVERIFY(!text.contains(QLatin1Char('/')) && !text.contains(QLatin1Char('+'))
            && !text.contains(QLatin1Char('=')));
    const auto back = ContactCursor::decode(text, ContactSort::Name, Qt::AscendingOrder);
    QVERIFY(back);
    QCOMPARE(back->key.toString(), c.key.toString());
    QCOMPARE(back->lid, c.lid);

    ContactCursor u;
    u.sort = ContactSort::Updated;
    u.order = Qt::DescendingOrder;
    u.key = qlonglong(1719662400123);
    u.lid = QStringLiteral("1@lid");
    const auto ub = ContactCursor::decode(u.encode(), ContactSort::Updated, Qt::DescendingOrder);
    QVERIFY(ub);
    QCOMPARE(ub->key.toLongLong(), 1719662400123);
}

void TestContactCursor::belongsToOneOrder()
{
    ContactCursor c;
    c.key = QStringLiteral("a");
    c.lid = QStringLiteral("1@lid");
    const QString text = c.encode();
    QVERIFY(!ContactCursor::decode(text, ContactSort::Phone, Qt::AscendingOrder));
    QVERIFY(!ContactCursor::decode(text, ContactSort::Name, Qt::DescendingOrder));
    QVERIFY(!ContactCursor::decode(text, ContactSort::Updated, Qt::AscendingOrder));
}

void TestContactCursor::rejectsGarbage_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("not base64") << QStringLiteral("!!!***");
    QTest::newRow("sql") << QStringLiteral("' OR 1=1 --");
    QTest::newRow("base64 of text") << QString::fromLatin1(QByteArray("hello").toBase64());
    QTest::newRow("json object") << QString::fromLatin1(
        QByteArray("{\"a\":1}").toBase64(QByteArray::Base64UrlEncoding));
    QTest::newRow("wrong version") << QString::fromLatin1(
        QByteArray("[9,0,0,\"a\",\"b\"]").toBase64(QByteArray::Base64UrlEncoding));
    QTest::newRow("wrong types") << QString::fromLatin1(
        QByteArray("[1,0,0,5,\"b\"]").toBase64(QByteArray::Base64UrlEncoding));
    QTest::newRow("short") << QString::fromLatin1(
        QByteArray("[1,0,0]").toBase64(QByteArray::Base64UrlEncoding));
    QTest::newRow("non latin") << QStringLiteral("王志明");
    QTest::newRow("huge") << QString(100000, QLatin1Char('A'));
    QTest::newRow("nul") << QString(QChar(0));
}

void TestContactCursor::rejectsGarbage()
{
    QFETCH(QString, text);
    QVERIFY(!ContactCursor::decode(text, ContactSort::Name, Qt::AscendingOrder));
}

// Found by fuzz_contact_cursor: 1.8e21 was converted to qlonglong (undefined behaviour).
void TestContactCursor::rejectsUpdatedKeysOutOfRange()
{
    for (const char *key : {"1.76723e+21", "9223372036854775808", "-1e300", "1.5"}) {
        const QByteArray json = QByteArray("[1,3,0,") + key + ",\"1@lid\"]";
        QVERIFY2(!ContactCursor::decode(
                     QString::fromLatin1(json.toBase64(QByteArray::Base64UrlEncoding)),
                     ContactSort::Updated, Qt::AscendingOrder),
                 key);
    }
    const QByteArray edge = "[1,3,0,9007199254740992,\"1@lid\"]";
    const auto decoded = ContactCursor::decode(
        QString::fromLatin1(edge.toBase64(QByteArray::Base64UrlEncoding)), ContactSort::Updated,
        Qt::AscendingOrder);
    QVERIFY(decoded);
    QCOMPARE(decoded->key.toLongLong(), 9007199254740992LL);
}

QTEST_GUILESS_MAIN(TestContactCursor)
#include "tst_contactcursor.moc"
