// gateway-sim answers as the gateway's code does (issue 18), one test per rule, over real HTTP.
#include "SimClient.h"
#include "SimulatorProcess.h"

#include <QJsonArray>
#include <QObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <memory>

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// What the gateway's collation compares: decomposed, marks dropped, lower case.
QString fold(const QString &s)
{
    QString out;
    for (const QChar c : s.normalized(QString::NormalizationForm_D))
        if (!c.isMark())
            out += c.toLower();
    return out;
}

// MySQL's `name LIKE '%q%'` as a regular expression over folded text.
QRegularExpression likeRegex(const QString &q)
{
    QString re = QStringLiteral(".*");
    for (const QChar c : fold(q))
        re += c == QLatin1Char('%') ? QStringLiteral(".*")
            : c == QLatin1Char('_') ? QStringLiteral(".")
                                    : QRegularExpression::escape(QString(c));
    return QRegularExpression(QRegularExpression::anchoredPattern(re + QStringLiteral(".*")),
                              QRegularExpression::DotMatchesEverythingOption);
}

QSet<QString> lids(const QList<QJsonObject> &contacts)
{
    QSet<QString> out;
    for (const QJsonObject &c : contacts)
        out.insert(str(c, "lid"));
    return out;
}

} // namespace

class TestSimulatorFidelity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void shouldApplyOneContactFilterInTheGatewaysOrder();
    void shouldSearchNamesOnlyIgnoringAccentsAndCase();
    void shouldTreatPercentAndUnderscoreAsLikeWildcards();
    void shouldDefaultAndClampTheLimit_data();
    void shouldDefaultAndClampTheLimit();
    void shouldPageByDecimalIdsAndEndOnAnEmptyPage();
    void shouldReportValidationErrorsAsHumaDoes();
    void shouldLookUpAnyStringWithoutValidatingIt();
    void shouldAlwaysAnswerIdentityAndAGroupsArray();
    void shouldCheckLiveActionsInTheGatewaysOrder();
    void shouldPerformLiveActionsOnAnyParsedJid();
    void shouldResolveCredentialsAsTheGateway();
    void shouldGiveMembersReadSendAndEventsButNotManage();
    void shouldEchoTheClientsRequestIdOnce();
    void shouldListSessionsNewestFirstAndTheRestByIdAscending();
    void shouldAnswer404ToATrailingSlashAnd405ToAWrongMethod();
    void shouldNotFindAnotherOrgsContactOrGroup();

private:
    QByteArray path(const QString &session) const
    {
        return "/api/v1/sessions/" + SimClient::enc(session);
    }
    Credential full() const { return Credential::apiKey(QStringLiteral("wa_full")); }
    QList<QJsonObject> allContacts(const QString &session, const QByteArray &query = {});
    QList<QJsonObject> groupMembers(const QString &session, const QString &gid);
    QStringList groupJids(const QString &session);
    HttpResult live(const char *method, const QString &session, const QString &jid,
                    const char *action);

    SimulatorProcess m_sim;
    std::unique_ptr<SimClient> m_client;
    QString m_working, m_stopped, m_foreign;
};

void TestSimulatorFidelity::initTestCase()
{
    QVERIFY2(m_sim.start(
                 {QStringLiteral("--seed"), QStringLiteral("1"), QStringLiteral("--sessions"),
                  QStringLiteral("3"), QStringLiteral("--disconnected"), QStringLiteral("1"),
                  QStringLiteral("--contacts"), QStringLiteral("1500"), QStringLiteral("--groups"),
                  QStringLiteral("30"), QStringLiteral("--members"), QStringLiteral("4500"),
                  QStringLiteral("--api-key"), QStringLiteral("wa_full=read,send,manage"),
                  QStringLiteral("--api-key"), QStringLiteral("wa_read=read")}),
             qPrintable(m_sim.errorString()));
    m_client = std::make_unique<SimClient>(m_sim.url());
    m_working = m_sim.workingSession().id;
    m_stopped = m_sim.disconnectedSession().id;
    m_foreign = m_sim.foreignSession().id;
}

