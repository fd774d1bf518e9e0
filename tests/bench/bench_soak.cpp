// Soak (issue #7): the real `gateway-console --headless` binary as a child process, serving
// mixed local API traffic over keep-alive connections (contact reads, contact pages walked to
// the end with cursors, group members, unblocks forwarded to the simulator) while syncs of
// its sessions run back to back against the simulator. Prints
//   BENCH soak.errors          answers that were wrong (status, body, framing, dropped links)
//   BENCH soak.rss_growth_pct  the console's RSS at the end vs after the warm-up
//   BENCH soak.fd_growth       its open file descriptors at the end vs after the warm-up, not
//                              counting idle keep-alive links to the gateway (a bounded pool)
//   BENCH soak.gateway_links   those links at the end (the check: at most 12)
// Both samples are taken at the same kind of moment (no sync running, the same connections
// open), so a difference is growth, not a snapshot of work in flight.
//
// Length: --seconds N or SOAK_SECONDS (default 600). --check makes the exit code say whether
// the correctness part held (0 errors, 0 fd growth, the gateway links bounded); CI runs a short
// variant that way. Needs a Secret Service (the profile's gateway token lives in the keychain):
// ./run bench and
// ./run test provide a throwaway one.
#include "HttpTestClient.h"
#include "SimulatorProcess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>

namespace {

QByteArray enc(const QString &s)
{
    return QUrl::toPercentEncoding(s);
}

// One keep-alive connection: one request at a time, the answer handed to a callback.
class SoakConnection : public QObject
{
public:
    using Handler = std::function<void(const HttpReply &)>;

    SoakConnection(quint16 port, QByteArray token)
        : m_port(port)
        , m_token(std::move(token))
    {
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] { fail("connection closed"); });
        connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] {
            if (m_socket.error() != QAbstractSocket::RemoteHostClosedError)
                fail(m_socket.errorString().toUtf8());
        });
    }

    bool busy() const { return bool(m_handler); }
    void request(const QByteArray &method, const QByteArray &target, Handler handler)
    {
        if (m_socket.state() != QAbstractSocket::ConnectedState) {
            m_socket.abort();
            m_socket.connectToHost(QStringLiteral("127.0.0.1"), m_port);
        }
        m_handler = std::move(handler);
        m_socket.write(httpRequest(method, target, m_port, m_token));
    }
    void close() { m_socket.disconnectFromHost(); }

private:
    void onReadyRead()
    {
        m_buffer += m_socket.readAll();
        QList<HttpReply> replies;
        const qsizetype used = parseReplies(m_buffer, &replies);
        m_buffer.remove(0, used);
        for (const HttpReply &r : replies)
            deliver(r);
    }
    void fail(const QByteArray &why)
    {
        if (!m_handler)
            return; // an idle link the server closed: the next request reconnects
        HttpReply r;
        r.body = why;
        m_buffer.clear();
        deliver(r);
    }
    void deliver(const HttpReply &r)
    {
        Handler h = std::move(m_handler);
        m_handler = nullptr;
        if (h)
            h(r);
    }

    quint16 m_port;
    QByteArray m_token;
    QTcpSocket m_socket;
    QByteArray m_buffer;
    Handler m_handler;
};

struct ProcSample {
    qint64 rssKb = -1;
    int fds = -1;
    int gatewayLinks = 0;  // keep-alive connections to the gateway (Qt pools up to 6 per client)
    QStringList fdTargets; // what each descriptor is, to name what grew
};

// socket:[inode] -> "tcp 127.0.0.1:A -> 127.0.0.1:B" from /proc/net/tcp{,6}.
QHash<QString, QString> tcpSockets()
{
    QHash<QString, QString> out;
    for (const char *table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile f(QString::fromLatin1(table));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> lines = f.readAll().split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> cols = lines[i].simplified().split(' ');
            if (cols.size() < 10)
                continue;
            const auto port = [](const QByteArray &a) {
                return QString::number(a.mid(a.indexOf(':') + 1).toInt(nullptr, 16));
            };
            out.insert(QStringLiteral("socket:[%1]").arg(QString::fromLatin1(cols[9])),
                       QStringLiteral("tcp :%1 -> :%2 state %3")
                           .arg(port(cols[1]), port(cols[2]), QString::fromLatin1(cols[3])));
        }
    }
    return out;
}

