// Local API benchmark (shared/benchmarks.md): wrk on GET …/contacts/{lid} against the local
// API serving a 1,000,000-contact cache (LocalApiService, the product path), and in the same
// run nginx (1 worker) serving the same answers as static files: the reference. Both get the
// same load: wrk -t1 -c8 -d8s (8 keep-alive connections, as a handful of local apps would). While
// wrk runs on the local API's 16 contacts, a 10 ms QTimer on the main thread measures
// event-loop delay (the window's thread).
//
// Three spreads of the same route:
//   localapi.rps           16 contacts in turn, as local apps polling the same people do: the
//                          server's built answers (StoredResponseCache) serve most requests.
//   localapi.uncached_*    8,192 contacts: every request reads SQLite and writes JSON.
//   localapi.distinct_*    100,000 contacts picked at random from the million, in random order,
//                          plus 1,000 pages of the contact list (one request in 101): what
//                          first reads of many contacts cost. nginx serves the same 101,000
//                          answers as files, asked in the same order.
//
// Every load runs twice, the local API's and nginx's runs in turn, and the faster of the two
// runs counts (see Best). *_cpu_us is the serving process's CPU time per request (user +
// system, the lower of the two runs): on a machine shared with other work it moves much less
// than the rates do.
//
// The cache is built directly through CacheWriter into bench-data/ of the build directory and
// kept between runs. wrk and nginx come from the Debian packages wrk and nginx-light.
#include "cache/CacheDatabase.h"
#include "cache/CacheReader.h"
#include "cache/CacheWriter.h"
#include "localapi/LocalApiService.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <random>
#include <vector>

