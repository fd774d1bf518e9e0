// SignInController with no D-Bus at all (the bus address points at a socket that does not
// exist): keychainUnavailable names the cause, memory-only mode still signs in, and the
// token reaches no file under the private HOME and no log line.
#include "auth/CredentialStore.h"
#include "auth/SignInController.h"
#include "core/AppInfo.h"
#include "gateway/GatewayClient.h"

#include "NoKeychainEnvironment.h"
#include "SecretScan.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

constexpr int kTimeoutMs = 20000;
using Reason = SignInController::Reason;
using State = SignInController::State;

} // namespace

class TestSignInNoKeychain : public QObject
{
    Q_OBJECT
public:
    explicit TestSignInNoKeychain(const QString &home)
        : m_home(home)
    {
    }

private:
    QString m_home;
    QString m_token = "wa_sic_nokc_" + QUuid::createUuid().toString(QUuid::Id128);
    SecretScan::Capture m_capture;

    static GatewayProfile profile(const QString &name)
    {
        GatewayProfile p;
        p.name = name;
        p.baseUrl = QUrl("http://127.0.0.1:9");
        p.tokenKind = TokenKind::ApiKey;
        return p;
    }
    SignInOutcome signIn(SignInController &c, const GatewayProfile &p, const QString &token)
    {
        std::optional<SignInOutcome> result;
        c.signIn(p, token, this, [&](const SignInOutcome &o) { result = o; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kTimeoutMs); }();
        return result.value_or(SignInOutcome());
    }
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_capture.start(m_home + "/stderr.log"));
        QVERIFY(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
                    .startsWith(m_home));
    }

    void cleanupTestCase() { m_capture.stop(); }

    void startReportsTheMissingKeychain()
    {
        ProfileStore profiles; // the application's own QSettings, under the private HOME
        QVERIFY(profiles.add(profile("nokc")));
        QVERIFY(profiles.setCurrent("nokc"));

        CredentialStore credentials;
        credentials.setRetryDelayMs(50);
        SignInController c(&profiles, &credentials);
        QSignalSpy unavailable(&c, &SignInController::keychainUnavailable);
        QSignalSpy required(&c, &SignInController::signInRequired);
        QSignalSpy signedIn(&c, &SignInController::signedIn);
        c.start();
        QVERIFY(unavailable.wait(kTimeoutMs));
        QCOMPARE(unavailable.at(0).at(0).toString(), QStringLiteral("nokc"));
        const auto error = qvariant_cast<CredentialError>(unavailable.at(0).at(1));
        QCOMPARE(int(error.kind), int(CredentialError::Kind::NoBackend));
        QVERIFY2(error.message.contains("D-Bus") && error.message.contains("memory"),
                 qPrintable(error.message));
        QCOMPARE(int(c.state()), int(State::KeychainUnavailable));
        QCOMPARE(required.count(), 0);
        QVERIFY(!c.isMemoryOnly()); // never chosen silently

        // The user keeps the token for this run only: asked for it, then signed in.
        c.useMemoryOnly();
        QVERIFY(c.isMemoryOnly());
        QCOMPARE(required.count(), 1);
        QCOMPARE(required.at(0).at(0).toString(), QStringLiteral("nokc"));
        QCOMPARE(int(qvariant_cast<Reason>(required.at(0).at(1))), int(Reason::MemoryOnly));
        QVERIFY(required.at(0).at(2).toString().contains("memory"));

        const SignInOutcome o = signIn(c, profile("nokc"), m_token);
        QVERIFY2(o.ok, qPrintable(o.problem));
        QCOMPARE(signedIn.count(), 1);
        QVERIFY(c.isSignedIn());
        QVERIFY(c.client()->hasEndpoint());

        // Another profile has nothing in memory: typed again, not a keychain error.
        QVERIFY(profiles.add(profile("other")));
        c.switchTo("other");
        QVERIFY(required.wait(kTimeoutMs));
        QCOMPARE(int(qvariant_cast<Reason>(required.last().at(1))), int(Reason::MemoryOnly));
        QCOMPARE(unavailable.count(), 1);

        // Back to the first: its token is still in memory.
        c.switchTo("nokc");
        QVERIFY(signedIn.wait(kTimeoutMs));
        QCOMPARE(c.profileName(), QStringLiteral("nokc"));

        // Signing out forgets it.
        std::optional<SignInOutcome> out;
        c.signOut(false, this, [&](const SignInOutcome &r) { out = r; });
        QTRY_VERIFY_WITH_TIMEOUT(out.has_value(), kTimeoutMs);
        QVERIFY(out->ok);
        c.switchTo("nokc");
        QVERIFY(required.wait(kTimeoutMs));
        QCOMPARE(int(qvariant_cast<Reason>(required.last().at(1))), int(Reason::MemoryOnly));
    }

    void signInReportsTheMissingKeychain()
    {
        // The sign-in dialog's path: the write fails with a kind it can offer memory-only for.
        ProfileStore profiles;
        CredentialStore credentials;
        SignInController c(&profiles, &credentials);
        QSignalSpy signedIn(&c, &SignInController::signedIn);
        SignInOutcome o = signIn(c, profile("typed"), m_token);
        QVERIFY(!o.ok);
        QVERIFY(o.keychain.keychainUnavailable());
        QVERIFY(o.problem.contains("D-Bus"));
        QVERIFY(!profiles.contains("typed")); // nothing saved half-way
        QCOMPARE(signedIn.count(), 0);

        c.useMemoryOnly();
        o = signIn(c, profile("typed"), m_token);
        QVERIFY2(o.ok, qPrintable(o.problem));
        QCOMPARE(signedIn.count(), 1);
        QVERIFY(profiles.contains("typed"));
    }

    void nothingReachedDiskOrLogs()
    {
        const QString canary = "canary-" + QUuid::createUuid().toString(QUuid::Id128);
        {
            QVERIFY(QDir().mkpath(m_home + "/.cache/canary"));
            QFile f(m_home + "/.cache/canary/file");
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(canary.toUtf8());
        }
        QCOMPARE(SecretScan::filesContaining(m_home, canary),
                 QStringList{m_home + "/.cache/canary/file"});
        QVERIFY(QFile::remove(m_home + "/.cache/canary/file"));

        const QStringList leaks = SecretScan::filesContaining(m_home, m_token);
        QVERIFY2(leaks.isEmpty(), qPrintable("token found in " + leaks.join(", ")));
        QVERIFY(SecretScan::logLinesContaining("signed in to profile") > 0); // the handler saw us
        QCOMPARE(SecretScan::logLinesContaining(m_token), 0);
    }
};

int main(int argc, char *argv[])
{
    // Before Qt, GLib or libsecret read the environment.
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    NoKeychainEnvironment::applyTo(home.path());

    QCoreApplication app(argc, argv);
    AppInfo::applyTo(app);
    TestSignInNoKeychain test(home.path());
    return QTest::qExec(&test, argc, argv);
}

#include "tst_signincontroller_nokeychain.moc"