ProcSample sample(qint64 pid, quint16 gatewayPort)
{
    ProcSample s;
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("VmRSS:"))
                s.rssKb = line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    const QDir fdDir(QStringLiteral("/proc/%1/fd").arg(pid));
    const QStringList fds = fdDir.entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System);
    s.fds = int(fds.size());
    const QHash<QString, QString> sockets = tcpSockets();
    for (const QString &fd : fds) {
        const QString target = QFile::symLinkTarget(fdDir.filePath(fd));
        const QString what = sockets.value(QFileInfo(target).fileName(), target);
        if (what.contains(QStringLiteral(" -> :%1 ").arg(gatewayPort)))
            ++s.gatewayLinks;
        s.fdTargets << QStringLiteral("%1 %2").arg(fd, what);
    }
    return s;
}

class Soak : public QObject
{
public:
    int run(int seconds, bool check);

private:
    QProcessEnvironment environment() const;
    int profile(const QStringList &args, const QByteArray &input = {});
    bool waitUntil(const std::function<bool()> &done, int timeoutMs);
    void onConsoleOutput();
    void error(const QString &what);
    void next(SoakConnection *c);
    void expect(SoakConnection *c, const QByteArray &method, const QByteArray &target, int status,
                const std::function<bool(const HttpReply &)> &ok = {});
    void walkPage(SoakConnection *c, int walker);
    void triggerSync();
    ProcSample quiescentSample();

    QTemporaryDir m_home;
    SimulatorProcess m_sim;
    QProcess m_console;
    QString m_profile =
        QStringLiteral("gc-soak-%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    quint16 m_port = 0;
    QByteArray m_token;
    QByteArray m_session; // the session the traffic reads (encoded)
    QStringList m_sessions;
    int m_expectedContacts = 0;
    QStringList m_lids;
    QStringList m_groups;
    std::vector<std::unique_ptr<SoakConnection>> m_links;
    std::unique_ptr<SoakConnection> m_control;
    struct Walk {
        QByteArray cursor;
        int seen = 0;
    };
    std::vector<Walk> m_walks;

    QByteArray m_consoleErr;
    int m_syncsStarted = 0;
    int m_syncsEnded = 0;
    int m_syncsFailed = 0;
    bool m_syncPaused = true;
    int m_nextSession = 0;
    bool m_stopping = false;
    qint64 m_requests = 0;
    qint64 m_errors = 0;
    qint64 m_unblocks = 0;
    qint64 m_pagesWalked = 0;
};

QProcessEnvironment Soak::environment() const
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

int Soak::profile(const QStringList &args, const QByteArray &input)
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

bool Soak::waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired() || m_console.state() != QProcess::Running)
            return done();
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

// Follows the console's log on stderr: which syncs started and how they ended.
void Soak::onConsoleOutput()
{
    m_consoleErr += m_console.readAllStandardError();
    qsizetype nl;
    while ((nl = m_consoleErr.indexOf('\n')) >= 0) {
        const QByteArray line = m_consoleErr.left(nl);
        m_consoleErr.remove(0, nl + 1);
        if (line.contains("syncing "))
            ++m_syncsStarted;
        if (line.contains("sync of ") && line.contains(" ended: ")) {
            ++m_syncsEnded;
            if (!line.contains("ended: Synced ")) {
                ++m_syncsFailed;
                error(QStringLiteral("sync failed: ") + QString::fromUtf8(line));
            }
            if (!m_syncPaused && !m_stopping)
                QTimer::singleShot(200, this, [this] { triggerSync(); });
        }
        if (line.contains("critical") || line.contains("local API failed"))
            error(QStringLiteral("console: ") + QString::fromUtf8(line));
    }
}

void Soak::error(const QString &what)
{
    ++m_errors;
    if (m_errors <= 20)
        std::fprintf(stderr, "soak error: %s\n", qPrintable(what.left(300)));
}

void Soak::triggerSync()
{
    if (m_syncPaused || m_stopping || m_control->busy() || m_syncsStarted > m_syncsEnded)
        return;
    const QString s = m_sessions.at(m_nextSession++ % m_sessions.size());
    m_control->request("POST", "/api/v1/console/sessions/" + enc(s) + "/sync",
                       [this, s](const HttpReply &r) {
                           ++m_requests;
                           if (r.status != 202 && r.status != 409)
                               error(QStringLiteral("sync trigger for %1: %2 %3")
                                         .arg(s)
                                         .arg(r.status)
                                         .arg(QString::fromUtf8(r.body.left(200))));
                       });
}

