// The local API's routes over a cache synced from the simulator, over real HTTP: the same
// requests against the simulator and the local API answer the same JSON; every error code;
// pagination to the end; forwarded block/unblock with the audit log; the console extras;
// hostile input through the real routes; the OpenAPI description against the router.
#include "cache/CacheDatabase.h"
#include "cache/CacheReader.h"
#include "localapi/LocalApiRoutes.h"

#include "HttpTestClient.h"
#include "LocalApiFixture.h"
#include "SimulatorProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

namespace {

const QByteArray kRoot = "/api/v1/sessions";

QByteArray enc(const QString &s)
{
    return QUrl::toPercentEncoding(s);
}

// Groups of a contact detail in a stable order, null as empty (both mean "none").
QJsonObject normalizedDetail(QJsonObject detail)
{
    QJsonArray groups = detail.value(QStringLiteral("groups")).toArray();
    QList<QJsonObject> list;
    for (const QJsonValue &g : groups)
        list << g.toObject();
    std::sort(list.begin(), list.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(QStringLiteral("jid")).toString()
            < b.value(QStringLiteral("jid")).toString();
    });
    QJsonArray sorted;
    for (const QJsonObject &g : list)
        sorted.append(g);
    detail.insert(QStringLiteral("groups"), sorted);
    return detail;
}

QHash<QString, QJsonObject> byKey(const QJsonArray &data, const QString &key)
{
    QHash<QString, QJsonObject> out;
    for (const QJsonValue &v : data)
        out.insert(v.toObject().value(key).toString(), v.toObject());
    return out;
}

} // namespace

class TestLocalApiRoutes : public QObject
{
    Q_OBJECT
private:
    SimulatorProcess sim;
    QTemporaryDir dir;
    LocalApiUnderTest api;
    QString working;
    QString disconnected;
    QString cachePath;
    QObject syncContext;
    int syncTriggers = 0;

    HttpReply local(const QByteArray &method, const QByteArray &target,
                    const QList<QByteArray> &headers = {})
    {
        return roundTrip(api.port(), httpRequest(method, target, api.port(), api.token(), headers),
                         15000);
    }
    HttpReply local(const QByteArray &target) { return local("GET", target); }
    HttpReply gateway(const QByteArray &target)
    {
        const quint16 port = quint16(sim.url().port());
        return roundTrip(port, httpRequest("GET", target, port, "wa_demo"), 15000);
    }
    QByteArray session(const QString &id) const { return kRoot + '/' + enc(id); }

    // Every LID of a contact walk, checking the pages as it goes.
    QStringList walk(bool fromGateway, const QByteArray &sessionPath, int limit, int *pages)
    {
        QStringList lids;
        QString cursor;
        *pages = 0;
        for (int i = 0; i < 1000; ++i) {
            QByteArray target = sessionPath + "/contacts?limit=" + QByteArray::number(limit);
            if (!cursor.isEmpty())
                target += "&cursor=" + enc(cursor);
            const HttpReply r = fromGateway ? gateway(target) : local(target);
            if (r.status != 200)
                qFatal("contact page answered %d: %s", r.status, r.body.constData());
            ++*pages;
            const QJsonObject page = r.json();
            for (const QJsonValue &c : page.value(QStringLiteral("data")).toArray())
                lids << c.toObject().value(QStringLiteral("lid")).toString();
            cursor = page.value(QStringLiteral("nextCursor")).toString();
            if (!fromGateway && page.contains(QStringLiteral("nextCursor")) && cursor.isEmpty())
                qFatal("an empty nextCursor was sent instead of leaving it out");
            if (cursor.isEmpty())
                break;
        }
        return lids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        QVERIFY2(
            sim.start({QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--sessions"),
                       QStringLiteral("2"), QStringLiteral("--contacts"), QStringLiteral("1500"),
                       QStringLiteral("--groups"), QStringLiteral("30"),
                       QStringLiteral("--members"), QStringLiteral("4000"),
                       QStringLiteral("--disconnected"), QStringLiteral("1")}),
            qPrintable(sim.errorString()));
        working = sim.workingSession().id;
        disconnected = sim.disconnectedSession().id;
        QVERIFY(!working.isEmpty() && !disconnected.isEmpty());
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        cachePath = path;
        QString error;
        QVERIFY2(LocalApiFixture::syncSimulator(sim, QStringLiteral("wa_demo"), path, true, &error),
                 qPrintable(error));

        LocalApiUnderTest::Setup setup;
        setup.databasePath = path;
        setup.gatewayUrl = sim.url();
        setup.gatewayToken = QStringLiteral("wa_demo");
        setup.syncContext = &syncContext;
        setup.syncTrigger = [this](const QString &, QString *reason) {
            if (++syncTriggers == 1)
                return true;
            *reason = QStringLiteral("a sync is already running");
            return false;
        };
        QVERIFY2(api.start(setup, &error), qPrintable(error));
    }

