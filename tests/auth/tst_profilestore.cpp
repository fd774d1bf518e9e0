// ProfileStore: validation, add/rename/remove/list/current, persistence in QSettings.
#include "auth/ProfileStore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

GatewayProfile makeProfile(const QString &name, const QString &url = "https://gw.example",
                           TokenKind kind = TokenKind::ApiKey)
{
    GatewayProfile p;
    p.name = name;
    p.baseUrl = QUrl(url);
    p.tokenKind = kind;
    return p;
}

} // namespace

class TestProfileStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    QString freshIni() { return m_dir.filePath(QStringLiteral("p%1.ini").arg(++m_counter)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("ok");
        QTest::newRow("plain") << "Production" << true;
        QTest::newRow("spaces inside") << "Acme staging 2" << true;
        QTest::newRow("unicode") << QString::fromUtf8("Büro Jakarta") << true;
        QTest::newRow("max length") << QString(ProfileStore::kMaxNameLength, 'n') << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("blank") << "   " << false;
        QTest::newRow("leading space") << " prod" << false;
        QTest::newRow("too long") << QString(ProfileStore::kMaxNameLength + 1, 'n') << false;
        QTest::newRow("slash") << "a/b" << false;
        QTest::newRow("backslash") << "a\\b" << false;
        QTest::newRow("newline") << "a\nb" << false;
        QTest::newRow("tab") << "a\tb" << false;
        QTest::newRow("nul") << QString("a") + QChar(0) + "b" << false;
        QTest::newRow("bidi override") << QString("a") + QChar(0x202E) + "b" << false;
        QTest::newRow("zero width") << QString("a") + QChar(0x200B) + "b" << false;
        QTest::newRow("option-like") << "--url" << false;
    }
    void names()
    {
        QFETCH(QString, name);
        QFETCH(bool, ok);
        const QString problem = ProfileStore::checkName(name);
        QVERIFY2(problem.isEmpty() == ok, qPrintable(problem));
    }

