// gateway-sim over real HTTP: startup protocol, auth outcomes, lists, filters, contacts.
#include "tst_simulator.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

void TstSimulator::initTestCase()
{
    const QStringList args = {
        QStringLiteral("--seed"),         QStringLiteral("7"),
        QStringLiteral("--sessions"),     QStringLiteral("3"),
        QStringLiteral("--disconnected"), QStringLiteral("1"),
        QStringLiteral("--contacts"),     QStringLiteral("900"),
        QStringLiteral("--groups"),       QStringLiteral("18"),
        QStringLiteral("--members"),      QStringLiteral("2400"),
        QStringLiteral("--api-key"),      QStringLiteral("wa_full=read,send,manage,events"),
        QStringLiteral("--api-key"),      QStringLiteral("wa_read=read"),
        QStringLiteral("--api-key"),      QStringLiteral("wa_nosend=read,manage"),
        QStringLiteral("--api-key"),      QStringLiteral("wa_foreign=read,send,manage@foreign")};
    QVERIFY2(m_sim.start(args), qPrintable(m_sim.errorString()));
    m_client = std::make_unique<SimClient>(m_sim.url());
    const auto primary = m_sim.primarySessions();
    QCOMPARE(primary.size(), 3);
    m_working = primary.at(0).id;
    m_second = primary.at(1).id;
    m_stopped = m_sim.disconnectedSession().id;
    m_foreign = m_sim.foreignSession().id;
}

void TstSimulator::cleanup()
{
    QVERIFY(m_sim.clearFaults());
}

QByteArray TstSimulator::sessionPath(const QString &session) const
{
    return "/api/v1/sessions/" + SimClient::enc(session);
}

QList<QJsonObject> TstSimulator::allContacts(const QString &session, const QByteArray &extraQuery)
{
    QList<QJsonObject> out;
    QString cursor;
    for (int page = 0; page < 1000; ++page) {
        QByteArray path = sessionPath(session) + "/contacts?limit=200" + extraQuery;
        if (!cursor.isEmpty())
            path += "&cursor=" + SimClient::enc(cursor);
        const HttpResult r = m_client->get(path, full());
        if (r.status != 200) {
            qWarning() << "listContacts failed" << r.status << r.body.left(200);
            return {};
        }
        for (const QJsonValue &v : r.data())
            out << v.toObject();
        cursor = str(r.json, "nextCursor");
        if (cursor.isEmpty())
            break;
    }
    return out;
}

void TstSimulator::startupProtocol()
{
    QCOMPARE(m_sim.sessions().size(), 4);
    QVERIFY(!m_sim.primaryOrg().isEmpty());
    QVERIFY(m_sim.foreignSession().orgId != m_sim.primaryOrg());
    QCOMPARE(m_sim.disconnectedSession().status, QStringLiteral("stopped"));
    for (const auto &s : m_sim.primarySessions()) {
        QCOMPARE(s.id.size(), 26); // a ULID
        QCOMPARE(s.contacts, 300);
        QCOMPARE(s.groups, 6);
        QCOMPARE(s.members, 800);
    }
    QCOMPARE(m_sim.apiKey(QStringLiteral("wa_full")), QStringLiteral("read,send,manage,events"));
    QCOMPARE(m_sim.apiKey(QStringLiteral("wa_read")), QStringLiteral("read"));
    QVERIFY(!m_sim.apiKeys().contains(QStringLiteral("wa_demo"))); // only when no --api-key
    for (const char *label :
         {"owner", "admin", "member", "expired", "bad-signature", "foreign-owner"})
        QVERIFY2(m_sim.jwt(QLatin1String(label)).count(QLatin1Char('.')) == 2, label);
}

