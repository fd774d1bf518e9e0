#include "core/SecretRedactor.h"

#include <QtTest>

class TestSecretRedactor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void masksSecretShapes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("secret");
        const QString jwt = QStringLiteral(
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlX2hlcmU");
        QTest::newRow("jwt in a sentence")
            << QStringLiteral("request with %1 failed").arg(jwt) << jwt;
        QTest::newRow("bearer header") << QStringLiteral("Authorization: Bearer gk_live_abc123XYZ")
                                       << QStringLiteral("gk_live_abc123XYZ");
        QTest::newRow("api key pair")
            << QStringLiteral("url?api_key=sekret-value&x=1") << QStringLiteral("sekret-value");
        QTest::newRow("json token")
            << QStringLiteral(R"({"token": "4f9a8b7c6d5e"})") << QStringLiteral("4f9a8b7c6d5e");
        QTest::newRow("x-api-key header")
            << QStringLiteral("X-Api-Key: ak_0011223344") << QStringLiteral("ak_0011223344");
    }
    void masksSecretShapes()
    {
        QFETCH(QString, text);
        QFETCH(QString, secret);
        const QString out = SecretRedactor::redact(text);
        QVERIFY2(!out.contains(secret), qPrintable(out));
        QVERIFY(out.contains(QLatin1String("[redacted]")));
    }

    void leavesOrdinaryTextAlone()
    {
        const QString text = QStringLiteral(
            "GET /api/v1/sessions/s1/contacts -> 503 (request id req-42), retry in 2 s");
        QCOMPARE(SecretRedactor::redact(text), text);
    }
};

QTEST_GUILESS_MAIN(TestSecretRedactor)
#include "tst_secretredactor.moc"