void Soak::expect(SoakConnection *c, const QByteArray &method, const QByteArray &target, int status,
                  const std::function<bool(const HttpReply &)> &ok)
{
    c->request(method, target, [=](const HttpReply &r) {
        ++m_requests;
        if (r.status != status)
            error(QStringLiteral("%1 %2: %3 %4")
                      .arg(QString::fromLatin1(method), QString::fromLatin1(target))
                      .arg(r.status)
                      .arg(QString::fromUtf8(r.body.left(200))));
        else if (ok && !ok(r))
            error(QStringLiteral("%1 %2: unexpected body %3")
                      .arg(QString::fromLatin1(method), QString::fromLatin1(target),
                           QString::fromUtf8(r.body.left(200))));
        next(c);
    });
}

// A cursor walk of the session's contacts, one page per turn; at the end the count must be all.
void Soak::walkPage(SoakConnection *c, int walker)
{
    Walk &w = m_walks[size_t(walker)];
    QByteArray target = "/api/v1/sessions/" + m_session + "/contacts?limit=200";
    if (!w.cursor.isEmpty())
        target += "&cursor=" + enc(QString::fromLatin1(w.cursor));
    c->request("GET", target, [=](const HttpReply &r) {
        ++m_requests;
        Walk &walk = m_walks[size_t(walker)];
        const QJsonObject o = r.json();
        if (r.status != 200 || !o.value("data").isArray()) {
            error(QStringLiteral("page %1: %2 %3")
                      .arg(QString::fromLatin1(target))
                      .arg(r.status)
                      .arg(QString::fromUtf8(r.body.left(200))));
            walk = Walk();
        } else {
            walk.seen += int(o.value("data").toArray().size());
            walk.cursor = o.value("nextCursor").toString().toLatin1();
            if (walk.cursor.isEmpty()) {
                if (walk.seen != m_expectedContacts)
                    error(QStringLiteral("a walk to the end saw %1 contacts, not %2")
                              .arg(walk.seen)
                              .arg(m_expectedContacts));
                ++m_pagesWalked;
                walk = Walk();
            }
        }
        next(c);
    });
}

// The mix: 50% contact reads, 20% pages of a walk, 20% group members, 7% unblocks, 3% health.
void Soak::next(SoakConnection *c)
{
    if (m_stopping)
        return;
    QRandomGenerator *rng = QRandomGenerator::global();
    const int dice = int(rng->bounded(100));
    const QByteArray base = "/api/v1/sessions/" + m_session;
    if (dice < 50) {
        const QString lid = m_lids.at(int(rng->bounded(m_lids.size())));
        expect(c, "GET", base + "/contacts/" + enc(lid), 200, [lid](const HttpReply &r) {
            // A ContactDetail: dm and groups always; the identity, when known, is this contact.
            const QJsonObject o = r.json();
            const QJsonValue identity = o.value("identity");
            return o.value("dm").isBool() && o.value("groups").isArray()
                && (identity.isUndefined() || identity.toObject().value("lid").toString() == lid);
        });
    } else if (dice < 70) {
        const int walker = int(std::find_if(m_links.begin(), m_links.end(),
                                            [c](const auto &l) { return l.get() == c; })
                               - m_links.begin());
        walkPage(c, walker);
    } else if (dice < 90) {
        const QString gid = m_groups.at(int(rng->bounded(m_groups.size())));
        expect(c, "GET", base + "/groups/" + enc(gid) + "/members", 200,
               [](const HttpReply &r) { return r.json().value("data").isArray(); });
    } else if (dice < 97) {
        ++m_unblocks;
        const QString lid = m_lids.at(int(rng->bounded(m_lids.size())));
        expect(c, "POST", base + "/contacts/" + enc(lid) + "/unblock", 204);
    } else {
        expect(c, "GET", "/api/v1/console/health", 200, [](const HttpReply &r) {
            return r.json().value("gateway").toObject().value("reachable").toBool();
        });
    }
}

