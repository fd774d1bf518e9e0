// LocalApiProfileFollower with the real SignInController (keychain of ./run test), the
// simulator and each profile's own cache: the local API serves the signed-in profile's
// data, a switch restarts it on the new profile (the old address stops answering, the
// discovery file names the new one), and after sign-out nothing is served.
#include "auth/ProfileStore.h"
#include "auth/SignInController.h"
#include "cache/CacheDatabase.h"
#include "cache/CacheLocation.h"
#include "cache/CacheWriter.h"
#include "localapi/LocalApiProfileFollower.h"
#include "localapi/LocalApiService.h"

#include "HttpTestClient.h"
#include "SimulatorProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

constexpr int TimeoutMs = 20000;

// The profile's cache with one listed session named after the profile.
bool seedCache(const QString &profile, QString *error)
{
    std::unique_ptr<CacheDatabase> db = CacheDatabase::open(CacheLocation::databasePath(profile),
                                                            CacheDatabase::Mode::ReadWrite, error);
    if (!db)
        return false;
    WaSession s;
    s.id = profile + QStringLiteral("-session");
    s.organizationId = QStringLiteral("org_test");
    s.gatewayId = QStringLiteral("gw_test");
    s.status = QStringLiteral("working");
    s.createdAt = s.updatedAt = 1700000000000;
    CacheWriter writer(*db);
    if (!writer.upsertSessions({s}))
        return *error = writer.lastError(), false;
    return true;
}

QStringList servedSessions(const QUrl &url, const QByteArray &token)
{
    const quint16 port = quint16(url.port());
    const HttpReply r = roundTrip(port, httpRequest("GET", "/api/v1/sessions", port, token));
    QStringList ids;
    for (const QJsonValue &s : r.json().value(QStringLiteral("data")).toArray())
        ids << s.toObject().value(QStringLiteral("id")).toString();
    return ids;
}

bool answers(const QUrl &url)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(url.port()));
    return socket.waitForConnected(2000);
}

QUrl discoveredUrl(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QUrl(
        QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("url")).toString());
}

} // namespace

class TestLocalApiProfileFollower : public QObject
{
    Q_OBJECT
private:
    SimulatorProcess m_sim;
    QTemporaryDir m_dir;

    GatewayProfile profile(const QString &name) const
    {
        GatewayProfile p;
        p.name = name;
        p.baseUrl = m_sim.url();
        p.tokenKind = TokenKind::ApiKey;
        return p;
    }
    bool signInTo(SignInController &c, const QString &name)
    {
        std::optional<SignInOutcome> result;
        c.signIn(profile(name), QStringLiteral("wa_demo"), this,
                 [&](const SignInOutcome &o) { result = o; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), TimeoutMs); }();
        return result && result->ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<LocalApiService *>(); // for the serviceChanged spy
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sim.start({QStringLiteral("--seed"), QStringLiteral("5"),
                              QStringLiteral("--contacts"), QStringLiteral("20")}),
                 qPrintable(m_sim.errorString()));
    }

    void servesTheSignedInProfileOnly()
    {
        const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(8);
        const QString alpha = QStringLiteral("alpha-") + tag;
        const QString beta = QStringLiteral("beta-") + tag;
        QString error;
        QVERIFY2(seedCache(alpha, &error), qPrintable(error));
        QVERIFY2(seedCache(beta, &error), qPrintable(error));

        ProfileStore store(m_dir.filePath(QStringLiteral("profiles.ini")));
        SignInController signIn(&store);
        LocalApiProfileFollower follower(&signIn);
        const QString discovery = m_dir.filePath(QStringLiteral("run/local-api.json"));
        follower.setConfigure([&](LocalApiService &service) {
            service.setPort(0);
            service.setDiscoveryFile(discovery);
        });
        QSignalSpy listening(&follower, &LocalApiProfileFollower::listening);
        QSignalSpy changed(&follower, &LocalApiProfileFollower::serviceChanged);
        QVERIFY(!follower.service());

        QVERIFY(signInTo(signIn, alpha));
        QTRY_COMPARE_WITH_TIMEOUT(listening.size(), 1,
                                  TimeoutMs); // may come before signIn's answer
        QVERIFY(follower.service());
        const QUrl first = follower.service()->url();
        const QByteArray token = follower.service()->token();
        QCOMPARE(servedSessions(first, token), QStringList{alpha + QStringLiteral("-session")});
        QCOMPARE(discoveredUrl(discovery), first);

        QVERIFY(signInTo(signIn, beta));
        QTRY_COMPARE_WITH_TIMEOUT(listening.size(), 2, TimeoutMs);
        const QUrl second = follower.service()->url();
        QCOMPARE(servedSessions(second, follower.service()->token()),
                 QStringList{beta + QStringLiteral("-session")});
        QCOMPARE(discoveredUrl(discovery), second);
        if (second.port() != first.port())
            QVERIFY(!answers(first)); // the old server is gone, not serving alpha beside beta

        signIn.signOut(false, this, [](const SignInOutcome &) {});
        QTRY_VERIFY_WITH_TIMEOUT(!follower.service(), TimeoutMs);
        QVERIFY(changed.size() >= 3);
        QVERIFY(!changed.last().first().value<LocalApiService *>());
        QVERIFY(!QFile::exists(discovery));
        QVERIFY(!answers(second));
    }
};

QTEST_GUILESS_MAIN(TestLocalApiProfileFollower)
#include "tst_localapiprofilefollower.moc"
