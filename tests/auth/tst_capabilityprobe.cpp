// CapabilityProbe against a small in-process fake gateway (QHttpServer on 127.0.0.1) whose
// answers per token are set here, so every branch (200, 401, 403, 404, 5xx, unreachable)
// is exercised deterministically. The probe against the full simulator is in
// tst_capabilityprobe_sim.
#include "auth/CapabilityProbe.h"
#include "gateway/GatewayClient.h"
#include "gateway/GatewayJson.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTest>

namespace {

QString makeJwt(const QString &orgRole, qint64 exp)
{
    const auto b64 = [](const QByteArray &raw) {
        return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    const QJsonObject claims{{"sub", "u1"}, {"activeOrganizationId", "org-a"},
                             {"orgRole", orgRole}, {"exp", double(exp)}};
    return QString::fromLatin1(b64("{\"alg\":\"EdDSA\"}") + '.'
                               + b64(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + ".sig");
}

qint64 inOneHour() { return QDateTime::currentSecsSinceEpoch() + 3600; }

// What the fake gateway lets one token do.
struct Grant {
    bool manage = false;
    bool read = false;
    bool emptyOrg = false;
    bool broken = false; // answers 500 to everything
    bool revokedAfterListing = false; // 403 to listing, then unknown (revoked meanwhile)
};

QHttpServerResponse apiError(QHttpServerResponse::StatusCode status, const char *code)
{
    return QHttpServerResponse(
        QJsonObject{{"error", QJsonObject{{"code", code}, {"message", QString::fromLatin1(code)}}}},
        status);
}

WaSession session(const QString &id)
{
    WaSession s;
    s.id = id;
    s.organizationId = "org-a";
    s.gatewayId = "gw-1";
    s.status = "working";
    s.createdAt = s.updatedAt = 1'700'000'000'000;
    return s;
}

} // namespace

class TestCapabilityProbe : public QObject
{
    Q_OBJECT
private:
    QHttpServer m_server;
    QUrl m_url;
    QHash<QString, Grant> m_grants;
    QStringList m_requests; // "METHOD path" as received
    const QStringList m_orgSessions{"s-1", "s-2"};
    // Made once: the fake knows tokens by their exact text.
    const QString m_jwtOwner = makeJwt("owner", inOneHour());
    const QString m_jwtMember = makeJwt("member", inOneHour());
    const QString m_jwtDemoted = makeJwt("admin", inOneHour() + 1);

    const Grant *grantFor(const QHttpServerRequest &req)
    {
        m_requests << QString::fromLatin1(req.method() == QHttpServerRequest::Method::Get ? "GET" : "OTHER")
                          + ' ' + req.url().path();
        const QByteArray auth = req.value("Authorization");
        if (!auth.startsWith("Bearer "))
            return nullptr;
        const auto it = m_grants.constFind(QString::fromLatin1(auth.mid(7)));
        return it == m_grants.constEnd() ? nullptr : &*it;
    }

    QHttpServerResponse sessions(const QHttpServerRequest &req)
    {
        const Grant *g = grantFor(req);
        if (!g)
            return apiError(QHttpServerResponse::StatusCode::Unauthorized, "unauthorized");
        if (g->broken)
            return apiError(QHttpServerResponse::StatusCode::InternalServerError, "internal");
        if (g->revokedAfterListing) {
            m_grants.remove(QString::fromLatin1(req.value("Authorization").mid(7)));
            return apiError(QHttpServerResponse::StatusCode::Forbidden, "forbidden");
        }
        if (!g->manage)
            return apiError(QHttpServerResponse::StatusCode::Forbidden, "forbidden");
        if (g->emptyOrg)
            return QHttpServerResponse(QJsonObject{{"data", QJsonValue::Null}});
        Page<WaSession> page;
        for (const QString &id : m_orgSessions)
            page.items << session(id);
        return QHttpServerResponse(GatewayJson::fromPage(page, GatewayJson::fromSession));
    }

    QHttpServerResponse readRoute(const QString &sessionId, const QHttpServerRequest &req)
    {
        const Grant *g = grantFor(req);
        if (!g)
            return apiError(QHttpServerResponse::StatusCode::Unauthorized, "unauthorized");
        if (!g->read)
            return apiError(QHttpServerResponse::StatusCode::Forbidden, "forbidden");
        if (!m_orgSessions.contains(sessionId)) // unknown or another org's: 404, never 403
            return apiError(QHttpServerResponse::StatusCode::NotFound, "not_found");
        return QHttpServerResponse(QJsonObject{{"data", QJsonArray{}}});
    }

    CapabilityReport probe(const QString &token, const QStringList &known = {},
                           const QUrl &url = {})
    {
        GatewayClient client;
        GatewayCallOptions options;
        options.retry.maxRetries = 0;
        options.transferTimeoutMs = 10000;
        client.setOptions(options);
        client.setEndpoint(url.isEmpty() ? m_url : url, token);
        CapabilityProbe probe(&client);
        std::optional<CapabilityReport> report;
        probe.run(TokenInspector::inspect(token), known, this,
                  [&report](const CapabilityReport &r) { report = r; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(report.has_value(), 20000); }();
        if (!report)
            return {};
        [&] { QVERIFY(!probe.isRunning()); }();
        return *report;
    }

    static CapabilityFinding::Verdict verdict(const CapabilityReport &r, const char *cap)
    {
        return r.finding(QString::fromLatin1(cap)).verdict;
    }

private slots:
    void initTestCase()
    {
        m_server.route("/api/v1/sessions",
                       [this](const QHttpServerRequest &req) { return sessions(req); });
        m_server.route("/api/v1/sessions/<arg>/contacts",
                       [this](const QString &id, const QHttpServerRequest &req) { return readRoute(id, req); });
        m_server.route("/api/v1/sessions/<arg>/groups",
                       [this](const QString &id, const QHttpServerRequest &req) { return readRoute(id, req); });
        const quint16 port = m_server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));

        m_grants.insert("wa_full", Grant{true, true});
        m_grants.insert("wa_readonly", Grant{false, true});
        m_grants.insert("wa_manageonly", Grant{true, false});
        m_grants.insert("wa_emptyorg", Grant{true, true, true});
        m_grants.insert("wa_broken", Grant{true, true, false, true});
        m_grants.insert(m_jwtOwner, Grant{true, true});
        m_grants.insert(m_jwtMember, Grant{false, true});
        // Claims say admin, the gateway says otherwise (a demoted user's old token).
        m_grants.insert(m_jwtDemoted, Grant{false, true});
    }

    void cleanupTestCase()
    {
        // The probe only ever reads: no live action, nothing changed on WhatsApp.
        for (const QString &r : std::as_const(m_requests))
            QVERIFY2(r.startsWith("GET /api/v1/sessions"), qPrintable(r));
    }

    void fullApiKey()
    {
        const CapabilityReport r = probe("wa_full");
        QVERIFY(r.completed());
        QCOMPARE(verdict(r, "manage"), CapabilityFinding::Verdict::Yes);
        QCOMPARE(verdict(r, "read"), CapabilityFinding::Verdict::Yes);
        QCOMPARE(verdict(r, "send"), CapabilityFinding::Verdict::Unknown);
        QCOMPARE(verdict(r, "events"), CapabilityFinding::Verdict::Unknown);
        QCOMPARE(r.sessions.size(), 2);
        QCOMPARE(r.probedSession, QStringLiteral("s-1"));
        QCOMPARE(r.granted(), (QStringList{"read", "manage"}));
        QVERIFY(r.finding("send").how.contains("live action"));
        const QStringList lines = r.lines();
        QCOMPARE(lines.size(), 4);
        QVERIFY2(lines.at(2).startsWith("manage: yes."), qPrintable(lines.join('\n')));
    }

    void readOnlyKeyWithoutSessions()
    {
        const CapabilityReport r = probe("wa_readonly");
        QVERIFY(r.completed());
        QCOMPARE(verdict(r, "manage"), CapabilityFinding::Verdict::No);
        QCOMPARE(verdict(r, "read"), CapabilityFinding::Verdict::Unknown);
        QVERIFY(r.finding("read").how.contains("by hand"));
        QVERIFY(r.probedSession.isEmpty());
    }

    void readOnlyKeyWithSessionByHand()
    {
        const CapabilityReport r = probe("wa_readonly", {"s-2"});
        QCOMPARE(verdict(r, "manage"), CapabilityFinding::Verdict::No);
        QCOMPARE(verdict(r, "read"), CapabilityFinding::Verdict::Yes);
        QCOMPARE(r.probedSession, QStringLiteral("s-2"));
    }

    void sessionByHandWinsOverListed()
    {
        const CapabilityReport r = probe("wa_full", {"s-2"});
        QCOMPARE(r.probedSession, QStringLiteral("s-2"));
    }

    void manageWithoutRead()
    {
        const CapabilityReport r = probe("wa_manageonly");
        QCOMPARE(verdict(r, "manage"), CapabilityFinding::Verdict::Yes);
        QCOMPARE(verdict(r, "read"), CapabilityFinding::Verdict::No);
        QVERIFY(r.finding("read").how.contains("403"));
    }

    void foreignSessionIsNotFound()
    {
        const CapabilityReport r = probe("wa_readonly", {"foreign-1"});
        QCOMPARE(verdict(r, "read"), CapabilityFinding::Verdict::Unknown);
        QVERIFY2(r.finding("read").how.contains("not found"), qPrintable(r.finding("read").how));
    }

    void badSessionIdByHand()
    {
        const CapabilityReport r = probe("wa_readonly", {" padded "});
        QCOMPARE(verdict(r, "read"), CapabilityFinding::Verdict::Unknown);
        QVERIFY(r.finding("read").how.contains("failed"));
    }

    void emptyOrganization()
    {
        const CapabilityReport r = probe("wa_emptyorg");
        QCOMPARE(verdict(r, "manage"), CapabilityFinding::Verdict::Yes);
        QVERIFY(r.sessions.isEmpty());
        QCOMPARE(verdict(r, "read"), CapabilityFinding::Verdict::Unknown);
        QVERIFY(r.finding("read").how.contains("no session"));
    }

    void rejectedToken()
    {
        const int before = int(m_requests.size());
        const CapabilityReport r = probe("wa_revoked");
        QVERIFY(r.tokenRejected);
        QVERIFY(!r.completed());
        QVERIFY(r.granted().isEmpty());
        QCOMPARE(int(m_requests.size()) - before, 1); // stops at the first 401
        QVERIFY(r.lines().join('\n').contains("Sign in again"));
    }

    void rejectedWhileReading()
    {
        // 403 to listing sessions (not 401), then 401 on the session: rejected.
        Grant flaky;
        flaky.read = true;
        flaky.revokedAfterListing = true;
        m_grants.insert("wa_flaky", flaky);
        const CapabilityReport r = probe("wa_flaky", {"s-1"});
        QVERIFY(r.tokenRejected);
        QCOMPARE(r.probedSession, QStringLiteral("s-1"));
    }

    void jwtMemberUsesRoleForSend()
    {
        const CapabilityReport r = probe(m_jwtMember, {"s-1"});
        QVERIFY(r.completed());
        QCOMPARE(verdict(r, "manage"), CapabilityFinding::Verdict::No);
        QCOMPARE(verdict(r, "read"), CapabilityFinding::Verdict::Yes);
        QCOMPARE(verdict(r, "send"), CapabilityFinding::Verdict::Yes);
        QCOMPARE(verdict(r, "events"), CapabilityFinding::Verdict::No);
        QVERIFY(r.finding("send").how.contains("member"));
        QVERIFY2(r.notes.isEmpty(), qPrintable(r.notes.join('\n')));
    }

    void jwtOwnerHoldsEverything()
    {
        const CapabilityReport r = probe(m_jwtOwner);
        QCOMPARE(r.granted(), (QStringList{"read", "send", "manage", "events"}));
    }

    void gatewayWinsOverClaims()
    {
        const CapabilityReport r = probe(m_jwtDemoted, {"s-1"});
        QCOMPARE(verdict(r, "manage"), CapabilityFinding::Verdict::No);
        QVERIFY2(r.notes.join('\n').contains("differs"), qPrintable(r.notes.join('\n')));
    }

    void expiredJwtIsNoted()
    {
        const QString expired = makeJwt("owner", QDateTime::currentSecsSinceEpoch() - 60);
        const CapabilityReport r = probe(expired);
        QVERIFY(r.tokenRejected); // the fake does not know it: 401, as the gateway would
        QVERIFY(r.lines().first().contains("expired"));
    }

    void gatewayError()
    {
        const CapabilityReport r = probe("wa_broken");
        QVERIFY(!r.completed());
        QVERIFY(!r.tokenRejected);
        QCOMPARE(r.failure.httpStatus, 500);
        QVERIFY(r.lines().join('\n').contains("Could not ask the gateway"));
    }

    void unreachableGateway()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort()));
        closed.close(); // nothing listens there now
        const CapabilityReport r = probe("wa_full", {}, url);
        // QCOMPARE on this enum trips over Qt 6.4 with GCC 12 (a global toString overload).
        QCOMPARE(toString(r.failure.kind), toString(GatewayError::Kind::Network));
        QVERIFY(r.lines().join('\n').contains("cannot be reached"));
    }

    void callbackSkippedWhenContextIsGone()
    {
        GatewayClient client;
        client.setEndpoint(m_url, "wa_full");
        CapabilityProbe probe(&client);
        auto *context = new QObject;
        bool called = false;
        probe.run(TokenInspector::inspect("wa_full"), {}, context,
                  [&](const CapabilityReport &) { called = true; });
        delete context;
        QTRY_VERIFY_WITH_TIMEOUT(!probe.isRunning(), 20000);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestCapabilityProbe)
#include "tst_capabilityprobe.moc"
