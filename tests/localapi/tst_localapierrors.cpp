#include "localapi/LocalApiErrors.h"

#include "HttpTestClient.h"
#include "http/HttpResponseWriter.h"

#include <QTest>

// The local API's error answers: the gateway's envelope and the contract's codes.
class TestLocalApiErrors : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writesTheErrorEnvelope()
    {
        QList<HttpReply> replies;
        parseReplies(HttpResponseWriter::serialize(
                         LocalApiErrors::error(
                             404, QLatin1String("not_found"), QStringLiteral("no such contact"),
                             QJsonObject{{QStringLiteral("lid"), QStringLiteral("1@lid")}}),
                         {"r", false, true, false}),
                     &replies);
        QCOMPARE(replies.size(), 1);
        const HttpReply &r = replies.first();
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), QStringLiteral("not_found"));
        const QJsonObject error = r.json().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("message")).toString(),
                 QStringLiteral("no such contact"));
        QCOMPARE(error.value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("lid"))
                     .toString(),
                 QStringLiteral("1@lid"));
        QCOMPARE(LocalApiErrors::error(405, QStringLiteral("x")).body,
                 QByteArray("{\"error\":{\"code\":\"validation_error\",\"message\":\"x\"}}"));
    }

    void mapsStatusesToContractCodes()
    {
        QCOMPARE(LocalApiErrors::codeForStatus(400), QLatin1String("validation_error"));
        QCOMPARE(LocalApiErrors::codeForStatus(401), QLatin1String("unauthorized"));
        QCOMPARE(LocalApiErrors::codeForStatus(403), QLatin1String("forbidden"));
        QCOMPARE(LocalApiErrors::codeForStatus(404), QLatin1String("not_found"));
        QCOMPARE(LocalApiErrors::codeForStatus(409), QLatin1String("conflict"));
        QCOMPARE(LocalApiErrors::codeForStatus(413), QLatin1String("validation_error"));
        QCOMPARE(LocalApiErrors::codeForStatus(429), QLatin1String("rate_limited"));
        QCOMPARE(LocalApiErrors::codeForStatus(500), QLatin1String("internal"));
        QCOMPARE(LocalApiErrors::codeForStatus(501), QLatin1String("not_implemented"));
        QCOMPARE(LocalApiErrors::codeForStatus(503), QLatin1String("gateway_unavailable"));
        QCOMPARE(LocalApiErrors::codeForStatus(505), QLatin1String("validation_error"));
    }
};

QTEST_GUILESS_MAIN(TestLocalApiErrors)
#include "tst_localapierrors.moc"