namespace {

constexpr qint64 kContacts = 1000000;
constexpr int kDistinctContacts = 100000;
constexpr int kRounds = 2; // runs of each load (see Best)
const QString kSession = QStringLiteral("01BENCHLOCALAPI00000000000");

void bench(const QByteArray &metric, double value, const char *unit)
{
    std::printf("BENCH %s %.3f %s\n", metric.constData(), value, unit);
    std::fflush(stdout);
}

QString lidOf(qint64 i)
{
    return QStringLiteral("%1@lid").arg(100000000000000 + i * 7919 % 900000000000000);
}

// The 1,000,000-contact cache; built once.
bool ensureCache(const QString &path, QString *error)
{
    if (QFile::exists(path)) {
        if (auto db = CacheDatabase::open(path, CacheDatabase::Mode::Read, error)) {
            CacheReader reader(*db);
            ContactFilter f;
            f.sessionId = kSession;
            const auto n = reader.countContacts(f);
            if (n && n->value == kContacts && reader.lastCompleteSyncAt(kSession))
                return true;
        }
        QFile::remove(path);
    }
    QDir().mkpath(QFileInfo(path).path());
    std::fprintf(stderr, "building the %lld-contact cache in %s\n", kContacts, qPrintable(path));
    auto db = CacheDatabase::open(path, CacheDatabase::Mode::ReadWrite, error);
    if (!db)
        return false;
    CacheWriter writer(*db);
    WaSession s;
    s.id = kSession;
    s.organizationId = QStringLiteral("org_bench");
    s.gatewayId = QStringLiteral("gw_bench");
    s.status = QStringLiteral("working");
    s.createdAt = s.updatedAt = 1700000000000;
    if (!writer.upsertSessions({s}))
        return *error = writer.lastError(), false;
    for (SyncKind kind : {SyncKind::Contacts, SyncKind::Groups, SyncKind::Members}) {
        const std::optional<SyncPass> pass = writer.beginPass(kSession, kind, false);
        if (!pass)
            return *error = writer.lastError(), false;
        if (kind == SyncKind::Contacts) {
            static const char *names[] = {"Ayu", "Budi",  "Citra", "Dewi",
                                          "Eko", "Fajar", "Gita",  "Hadi"};
            for (qint64 start = 0; start < kContacts; start += 10000) {
                QList<Contact> page;
                for (qint64 i = start; i < std::min(kContacts, start + 10000); ++i) {
                    Contact c;
                    c.lid = lidOf(i);
                    c.source = i % 3 == 0 ? QStringLiteral("dm") : QStringLiteral("group");
                    c.name = QStringLiteral("%1 %2").arg(QLatin1String(names[i % 8])).arg(i);
                    if (i % 2 == 0)
                        c.phoneNumber = QString::number(6281200000000 + i);
                    page << c;
                }
                if (!writer.storeContacts(*pass, page, QStringLiteral("c%1").arg(start)))
                    return *error = writer.lastError(), false;
            }
        }
        if (!writer.finishPass(*pass))
            return *error = writer.lastError(), false;
    }
    // A few contacts with a stored detail (identity, two groups): the ones wrk asks for.
    for (int k = 0; k < 16; ++k) {
        ContactDetail d;
        d.dm = false;
        for (int g = 0; g < 2; ++g) {
            ContactGroup cg;
            cg.jid = QStringLiteral("1203630%1@g.us").arg(k * 2 + g);
            cg.role = QStringLiteral("member");
            cg.lastSeen = 1731397787346;
            cg.name = QStringLiteral("Group %1").arg(k * 2 + g);
            cg.tag = QStringLiteral("~tag");
            d.groups << cg;
        }
        Identity id;
        id.id = 1000 + k;
        id.lid = lidOf(k * 60001);
        id.firstSeenAt = 1684029296444;
        id.updatedAt = 1731397787346;
        id.name = QStringLiteral("Bench %1").arg(k);
        d.identity = id;
        if (!writer.storeContactDetail(kSession, id.lid, d))
            return *error = writer.lastError(), false;
    }
    return true;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QString contactPath(qint64 i)
{
    return QStringLiteral("/api/v1/sessions/%1/contacts/%2")
        .arg(kSession, QString(QUrl::toPercentEncoding(lidOf(i))));
}

// GETs every path over one keep-alive connection with up to 16 requests in flight; the
// bodies in order, or nullopt (and why) unless every answer is a 200.
std::optional<QList<QByteArray>> fetchAll(quint16 port, const QByteArray &token,
                                          const QStringList &paths, QString *error)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(5000))
        return *error = s.errorString(), std::nullopt;
    const QByteArray rest = " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
        + "\r\nAuthorization: Bearer " + token + "\r\n\r\n";
    QList<QByteArray> bodies;
    bodies.reserve(paths.size());
    qsizetype sent = 0;
    QByteArray in;
    qsizetype pos = 0;
    while (bodies.size() < paths.size()) {
        for (; sent < paths.size() && sent - bodies.size() < 16; ++sent)
            s.write("GET " + paths.at(sent).toLatin1() + rest);
        if (!s.waitForReadyRead(10000))
            return *error = QStringLiteral("no answer: %1").arg(s.errorString()), std::nullopt;
        in.remove(0, pos);
        pos = 0;
        in += s.readAll();
        for (;;) {
            const qsizetype end = in.indexOf("\r\n\r\n", pos);
            if (end < 0)
                break;
            const QByteArray head = in.mid(pos, end - pos);
            const qsizetype at = head.indexOf("\r\nContent-Length: ");
            const qsizetype length = at < 0
                ? 0
                : head.mid(at + 18, head.indexOf('\r', at + 18) - at - 18).toLongLong();
            if (in.size() < end + 4 + length)
                break;
            if (!head.startsWith("HTTP/1.1 200 "))
                return *error = QStringLiteral("%1 answered %2")
                                    .arg(paths.at(bodies.size()), QString::fromLatin1(head)),
                       std::nullopt;
            bodies << in.mid(end + 4, length);
            pos = end + 4 + length;
        }
    }
    return bodies;
}

