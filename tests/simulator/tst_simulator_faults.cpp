// gateway-sim over real HTTP: every fault knob, the control endpoint, stats, request ids.
#include "tst_simulator.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>
#include <QTest>

namespace {

QJsonObject faults(std::initializer_list<QPair<QString, QJsonValue>> items)
{
    QJsonObject o;
    for (const auto &kv : items)
        o.insert(kv.first, kv.second);
    return o;
}

} // namespace

void TstSimulator::requestIdOnEveryAnswer()
{
    const QByteArray contacts = sessionPath(m_working) + "/contacts";
    const QString lid = allContacts(m_working).first().value(QLatin1String("lid")).toString();
    QList<HttpResult> answers = {
        m_client->get(contacts, full()),                                                  // 200
        m_client->get(contacts, Credential::none()),                                      // 401
        m_client->get("/api/v1/sessions", Credential::apiKey(QStringLiteral("wa_read"))), // 403
        m_client->get(contacts + "/0%40lid", full()),                                     // 404
        m_client->get(contacts + "?limit=x", full()),                                     // 400
        m_client->post(contacts + "/" + SimClient::enc(lid) + "/unblock", full()),        // 204
        m_client->get(sessionPath(m_stopped) + "/contacts/" + SimClient::enc(lid) + "/about",
                      full()),                             // 501
        m_client->get("/nowhere", Credential::none()),     // 404, no route
        m_client->get("/_sim/faults", Credential::none()), // control
    };
    QSet<QByteArray> ids;
    for (const HttpResult &r : answers) {
        const QByteArray id = r.header("x-request-id");
        QVERIFY2(!id.isEmpty(), qPrintable(QString::number(r.status)));
        ids.insert(id);
    }
    QCOMPARE(ids.size(), answers.size());
}

void TstSimulator::latencyIsConcurrent()
{
    constexpr int latency = 400, n = 8;
    QVERIFY(m_sim.setFaults(faults({{QStringLiteral("latencyMs"), latency}})));
    m_sim.control("DELETE", QStringLiteral("/_sim/stats"));
    QElapsedTimer timer;
    timer.start();
    QList<QNetworkReply *> replies;
    for (int i = 0; i < n; ++i)
        replies << m_client->start("GET", sessionPath(m_working) + "/groups", full());
    for (QNetworkReply *reply : replies)
        QCOMPARE(SimClient::finish(reply).status, 200);
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(elapsed >= latency - 20, qPrintable(QString::number(elapsed)));
    QVERIFY2(elapsed < n * latency, qPrintable(QString::number(elapsed))); // not one after another
    const QJsonObject stats = m_sim.control("GET", QStringLiteral("/_sim/stats"));
    QVERIFY(stats.value(QLatin1String("maxInFlight")).toInt() >= 2);
    QCOMPARE(stats.value(QLatin1String("inFlight")).toInt(), 0);
}

void TstSimulator::errorRate_data()
{
    QTest::addColumn<QString>("errorStatus");
    QTest::addColumn<QList<int>>("statuses");
    QTest::newRow("500") << "500" << QList<int>{500};
    QTest::newRow("503") << "503" << QList<int>{503};
    QTest::newRow("mixed") << "mixed" << QList<int>{500, 503};
}

void TstSimulator::errorRate()
{
    QFETCH(QString, errorStatus);
    QFETCH(QList<int>, statuses);
    QVERIFY(m_sim.setFaults(faults(
        {{QStringLiteral("errorRate"), 1.0}, {QStringLiteral("errorStatus"), errorStatus}})));
    QSet<int> seen;
    for (int i = 0; i < 12; ++i) {
        const HttpResult r = m_client->get(sessionPath(m_working) + "/groups", full());
        QVERIFY(statuses.contains(r.status));
        QCOMPARE(r.errorCode(),
                 r.status == 500 ? QStringLiteral("internal")
                                 : QStringLiteral("gateway_unavailable"));
        seen.insert(r.status);
    }
    QCOMPARE(seen.size(), statuses.size());
    QVERIFY(m_sim.setFaults(faults({{QStringLiteral("errorRate"), 0.0}})));
    QCOMPARE(m_client->get(sessionPath(m_working) + "/groups", full()).status, 200);
}

