#include "localapi/LocalApiServerThread.h"

#include "HttpTestClient.h"
#include "localapi/DiscoveryFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <sys/stat.h>

// What LocalApiServerThread adds to HttpServerThread: the discovery file, written once
// listening and removed on stop, the thread's name and the gc.localapi log lines.
namespace {
const QByteArray kToken = "gcl_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";
} // namespace

class TestLocalApiServerThread : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir runtime;
    std::shared_ptr<LocalApiRouter> router = std::make_shared<LocalApiRouter>();
    std::atomic<QThread *> handlerThread{nullptr};
    std::atomic<int> finishedHooks{0};

    LocalApiConfig config()
    {
        LocalApiConfig c;
        c.token = kToken;
        c.onThreadFinished = [this] { ++finishedHooks; };
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(runtime.isValid());
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime.path()));
        router->get(QStringLiteral("/where"), [this](const HttpRequest &) {
            handlerThread = QThread::currentThread();
            return HttpResponse::json(QJsonObject{{QStringLiteral("ok"), true}});
        });
    }

    void servesOnItsOwnThreadAndWritesTheDiscoveryFile()
    {
        LocalApiServerThread owner;
        QSignalSpy listening(&owner, &LocalApiServerThread::listening);
        QVERIFY(owner.start(config(), router));
        QVERIFY(owner.isRunning());
        QVERIFY(!owner.start(config(), router)); // once
        QVERIFY(listening.wait());
        const QUrl url = listening.first().first().toUrl();
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(url.port() > 0);
        QCOMPARE(owner.url(), url);

        const HttpReply r = roundTrip(quint16(url.port()),
                                      httpRequest("GET", "/where", quint16(url.port()), kToken));
        QCOMPARE(r.status, 200);
        QVERIFY(handlerThread.load() != QThread::currentThread());
        QCOMPARE(handlerThread.load()->objectName(), QStringLiteral("local-api"));

        const QString path = owner.discoveryFilePath();
        QCOMPARE(path, DiscoveryFile::defaultPath());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(json.value(QStringLiteral("url")).toString(), url.toString());
        QCOMPARE(json.value(QStringLiteral("token")).toString().toLatin1(), kToken);
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);

        const int hooksBefore = finishedHooks;
        owner.stop();
        QVERIFY(!owner.isRunning());
        QCOMPARE(finishedHooks.load(), hooksBefore + 1);
        QVERIFY(!QFile::exists(path));
        owner.stop(); // twice is fine
    }

    void restartsAndRemovesTheFileEachTime()
    {
        LocalApiServerThread owner;
        for (int round = 0; round < 2; ++round) {
            QSignalSpy listening(&owner, &LocalApiServerThread::listening);
            QVERIFY(owner.start(config(), router));
            QVERIFY(listening.wait());
            QVERIFY(QFile::exists(DiscoveryFile::defaultPath()));
            owner.stop();
            QVERIFY(!QFile::exists(DiscoveryFile::defaultPath()));
        }
    }

    void reportsFailureWithoutAFile()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost));
        LocalApiConfig c = config();
        c.port = squatter.serverPort();
        LocalApiServerThread owner;
        QSignalSpy failed(&owner, &LocalApiServerThread::failed);
        QSignalSpy listening(&owner, &LocalApiServerThread::listening);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("local API not started"));
        QVERIFY(owner.start(c, router));
        QVERIFY(failed.wait());
        QVERIFY(failed.first().first().toString().contains(QString::number(c.port)));
        QCOMPARE(listening.size(), 0);
        QVERIFY(!owner.isRunning());
        QVERIFY(!QFile::exists(DiscoveryFile::defaultPath()));
    }

    void canSkipTheDiscoveryFile()
    {
        LocalApiConfig c = config();
        c.writeDiscoveryFile = false;
        LocalApiServerThread owner;
        QSignalSpy listening(&owner, &LocalApiServerThread::listening);
        QVERIFY(owner.start(c, router));
        QVERIFY(listening.wait());
        QVERIFY(owner.discoveryFilePath().isEmpty());
        QVERIFY(!QFile::exists(DiscoveryFile::defaultPath()));
    }

    void destructorStopsEverything()
    {
        auto *owner = new LocalApiServerThread;
        QSignalSpy listening(owner, &LocalApiServerThread::listening);
        QVERIFY(owner->start(config(), router));
        QVERIFY(listening.wait());
        const int hooksBefore = finishedHooks;
        QVERIFY(QFile::exists(DiscoveryFile::defaultPath()));
        delete owner;
        QCOMPARE(finishedHooks.load(), hooksBefore + 1);
        QVERIFY(!QFile::exists(DiscoveryFile::defaultPath()));
    }

    void stopsBeforeItListened()
    {
        LocalApiServerThread owner;
        QSignalSpy listening(&owner, &LocalApiServerThread::listening);
        QVERIFY(owner.start(config(), router));
        owner.stop(); // the queued "listening" of that server must not count any more
        QCoreApplication::sendPostedEvents();
        QCOMPARE(listening.size(), 0);
        QVERIFY(owner.url().isEmpty());
        QVERIFY(!QFile::exists(DiscoveryFile::defaultPath()));
    }
};

QTEST_GUILESS_MAIN(TestLocalApiServerThread)
#include "tst_localapiserverthread.moc"
