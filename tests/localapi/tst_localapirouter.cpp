#include "localapi/LocalApiRouter.h"

#include <QTest>

namespace {
LocalApiRouter::Handler named(const char *name)
{
    return [name](const HttpRequest &) { return HttpResponse::rawJson(name); };
}

QByteArray run(const LocalApiRouter::Match &m)
{
    HttpRequest request;
    return m.route && m.route->handler ? m.route->handler(request).body : QByteArray();
}
} // namespace

class TestLocalApiRouter : public QObject
{
    Q_OBJECT
private:
    LocalApiRouter router;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(router.get(QStringLiteral("/api/v1/sessions"), named("list")));
        QVERIFY(router.get(QStringLiteral("/api/v1/sessions/{session}"), named("session")));
        QVERIFY(router.post(QStringLiteral("/api/v1/sessions/{session}:start"), named("start")));
        QVERIFY(router.get(QStringLiteral("/api/v1/sessions/{session}/contacts/{lid}"),
                           named("contact")));
        QVERIFY(router.post(QStringLiteral("/api/v1/sessions/{session}/contacts/{jid}/block"),
                            named("block")));
        QVERIFY(router.get(QStringLiteral("/api/v1/sessions/all"), named("all")));
        QVERIFY(router.get(QStringLiteral("/api/v1/openapi.json"), named("openapi"),
                           LocalApiRouter::Access::Public));
    }

    void matchesLiteralPaths()
    {
        const auto m = router.match("GET", "/api/v1/sessions", nullptr);
        QCOMPARE(int(m.kind), int(LocalApiRouter::Match::Kind::Found));
        QCOMPARE(run(m), QByteArray("list"));
        QVERIFY(!m.publicPath);
    }

    void decodesParametersPerSegment()
    {
        QList<QPair<QString, QString>> params;
        const auto m = router.match("GET", "/api/v1/sessions/s%201/contacts/205227043110953%40lid",
                                    &params);
        QCOMPARE(run(m), QByteArray("contact"));
        QCOMPARE(params.size(), 2);
        QCOMPARE(params[0], qMakePair(QStringLiteral("session"), QStringLiteral("s 1")));
        QCOMPARE(params[1],
                 qMakePair(QStringLiteral("lid"), QStringLiteral("205227043110953@lid")));
    }

    void keepsEncodedSlashInsideItsSegment()
    {
        QList<QPair<QString, QString>> params;
        const auto m = router.match("GET", "/api/v1/sessions/a%2Fb", &params);
        QCOMPARE(run(m), QByteArray("session"));
        QCOMPARE(params.value(0).second, QStringLiteral("a/b"));
        // The raw slash makes it another path altogether.
        QCOMPARE(int(router.match("GET", "/api/v1/sessions/a/b", nullptr).kind),
                 int(LocalApiRouter::Match::Kind::NotFound));
    }

    void matchesActionSuffixLiterally()
    {
        QList<QPair<QString, QString>> params;
        auto m = router.match("POST", "/api/v1/sessions/sess_1:start", &params);
        QCOMPARE(run(m), QByteArray("start"));
        QCOMPARE(params.value(0).second, QStringLiteral("sess_1"));
        // An encoded colon is data, not the action separator.
        params.clear();
        m = router.match("GET", "/api/v1/sessions/sess_1%3Astart", &params);
        QCOMPARE(run(m), QByteArray("session"));
        QCOMPARE(params.value(0).second, QStringLiteral("sess_1:start"));
        // The action needs a non-empty parameter in front.
        params.clear();
        m = router.match("POST", "/api/v1/sessions/:start", &params);
        QCOMPARE(int(m.kind), int(LocalApiRouter::Match::Kind::MethodNotAllowed));
    }

    void prefersLiteralsOverParameters()
    {
        QCOMPARE(run(router.match("GET", "/api/v1/sessions/all", nullptr)), QByteArray("all"));
    }

    void answersHeadWithGetRoutes()
    {
        QCOMPARE(run(router.match("HEAD", "/api/v1/sessions", nullptr)), QByteArray("list"));
    }

    void reportsAllowedMethods()
    {
        auto m = router.match("DELETE", "/api/v1/sessions/x", nullptr);
        QCOMPARE(int(m.kind), int(LocalApiRouter::Match::Kind::MethodNotAllowed));
        QCOMPARE(m.allow, QByteArray("GET, HEAD"));
        m = router.match("GET", "/api/v1/sessions/x/contacts/y/block", nullptr);
        QCOMPARE(int(m.kind), int(LocalApiRouter::Match::Kind::MethodNotAllowed));
        QCOMPARE(m.allow, QByteArray("POST"));
        m = router.match("PUT", "/api/v1/sessions/x:start", nullptr);
        QCOMPARE(m.allow, QByteArray("GET, HEAD, POST")); // ":start" and the plain {session} route
    }

    void reportsUnknownPaths()
    {
        for (const char *path : {"/", "/api", "/api/v1/sessions/", "/api/v1//sessions",
                                 "/api/v1/sessions/a/b/c/d/e/f"}) {
            QCOMPARE(int(router.match("GET", path, nullptr).kind),
                     int(LocalApiRouter::Match::Kind::NotFound));
        }
    }

    void refusesParametersThatDoNotDecode()
    {
        for (const char *path :
             {"/api/v1/sessions/%FF", "/api/v1/sessions/a%00", "/api/v1/sessions/%C0%AE"}) {
            const auto m = router.match("GET", path, nullptr);
            QCOMPARE(int(m.kind), int(LocalApiRouter::Match::Kind::BadParameter));
            QVERIFY(!m.error.isEmpty());
        }
    }

    void marksPublicRoutes()
    {
        QVERIFY(router.match("GET", "/api/v1/openapi.json", nullptr).publicPath);
        QVERIFY(router.match("POST", "/api/v1/openapi.json", nullptr).publicPath);
    }

    void refusesMalformedPatterns()
    {
        LocalApiRouter r;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("refused malformed route"));
        QVERIFY(!r.get(QStringLiteral("no-slash"), named("x")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("refused malformed route"));
        QVERIFY(!r.get(QStringLiteral("/a/{unclosed"), named("x")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("refused malformed route"));
        QVERIFY(!r.get(QStringLiteral("/a/{x}{y}"), named("x")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("refused malformed route"));
        QVERIFY(!r.get(QStringLiteral("/a/{}"), named("x")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("refused malformed route"));
        QVERIFY(!r.get(QStringLiteral("/a b"), named("x")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("refused malformed route"));
        QVERIFY(!r.get(QStringLiteral("/a"), LocalApiRouter::Handler()));
        QVERIFY(r.get(QStringLiteral("/a/pre{x}post"), named("x")));
        QList<QPair<QString, QString>> params;
        QCOMPARE(run(r.match("GET", "/a/pre%40post", &params)), QByteArray("x"));
        QCOMPARE(params.value(0).second, QStringLiteral("@"));
    }
};

QTEST_GUILESS_MAIN(TestLocalApiRouter)
#include "tst_localapirouter.moc"
