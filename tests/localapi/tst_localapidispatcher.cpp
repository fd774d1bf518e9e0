#include "localapi/LocalApiDispatcher.h"

#include <QTest>

#include <stdexcept>

namespace {
const QByteArray kToken = "gcl_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";
constexpr quint16 kPort = 8123;

HttpRequest request(const QByteArray &method, const QByteArray &target,
                    QList<QPair<QByteArray, QByteArray>> headers = {
                        {"host", "127.0.0.1:8123"}, {"authorization", "Bearer " + kToken}})
{
    HttpRequest r;
    r.method = method;
    const qsizetype q = target.indexOf('?');
    r.path = q < 0 ? target : target.left(q);
    r.query = q < 0 ? QByteArray() : target.mid(q + 1);
    r.headers = headers;
    return r;
}

QString messageOf(const HttpResponse &r)
{
    return QJsonDocument::fromJson(r.body)
        .object()
        .value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("message"))
        .toString();
}

QString codeOf(const HttpResponse &r)
{
    return QJsonDocument::fromJson(r.body)
        .object()
        .value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("code"))
        .toString();
}
} // namespace

class TestLocalApiDispatcher : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<LocalApiDispatcher> dispatcher;
    HttpResponder kept;
    QList<QPair<QString, QString>> seenQuery;

    // As HttpConnection does: admit() first, then handle().
    std::optional<HttpResponse> dispatch(HttpRequest r)
    {
        if (auto refused = dispatcher->admit(r))
            return refused;
        return dispatcher->handle(r, [] { return HttpResponder(); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto router = std::make_shared<LocalApiRouter>();
        router->get(QStringLiteral("/api/v1/sessions/{session}/contacts"),
                    [this](const HttpRequest &r) {
                        seenQuery = r.queryItems;
                        return HttpResponse::json(
                            QJsonObject{{QStringLiteral("session"), r.param(u"session")}});
                    });
        router->get(
            QStringLiteral("/api/v1/openapi.json"),
            [](const HttpRequest &) { return HttpResponse::rawJson("{\"openapi\":\"3.1.0\"}"); },
            LocalApiRouter::Access::Public);
        router->get(QStringLiteral("/throws"),
                    [](const HttpRequest &) -> HttpResponse { throw std::runtime_error("boom"); });
        router->postAsync(
            QStringLiteral("/later"),
            [this](const HttpRequest &, HttpResponder responder) { kept = responder; });
        dispatcher = std::make_unique<LocalApiDispatcher>(router, LocalApiGuard(kToken, kPort));
    }

    void runsTheHandlerWithDecodedParamsAndQuery()
    {
        const auto r = dispatch(request("GET", "/api/v1/sessions/s%401/contacts?q=a+b&limit=5"));
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->body, QByteArray("{\"session\":\"s@1\"}"));
        QCOMPARE(seenQuery.size(), 2);
        QCOMPARE(seenQuery[0].second, QStringLiteral("a b"));
    }

    void checksHostFirst()
    {
        // Wrong Host and no token: the Host refusal wins.
        const auto r = dispatch(request("GET", "/nowhere", {{"host", "evil.example:8123"}}));
        QCOMPARE(r->status, 403);
        QCOMPARE(codeOf(*r), QStringLiteral("forbidden"));
    }

    void shouldRefuseForeignHostsAndBrowsersAtAdmissionOnly()
    {
        // Given requests with a foreign Host, from a web page, and with no token
        const HttpRequest foreign = request("GET", "/api/v1/openapi.json",
                                            {{"host", "h1.rebind.example:8123"}});
        const HttpRequest browser = request(
            "GET", "/api/v1/openapi.json",
            {{"host", "127.0.0.1:8123"}, {"sec-fetch-site", "cross-site"}});
        const HttpRequest noToken = request("GET", "/unknown", {{"host", "127.0.0.1:8123"}});
        // When the server asks whether they may be served at all
        // Then the first two are refused there (the server closes their connection), the
        // third is admitted: a missing token is the handler's 401, not a reason to close
        QCOMPARE(dispatcher->admit(foreign)->status, 403);
        QCOMPARE(dispatcher->admit(browser)->status, 403);
        QVERIFY(!dispatcher->admit(noToken));
    }

    void refusesBrowsersBeforeTheToken()
    {
        const auto r = dispatch(
            request("GET", "/api/v1/openapi.json",
                    {{"host", "localhost:8123"}, {"origin", "http://localhost:8123"}}));
        QCOMPARE(r->status, 403);
    }

    void refusesHostilePathsWith400()
    {
        for (const QByteArray &path : {QByteArray("/api/../x"), QByteArray("/api/%00"),
                                       QByteArray("/%2e%2e/x"), QByteArray("/a/%C0%AE")}) {
            const auto r = dispatch(request("GET", path));
            QCOMPARE(r->status, 400);
            QCOMPARE(codeOf(*r), QStringLiteral("validation_error"));
        }
    }

    void shouldAnswerUnknownPathsAndMethodsBeforeTheToken()
    {
        // Given no credential
        const QList<QPair<QByteArray, QByteArray>> noToken = {{"host", "127.0.0.1:8123"}};
        // When a path or method has no route, Then 404/405 as the gateway's router answers
        // them (outside its authenticated groups); a known route asks for the token
        QCOMPARE(dispatch(request("GET", "/unknown", noToken))->status, 404);
        QCOMPARE(dispatch(request("DELETE", "/api/v1/sessions/s/contacts", noToken))->status, 405);
        const auto r = dispatch(request("GET", "/api/v1/sessions/s/contacts", noToken));
        QCOMPARE(r->status, 401);
        QCOMPARE(codeOf(*r), QStringLiteral("unauthorized"));
    }

    void servesPublicRoutesWithoutToken()
    {
        const auto r = dispatch(
            request("GET", "/api/v1/openapi.json", {{"host", "127.0.0.1:8123"}}));
        QCOMPARE(r->status, 200);
    }

    void answersUnknownPathsAndMethods()
    {
        auto r = dispatch(request("GET", "/unknown"));
        QCOMPARE(r->status, 404);
        QCOMPARE(codeOf(*r), QStringLiteral("not_found"));
        QCOMPARE(messageOf(*r), QStringLiteral("route not found"));
        r = dispatch(request("PUT", "/api/v1/sessions/s/contacts"));
        QCOMPARE(r->status, 405);
        QVERIFY(r->body.isEmpty()); // chi's 405: Allow and no body
        bool allow = false;
        for (const auto &h : r->headers)
            allow = allow || (h.first == "Allow" && h.second == "GET, HEAD");
        QVERIFY(allow);
    }

    void refusesBadParametersAndQueries()
    {
        QCOMPARE(dispatch(request("GET", "/api/v1/sessions/%FF/contacts"))->status, 400);
        QCOMPARE(dispatch(request("GET", "/api/v1/sessions/s/contacts?q=%00"))->status, 400);
    }

    void turnsExceptionsInto500()
    {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("handler threw"));
        const auto r = dispatch(request("GET", "/throws"));
        QCOMPARE(r->status, 500);
        QCOMPARE(codeOf(*r), QStringLiteral("internal"));
    }

    void leavesAsyncAnswersToTheResponder()
    {
        bool made = false;
        HttpRequest r = request("POST", "/later");
        QVERIFY(!dispatcher->admit(r));
        const auto answer = dispatcher->handle(r, [&made] {
            made = true;
            return HttpResponder();
        });
        QVERIFY(!answer);
        QVERIFY(made);
    }

    void shouldAnswerTheServersOwnErrorsWithTheEnvelope()
    {
        // Given a refusal the HTTP server makes by itself (e.g. too many connections)
        // When it asks the dispatcher for the body
        const HttpResponse r = dispatcher->errorResponse(503, QStringLiteral("too many"));
        // Then it is the gateway's envelope with the contract's code
        QCOMPARE(r.status, 503);
        QCOMPARE(r.body,
                 QByteArray("{\"error\":{\"code\":\"gateway_unavailable\","
                            "\"message\":\"too many\"}}"));
        QCOMPARE(codeOf(dispatcher->errorResponse(431, QStringLiteral("big"))),
                 QStringLiteral("validation_error"));
    }
};

QTEST_GUILESS_MAIN(TestLocalApiDispatcher)
#include "tst_localapidispatcher.moc"
