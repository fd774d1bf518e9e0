// Contract fidelity: the gateway's code, not its published document, is what a client meets.
// Every rule is asserted on both servers that claim the contract, the simulator ("gateway")
// and the local API serving a cache synced from it, and a table of requests is compared side
// by side: same status, same error code, message and details.
#include "HttpTestClient.h"
#include "LocalApiFixture.h"
#include "SimulatorProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

namespace {

enum class Server {
    Gateway,
    Local
};

const QByteArray kRoot = "/api/v1/sessions";

QByteArray enc(const QString &s)
{
    return QUrl::toPercentEncoding(s);
}

// The gateway's accent- and case-blind comparison, for computing what a search must find.
QString folded(const QString &text)
{
    QString out;
    for (const QChar ch : text.normalized(QString::NormalizationForm_D))
        if (ch.category() != QChar::Mark_NonSpacing)
            out += ch.toLower();
    return out;
}

QStringList values(const QList<QJsonObject> &rows, const char *key)
{
    QStringList out;
    for (const QJsonObject &o : rows)
        out << o.value(QLatin1String(key)).toString();
    return out;
}

QSet<QString> asSet(const QStringList &list)
{
    return QSet<QString>(list.begin(), list.end());
}

} // namespace

Q_DECLARE_METATYPE(Server)

class TestContractFidelity : public QObject
{
    Q_OBJECT
private:
    SimulatorProcess sim;
    QTemporaryDir dir;
    LocalApiUnderTest api;
    QString working;
    QString stopped;
    QList<QJsonObject> allContacts; // the working session's, in the gateway's order
    QString groupJid;               // a group of the working session with members
    QStringList groupMembers;       // its members' LIDs

    quint16 port(Server s) const
    {
        return s == Server::Gateway ? quint16(sim.url().port()) : api.port();
    }
    QByteArray token(Server s) const { return s == Server::Gateway ? "wa_demo" : api.token(); }

    HttpReply ask(Server s, const QByteArray &method, const QByteArray &target,
                  const QList<QByteArray> &headers = {}, bool withToken = true) const
    {
        return roundTrip(port(s),
                         httpRequest(method, target, port(s), withToken ? token(s) : "", headers),
                         15000);
    }
    HttpReply get(Server s, const QByteArray &target) const { return ask(s, "GET", target); }
    QByteArray session(const QString &id) const { return kRoot + '/' + enc(id); }
    QByteArray contacts(const QByteArray &query) const
    {
        return session(working) + "/contacts?" + query;
    }

