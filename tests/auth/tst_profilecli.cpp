// The real `gateway-console profile ...` binary as a child process: it runs with no display
// at all, reads the token from standard input only, answers with the documented exit
// codes, and checks a profile against the gateway simulator.
#include "SimulatorProcess.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

struct Result {
    int code = -1;
    QString out;
    QString err;
};

} // namespace

class TestProfileCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_config;
    SimulatorProcess m_sim;
    const QString m_name =
        QStringLiteral("gc-cli-e2e-%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(8));

    Result run(const QStringList &args, const QByteArray &input = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // No display of any kind: a terminal command must not need one.
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        env.remove("QT_QPA_PLATFORM");
        env.insert("XDG_CONFIG_HOME", m_config.path()); // settings of this test only
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(GATEWAY_CONSOLE_PATH), QStringList{"profile"} + args);
        Result r;
        if (!p.waitForStarted(30000))
            return r;
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        QVERIFY2(m_sim.start({"--sessions", "2", "--api-key", "wa_full=read,send,manage,events"}),
                 qPrintable(m_sim.errorString()));
    }

    void cleanupTestCase() { run({"remove", m_name}); }

    void usageExitCode()
    {
        const Result r = run({});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("Usage"));
    }

    void tokenArgumentRefused()
    {
        const Result r = run({"add", m_name, "--url", m_sim.url().toString(), "wa_full"});
        QCOMPARE(r.code, 2);
        QVERIFY(!r.err.contains("wa_full"));
        QCOMPARE(run({"list"}).out.contains(m_name), false);
    }

    void addListCheckRemove()
    {
        Result r = run({"add", m_name, "--url", m_sim.url().toString()}, "wa_full\n");
        QVERIFY2(r.code == 0, qPrintable(r.err));

        r = run({"list"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(m_name), qPrintable(r.out));

        r = run({"check", m_name});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains("manage: yes") && r.out.contains("read  : yes"), qPrintable(r.out));
        QVERIFY(!(r.out + r.err).contains("wa_full"));

        r = run({"remove", m_name});
        QCOMPARE(r.code, 0);
        r = run({"check", m_name});
        QCOMPARE(r.code, 1);
    }
};

QTEST_GUILESS_MAIN(TestProfileCli)
#include "tst_profilecli.moc"
