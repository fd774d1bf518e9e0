// gateway-sim over real HTTP: live actions, mutations through /_sim, hostile input.
#include "tst_simulator.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

namespace {

QStringList strings(const QJsonValue &array)
{
    QStringList out;
    for (const QJsonValue &v : array.toArray())
        out << v.toString();
    return out;
}

} // namespace

void TstSimulator::blockAndUnblock()
{
    const QList<QJsonObject> all = allContacts(m_working);
    QString lid, phoneLid, phone;
    for (const QJsonObject &c : all) {
        if (lid.isEmpty())
            lid = str(c, "lid");
        else if (phone.isEmpty() && c.contains(QLatin1String("phoneNumber"))) {
            phone = str(c, "phoneNumber");
            phoneLid = str(c, "lid");
        }
    }
    QVERIFY(!lid.isEmpty() && !phone.isEmpty());
    const QByteArray base = sessionPath(m_working) + "/contacts/";
    const QString blockedPath = QStringLiteral("/_sim/sessions/%1/blocked").arg(m_working);
    auto blocked = [&] {
        return strings(m_sim.control("GET", blockedPath).value(QLatin1String("data")));
    };

    HttpResult r = m_client->post(base + SimClient::enc(lid) + "/block", full());
    QCOMPARE(r.status, 204);
    QVERIFY(r.body.isEmpty());
    QVERIFY(!r.header("x-request-id").isEmpty());
    QCOMPARE(blocked().count(lid), 1);
    QCOMPARE(m_client->post(base + SimClient::enc(lid) + "/block", full()).status,
             204); // idempotent
    QCOMPARE(blocked().count(lid), 1);

    // By phone JID: the same person, remembered under the LID.
    QCOMPARE(m_client
                 ->post(base + SimClient::enc(phone + QStringLiteral("@s.whatsapp.net")) + "/block",
                        full())
                 .status,
             204);
    QVERIFY(blocked().contains(phoneLid));

    QCOMPARE(m_client->post(base + SimClient::enc(lid) + "/unblock", full()).status, 204);
    QVERIFY(!blocked().contains(lid));
    QCOMPARE(m_client->post(base + SimClient::enc(lid) + "/unblock", full()).status, 204);
    QCOMPARE(m_client->post(base + SimClient::enc(phoneLid) + "/unblock", full()).status, 204);
    QVERIFY(blocked().isEmpty());

    // The gateway never asks whether the contact is stored, and whatsmeow parses "hello".
    QCOMPARE(m_client->post(base + "0%40lid/block", full()).status, 204);
    QVERIFY(blocked().contains(QStringLiteral("0@lid")));
    QCOMPARE(m_client->post(base + "0%40lid/unblock", full()).status, 204);
    QCOMPARE(m_client->post(base + "hello/block", full()).errorCode(), QStringLiteral("internal"));
    QCOMPARE(m_client->post(base + "1.2.3%40lid/block", full()).errorCode(),
             QStringLiteral("validation_error"));
    QCOMPARE(m_client
                 ->post(base + SimClient::enc(lid) + "/block",
                        Credential::apiKey(QStringLiteral("wa_read")))
                 .errorCode(),
             QStringLiteral("forbidden"));
    QCOMPARE(m_client
                 ->post(base + SimClient::enc(lid) + "/block",
                        Credential::apiKey(QStringLiteral("wa_nosend")))
                 .status,
             403);
    QCOMPARE(
        m_client
            ->post(sessionPath(m_foreign) + "/contacts/" + SimClient::enc(lid) + "/block", full())
            .status,
        404);
    QVERIFY(blocked().isEmpty());
}