    // Every contact of a listContacts query, page by page; pages counts the requests.
    QList<QJsonObject> walk(Server s, const QByteArray &query, int *pages = nullptr) const
    {
        QList<QJsonObject> rows;
        QString cursor;
        int n = 0;
        for (; n < 500; ++n) {
            QByteArray target = contacts(query);
            if (!cursor.isEmpty())
                target += "&cursor=" + enc(cursor);
            const HttpReply r = get(s, target);
            if (r.status != 200)
                qFatal("%s answered %d: %s", target.constData(), r.status, r.body.constData());
            for (const QJsonValue &c : r.json().value(QStringLiteral("data")).toArray())
                rows << c.toObject();
            cursor = r.json().value(QStringLiteral("nextCursor")).toString();
            if (cursor.isEmpty())
                break;
        }
        if (pages)
            *pages = n + 1;
        return rows;
    }
    QList<QJsonObject> list(Server s, const QByteArray &target) const
    {
        QList<QJsonObject> rows;
        for (const QJsonValue &v : get(s, target).json().value(QStringLiteral("data")).toArray())
            rows << v.toObject();
        return rows;
    }
    static void bothServers()
    {
        QTest::addColumn<Server>("server");
        QTest::newRow("gateway") << Server::Gateway;
        QTest::newRow("local api") << Server::Local;
    }
    QSet<QString> membersOfEveryGroup() const
    {
        QSet<QString> lids;
        for (const QJsonObject &g : list(Server::Gateway, session(working) + "/groups")) {
            const QByteArray path = session(working) + "/groups/"
                + enc(g.value(QStringLiteral("groupJid")).toString()) + "/members";
            for (const QJsonObject &m : list(Server::Gateway, path))
                lids << m.value(QStringLiteral("lid")).toString();
        }
        return lids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        QVERIFY2(
            sim.start({QStringLiteral("--seed"), QStringLiteral("11"), QStringLiteral("--sessions"),
                       QStringLiteral("2"), QStringLiteral("--contacts"), QStringLiteral("900"),
                       QStringLiteral("--groups"), QStringLiteral("12"),
                       QStringLiteral("--members"), QStringLiteral("1500"),
                       QStringLiteral("--disconnected"), QStringLiteral("1")}),
            qPrintable(sim.errorString()));
        working = sim.workingSession().id;
        stopped = sim.disconnectedSession().id;
        QVERIFY(!working.isEmpty() && !stopped.isEmpty());
        // Not deep: the local API must answer a contact's detail from the stored row alone.
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        QString error;
        QVERIFY2(
            LocalApiFixture::syncSimulator(sim, QStringLiteral("wa_demo"), path, false, &error),
            qPrintable(error));
        LocalApiUnderTest::Setup setup;
        setup.databasePath = path;
        setup.gatewayUrl = sim.url();
        setup.gatewayToken = QStringLiteral("wa_demo");
        QVERIFY2(api.start(setup, &error), qPrintable(error));

        allContacts = walk(Server::Gateway, "limit=200");
        QVERIFY(allContacts.size() > 400);
        for (const QJsonObject &g : list(Server::Gateway, session(working) + "/groups")) {
            const QString jid = g.value(QStringLiteral("groupJid")).toString();
            const QStringList lids = values(
                list(Server::Gateway, session(working) + "/groups/" + enc(jid) + "/members"),
                "lid");
            if (lids.size() > groupMembers.size() && lids.size() <= 200) { // one page
                groupJid = jid;
                groupMembers = lids;
            }
        }
        QVERIFY(groupMembers.size() >= 5);
    }

    void shouldApplyTheGroupFilterBeforeSource_data() { bothServers(); }
    void shouldApplyTheGroupFilterBeforeSource()
    {
        QFETCH(Server, server);
        // GIVEN a group whose members include contacts without a direct chat
        // WHEN its contacts are listed with source=dm as well
        const QList<QJsonObject> rows = walk(server, "group=" + enc(groupJid) + "&source=dm");
        // THEN source is ignored: every member, whatever its own source
        QCOMPARE(asSet(values(rows, "lid")), asSet(groupMembers));
        QVERIFY(values(rows, "source").contains(QStringLiteral("group")));
    }

    void shouldListContactsWithAMembershipForSourceGroup_data() { bothServers(); }
    void shouldListContactsWithAMembershipForSourceGroup()
    {
        QFETCH(Server, server);
        // GIVEN the session's contacts and the members of its groups
        QSet<QString> dm;
        for (const QJsonObject &c : allContacts)
            if (c.value(QStringLiteral("source")).toString() == QLatin1String("dm"))
                dm << c.value(QStringLiteral("lid")).toString();
        const QSet<QString> members = membersOfEveryGroup();
        // WHEN listed by source
        const QSet<QString> byDm = asSet(values(walk(server, "source=dm&limit=200"), "lid"));
        const QSet<QString> byGroup = asSet(values(walk(server, "source=group&limit=200"), "lid"));
        // THEN dm means a direct chat, group means a membership here, and the two overlap
        QCOMPARE(byDm, dm);
        QCOMPARE(byGroup, members);
        QVERIFY(byDm.intersects(byGroup));
    }

    void shouldMatchNamesIgnoringCaseAndAccents_data() { bothServers(); }
    void shouldMatchNamesIgnoringCaseAndAccents()
    {
        QFETCH(Server, server);
        for (const QString &needle : {QStringLiteral("francois"), QStringLiteral("JOSE")}) {
            // GIVEN contacts whose names carry the needle with accents
            QSet<QString> expected;
            for (const QJsonObject &c : allContacts)
                if (folded(c.value(QStringLiteral("name")).toString()).contains(folded(needle)))
                    expected << c.value(QStringLiteral("lid")).toString();
            QVERIFY2(!expected.isEmpty(), qPrintable(needle));
            // WHEN searched without them
            const QSet<QString> found = asSet(
                values(walk(server, "limit=200&q=" + enc(needle)), "lid"));
            // THEN all are found; the gateway finds nothing else (it matches names only)
            QVERIFY(found.contains(expected));
            if (server == Server::Gateway)
                QCOMPARE(found, expected);
        }
    }