void TestSimulatorFidelity::cleanup()
{
    QVERIFY(m_sim.setSessionStatus(m_working, QStringLiteral("working")));
}

QList<QJsonObject> TestSimulatorFidelity::allContacts(const QString &session,
                                                      const QByteArray &query)
{
    QList<QJsonObject> out;
    QString cursor;
    for (int page = 0; page < 100; ++page) {
        QByteArray p = path(session) + "/contacts?limit=200" + query;
        if (!cursor.isEmpty())
            p += "&cursor=" + SimClient::enc(cursor);
        const HttpResult r = m_client->get(p, full());
        if (r.status != 200)
            return {};
        for (const QJsonValue &v : r.data())
            out << v.toObject();
        cursor = str(r.json, "nextCursor");
        if (cursor.isEmpty())
            break;
    }
    return out;
}

QStringList TestSimulatorFidelity::groupJids(const QString &session)
{
    QStringList out;
    for (const QJsonValue &g : m_client->get(path(session) + "/groups", full()).data())
        out << str(g.toObject(), "groupJid");
    return out;
}

QList<QJsonObject> TestSimulatorFidelity::groupMembers(const QString &session, const QString &gid)
{
    QList<QJsonObject> out;
    const QByteArray p = path(session) + "/groups/" + SimClient::enc(gid) + "/members";
    for (const QJsonValue &v : m_client->get(p, full()).data())
        out << v.toObject();
    return out;
}

HttpResult TestSimulatorFidelity::live(const char *method, const QString &session,
                                       const QString &jid, const char *action)
{
    return SimClient::finish(m_client->start(
        method, path(session) + "/contacts/" + SimClient::enc(jid) + '/' + action, full()));
}

void TestSimulatorFidelity::shouldApplyOneContactFilterInTheGatewaysOrder()
{
    // Given the session's contacts, its groups and their members
    const QList<QJsonObject> all = allContacts(m_working);
    QSet<QString> dm, inAGroup;
    for (const QJsonObject &c : all)
        if (str(c, "source") == QLatin1String("dm"))
            dm.insert(str(c, "lid"));
    QString biggest;
    QSet<QString> biggestMembers;
    for (const QString &gid : groupJids(m_working)) {
        const QSet<QString> members = lids(groupMembers(m_working, gid));
        inAGroup += members;
        if (members.size() > biggestMembers.size()) {
            biggest = gid;
            biggestMembers = members;
        }
    }
    QVERIFY(!(dm & inAGroup).isEmpty());       // some dm contacts are also in groups
    QVERIFY(!(biggestMembers - dm).isEmpty()); // and the group has non-dm members

    // When each filter is asked, Then: dm = direct chats; group = any membership (overlapping
    // dm); group= wins over source=
    QCOMPARE(lids(allContacts(m_working, "&source=dm")), dm);
    QCOMPARE(lids(allContacts(m_working, "&source=group")), inAGroup);
    QCOMPARE(lids(allContacts(m_working, "&source=dm&group=" + SimClient::enc(biggest))),
             biggestMembers);

    // And each combines with q
    for (const QJsonObject &c : allContacts(m_working, "&source=dm&q=an")) {
        QVERIFY(dm.contains(str(c, "lid")));
        QVERIFY(fold(str(c, "name")).contains(QLatin1String("an")));
    }
}