void TstSimulator::liveActionsNeedAWorkingSession()
{
    const QList<QJsonObject> stoppedContacts = allContacts(m_stopped); // stored data still readable
    QVERIFY(!stoppedContacts.isEmpty());
    const QByteArray jid = SimClient::enc(str(stoppedContacts.first(), "lid"));
    const QByteArray base = sessionPath(m_stopped) + "/contacts/" + jid;
    QCOMPARE(m_client->post(base + "/block", full()).errorCode(),
             QStringLiteral("not_implemented"));
    QCOMPARE(m_client->post(base + "/unblock", full()).status, 501);
    QCOMPARE(m_client->get(base + "/picture", full()).status, 501);
    QCOMPARE(m_client->get(base + "/about", full()).status, 501);

    // The status is live: log the working session out, then bring it back.
    const QString lid = str(allContacts(m_working).first(), "lid");
    const QByteArray block = sessionPath(m_working) + "/contacts/" + SimClient::enc(lid) + "/block";
    QVERIFY(m_sim.setSessionStatus(m_working, QStringLiteral("logged_out")));
    QCOMPARE(m_client->post(block, full()).status, 501);
    HttpResult session = m_client->get(sessionPath(m_working), full());
    QCOMPARE(str(session.json, "status"), QStringLiteral("logged_out"));
    QVERIFY(!session.json.contains(QLatin1String("phoneNumber"))); // unpaired: no number
    QVERIFY(m_sim.setSessionStatus(m_working, QStringLiteral("working")));
    QCOMPARE(m_client->post(block, full()).status, 204);
    QCOMPARE(
        m_client
            ->post(sessionPath(m_working) + "/contacts/" + SimClient::enc(lid) + "/unblock", full())
            .status,
        204);
    session = m_client->get(sessionPath(m_working), full());
    QVERIFY(session.json.contains(QLatin1String("phoneNumber")));

    QVERIFY(!m_sim.setSessionStatus(m_working, QStringLiteral("sleeping"))); // not a status: 400
}

void TstSimulator::pictureAndAbout()
{
    int pictures = 0;
    for (const QJsonObject &c : allContacts(m_working).mid(0, 12)) {
        const QByteArray base = sessionPath(m_working) + "/contacts/"
            + SimClient::enc(str(c, "lid"));
        const HttpResult about = m_client->get(base + "/about", full());
        QCOMPARE(about.status, 200);
        QVERIFY(about.json.value(QLatin1String("about")).isString());
        const HttpResult picture = m_client->get(base + "/picture", full());
        if (picture.status == 200) {
            ++pictures;
            QVERIFY(str(picture.json, "url").startsWith(QLatin1String("https://")));
            QVERIFY(!str(picture.json, "id").isEmpty());
        } else {
            QCOMPARE(picture.errorCode(), QStringLiteral("not_found")); // hidden by privacy
        }
    }
    QVERIFY(pictures > 0);
    // Not stored: WhatsApp is asked all the same, and knows no about text.
    const HttpResult unknown = m_client->get(sessionPath(m_working) + "/contacts/0%40lid/about",
                                             full());
    QCOMPARE(unknown.status, 200);
    QCOMPARE(str(unknown.json, "about"), QString());
}

void TstSimulator::mutations()
{
    QHash<QString, QJsonObject> before;
    for (const QJsonObject &c : allContacts(m_second))
        before.insert(str(c, "lid"), c);
    QCOMPARE(before.size(), 300);
    // A cursor taken before the change keeps working after it (keyset paging).
    const QString cursor = str(
        m_client->get(sessionPath(m_second) + "/contacts?limit=10", full()).json, "nextCursor");

    int status = 0;
    const QJsonObject r = m_sim.control("POST",
                                        QStringLiteral("/_sim/sessions/%1/mutate").arg(m_second),
                                        {{QStringLiteral("removeContacts"), 3},
                                         {QStringLiteral("addContacts"), 2},
                                         {QStringLiteral("renameContacts"), 2},
                                         {QStringLiteral("removeMemberships"), 5}},
                                        &status);
    QCOMPARE(status, 200);
    const QStringList removed = strings(r.value(QLatin1String("removed")));
    const QStringList added = strings(r.value(QLatin1String("added")));
    const QStringList renamed = strings(r.value(QLatin1String("renamed")));
    const QJsonArray removedMemberships = r.value(QLatin1String("removedMemberships")).toArray();
    QCOMPARE(removed.size(), 3);
    QCOMPARE(added.size(), 2);
    QCOMPARE(renamed.size(), 2);
    QVERIFY(removedMemberships.size() >= 5);

    QHash<QString, QJsonObject> after;
    for (const QJsonObject &c : allContacts(m_second))
        after.insert(str(c, "lid"), c);
    QCOMPARE(after.size(), 300 - 3 + 2);
    const QByteArray base = sessionPath(m_second) + "/contacts/";
    for (const QString &lid : removed) {
        QVERIFY(before.contains(lid) && !after.contains(lid));
        QCOMPARE(m_client->get(base + SimClient::enc(lid), full()).status, 404);
    }
    for (const QString &lid : added) {
        QVERIFY(!before.contains(lid) && after.contains(lid));
        QCOMPARE(str(after.value(lid), "source"), QStringLiteral("dm"));
        const QJsonValue groups =
            m_client->get(base + SimClient::enc(lid), full()).json.value(QLatin1String("groups"));
        QVERIFY(groups.isArray() && groups.toArray().isEmpty());
    }
    for (const QString &lid : renamed) {
        QVERIFY(after.contains(lid));
        QVERIFY(str(after.value(lid), "name") != str(before.value(lid), "name"));
    }
    for (const QJsonValue &v : removedMemberships) {
        const QJsonObject m = v.toObject();
        const HttpResult members = m_client->get(
            sessionPath(m_second) + "/groups/" + SimClient::enc(str(m, "groupJid")) + "/members",
            full());
        for (const QJsonValue &mv : members.data())
            QVERIFY(str(mv.toObject(), "lid") != str(m, "lid"));
    }
    QCOMPARE(
        m_client
            ->get(sessionPath(m_second) + "/contacts?limit=10&cursor=" + SimClient::enc(cursor),
                  full())
            .status,
        200);
}

