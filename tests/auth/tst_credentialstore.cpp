// CredentialStore against the real Secret Service (gnome-keyring on the private D-Bus
// session that ./run test starts): round trip, overwrite, delete, move, profile switch.
#include "auth/CredentialStore.h"
#include "auth/ProfileStore.h"
#include "core/AppInfo.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <qt6keychain/keychain.h>

namespace {

constexpr int kKeychainTimeoutMs = 20000;

struct ReadResult {
    bool done = false;
    QString token;
    CredentialError error;
};

} // namespace

class TestCredentialStore : public QObject
{
    Q_OBJECT
private:
    CredentialStore m_store;
    QString m_prefix;
    QStringList m_used;

    QString profileName(const QString &base)
    {
        const QString name = m_prefix + base;
        if (!m_used.contains(name))
            m_used << name;
        return name;
    }
    static QString newToken() { return "wa_test_" + QUuid::createUuid().toString(QUuid::Id128); }

    ReadResult read(const QString &profile, CredentialStore *store = nullptr)
    {
        ReadResult r;
        (store ? store : &m_store)
            ->readToken(profile, this, [&r](const QString &t, const CredentialError &e) {
                r.token = t;
                r.error = e;
                r.done = true;
            });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(r.done, kKeychainTimeoutMs); }();
        return r;
    }
    CredentialError write(const QString &profile, const QString &token)
    {
        bool done = false;
        CredentialError error;
        m_store.writeToken(profile, token, this, [&](const CredentialError &e) {
            error = e;
            done = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, kKeychainTimeoutMs); }();
        return error;
    }
    CredentialError remove(const QString &profile)
    {
        bool done = false;
        CredentialError error;
        m_store.removeToken(profile, this, [&](const CredentialError &e) {
            error = e;
            done = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, kKeychainTimeoutMs); }();
        return error;
    }
    CredentialError move(const QString &from, const QString &to)
    {
        bool done = false;
        CredentialError error;
        m_store.moveToken(from, to, this, [&](const CredentialError &e) {
            error = e;
            done = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, kKeychainTimeoutMs); }();
        return error;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Unique names, so a run by hand in a real session never meets a real profile.
        m_prefix = QStringLiteral("gc-test-%1-").arg(QCoreApplication::applicationPid());
        QCOMPARE(m_store.serviceName(), AppInfo::applicationName());
        QCOMPARE(m_store.mode(), CredentialStore::Mode::Keychain);
    }

    void cleanupTestCase()
    {
        m_store.setMode(CredentialStore::Mode::Keychain);
        for (const QString &name : std::as_const(m_used))
            remove(name);
    }

    void roundTrip()
    {
        const QString p = profileName("round");
        const QString token = newToken();
        const CredentialError w = write(p, token);
        QVERIFY2(w.isOk(), qPrintable(w.message));
        const ReadResult r = read(p);
        QVERIFY2(r.error.isOk(), qPrintable(r.error.message));
        QCOMPARE(r.token, token);
    }

    void jwtSizedTokenRoundTrip()
    {
        const QString p = profileName("big");
        const QString token = "eyJ" + QString(6000, 'x') + ".eyJ" + QString(3000, 'y') + ".sig";
        QVERIFY(write(p, token).isOk());
        QCOMPARE(read(p).token, token);
    }

    void overwrite()
    {
        const QString p = profileName("overwrite");
        QVERIFY(write(p, newToken()).isOk());
        const QString second = newToken();
        QVERIFY(write(p, second).isOk());
        QCOMPARE(read(p).token, second);
    }

    void deleteThenNotFound()
    {
        const QString p = profileName("delete");
        QVERIFY(write(p, newToken()).isOk());
        const CredentialError d = remove(p);
        QVERIFY2(d.isOk(), qPrintable(d.message));
        const ReadResult r = read(p);
        QCOMPARE(r.error.kind, CredentialError::Kind::NotFound);
        QVERIFY(r.token.isEmpty());
        QVERIFY2(r.error.message.contains(p), qPrintable(r.error.message));
        // Deleting what is not there is not an error: the end state is what was asked.
        QVERIFY(remove(p).isOk());
    }

    void notFoundIsNotRetried()
    {
        m_store.setRetryDelayMs(60000); // a retry would blow the test's timeout
        const ReadResult r = read(profileName("never-written"));
        QCOMPARE(r.error.kind, CredentialError::Kind::NotFound);
        m_store.setRetryDelayMs(1000);
    }

    void profileSwitch()
    {
        QTemporaryDir dir;
        ProfileStore profiles(dir.filePath("profiles.ini"));
        const QString a = profileName("switch-a");
        const QString b = profileName("switch-b");
        const QString tokenA = newToken();
        const QString tokenB = newToken();
        for (const QString &name : {a, b}) {
            GatewayProfile p;
            p.name = name;
            p.baseUrl = QUrl("https://gw.example");
            QVERIFY(profiles.add(p));
        }
        QVERIFY(write(a, tokenA).isOk());
        QVERIFY(write(b, tokenB).isOk());

        QVERIFY(profiles.setCurrent(a));
        QCOMPARE(read(profiles.currentName()).token, tokenA);
        QVERIFY(profiles.setCurrent(b));
        QCOMPARE(read(profiles.currentName()).token, tokenB);

        // Signing out of one profile leaves the other's token alone.
        QVERIFY(remove(a).isOk());
        QCOMPARE(read(a).error.kind, CredentialError::Kind::NotFound);
        QCOMPARE(read(b).token, tokenB);

        // The settings file never holds a token.
        QFile ini(profiles.settingsFile());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray text = ini.readAll();
        QVERIFY(!text.contains(tokenA.toUtf8()));
        QVERIFY(!text.contains(tokenB.toUtf8()));
    }

    void moveForRename()
    {
        const QString from = profileName("move-from");
        const QString to = profileName("move-to");
        const QString token = newToken();
        QVERIFY(write(from, token).isOk());
        QVERIFY(remove(to).isOk());
        const CredentialError m = move(from, to);
        QVERIFY2(m.isOk(), qPrintable(m.message));
        QCOMPARE(read(to).token, token);
        QCOMPARE(read(from).error.kind, CredentialError::Kind::NotFound);
        // Moving a token that does not exist fails and touches nothing.
        QCOMPARE(move(from, profileName("move-nowhere")).kind, CredentialError::Kind::NotFound);
        QCOMPARE(read(to).token, token);
    }

    void callbackSkippedWhenContextIsGone()
    {
        const QString p = profileName("context");
        QVERIFY(write(p, newToken()).isOk());
        bool called = false;
        auto *context = new QObject;
        m_store.readToken(p, context,
                          [&](const QString &, const CredentialError &) { called = true; });
        delete context;
        // A later job on the same serial queue finishing proves the first one finished too.
        QCOMPARE(read(p).error.kind, CredentialError::Kind::None);
        QVERIFY(!called);
    }

    void memoryModeDoesNotTouchTheKeychain()
    {
        const QString p = profileName("memory");
        const QString inKeychain = newToken();
        QVERIFY(write(p, inKeychain).isOk());

        m_store.setMode(CredentialStore::Mode::MemoryOnly);
        QCOMPARE(read(p).error.kind, CredentialError::Kind::NotFound);
        const QString inMemory = newToken();
        QVERIFY(write(p, inMemory).isOk());
        QCOMPARE(read(p).token, inMemory);
        QVERIFY(remove(p).isOk());
        QCOMPARE(read(p).error.kind, CredentialError::Kind::NotFound);

        m_store.setMode(CredentialStore::Mode::Keychain);
        QCOMPARE(read(p).token, inKeychain);
    }

    void errorMapping_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<int>("kindValue");
        using K = CredentialError::Kind;
        QTest::newRow("ok") << int(QKeychain::NoError) << "" << int(K::None);
        QTest::newRow("not found")
            << int(QKeychain::EntryNotFound) << "Entry not found" << int(K::NotFound);
        QTest::newRow("locked collection")
            << int(QKeychain::AccessDenied) << "Cannot create an item in a locked collection"
            << int(K::Locked);
        QTest::newRow("denied by user")
            << int(QKeychain::AccessDeniedByUser) << "" << int(K::Locked);
        QTest::newRow("no backend")
            << int(QKeychain::NoBackendAvailable) << "" << int(K::NoBackend);
        QTest::newRow("not implemented")
            << int(QKeychain::NotImplemented) << "" << int(K::NoBackend);
        QTest::newRow("no bus") << int(QKeychain::OtherError)
                                << "Could not connect: No such file or directory"
                                << int(K::NoBackend);
        QTest::newRow("no x11 autolaunch")
            << int(QKeychain::OtherError) << "Cannot autolaunch D-Bus without X11 $DISPLAY"
            << int(K::NoBackend);
        QTest::newRow("no service") << int(QKeychain::OtherError)
                                    << "The name org.freedesktop.secrets was not provided by any "
                                       ".service files"
                                    << int(K::NoBackend);
        QTest::newRow("gdbus locked")
            << int(QKeychain::OtherError)
            << "GDBus.Error:org.freedesktop.Secret.Error.IsLocked: locked" << int(K::Locked);
        QTest::newRow("prompt dismissed")
            << int(QKeychain::OtherError) << "The operation was cancelled" << int(K::Locked);
        QTest::newRow("other") << int(QKeychain::OtherError) << "Unknown error" << int(K::Other);
        QTest::newRow("could not delete")
            << int(QKeychain::CouldNotDeleteEntry) << "" << int(K::Other);
    }
    void errorMapping()
    {
        QFETCH(int, code);
        QFETCH(QString, detail);
        QFETCH(int, kindValue);
        const auto kind = CredentialError::Kind(kindValue);
        const CredentialError e = CredentialError::fromKeychain(code, detail, "prof");
        QCOMPARE(e.kind, kind);
        QCOMPARE(e.isOk(), kind == CredentialError::Kind::None);
        QCOMPARE(e.message.isEmpty(), kind == CredentialError::Kind::None);
        if (!detail.isEmpty() && kind != CredentialError::Kind::NotFound
            && kind != CredentialError::Kind::None)
            QVERIFY2(e.message.contains(detail), qPrintable(e.message));
        if (kind == CredentialError::Kind::NoBackend)
            QVERIFY(e.keychainUnavailable());
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