void TestSimulatorFidelity::shouldSearchNamesOnlyIgnoringAccentsAndCase()
{
    // Given a contact whose name carries an accent, and one with a phone number
    const QList<QJsonObject> all = allContacts(m_working);
    QJsonObject accented, withPhone;
    for (const QJsonObject &c : all) {
        const QString name = str(c, "name");
        if (accented.isEmpty() && fold(name) != name.toLower())
            accented = c;
        if (withPhone.isEmpty() && c.contains(QLatin1String("phoneNumber")))
            withPhone = c;
    }
    QVERIFY(!accented.isEmpty() && !withPhone.isEmpty());
    const QString word = str(accented, "name").section(QLatin1Char(' '), 0, 0);
    const QString plain = fold(word).toUpper(); // "FRANCOIS" for "François"

    // When searching for it without accents and in upper case
    const QList<QJsonObject> found = allContacts(m_working, "&q=" + SimClient::enc(plain));

    // Then exactly the contacts whose folded name contains it come back
    QSet<QString> expected;
    for (const QJsonObject &c : all)
        if (c.contains(QLatin1String("name")) && fold(str(c, "name")).contains(fold(plain)))
            expected.insert(str(c, "lid"));
    QVERIFY(expected.contains(str(accented, "lid")));
    QCOMPARE(lids(found), expected);
    QCOMPARE(lids(allContacts(m_working, "&q=" + SimClient::enc(word))), expected);

    // And the phone number and the LID are not searched
    const QString digits = str(withPhone, "phoneNumber").mid(2, 7);
    QVERIFY(!lids(allContacts(m_working, "&q=" + SimClient::enc(digits)))
                 .contains(str(withPhone, "lid")));
    QVERIFY(allContacts(m_working, "&q=" + SimClient::enc(str(withPhone, "lid"))).isEmpty());
}

void TestSimulatorFidelity::shouldTreatPercentAndUnderscoreAsLikeWildcards()
{
    // Given the session's named contacts
    const QList<QJsonObject> all = allContacts(m_working);
    QString sample;
    for (const QJsonObject &c : all)
        if (fold(str(c, "name")).size() >= 8 && str(c, "name").contains(QLatin1Char(' ')))
            sample = fold(str(c, "name"));
    QVERIFY(!sample.isEmpty());
    const QString first = sample.section(QLatin1Char(' '), 0, 0);
    const QStringList queries = {
        sample.left(1) + QLatin1Char('_') + sample.mid(2, 3),                // `_`: one character
        first.left(2) + QLatin1Char('%') + sample.section(' ', -1).right(2), // `%`: any run
        QStringLiteral("%"),                                                 // every named contact
    };
    for (const QString &q : queries) {
        // When searching with LIKE's wildcards
        const QSet<QString> found = lids(allContacts(m_working, "&q=" + SimClient::enc(q)));
        // Then the answer is what `name LIKE '%q%'` selects
        const QRegularExpression re = likeRegex(q);
        QSet<QString> expected;
        for (const QJsonObject &c : all)
            if (c.contains(QLatin1String("name")) && re.match(fold(str(c, "name"))).hasMatch())
                expected.insert(str(c, "lid"));
        QVERIFY2(!expected.isEmpty(), qPrintable(q));
        QCOMPARE(found, expected);
    }
    // And a backslash makes a wildcard literal: no name holds a '%'
    QVERIFY(allContacts(m_working, "&q=" + SimClient::enc(QStringLiteral("\\%"))).isEmpty());
}

void TestSimulatorFidelity::shouldDefaultAndClampTheLimit_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<int>("expected");
    QTest::newRow("absent") << QByteArray() << 50;
    QTest::newRow("empty") << QByteArray("?limit=") << 50;
    QTest::newRow("0 means the default") << QByteArray("?limit=0") << 50;
    QTest::newRow("negative") << QByteArray("?limit=-3") << 1;
    QTest::newRow("+7") << QByteArray("?limit=%2B7") << 7;
    QTest::newRow("500") << QByteArray("?limit=500") << 200;
}

void TestSimulatorFidelity::shouldDefaultAndClampTheLimit()
{
    // Given a session with 500 contacts, When asking with this limit
    QFETCH(QByteArray, query);
    QFETCH(int, expected);
    const HttpResult r = m_client->get(path(m_working) + "/contacts" + query, full());
    // Then the page has the clamped size
    QCOMPARE(r.status, 200);
    QCOMPARE(r.data().size(), expected);
}