void TstSimulator::auth_data()
{
    QTest::addColumn<QString>("path");  // {w}: working primary session, {f}: foreign session
    QTest::addColumn<QString>("kind");  // none, bearer, key, raw (a whole Authorization value)
    QTest::addColumn<QString>("token"); // "jwt:<label>" for a printed demo JWT
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const QString list = QStringLiteral("/api/v1/sessions");
    const QString contacts = QStringLiteral("/api/v1/sessions/{w}/contacts");
    const QString foreign = QStringLiteral("/api/v1/sessions/{f}/contacts");
    const QString unauthorized = QStringLiteral("unauthorized");
    QTest::newRow("no token") << list << "none"
                              << "" << 401 << unauthorized;
    QTest::newRow("no token, foreign session") << foreign << "none"
                                               << "" << 401 << unauthorized;
    QTest::newRow("unknown bearer key") << list << "bearer"
                                        << "wa_nope" << 401 << unauthorized;
    QTest::newRow("unknown x-api-key") << list << "key"
                                       << "wa_nope" << 401 << unauthorized;
    QTest::newRow("expired jwt") << list << "bearer"
                                 << "jwt:expired" << 401 << unauthorized;
    QTest::newRow("bad-signature jwt") << list << "bearer"
                                       << "jwt:bad-signature" << 401 << unauthorized;
    QTest::newRow("malformed jwt") << list << "bearer"
                                   << "eyJhbGciOiJIUzI1NiJ9.bm9wZQ.c2ln" << 401 << unauthorized;
    QTest::newRow("basic scheme") << list << "raw"
                                  << "Basic d2FfZnVsbDp4" << 401 << unauthorized;
    QTest::newRow("member lists sessions") << list << "bearer"
                                           << "jwt:member" << 403 << "forbidden";
    QTest::newRow("member gets session") << "/api/v1/sessions/{w}"
                                         << "bearer"
                                         << "jwt:member" << 403 << "forbidden";
    QTest::newRow("member reads contacts") << contacts << "bearer"
                                           << "jwt:member" << 200 << "";
    QTest::newRow("owner lists sessions") << list << "bearer"
                                          << "jwt:owner" << 200 << "";
    QTest::newRow("admin lists sessions") << list << "bearer"
                                          << "jwt:admin" << 200 << "";
    QTest::newRow("owner, foreign session") << foreign << "bearer"
                                            << "jwt:owner" << 404 << "not_found";
    QTest::newRow("foreign owner, own session") << foreign << "bearer"
                                                << "jwt:foreign-owner" << 200 << "";
    QTest::newRow("foreign owner, primary session") << "/api/v1/sessions/{w}"
                                                    << "bearer"
                                                    << "jwt:foreign-owner" << 404 << "not_found";
    QTest::newRow("x-api-key header") << contacts << "key"
                                      << "wa_full" << 200 << "";
    QTest::newRow("api-key as bearer") << list << "bearer"
                                       << "wa_full" << 200 << "";
    QTest::newRow("read key lists sessions") << list << "key"
                                             << "wa_read" << 403 << "forbidden";
    QTest::newRow("foreign key, primary session") << contacts << "key"
                                                  << "wa_foreign" << 404 << "not_found";
    QTest::newRow("unknown session") << "/api/v1/sessions/01ZZZZZZZZZZZZZZZZZZZZZZZZ/contacts"
                                     << "key"
                                     << "wa_full" << 404 << "not_found";
}

void TstSimulator::auth()
{
    QFETCH(QString, path);
    QFETCH(QString, kind);
    QFETCH(QString, token);
    QFETCH(int, status);
    QFETCH(QString, code);

    if (token.startsWith(QLatin1String("jwt:")))
        token = m_sim.jwt(token.mid(4));
    path.replace(QLatin1String("{w}"), m_working).replace(QLatin1String("{f}"), m_foreign);
    Credential cred;
    QList<QPair<QByteArray, QByteArray>> extra;
    if (kind == QLatin1String("bearer"))
        cred = Credential::bearer(token);
    else if (kind == QLatin1String("key"))
        cred = Credential::apiKey(token);
    else if (kind == QLatin1String("raw"))
        extra << qMakePair(QByteArray("Authorization"), token.toUtf8());
    const HttpResult r = SimClient::finish(m_client->start("GET", path.toUtf8(), cred, {}, extra));
    QCOMPARE(r.status, status);
    QVERIFY(r.isJson);
    QVERIFY(!r.header("x-request-id").isEmpty());
    if (status != 200) {
        QCOMPARE(r.errorCode(), code);
        QVERIFY(!str(r.json.value(QLatin1String("error")).toObject(), "message").isEmpty());
        return;
    }
    if (path == QLatin1String("/api/v1/sessions")) { // only the caller's org, never another's
        QCOMPARE(r.data().size(), 3);
        for (const QJsonValue &v : r.data())
            QCOMPARE(str(v.toObject(), "organizationId"), m_sim.primaryOrg());
        QVERIFY(!r.json.contains(QLatin1String("nextCursor")));
    }
}