// The targets of the first `count` pages of the session's contact list (50 a page), each
// with the cursor the page before handed out.
std::optional<QStringList> contactListPages(quint16 port, const QByteArray &token, int count,
                                            QString *error)
{
    QStringList pages;
    const QString first = QStringLiteral("/api/v1/sessions/%1/contacts?limit=50").arg(kSession);
    QString target = first;
    while (pages.size() < count) {
        const std::optional<QList<QByteArray>> body = fetchAll(port, token, {target}, error);
        if (!body)
            return std::nullopt;
        pages << target;
        const QString next =
            QJsonDocument::fromJson(body->first()).object().value(u"nextCursor").toString();
        if (next.isEmpty())
            return *error = QStringLiteral("the contact list ended early"), std::nullopt;
        target = first + QStringLiteral("&cursor=") + QString(QUrl::toPercentEncoding(next));
    }
    return pages;
}

struct WrkResult {
    double rps = 0;
    double p99Ms = 0;
    double cpuUs = 0; // CPU time of the server's process per request (user + system)
    qint64 errors = 0;
    bool ok = false;
};

// What wrk loads: the server's URL, its token and the process serving (its CPU time is
// read from /proc: a cost per request that the other loads on the machine change less than
// they change a rate).
struct Server {
    QUrl url;
    QByteArray token;
    qint64 pid = 0;
};

// User + system CPU seconds of a process so far; 0 when unknown.
double cpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = f.readAll();
    // Fields after the command name (which may hold spaces): state is the first, utime the
    // 12th, stime the 13th.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong())
        / double(sysconf(_SC_CLK_TCK));
}

