// Local API benchmark (shared/benchmarks.md): wrk on GET …/contacts/{lid} against the local
// API serving a 1,000,000-contact cache (LocalApiService, the product path), and in the same
// run nginx (1 worker) serving a static JSON of the same size: the reference. Both get the
// same load: wrk -t1 -c8 -d8s (8 keep-alive connections, as a handful of local apps would). While
// wrk runs, a 10 ms QTimer on the main thread measures event-loop delay (the window's thread). wrk
// asks for 16 contacts in turn, as local apps polling the same people do, so the server's built
// answers (StoredResponseCache) serve most requests; localapi.uncached_* spreads the same load over
// 8,192 contacts so that every request reads SQLite and writes JSON.
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
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cstdio>

namespace {

constexpr qint64 kContacts = 1000000;
const QString kSession = QStringLiteral("01BENCHLOCALAPI00000000000");

void bench(const char *metric, double value, const char *unit)
{
    std::printf("BENCH %s %.3f %s\n", metric, value, unit);
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

struct WrkResult {
    double rps = 0;
    double p99Ms = 0;
    qint64 errors = 0;
    bool ok = false;
};

const char kWrkScript[] = R"LUA(
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], headers)
end
done = function(summary, latency, requests)
  io.write(string.format("WRK p99_us %d\n", latency:percentile(99)))
  io.write(string.format("WRK requests %d\n", summary.requests))
  io.write(string.format("WRK duration_us %d\n", summary.duration))
  io.write(string.format("WRK non2xx %d\n", summary.errors.status))
  io.write(string.format("WRK socket %d\n", summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
)LUA";

// Runs wrk without blocking the event loop (the lag timer keeps ticking meanwhile).
WrkResult runWrk(const QString &dir, const QString &name, const QUrl &base,
                 const QStringList &paths, const QByteArray &token)
{
    const QString script = dir + u'/' + name + QStringLiteral(".lua");
    QFile f(script);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner); // it holds the token
    QByteArray lua = "paths = {";
    for (const QString &p : paths)
        lua += '"' + p.toLatin1() + "\",";
    lua += "}\nheaders = {[\"Authorization\"] = \"Bearer " + token + "\"}\n" + kWrkScript;
    f.write(lua);
    f.close();
    QProcess wrk;
    QEventLoop loop;
    QObject::connect(&wrk, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&wrk, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    wrk.start(QStringLiteral("wrk"),
              {QStringLiteral("-t1"), QStringLiteral("-c8"), QStringLiteral("-d8s"),
               QStringLiteral("--timeout"), QStringLiteral("5s"), QStringLiteral("-s"), script,
               base.toString()});
    loop.exec();
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
    r.errors = v.value("non2xx") + v.value("socket");
    r.ok = true;
    return r;
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
    QTemporaryDir tmp;

    // The local API, as the window runs it: LocalApiService on its own thread.
    LocalApiService service(nullptr);
    service.setPort(0);
    service.setDatabasePath(cache);
    service.setDiscoveryFile({}, false);
    QEventLoop waitListening;
    QObject::connect(&service, &LocalApiService::listening, &waitListening, &QEventLoop::quit);
    QObject::connect(&service, &LocalApiService::failed, &waitListening, &QEventLoop::quit);
    service.start();
    waitListening.exec();
    if (!service.isListening())
        return 1;
    QStringList paths;
    for (int k = 0; k < 16; ++k)
        paths << QStringLiteral("/api/v1/sessions/%1/contacts/%2")
                     .arg(kSession, QString(QUrl::toPercentEncoding(lidOf(k * 60001))));

    // One answer, to size nginx's file alike.
    QByteArray body;
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, quint16(service.url().port()));
        s.waitForConnected(5000);
        s.write("GET " + paths.first().toLatin1()
                + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(service.url().port())
                + "\r\nAuthorization: Bearer " + service.token() + "\r\nConnection: close\r\n\r\n");
        QByteArray all;
        while (s.waitForReadyRead(5000))
            all += s.readAll();
        body = all.mid(all.indexOf("\r\n\r\n") + 4);
        if (!all.startsWith("HTTP/1.1 200")) {
            std::fprintf(stderr, "local API answered: %s\n", all.left(200).constData());
            return 1;
        }
    }

    // GUI lag: a 10 ms timer on the main thread; the delay of each tick beyond its interval.
    QList<double> lags;
    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.nsecsElapsed();
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(10);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        lags << std::max(0.0, (now - last) / 1e6 - 10.0);
        last = now;
    });
    tick.start();
    const WrkResult api = runWrk(tmp.path(), QStringLiteral("localapi"), service.url(), paths,
                                 service.token());
    tick.stop();
    // The same route over 8,192 different contacts, more than the server keeps built answers
    // for: every request reads SQLite and writes JSON (what a first read of each contact costs).
    QStringList spread;
    for (int k = 0; k < 8192; ++k)
        spread << QStringLiteral("/api/v1/sessions/%1/contacts/%2")
                      .arg(kSession, QString(QUrl::toPercentEncoding(lidOf(k * 97 + 1))));
    const WrkResult uncached = runWrk(tmp.path(), QStringLiteral("localapi-uncached"),
                                      service.url(), spread, service.token());
    service.stop();
    if (!api.ok)
        return 1;

    // nginx, 1 worker, the same bytes as a static file.
    QDir(tmp.path()).mkpath(QStringLiteral("www"));
    QDir(tmp.path()).mkpath(QStringLiteral("logs"));
    QFile file(tmp.filePath(QStringLiteral("www/contact.json")));
    file.open(QIODevice::WriteOnly);
    file.write(body);
    file.close();
    const quint16 nginxPort = freePort();
    const QString conf = tmp.filePath(QStringLiteral("nginx.conf"));
    QFile c(conf);
    c.open(QIODevice::WriteOnly);
    c.write(
        QStringLiteral(
            "worker_processes 1;\ndaemon off;\npid %1/nginx.pid;\nerror_log %1/logs/error.log;\n"
            "events { worker_connections 1024; }\n"
            "http { access_log off; client_body_temp_path %1/body; proxy_temp_path %1/proxy;\n"
            "  server { listen 127.0.0.1:%2; keepalive_requests 1000000;\n"
            "    location / { root %1/www; default_type application/json; } } }\n")
            .arg(tmp.path())
            .arg(nginxPort)
            .toUtf8());
    c.close();
    QProcess nginx;
    nginx.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    nginx.start(QStringLiteral("nginx"),
                {QStringLiteral("-p"), tmp.path(), QStringLiteral("-e"),
                 tmp.filePath(QStringLiteral("logs/error.log")), QStringLiteral("-c"), conf});
    if (!nginx.waitForStarted(10000)) {
        std::fprintf(stderr, "nginx did not start\n");
        return 1;
    }
    // Ready once it accepts a connection.
    bool up = false;
    for (int attempt = 0; attempt < 100 && !up && nginx.state() == QProcess::Running; ++attempt) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, nginxPort);
        up = s.waitForConnected(100);
        if (!up)
            nginx.waitForFinished(50); // returns early if nginx dies; otherwise a short wait
    }
    if (!up) {
        std::fprintf(stderr, "nginx is not accepting connections\n");
        return 1;
    }
    QUrl nginxUrl;
    nginxUrl.setScheme(QStringLiteral("http"));
    nginxUrl.setHost(QStringLiteral("127.0.0.1"));
    nginxUrl.setPort(nginxPort);
    const WrkResult ref = runWrk(tmp.path(), QStringLiteral("nginx"), nginxUrl,
                                 {QStringLiteral("/contact.json")}, "x");
    nginx.terminate();
    nginx.waitForFinished(10000);
    if (!ref.ok)
        return 1;

    std::sort(lags.begin(), lags.end());
    const double lagP99 = lags.isEmpty()
        ? 0
        : lags.at(std::min<qsizetype>(lags.size() - 1, qsizetype(lags.size() * 0.99)));
    bench("localapi.rps", api.rps, "1/s");
    bench("localapi.nginx_rps", ref.rps, "1/s");
    bench("localapi.vs_nginx", api.rps / ref.rps, "ratio");
    bench("localapi.p99_ms", api.p99Ms, "ms");
    bench("localapi.errors", double(api.errors), "count");
    bench("localapi.gui_lag_p99_ms", lagP99, "ms");
    bench("localapi.nginx_p99_ms", ref.p99Ms, "ms");
    if (uncached.ok) {
        bench("localapi.uncached_rps", uncached.rps, "1/s");
        bench("localapi.uncached_p99_ms", uncached.p99Ms, "ms");
        bench("localapi.uncached_errors", double(uncached.errors), "count");
    }
    bench("localapi.body_bytes", double(body.size()), "B");
    return 0;
}