void TstSimulator::pagingToTheEnd()
{
    QStringList order;
    QSet<QString> seen;
    QString cursor;
    for (int page = 0;; ++page) {
        QVERIFY(page < 20);
        QByteArray path = sessionPath(m_working) + "/contacts?limit=37";
        if (!cursor.isEmpty())
            path += "&cursor=" + SimClient::enc(cursor);
        const HttpResult r = m_client->get(path, full());
        QCOMPARE(r.status, 200);
        for (const QJsonValue &v : r.data()) {
            const QString lid = str(v.toObject(), "lid");
            QVERIFY2(!seen.contains(lid), qPrintable(lid));
            seen.insert(lid);
            order << lid;
        }
        if (!r.json.contains(QLatin1String("nextCursor"))) // absent on the last page, not ""
            break;
        QCOMPARE(r.data().size(), 37);
        cursor = str(r.json, "nextCursor");
        QVERIFY(!cursor.isEmpty());
    }
    QCOMPARE(seen.size(), 300);
    QStringList again; // the order is stable
    for (const QJsonObject &c : allContacts(m_working))
        again << str(c, "lid");
    QCOMPARE(again, order);
}

void TstSimulator::limitClamping_data()
{
    QTest::addColumn<QString>("limit");
    QTest::addColumn<int>("expected");
    QTest::newRow("default") << QString() << 50;
    QTest::newRow("0") << "0" << 50;
    QTest::newRow("-7") << "-7" << 1;
    QTest::newRow("1") << "1" << 1;
    QTest::newRow("199") << "199" << 199;
    QTest::newRow("200") << "200" << 200;
    QTest::newRow("201") << "201" << 200;
    QTest::newRow("999") << "999" << 200;
}

void TstSimulator::limitClamping()
{
    QFETCH(QString, limit);
    QFETCH(int, expected);
    const QByteArray q = limit.isNull() ? QByteArray() : "?limit=" + limit.toUtf8();
    const HttpResult r = m_client->get(sessionPath(m_working) + "/contacts" + q, full());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.data().size(), expected);
    QVERIFY(r.json.contains(QLatin1String("nextCursor"))); // 300 contacts: never the last page
}

void TstSimulator::filters()
{
    const QList<QJsonObject> all = allContacts(m_working);
    QCOMPARE(all.size(), 300);
    const QList<QJsonObject> dm = allContacts(m_working, "&source=dm");
    const QList<QJsonObject> group = allContacts(m_working, "&source=group");
    QVERIFY(!dm.isEmpty() && !group.isEmpty());
    QVERIFY(dm.size() + group.size() > all.size()); // a dm contact in a group is in both
    for (const QJsonObject &c : dm)
        QCOMPARE(str(c, "source"), QStringLiteral("dm"));

    // q: case-insensitive over the name...
    QString word;
    QString lidWithPhone, phone;
    for (const QJsonObject &c : all) {
        const QString name = str(c, "name").section(QLatin1Char(' '), 0, 0);
        if (word.isEmpty() && name.size() >= 3 && name.toUpper() != name)
            word = name;
        if (phone.isEmpty() && c.contains(QLatin1String("phoneNumber"))) {
            phone = str(c, "phoneNumber");
            lidWithPhone = str(c, "lid");
        }
    }
    QVERIFY(!word.isEmpty() && !phone.isEmpty());
    const QList<QJsonObject> byName = allContacts(m_working,
                                                  "&q=" + SimClient::enc(word.toUpper()));
    QVERIFY(!byName.isEmpty());
    for (const QJsonObject &c : byName)
        QVERIFY2(str(c, "name").contains(word, Qt::CaseInsensitive), qPrintable(str(c, "name")));

    // ...and only the name: not the phone number, not the LID.
    QVERIFY(allContacts(m_working, "&q=" + SimClient::enc(phone)).isEmpty());
    QVERIFY(allContacts(m_working, "&q=" + SimClient::enc(lidWithPhone)).isEmpty());

    const HttpResult none = m_client->get(sessionPath(m_working) + "/contacts?q=zzqqxxvv", full());
    QCOMPARE(none.status, 200);
    QVERIFY(none.data().isEmpty());
    QVERIFY(!none.json.contains(QLatin1String("nextCursor")));
}