// No sync running, new ones held back, the traffic going on: the console's steady state.
ProcSample Soak::quiescentSample()
{
    m_syncPaused = true;
    if (!waitUntil([this] { return m_syncsStarted == m_syncsEnded && !m_control->busy(); }, 300000))
        error(QStringLiteral("a sync did not end within 5 minutes"));
    // The sync link answered just now in both samples (the server closes links idle 10 s).
    bool answered = false;
    m_control->request("GET", "/api/v1/console/health", [&](const HttpReply &r) {
        ++m_requests;
        answered = true;
        if (r.status != 200)
            error(QStringLiteral("health: %1").arg(r.status));
    });
    waitUntil([&] { return answered; }, 30000);
    // Let in-flight forwarded calls settle into their keep-alive connections.
    QElapsedTimer settle;
    settle.start();
    waitUntil([&] { return settle.elapsed() > 1500; }, 5000);
    const ProcSample s = sample(m_console.processId(), quint16(m_sim.url().port()));
    m_syncPaused = false;
    return s;
}

int Soak::run(int seconds, bool check)
{
    if (!m_home.isValid() || !QDir().mkpath(m_home.filePath("run"))
        || !QFile::setPermissions(m_home.filePath("run"),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return std::fprintf(stderr, "soak: no temporary home\n"), 2;
    // Syncs of a few seconds each (every gateway answer 2 ms late), so one is nearly always on.
    if (!m_sim.start({"--sessions", "2", "--contacts", "6000", "--groups", "60", "--members",
                      "9000", "--latency-ms", "2", "--api-key", "wa_soak=read,send,manage,events"}))
        return std::fprintf(stderr, "soak: %s\n", qPrintable(m_sim.errorString())), 2;
    if (profile({"add", m_profile, "--url", m_sim.url().toString()}, "wa_soak\n") != 0)
        return std::fprintf(stderr, "soak: profile add failed (is a Secret Service running?)\n"), 2;
    struct Cleanup {
        Soak *s;
        ~Cleanup() { s->profile({"remove", s->m_profile, "--purge-cache"}); }
    } cleanup{this};

    for (const SimulatorProcess::Session &s : m_sim.primarySessions())
        m_sessions << s.id;
    m_session = enc(m_sessions.first());
    m_expectedContacts = m_sim.primarySessions().first().contacts;

    m_console.setProcessEnvironment(environment());
    connect(&m_console, &QProcess::readyReadStandardError, this, [this] { onConsoleOutput(); });
    m_console.start(QStringLiteral(GATEWAY_CONSOLE_PATH),
                    {"--headless", "--profile", m_profile, "--local-api-port", "0"});
    const QString discovery = m_home.filePath("run/gateway-console/local-api.json");
    if (!m_console.waitForStarted(30000)
        || !waitUntil([&] { return QFile::exists(discovery); }, 60000))
        return std::fprintf(stderr, "soak: the console did not serve\n"), 2;
    QFile file(discovery);
    if (!file.open(QIODevice::ReadOnly))
        return 2;
    const QJsonObject d = QJsonDocument::fromJson(file.readAll()).object();
    m_token = d.value("token").toString().toLatin1();
    m_port = quint16(d.value("port").toInt());

    // The start-up syncs of every session first: the traffic needs their contacts and groups.
    if (!waitUntil([this] { return m_syncsEnded >= m_sessions.size(); }, 600000))
        return std::fprintf(stderr, "soak: the first syncs did not end\n"), 2;
    for (QByteArray cursor;;) {
        QByteArray target = "/api/v1/sessions/" + m_session + "/contacts?limit=200";
        if (!cursor.isEmpty())
            target += "&cursor=" + enc(QString::fromLatin1(cursor));
        const HttpReply r = roundTrip(m_port, httpRequest("GET", target, m_port, m_token), 15000);
        for (const QJsonValue &c : r.json().value("data").toArray())
            m_lids << c.toObject().value("lid").toString();
        cursor = r.json().value("nextCursor").toString().toLatin1();
        if (r.status != 200 || cursor.isEmpty())
            break;
    }
    const HttpReply groups = roundTrip(
        m_port,
        httpRequest("GET", "/api/v1/sessions/" + m_session + "/groups?limit=200", m_port, m_token),
        15000);
    for (const QJsonValue &g : groups.json().value("data").toArray())
        m_groups << g.toObject().value("groupJid").toString();
    if (m_lids.size() != m_expectedContacts || m_groups.isEmpty())
        return std::fprintf(stderr, "soak: the cache holds %d of %d contacts, %d groups\n",
                            int(m_lids.size()), m_expectedContacts, int(m_groups.size())),
               2;

    // Four keep-alive connections of traffic, one for triggering syncs.
    m_control = std::make_unique<SoakConnection>(m_port, m_token);
    for (int i = 0; i < 4; ++i) {
        m_links.push_back(std::make_unique<SoakConnection>(m_port, m_token));
        m_walks.emplace_back();
    }
    m_syncPaused = false;
    triggerSync();
    for (auto &l : m_links)
        next(l.get());

    QElapsedTimer clock;
    clock.start();
    const qint64 total = qint64(seconds) * 1000;
    const qint64 warmUp = std::max<qint64>(5000, total / 10);
    waitUntil([&] { return clock.elapsed() >= warmUp; }, int(warmUp + 60000));
    const ProcSample before = quiescentSample();
    triggerSync();
    std::fprintf(stderr, "soak: warmed up after %.1f s: RSS %lld kB, %d fds; running %d s\n",
                 clock.elapsed() / 1000.0, before.rssKb, before.fds, seconds);
    waitUntil([&] { return clock.elapsed() >= total; }, int(total + 60000));
    const ProcSample after = quiescentSample();
    const bool alive = m_console.state() == QProcess::Running;
    m_stopping = true;
    waitUntil(
        [this] {
            return std::none_of(m_links.begin(), m_links.end(),
                                [](const auto &l) { return l->busy(); });
        },
        30000);
    for (auto &l : m_links)
        l->close();
    m_control->close();

    if (!alive)
        error(QStringLiteral("the console died"));
    m_console.terminate();
    if (!m_console.waitForFinished(30000) || m_console.exitStatus() != QProcess::NormalExit
        || m_console.exitCode() != 0) {
        error(QStringLiteral("the console did not stop cleanly on SIGTERM"));
        m_console.kill();
        m_console.waitForFinished();
    }
    onConsoleOutput();

    const double rssGrowth = before.rssKb > 0
        ? 100.0 * double(after.rssKb - before.rssKb) / double(before.rssKb)
        : -1;
    // Idle keep-alive links to the gateway are a pool Qt bounds (6 per host per client; two
    // clients live on, the sync's own one goes with each sync): counted apart, with that bound.
    const int fdGrowth = (after.fds - after.gatewayLinks) - (before.fds - before.gatewayLinks);
    constexpr int kGatewayLinksBound = 12;
    std::fprintf(stderr,
                 "soak: %lld requests (%lld unblocks, %lld walks to the end), %d syncs, RSS %lld "
                 "-> %lld kB, fds %d -> %d (gateway links %d -> %d)\n",
                 m_requests, m_unblocks, m_pagesWalked, m_syncsEnded, before.rssKb, after.rssKb,
                 before.fds, after.fds, before.gatewayLinks, after.gatewayLinks);
    if (fdGrowth != 0 || after.gatewayLinks > kGatewayLinksBound) {
        std::fprintf(stderr, "soak: descriptors after the warm-up:\n  %s\nat the end:\n  %s\n",
                     qPrintable(before.fdTargets.join(QStringLiteral("\n  "))),
                     qPrintable(after.fdTargets.join(QStringLiteral("\n  "))));
    }
    std::printf("BENCH soak.seconds %d s\n", seconds);
    std::printf("BENCH soak.requests %lld count\n", m_requests);
    std::printf("BENCH soak.syncs %d count\n", m_syncsEnded);
    std::printf("BENCH soak.errors %lld count\n", m_errors);
    std::printf("BENCH soak.rss_growth_pct %.1f %%\n", rssGrowth);
    std::printf("BENCH soak.fd_growth %d count\n", fdGrowth);
    std::printf("BENCH soak.gateway_links %d count\n", after.gatewayLinks);
    std::fflush(stdout);
    if (check
        && (m_errors != 0 || fdGrowth != 0 || after.gatewayLinks > kGatewayLinksBound
            || m_requests == 0 || m_syncsEnded <= m_sessions.size()))
        return 1;
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Soak of the headless console: mixed local API traffic while syncs run."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("seconds"),
                      QStringLiteral("Length of the soak (default 600, or SOAK_SECONDS)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("check"),
                      QStringLiteral("Exit 1 unless there were 0 errors and 0 fd growth.")});
    parser.process(app);
    int seconds = qEnvironmentVariableIsSet("SOAK_SECONDS")
        ? qEnvironmentVariableIntValue("SOAK_SECONDS")
        : 600;
    if (parser.isSet(QStringLiteral("seconds")))
        seconds = parser.value(QStringLiteral("seconds")).toInt();
    if (seconds < 10) {
        std::fprintf(stderr, "soak: --seconds must be at least 10\n");
        return 2;
    }
    Soak soak;
    return soak.run(seconds, parser.isSet(QStringLiteral("check")));
}
