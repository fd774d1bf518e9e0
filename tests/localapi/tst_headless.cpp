// The real `gateway-console --headless` binary as a child, under the test's keyring session:
// a profile added with `gateway-console profile add` (token on stdin), then headless mode
// syncs and serves; a request with the discovery file's token works; SIGTERM ends it cleanly
// and the discovery file is gone.
#include "HttpTestClient.h"
#include "SimulatorProcess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

class TestHeadless : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;
    SimulatorProcess m_sim;
    const QString m_name =
        QStringLiteral("gc-headless-%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(8));

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        env.remove("QT_QPA_PLATFORM");
        env.insert("XDG_CONFIG_HOME", m_home.filePath("config"));
        env.insert("XDG_DATA_HOME", m_home.filePath("data"));
        env.insert("XDG_RUNTIME_DIR", m_home.filePath("run"));
        return env;
    }
    QString discoveryPath() const { return m_home.filePath("run/gateway-console/local-api.json"); }

    int profile(const QStringList &args, const QByteArray &input = {})
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(GATEWAY_CONSOLE_PATH), QStringList{"profile"} + args);
        if (!p.waitForStarted(30000))
            return -1;
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return -1;
        }
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY(QDir().mkpath(m_home.filePath("run")));
        QVERIFY(QFile::setPermissions(m_home.filePath("run"),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QVERIFY2(m_sim.start({"--sessions", "2", "--contacts", "800", "--groups", "10", "--members",
                              "1000", "--api-key", "wa_full=read,send,manage,events"}),
                 qPrintable(m_sim.errorString()));
        QCOMPARE(profile({"add", m_name, "--url", m_sim.url().toString()}, "wa_full\n"), 0);
    }

    void cleanupTestCase() { profile({"remove", m_name, "--purge-cache"}); }

    void servesAndStopsCleanlyOnSigterm()
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(GATEWAY_CONSOLE_PATH),
                {"--headless", "--profile", m_name, "--local-api-port", "0"});
        QVERIFY(p.waitForStarted(30000));
        QTRY_VERIFY_WITH_TIMEOUT(
            QFile::exists(discoveryPath()) || p.state() == QProcess::NotRunning, 60000);
        QByteArray err = p.readAllStandardError();
        QVERIFY2(p.state() == QProcess::Running, err.constData());

        QFile file(discoveryPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject discovery = QJsonDocument::fromJson(file.readAll()).object();
        const QByteArray token = discovery.value("token").toString().toLatin1();
        const quint16 port = quint16(discovery.value("port").toInt());
        QVERIFY(!token.isEmpty());
        QVERIFY(port > 0);
        QCOMPARE(qint64(discovery.value("pid").toDouble()), p.processId());

        HttpReply r = roundTrip(port, httpRequest("GET", "/api/v1/sessions", port, token), 15000);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("data").toArray().size(), 2);
        QCOMPARE(roundTrip(port, httpRequest("GET", "/api/v1/sessions", port, "gcl_nope")).status,
                 401);
        // The sync of the first session completes: its contacts are served.
        const QByteArray contacts = "/api/v1/sessions/"
            + QUrl::toPercentEncoding(m_sim.primarySessions().first().id) + "/contacts";
        QTRY_VERIFY_WITH_TIMEOUT(roundTrip(port, httpRequest("GET", contacts, port, token), 15000)
                                         .json()
                                         .value("data")
                                         .toArray()
                                         .size()
                                     == 50,
                                 60000);
        r = roundTrip(port, httpRequest("GET", "/api/v1/console/health", port, token), 15000);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("gateway").toObject().value("reachable").toBool(), true);

        p.terminate(); // SIGTERM
        QVERIFY(p.waitForFinished(30000));
        err += p.readAllStandardError();
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == 0, err.constData());
        QVERIFY(!QFile::exists(discoveryPath()));
        QVERIFY(!err.contains(token));     // never logged
        QVERIFY(!err.contains("wa_full")); // nor the gateway's
        QVERIFY2(err.contains("local API on"), err.constData());
        QCOMPARE(roundTrip(port, httpRequest("GET", "/api/v1/sessions", port, token), 2000).status,
                 0); // gone
    }
};

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