    void sessionsMatchTheGateway()
    {
        const HttpReply mine = local(kRoot);
        const HttpReply theirs = gateway(kRoot);
        QCOMPARE(mine.status, 200);
        QCOMPARE(theirs.status, 200);
        QVERIFY(mine.hasHeader("x-console-synced-at"));
        const auto a = byKey(mine.json().value(QStringLiteral("data")).toArray(),
                             QStringLiteral("id"));
        const auto b = byKey(theirs.json().value(QStringLiteral("data")).toArray(),
                             QStringLiteral("id"));
        QCOMPARE(a.size(), 2);
        QCOMPARE(a, b);
        for (const QString &id : {working, disconnected}) {
            const HttpReply one = local(session(id));
            QCOMPARE(one.status, 200);
            QCOMPARE(one.json(), gateway(session(id)).json());
            QVERIFY(one.header("x-console-synced-at").toLongLong() > 0);
        }
    }

    void contactWalkMatchesTheGateway()
    {
        for (const QString &id : {working, disconnected}) {
            int localPages = 0, gatewayPages = 0;
            const QStringList mine = walk(false, session(id), 200, &localPages);
            const QStringList theirs = walk(true, session(id), 200, &gatewayPages);
            QVERIFY(mine.size() > 200);
            QCOMPARE(QSet<QString>(mine.begin(), mine.end()).size(), mine.size()); // no duplicates
            QCOMPARE(QSet<QString>(mine.begin(), mine.end()),
                     QSet<QString>(theirs.begin(), theirs.end()));
            // Small pages to the very end: same set, last page without nextCursor.
            int smallPages = 0;
            const QStringList small = walk(false, session(id), 37, &smallPages);
            QCOMPARE(QSet<QString>(small.begin(), small.end()),
                     QSet<QString>(mine.begin(), mine.end()));
            QCOMPARE(smallPages, int((mine.size() + 36) / 37) + (mine.size() % 37 == 0 ? 1 : 0));
        }
    }