    void shouldMatchOnlyNamesWithWildcardsOnTheGateway()
    {
        // GIVEN a contact with a phone number, and names with an "a" later followed by an "o"
        QString phone;
        QSet<QString> aThenO;
        const QRegularExpression pattern(QStringLiteral("a.*o"));
        for (const QJsonObject &c : allContacts) {
            if (phone.isEmpty() && !c.value(QStringLiteral("phoneNumber")).toString().isEmpty())
                phone = c.value(QStringLiteral("phoneNumber")).toString();
            if (pattern.match(folded(c.value(QStringLiteral("name")).toString())).hasMatch())
                aThenO << c.value(QStringLiteral("lid")).toString();
        }
        QVERIFY(!phone.isEmpty() && !aThenO.isEmpty());
        // WHEN the gateway is searched for the digits, and with a LIKE wildcard
        // THEN digits match no name, and % spans any run of characters
        QVERIFY(walk(Server::Gateway, "q=" + phone.toLatin1()).isEmpty());
        QCOMPARE(asSet(values(walk(Server::Gateway, "limit=200&q=a%25o"), "lid")), aThenO);
        // AND the local API's documented extension still finds the number
        QVERIFY(
            values(walk(Server::Local, "q=" + phone.toLatin1()), "phoneNumber").contains(phone));
    }