void TestSimulatorFidelity::shouldPageByDecimalIdsAndEndOnAnEmptyPage()
{
    // Given a group whose member count is the page size
    const QString gid = groupJids(m_working).first();
    const int members = int(groupMembers(m_working, gid).size());
    QVERIFY(members > 1);
    const QByteArray base = path(m_working) + "/contacts?group=" + SimClient::enc(gid)
        + "&limit=" + QByteArray::number(members);

    // When the first page is asked
    const HttpResult first = m_client->get(base, full());
    QCOMPARE(first.data().size(), members);
    // Then the full page carries the decimal id of its last contact
    const QString cursor = str(first.json, "nextCursor");
    QVERIFY2(QRegularExpression(QStringLiteral("^[1-9][0-9]*$")).match(cursor).hasMatch(),
             qPrintable(cursor));
    const QString lastLid = str(first.data().last().toObject(), "lid");
    const HttpResult last = m_client->get(path(m_working) + "/contacts/" + SimClient::enc(lastLid),
                                          full());
    QCOMPARE(QString::number(last.json.value(QLatin1String("identity"))
                                 .toObject()
                                 .value(QLatin1String("id"))
                                 .toInteger()),
             cursor);

    // And the list ends on an empty page without a cursor
    const HttpResult second = m_client->get(base + "&cursor=" + cursor.toLatin1(), full());
    QCOMPARE(second.status, 200);
    QCOMPARE(second.body, QByteArray("{\"data\":[]}"));

    // And a cursor that is not a number is refused with a bare message
    const HttpResult bad = m_client->get(path(m_working) + "/contacts?cursor=abc", full());
    QCOMPARE(bad.status, 400);
    QCOMPARE(
        bad.body,
        QByteArray("{\"error\":{\"code\":\"validation_error\",\"message\":\"invalid cursor\"}}"));
}

void TestSimulatorFidelity::shouldReportValidationErrorsAsHumaDoes()
{
    // Given two bad typed parameters, When listing
    const HttpResult r = m_client->get(path(m_working) + "/contacts?limit=abc&source=foo", full());
    // Then both come back as huma's strings, in declaration order
    QCOMPARE(r.status, 400);
    const QByteArray expected = "{\"error\":{\"code\":\"validation_error\",\"message\":"
                                "\"validation failed\",\"details\":{\"errors\":[\"expected value "
                                "to be one of \\\"dm, group\\\" (query.source: foo)\",\"invalid "
                                "integer (query.limit: abc)\"]}}}";
    QCOMPARE(r.body, expected);
    // And the parameters are checked before the session exists
    QCOMPARE(m_client->get("/api/v1/sessions/nope/contacts?limit=x", full()).status, 400);
}

void TestSimulatorFidelity::shouldLookUpAnyStringWithoutValidatingIt()
{
    // Given strings that are no JID of the right kind
    const QByteArray base = path(m_working);
    const QString phoneJid = str(allContacts(m_working, "&q=%25").first(), "phoneNumber")
        + QStringLiteral("@s.whatsapp.net");
    // When used as group, gid and lid, Then they simply find nothing
    const HttpResult byGroup = m_client->get(base + "/contacts?group=nonsense", full());
    QCOMPARE(byGroup.status, 200);
    QVERIFY(byGroup.data().isEmpty());
    const HttpResult members = m_client->get(base + "/groups/nonsense/members", full());
    QCOMPARE(members.status, 200);
    QVERIFY(members.data().isEmpty());
    const HttpResult group = m_client->get(base + "/groups/nonsense", full());
    QCOMPARE(group.status, 404);
    QCOMPARE(str(group.json.value(QLatin1String("error")).toObject(), "message"),
             QStringLiteral("group not found"));
    const HttpResult contact = m_client->get(base + "/contacts/" + SimClient::enc(phoneJid),
                                             full());
    QCOMPARE(contact.status, 404);
    QCOMPARE(str(contact.json.value(QLatin1String("error")).toObject(), "message"),
             QStringLiteral("identity not found"));
}