// Asks the paths of `pathsFile` (one a line) in turn, from the first.
const char kWrkScript[] = R"LUA(
paths = {}
for line in io.lines(pathsFile) do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[((i - 1) % #paths) + 1], headers)
end
done = function(summary, latency, requests)
  io.write(string.format("WRK p99_us %d\n", latency:percentile(99)))
  io.write(string.format("WRK requests %d\n", summary.requests))
  io.write(string.format("WRK duration_us %d\n", summary.duration))
  io.write(string.format("WRK non2xx %d\n", summary.errors.status))
  io.write(string.format("WRK socket %d\n", summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
)LUA";

bool writeLines(const QString &path, const QStringList &lines)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(lines.join(u'\n').toLatin1() + '\n');
    return f.flush();
}

// Runs wrk without blocking the event loop (the lag timer keeps ticking meanwhile).
WrkResult runWrkFile(const QString &dir, const QString &name, const Server &server,
                     const QString &pathsFile)
{
    const QString script = dir + u'/' + name + QStringLiteral(".lua");
    QFile f(script);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner); // it holds the token
    f.write("pathsFile = \"" + pathsFile.toUtf8() + "\"\nheaders = {[\"Authorization\"] = \"Bearer "
            + server.token + "\"}\n" + kWrkScript);
    f.close();
    QProcess wrk;
    QEventLoop loop;
    const double cpuBefore = cpuSeconds(server.pid);
    QObject::connect(&wrk, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&wrk, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    wrk.start(QStringLiteral("wrk"),
              {QStringLiteral("-t1"), QStringLiteral("-c8"), QStringLiteral("-d8s"),
               QStringLiteral("--timeout"), QStringLiteral("5s"), QStringLiteral("-s"), script,
               server.url.toString()});
    loop.exec();
    const double cpu = cpuSeconds(server.pid) - cpuBefore;
    QFile::remove(script);
    WrkResult r;
    QHash<QByteArray, qint64> v;
    for (const QByteArray &line : wrk.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() == 3 && parts[0] == "WRK")
            v.insert(parts[1], parts[2].toLongLong());
    }
    if (!v.contains("requests") || v.value("duration_us") <= 0) {
        std::fprintf(stderr, "%s: wrk failed: %s\n", qPrintable(name),
                     wrk.readAllStandardError().constData());
        return r;
    }
    r.rps = v.value("requests") * 1e6 / double(v.value("duration_us"));
    r.p99Ms = v.value("p99_us") / 1000.0;
    r.cpuUs = v.value("requests") > 0 ? cpu * 1e6 / double(v.value("requests")) : 0;
    r.errors = v.value("non2xx") + v.value("socket");
    r.ok = true;
    return r;
}

WrkResult runWrk(const QString &dir, const QString &name, const Server &server,
                 const QStringList &paths)
{
    const QString pathsFile = dir + u'/' + name + QStringLiteral(".paths");
    if (!writeLines(pathsFile, paths))
        return {};
    const WrkResult r = runWrkFile(dir, name, server, pathsFile);
    QFile::remove(pathsFile);
    return r;
}

// nginx, 1 worker, serving root/www; stopped by the destructor.
class Nginx
{
public:
    ~Nginx()
    {
        m_process.terminate();
        m_process.waitForFinished(10000);
    }

    bool start(const QString &root)
    {
        QDir(root).mkpath(QStringLiteral("logs"));
        m_url.setScheme(QStringLiteral("http"));
        m_url.setHost(QStringLiteral("127.0.0.1"));
        m_url.setPort(freePort());
        const QString conf = root + QStringLiteral("/nginx.conf");
        QFile c(conf);
        if (!c.open(QIODevice::WriteOnly))
            return false;
        c.write(
            QStringLiteral("worker_processes 1;\ndaemon off;\npid %1/nginx.pid;\nerror_log "
                           "%1/logs/error.log;\n"
                           "events { worker_connections 1024; }\n"
                           "http { access_log off; client_body_temp_path %1/body; proxy_temp_path "
                           "%1/proxy;\n"
                           "  server { listen 127.0.0.1:%2; keepalive_requests 1000000;\n"
                           "    location / { root %1/www; default_type application/json; } } }\n")
                .arg(root)
                .arg(m_url.port())
                .toUtf8());
        c.close();
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral("nginx"),
                        {QStringLiteral("-p"), root, QStringLiteral("-e"),
                         root + QStringLiteral("/logs/error.log"), QStringLiteral("-c"), conf});
        if (!m_process.waitForStarted(10000))
            return false;
        // Ready once it accepts a connection.
        for (int attempt = 0; attempt < 100 && m_process.state() == QProcess::Running; ++attempt) {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, quint16(m_url.port()));
            if (s.waitForConnected(100))
                return true;
            m_process.waitForFinished(50); // returns early if nginx dies; otherwise a short wait
        }
        return false;
    }

    QUrl url() const { return m_url; }
    // The one worker (the master only waits).
    qint64 workerPid() const
    {
        const qint64 master = m_process.processId();
        QFile f(QStringLiteral("/proc/%1/task/%1/children").arg(master));
        if (!f.open(QIODevice::ReadOnly))
            return master;
        const qint64 worker = f.readAll().trimmed().split(' ').first().toLongLong();
        return worker > 0 ? worker : master;
    }

private:
    QProcess m_process;
    QUrl m_url;
};

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// The distinct spread: 100,000 contacts drawn from the million (random, fixed seed, random
// order) with one contact-list page after every 100 of them.
QStringList distinctTargets(const QStringList &pages)
{
    std::vector<qint64> all(kContacts);
    std::iota(all.begin(), all.end(), 0);
    std::mt19937_64 random(20240611);
    std::shuffle(all.begin(), all.end(), random);
    QStringList targets;
    for (int k = 0; k < kDistinctContacts; ++k) {
        targets << contactPath(all[k]);
        if (k % 100 == 99 && k / 100 < pages.size())
            targets << pages.at(k / 100);
    }
    return targets;
}

// Several runs of one load: on a shared machine other work only ever slows a run down, so
// the best run is the closest to what the server itself can do. Each figure of the local API
// and nginx's figure it is compared with are taken the same way, their runs interleaved.
struct Best {
    WrkResult run;     // the fastest run
    double cpuUs = 0;  // the lowest CPU time per request of all runs
    qint64 errors = 0; // over all runs
    int runs = 0;
    int failed = 0;