void TstSimulator::groupFilter()
{
    const HttpResult groups = m_client->get(sessionPath(m_working) + "/groups", full());
    QCOMPARE(groups.status, 200);
    QString gid; // the biggest group, so that its contacts span several pages
    QSet<QString> members;
    for (const QJsonValue &g : groups.data()) {
        const QString jid = str(g.toObject(), "groupJid");
        const HttpResult m = m_client->get(
            sessionPath(m_working) + "/groups/" + SimClient::enc(jid) + "/members", full());
        QCOMPARE(m.status, 200);
        if (m.data().size() > members.size()) {
            gid = jid;
            members.clear();
            for (const QJsonValue &v : m.data())
                members.insert(str(v.toObject(), "lid"));
        }
    }
    QVERIFY(members.size() > 60);
    QSet<QString> listed;
    QString cursor;
    for (int page = 0; page < 50; ++page) {
        QByteArray path = sessionPath(m_working)
            + "/contacts?limit=30&group=" + SimClient::enc(gid);
        if (!cursor.isEmpty())
            path += "&cursor=" + SimClient::enc(cursor);
        const HttpResult r = m_client->get(path, full());
        QCOMPARE(r.status, 200);
        for (const QJsonValue &v : r.data())
            listed.insert(str(v.toObject(), "lid"));
        cursor = str(r.json, "nextCursor");
        if (cursor.isEmpty())
            break;
    }
    QCOMPARE(listed, members);

    // A group this session does not know, well-formed or not: an empty list.
    const HttpResult unknown = m_client->get(
        sessionPath(m_working) + "/contacts?group=120363000000000000%40g.us", full());
    QCOMPARE(unknown.status, 200);
    QVERIFY(unknown.data().isEmpty());
    const HttpResult garbage = m_client->get(sessionPath(m_working) + "/contacts?group=abc",
                                             full());
    QCOMPARE(garbage.status, 200);
    QVERIFY(garbage.data().isEmpty());
}

void TstSimulator::badQueryParameters_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QString>("detail"); // details.errors[0], empty: no details at all
    QTest::newRow("limit not a number")
        << QByteArray("limit=abc") << QStringLiteral("invalid integer (query.limit: abc)");
    QTest::newRow("limit fraction")
        << QByteArray("limit=1.5") << QStringLiteral("invalid integer (query.limit: 1.5)");
    QTest::newRow("limit overflow")
        << QByteArray("limit=99999999999999999999")
        << QStringLiteral("invalid integer (query.limit: 99999999999999999999)");
    QTest::newRow("source unknown")
        << QByteArray("source=x")
        << QStringLiteral("expected value to be one of \"dm, group\" (query.source: x)");
    QTest::newRow("source wrong case")
        << QByteArray("source=DM")
        << QStringLiteral("expected value to be one of \"dm, group\" (query.source: DM)");
    QTest::newRow("cursor garbage") << QByteArray("cursor=garbage") << QString();
    QTest::newRow("cursor negative") << QByteArray("cursor=-5") << QString();
    QTest::newRow("cursor old sealed form") << QByteArray("cursor=MzcuYWJj") << QString();
}

void TstSimulator::badQueryParameters()
{
    QFETCH(QByteArray, query);
    QFETCH(QString, detail);
    const HttpResult r = m_client->get(sessionPath(m_working) + "/contacts?" + query, full());
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("validation_error"));
    const QJsonObject error = r.json.value(QLatin1String("error")).toObject();
    if (detail.isEmpty()) { // the store's own check: a bare message
        QCOMPARE(str(error, "message"), QStringLiteral("invalid cursor"));
        QVERIFY(!error.contains(QLatin1String("details")));
        return;
    }
    QCOMPARE(str(error, "message"), QStringLiteral("validation failed"));
    const QJsonArray errors =
        error.value(QLatin1String("details")).toObject().value(QLatin1String("errors")).toArray();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().toString(), detail);
}