void TestSimulatorFidelity::shouldAlwaysAnswerIdentityAndAGroupsArray()
{
    // Given a dm contact that is in no group
    QSet<QString> inAGroup = lids(allContacts(m_working, "&source=group"));
    QString loner;
    for (const QJsonObject &c : allContacts(m_working, "&source=dm"))
        if (!inAGroup.contains(str(c, "lid")))
            loner = str(c, "lid");
    QVERIFY(!loner.isEmpty());
    // When its detail is asked
    const HttpResult r = m_client->get(path(m_working) + "/contacts/" + SimClient::enc(loner),
                                       full());
    // Then groups is an empty array, never null, and identity is there
    QCOMPARE(r.status, 200);
    QVERIFY(r.json.value(QLatin1String("groups")).isArray());
    QVERIFY(r.json.value(QLatin1String("groups")).toArray().isEmpty());
    QCOMPARE(str(r.json.value(QLatin1String("identity")).toObject(), "lid"), loner);
}

void TestSimulatorFidelity::shouldCheckLiveActionsInTheGatewaysOrder()
{
    const QString badJid = QStringLiteral("1.2.3@lid"); // whatsmeow: too many dots
    const QString lid = str(allContacts(m_working).first(), "lid");
    // Given a foreign session, When a live action names it, Then 404 before anything else
    QCOMPARE(live("POST", m_foreign, badJid, "block").status, 404);
    // Given a stopped session (no WhatsApp client), Then 501 even for a bad jid
    const HttpResult stopped = live("GET", m_stopped, badJid, "about");
    QCOMPARE(stopped.status, 501);
    QCOMPARE(str(stopped.json.value(QLatin1String("error")).toObject(), "message"),
             QStringLiteral("live WhatsApp client is not available for this session"));
    // Given a working session, Then a jid whatsmeow cannot parse is 400 without details
    const HttpResult bad = live("POST", m_working, badJid, "block");
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.body,
             QByteArray("{\"error\":{\"code\":\"validation_error\",\"message\":\"invalid "
                        "jid: 1.2.3@lid\"}}"));
    // Given a session that has a client but is not logged in
    for (const char *status : {"starting", "scan_qr_code"}) {
        QVERIFY(m_sim.setSessionStatus(m_working, QLatin1String(status)));
        // Then the jid is still checked first, and WhatsApp's refusal is a masked 500
        QCOMPARE(live("POST", m_working, badJid, "block").status, 400);
        for (const char *action : {"block", "unblock"})
            QCOMPARE(live("POST", m_working, lid, action).body,
                     QByteArray("{\"error\":{\"code\":\"internal\",\"message\":\"internal server "
                                "error\"}}"));
        for (const char *action : {"picture", "about"})
            QCOMPARE(live("GET", m_working, lid, action).status, 500);
    }
}

void TestSimulatorFidelity::shouldPerformLiveActionsOnAnyParsedJid()
{
    const QString blockedPath = QStringLiteral("/_sim/sessions/%1/blocked").arg(m_working);
    auto blocked = [&] {
        QStringList out;
        for (const QJsonValue &v :
             m_sim.control("GET", blockedPath).value(QLatin1String("data")).toArray())
            out << v.toString();
        return out;
    };
    // Given JIDs the session has never stored: a device JID, a phone JID, a group JID, a LID
    const QStringList jids = {QStringLiteral("6281234567890:12@s.whatsapp.net"),
                              QStringLiteral("6281234567890@s.whatsapp.net"),
                              QStringLiteral("120363000000000001@g.us"),
                              QStringLiteral("100000000000001@lid")};
    for (const QString &jid : jids) {
        // When blocked, Then WhatsApp is asked and the gateway answers 204
        QCOMPARE(live("POST", m_working, jid, "block").status, 204);
        QVERIFY(blocked().contains(jid));
        QCOMPARE(live("GET", m_working, jid, "about").status, 200);
        // And a later unblock lifts it
        QCOMPARE(live("POST", m_working, jid, "unblock").status, 204);
        QVERIFY(!blocked().contains(jid));
    }
}