void TstSimulator::hostileInput_data()
{
    QTest::addColumn<QByteArray>("path"); // {w}: the working session's path
    QTest::addColumn<QList<int>>("allowed");
    const QByteArray tenK(10000, '7');
    const QList<int> absent = {404}, ok = {200};
    QTest::newRow("sql in session")
        << QByteArray("/api/v1/sessions/%27%20OR%201%3D1--/contacts") << absent;
    QTest::newRow("sql in lid") << QByteArray(
        "{w}/contacts/1%27%3B%20DROP%20TABLE%20contacts%3B--%40lid")
                                << absent;
    QTest::newRow("sql in q") << QByteArray("{w}/contacts?q=%27%20OR%20%271%27%3D%271") << ok;
    QTest::newRow("dot-dot session") << QByteArray("/api/v1/sessions/%2E%2E/contacts") << absent;
    QTest::newRow("dot-dot lid") << QByteArray("{w}/contacts/..%2F..%2Fetc%2Fpasswd") << absent;
    QTest::newRow("nul in lid") << QByteArray("{w}/contacts/1%00%40lid") << absent;
    QTest::newRow("nul session") << QByteArray("/api/v1/sessions/%00/groups") << absent;
    QTest::newRow("10 kB lid") << QByteArray("{w}/contacts/" + tenK + "%40lid") << absent;
    QTest::newRow("10 kB session") << QByteArray("/api/v1/sessions/" + tenK) << absent;
    QTest::newRow("10 kB q") << QByteArray("{w}/contacts?q=" + tenK) << ok;
    QTest::newRow("10 kB gid") << QByteArray("{w}/groups/" + tenK + "%40g.us") << absent;
    QTest::newRow("invalid utf-8 lid") << QByteArray("{w}/contacts/%C3%28%40lid") << absent;
    QTest::newRow("invalid utf-8 session") << QByteArray("/api/v1/sessions/%FF%FE") << absent;
    QTest::newRow("invalid utf-8 q") << QByteArray("{w}/contacts?q=%FF%FE") << ok; // skipped
    QTest::newRow("broken escape") << QByteArray("{w}/contacts/%ZZ") << absent;
    QTest::newRow("emoji gid") << QByteArray("{w}/groups/%F0%9F%98%80%40g.us") << absent;
    QTest::newRow("action suffix") << QByteArray("{w}:start") << absent;
    QTest::newRow("empty segment") << QByteArray("/api/v1/sessions//contacts") << absent;
    QTest::newRow("deep path") << QByteArray("{w}/contacts/1%40lid/block/extra") << absent;
}

void TstSimulator::hostileInput()
{
    QFETCH(QByteArray, path);
    QFETCH(QList<int>, allowed);
    path.replace("{w}", sessionPath(m_working));
    const HttpResult r = m_client->get(path, full());
    QVERIFY2(
        allowed.contains(r.status),
        qPrintable(
            QStringLiteral("status %1: %2").arg(r.status).arg(QString::fromUtf8(r.body.left(200)))));
    QVERIFY(r.isJson);
    if (r.status != 200) {
        QVERIFY(!r.errorCode().isEmpty());
        QVERIFY(!r.json.value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("message"))
                     .toString()
                     .isEmpty());
    }
    QCOMPARE(m_client->get("/api/v1/sessions", full()).status, 200); // still serving
}
