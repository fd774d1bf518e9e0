#include "gateway/GatewayJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
QJsonValue json(const char *text)
{
    const QJsonDocument d = QJsonDocument::fromJson(QByteArray(text));
    return d.isArray() ? QJsonValue(d.array()) : QJsonValue(d.object());
}
} // namespace

class TestGatewayJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void contactWithNullsAndAbsentFields()
    {
        QString error;
        auto withNulls = GatewayJson::toContact(
            json(R"({"lid":"1@lid","source":"dm","name":null,"phoneNumber":null})"), &error);
        QVERIFY2(withNulls, qPrintable(error));
        QVERIFY(!withNulls->name && !withNulls->phoneNumber && !withNulls->businessName);
        auto full = GatewayJson::toContact(
            json(
                R"({"lid":"1@lid","source":"group","name":"Rina 🌸","phoneNumber":"6281","businessName":"Toko"})"),
            &error);
        QVERIFY(full);
        QCOMPARE(*full->name, QStringLiteral("Rina 🌸"));
        QCOMPARE(*full->businessName, QStringLiteral("Toko"));
    }

    void rejectsMissingRequiredAndWrongTypesWithPath()
    {
        QString error;
        QVERIFY(!GatewayJson::toContact(json(R"({"source":"dm"})"), &error));
        QCOMPARE(error, QStringLiteral("$.lid is missing"));
        QVERIFY(!GatewayJson::toContact(json(R"({"lid":5,"source":"dm"})"), &error));
        QCOMPARE(error, QStringLiteral("$.lid is not a string"));
        QVERIFY(!GatewayJson::toGroup(
            json(R"({"id":1.5,"groupJid":"1@g.us","firstSeenAt":1,"updatedAt":2})"), &error));
        QCOMPARE(error, QStringLiteral("$.id is not an integer"));
        QVERIFY(!GatewayJson::toContact(json(R"([1,2])"), &error));
    }

    void pageEnvelopeVariants()
    {
        QString error;
        auto nullData = GatewayJson::toContactPage(json(R"({"data":null})"), &error);
        QVERIFY(nullData && nullData->items.isEmpty() && !nullData->hasMore());
        auto emptyCursor = GatewayJson::toContactPage(json(R"({"data":[],"nextCursor":""})"),
                                                      &error);
        QVERIFY(emptyCursor && !emptyCursor->hasMore());
        auto nullCursor = GatewayJson::toContactPage(json(R"({"data":[],"nextCursor":null})"),
                                                     &error);
        QVERIFY(nullCursor && !nullCursor->hasMore());
        auto more = GatewayJson::toContactPage(
            json(R"({"data":[{"lid":"1@lid","source":"dm"}],"nextCursor":"abc"})"), &error);
        QVERIFY(more && more->hasMore());
        QCOMPARE(more->nextCursor, QStringLiteral("abc"));
        QVERIFY(!GatewayJson::toContactPage(json(R"({"data":[{"lid":"1@lid"}]})"), &error));
        QCOMPARE(error, QStringLiteral("$.data[0].source is missing"));
        QVERIFY(!GatewayJson::toContactPage(json(R"({"data":{}})"), &error));
    }

    void contactDetailWithNullGroupsAndIdentity()
    {
        QString error;
        auto d = GatewayJson::toContactDetail(json(R"({"dm":true,"groups":null})"), &error);
        QVERIFY2(d, qPrintable(error));
        QVERIFY(d->dm && d->groups.isEmpty() && !d->identity);
        auto full = GatewayJson::toContactDetail(
            json(
                R"({"dm":false,"groups":[{"jid":"1@g.us","role":"superadmin","lastSeen":5,"tag":"~Rina","name":null}],
            "identity":{"id":3,"lid":"9@lid","firstSeenAt":1,"updatedAt":2,"phoneJid":"62@s.whatsapp.net"}})"),
            &error);
        QVERIFY2(full, qPrintable(error));
        QCOMPARE(full->groups.size(), 1);
        QCOMPARE(*full->groups.first().tag, QStringLiteral("~Rina"));
        QVERIFY(!full->groups.first().name);
        QCOMPARE(*full->identity->phoneJid, QStringLiteral("62@s.whatsapp.net"));
    }

    void roundTripsEveryObject()
    {
        WaSession s;
        s.id = QStringLiteral("01J9");
        s.organizationId = QStringLiteral("org");
        s.gatewayId = QStringLiteral("gw");
        s.status = QStringLiteral("working");
        s.ratePerMin = 20;
        s.ratePerHour = 600;
        s.createdAt = 1719662400000;
        s.updatedAt = 1719662400001;
        s.label = QStringLiteral("Support");
        QString error;
        auto s2 = GatewayJson::toSession(GatewayJson::fromSession(s), &error);
        QVERIFY2(s2, qPrintable(error));
        QCOMPARE(s2->createdAt, s.createdAt);
        QCOMPARE(*s2->label, *s.label);
        QVERIFY(
            !GatewayJson::fromSession(s).contains(QStringLiteral("waJid"))); // unknown stays out

        GroupMember m;
        m.id = 7;
        m.sessionId = s.id;
        m.groupJid = QStringLiteral("1@g.us");
        m.lid = QStringLiteral("2@lid");
        m.role = QStringLiteral("admin");
        m.firstSeenAt = 1;
        m.lastSeenAt = 2;
        m.tag = QStringLiteral("+62 812•••90");
        auto m2 = GatewayJson::toGroupMember(GatewayJson::fromGroupMember(m), &error);
        QVERIFY(m2);
        QCOMPARE(*m2->tag, *m.tag);

        Group g;
        g.id = 1;
        g.groupJid = QStringLiteral("1@g.us");
        g.firstSeenAt = 1;
        g.updatedAt = 2;
        g.isAnnounce = false;
        auto g2 = GatewayJson::toGroup(GatewayJson::fromGroup(g), &error);
        QVERIFY(g2 && g2->isAnnounce && !*g2->isAnnounce && !g2->isLocked);

        Page<Contact> page;
        page.items.append(Contact{QStringLiteral("1@lid"), QStringLiteral("dm"), {}, {}, {}});
        const QJsonObject last = GatewayJson::fromPage(page, &GatewayJson::fromContact);
        QVERIFY(!last.contains(QStringLiteral("nextCursor")));
        page.nextCursor = QStringLiteral("c");
        QCOMPARE(GatewayJson::fromPage(page, &GatewayJson::fromContact)
                     .value(QStringLiteral("nextCursor"))
                     .toString(),
                 QStringLiteral("c"));
    }

    void hostileDocumentsNeverCrash()
    {
        QString error;
        QByteArray deep(100000, '[');
        QVERIFY(!GatewayJson::toContactPage(QJsonDocument::fromJson(deep).object(), &error));
        QVERIFY(!GatewayJson::toContactDetail(json(R"({"dm":"yes","groups":[]})"), &error));
        QVERIFY(!GatewayJson::toContactDetail(json(R"({"dm":true,"groups":[1]})"), &error));
        QVERIFY(!GatewayJson::toSession(json(R"({"id":"x","createdAt":1e300})"), &error));
        QVERIFY(!GatewayJson::toAbout(QJsonValue(QStringLiteral("text")), &error));
    }

    void readsTheErrorEnvelopeOrFallsBackToTheStatus()
    {
        GatewayError e;
        e.httpStatus = 404;
        GatewayJson::readErrorEnvelope(
            R"({"error":{"code":"not_found","message":"gone","details":{"a":1}}})", &e);
        QCOMPARE(e.code, QStringLiteral("not_found"));
        QCOMPARE(e.message, QStringLiteral("gone"));
        QCOMPARE(e.details.value(QStringLiteral("a")).toInt(), 1);

        for (const QByteArray &body :
             {QByteArray("<html>Bad Gateway</html>"), QByteArray(R"({"error":{"code":7}})"),
              QByteArray("[]"), QByteArray()}) {
            GatewayError f;
            f.httpStatus = 503;
            GatewayJson::readErrorEnvelope(body, &f);
            QCOMPARE(f.code, QStringLiteral("gateway_unavailable"));
            QVERIFY(f.message.contains(QStringLiteral("503")));
        }
    }
};

QTEST_GUILESS_MAIN(TestGatewayJson)
#include "tst_gatewayjson.moc"
