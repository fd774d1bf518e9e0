#include "http/HttpServerThread.h"

#include "HttpTestClient.h"
#include "localapi/DiscoveryFile.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <sys/stat.h>

namespace {
const QByteArray kToken = "gcl_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";
} // namespace

class TestHttpServerThread : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir runtime;
    std::shared_ptr<LocalApiRouter> router = std::make_shared<LocalApiRouter>();
    std::atomic<QThread *> handlerThread{nullptr};
    std::atomic<QThread *> startedThread{nullptr};
    std::atomic<int> finishedHooks{0};

    LocalApiConfig config()
    {
        LocalApiConfig c;
        c.token = kToken;
        c.onThreadStarted = [this] { startedThread = QThread::currentThread(); };
        c.onThreadFinished = [this] { ++finishedHooks; };
        return c;
    }

    static QByteArray get(const QByteArray &target, quint16 port)
    {
        return httpRequest("GET", target, port, kToken);
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
        router->get(QStringLiteral("/busy"), [](const HttpRequest &) {
            QElapsedTimer t; // burns the server thread's CPU, as a heavy cache read would
            t.start();
            while (t.elapsed() < 400) {}
            return HttpResponse::noContent();
        });
        router->getAsync(QStringLiteral("/parked"),
                         [](const HttpRequest &, HttpResponder responder) {
                             static QList<HttpResponder> parked;
                             parked.append(responder);
                         });
    }

    void servesOnItsOwnThreadAndWritesTheDiscoveryFile()
    {
        HttpServerThread owner;
        QSignalSpy listening(&owner, &HttpServerThread::listening);
        QVERIFY(owner.start(config(), router));
        QVERIFY(owner.isRunning());
        QVERIFY(!owner.start(config(), router)); // once
        QVERIFY(listening.wait());
        const QUrl url = listening.first().first().toUrl();
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(url.port() > 0);
        QCOMPARE(owner.url(), url);

        const HttpReply r = roundTrip(quint16(url.port()), get("/where", quint16(url.port())));
        QCOMPARE(r.status, 200);
        QVERIFY(handlerThread.load() != nullptr);
        QVERIFY(handlerThread.load() != QThread::currentThread());
        QCOMPARE(handlerThread.load(), startedThread.load());

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
        QTcpSocket again;
        again.connectToHost(QHostAddress::LocalHost, quint16(url.port()));
        QVERIFY(!again.waitForConnected(1000));
        owner.stop(); // twice is fine
    }

    void keepsTheCallerThreadResponsive()
    {
        HttpServerThread owner;
        QSignalSpy listening(&owner, &HttpServerThread::listening);
        QVERIFY(owner.start(config(), router));
        QVERIFY(listening.wait());
        const quint16 port = quint16(owner.url().port());
        HttpTestClient a, b;
        QVERIFY(a.connectTo(port));
        QVERIFY(b.connectTo(port));
        // While the server thread is busy for 3 x 400 ms, this thread's timer keeps firing:
        // handlers on this thread would leave gaps of 400 ms.
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0, longestGap = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, this, [&] {
            longestGap = qMax(longestGap, clock.elapsed() - last);
            last = clock.elapsed();
        });
        tick.start(10);
        a.send(get("/busy", port) + get("/busy", port));
        b.send(get("/busy", port));
        QVERIFY(a.waitForReplies(2));
        QVERIFY(b.waitForReplies(1));
        QCOMPARE(a.replies[1].status, 204);
        QVERIFY(clock.elapsed() >= 1100);
        QVERIFY2(longestGap < 200, qPrintable(QString::number(longestGap)));
    }

    void restartsAndStopsWithClientsConnected()
    {
        HttpServerThread owner;
        for (int round = 0; round < 2; ++round) {
            QSignalSpy listening(&owner, &HttpServerThread::listening);
            QVERIFY(owner.start(config(), router));
            QVERIFY(listening.wait());
            const quint16 port = quint16(owner.url().port());
            HttpTestClient idle, waiting;
            QVERIFY(idle.connectTo(port));
            QVERIFY(waiting.connectTo(port));
            waiting.send(get("/parked", port));
            owner.stop();
            QVERIFY(idle.waitForDisconnected());
            QVERIFY(waiting.waitForDisconnected());
            QVERIFY(!QFile::exists(DiscoveryFile::defaultPath()));
        }
    }

    void reportsFailureWithoutAFile()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost));
        LocalApiConfig c = config();
        c.port = squatter.serverPort();
        HttpServerThread owner;
        QSignalSpy failed(&owner, &HttpServerThread::failed);
        QSignalSpy listening(&owner, &HttpServerThread::listening);
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
        HttpServerThread owner;
        QSignalSpy listening(&owner, &HttpServerThread::listening);
        QVERIFY(owner.start(c, router));
        QVERIFY(listening.wait());
        QVERIFY(owner.discoveryFilePath().isEmpty());
        QVERIFY(!QFile::exists(DiscoveryFile::defaultPath()));
    }

    void destructorStopsEverything()
    {
        auto *owner = new HttpServerThread;
        QSignalSpy listening(owner, &HttpServerThread::listening);
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
        HttpServerThread owner;
        QSignalSpy listening(&owner, &HttpServerThread::listening);
        QVERIFY(owner.start(config(), router));
        owner.stop(); // the queued "listening" of that server must not count any more
        QCoreApplication::sendPostedEvents();
        QCOMPARE(listening.size(), 0);
        QVERIFY(owner.url().isEmpty());
        QVERIFY(!QFile::exists(DiscoveryFile::defaultPath()));
    }
};

QTEST_GUILESS_MAIN(TestHttpServerThread)
#include "tst_httpserverthread.moc"
