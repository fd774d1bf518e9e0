#include "localapi/DiscoveryFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {
const QByteArray kToken = "gcl_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

int modeOf(const QString &path)
{
    struct stat st {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}
} // namespace

class TestDiscoveryFile : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir runtime;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(runtime.isValid());
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime.path()));
    }

    void livesInTheRuntimeDirectory()
    {
        QCOMPARE(DiscoveryFile::defaultPath(),
                 runtime.path() + QStringLiteral("/gateway-console/local-api.json"));
    }

    void writesUrlTokenAndPidPrivately()
    {
        DiscoveryFile file;
        QVERIFY(file.write(QUrl(QStringLiteral("http://127.0.0.1:4567")), kToken));
        const QJsonObject json = readJson(file.path());
        QCOMPARE(json.value(QStringLiteral("url")).toString(),
                 QStringLiteral("http://127.0.0.1:4567"));
        QCOMPARE(json.value(QStringLiteral("port")).toInt(), 4567);
        QCOMPARE(json.value(QStringLiteral("token")).toString().toLatin1(), kToken);
        QCOMPARE(json.value(QStringLiteral("pid")).toInteger(), QCoreApplication::applicationPid());
        QVERIFY(!json.value(QStringLiteral("version")).toString().isEmpty());
        QCOMPARE(modeOf(file.path()), 0600);
        QCOMPARE(modeOf(runtime.path() + QStringLiteral("/gateway-console")), 0700);
        // Atomic write: nothing but the file itself is left behind.
        QCOMPARE(QDir(runtime.path() + QStringLiteral("/gateway-console"))
                     .entryList(QDir::Files | QDir::Hidden | QDir::System),
                 QStringList{QStringLiteral("local-api.json")});

        file.remove();
        QVERIFY(!QFile::exists(file.path()));
        QVERIFY(!QDir(runtime.path() + QStringLiteral("/gateway-console")).exists());
    }

    void tightensAnExistingFolderAndReplacesTheFile()
    {
        const QString dir = runtime.path() + QStringLiteral("/gateway-console");
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(QFile::setPermissions(dir,
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                          | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
                                          | QFile::ExeOther));
        QFile stale(dir + QStringLiteral("/local-api.json"));
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.write("{\"url\":\"http://127.0.0.1:1\"}");
        stale.close();
        QVERIFY(QFile::setPermissions(stale.fileName(),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));

        DiscoveryFile file;
        QVERIFY(file.write(QUrl(QStringLiteral("http://127.0.0.1:2")), kToken));
        QCOMPARE(modeOf(dir), 0700);
        QCOMPARE(modeOf(file.path()), 0600);
        QCOMPARE(readJson(file.path()).value(QStringLiteral("port")).toInt(), 2);
        file.remove();
    }

    void leavesAFileThatAnotherConsoleTookOver()
    {
        DiscoveryFile mine;
        QVERIFY(mine.write(QUrl(QStringLiteral("http://127.0.0.1:3")), kToken));
        QFile other(mine.path());
        QVERIFY(other.open(QIODevice::WriteOnly | QIODevice::Truncate));
        other.write("{\"url\":\"http://127.0.0.1:9\",\"pid\":1,\"token\":\"gcl_other\"}");
        other.close();
        mine.remove();
        QVERIFY(QFile::exists(mine.path()));
        QVERIFY(QFile::remove(mine.path()));
        QVERIFY(QDir().rmdir(QFileInfo(mine.path()).absolutePath()));
    }

    void reportsFailures()
    {
        QFile blocker(runtime.path() + QStringLiteral("/not-a-dir"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        DiscoveryFile file(blocker.fileName() + QStringLiteral("/local-api.json"));
        QString error;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("discovery file:"));
        QVERIFY(!file.write(QUrl(QStringLiteral("http://127.0.0.1:4")), kToken, &error));
        QVERIFY(!error.isEmpty());
        file.remove(); // nothing written: nothing to do
        QVERIFY(QFile::exists(blocker.fileName()));
    }

    void refusesASymlinkedFolder()
    {
        QTemporaryDir elsewhere;
        const QString link = runtime.path() + QStringLiteral("/linked");
        QVERIFY(QFile::link(elsewhere.path(), link));
        DiscoveryFile file(link + QStringLiteral("/local-api.json"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("symbolic link"));
        QVERIFY(!file.write(QUrl(QStringLiteral("http://127.0.0.1:5")), kToken));
        QVERIFY(!QFile::exists(elsewhere.path() + QStringLiteral("/local-api.json")));
    }
};

QTEST_GUILESS_MAIN(TestDiscoveryFile)
#include "tst_discoveryfile.moc"