    void contactQueryParameters()
    {
        const QByteArray base = session(working) + "/contacts";
        QCOMPARE(local(base).json().value(QStringLiteral("data")).toArray().size(),
                 50); // default limit
        // The gateway's limit: 0 is the default, the rest clamped to 1..200.
        QCOMPARE(local(base + "?limit=0").json().value(QStringLiteral("data")).toArray().size(),
                 50);
        QCOMPARE(local(base + "?limit=-5").json().value(QStringLiteral("data")).toArray().size(),
                 1);
        QCOMPARE(
            local(base + "?limit=100000").json().value(QStringLiteral("data")).toArray().size(),
            200);
        for (const QByteArray &bad : {QByteArray("?limit=abc"), QByteArray("?limit=1.5"),
                                      QByteArray("?limit="), QByteArray("?source=all"),
                                      QByteArray("?source=DM"), QByteArray("?cursor=not-a-cursor"),
                                      QByteArray("?cursor=%00"), QByteArray("?cursor=")}) {
            const HttpReply r = local(base + bad);
            if (bad == "?limit=" || bad == "?cursor=") { // empty means "not given"
                QCOMPARE(r.status, 200);
                continue;
            }
            QCOMPARE(r.status, 400);
            QCOMPARE(r.errorCode(), QStringLiteral("validation_error"));
            if (bad.startsWith("?cursor")) // the gateway's "invalid cursor" has no details
                continue;
            QCOMPARE(r.json()
                         .value(QStringLiteral("error"))
                         .toObject()
                         .value(QStringLiteral("details"))
                         .toObject()
                         .value(QStringLiteral("errors"))
                         .toArray()
                         .size(),
                     1);
        }
        // group is not validated: what the session does not have lists nothing.
        for (const QByteArray &group : {QByteArray("nope"), QByteArray("1%40lid")})
            QCOMPARE(local(base + "?group=" + group).json(),
                     QJsonObject({{QStringLiteral("data"), QJsonArray()}}));
        // A real cursor, tampered with: refused, never guessed at.
        const QString cursor =
            local(base + "?limit=5").json().value(QStringLiteral("nextCursor")).toString();
        QVERIFY(!cursor.isEmpty());
        QCOMPARE(local(base + "?limit=5&cursor=" + enc(cursor)).status, 200);
        QString tampered = cursor;
        tampered[tampered.size() / 2] = tampered.at(tampered.size() / 2) == u'A' ? u'B' : u'A';
        QCOMPARE(local(base + "?limit=5&cursor=" + enc(tampered)).status, 400);
        QCOMPARE(local(base + "?limit=5&cursor=" + enc(cursor.left(cursor.size() - 3))).status,
                 400);
        QCOMPARE(local(base + "?limit=5&cursor=" + enc(cursor + QStringLiteral("x"))).status, 400);
        // A cursor of another query or session is foreign.
        QCOMPARE(local(base + "?limit=5&source=dm&cursor=" + enc(cursor)).status, 400);
        QCOMPARE(local(base + "?limit=5&q=a&cursor=" + enc(cursor)).status, 400);
        QCOMPARE(local(session(disconnected) + "/contacts?limit=5&cursor=" + enc(cursor)).status,
                 400);

        // source filters: dm lists direct chats only.
        int pages = 0;
        const int all = walk(false, session(working), 200, &pages).size();
        int total = 0;
        for (const char *source : {"dm", "group"}) {
            QString c;
            do {
                QByteArray target = base + "?limit=200&source=" + source;
                if (!c.isEmpty())
                    target += "&cursor=" + enc(c);
                const QJsonObject page = local(target).json();
                // source=group means "has a membership here", whatever the contact's own
                // source (tst_contractfidelity compares both lists with the gateway's).
                for (const QJsonValue &v : page.value(QStringLiteral("data")).toArray()) {
                    if (qstrcmp(source, "dm") == 0)
                        QCOMPARE(v.toObject().value(QStringLiteral("source")).toString(),
                                 QStringLiteral("dm"));
                    ++total;
                }
                c = page.value(QStringLiteral("nextCursor")).toString();
            } while (!c.isEmpty());
        }
        QVERIFY(total > 0 && all > 0);

        // group: exactly the group's members.
        const QJsonArray groups =
            local(session(working) + "/groups").json().value(QStringLiteral("data")).toArray();
        QVERIFY(!groups.isEmpty());
        const QString gid = groups.first().toObject().value(QStringLiteral("groupJid")).toString();
        QSet<QString> members;
        for (const QJsonValue &m : local(session(working) + "/groups/" + enc(gid) + "/members")
                                       .json()
                                       .value(QStringLiteral("data"))
                                       .toArray())
            members << m.toObject().value(QStringLiteral("lid")).toString();
        // Filtered walks, here and at the gateway: the same contacts, all of them members.
        const auto filtered = [&](bool fromGateway) {
            QSet<QString> lids;
            QString c;
            do {
                QByteArray target = base + "?limit=200&group=" + enc(gid);
                if (!c.isEmpty())
                    target += "&cursor=" + enc(c);
                const QJsonObject page = (fromGateway ? gateway(target) : local(target)).json();
                for (const QJsonValue &v : page.value(QStringLiteral("data")).toArray())
                    lids << v.toObject().value(QStringLiteral("lid")).toString();
                c = page.value(QStringLiteral("nextCursor")).toString();
            } while (!c.isEmpty());
            return lids;
        };
        const QSet<QString> inGroup = filtered(false);
        QVERIFY(!inGroup.isEmpty());
        QCOMPARE(inGroup, filtered(true));
        QVERIFY(members.contains(inGroup));
        // A well-formed group that is not there: an empty list, as the gateway does.
        QCOMPARE(local(base + "?group=" + enc(QStringLiteral("1@g.us")))
                     .json()
                     .value(QStringLiteral("data"))
                     .toArray()
                     .size(),
                 0);

        // q: a contact's name finds it.
        const QJsonObject first = local(base + "?limit=200")
                                      .json()
                                      .value(QStringLiteral("data"))
                                      .toArray()
                                      .first()
                                      .toObject();
        const QString name = first.value(QStringLiteral("name")).toString();
        if (!name.isEmpty()) {
            bool found = false;
            for (const QJsonValue &v : local(base + "?limit=200&q=" + enc(name))
                                           .json()
                                           .value(QStringLiteral("data"))
                                           .toArray())
                found = found
                    || v.toObject().value(QStringLiteral("lid"))
                        == first.value(QStringLiteral("lid"));
            QVERIFY(found);
        }
        // Hostile q: just text.
        for (const QString &q :
             {QStringLiteral("' OR 1=1 --"), QStringLiteral("%"), QStringLiteral("_"),
              QStringLiteral("\"); DROP TABLE contacts; --"), QString(300, u'a'),
              QStringLiteral("日本語"), QStringLiteral("*")}) {
            const HttpReply r = local(base + "?q=" + enc(q));
            QCOMPARE(r.status, 200);
            QVERIFY(r.json().contains(QStringLiteral("data")));
        }
    }