void TestSimulatorFidelity::shouldResolveCredentialsAsTheGateway()
{
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    const QByteArray sessions = "/api/v1/sessions";
    auto get = [&](const Headers &headers) {
        return SimClient::finish(m_client->start("GET", sessions, Credential::none(), {}, headers));
    };
    // x-api-key wins over a bearer that is not a JWT
    QCOMPARE(get({{"Authorization", "Bearer wa_read"}, {"x-api-key", "wa_full"}}).status, 200);
    QCOMPARE(get({{"Authorization", "Bearer wa_full"}, {"x-api-key", "wa_nope"}}).status, 401);
    // a JWT that fails, or a scheme that is not Bearer, falls back to x-api-key
    const QByteArray badJwt = m_sim.jwt(QStringLiteral("bad-signature")).toUtf8();
    QCOMPARE(get({{"Authorization", "Bearer " + badJwt}, {"x-api-key", "wa_full"}}).status, 200);
    QCOMPARE(get({{"Authorization", "Basic d2E6eA=="}, {"x-api-key", "wa_full"}}).status, 200);
    // a failed JWT alone is never tried as an api-key
    QCOMPARE(get({{"Authorization", "Bearer " + badJwt}}).status, 401);
    // every 401 says the same
    const QList<Headers> refused = {{},
                                    {{"Authorization", "Bearer wa_nope"}},
                                    {{"Authorization", "Basic d2E6eA=="}},
                                    {{"Authorization", "Bearer " + badJwt}},
                                    {{"x-api-key", "wa_nope"}}};
    for (const Headers &h : refused) {
        const HttpResult r = get(h);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.body,
                 QByteArray("{\"error\":{\"code\":\"unauthorized\",\"message\":\"missing or "
                            "invalid credentials\"}}"));
    }
}

void TestSimulatorFidelity::shouldGiveMembersReadSendAndEventsButNotManage()
{
    // Given an org member's JWT
    const Credential member = Credential::bearer(m_sim.jwt(QStringLiteral("member")));
    const QString lid = str(allContacts(m_working).first(), "lid");
    // Then reading and sending work (events has no route on the simulator)
    QCOMPARE(m_client->get(path(m_working) + "/contacts", member).status, 200);
    const QByteArray block = path(m_working) + "/contacts/" + SimClient::enc(lid) + "/block";
    QCOMPARE(m_client->post(block, member).status, 204);
    QCOMPARE(live("POST", m_working, lid, "unblock").status, 204);
    // And managing does not
    const HttpResult r = m_client->get("/api/v1/sessions", member);
    QCOMPARE(r.status, 403);
    QCOMPARE(str(r.json.value(QLatin1String("error")).toObject(), "message"),
             QStringLiteral("missing required capability: manage"));
}

void TestSimulatorFidelity::shouldEchoTheClientsRequestIdOnce()
{
    // Given a client that sends its own id, Then it comes back once, unchanged
    QNetworkReply *reply = m_client->start("GET", "/api/v1/sessions", full(), {},
                                           {{"X-Request-Id", "console-7f3a"}});
    const HttpResult mine = SimClient::finish(reply);
    QCOMPARE(mine.header("x-request-id"), QByteArray("console-7f3a"));
    // And without one (or with one that is not visible ASCII), the gateway makes one
    const HttpResult none = m_client->get("/api/v1/sessions", full());
    QVERIFY(!none.header("x-request-id").isEmpty());
    const HttpResult spaced = SimClient::finish(
        m_client->start("GET", "/api/v1/sessions", full(), {}, {{"X-Request-Id", "a b"}}));
    QVERIFY(!spaced.header("x-request-id").isEmpty());
    QVERIFY(spaced.header("x-request-id") != "a b");
}