void TstSimulator::getContact()
{
    const QList<QJsonObject> all = allContacts(m_working);
    QVERIFY(!all.isEmpty());
    const QString lid = str(all.first(), "lid");
    const QByteArray base = sessionPath(m_working) + "/contacts/";

    const HttpResult r = m_client->get(base + SimClient::enc(lid), full()); // "%40" for "@"
    QCOMPARE(r.status, 200);
    const QJsonObject identity = r.json.value(QLatin1String("identity")).toObject();
    QCOMPARE(str(identity, "lid"), lid);
    QVERIFY(r.json.value(QLatin1String("dm")).isBool());
    QVERIFY(r.json.contains(QLatin1String("groups")));
    QCOMPARE(m_client->get(base + lid.toUtf8(), full()).status, 200); // a raw "@" is fine too

    QCOMPARE(m_client->get(base + "0%40lid", full()).status, 404);
    QCOMPARE(m_client->get(base + "0%40lid", full()).errorCode(), QStringLiteral("not_found"));
    QCOMPARE(m_client->get(base + "123456789012345%40lid", full()).status, 404);
    QCOMPARE(m_client->get(base + "abc", full()).errorCode(), QStringLiteral("not_found"));
    QCOMPARE(m_client->get(base + "6281234567890%40s.whatsapp.net", full()).status, 404);

    // groups: an array always, empty for a contact seen in no group.
    bool sawEmpty = false, sawGroups = false;
    for (const QJsonObject &c : all) {
        if (sawEmpty && sawGroups)
            break;
        const HttpResult d = m_client->get(base + SimClient::enc(str(c, "lid")), full());
        QCOMPARE(d.status, 200);
        const QJsonValue groups = d.json.value(QLatin1String("groups"));
        QVERIFY(groups.isArray());
        if (str(c, "source") == QLatin1String("group"))
            QVERIFY2(!groups.toArray().isEmpty(), "a group-source contact is in a group");
        if (groups.toArray().isEmpty()) {
            sawEmpty = true;
            QCOMPARE(str(c, "source"), QStringLiteral("dm"));
        }
        for (const QJsonValue &g : groups.toArray()) {
            sawGroups = true;
            const QJsonObject cg = g.toObject();
            QVERIFY(str(cg, "jid").endsWith(QLatin1String("@g.us")));
            QVERIFY(QStringList({"member", "admin", "superadmin"}).contains(str(cg, "role")));
            QVERIFY(cg.value(QLatin1String("lastSeen")).toDouble() > 1.6e12);
        }
    }
    QVERIFY(sawEmpty && sawGroups);
}

void TstSimulator::groupsAndMembers()
{
    const HttpResult list = m_client->get(sessionPath(m_working) + "/groups", full());
    QCOMPARE(list.status, 200);
    QCOMPARE(list.data().size(), 6);
    QVERIFY(!list.json.contains(QLatin1String("nextCursor")));
    const QRegularExpression jidRe(QStringLiteral("^120363\\d{12}@g\\.us$"));
    for (const QJsonValue &v : list.data()) {
        const QJsonObject g = v.toObject();
        const QString jid = str(g, "groupJid");
        QVERIFY2(jidRe.match(jid).hasMatch(), qPrintable(jid));
        const HttpResult one = m_client->get(
            sessionPath(m_working) + "/groups/" + SimClient::enc(jid), full());
        QCOMPARE(one.status, 200);
        QCOMPARE(one.json, g);
        const HttpResult members = m_client->get(
            sessionPath(m_working) + "/groups/" + SimClient::enc(jid) + "/members", full());
        QCOMPARE(members.status, 200);
        int owners = 0;
        for (const QJsonValue &mv : members.data()) {
            const QJsonObject m = mv.toObject();
            QCOMPARE(str(m, "sessionId"), m_working);
            QCOMPARE(str(m, "groupJid"), jid);
            QVERIFY(str(m, "lid").endsWith(QLatin1String("@lid")));
            owners += str(m, "role") == QLatin1String("superadmin");
        }
        QCOMPARE(owners, members.data().isEmpty() ? 0 : 1);
        if (g.contains(QLatin1String("participantCount")))
            QCOMPARE(g.value(QLatin1String("participantCount")).toInt(), members.data().size());
    }
    const QByteArray groups = sessionPath(m_working) + "/groups/";
    QCOMPARE(m_client->get(groups + "120363000000000000%40g.us", full()).status, 404);
    QCOMPARE(m_client->get(groups + "not-a-group", full()).errorCode(),
             QStringLiteral("not_found"));
    const HttpResult noMembers = m_client->get(groups + "not-a-group/members", full());
    QCOMPARE(noMembers.status, 200);
    QVERIFY(noMembers.data().isEmpty());
}

QTEST_GUILESS_MAIN(TstSimulator)
