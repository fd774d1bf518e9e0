// `gateway-console sync` as a user runs it: the real binary as a child process, no display,
// a profile added with `profile add` (token on stdin) into the test's keychain session.
#include "SimulatorProcess.h"

#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestSyncCommand : public QObject
{
    Q_OBJECT
private:
    SimulatorProcess sim;
    QTemporaryDir home;
    QString profile;

    struct Run {
        int code = -1;
        QString out;
        QString err;
    };

    Run console(const QStringList &args, const QByteArray &input = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // Settings and caches of this test only; the keychain is the session's (./run test).
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.remove(QStringLiteral("DISPLAY"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(GATEWAY_CONSOLE_PATH), args);
        p.write(input);
        p.closeWriteChannel();
        p.waitForFinished(120000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    QStringList cacheFiles() const
    {
        QStringList files;
        QDirIterator it(home.filePath(QStringLiteral("data")), {QStringLiteral("cache.sqlite")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        return files;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(sim.start({QStringLiteral("--sessions"), QStringLiteral("2"),
                            QStringLiteral("--disconnected"), QStringLiteral("1"),
                            QStringLiteral("--contacts"), QStringLiteral("800"),
                            QStringLiteral("--groups"), QStringLiteral("16"),
                            QStringLiteral("--members"), QStringLiteral("1600")}),
                 qPrintable(sim.errorString()));
        profile = QStringLiteral("sync-cli-%1").arg(QCoreApplication::applicationPid());
        const Run added = console({QStringLiteral("profile"), QStringLiteral("add"), profile,
                                   QStringLiteral("--url"), sim.url().toString()},
                                  "wa_demo\n");
        QVERIFY2(added.code == 0, qPrintable(added.err));
    }

    void syncsEveryListedSessionWithProgress()
    {
        const Run r = console({QStringLiteral("sync"), QStringLiteral("--profile"), profile});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        for (const SimulatorProcess::Session &s : sim.primarySessions())
            QVERIFY2(r.err.contains(s.id + QStringLiteral(": Synced ")), qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("contacts: "))); // the progress line
        QCOMPARE(cacheFiles().size(), 1);
        QVERIFY(!r.err.contains(QLatin1String("wa_demo"))
                && !r.out.contains(QLatin1String("wa_demo")));
    }

    void oneSessionAndDeep()
    {
        const Run r = console({QStringLiteral("sync"), QStringLiteral("--profile"), profile,
                               QStringLiteral("--session"), sim.workingSession().id,
                               QStringLiteral("--deep")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("contact details")));
    }

    void failsWhenASyncFails()
    {
        const Run unknown = console({QStringLiteral("sync"), QStringLiteral("--profile"), profile,
                                     QStringLiteral("--session"),
                                     QStringLiteral("01NOSUCHSESSION0000000000")});
        QCOMPARE(unknown.code, 1);
        QVERIFY(
            unknown.err.contains(QLatin1String("req_"))); // the gateway's request id is reported

        QVERIFY(sim.setFaults({{QStringLiteral("errorRate"), 1.0},
                               {QStringLiteral("errorStatus"), QStringLiteral("500")}}));
        const Run broken = console({QStringLiteral("sync"), QStringLiteral("--profile"), profile});
        QVERIFY(sim.clearFaults());
        QCOMPARE(broken.code, 1);
    }

    void usageErrors()
    {
        QCOMPARE(console({QStringLiteral("sync"), QStringLiteral("--profile"),
                          QStringLiteral("nobody-here")})
                     .code,
                 1);
        QCOMPARE(console({QStringLiteral("sync"), QStringLiteral("--max-in-flight"),
                          QStringLiteral("0")})
                     .code,
                 2);
        QCOMPARE(console({QStringLiteral("sync"), QStringLiteral("--bogus")}).code, 2);
        QCOMPARE(console({QStringLiteral("sync"), QStringLiteral("extra")}).code, 2);
    }

    void removingTheProfileWithPurgeDeletesItsCache()
    {
        QCOMPARE(cacheFiles().size(), 1);
        const Run r = console({QStringLiteral("profile"), QStringLiteral("remove"), profile,
                               QStringLiteral("--purge-cache")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(cacheFiles().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSyncCommand)
#include "tst_synccommand.moc"
