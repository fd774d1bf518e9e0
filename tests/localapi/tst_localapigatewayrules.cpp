// The local API follows the gateway's code (issue 18), one test per rule, over real HTTP: a
// cache synced (without contact details) from the simulator and the real routes.
#include "HttpTestClient.h"
#include "LocalApiFixture.h"
#include "SimulatorProcess.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

namespace {

const QByteArray kRoot = "/api/v1/sessions";

QByteArray enc(const QString &s)
{
    return QUrl::toPercentEncoding(s);
}

QJsonObject errorOf(const HttpReply &r)
{
    return r.json().value(QStringLiteral("error")).toObject();
}

QJsonArray dataOf(const HttpReply &r)
{
    return r.json().value(QStringLiteral("data")).toArray();
}

// "François" -> "francois": what a user types without accents.
QString withoutAccents(const QString &text)
{
    QString out;
    for (QChar c : text.normalized(QString::NormalizationForm_D)) {
        if (c.category() != QChar::Mark_NonSpacing)
            out += c;
    }
    return out.toLower();
}

} // namespace

class TestLocalApiGatewayRules : public QObject
{
    Q_OBJECT
private:
    SimulatorProcess sim;
    QTemporaryDir dir;
    LocalApiUnderTest api;
    QByteArray working;

    HttpReply local(const QByteArray &method, const QByteArray &target,
                    const QList<QByteArray> &headers = {}, const QByteArray &token = "default")
    {
        return roundTrip(api.port(),
                         httpRequest(method, target, api.port(),
                                     token == "default" ? api.token() : token, headers),
                         15000);
    }
    HttpReply local(const QByteArray &target) { return local("GET", target); }
    QByteArray contacts() const { return working + "/contacts"; }
    QString firstGroup()
    {
        return dataOf(local(working + "/groups"))
            .first()
            .toObject()
            .value(QStringLiteral("groupJid"))
            .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        QVERIFY2(
            sim.start({QStringLiteral("--seed"), QStringLiteral("11"), QStringLiteral("--sessions"),
                       QStringLiteral("3"), QStringLiteral("--contacts"), QStringLiteral("600"),
                       QStringLiteral("--groups"), QStringLiteral("12"),
                       QStringLiteral("--members"), QStringLiteral("900"),
                       QStringLiteral("--disconnected"), QStringLiteral("1")}),
            qPrintable(sim.errorString()));
        working = kRoot + '/' + enc(sim.workingSession().id);
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        QString error;
        // No deep sync: no contact detail is stored.
        QVERIFY2(
            LocalApiFixture::syncSimulator(sim, QStringLiteral("wa_demo"), path, false, &error),
            qPrintable(error));
        LocalApiUnderTest::Setup setup;
        setup.databasePath = path;
        setup.gatewayUrl = sim.url();
        setup.gatewayToken = QStringLiteral("wa_demo");
        QVERIFY2(api.start(setup, &error), qPrintable(error));
    }

    void shouldReportValidationErrorsInTheGatewaysShape()
    {
        // Given a bad source and a bad limit, When listing
        const HttpReply r = local(contacts() + "?source=foo&limit=abc");
        // Then 400 "validation failed" with huma's strings, in the input's field order
        QCOMPARE(r.status, 400);
        const QJsonObject e = errorOf(r);
        QCOMPARE(e.value(QStringLiteral("code")).toString(), QStringLiteral("validation_error"));
        QCOMPARE(e.value(QStringLiteral("message")).toString(),
                 QStringLiteral("validation failed"));
        QCOMPARE(e.value(QStringLiteral("details")).toObject().value(QStringLiteral("errors")),
                 QJsonArray({QStringLiteral(
                                 "expected value to be one of \"dm, group\" (query.source: foo)"),
                             QStringLiteral("invalid integer (query.limit: abc)")}));
    }

    void shouldValidateTheQueryBeforeLookingUpTheSession()
    {
        // Given an unknown session, When the query is bad too, Then the query's 400 comes first
        QCOMPARE(local(kRoot + "/sess_nope/contacts?limit=1.5").status, 400);
        QCOMPARE(local(kRoot + "/sess_nope/contacts?limit=5").status, 404);
    }

    void shouldDefaultAndClampTheLimit()
    {
        // Given more than 200 contacts, When asking for 0, -5, 500, Then 50, 1, 200 rows
        QCOMPARE(dataOf(local(contacts() + "?limit=0")).size(), 50);
        QCOMPARE(dataOf(local(contacts() + "?limit=-5")).size(), 1);
        QCOMPARE(dataOf(local(contacts() + "?limit=500")).size(), 200);
    }

