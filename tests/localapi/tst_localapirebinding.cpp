#include "localapi/LocalApiServerThread.h"

#include "HttpTestClient.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMutex>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>

// A web page can reach the local API through DNS rebinding: it loops
// fetch('http://hN.rebind.example:PORT/...', {mode: 'no-cors'}) over many host names that
// resolve to 127.0.0.1. LocalApiGuard refuses every such request (wrong Host), but the
// connections must not crowd out the local apps the API is for, nor flood the log.
namespace {
const QByteArray kToken = "gcl_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";
const QByteArray kContact = "/api/v1/sessions/s1/contacts/205227043110953%40lid";
constexpr int kInFlight = 500; // refused connections held open at once
constexpr int kLegitRequests = 1000;
constexpr int kHostNames = 200;

QMutex g_logMutex;
QStringList g_log;
void captureLog(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    QMutexLocker lock(&g_logMutex);
    g_log.append(QLatin1String(context.category) + QLatin1String(": ") + message);
}

// One request on a fresh connection, as curl makes it: connect, send at once, read the
// answer, close. Blocking, on the test thread (the page and the server have their own).
HttpReply fetchOnce(quint16 port, const QByteArray &request)
{
    constexpr int kTimeoutMs = 10000;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(kTimeoutMs))
        return {};
    socket.write(request);
    QElapsedTimer clock;
    clock.start();
    QByteArray received;
    QList<HttpReply> replies;
    while (replies.isEmpty() && socket.waitForReadyRead(int(kTimeoutMs - clock.elapsed()))) {
        received += socket.readAll();
        parseReplies(received, &replies);
    }
    return replies.value(0);
}

// One of the page's connections: what it received so far.
class FloodSocket : public QTcpSocket
{
public:
    QByteArray received;
    qsizetype parsed = 0;
    bool retired = false;
};
} // namespace

// The page's fetch loop as the server sees it, on a thread of its own: `inFlight` connections
// at once, each sending a browser's no-cors GET with a foreign Host, sending the next one on
// the same connection while the server keeps it open (as a browser reuses it), and opening
// a new connection as soon as one closes.
class RebindingFlood : public QObject
{
    Q_OBJECT
public:
    RebindingFlood(quint16 port, int inFlight)
        : m_port(port)
        , m_inFlight(inFlight)
    {
    }

    std::atomic<qint64> answers{0};
    std::atomic<qint64> refused{0}; // 403
    std::atomic<qint64> busy{0};    // 503
    std::atomic<qint64> opened{0};

    void start()
    {
        m_running = true;
        for (int i = 0; i < m_inFlight; ++i)
            open();
    }

    void stop()
    {
        m_running = false;
        const QList<FloodSocket *> sockets = findChildren<FloodSocket *>();
        for (FloodSocket *s : sockets) {
            s->retired = true;
            s->abort();
        }
        qDeleteAll(sockets);
    }

private:
    void open()
    {
        if (!m_running)
            return;
        auto *s = new FloodSocket;
        s->setParent(this);
        ++opened;
        const QByteArray host = "h" + QByteArray::number(m_next++ % kHostNames)
            + ".rebind.example:" + QByteArray::number(m_port);
        connect(s, &QTcpSocket::readyRead, s, [this, s, host] { onReadyRead(s, host); });
        connect(s, &QTcpSocket::stateChanged, this, [this, s](QAbstractSocket::SocketState st) {
            if (st != QAbstractSocket::UnconnectedState || s->retired)
                return;
            s->retired = true;
            s->deleteLater();
            open();
        });
        s->connectToHost(QHostAddress::LocalHost, m_port);
        fetch(s, host); // sent as soon as the connection is up, as a browser does
    }

    static void fetch(FloodSocket *s, const QByteArray &host)
    {
        s->write("GET /api/v1/openapi.json HTTP/1.1\r\nHost: " + host
                 + "\r\nSec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: no-cors\r\n"
                   "Connection: keep-alive\r\n\r\n");
    }

    void onReadyRead(FloodSocket *s, const QByteArray &host)
    {
        s->received += s->readAll();
        QList<HttpReply> replies;
        s->parsed += parseReplies(s->received.mid(s->parsed), &replies);
        for (const HttpReply &r : replies) {
            ++answers;
            refused += r.status == 403;
            busy += r.status == 503;
            if (r.header("connection") != "close" && m_running)
                fetch(s, host); // the browser reuses the connection for its next fetch
        }
    }

    const quint16 m_port;
    const int m_inFlight;
    bool m_running = false;
    int m_next = 0;
};