void TstSimulator::rateLimitBursts()
{
    QVERIFY(m_sim.setFaults(faults({{QStringLiteral("rateLimitEvery"), 2},
                                    {QStringLiteral("rateLimitBurst"), 1},
                                    {QStringLiteral("retryAfter"), 3}})));
    const QByteArray path = sessionPath(m_working) + "/groups";
    QList<int> got;
    for (int i = 0; i < 6; ++i) {
        const HttpResult r = m_client->get(path, full());
        got << r.status;
        if (r.status == 429) {
            QCOMPARE(r.errorCode(), QStringLiteral("rate_limited"));
            QCOMPARE(r.header("retry-after"), QByteArray("3"));
        }
    }
    QCOMPARE(got, (QList<int>{200, 200, 429, 200, 200, 429}));
    QCOMPARE(m_client->get(sessionPath(m_second) + "/groups", full()).status, 200); // per session

    QVERIFY(m_sim.setFaults(faults({{QStringLiteral("retryAfter"), 0}}))); // the gateway's way
    m_client->get(path, full());
    m_client->get(path, full());
    const HttpResult r = m_client->get(path, full());
    QCOMPARE(r.status, 429);
    QVERIFY(!r.headers.contains("retry-after"));
}

void TstSimulator::malformedBodies()
{
    QVERIFY(m_sim.setFaults(faults({{QStringLiteral("malformedRate"), 1.0}})));
    const HttpResult r = m_client->get(sessionPath(m_working) + "/groups", full());
    QCOMPARE(r.status, 200);
    QVERIFY(!r.body.isEmpty());
    QVERIFY(!r.isJson);
    QVERIFY(!r.header("x-request-id").isEmpty());
}

void TstSimulator::truncatedBodies()
{
    QVERIFY(m_sim.setFaults(faults({{QStringLiteral("truncateRate"), 1.0}})));
    const HttpResult r = m_client->get(sessionPath(m_working) + "/groups", full());
    QVERIFY2(r.error != QNetworkReply::NoError
                 || r.body.size() < r.header("content-length").toInt(),
             qPrintable(QString::number(r.body.size())));
    QVERIFY(!r.isJson);
    QVERIFY(
        m_sim.control("GET", QStringLiteral("/_sim/stats")).value(QLatin1String("truncated")).toInt()
        >= 1);
}

void TstSimulator::droppedConnections()
{
    QVERIFY(m_sim.setFaults(faults({{QStringLiteral("dropRate"), 1.0}})));
    const HttpResult r = m_client->get(sessionPath(m_working) + "/groups", full());
    QCOMPARE(r.status, 0);
    QVERIFY(r.error != QNetworkReply::NoError);
    QVERIFY(
        m_sim.control("GET", QStringLiteral("/_sim/stats")).value(QLatin1String("dropped")).toInt()
        >= 1);
    QVERIFY(m_sim.clearFaults());
    QCOMPARE(m_client->get(sessionPath(m_working) + "/groups", full()).status, 200);
}

void TstSimulator::redirects()
{
    QVERIFY(m_sim.setFaults(
        faults({{QStringLiteral("redirectTo"), QStringLiteral("http://127.0.0.1:9/elsewhere")}})));
    const QByteArray path = sessionPath(m_working) + "/contacts?limit=5";
    const HttpResult r = m_client->get(path, full());
    QCOMPARE(r.status, 307);
    QCOMPARE(r.header("location"), "http://127.0.0.1:9/elsewhere" + path);
    QVERIFY(!r.header("x-request-id").isEmpty());
    int status = 0;
    m_sim.control("GET", QStringLiteral("/_sim/faults"), {},
                  &status); // control is never redirected
    QCOMPARE(status, 200);
}