    bool ok() const { return runs > 0 && failed == 0; }
    void add(const WrkResult &r)
    {
        ++runs;
        if (!r.ok) {
            ++failed;
            return;
        }
        if (r.rps > run.rps)
            run = r;
        cpuUs = cpuUs > 0 ? std::min(cpuUs, r.cpuUs) : r.cpuUs;
        errors += r.errors;
    }
};

struct Figures {
    Best hot, hotRef, uncached, distinct, distinctRef;
    QList<double> lags;
    QByteArray body; // the hot contact's answer
};

// The local API, as the window runs it: LocalApiService on its own thread.
bool startService(LocalApiService &service, const QString &cache)
{
    service.setPort(0);
    service.setDatabasePath(cache);
    service.setDiscoveryFile({}, false);
    QEventLoop waitListening;
    QObject::connect(&service, &LocalApiService::listening, &waitListening, &QEventLoop::quit);
    QObject::connect(&service, &LocalApiService::failed, &waitListening, &QEventLoop::quit);
    service.start();
    waitListening.exec();
    return service.isListening();
}

// nginx's root: the hot answer as one file and one file per distinct answer; the files'
// paths in the order of the answers.
std::optional<QStringList> writeStaticFiles(const QString &dir, const QByteArray &hot,
                                            const QList<QByteArray> &distinct)
{
    const QString www = dir + QStringLiteral("/www");
    QDir(www).mkpath(QStringLiteral("d"));
    if (!writeFile(www + QStringLiteral("/contact.json"), hot))
        return std::nullopt;
    QStringList files;
    for (qsizetype k = 0; k < distinct.size(); ++k) {
        const QString file = QStringLiteral("/d/%1/%2.json").arg(k / 1000).arg(k);
        if (k % 1000 == 0)
            QDir(www).mkpath(QStringLiteral("d/%1").arg(k / 1000));
        if (!writeFile(www + file, distinct.at(k)))
            return std::nullopt;
        files << file;
    }
    return files;
}

// Runs every load kRounds times, the local API's and nginx's runs in turn.
bool measure(const QString &cache, const QString &dir, Figures *out)
{
    LocalApiService service(nullptr);
    if (!startService(service, cache))
        return false;
    const Server api{service.url(), service.token(), QCoreApplication::applicationPid()};
    const quint16 port = quint16(api.url.port());
    QStringList hot;
    for (int k = 0; k < 16; ++k)
        hot << contactPath(k * 60001);
    // The same route over 8,192 different contacts, more than the server keeps built answers
    // for: every request reads SQLite and writes JSON (what a first read of each contact costs).
    QStringList spread;
    for (int k = 0; k < 8192; ++k)
        spread << contactPath(k * 97 + 1);
    QString error;
    const std::optional<QList<QByteArray>> first = fetchAll(port, api.token, {hot.first()}, &error);
    const std::optional<QStringList> pages = first
        ? contactListPages(port, api.token, kDistinctContacts / 100, &error)
        : std::nullopt;
    const QStringList targets = distinctTargets(pages.value_or(QStringList()));
    const std::optional<QList<QByteArray>> bodies = pages
        ? fetchAll(port, api.token, targets, &error)
        : std::nullopt;
    if (!bodies) {
        std::fprintf(stderr, "local API: %s\n", qPrintable(error));
        return false;
    }
    out->body = first->first();
    const std::optional<QStringList> files = writeStaticFiles(dir, out->body, *bodies);
    Nginx nginx;
    if (!files || !nginx.start(dir)) {
        std::fprintf(stderr, "nginx did not start\n");
        return false;
    }
    const Server ref{nginx.url(), "x", nginx.workerPid()};

    // GUI lag while the hot load runs: a 10 ms timer on the main thread; the delay of each
    // tick beyond its interval.
    QElapsedTimer clock;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(10);
    qint64 last = 0;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        out->lags << std::max(0.0, (now - last) / 1e6 - 10.0);
        last = now;
    });
    for (int round = 0; round < kRounds; ++round) {
        clock.start();
        last = clock.nsecsElapsed();
        tick.start();
        out->hot.add(runWrk(dir, QStringLiteral("localapi"), api, hot));
        tick.stop();
        out->hotRef.add(
            runWrk(dir, QStringLiteral("nginx"), ref, {QStringLiteral("/contact.json")}));
        out->uncached.add(runWrk(dir, QStringLiteral("localapi-uncached"), api, spread));
        out->distinct.add(runWrk(dir, QStringLiteral("localapi-distinct"), api, targets));
        out->distinctRef.add(runWrk(dir, QStringLiteral("nginx-distinct"), ref, *files));
    }
    // A reference that answered with errors (a 403 when the worker cannot read the files)
    // measured something else: no figure rather than a wrong one.
    if (out->hotRef.errors > 0 || out->distinctRef.errors > 0) {
        std::fprintf(stderr, "nginx answered %lld requests with errors; see %s/logs/error.log\n",
                     out->hotRef.errors + out->distinctRef.errors, qPrintable(dir));
        return false;
    }
    return out->hot.ok() && out->hotRef.ok();
}

