#include "http/HttpResponseWriter.h"

#include "HttpTestClient.h"

#include <QTest>

namespace {
HttpReply parseOne(const QByteArray &bytes, bool head = false)
{
    QList<HttpReply> replies;
    const qsizetype used = parseReplies(bytes, &replies, head ? 1 : 0);
    return used == bytes.size() && replies.size() == 1 ? replies.first() : HttpReply();
}
} // namespace

class TestHttpResponseWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writesJsonWithTheStandardHeaders()
    {
        const QByteArray bytes = HttpResponseWriter::serialize(
            HttpResponse::json(QJsonObject{{QStringLiteral("a"), 1}}),
            {"rid-1", false, true, false});
        QVERIFY(bytes.startsWith("HTTP/1.1 200 OK\r\n"));
        const HttpReply r = parseOne(bytes);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("{\"a\":1}"));
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QCOMPARE(r.header("content-length"), QByteArray("7"));
        QCOMPARE(r.header("x-request-id"), QByteArray("rid-1"));
        QCOMPARE(r.header("x-content-type-options"), QByteArray("nosniff"));
        QCOMPARE(r.header("cache-control"), QByteArray("no-store"));
        QVERIFY(r.header("date").endsWith(" GMT"));
        QVERIFY(!r.hasHeader("connection"));
    }

    void headKeepsTheLengthButNotTheBody()
    {
        const QByteArray bytes = HttpResponseWriter::serialize(HttpResponse::rawJson("[1,2,3]"),
                                                               {"r", true, true, false});
        QVERIFY(bytes.endsWith("\r\n\r\n"));
        QCOMPARE(parseOne(bytes, true).header("content-length"), QByteArray("7"));
    }

    void noContentHasNoLength()
    {
        HttpResponse r = HttpResponse::noContent();
        r.body = "ignored";
        const QByteArray bytes = HttpResponseWriter::serialize(r, {"r", false, true, false});
        QVERIFY(bytes.startsWith("HTTP/1.1 204 No Content\r\n"));
        QVERIFY(!bytes.contains("Content-Length"));
        QVERIFY(!bytes.contains("ignored"));
    }

    void saysWhenItCloses()
    {
        QVERIFY(HttpResponseWriter::serialize({}, {"r", false, false, false})
                    .contains("\r\nConnection: close\r\n"));
        QVERIFY(HttpResponseWriter::serialize({}, {"r", false, true, true})
                    .contains("\r\nConnection: keep-alive\r\n"));
    }

    void letsHandlersReplaceRequestIdAndType()
    {
        HttpResponse r = HttpResponse::rawJson("{}");
        r.setHeader("X-Request-Id", "gateway-42")
            .setHeader("Content-Type", "application/problem+json");
        r.setHeader("ETag", "\"v1\"");
        const HttpReply reply = parseOne(
            HttpResponseWriter::serialize(r, {"generated", false, true, false}));
        QCOMPARE(reply.header("x-request-id"), QByteArray("gateway-42"));
        QCOMPARE(reply.header("content-type"), QByteArray("application/problem+json"));
        QCOMPARE(reply.header("etag"), QByteArray("\"v1\""));
        int ids = 0;
        for (const auto &h : reply.headers)
            ids += h.first == "x-request-id";
        QCOMPARE(ids, 1);
    }

    void dropsHeadersThatBreakFramingOrOpenCors()
    {
        HttpResponse r = HttpResponse::rawJson("{}");
        r.headers = {{"Access-Control-Allow-Origin", "*"},
                     {"Content-Length", "999"},
                     {"Connection", "upgrade"},
                     {"Cache-Control", "public"},
                     {"X-Evil", "a\r\nSet-Cookie: x=1"},
                     {"Bad Name", "v"},
                     {"X-Fine", "ok"}};
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("dropped reserved response header"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("dropped reserved response header"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("dropped reserved response header"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("dropped reserved response header"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("dropped reserved response header"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("dropped reserved response header"));
        const QByteArray bytes = HttpResponseWriter::serialize(r, {"r", false, true, false});
        QVERIFY(!bytes.contains("Access-Control"));
        QVERIFY(!bytes.contains("999"));
        QVERIFY(!bytes.contains("upgrade"));
        QVERIFY(!bytes.contains("public"));
        QVERIFY(!bytes.contains("Set-Cookie"));
        QVERIFY(!bytes.contains("Bad Name"));
        const HttpReply reply = parseOne(bytes);
        QCOMPARE(reply.header("x-fine"), QByteArray("ok"));
        QCOMPARE(reply.header("content-length"), QByteArray("2"));
        QCOMPARE(reply.header("cache-control"), QByteArray("no-store"));
    }

    void survivesAbsurdStatuses()
    {
        HttpResponse r;
        r.status = 42;
        QVERIFY(
            HttpResponseWriter::serialize(r, {"r", false, true, false}).startsWith("HTTP/1.1 500 "));
    }
};

QTEST_GUILESS_MAIN(TestHttpResponseWriter)
#include "tst_httpresponsewriter.moc"