    void contactDetailsMatchTheGateway()
    {
        int pages = 0;
        const QStringList lids = walk(false, session(working), 200, &pages);
        int compared = 0;
        for (int i = 0; i < lids.size(); i += std::max<qsizetype>(1, lids.size() / 40)) {
            const QByteArray target = session(working) + "/contacts/" + enc(lids.at(i));
            const HttpReply mine = local(target);
            QCOMPARE(mine.status, 200);
            QVERIFY(mine.hasHeader("x-console-synced-at"));
            const HttpReply theirs = gateway(target);
            QCOMPARE(theirs.status, 200);
            QCOMPARE(normalizedDetail(mine.json()), normalizedDetail(theirs.json()));
            ++compared;
        }
        QVERIFY(compared >= 20);
    }

    void groupsAndMembersMatchTheGateway()
    {
        const HttpReply mine = local(session(working) + "/groups");
        QCOMPARE(mine.status, 200);
        QVERIFY(mine.hasHeader("x-console-synced-at"));
        const auto a = byKey(mine.json().value(QStringLiteral("data")).toArray(),
                             QStringLiteral("groupJid"));
        const auto b = byKey(
            gateway(session(working) + "/groups").json().value(QStringLiteral("data")).toArray(),
            QStringLiteral("groupJid"));
        QVERIFY(!a.isEmpty());
        QCOMPARE(a, b);
        for (const QString &gid : a.keys()) {
            const QByteArray g = session(working) + "/groups/" + enc(gid);
            QCOMPARE(local(g).json(), gateway(g).json());
            const auto ma = byKey(
                local(g + "/members").json().value(QStringLiteral("data")).toArray(),
                QStringLiteral("lid"));
            const auto mb = byKey(
                gateway(g + "/members").json().value(QStringLiteral("data")).toArray(),
                QStringLiteral("lid"));
            QCOMPARE(ma, mb);
        }
    }

