// SignInController against the real keychain (./run test's private gnome-keyring on its own
// D-Bus session) and the gateway simulator over HTTP: start-up with and without a stored
// token, --profile, sign-in, switch, sign-out (token deleted, purge hook), 401 re-prompt.
// Without any keychain: tst_signincontroller_nokeychain.
#include "auth/CredentialStore.h"
#include "auth/SignInController.h"
#include "gateway/GatewayClient.h"

#include "SimulatorProcess.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

constexpr int kTimeoutMs = 20000;
using Reason = SignInController::Reason;
using State = SignInController::State;

int reasonOf(const QSignalSpy &spy, int i = 0)
{
    return int(qvariant_cast<Reason>(spy.at(i).at(1)));
}

} // namespace

class TestSignInController : public QObject
{
    Q_OBJECT
private:
    SimulatorProcess m_sim;
    QTemporaryDir m_dir;
    QString m_prefix;
    QStringList m_used;         // keychain entries to delete at the end
    CredentialStore m_keychain; // a second store: checks what the controller stored
    int m_iniCount = 0;

    QString name(const QString &base)
    {
        const QString n = m_prefix + base;
        if (!m_used.contains(n))
            m_used << n;
        return n;
    }
    static QString newKey() { return "wa_sic_" + QUuid::createUuid().toString(QUuid::Id128); }
    QString freshIni()
    {
        return m_dir.filePath(QStringLiteral("profiles-%1.ini").arg(++m_iniCount));
    }

    GatewayProfile profile(const QString &n, const QStringList &sessions = {}) const
    {
        GatewayProfile p;
        p.name = n;
        p.baseUrl = m_sim.url();
        p.tokenKind = TokenKind::ApiKey;
        p.sessionIds = sessions;
        return p;
    }

    CredentialError storeToken(const QString &profile, const QString &token)
    {
        std::optional<CredentialError> result;
        m_keychain.writeToken(profile, token, this, [&](const CredentialError &e) { result = e; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kTimeoutMs); }();
        return result.value_or(CredentialError::make(CredentialError::Kind::Other, profile));
    }
    std::pair<QString, CredentialError> storedToken(const QString &profile)
    {
        std::optional<std::pair<QString, CredentialError>> result;
        m_keychain.readToken(profile, this, [&](const QString &t, const CredentialError &e) {
            result = std::make_pair(t, e);
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kTimeoutMs); }();
        return result.value_or(std::make_pair(QString(), CredentialError()));
    }
    SignInOutcome signIn(SignInController &c, const GatewayProfile &p, const QString &token)
    {
        std::optional<SignInOutcome> result;
        c.signIn(p, token, this, [&](const SignInOutcome &o) { result = o; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kTimeoutMs); }();
        return result.value_or(SignInOutcome());
    }
    SignInOutcome signOut(SignInController &c, bool purge)
    {
        std::optional<SignInOutcome> result;
        c.signOut(purge, this, [&](const SignInOutcome &o) { result = o; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kTimeoutMs); }();
        return result.value_or(SignInOutcome());
    }
    // A profile saved in `store` with `token` in the keychain.
    void saveProfile(ProfileStore &store, const QString &n, const QString &token,
                     const QStringList &sessions = {})
    {
        QVERIFY(store.add(profile(n, sessions)));
        QVERIFY(storeToken(n, token).isOk());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_prefix = "sic-" + QUuid::createUuid().toString(QUuid::Id128).left(8) + "-";
        QVERIFY2(m_sim.start({"--seed", "3", "--sessions", "2", "--contacts", "50", "--groups", "4",
                              "--members", "40", "--api-key", "wa_sic_manage=read,manage",
                              "--api-key", "wa_sic_read=read"}),
                 qPrintable(m_sim.errorString()));
    }

    void cleanupTestCase()
    {
        for (const QString &n : std::as_const(m_used)) {
            bool done = false;
            m_keychain.removeToken(n, this, [&done](const CredentialError &) { done = true; });
            QTRY_VERIFY_WITH_TIMEOUT(done, kTimeoutMs);
        }
    }

