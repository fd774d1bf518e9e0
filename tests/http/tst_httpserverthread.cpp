#include "http/HttpServerThread.h"

#include "HttpTestClient.h"
#include "HttpTestHandler.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>

class TestHttpServerThread : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<HttpTestState> state = std::make_shared<HttpTestState>();
    std::atomic<QThread *> startedThread{nullptr};
    std::atomic<int> finishedHooks{0};

    HttpServerConfig config()
    {
        HttpServerConfig c;
        c.onThreadStarted = [this] { startedThread = QThread::currentThread(); };
        c.onThreadFinished = [this] { ++finishedHooks; };
        return c;
    }

    static QByteArray get(const QByteArray &target, quint16 port)
    {
        return httpRequest("GET", target, port, {});
    }

private Q_SLOTS:
    void cleanup() { state->takeParked(); }

    void servesOnItsOwnThread()
    {
        HttpServerThread owner;
        QSignalSpy listening(&owner, &HttpServerThread::listening);
        QVERIFY(owner.start(config(), HttpTestHandler::factory(state)));
        QVERIFY(owner.isRunning());
        QVERIFY(!owner.start(config(), HttpTestHandler::factory(state))); // once
        QVERIFY(listening.wait());
        const QUrl url = listening.first().first().toUrl();
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(url.port() > 0);
        QCOMPARE(owner.url(), url);

        const HttpReply r = roundTrip(quint16(url.port()), get("/echo", quint16(url.port())));
        QCOMPARE(r.status, 200);
        QVERIFY(state->handlerThread.load() != nullptr);
        QVERIFY(state->handlerThread.load() != QThread::currentThread());
        QCOMPARE(state->handlerThread.load(), startedThread.load());
        QCOMPARE(state->handlerThread.load()->objectName(), QStringLiteral("http-server"));

        const int hooksBefore = finishedHooks;
        owner.stop();
        QVERIFY(!owner.isRunning());
        QVERIFY(owner.url().isEmpty());
        QCOMPARE(finishedHooks.load(), hooksBefore + 1);
        QTcpSocket again;
        again.connectToHost(QHostAddress::LocalHost, quint16(url.port()));
        QVERIFY(!again.waitForConnected(1000));
        owner.stop(); // twice is fine
    }

    void keepsTheCallerThreadResponsive()
    {
        HttpServerThread owner;
        QSignalSpy listening(&owner, &HttpServerThread::listening);
        QVERIFY(owner.start(config(), HttpTestHandler::factory(state)));
        QVERIFY(listening.wait());
        const quint16 port = quint16(owner.url().port());
        HttpTestClient a, b;
        QVERIFY(a.connectTo(port));
        QVERIFY(b.connectTo(port));
        // While the server thread is busy for 3 x 400 ms, this thread's timer keeps firing:
        // handlers on this thread would block it for nearly all of that time. Counted, not
        // timed, so a slow machine (sanitizers) does not fail it.
        QElapsedTimer clock;
        clock.start();
        int ticks = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, this, [&ticks] { ++ticks; });
        tick.start(10);
        a.send(get("/busy/400", port) + get("/busy/400", port));
        b.send(get("/busy/400", port));
        QVERIFY(a.waitForReplies(2));
        QVERIFY(b.waitForReplies(1));
        QCOMPARE(a.replies[1].status, 204);
        QVERIFY(clock.elapsed() >= 1100);
        QVERIFY2(ticks >= 30, qPrintable(QString::number(ticks)));
    }

    void restartsAndStopsWithClientsConnected()
    {
        HttpServerThread owner;
        for (int round = 0; round < 2; ++round) {
            QSignalSpy listening(&owner, &HttpServerThread::listening);
            QVERIFY(owner.start(config(), HttpTestHandler::factory(state)));
            QVERIFY(listening.wait());
            const quint16 port = quint16(owner.url().port());
            HttpTestClient idle, waiting;
            QVERIFY(idle.connectTo(port));
            QVERIFY(waiting.connectTo(port));
            waiting.send(get("/parked", port));
            QTRY_COMPARE(state->parkedCount(), 1);
            owner.stop();
            QVERIFY(idle.waitForDisconnected());
            QVERIFY(waiting.waitForDisconnected());
            QVERIFY(state->takeParked().value(0).isCancelled());
        }
    }

    void reportsFailure()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost));
        HttpServerConfig c = config();
        c.port = squatter.serverPort();
        HttpServerThread owner;
        QSignalSpy failed(&owner, &HttpServerThread::failed);
        QSignalSpy listening(&owner, &HttpServerThread::listening);
        const int hooksBefore = finishedHooks;
        QVERIFY(owner.start(c, HttpTestHandler::factory(state)));
        QVERIFY(failed.wait());
        QVERIFY(failed.first().first().toString().contains(QString::number(c.port)));
        QCOMPARE(listening.size(), 0);
        QVERIFY(!owner.isRunning());
        QCOMPARE(finishedHooks.load(), hooksBefore + 1);
    }

    void destructorStopsEverything()
    {
        auto *owner = new HttpServerThread;
        QSignalSpy listening(owner, &HttpServerThread::listening);
        QVERIFY(owner->start(config(), HttpTestHandler::factory(state)));
        QVERIFY(listening.wait());
        const quint16 port = quint16(owner->url().port());
        const int hooksBefore = finishedHooks;
        delete owner;
        QCOMPARE(finishedHooks.load(), hooksBefore + 1);
        QTcpSocket again;
        again.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(!again.waitForConnected(1000));
    }

    void stopsBeforeItListened()
    {
        HttpServerThread owner;
        QSignalSpy listening(&owner, &HttpServerThread::listening);
        QVERIFY(owner.start(config(), HttpTestHandler::factory(state)));
        owner.stop(); // the queued "listening" of that server must not count any more
        QCoreApplication::sendPostedEvents();
        QCOMPARE(listening.size(), 0);
        QVERIFY(owner.url().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHttpServerThread)
#include "tst_httpserverthread.moc"