    void notFoundAndMalformed_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QByteArray s = kRoot + '/' + enc(sim.workingSession().id);
        const QByteArray foreign = kRoot + '/' + enc(sim.foreignSession().id);
        const QString nf = QStringLiteral("not_found"), ve = QStringLiteral("validation_error");
        for (const QByteArray &tail :
             {QByteArray(""), QByteArray("/contacts"), QByteArray("/contacts/1%40lid"),
              QByteArray("/groups"), QByteArray("/groups/1%40g.us"),
              QByteArray("/groups/1%40g.us/members")}) {
            QTest::newRow(("unknown session" + tail).constData())
                << kRoot + "/sess_does_not_exist" + tail << 404 << nf;
            QTest::newRow(("foreign session" + tail).constData()) << foreign + tail << 404 << nf;
        }
        QTest::newRow("unknown lid") << s + "/contacts/0%40lid" << 404 << nf;
        QTest::newRow("unknown gid") << s + "/groups/1%40g.us" << 404 << nf;
        for (const QByteArray &lid :
             {QByteArray("abc"), QByteArray("1%40s.whatsapp.net"), QByteArray("%40lid"),
              QByteArray("12a%40lid"), QByteArray("1%40lid%40lid"),
              QByteArray("%3Cscript%3E%40lid"), QByteArray("1%2F2%40lid"), QByteArray("1%20%40lid"),
              QByteArray("%E2%80%AE1%40lid"), QByteArray(300, '9') + "%40lid"})
            QTest::newRow(("any lid " + lid.left(20)).constData())
                << s + "/contacts/" + lid << 404 << nf; // looked up as given, not judged
        for (const QByteArray &gid :
             {QByteArray("abc"), QByteArray("1%40lid"), QByteArray("-1%40g.us"),
              QByteArray("1%2F..%40g.us"), QByteArray("%27%20OR%201%3D1%40g.us")}) {
            QTest::newRow(("any gid " + gid).constData()) << s + "/groups/" + gid << 404 << nf;
        }
        QTest::newRow("dot segment") << s + "/contacts/%2e%2e" << 400 << ve;
        QTest::newRow("nul in lid") << s + "/contacts/1%00%40lid" << 400 << ve;
        QTest::newRow("bad escape") << s + "/contacts/%zz" << 400 << ve;
        QTest::newRow("unknown path") << kRoot + "/x/y/z/w/v" << 404 << nf;
    }

    void notFoundAndMalformed()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        QFETCH(QString, code);
        const HttpReply r = local(target);
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
        QVERIFY(!r.json()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString()
                     .isEmpty());
        QVERIFY(r.hasHeader("x-request-id"));
        QCOMPARE(local(session(working)).status, 200); // still serving
    }

    void accessChecksThroughTheRealRoutes()
    {
        const QByteArray target = session(working) + "/contacts";
        const quint16 port = api.port();
        QCOMPARE(roundTrip(port, httpRequest("GET", target, port, {})).status, 401);
        QCOMPARE(roundTrip(port, httpRequest("GET", target, port, {})).errorCode(),
                 QStringLiteral("unauthorized"));
        QCOMPARE(roundTrip(port, httpRequest("GET", target, port, "gcl_wrong")).status, 401);
        QCOMPARE(roundTrip(port, httpRequest("GET", target, port, api.token() + "x")).status, 401);
        QCOMPARE(
            roundTrip(port, httpRequest("GET", target, port, {}, {"x-api-key: " + api.token()}))
                .status,
            200);
        QCOMPARE(roundTrip(port, httpRequest("GET", target, port, "wa_demo")).status,
                 401); // the gateway's token means nothing here
        QCOMPARE(local("GET", target, {"Origin: http://evil.example"}).status, 403);
        QCOMPARE(local("GET", target, {"Sec-Fetch-Site: cross-site"}).status, 403);
        QByteArray wrongHost = httpRequest("GET", target, port, api.token());
        wrongHost.replace("Host: 127.0.0.1:", "Host: evil.example:");
        QCOMPARE(roundTrip(port, wrongHost).status, 403);
        QCOMPARE(local("DELETE", target).status, 405);
        QCOMPARE(local("POST", session(working) + "/contacts").status, 405);
        // The token is needed for the block route too, and is never forwarded.
        QCOMPARE(roundTrip(port, httpRequest("POST", target + "/1%40lid/block", port, {})).status,
                 401);
        // Still serving.
        QCOMPARE(local(target).status, 200);
    }

    void forwardedBlockAndUnblock()
    {
        int pages = 0;
        const QString lid = walk(false, session(working), 200, &pages).first();
        const QByteArray base = session(working) + "/contacts/" + enc(lid);
        const HttpReply blocked = local("POST", base + "/block");
        QCOMPARE(blocked.status, 204);
        QVERIFY(blocked.body.isEmpty());
        const QByteArray requestId = blocked.header("x-request-id");
        QVERIFY(!requestId.isEmpty());
        const QJsonObject list = sim.control(
            "GET", QStringLiteral("/_sim/sessions/%1/blocked").arg(working));
        QVERIFY2(QJsonDocument(list).toJson().contains(lid.toUtf8()),
                 QJsonDocument(list).toJson().constData());

        QCOMPARE(local("POST", base + "/unblock").status, 204);
        QVERIFY(!QJsonDocument(
                     sim.control("GET", QStringLiteral("/_sim/sessions/%1/blocked").arg(working)))
                     .toJson()
                     .contains(lid.toUtf8()));

        // The gateway's error passes through: a disconnected session answers 501.
        const HttpReply notConnected = local(
            "POST", session(disconnected) + "/contacts/" + enc(lid) + "/block");
        QCOMPARE(notConnected.status, 501);
        QCOMPARE(notConnected.errorCode(), QStringLiteral("not_implemented"));
        const QByteArray gatewayId = notConnected.header("x-request-id");
        QVERIFY(!gatewayId.isEmpty());
        // Unknown session: the gateway's 404.
        const HttpReply unknown = local(
            "POST", kRoot + "/sess_does_not_exist/contacts/" + enc(lid) + "/block");
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.errorCode(), QStringLiteral("not_found"));
        // A JID the console's client cannot send: the gateway's jid answer, after the session.
        for (const QByteArray &jid : {QByteArray("hello"), QByteArray("1%3A2%3A3%40s.whatsapp.net"),
                                      QByteArray("%3Cx%3E%40lid")}) {
            const HttpReply bad = local("POST", session(working) + "/contacts/" + jid + "/block");
            QCOMPARE(bad.status, 400);
            QCOMPARE(bad.errorCode(), QStringLiteral("validation_error"));
            QCOMPARE(
                bad.json().value(QStringLiteral("error")).toObject(),
                QJsonObject({{QStringLiteral("code"), QStringLiteral("validation_error")},
                             {QStringLiteral("message"),
                              QStringLiteral("invalid jid: ") + QUrl::fromPercentEncoding(jid)}}));
        }
        QCOMPARE(local("GET", base + "/block").status, 405);

        // The audit log: newest first, origin local-api, the gateway's request ids.
        const HttpReply audit = local("/api/v1/console/audit?limit=10");
        QCOMPARE(audit.status, 200);
        const QJsonArray entries = audit.json().value(QStringLiteral("data")).toArray();
        // The three JIDs refused by the console's client are audited too, newest.
        const int refused = 3;
        QCOMPARE(entries.size(), 4 + refused);
        for (int i = 0; i < refused; ++i)
            QCOMPARE(entries.at(i).toObject().value(QStringLiteral("sessionId")).toString(),
                     working);
        const QJsonObject newest = entries.at(refused).toObject();
        QCOMPARE(newest.value(QStringLiteral("action")).toString(), QStringLiteral("block"));
        QCOMPARE(newest.value(QStringLiteral("sessionId")).toString(),
                 QStringLiteral("sess_does_not_exist"));
        QCOMPARE(newest.value(QStringLiteral("result")).toString(), QStringLiteral("not_found"));
        const QJsonObject failed = entries.at(refused + 1).toObject();
        QCOMPARE(failed.value(QStringLiteral("result")).toString(),
                 QStringLiteral("not_implemented"));
        QCOMPARE(failed.value(QStringLiteral("requestId")).toString().toLatin1(), gatewayId);
        const QJsonObject first = entries.at(refused + 3).toObject();
        QCOMPARE(first.value(QStringLiteral("action")).toString(), QStringLiteral("block"));
        QCOMPARE(first.value(QStringLiteral("result")).toString(), QStringLiteral("ok"));
        QCOMPARE(first.value(QStringLiteral("contact")).toString(), lid);
        QCOMPARE(first.value(QStringLiteral("requestId")).toString().toLatin1(), requestId);
        for (const QJsonValue &e : entries)
            QCOMPARE(e.toObject().value(QStringLiteral("origin")).toString(),
                     QStringLiteral("local-api"));
        // Paging the audit log.
        const QJsonObject page = local("/api/v1/console/audit?limit=3").json();
        QCOMPARE(page.value(QStringLiteral("data")).toArray().size(), 3);
        const QByteArray before = page.value(QStringLiteral("nextCursor")).toString().toLatin1();
        QVERIFY(!before.isEmpty());
        QCOMPARE(local("/api/v1/console/audit?limit=10&before=" + before)
                     .json()
                     .value(QStringLiteral("data"))
                     .toArray()
                     .size(),
                 1 + refused);
        QCOMPARE(local("/api/v1/console/audit?limit=x").status, 400);
    }

    void consoleHealthAndSync()
    {
        const HttpReply health = local("/api/v1/console/health");
        QCOMPARE(health.status, 200);
        const QJsonObject h = health.json();
        QCOMPARE(
            h.value(QStringLiteral("gateway")).toObject().value(QStringLiteral("signedIn")).toBool(),
            true);
        const QJsonArray sessions = h.value(QStringLiteral("sessions")).toArray();
        QCOMPARE(sessions.size(), 2);
        for (const QJsonValue &s : sessions)
            QVERIFY(s.toObject().value(QStringLiteral("lastSyncAt")).toDouble() > 0);

        const HttpReply started = local("POST",
                                        "/api/v1/console/sessions/" + enc(working) + "/sync");
        QCOMPARE(started.status, 202);
        QCOMPARE(started.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("started"));
        const HttpReply refused = local("POST",
                                        "/api/v1/console/sessions/" + enc(working) + "/sync");
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.errorCode(), QStringLiteral("conflict"));
        QCOMPARE(syncTriggers, 2);
    }

    void openApiDescribesExactlyTheRoutes()
    {
        const HttpReply r = roundTrip(api.port(),
                                      httpRequest("GET", "/api/v1/openapi.json", api.port(), {}));
        QCOMPARE(r.status, 200); // public: no token
        const QJsonObject doc = r.json();
        QCOMPARE(doc.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.1.0"));
        const QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
        QSet<QString> served;
        for (const LocalApiRouter::Route &route : api.router()->routes()) {
            const QString key = route.pattern + u' ' + QString::fromLatin1(route.method).toLower();
            served << key;
            QVERIFY2(paths.value(route.pattern)
                         .toObject()
                         .contains(QString::fromLatin1(route.method).toLower()),
                     qPrintable(QStringLiteral("not described: ") + key));
        }
        QSet<QString> described;
        for (auto it = paths.begin(); it != paths.end(); ++it)
            for (const QString &method : it.value().toObject().keys())
                described << it.key() + u' ' + method;
        QCOMPARE(described, served);
        // Every described path answers something other than 404 through the server.
        for (const QString &key : described) {
            const QStringList parts = key.split(u' ');
            QByteArray path = parts.first().toLatin1();
            path.replace("{session}", enc(working))
                .replace("{lid}", "1%40lid")
                .replace("{jid}", "1%40lid")
                .replace("{gid}", "1%40g.us");
            if (parts.last() == QLatin1String("post"))
                continue; // side effects: covered above
            const HttpReply a = local(parts.last().toUpper().toLatin1(), path);
            QVERIFY2(a.status != 405, qPrintable(key));
            QVERIFY2(a.status != 404
                         || a.json()
                                 .value(QStringLiteral("error"))
                                 .toObject()
                                 .value(QStringLiteral("message"))
                                 .toString()
                             != QLatin1String("no such path"),
                     qPrintable(key));
        }
    }

    // Answers are kept between requests (StoredResponseCache); a commit by another connection
    // (a sync) must still show in the next answers, not be hidden behind a kept one.
    void answersFollowACommitByAnotherConnection()
    {
        int pages = 0;
        const QStringList lids = walk(false, session(working), 200, &pages);
        auto nameOf = [&](const QByteArray &target) {
            return local(target)
                .json()
                .value(QStringLiteral("identity"))
                .toObject()
                .value(QStringLiteral("name"))
                .toString();
        };
        QString lid;
        QByteArray contact;
        QString before;
        for (const QString &candidate : lids) {
            contact = session(working) + "/contacts/" + enc(candidate);
            before = nameOf(contact);
            if (!before.isEmpty()) {
                lid = candidate;
                break;
            }
        }
        QVERIFY2(!lid.isEmpty(), "no synced contact with a name");
        QCOMPARE(nameOf(contact), before); // a kept answer, the same as the built one

        auto rename = [&](const QString &name) {
            QString error;
            std::unique_ptr<CacheDatabase> db = CacheDatabase::open(
                cachePath, CacheDatabase::Mode::ReadWrite, &error);
            QVERIFY2(db, qPrintable(error));
            QSqlQuery *q = db->statement(
                QStringLiteral("UPDATE contacts SET name = :name WHERE lid = :lid"
                               " AND sid = (SELECT sid FROM sessions WHERE id = :session)"),
                &error);
            QVERIFY2(q, qPrintable(error));
            q->bindValue(QStringLiteral(":name"), name);
            q->bindValue(QStringLiteral(":lid"), lid);
            q->bindValue(QStringLiteral(":session"), working);
            QVERIFY2(q->exec(), qPrintable(q->lastError().text()));
            QCOMPARE(q->numRowsAffected(), 1);
            q->finish();
        };
        const QString renamed = QStringLiteral("Renamed \u00c9milie");
        rename(renamed);
        QTRY_COMPARE_WITH_TIMEOUT(nameOf(contact), renamed, 5000);
        rename(before);
        QTRY_COMPARE_WITH_TIMEOUT(nameOf(contact), before, 5000);
    }
};

QTEST_GUILESS_MAIN(TestLocalApiRoutes)
#include "tst_localapiroutes.moc"
