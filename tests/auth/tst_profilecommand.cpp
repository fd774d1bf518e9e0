// `gateway-console profile ...` run in-process: argument handling and exit codes, the
// token taken from standard input only, stored in the real keychain (./run test's private
// gnome-keyring), never echoed; `check` against the gateway simulator over HTTP.
#include "auth/CredentialStore.h"
#include "auth/ProfileStore.h"
#include "cli/ProfileCommand.h"

#include "SimulatorProcess.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

struct Outcome {
    int code = -1;
    QString out;
    QString err;
};

QString expiredJwt()
{
    const auto b64 = [](const QByteArray &raw) {
        return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    return QString::fromLatin1(b64("{\"alg\":\"EdDSA\"}") + '.'
                               + b64("{\"sub\":\"u\",\"orgRole\":\"owner\",\"exp\":1000}")
                               + ".sig");
}

} // namespace

class TestProfileCommand : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_ini;
    QString m_prefix;
    QStringList m_secrets; // every token used: none may ever show in any output
    SimulatorProcess m_sim;
    QUrl m_gatewayUrl;
    QString m_goodKey;

    QString name(const QString &base) const { return m_prefix + base; }
    QString newKey()
    {
        const QString key = "wa_cli_" + QUuid::createUuid().toString(QUuid::Id128);
        m_secrets << key;
        return key;
    }

    Outcome run(const QStringList &args, const QByteArray &input = {},
                ProfileCommand::CachePurger purger = {})
    {
        QBuffer in;
        in.setData(input);
        in.open(QIODevice::ReadOnly);
        QBuffer out;
        QBuffer err;
        out.open(QIODevice::WriteOnly);
        err.open(QIODevice::WriteOnly);
        Outcome o;
        {
            ProfileCommand command(&in, &out, &err);
            command.setSettingsFile(m_ini);
            if (purger)
                command.setCachePurger(purger);
            std::optional<int> code;
            connect(&command, &ProfileCommand::finished, this, [&code](int c) { code = c; });
            command.start(args);
            [&] { QTRY_VERIFY_WITH_TIMEOUT(code.has_value(), 60000); }();
            o.code = code.value_or(-1);
        }
        o.out = QString::fromUtf8(out.data());
        o.err = QString::fromUtf8(err.data());
        for (const QString &secret : std::as_const(m_secrets)) {
            [&] {
                QVERIFY2(!o.out.contains(secret) && !o.err.contains(secret),
                         "a token was echoed to the terminal");
            }();
        }
        return o;
    }

    std::pair<QString, CredentialError> keychainRead(const QString &profile)
    {
        CredentialStore store;
        std::optional<std::pair<QString, CredentialError>> r;
        store.readToken(profile, this, [&r](const QString &t, const CredentialError &e) {
            r = std::make_pair(t, e);
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(r.has_value(), 20000); }();
        return r.value_or(std::make_pair(QString(), CredentialError()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ini = m_dir.filePath("profiles.ini");
        m_prefix = QStringLiteral("gc-cli-%1-").arg(QCoreApplication::applicationPid());
        m_goodKey = newKey();

        // The simulator knows one secret api-key, with read and manage.
        QVERIFY2(m_sim.start({"--seed", "9", "--sessions", "2", "--contacts", "20", "--groups", "3",
                              "--members", "20", "--api-key", m_goodKey + "=read,manage"}),
                 qPrintable(m_sim.errorString()));
        m_gatewayUrl = m_sim.url();
    }

    void cleanupTestCase()
    {
        // Leave no test entry in the keychain.
        for (const QString &n : ProfileStore(m_ini).names())
            run({"remove", n});
    }

    void usage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("says");
        QTest::newRow("nothing") << QStringList{} << "Usage";
        QTest::newRow("unknown command") << QStringList{"rename", "x"} << "Unknown command";
        QTest::newRow("add without url") << QStringList{"add", "p"} << "--url";
        QTest::newRow("add url without value")
            << QStringList{"add", "p", "--url"} << "needs a value";
        QTest::newRow("add without name")
            << QStringList{"add", "--url", "https://gw"} << "needs a profile name";
        QTest::newRow("unknown option") << QStringList{"list", "--all"} << "Unknown option --all";
        QTest::newRow("list with name") << QStringList{"list", "p"} << "Too many arguments";
        QTest::newRow("check without name") << QStringList{"check"} << "needs a profile name";
        QTest::newRow("purge on add")
            << QStringList{"add", "p", "--url", "https://gw", "--purge-cache"} << "Unknown option";
    }
    void usage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, says);
        const Outcome o = run(args);
        QCOMPARE(o.code, int(ProfileCommand::Usage));
        QVERIFY2(o.err.contains(says), qPrintable(o.err));
        QVERIFY(o.out.isEmpty());
    }

    void help()
    {
        const Outcome o = run({"--help"});
        QCOMPARE(o.code, int(ProfileCommand::Ok));
        QVERIFY(o.out.contains("profile add NAME --url URL"));
    }

    void tokenAsArgumentIsRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString secret = newKey();
        QTest::newRow("positional") << QStringList{"add", "p", "--url", "https://gw", secret};
        QTest::newRow("--token=") << QStringList{"add", "p", "--url", "https://gw",
                                                 "--token=" + secret};
        QTest::newRow("--token") << QStringList{"add",        "p",       "--url",
                                                "https://gw", "--token", secret};
        QTest::newRow("--api-key")
            << QStringList{"add", "p", "--api-key", secret, "--url", "https://gw"};
        QTest::newRow("on check") << QStringList{"check", "p", "--jwt=" + secret};
    }
    void tokenAsArgumentIsRefused()
    {
        QFETCH(QStringList, args);
        const Outcome o = run(args, newKey().toUtf8()); // even with a good token on stdin
        QCOMPARE(o.code, int(ProfileCommand::Usage));
        QVERIFY2(o.err.contains("never taken from the command line") || o.err.contains("Too many"),
                 qPrintable(o.err));
        QVERIFY(!ProfileStore(m_ini).contains("p"));
    }

    void addListCheckRemove()
    {
        const QString p = name("main");
        // Pasted with a prefix and a newline, as people do.
        const SimulatorProcess::Session byHand = m_sim.primarySessions().last();
        Outcome o = run(
            {"add", p, "--url", m_gatewayUrl.toString() + "/api/v1/", "--session", byHand.id},
            "Bearer " + m_goodKey.toUtf8() + "\n");
        QVERIFY2(o.code == ProfileCommand::Ok, qPrintable(o.err));
        QVERIFY(o.out.contains("added"));
        QVERIFY(o.err.contains("Bearer")); // the note that the prefix was removed

        const auto [stored, error] = keychainRead(p);
        QVERIFY2(error.isOk(), qPrintable(error.message));
        QCOMPARE(stored, m_goodKey);

        ProfileStore profiles(m_ini);
        const auto saved = profiles.profile(p);
        QVERIFY(saved.has_value());
        QCOMPARE(saved->baseUrl, m_gatewayUrl);
        QCOMPARE(saved->tokenKind, TokenKind::ApiKey);
        QCOMPARE(saved->sessionIds, QStringList{byHand.id});
        QCOMPARE(profiles.currentName(), p); // the first profile becomes current
        QFile ini(m_ini);
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains(m_goodKey.toUtf8()));

        o = run({"list"});
        QCOMPARE(o.code, int(ProfileCommand::Ok));
        QVERIFY2(o.out.contains("* " + p) && o.out.contains("api-key") && o.out.contains(byHand.id),
                 qPrintable(o.out));

        // check: the session given by hand is tried first, and the listed ones are shown.
        o = run({"check", p});
        QVERIFY2(o.code == ProfileCommand::Ok, qPrintable(o.out + o.err));
        QVERIFY2(o.out.contains("manage: yes") && o.out.contains("read  : yes"), qPrintable(o.out));
        QVERIFY(o.out.contains("session " + byHand.id));
        for (const SimulatorProcess::Session &s : m_sim.primarySessions())
            QVERIFY2(o.out.contains("  " + s.id + "  " + s.status), qPrintable(o.out));
        QVERIFY(o.out.contains("send  : unknown"));

        o = run({"add", p.toUpper(), "--url", m_gatewayUrl.toString()}, newKey().toUtf8());
        QCOMPARE(o.code, int(ProfileCommand::Failure));
        QVERIFY(o.err.contains("already exists"));
        QCOMPARE(keychainRead(p).first, m_goodKey); // untouched

        o = run({"remove", p});
        QVERIFY2(o.code == ProfileCommand::Ok, qPrintable(o.err));
        QCOMPARE(keychainRead(p).second.kind, CredentialError::Kind::NotFound);
        QVERIFY(!ProfileStore(m_ini).contains(p));
        o = run({"list"});
        QVERIFY(o.out.contains("No profiles"));
    }

    void checkRejectedToken()
    {
        const QString p = name("rejected");
        Outcome o = run({"add", p, "--url", m_gatewayUrl.toString()}, newKey().toUtf8());
        QCOMPARE(o.code, int(ProfileCommand::Ok));
        o = run({"check", p});
        QCOMPARE(o.code, int(ProfileCommand::Failure));
        QVERIFY2(o.out.contains("Sign in again"), qPrintable(o.out));
        QCOMPARE(run({"remove", p}).code, int(ProfileCommand::Ok));
    }

    void addFailures_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("says");
        const QString url = "https://gw.example";
        QTest::newRow("no token") << QStringList{"add", name("a"), "--url", url}
                                  << QByteArray("\n\n") << "No token";
        QTest::newRow("bad name") << QStringList{"add", "a/b", "--url", url} << newKey().toUtf8()
                                  << "'/'";
        QTest::newRow("bad url") << QStringList{"add", name("a"), "--url", "ftp://x"}
                                 << newKey().toUtf8() << "https://";
        QTest::newRow("bad session")
            << QStringList{"add", name("a"), "--url", url, "--session", "a b"} << newKey().toUtf8()
            << "session id";
        QTest::newRow("two tokens") << QStringList{"add", name("a"), "--url", url}
                                    << QByteArray("wa_one wa_two") << "space";
        QTest::newRow("expired jwt")
            << QStringList{"add", name("a"), "--url", url} << expiredJwt().toUtf8() << "expired";
        QTest::newRow("huge input") << QStringList{"add", name("a"), "--url", url}
                                    << QByteArray(1024 * 1024, 'a') << "too large";
    }
    void addFailures()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(QString, says);
        const Outcome o = run(args, input);
        QCOMPARE(o.code, int(ProfileCommand::Failure));
        QVERIFY2(o.err.contains(says), qPrintable(o.err));
        QVERIFY(!ProfileStore(m_ini).contains(name("a")));
    }

    void plainHttpIsWarned()
    {
        const QString p = name("http");
        const Outcome o = run({"add", p, "--url", "http://gw.example"}, newKey().toUtf8());
        QCOMPARE(o.code, int(ProfileCommand::Ok));
        QVERIFY(o.err.contains("unencrypted"));
        QVERIFY(run({"list"}).out.contains("unencrypted http"));
        QCOMPARE(run({"remove", p}).code, int(ProfileCommand::Ok));
    }

    void removeAndPurge()
    {
        QCOMPARE(run({"remove", name("nobody")}).code, int(ProfileCommand::Failure));
        QCOMPARE(run({"check", name("nobody")}).code, int(ProfileCommand::Failure));

        const QString p = name("purge");
        QCOMPARE(run({"add", p, "--url", "https://gw.example"}, newKey().toUtf8()).code,
                 int(ProfileCommand::Ok));
        QStringList purged;
        const Outcome o = run({"remove", p, "--purge-cache"}, {},
                              [&purged](const QString &profile, QString *) {
                                  purged << profile;
                                  return true;
                              });
        QCOMPARE(o.code, int(ProfileCommand::Ok));
        QCOMPARE(purged, QStringList{p});
        QVERIFY(o.out.contains("purged"));

        QCOMPARE(run({"add", p, "--url", "https://gw.example"}, newKey().toUtf8()).code,
                 int(ProfileCommand::Ok));
        const Outcome noCache = run({"remove", p, "--purge-cache"});
        QCOMPARE(noCache.code, int(ProfileCommand::Ok));
        QVERIFY(noCache.out.contains("no local cache"));
    }
};

QTEST_GUILESS_MAIN(TestProfileCommand)
#include "tst_profilecommand.moc"