    void shouldDefaultAndClampTheLimit_data()
    {
        QTest::addColumn<Server>("server");
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<int>("expected");
        for (Server s : {Server::Gateway, Server::Local}) {
            const char *name = s == Server::Gateway ? "gateway" : "local api";
            QTest::addRow("%s, absent", name) << s << QByteArray() << 50;
            QTest::addRow("%s, 0", name) << s << QByteArray("limit=0") << 50;
            QTest::addRow("%s, 500", name) << s << QByteArray("limit=500") << 200;
            QTest::addRow("%s, -3", name) << s << QByteArray("limit=-3") << 1;
            QTest::addRow("%s, 7", name) << s << QByteArray("limit=7") << 7;
        }
    }
    void shouldDefaultAndClampTheLimit()
    {
        QFETCH(Server, server);
        QFETCH(QByteArray, query);
        QFETCH(int, expected);
        // GIVEN hundreds of contacts, WHEN one page is asked for, THEN the limit was applied
        const HttpReply r = get(server, contacts(query));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("data")).toArray().size(), expected);
        QVERIFY(!r.json().value(QStringLiteral("nextCursor")).toString().isEmpty());
    }

    void shouldEndAFullListWithAnEmptyPage_data() { bothServers(); }
    void shouldEndAFullListWithAnEmptyPage()
    {
        QFETCH(Server, server);
        // GIVEN a list exactly as long as the limit
        const QByteArray query = "group=" + enc(groupJid)
            + "&limit=" + QByteArray::number(groupMembers.size());
        // WHEN it is walked
        const HttpReply first = get(server, contacts(query));
        const QString cursor = first.json().value(QStringLiteral("nextCursor")).toString();
        // THEN the full page carries a cursor, and it leads to one empty page without one
        QCOMPARE(first.json().value(QStringLiteral("data")).toArray().size(), groupMembers.size());
        QVERIFY(!cursor.isEmpty());
        const HttpReply last = get(server, contacts(query + "&cursor=" + enc(cursor)));
        QCOMPARE(last.status, 200);
        QCOMPARE(last.json(), QJsonObject({{QStringLiteral("data"), QJsonArray()}}));
        if (server == Server::Gateway) // the gateway's cursor is the last item's decimal id
            QVERIFY2(QRegularExpression(QStringLiteral("^[0-9]+$")).match(cursor).hasMatch(),
                     qPrintable(cursor));
    }

    void shouldListInIdOrderAndSessionsNewestFirst()
    {
        // GIVEN both servers, WHEN every list is read, THEN the same items in the same order
        QCOMPARE(values(walk(Server::Local, "limit=200"), "lid"), values(allContacts, "lid"));
        const QByteArray groups = session(working) + "/groups";
        QCOMPARE(values(list(Server::Local, groups), "groupJid"),
                 values(list(Server::Gateway, groups), "groupJid"));
        const QByteArray members = groups + '/' + enc(groupJid) + "/members";
        QCOMPARE(values(list(Server::Local, members), "lid"), groupMembers);
        // AND sessions newest first on both
        for (Server s : {Server::Gateway, Server::Local}) {
            const QList<QJsonObject> sessions = list(s, kRoot);
            QCOMPARE(sessions.size(), 2);
            QVERIFY(sessions[0].value(QStringLiteral("createdAt")).toDouble()
                    >= sessions[1].value(QStringLiteral("createdAt")).toDouble());
        }
        QCOMPARE(values(list(Server::Local, kRoot), "id"),
                 values(list(Server::Gateway, kRoot), "id"));
    }

    void shouldAlwaysGiveIdentityAndAListOfGroups_data() { bothServers(); }
    void shouldAlwaysGiveIdentityAndAListOfGroups()
    {
        QFETCH(Server, server);
        // GIVEN a contact in no group (the local API's cache holds only its listed row)
        const QSet<QString> members = membersOfEveryGroup();
        QString loner;
        for (const QJsonObject &c : allContacts)
            if (!members.contains(c.value(QStringLiteral("lid")).toString()))
                loner = c.value(QStringLiteral("lid")).toString();
        QVERIFY(!loner.isEmpty());
        for (const QString &lid : {loner, groupMembers.first()}) {
            // WHEN its detail is read
            const HttpReply r = get(server, session(working) + "/contacts/" + enc(lid));
            QCOMPARE(r.status, 200);
            // THEN identity is there, and groups is a list (empty, never null)
            const QJsonObject identity = r.json().value(QStringLiteral("identity")).toObject();
            QCOMPARE(identity.value(QStringLiteral("lid")).toString(), lid);
            QVERIFY(r.json().value(QStringLiteral("groups")).isArray());
        }
        const HttpReply alone = get(server, session(working) + "/contacts/" + enc(loner));
        QCOMPARE(alone.json().value(QStringLiteral("groups")).toArray().size(), 0);
    }

    void shouldEchoTheClientsRequestId_data() { bothServers(); }
    void shouldEchoTheClientsRequestId()
    {
        QFETCH(Server, server);
        // GIVEN a request with its own id, WHEN answered, THEN that id comes back, once
        const HttpReply mine = ask(server, "GET", session(working), {"X-Request-Id: fidelity-42"});
        QCOMPARE(mine.status, 200);
        int seen = 0;
        for (const auto &h : mine.headers)
            seen += h.first == "x-request-id" ? 1 : 0;
        QCOMPARE(seen, 1);
        QCOMPARE(mine.header("x-request-id"), QByteArray("fidelity-42"));
        // AND without one, one is made
        QVERIFY(!get(server, session(working)).header("x-request-id").isEmpty());
    }

    void shouldFallBackToTheApiKeyHeader_data()
    {
        QTest::addColumn<Server>("server");
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<bool>("goodApiKey");
        QTest::addColumn<int>("status");
        for (Server s : {Server::Gateway, Server::Local}) {
            const char *n = s == Server::Gateway ? "gateway" : "local api";
            QTest::addRow("%s: a bearer that is not a JWT loses to x-api-key", n)
                << s << QByteArray("Bearer wa_not_a_key") << true << 200;
            QTest::addRow("%s: a JWT that fails falls back", n)
                << s << QByteArray("Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln") << true << 200;
            QTest::addRow("%s: Basic falls back", n)
                << s << QByteArray("Basic dXNlcjpwdw==") << true << 200;
            QTest::addRow("%s: the key header wins over a good bearer", n)
                << s << QByteArray("Bearer %TOKEN%") << false << 401;
            QTest::addRow("%s: a wrong bearer alone", n)
                << s << QByteArray("Bearer wa_not_a_key") << false << 401;
            QTest::addRow("%s: nothing", n) << s << QByteArray() << false << 401;
        }
    }
    void shouldFallBackToTheApiKeyHeader()
    {
        QFETCH(Server, server);
        QFETCH(QByteArray, authorization);
        QFETCH(bool, goodApiKey);
        QFETCH(int, status);
        // GIVEN the row's Authorization and an x-api-key that is the server's token or not
        QList<QByteArray> headers;
        if (!authorization.isEmpty())
            headers << "Authorization: " + authorization.replace("%TOKEN%", token(server));
        if (goodApiKey || authorization.contains(token(server)))
            headers << "x-api-key: " + (goodApiKey ? token(server) : QByteArray("wa_wrong"));
        // WHEN a session is read
        const HttpReply r = ask(server, "GET", session(working), headers, false);
        // THEN the row's status; every refusal says the same
        QCOMPARE(r.status, status);
        if (status == 401)
            QCOMPARE(r.json()
                         .value(QStringLiteral("error"))
                         .toObject()
                         .value(QStringLiteral("message"))
                         .toString(),
                     QStringLiteral("missing or invalid credentials"));
    }

    void shouldCheckLiveActionsInTheGatewaysOrder_data()
    {
        QTest::addColumn<Server>("server");
        QTest::addColumn<QString>("sessionId");
        QTest::addColumn<QString>("status"); // the session's status for the row, "" as is
        QTest::addColumn<QString>("jid");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QString>("code");
        const QString bad = QStringLiteral("6281234567890:x@s.whatsapp.net");
        for (Server s : {Server::Gateway, Server::Local}) {
            const char *n = s == Server::Gateway ? "gateway" : "local api";
            QTest::addRow("%s: unknown session first", n)
                << s << QStringLiteral("no-such-session") << QString() << bad << 404
                << QStringLiteral("not_found");
            QTest::addRow("%s: no client, then the jid", n)
                << s << QStringLiteral("@stopped") << QString() << bad << 501
                << QStringLiteral("not_implemented");
            QTest::addRow("%s: a jid whatsmeow cannot parse", n)
                << s << QStringLiteral("@working") << QString() << bad << 400
                << QStringLiteral("validation_error");
            QTest::addRow("%s: a device JID", n)
                << s << QStringLiteral("@working") << QString()
                << QStringLiteral("6281234567890:12@s.whatsapp.net") << 204 << QString();
            QTest::addRow("%s: a group JID", n)
                << s << QStringLiteral("@working") << QString()
                << QStringLiteral("120363041234567890@g.us") << 204 << QString();
            QTest::addRow("%s: a LID nobody stored", n)
                << s << QStringLiteral("@working") << QString()
                << QStringLiteral("999999999999999@lid") << 204 << QString();
            QTest::addRow("%s: a starting session has a client", n)
                << s << QStringLiteral("@working") << QStringLiteral("starting")
                << QStringLiteral("999999999999999@lid") << 500 << QStringLiteral("internal");
        }
    }
    void shouldCheckLiveActionsInTheGatewaysOrder()
    {
        QFETCH(Server, server);
        QFETCH(QString, sessionId);
        QFETCH(QString, status);
        QFETCH(QString, jid);
        QFETCH(int, expected);
        QFETCH(QString, code);
        // GIVEN the row's session, in the row's status
        if (sessionId == QLatin1String("@working"))
            sessionId = working;
        else if (sessionId == QLatin1String("@stopped"))
            sessionId = stopped;
        if (!status.isEmpty())
            QVERIFY(sim.setSessionStatus(sessionId, status));
        // WHEN the jid is unblocked
        const HttpReply r = ask(server, "POST",
                                session(sessionId) + "/contacts/" + enc(jid) + "/unblock");
        if (!status.isEmpty())
            QVERIFY(sim.setSessionStatus(sessionId, QStringLiteral("working")));
        // THEN the first check that fails answers
        QCOMPARE(r.status, expected);
        QCOMPARE(r.errorCode(), code);
        const QJsonObject error = r.json().value(QStringLiteral("error")).toObject();
        if (expected == 400) {
            QCOMPARE(error.value(QStringLiteral("message")).toString(),
                     QStringLiteral("invalid jid: ") + jid);
            QVERIFY(!error.contains(QStringLiteral("details")));
        }
        if (expected == 500)
            QCOMPARE(error.value(QStringLiteral("message")).toString(),
                     QStringLiteral("internal server error"));
    }

    void shouldAnswerEachCaseAsTheGatewayDoes_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target"); // %S the working session, %G a group of it
        QTest::addColumn<int>("status");
        QTest::newRow("limit not a number")
            << QByteArray("GET") << QByteArray("%S/contacts?limit=abc") << 400;
        QTest::newRow("unknown source")
            << QByteArray("GET") << QByteArray("%S/contacts?source=foo") << 400;
        QTest::newRow("both at once")
            << QByteArray("GET") << QByteArray("%S/contacts?source=foo&limit=abc") << 400;
        QTest::newRow("cursor not a number")
            << QByteArray("GET") << QByteArray("%S/contacts?cursor=abc") << 400;
        QTest::newRow("unknown group")
            << QByteArray("GET") << QByteArray("%S/contacts?group=nonsense") << 200;
        QTest::newRow("members of an unknown gid")
            << QByteArray("GET") << QByteArray("%S/groups/nonsense/members") << 200;
        QTest::newRow("unknown gid")
            << QByteArray("GET") << QByteArray("%S/groups/nonsense") << 404;
        QTest::newRow("a phone JID as lid")
            << QByteArray("GET") << QByteArray("%S/contacts/6281234567890%40s.whatsapp.net") << 404;
        QTest::newRow("a foreign-looking lid")
            << QByteArray("GET") << QByteArray("%S/contacts/999999999999999%40lid") << 404;
        QTest::newRow("trailing slash") << QByteArray("GET") << QByteArray("%S/contacts/") << 404;
        QTest::newRow("wrong method") << QByteArray("DELETE") << QByteArray("%S/contacts") << 405;
        QTest::newRow("wrong method on a group")
            << QByteArray("POST") << QByteArray("%S/groups/%G") << 405;
    }
    void shouldAnswerEachCaseAsTheGatewayDoes()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        // GIVEN the same request for both servers
        target.replace("%S", session(working)).replace("%G", enc(groupJid));
        // WHEN each answers
        const HttpReply theirs = ask(Server::Gateway, method, target);
        const HttpReply mine = ask(Server::Local, method, target);
        // THEN the gateway's status, and the same envelope from both
        QCOMPARE(theirs.status, status);
        QCOMPARE(mine.status, theirs.status);
        const QJsonObject a = theirs.json().value(QStringLiteral("error")).toObject();
        const QJsonObject b = mine.json().value(QStringLiteral("error")).toObject();
        QCOMPARE(b, a);
        if (status == 200)
            QCOMPARE(mine.json().value(QStringLiteral("data")).toArray().size(), 0);
        if (status == 400 && target.contains("cursor=")) { // the handler's own check
            QCOMPARE(a.value(QStringLiteral("message")).toString(),
                     QStringLiteral("invalid cursor"));
            QVERIFY(!a.contains(QStringLiteral("details")));
        } else if (status == 400) {
            QCOMPARE(a.value(QStringLiteral("code")).toString(),
                     QStringLiteral("validation_error"));
            QCOMPARE(a.value(QStringLiteral("message")).toString(),
                     QStringLiteral("validation failed"));
            const QJsonArray errors = a.value(QStringLiteral("details"))
                                          .toObject()
                                          .value(QStringLiteral("errors"))
                                          .toArray();
            QVERIFY(!errors.isEmpty());
            for (const QJsonValue &e : errors)
                QVERIFY2(e.isString(), QJsonDocument(a).toJson().constData());
        }
    }

    void shouldNameTheFieldInEachValidationError()
    {
        // GIVEN a bad limit and a bad source, WHEN the gateway answers, THEN both are named
        const HttpReply r = get(Server::Gateway, contacts("source=foo&limit=abc"));
        const QString errors = QString::fromUtf8(QJsonDocument(r.json()
                                                                   .value(QStringLiteral("error"))
                                                                   .toObject()
                                                                   .value(QStringLiteral("details"))
                                                                   .toObject()
                                                                   .value(QStringLiteral("errors"))
                                                                   .toArray())
                                                     .toJson(QJsonDocument::Compact));
        QVERIFY2(errors.contains(QLatin1String("invalid integer (query.limit: abc)")),
                 qPrintable(errors));
        QVERIFY2(errors.contains(QLatin1String("(query.source: foo)")), qPrintable(errors));
    }
};

QTEST_GUILESS_MAIN(TestContractFidelity)
#include "tst_contractfidelity.moc"