void print(const char *name, const char *refName, const Best &api, const Best &ref)
{
    const QByteArray prefix = QByteArray("localapi.") + name;
    const QByteArray refPrefix = QByteArray("localapi.") + refName;
    bench(prefix + "rps", api.run.rps, "1/s");
    if (ref.ok()) {
        bench(refPrefix + "rps", ref.run.rps, "1/s");
        bench(prefix + "vs_nginx", api.run.rps / ref.run.rps, "ratio");
    }
    bench(prefix + "p99_ms", api.run.p99Ms, "ms");
    if (ref.ok())
        bench(refPrefix + "p99_ms", ref.run.p99Ms, "ms");
    bench(prefix + "errors", double(api.errors), "count");
    bench(prefix + "cpu_us", api.cpuUs, "us");
    if (ref.ok())
        bench(refPrefix + "cpu_us", ref.cpuUs, "us");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (QStandardPaths::findExecutable(QStringLiteral("wrk")).isEmpty()
        || QStandardPaths::findExecutable(QStringLiteral("nginx"),
                                          {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")})
               .isEmpty()) {
        std::fprintf(stderr,
                     "bench_localapi needs wrk and nginx (Debian: wrk nginx-light; ./run bench "
                     "installs them)\n");
        return 1;
    }
    QString error;
    const QString cache = QStringLiteral(BENCH_DATA_DIR "/localapi-1m.sqlite");
    if (!ensureCache(cache, &error)) {
        std::fprintf(stderr, "cache: %s\n", qPrintable(error));
        return 1;
    }
    // nginx's 101,000 files in memory when possible: on a busy disk writing and removing
    // them took minutes. nginx reads them from the page cache either way.
    const bool shm = QFileInfo(QStringLiteral("/dev/shm")).isWritable();
    QTemporaryDir tmp((shm ? QStringLiteral("/dev/shm") : QDir::tempPath())
                      + QStringLiteral("/bench_localapi-XXXXXX"));
    // Started by root, nginx's worker runs as nobody: it must be able to pass through the
    // directory to www/ (no listing; the wrk scripts holding the token stay 0600).
    QFile::setPermissions(tmp.path(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeGroup
                              | QFile::ExeOther);
    Figures f;
    if (!measure(cache, tmp.path(), &f))
        return 1;

    std::sort(f.lags.begin(), f.lags.end());
    const double lagP99 = f.lags.isEmpty()
        ? 0
        : f.lags.at(std::min<qsizetype>(f.lags.size() - 1, qsizetype(f.lags.size() * 0.99)));
    print("", "nginx_", f.hot, f.hotRef);
    bench("localapi.gui_lag_p99_ms", lagP99, "ms");
    if (f.uncached.ok())
        print("uncached_", "", f.uncached, Best{});
    if (f.distinct.ok() && f.distinctRef.ok())
        print("distinct_", "nginx_distinct_", f.distinct, f.distinctRef);
    bench("localapi.body_bytes", double(f.body.size()), "B");
    return 0;
}