    void shouldEndAFullLastPageWithAnEmptyPage()
    {
        // Given a group's members as the whole list
        const QByteArray filter = contacts() + "?group=" + enc(firstGroup());
        const int count = int(dataOf(local(filter + "&limit=200")).size());
        QVERIFY(count > 0 && count < 200);
        // When the limit is exactly their number
        const QJsonObject page = local(filter + "&limit=" + QByteArray::number(count)).json();
        // Then the full page carries a cursor, and the next page is empty without one
        const QString cursor = page.value(QStringLiteral("nextCursor")).toString();
        QVERIFY(!cursor.isEmpty());
        const HttpReply last = local(filter + "&limit=" + QByteArray::number(count)
                                     + "&cursor=" + enc(cursor));
        QCOMPARE(last.status, 200);
        QCOMPARE(last.json(), QJsonObject({{QStringLiteral("data"), QJsonArray()}}));
    }

    void shouldRefuseABadCursorAsTheGatewayDoes()
    {
        // Given a cursor the server never made, When used, Then 400 "invalid cursor", no details
        const HttpReply r = local(contacts() + "?cursor=12345");
        QCOMPARE(r.status, 400);
        QCOMPARE(errorOf(r),
                 QJsonObject({{QStringLiteral("code"), QStringLiteral("validation_error")},
                              {QStringLiteral("message"), QStringLiteral("invalid cursor")}}));
    }