class TestLocalApiRebinding : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shouldKeepServingLocalAppsWhileAPageFloodsItWithForeignHosts()
    {
        // Given the local API with its production limits
        auto router = std::make_shared<LocalApiRouter>();
        router->get(
            QStringLiteral("/api/v1/sessions/{session}/contacts/{lid}"), [](const HttpRequest &r) {
                return HttpResponse::json(QJsonObject{{QStringLiteral("lid"), r.param(u"lid")}});
            });
        router->get(
            QStringLiteral("/api/v1/openapi.json"),
            [](const HttpRequest &) { return HttpResponse::rawJson("{}"); },
            LocalApiRouter::Access::Public);
        LocalApiConfig config;
        config.token = kToken;
        config.writeDiscoveryFile = false;
        LocalApiServerThread server;
        QSignalSpy listening(&server, &LocalApiServerThread::listening);
        QVERIFY(server.start(config, router));
        QVERIFY(listening.wait(10000));
        const quint16 port = quint16(server.url().port());

        // and, with every request logged, a page holding 500 refused connections in flight
        QElapsedTimer logged;
        logged.start();
        QLoggingCategory::setFilterRules(QStringLiteral("gc.localapi.debug=true"));
        const QtMessageHandler previous = qInstallMessageHandler(captureLog);
        QThread floodThread;
        RebindingFlood flood(port, kInFlight);
        flood.moveToThread(&floodThread);
        floodThread.start();
        bool stopped = false;
        const auto stopAll = [&] { // also when a check fails half way
            if (std::exchange(stopped, true))
                return;
            QMetaObject::invokeMethod(&flood, &RebindingFlood::stop, Qt::BlockingQueuedConnection);
            floodThread.quit();
            floodThread.wait();
            server.stop(); // any pending summary is written by now
            qInstallMessageHandler(previous);
            QLoggingCategory::setFilterRules(QString());
        };
        const auto guard = qScopeGuard(stopAll);
        QMetaObject::invokeMethod(&flood, &RebindingFlood::start, Qt::QueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(flood.answers > 2 * kInFlight, 20000);

        // When a local app polls meanwhile, on a new connection each time (as curl would)
        QElapsedTimer polling;
        polling.start();
        const qint64 refusedBefore = flood.refused;
        int failures = 0;
        QList<int> failedStatuses;
        for (int i = 0; i < kLegitRequests; ++i) {
            const HttpReply r = fetchOnce(port, httpRequest("GET", kContact, port, kToken));
            if (r.status != 200) {
                ++failures;
                if (failedStatuses.size() < 10)
                    failedStatuses.append(r.status);
            }
        }
        const double pollingSeconds = double(polling.elapsed()) / 1000.0;
        const qint64 refusedMeanwhile = flood.refused - refusedBefore;
        stopAll();
        const double loggedSeconds = double(logged.elapsed()) / 1000.0;
        // Then every one of its requests was served, while the page's were refused
        QVERIFY2(failures == 0,
                 qPrintable(QStringLiteral("%1 of %2 failed, e.g. %3; page: %4 answers, %5 busy")
                                .arg(failures)
                                .arg(kLegitRequests)
                                .arg(QDebug::toString(failedStatuses))
                                .arg(flood.answers.load())
                                .arg(flood.busy.load())));
        QVERIFY2(refusedMeanwhile >= 100, qPrintable(QString::number(refusedMeanwhile)));
        // and the log holds the app's requests plus a few summaries, never a line per refusal
        QStringList other;
        {
            QMutexLocker lock(&g_logMutex);
            for (const QString &line : std::as_const(g_log)) {
                if (!line.contains(QLatin1String(kContact) + QLatin1String(" 200 ")))
                    other.append(line);
            }
        }
        const int bound = int(loggedSeconds / 5.0) + 2; // a summary per 5 s, and the last one
        QVERIFY2(other.size() <= bound,
                 qPrintable(QStringLiteral("%1 other lines in %2 s (at most %3), first: %4")
                                .arg(other.size())
                                .arg(loggedSeconds)
                                .arg(bound)
                                .arg(other.mid(0, 5).join(QLatin1Char('\n')))));
        QVERIFY2(std::any_of(other.cbegin(), other.cend(),
                             [](const QString &l) {
                                 return l.contains(QLatin1String("connections for Host/Origin"));
                             }),
                 qPrintable(other.join(QLatin1Char('\n'))));
        qInfo("%d requests in %.1f s while %lld of the page's were refused; page in all: %lld "
              "connections, %lld answers (%lld refused, %lld busy); %lld other log lines",
              kLegitRequests, pollingSeconds, refusedMeanwhile, flood.opened.load(),
              flood.answers.load(), flood.refused.load(), flood.busy.load(),
              qlonglong(other.size()));
    }
};

QTEST_GUILESS_MAIN(TestLocalApiRebinding)
#include "tst_localapirebinding.moc"