    void urls_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normalised"); // empty: refused
        QTest::addColumn<bool>("insecure");
        QTest::newRow("https") << "https://gw.example"
                               << "https://gw.example" << false;
        QTest::newRow("trailing slash") << "https://gw.example/"
                                        << "https://gw.example" << false;
        QTest::newRow("api suffix") << "https://gw.example/api/v1/"
                                    << "https://gw.example" << false;
        QTest::newRow("sessions suffix") << " https://gw.example/base/api/v1/sessions\n"
                                         << "https://gw.example/base" << false;
        QTest::newRow("upper scheme") << "HTTPS://gw.example:8443"
                                      << "https://gw.example:8443" << false;
        QTest::newRow("http remote") << "http://gw.example"
                                     << "http://gw.example" << true;
        QTest::newRow("http localhost") << "http://localhost:8080"
                                        << "http://localhost:8080" << false;
        QTest::newRow("http 127.0.0.1") << "http://127.0.0.1:9"
                                        << "http://127.0.0.1:9" << false;
        QTest::newRow("http 127.5.5.5") << "http://127.5.5.5"
                                        << "http://127.5.5.5" << false;
        QTest::newRow("http ::1") << "http://[::1]:80"
                                  << "http://[::1]:80" << false;
        QTest::newRow("http lan") << "http://192.168.1.4"
                                  << "http://192.168.1.4" << true;
        QTest::newRow("http localhost lookalike") << "http://localhost.evil.example"
                                                  << "http://localhost.evil.example" << true;
        QTest::newRow("empty") << ""
                               << "" << false;
        QTest::newRow("no scheme") << "gw.example"
                                   << "" << false;
        QTest::newRow("ftp") << "ftp://gw.example"
                             << "" << false;
        QTest::newRow("no host") << "https://"
                                 << "" << false;
        QTest::newRow("credentials") << "https://user:pw@gw.example"
                                     << "" << false;
        QTest::newRow("query") << "https://gw.example/?token=x"
                               << "" << false;
        QTest::newRow("fragment") << "https://gw.example/#x"
                                  << "" << false;
        QTest::newRow("bad port") << "https://gw.example:99999"
                                  << "" << false;
        QTest::newRow("space in host") << "https://gw example"
                                       << "" << false;
    }
    void urls()
    {
        QFETCH(QString, text);
        QFETCH(QString, normalised);
        QFETCH(bool, insecure);
        const GatewayUrlCheck check = ProfileStore::checkUrl(text);
        if (normalised.isEmpty()) {
            QVERIFY2(!check.isValid(), qPrintable(check.url.toString()));
            QVERIFY(!check.problem.isEmpty());
            return;
        }
        QVERIFY2(check.isValid(), qPrintable(check.problem));
        QCOMPARE(check.url.toString(), normalised);
        QCOMPARE(check.insecure, insecure);
    }

    void addListAndPersist()
    {
        const QString ini = freshIni();
        {
            ProfileStore store(ini);
            QSignalSpy changed(&store, &ProfileStore::profilesChanged);
            QVERIFY(store.profiles().isEmpty());
            QVERIFY(store.currentName().isEmpty());
            GatewayProfile p = makeProfile("zeta", "https://z.example/api/v1", TokenKind::Jwt);
            p.sessionIds = {"s1", "s2", "s1"};
            QString error;
            QVERIFY2(store.add(p, &error), qPrintable(error));
            QVERIFY(store.add(makeProfile("Alpha")));
            QCOMPARE(changed.count(), 2);
            QVERIFY(store.setCurrent("zeta"));
        }
        ProfileStore again(ini); // a new instance reads what the first wrote
        QCOMPARE(again.names(), (QStringList{"Alpha", "zeta"}));
        const auto zeta = again.profile("zeta");
        QVERIFY(zeta.has_value());
        QCOMPARE(zeta->baseUrl, QUrl("https://z.example"));
        QCOMPARE(zeta->tokenKind, TokenKind::Jwt);
        QCOMPARE(zeta->sessionIds, (QStringList{"s1", "s2"}));
        QVERIFY(!zeta->lastUsed.isValid());
        QCOMPARE(again.currentName(), QStringLiteral("zeta"));
        QVERIFY(!again.profile("ZETA").has_value()); // lookups are exact
    }

    void refusals()
    {
        ProfileStore store(freshIni());
        QVERIFY(store.add(makeProfile("prod")));
        QString error;
        QVERIFY(!store.add(makeProfile("Prod"), &error));
        QVERIFY2(error.contains("already exists"), qPrintable(error));
        QVERIFY(!store.add(makeProfile("bad/name"), &error));
        QVERIFY(!store.add(makeProfile("x", "ftp://gw.example"), &error));
        QVERIFY(!store.add(makeProfile("y", "https://gw.example", TokenKind::Invalid), &error));
        GatewayProfile badSession = makeProfile("z");
        badSession.sessionIds = {"has space"};
        QVERIFY(!store.add(badSession, &error));
        QCOMPARE(store.names(), QStringList{"prod"});
        QVERIFY(!store.setCurrent("nobody"));
        QVERIFY(!store.update(makeProfile("nobody"), &error));
        QVERIFY(!store.remove("nobody"));
    }

    void updateAndSessions()
    {
        ProfileStore store(freshIni());
        QVERIFY(store.add(makeProfile("p")));
        GatewayProfile p = *store.profile("p");
        p.baseUrl = QUrl("http://localhost:1234/");
        p.tokenKind = TokenKind::Jwt;
        QVERIFY(store.update(p));
        QCOMPARE(store.profile("p")->baseUrl, QUrl("http://localhost:1234"));

        QString error;
        QVERIFY(store.addSessionId("p", "  sess-1 ", &error));
        QVERIFY(store.addSessionId("p", "sess-1"));
        QVERIFY(store.addSessionId("p", "sess-2"));
        QVERIFY(!store.addSessionId("p", "", &error));
        QVERIFY(!store.addSessionId("p", "a/b", &error));
        QVERIFY(!store.addSessionId("nobody", "s", &error));
        QCOMPARE(store.profile("p")->sessionIds, (QStringList{"sess-1", "sess-2"}));
        QVERIFY(store.removeSessionId("p", "sess-1"));
        QVERIFY(!store.removeSessionId("p", "sess-1"));
        QCOMPARE(store.profile("p")->sessionIds, QStringList{"sess-2"});

        const QDateTime when = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
        QVERIFY(store.markUsed("p", when));
        QCOMPARE(store.profile("p")->lastUsed, when);
        QVERIFY(!store.markUsed("nobody", when));
    }

    void renameKeepsCurrentAndData()
    {
        ProfileStore store(freshIni());
        GatewayProfile p = makeProfile("old");
        p.sessionIds = {"s"};
        QVERIFY(store.add(p));
        QVERIFY(store.add(makeProfile("other")));
        QVERIFY(store.setCurrent("old"));
        QSignalSpy current(&store, &ProfileStore::currentChanged);

        QString error;
        QVERIFY(!store.rename("old", "Other", &error)); // clash, any case
        QVERIFY(!store.rename("old", "bad/name", &error));
        QVERIFY(!store.rename("missing", "x", &error));
        QCOMPARE(store.names(), (QStringList{"old", "other"}));

        QVERIFY2(store.rename("old", "new", &error), qPrintable(error));
        QCOMPARE(store.names(), (QStringList{"new", "other"}));
        QCOMPARE(store.profile("new")->sessionIds, QStringList{"s"});
        QCOMPARE(store.currentName(), QStringLiteral("new"));
        QCOMPARE(current.count(), 1);
        QVERIFY(store.rename("new", "NEW")); // only the case changes
        QCOMPARE(store.names(), (QStringList{"NEW", "other"}));
    }

    void removeClearsCurrent()
    {
        ProfileStore store(freshIni());
        QVERIFY(store.add(makeProfile("a")));
        QVERIFY(store.add(makeProfile("b")));
        QVERIFY(store.setCurrent("a"));
        QVERIFY(store.remove("b"));
        QCOMPARE(store.currentName(), QStringLiteral("a"));
        QVERIFY(store.remove("a"));
        QVERIFY(store.currentName().isEmpty());
        QVERIFY(store.profiles().isEmpty());
        QVERIFY(store.setCurrent(QString()));
    }

    void damagedEntriesAreSkipped()
    {
        const QString ini = freshIni();
        {
            QFile f(ini);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("[profiles]\nsize=3\n1\\name=good\n1\\url=https://gw.example\n"
                    "1\\tokenKind=jwt\n2\\name=bad/name\n2\\url=https://x\n"
                    "3\\name=good\n3\\url=https://dup\n");
        }
        ProfileStore store(ini);
        QCOMPARE(store.names(), QStringList{"good"});
        QCOMPARE(store.profile("good")->tokenKind, TokenKind::Jwt);
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
