#include "http/HttpRequestParser.h"

#include <QTest>

namespace {
struct Outcome {
    HttpRequestParser::Result result;
    qsizetype consumed = 0;
    int status = 0;
    HttpRequest request;
};

Outcome parseAll(const QByteArray &bytes, const HttpLimits &limits = {})
{
    HttpRequestParser parser(limits);
    Outcome o;
    o.result = parser.feed(bytes, &o.consumed);
    o.status = parser.errorStatus();
    if (o.result == HttpRequestParser::Result::Complete)
        o.request = parser.takeRequest();
    return o;
}

int resultOf(const QByteArray &bytes, const HttpLimits &limits = {})
{
    const Outcome o = parseAll(bytes, limits);
    switch (o.result) {
    case HttpRequestParser::Result::Complete:
        return 200;
    case HttpRequestParser::Result::NeedMore:
        return 0;
    case HttpRequestParser::Result::Error:
        return o.status;
    }
    return -1;
}
} // namespace

class TestHttpRequestParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesASimpleGet()
    {
        const QByteArray bytes = "GET /api/v1/sessions?limit=5 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
                                 "X-Thing:  spaced value \t\r\nAuthorization: Bearer t\r\n\r\n";
        const Outcome o = parseAll(bytes + "GET /next");
        QCOMPARE(int(o.result), int(HttpRequestParser::Result::Complete));
        QCOMPARE(o.consumed, bytes.size());
        QCOMPARE(o.request.method, QByteArray("GET"));
        QCOMPARE(o.request.path, QByteArray("/api/v1/sessions"));
        QCOMPARE(o.request.query, QByteArray("limit=5"));
        QCOMPARE(o.request.httpMinor, 1);
        QVERIFY(o.request.keepAlive);
        QCOMPARE(o.request.header("host"), QByteArray("127.0.0.1:8080"));
        QCOMPARE(o.request.header("x-thing"), QByteArray("spaced value"));
        QCOMPARE(o.request.headers.size(), 3);
    }

    void parsesByteByByte()
    {
        const QByteArray bytes = "POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello";
        HttpRequestParser parser({});
        qsizetype consumed = 0;
        for (qsizetype n = 0; n < bytes.size(); ++n) {
            QCOMPARE(int(parser.feed(QByteArrayView(bytes).first(n), &consumed)),
                     int(HttpRequestParser::Result::NeedMore));
            QCOMPARE(consumed, 0);
            QCOMPARE(parser.inProgress(), n > 0);
        }
        QCOMPARE(int(parser.feed(bytes, &consumed)), int(HttpRequestParser::Result::Complete));
        QCOMPARE(consumed, bytes.size());
        QCOMPARE(parser.takeRequest().body, QByteArray("hello"));
        QVERIFY(!parser.inProgress());
    }

    void acceptsBareLineFeedsAndLeadingBlankLines()
    {
        const Outcome o = parseAll("\r\n\nGET / HTTP/1.1\nHost: h\n\n");
        QCOMPARE(int(o.result), int(HttpRequestParser::Result::Complete));
        QCOMPARE(o.consumed, 3 + 24);
        QCOMPARE(o.request.header("host"), QByteArray("h"));
    }

    void understandsConnectionAndVersions()
    {
        QVERIFY(!parseAll("GET / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive, Close\r\n\r\n")
                     .request.keepAlive);
        const Outcome old = parseAll("GET / HTTP/1.0\r\n\r\n");
        QCOMPARE(int(old.result), int(HttpRequestParser::Result::Complete));
        QCOMPARE(old.request.httpMinor, 0);
        QVERIFY(!old.request.keepAlive);
        QVERIFY(parseAll("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").request.keepAlive);
    }

    void refusesMalformedHeads_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        const QByteArray host = "Host: h\r\n";
        QTest::newRow("no host in 1.1") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("two hosts") << "GET / HTTP/1.1\r\n" + host + host + "\r\n" << 400;
        QTest::newRow("absolute form") << "GET http://evil/ HTTP/1.1\r\n" + host + "\r\n" << 400;
        QTest::newRow("asterisk") << "OPTIONS * HTTP/1.1\r\n" + host + "\r\n" << 400;
        QTest::newRow("fragment") << "GET /a#b HTTP/1.1\r\n" + host + "\r\n" << 400;
        QTest::newRow("raw utf-8 in target") << "GET /\xC3\xA9 HTTP/1.1\r\n" + host + "\r\n" << 400;
        QTest::newRow("double space") << "GET  / HTTP/1.1\r\n" + host + "\r\n" << 400;
        QTest::newRow("missing version") << "GET /\r\n" + host + "\r\n" << 400;
        QTest::newRow("http/2") << "GET / HTTP/2.0\r\n" + host + "\r\n" << 505;
        QTest::newRow("garbage version") << "GET / FTP/1.1\r\n" + host + "\r\n" << 400;
        QTest::newRow("bad method") << "G(T / HTTP/1.1\r\n" + host + "\r\n" << 400;
        QTest::newRow("space before colon") << "GET / HTTP/1.1\r\n" + host + "X-A : 1\r\n\r\n"
                                            << 400;
        QTest::newRow("folded line") << "GET / HTTP/1.1\r\n" + host + "X-A: 1\r\n  2\r\n\r\n"
                                     << 400;
        QTest::newRow("no colon") << "GET / HTTP/1.1\r\n" + host + "X-A\r\n\r\n" << 400;
        QTest::newRow("nul in value")
            << "GET / HTTP/1.1\r\n" + host + QByteArray("X-A: a\0b\r\n\r\n", 12) << 400;
        QTest::newRow("bare CR") << "GET / HTTP/1.1\r\n" + host + "X-A: a\rb\r\n\r\n" << 400;
        QTest::newRow("chunked") << "POST / HTTP/1.1\r\n" + host
                + "Transfer-Encoding: chunked\r\n\r\n"
                                 << 411;
        QTest::newRow("gzip te") << "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: gzip\r\n\r\n"
                                 << 400;
        QTest::newRow("te and cl") << "POST / HTTP/1.1\r\n" + host
                + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\nabc"
                                   << 400;
        QTest::newRow("cl not a number")
            << "POST / HTTP/1.1\r\n" + host + "Content-Length: 3x\r\n\r\n"
            << 400;
        QTest::newRow("cl negative") << "POST / HTTP/1.1\r\n" + host + "Content-Length: -1\r\n\r\n"
                                     << 400;
        QTest::newRow("cl disagree")
            << "POST / HTTP/1.1\r\n" + host + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"
            << 400;
        QTest::newRow("cl too big")
            << "POST / HTTP/1.1\r\n" + host + "Content-Length: 10485760\r\n\r\n"
            << 413;
        QTest::newRow("cl huge") << "POST / HTTP/1.1\r\n" + host
                + "Content-Length: 99999999999999999999999999\r\n\r\n"
                                 << 413;
        QTest::newRow("expect other") << "POST / HTTP/1.1\r\n" + host + "Expect: teapot\r\n\r\n"
                                      << 417;
    }

    void refusesMalformedHeads()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        QCOMPARE(resultOf(bytes), status);
    }

    void acceptsAgreeingContentLengths()
    {
        const Outcome o = parseAll(
            "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3, 3\r\nContent-Length: 3\r\n\r\nabc");
        QCOMPARE(int(o.result), int(HttpRequestParser::Result::Complete));
        QCOMPARE(o.request.body, QByteArray("abc"));
    }

    void limitsTheHead()
    {
        HttpLimits limits;
        limits.maxHeadBytes = 1024;
        const QByteArray start = "GET / HTTP/1.1\r\nHost: h\r\n";
        // No blank line yet but over the limit: refused without waiting for the rest.
        QCOMPARE(resultOf(start + "X-Big: " + QByteArray(1100, 'a'), limits), 431);
        // Complete but over the limit.
        QCOMPARE(resultOf(start + "X-Big: " + QByteArray(1100, 'a') + "\r\n\r\n", limits), 431);
        // Just under.
        QCOMPARE(
            resultOf(start + "X-Big: " + QByteArray(1024 - start.size() - 11, 'a') + "\r\n\r\n",
                     limits),
            200);
        // Endless blank lines are a head too.
        QCOMPARE(resultOf(QByteArray(2000, '\n'), limits), 431);
        // A 10 kB path fits the default 16 KiB.
        QCOMPARE(resultOf("GET /" + QByteArray(10 * 1024, 'p') + " HTTP/1.1\r\nHost: h\r\n\r\n"),
                 200);
    }

    void limitsHeaderCount()
    {
        QByteArray bytes = "GET / HTTP/1.1\r\nHost: h\r\n";
        for (int i = 0; i < 120; ++i)
            bytes += "X-" + QByteArray::number(i) + ": v\r\n";
        QCOMPARE(resultOf(bytes + "\r\n"), 431);
    }

    void asksForContinueOnlyWhenABodyIsExpected()
    {
        HttpRequestParser parser({});
        qsizetype consumed = 0;
        const QByteArray head =
            "POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n";
        QCOMPARE(int(parser.feed(head, &consumed)), int(HttpRequestParser::Result::NeedMore));
        QVERIFY(parser.wantsContinue());
        parser.markContinueSent();
        QVERIFY(!parser.wantsContinue());
        QCOMPARE(int(parser.feed(head + "ok", &consumed)),
                 int(HttpRequestParser::Result::Complete));

        HttpRequestParser empty({});
        QCOMPARE(
            int(empty.feed("GET / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n\r\n", &consumed)),
            int(HttpRequestParser::Result::Complete));
    }
};

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