void TestSimulatorFidelity::shouldListSessionsNewestFirstAndTheRestByIdAscending()
{
    // Sessions: newest first
    const HttpResult sessions = m_client->get("/api/v1/sessions", full());
    QVERIFY(sessions.data().size() >= 2);
    for (qsizetype i = 1; i < sessions.data().size(); ++i)
        QVERIFY(sessions.data()[i - 1].toObject().value(QLatin1String("createdAt")).toDouble()
                >= sessions.data()[i].toObject().value(QLatin1String("createdAt")).toDouble());
    // Groups and members: by id ascending
    auto ascending = [](const QJsonArray &rows) {
        for (qsizetype i = 1; i < rows.size(); ++i)
            if (rows[i - 1].toObject().value(QLatin1String("id")).toInteger()
                >= rows[i].toObject().value(QLatin1String("id")).toInteger())
                return false;
        return true;
    };
    const HttpResult groups = m_client->get(path(m_working) + "/groups", full());
    QVERIFY(ascending(groups.data()));
    const QString gid = str(groups.data().first().toObject(), "groupJid");
    QVERIFY(ascending(
        m_client->get(path(m_working) + "/groups/" + SimClient::enc(gid) + "/members", full())
            .data()));
    // Contacts: by identity id ascending
    qint64 previous = 0;
    for (const QJsonObject &c : allContacts(m_working).mid(0, 15)) {
        const HttpResult d = m_client->get(
            path(m_working) + "/contacts/" + SimClient::enc(str(c, "lid")), full());
        const qint64 id = d.json.value(QLatin1String("identity"))
                              .toObject()
                              .value(QLatin1String("id"))
                              .toInteger();
        QVERIFY(id > previous);
        previous = id;
    }
}

void TestSimulatorFidelity::shouldAnswer404ToATrailingSlashAnd405ToAWrongMethod()
{
    // A trailing slash matches no route, before any credential is looked at
    for (const QByteArray &p : {QByteArray("/api/v1/sessions/"), path(m_working) + "/contacts/"}) {
        const HttpResult r = m_client->get(p, Credential::none());
        QCOMPARE(r.status, 404);
        QCOMPARE(
            r.body,
            QByteArray("{\"error\":{\"code\":\"not_found\",\"message\":\"route not found\"}}"));
    }
    // A wrong method on a known path: 405, an empty body and the Allow header
    const QString lid = str(allContacts(m_working).first(), "lid");
    const QList<QPair<QByteArray, QByteArray>> cases = {
        {"DELETE", path(m_working)},
        {"POST", path(m_working) + "/contacts"},
        {"GET", path(m_working) + "/contacts/" + SimClient::enc(lid) + "/block"},
        {"POST", path(m_working) + "/contacts/" + SimClient::enc(lid) + "/about"},
    };
    for (const auto &c : cases) {
        const HttpResult r = SimClient::finish(
            m_client->start(c.first, c.second, Credential::none()));
        QCOMPARE(r.status, 405);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(r.header("allow"), QByteArray(c.first == "GET" ? "POST" : "GET"));
    }
}

void TestSimulatorFidelity::shouldNotFindAnotherOrgsContactOrGroup()
{
    // Given a contact and a group of another org's session
    const Credential foreignOwner = Credential::bearer(m_sim.jwt(QStringLiteral("foreign-owner")));
    const HttpResult contacts = m_client->get(path(m_foreign) + "/contacts", foreignOwner);
    const HttpResult groups = m_client->get(path(m_foreign) + "/groups", foreignOwner);
    QVERIFY(!contacts.data().isEmpty() && !groups.data().isEmpty());
    const QString lid = str(contacts.data().first().toObject(), "lid");
    const QString gid = str(groups.data().first().toObject(), "groupJid");
    // When looked up through our own session, Then 404 (the gateway would answer; we do not)
    QCOMPARE(m_client->get(path(m_working) + "/contacts/" + SimClient::enc(lid), full()).status,
             404);
    QCOMPARE(m_client->get(path(m_working) + "/groups/" + SimClient::enc(gid), full()).status, 404);
}

QTEST_GUILESS_MAIN(TestSimulatorFidelity)
#include "tst_simulator_fidelity.moc"