void TstSimulator::explicitNulls()
{
    auto keys = [this](const char *key) {
        int present = 0, nulls = 0;
        for (const QJsonObject &c : allContacts(m_working)) {
            present += c.contains(QLatin1String(key));
            nulls += c.value(QLatin1String(key)).isNull();
        }
        return qMakePair(present, nulls);
    };
    const auto omitted = keys("phoneNumber");
    QVERIFY(omitted.first > 0 && omitted.first < 300); // some unknown numbers are left out
    QCOMPARE(omitted.second, 0);
    QVERIFY(m_sim.setFaults(faults({{QStringLiteral("explicitNulls"), true}})));
    const auto withNulls = keys("phoneNumber");
    QCOMPARE(withNulls.first, 300);
    QCOMPARE(withNulls.second, 300 - omitted.first);
    const HttpResult session = m_client->get("/api/v1/sessions", full());
    for (const QJsonValue &v : session.data())
        QVERIFY(v.toObject().contains(QLatin1String("label"))); // string or null, never absent
}

void TstSimulator::faultsEndpoint()
{
    QJsonObject f = m_sim.control("GET", QStringLiteral("/_sim/faults"));
    for (const char *key :
         {"latencyMs", "errorRate", "errorStatus", "rateLimitEvery", "rateLimitBurst", "retryAfter",
          "malformedRate", "truncateRate", "dropRate", "redirectTo", "explicitNulls"})
        QVERIFY2(f.contains(QLatin1String(key)), key);
    QVERIFY(!m_sim.setFaults(faults({{QStringLiteral("latencyMs"), -1}})));
    QVERIFY(!m_sim.setFaults(faults({{QStringLiteral("errorRate"), 2}})));
    QVERIFY(!m_sim.setFaults(faults({{QStringLiteral("bogus"), 1}})));
    QVERIFY(m_sim.setFaults(faults({{QStringLiteral("errorRate"), 0.25}})));
    QVERIFY(m_sim.setFaults(faults({{QStringLiteral("latencyMs"), 5}}))); // PUT merges
    f = m_sim.control("GET", QStringLiteral("/_sim/faults"));
    QCOMPARE(f.value(QLatin1String("errorRate")).toDouble(), 0.25);
    QCOMPARE(f.value(QLatin1String("latencyMs")).toInt(), 5);
    QVERIFY(m_sim.clearFaults());
    f = m_sim.control("GET", QStringLiteral("/_sim/faults"));
    QCOMPARE(f.value(QLatin1String("errorRate")).toDouble(), 0.0);
    QCOMPARE(f.value(QLatin1String("latencyMs")).toInt(), 0);
}

void TstSimulator::stats()
{
    m_sim.control("DELETE", QStringLiteral("/_sim/stats"));
    QCOMPARE(
        m_sim.control("GET", QStringLiteral("/_sim/stats")).value(QLatin1String("requests")).toInt(),
        0);
    m_client->get(sessionPath(m_working) + "/groups", full());
    m_client->get(sessionPath(m_working) + "/groups",
                  Credential::bearer(m_sim.jwt(QStringLiteral("owner"))));
    m_client->get(sessionPath(m_working) + "/groups", Credential::none());
    const QJsonObject s = m_sim.control("GET", QStringLiteral("/_sim/stats"));
    QCOMPARE(s.value(QLatin1String("requests")).toInt(), 3);
    QCOMPARE(s.value(QLatin1String("authorizationSeen")).toInt(), 2);
    QCOMPARE(s.value(QLatin1String("inFlight")).toInt(), 0);
    QCOMPARE(
        s.value(QLatin1String("byOperation")).toObject().value(QLatin1String("listGroups")).toInt(),
        3);
}