    void shouldListNothingForAnUnknownGroup()
    {
        // Given a group value that is no group JID at all, Then 200 and no data, not a 400
        const HttpReply r = local(contacts() + "?group=nope&source=dm");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json(), QJsonObject({{QStringLiteral("data"), QJsonArray()}}));
    }

    void shouldFindAccentedNamesWithoutTheirAccents()
    {
        // Given a stored contact whose name has accents
        QString name;
        QString lid;
        for (const QJsonValue &v : dataOf(local(contacts() + "?limit=200"))) {
            const QString n = v.toObject().value(QStringLiteral("name")).toString();
            if (withoutAccents(n) != n.toLower()) {
                name = n;
                lid = v.toObject().value(QStringLiteral("lid")).toString();
                break;
            }
        }
        QVERIFY2(!name.isEmpty(), "the simulator's names have accents");
        // When searching for it typed without accents
        const QJsonArray found = dataOf(
            local(contacts() + "?limit=200&q=" + enc(withoutAccents(name))));
        // Then it is found
        bool hit = false;
        for (const QJsonValue &v : found)
            hit = hit || v.toObject().value(QStringLiteral("lid")).toString() == lid;
        QVERIFY2(hit, qPrintable(name));
    }

    void shouldAlwaysAnswerTheContactsIdentityAndGroups()
    {
        // Given a contact whose detail was never fetched (no deep sync)
        const QJsonObject c = dataOf(local(contacts() + "?limit=1")).first().toObject();
        const QString lid = c.value(QStringLiteral("lid")).toString();
        // When asked for it
        const QJsonObject detail = local(contacts() + '/' + enc(lid)).json();
        // Then identity is built from the stored row and groups is a list
        QCOMPARE(detail.value(QStringLiteral("identity")).toObject().value(QStringLiteral("lid")),
                 QJsonValue(lid));
        QVERIFY(detail.value(QStringLiteral("groups")).isArray());
    }

    void shouldLookUpAnyLidAsGiven()
    {
        // Given a phone JID where a LID belongs, Then the lookup's 404, not a 400
        const HttpReply r = local(contacts() + '/'
                                  + enc(QStringLiteral("6281234567890@s.whatsapp.net")));
        QCOMPARE(r.status, 404);
        QCOMPARE(errorOf(r).value(QStringLiteral("message")).toString(),
                 QStringLiteral("identity not found"));
    }

    void shouldLookUpAnyGidAsGiven()
    {
        // Given a gid that is not a group JID
        const QByteArray g = working + "/groups/" + enc(QStringLiteral("abc"));
        // Then getGroup is 404 "group not found" and its members an empty list
        const HttpReply group = local(g);
        QCOMPARE(group.status, 404);
        QCOMPARE(errorOf(group).value(QStringLiteral("message")).toString(),
                 QStringLiteral("group not found"));
        const HttpReply members = local(g + "/members");
        QCOMPARE(members.status, 200);
        QCOMPARE(members.json(), QJsonObject({{QStringLiteral("data"), QJsonArray()}}));
    }

    void shouldListGroupsAndMembersById()
    {
        // When listing groups and a group's members, Then both come by id ascending
        for (const QByteArray &target :
             {working + "/groups", working + "/groups/" + enc(firstGroup()) + "/members"}) {
            const QJsonArray data = dataOf(local(target));
            QVERIFY(data.size() > 1);
            for (qsizetype i = 1; i < data.size(); ++i)
                QVERIFY(data.at(i - 1).toObject().value(QStringLiteral("id")).toDouble()
                        < data.at(i).toObject().value(QStringLiteral("id")).toDouble());
        }
    }

    void shouldListSessionsNewestFirst()
    {
        const QJsonArray data = dataOf(local(kRoot));
        QVERIFY(data.size() > 1);
        for (qsizetype i = 1; i < data.size(); ++i)
            QVERIFY(data.at(i - 1).toObject().value(QStringLiteral("createdAt")).toDouble()
                    >= data.at(i).toObject().value(QStringLiteral("createdAt")).toDouble());
    }

    void shouldEchoTheClientsRequestIdOnce()
    {
        // Given the client's own id, Then it comes back once, on answers and refusals alike
        for (const QByteArray &target : {working, QByteArray("/nowhere")}) {
            const HttpReply r = local("GET", target, {"X-Request-Id: trace-42"});
            int seen = 0;
            for (const auto &h : r.headers)
                seen += h.first == "x-request-id" ? 1 : 0;
            QCOMPARE(seen, 1);
            QCOMPARE(r.header("x-request-id"), QByteArray("trace-42"));
        }
        // Given none (or one with a control character), Then one is made
        const QRegularExpression made(QStringLiteral("^[0-9a-f]{32}$"));
        QVERIFY(made.match(QString::fromLatin1(local(working).header("x-request-id"))).hasMatch());
        QVERIFY(
            made.match(QString::fromLatin1(
                           local("GET", working, {"X-Request-Id: a\x01"}).header("x-request-id")))
                .hasMatch());
    }

    void shouldTakeTheApiKeyBeforeTheBearer()
    {
        const QByteArray key = "x-api-key: " + api.token();
        // Given a right x-api-key, When the bearer is wrong or not Bearer, Then served
        QCOMPARE(local("GET", working, {key}, "wrong").status, 200);
        QCOMPARE(local("GET", working, {key, "Authorization: Basic Zm9vOmJhcg=="}, {}).status, 200);
        // Given a wrong x-api-key, Then the right bearer does not help (the key wins)
        const HttpReply r = local("GET", working, {"x-api-key: wrong"});
        QCOMPARE(r.status, 401);
        QCOMPARE(errorOf(r).value(QStringLiteral("message")).toString(),
                 QStringLiteral("missing or invalid credentials"));
        QVERIFY(r.header("www-authenticate").startsWith("Bearer"));
    }

    void shouldAnswerATrailingSlash404AndAWrongMethod405()
    {
        const HttpReply slash = local(working + "/contacts/");
        QCOMPARE(slash.status, 404);
        QCOMPARE(errorOf(slash).value(QStringLiteral("message")).toString(),
                 QStringLiteral("route not found"));
        const HttpReply method = local("DELETE", working + "/groups", {}, {});
        QCOMPARE(method.status, 405);
        QCOMPARE(method.header("allow"), QByteArray("GET, HEAD"));
    }

    void shouldCheckTheSessionBeforeTheJid()
    {
        // Given a JID no client would send, When the session is unknown, Then 404
        const HttpReply unknown = local("POST", kRoot + "/sess_nope/contacts/abc/block");
        QCOMPARE(unknown.status, 404);
        // When the session is working, Then the gateway's "invalid jid: X" without details
        const HttpReply bad = local("POST", working + "/contacts/abc/block");
        QCOMPARE(bad.status, 400);
        QCOMPARE(errorOf(bad),
                 QJsonObject({{QStringLiteral("code"), QStringLiteral("validation_error")},
                              {QStringLiteral("message"), QStringLiteral("invalid jid: abc")}}));
    }
};

QTEST_GUILESS_MAIN(TestLocalApiGatewayRules)
#include "tst_localapigatewayrules.moc"