    void noProfileAsksToSignIn()
    {
        ProfileStore store(freshIni());
        SignInController c(&store);
        QSignalSpy required(&c, &SignInController::signInRequired);
        c.start();
        QCOMPARE(required.count(), 1); // nothing to read: known at once
        QVERIFY(required.at(0).at(0).toString().isEmpty());
        QCOMPARE(reasonOf(required), int(Reason::NoProfile));
        QVERIFY(!required.at(0).at(2).toString().isEmpty());
        QCOMPARE(int(c.state()), int(State::SignInRequired));
        QVERIFY(!c.client()->hasEndpoint());
    }

    void storedTokenSignsIn()
    {
        ProfileStore store(freshIni());
        const QString n = name("stored");
        saveProfile(store, n, "wa_sic_manage");
        QVERIFY(store.setCurrent(n));

        SignInController c(&store);
        QSignalSpy signedIn(&c, &SignInController::signedIn);
        QSignalSpy required(&c, &SignInController::signInRequired);
        QSignalSpy states(&c, &SignInController::stateChanged);
        c.start();
        QCOMPARE(int(c.state()), int(State::Reading)); // the keychain answers later
        QVERIFY(signedIn.wait(kTimeoutMs));
        QCOMPARE(signedIn.at(0).at(0).toString(), n);
        QCOMPARE(required.count(), 0);
        QCOMPARE(states.count(), 2); // Reading, SignedIn
        QVERIFY(c.isSignedIn());
        QCOMPARE(c.profileName(), n);
        QCOMPARE(c.profile()->baseUrl, m_sim.url());
        QVERIFY(store.profile(n)->lastUsed.isValid());
        QCOMPARE(int(c.tokenInfo().kind), int(TokenKind::ApiKey));
        QVERIFY(c.tokenInfo().token.isEmpty()); // the token is never handed out

        // The client really talks to the gateway with the stored token.
        std::optional<GatewayResult<Page<WaSession>>> listed;
        c.client()->listSessions(this,
                                 [&](const GatewayResult<Page<WaSession>> &r) { listed = r; });
        QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), kTimeoutMs);
        QVERIFY2(listed->ok(), qPrintable(listed->error.describe()));
        QCOMPARE(listed->value->items.size(), m_sim.primarySessions().size());

        // Another thread's client gets the same endpoint without the token being exposed.
        GatewayClient other;
        QVERIFY(c.applyTo(&other));
        QCOMPARE(other.baseUrl(), m_sim.url());
        QVERIFY(other.hasEndpoint());
    }

    void noStoredTokenAsksToSignIn()
    {
        ProfileStore store(freshIni());
        const QString n = name("tokenless");
        QVERIFY(store.add(profile(n)));
        QVERIFY(store.setCurrent(n));
        SignInController c(&store);
        QSignalSpy required(&c, &SignInController::signInRequired);
        QSignalSpy signedIn(&c, &SignInController::signedIn);
        c.start();
        QVERIFY(required.wait(kTimeoutMs));
        QCOMPARE(required.at(0).at(0).toString(), n);
        QCOMPARE(reasonOf(required), int(Reason::NoToken));
        QVERIFY(required.at(0).at(2).toString().contains(n));
        QCOMPARE(signedIn.count(), 0);
        QVERIFY(!c.client()->hasEndpoint());
        GatewayClient other;
        QVERIFY(!c.applyTo(&other));
    }

    void profileFromCommandLine()
    {
        ProfileStore store(freshIni());
        const QString a = name("cli-a");
        const QString b = name("CLI-b");
        saveProfile(store, a, "wa_sic_manage");
        saveProfile(store, b, "wa_sic_read");
        QVERIFY(store.setCurrent(a));

        SignInController c(&store);
        QSignalSpy signedIn(&c, &SignInController::signedIn);
        c.start(b.toLower()); // --profile wins over the current one, whatever the case
        QVERIFY(signedIn.wait(kTimeoutMs));
        QCOMPARE(signedIn.at(0).at(0).toString(), b);
        QCOMPARE(store.currentName(), b);

        QSignalSpy required(&c, &SignInController::signInRequired);
        c.start(name("nobody"));
        QCOMPARE(required.count(), 1);
        QCOMPARE(required.at(0).at(0).toString(), name("nobody"));
        QCOMPARE(reasonOf(required), int(Reason::UnknownProfile));
        QVERIFY(!c.isSignedIn());
        QVERIFY(!c.client()->hasEndpoint());
        QCOMPARE(store.currentName(), b); // an unknown name changes nothing saved
    }

    void signInStoresTokenAndProfile()
    {
        const QString ini = freshIni();
        ProfileStore store(ini);
        SignInController c(&store);
        const QString n = name("typed");
        const QString key = newKey();
        QSignalSpy signedIn(&c, &SignInController::signedIn);
        GatewayProfile p = profile(n, {" sess-1 ", "sess-1", "sess-2"});
        p.baseUrl = QUrl(m_sim.url().toString() + "/api/v1/");
        const SignInOutcome o = signIn(c, p, "Bearer " + key);
        QVERIFY2(o.ok, qPrintable(o.problem));
        QCOMPARE(signedIn.count(), 1);
        QVERIFY(c.isSignedIn());

        const auto [stored, error] = storedToken(n);
        QVERIFY2(error.isOk(), qPrintable(error.message));
        QCOMPARE(stored, key); // cleaned: no "Bearer "
        ProfileStore reread(ini);
        QCOMPARE(reread.currentName(), n);
        QCOMPARE(reread.profile(n)->baseUrl, m_sim.url()); // no /api/v1
        QCOMPARE(reread.profile(n)->sessionIds, (QStringList{"sess-1", "sess-2"}));
        QCOMPARE(int(reread.profile(n)->tokenKind), int(TokenKind::ApiKey));
        QFile f(ini);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains(key.toUtf8()));

        // Signing in again to the same profile replaces its token.
        const QString key2 = newKey();
        QVERIFY(signIn(c, p, key2).ok);
        QCOMPARE(storedToken(n).first, key2);
        QCOMPARE(int(reread.names().filter(n).size()), 1);
    }

    void signInRefusals()
    {
        ProfileStore store(freshIni());
        SignInController c(&store);
        QSignalSpy signedIn(&c, &SignInController::signedIn);
        const QString n = name("refused");

        GatewayProfile bad = profile(n);
        bad.baseUrl = QUrl("ftp://example.com");
        SignInOutcome o = signIn(c, bad, newKey());
        QVERIFY(!o.ok);
        QVERIFY(o.problem.contains("https://"));

        o = signIn(c, profile(n), "   ");
        QVERIFY(!o.ok);
        QVERIFY(!o.problem.isEmpty());

        o = signIn(c, profile(n), m_sim.jwt("expired"));
        QVERIFY(!o.ok);
        QVERIFY2(o.problem.contains("expired"), qPrintable(o.problem));

        o = signIn(c, profile(n, {"has space"}), newKey());
        QVERIFY(!o.ok);

        QVERIFY(store.add(profile(n.toUpper())));
        o = signIn(c, profile(n), newKey());
        QVERIFY(!o.ok);
        QVERIFY(o.problem.contains("already exists"));

        QCOMPARE(signedIn.count(), 0);
        QCOMPARE(int(storedToken(n).second.kind), int(CredentialError::Kind::NotFound));
        QVERIFY(!store.contains(n));
    }

    void switchProfile()
    {
        ProfileStore store(freshIni());
        const QString a = name("switch-a");
        const QString b = name("switch-b");
        const QString empty = name("switch-empty");
        saveProfile(store, a, "wa_sic_manage");
        saveProfile(store, b, "wa_sic_read", {m_sim.workingSession().id});
        QVERIFY(store.add(profile(empty)));
        QVERIFY(store.setCurrent(a));

        SignInController c(&store);
        QSignalSpy signedIn(&c, &SignInController::signedIn);
        QSignalSpy required(&c, &SignInController::signInRequired);
        c.start();
        QVERIFY(signedIn.wait(kTimeoutMs));

        c.switchTo(b);
        QVERIFY(signedIn.wait(kTimeoutMs));
        QCOMPARE(signedIn.last().at(0).toString(), b);
        QCOMPARE(store.currentName(), b);
        QCOMPARE(c.sessionIds(), QStringList{m_sim.workingSession().id});

        // b's token cannot list sessions (403) but reads the session added by hand.
        std::optional<GatewayResult<Page<WaSession>>> listed;
        c.client()->listSessions(this,
                                 [&](const GatewayResult<Page<WaSession>> &r) { listed = r; });
        QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), kTimeoutMs);
        QCOMPARE(listed->error.httpStatus, 403);
        std::optional<GatewayResult<Page<Group>>> groups;
        c.client()->listGroups(c.sessionIds().first(), this,
                               [&](const GatewayResult<Page<Group>> &r) { groups = r; });
        QTRY_VERIFY_WITH_TIMEOUT(groups.has_value(), kTimeoutMs);
        QVERIFY2(groups->ok(), qPrintable(groups->error.describe()));
        QCOMPARE(required.count(), 0); // a 403 is not a reason to sign in again

        // Switching to a profile without a token leaves nothing of the previous one.
        c.switchTo(empty);
        QVERIFY(required.wait(kTimeoutMs));
        QCOMPARE(required.last().at(0).toString(), empty);
        QCOMPARE(reasonOf(required, int(required.count()) - 1), int(Reason::NoToken));
        QVERIFY(!c.client()->hasEndpoint());
        QCOMPARE(store.currentName(), b); // current moves only on success

        // A switch superseded by another: only the last one lands.
        signedIn.clear();
        c.switchTo(a);
        c.switchTo(b);
        QVERIFY(signedIn.wait(kTimeoutMs));
        QCOMPARE(signedIn.count(), 1);
        QCOMPARE(signedIn.at(0).at(0).toString(), b);
        QCOMPARE(c.profileName(), b);
    }

    void addSessionIdByHand()
    {
        ProfileStore store(freshIni());
        SignInController c(&store);
        QString error;
        QVERIFY(!c.addSessionId("s-1", &error)); // nobody signed in
        QVERIFY(!error.isEmpty());

        const QString n = name("by-hand");
        QVERIFY(signIn(c, profile(n), "wa_sic_read").ok);
        QVERIFY(c.addSessionId(m_sim.workingSession().id, &error));
        QVERIFY(c.addSessionId(" " + m_sim.workingSession().id + " "));
        QVERIFY(!c.addSessionId("a/b", &error));
        QCOMPARE(c.sessionIds(), QStringList{m_sim.workingSession().id});
        QCOMPARE(ProfileStore(store.settingsFile()).profile(n)->sessionIds,
                 QStringList{m_sim.workingSession().id});
    }

    void signOutDeletesToken()
    {
        ProfileStore store(freshIni());
        const QString n = name("signout");
        saveProfile(store, n, newKey());
        QVERIFY(store.setCurrent(n));
        SignInController c(&store);
        QStringList purged;
        c.setCachePurger([&purged](const QString &profile, QString *) {
            purged << profile;
            return true;
        });
        QSignalSpy signedIn(&c, &SignInController::signedIn);
        QSignalSpy signedOut(&c, &SignInController::signedOut);
        c.start();
        QVERIFY(signedIn.wait(kTimeoutMs));

        SignInOutcome o = signOut(c, false);
        QVERIFY2(o.ok, qPrintable(o.problem));
        QCOMPARE(signedOut.count(), 1);
        QCOMPARE(signedOut.at(0).at(0).toString(), n);
        QVERIFY(purged.isEmpty()); // not asked
        QCOMPARE(int(storedToken(n).second.kind), int(CredentialError::Kind::NotFound));
        QCOMPARE(int(c.state()), int(State::SignedOut));
        QVERIFY(!c.client()->hasEndpoint());
        QVERIFY(store.contains(n)); // the profile stays: signing in again needs a token only
        QCOMPARE(c.profileName(), n);

        // Started again, the profile asks for a token.
        SignInController again(&store);
        QSignalSpy required(&again, &SignInController::signInRequired);
        again.start();
        QVERIFY(required.wait(kTimeoutMs));
        QCOMPARE(reasonOf(required), int(Reason::NoToken));

        // Sign in again, then out with the purge tick-box.
        QVERIFY(signIn(c, profile(n), newKey()).ok);
        o = signOut(c, true);
        QVERIFY(o.ok);
        QCOMPARE(purged, QStringList{n});
        QCOMPARE(int(storedToken(n).second.kind), int(CredentialError::Kind::NotFound));

        // A purge that fails is reported; the token is gone all the same.
        QVERIFY(signIn(c, profile(n), newKey()).ok);
        c.setCachePurger([](const QString &, QString *error) {
            *error = "disk on fire";
            return false;
        });
        o = signOut(c, true);
        QVERIFY(!o.ok);
        QVERIFY(o.problem.contains("disk on fire"));
        QCOMPARE(int(storedToken(n).second.kind), int(CredentialError::Kind::NotFound));

        // Without a purger, the tick-box has nothing to do and says so.
        c.setCachePurger({});
        QVERIFY(!c.canPurgeCache());
        QVERIFY(signIn(c, profile(n), newKey()).ok);
        o = signOut(c, true);
        QVERIFY(o.ok);
        QCOMPARE(o.notes.size(), 1);
    }

    void unauthorizedAsksToSignInAgain()
    {
        ProfileStore store(freshIni());
        const QString n = name("revoked");
        saveProfile(store, n, newKey()); // the simulator knows no such key: 401
        QVERIFY(store.setCurrent(n));
        SignInController c(&store);
        QSignalSpy signedIn(&c, &SignInController::signedIn);
        QSignalSpy required(&c, &SignInController::signInRequired);
        c.start();
        QVERIFY(signedIn.wait(kTimeoutMs));

        int answered = 0;
        for (int i = 0; i < 2; ++i)
            c.client()->listSessions(this, [&](const GatewayResult<Page<WaSession>> &r) {
                QCOMPARE(r.httpStatus, 401);
                ++answered;
            });
        QTRY_COMPARE_WITH_TIMEOUT(answered, 2, kTimeoutMs);
        QCOMPARE(required.count(), 1); // one prompt for both answers
        QCOMPARE(required.at(0).at(0).toString(), n);
        QCOMPARE(reasonOf(required), int(Reason::TokenRejected));
        QVERIFY(required.at(0).at(2).toString().contains("401"));
        QCOMPARE(int(c.state()), int(State::SignInRequired));

        // A new token, and the profile works again.
        QVERIFY(signIn(c, profile(n), "wa_sic_manage").ok);
        std::optional<GatewayResult<Page<WaSession>>> listed;
        c.client()->listSessions(this,
                                 [&](const GatewayResult<Page<WaSession>> &r) { listed = r; });
        QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), kTimeoutMs);
        QVERIFY(listed->ok());
        QCOMPARE(required.count(), 1);
    }

    void storedJwtShowsClaimsOrExpiry()
    {
        ProfileStore store(freshIni());
        const QString owner = name("jwt-owner");
        const QString expired = name("jwt-expired");
        saveProfile(store, owner, m_sim.jwt("owner"));
        saveProfile(store, expired, m_sim.jwt("expired"));
        SignInController c(&store);
        QSignalSpy signedIn(&c, &SignInController::signedIn);
        QSignalSpy required(&c, &SignInController::signInRequired);

        c.start(owner);
        QVERIFY(signedIn.wait(kTimeoutMs));
        QCOMPARE(int(c.tokenInfo().kind), int(TokenKind::Jwt));
        QCOMPARE(c.tokenInfo().orgRole, QStringLiteral("owner"));
        QCOMPARE(c.tokenInfo().activeOrganizationId, m_sim.primaryOrg());
        QVERIFY(c.tokenInfo().expiresAt.isValid());
        QVERIFY(c.tokenInfo().token.isEmpty());

        c.start(expired);
        QVERIFY(required.wait(kTimeoutMs));
        QCOMPARE(reasonOf(required), int(Reason::TokenExpired));
        QVERIFY(!c.tokenInfo().isValid());
        QVERIFY(!c.client()->hasEndpoint());
    }
};

QTEST_GUILESS_MAIN(TestSignInController)
#include "tst_signincontroller.moc"
