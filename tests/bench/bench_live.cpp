// bench_live: the signed-in console kept current by the gateway's realtime feed. One simulator
// session of 100,000 contacts is synced first; the real MainWindow (offscreen) is attached
// through the real front end (Console + WindowFrontEnd) and shows the contacts pane. Prints
//   live.idle_cpu_pct          CPU time (user + system, every thread of this process) over wall
//                              time while signed in and live, window shown, no events, no local
//                              clients (--idle-seconds, default 60)
//   live.event_to_view_p50_ms / live.event_to_view_p99_ms
//                              while the simulator streams --rate random changes a second
//                              (default 1,000) for --seconds (default 60), a marker rename of a
//                              contact in the view's visible rows is posted every --marker-ms
//                              (POST /_sim/events, from a thread of its own). Timed: from just
//                              before that POST is sent to the end of the first paint of the
//                              contacts viewport whose region covers that contact's name cell
//                              while ContactsModel's data for the row already holds the new name
//                              (a viewport event filter runs the paint inside it and stops the
//                              clock after it returns)
//   live.local_fanout_p50_ms / live.local_fanout_p99_ms
//                              16 WebSocket clients (a thread of their own) on the local API's
//                              GET /api/v1/realtime during that stream: from LiveService's
//                              eventReceived (stamped by a handler connected after the one that
//                              publishes to the local broadcast, so the publish call itself is
//                              not counted) to each client's textMessageReceived of that id;
//                              p99 over every delivery
//   live.lost_events           after the stream stops and a last marker's id is the cache's
//                              stored resume point (and the resyncs it asked for are done):
//                              contact names, group subjects and member roles that differ
//                              between the cache and the simulator
// plus counts on stderr: events the simulator sent (its "streamed" counter, which unlike the
// "logged" one is not capped by the replay log, plus the markers) against those the console
// received and applied or ignored.
#include "ContactsModel.h"
#include "ContactsPane.h"
#include "MainWindow.h"
#include "SessionsPane.h"
#include "WindowFrontEnd.h"
#include "auth/ProfileStore.h"
#include "auth/SignInController.h"
#include "cache/CacheDatabase.h"
#include "cache/CacheMeta.h"
#include "cache/CacheReader.h"
#include "console/Console.h"
#include "console/LiveService.h"
#include "console/ProfileServices.h"
#include "gateway/GatewayClient.h"
#include "localapi/LocalApiService.h"
#include "sync/SyncService.h"

#include "HttpTestClient.h"
#include "LiveDataView.h"
#include "SimulatorProcess.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPaintEvent>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

namespace {

constexpr int kLocalClients = 16;
constexpr int kMarkerContacts = 12;
constexpr int kTimeoutMs = 120000;

struct Args {
    int seconds = 60;
    int idleSeconds = 60;
    double rate = 1000;
    int contacts = 100000;
    int markerMs = 200;
};

void bench(const char *metric, double value, const char *unit)
{
    std::printf("BENCH %s %.3f %s\n", metric, value, unit);
    std::fflush(stdout);
}

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(double(v.size()) * p))];
}

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
        + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Spins the loop until `done` holds (checked every 20 ms and on every event) or the timeout.
bool waitFor(const std::function<bool()> &done, int timeoutMs = kTimeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// One marker rename: posted at sentNs, seen repainted at paintedNs (0: not yet).
struct Marker {
    QString lid;
    QString name;
    qint64 sentNs = 0;
    qint64 paintedNs = 0;
};

// The markers, shared by the poster's thread (appends) and the GUI thread (resolves).
struct MarkerBoard {
    QMutex mutex;
    std::vector<Marker> markers;
};

// Posts a marker rename every interval from its own thread, so the POSTs go out on time
// whatever the GUI thread is doing.
class MarkerPoster : public QObject
{
public:
    MarkerPoster(MarkerBoard *board, QUrl url, QString session, QStringList lids, QStringList names,
                 int intervalMs)
        : m_board(board)
        , m_url(std::move(url))
        , m_session(std::move(session))
        , m_lids(std::move(lids))
        , m_names(std::move(names))
        , m_intervalMs(intervalMs)
    {
        m_url.setPath(QStringLiteral("/_sim/events"));
    }
    void start()
    {
        m_nam = new QNetworkAccessManager(this);
        m_timer = new QTimer(this);
        m_timer->setTimerType(Qt::PreciseTimer);
        connect(m_timer, &QTimer::timeout, this, &MarkerPoster::postNext);
        m_timer->start(m_intervalMs);
    }
    void stop() { m_timer->stop(); }
    int failures() const { return m_failures; }

private:
    void postNext()
    {
        const int k = m_next++;
        const int i = k % int(m_lids.size());
        Marker m;
        m.lid = m_lids.at(i);
        m.name = m_names.at(i) + QStringLiteral(" ~%1").arg(k);
        const QJsonObject body{
            {QStringLiteral("session"), m_session},
            {QStringLiteral("event"), QStringLiteral("contact.update")},
            {QStringLiteral("payload"),
             QJsonObject{{QStringLiteral("jid"), m.lid}, {QStringLiteral("fullName"), m.name}}}};
        QNetworkRequest req(m_url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
        m.sentNs = nowNs();
        {
            QMutexLocker lock(&m_board->mutex);
            m_board->markers.push_back(m);
        }
        QNetworkReply *reply = m_nam->post(req, bytes);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            m_failures += reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200;
            reply->deleteLater();
        });
    }

    MarkerBoard *m_board;
    QUrl m_url;
    const QString m_session;
    const QStringList m_lids;
    const QStringList m_names;
    const int m_intervalMs;
    QNetworkAccessManager *m_nam = nullptr;
    QTimer *m_timer = nullptr;
    int m_next = 0;
    int m_failures = 0;
};

// Stops the clock of each pending marker at the end of the first viewport paint that covers
// its row's name cell while the model already shows the new name.
class PaintWatch : public QObject
{
public:
    PaintWatch(QTableView *view, ContactsModel *model, MarkerBoard *board)
        : m_view(view)
        , m_model(model)
        , m_board(board)
    {
        view->viewport()->installEventFilter(this);
    }
    int paints() const { return m_paints; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (m_inside || event->type() != QEvent::Paint)
            return false;
        const QRegion region = static_cast<QPaintEvent *>(event)->region();
        m_inside = true;
        QCoreApplication::sendEvent(watched, event); // the paint itself
        m_inside = false;
        const qint64 end = nowNs();
        ++m_paints;
        // Asked after the paint: a page the model had let go of is read again by the paint,
        // and only then does the model know the row (what was painted is what it now holds).
        QMutexLocker lock(&m_board->mutex);
        for (Marker &m : m_board->markers)
            if (!m.paintedNs && shows(m, region))
                m.paintedNs = end;
        return true;
    }

private:
    bool shows(const Marker &m, const QRegion &region) const
    {
        const int row = m_model->rowOfLid(m.lid);
        if (row < 0)
            return false;
        const QModelIndex index = m_model->index(row, ContactsModel::Name);
        return index.data().toString() == m.name && region.intersects(m_view->visualRect(index));
    }

    QTableView *m_view;
    ContactsModel *m_model;
    MarkerBoard *m_board;
    bool m_inside = false;
    int m_paints = 0;
};

// The local apps: WebSocket clients on a thread of their own, stamping each frame's id.
class LocalClients : public QObject
{
public:
    struct Delivery {
        QString id;
        qint64 atNs;
    };
    explicit LocalClients(QStringList urls)
        : m_urls(std::move(urls))
    {
    }
    void open()
    {
        for (const QString &url : std::as_const(m_urls)) {
            auto *ws = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
            connect(ws, &QWebSocket::connected, this, [this] { ++m_connected; });
            connect(ws, &QWebSocket::disconnected, this, [this] { ++m_disconnected; });
            connect(ws, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
                const qint64 at = nowNs();
                // The envelope's id, without parsing the whole frame on the clock.
                const qsizetype k = text.indexOf(QLatin1String("\"id\":\""));
                if (k < 0)
                    return;
                const qsizetype end = text.indexOf(u'"', k + 6);
                QMutexLocker lock(&m_mutex);
                m_deliveries.push_back({text.mid(k + 6, end - k - 6), at});
            });
            ws->open(QUrl(url));
        }
    }
    void close()
    {
        for (QWebSocket *ws : findChildren<QWebSocket *>())
            ws->close();
    }
    int connected() const { return m_connected; }
    int disconnected() const { return m_disconnected; }
    std::vector<Delivery> take()
    {
        QMutexLocker lock(&m_mutex);
        return std::move(m_deliveries);
    }

private:
    const QStringList m_urls;
    QAtomicInt m_connected = 0;
    QAtomicInt m_disconnected = 0;
    QMutex m_mutex;
    std::vector<Delivery> m_deliveries;
};

// Runs `f` on `obj`'s thread and waits for it.
void runOn(QObject *obj, std::function<void()> f)
{
    QMetaObject::invokeMethod(obj, std::move(f), Qt::BlockingQueuedConnection);
}

Args parseArgs(const QApplication &app)
{
    QCommandLineParser p;
    p.addHelpOption();
    p.addOptions(
        {{QStringLiteral("seconds"), QStringLiteral("Stream length (60)."), QStringLiteral("S")},
         {QStringLiteral("idle-seconds"), QStringLiteral("Idle CPU window (60)."),
          QStringLiteral("S")},
         {QStringLiteral("rate"), QStringLiteral("Events a second (1000)."), QStringLiteral("R")},
         {QStringLiteral("contacts"), QStringLiteral("Contacts (100000)."), QStringLiteral("N")},
         {QStringLiteral("marker-ms"), QStringLiteral("Marker interval (200)."),
          QStringLiteral("MS")}});
    p.process(app);
    Args a;
    auto num = [&](const char *name, auto *target) {
        if (p.isSet(QLatin1String(name)))
            *target = decltype(*target + 0)(p.value(QLatin1String(name)).toDouble());
    };
    num("seconds", &a.seconds);
    num("idle-seconds", &a.idleSeconds);
    num("rate", &a.rate);
    num("contacts", &a.contacts);
    num("marker-ms", &a.markerMs);
    a.markerMs = std::max(a.markerMs, 20);
    return a;
}

// The simulator's counter of streamed random events.
qint64 streamed(const SimulatorProcess &sim)
{
    return qint64(sim.control("GET", QStringLiteral("/_sim/realtime"))
                      .value(QLatin1String("streamed"))
                      .toDouble());
}

QString storedEventId(const QString &path)
{
    QString error;
    std::unique_ptr<CacheDatabase> db = CacheDatabase::open(path, CacheDatabase::Mode::Read,
                                                            &error);
    return db ? CacheMeta::value(*db, CacheMeta::kLiveLastEventId, &error).value_or(QString())
              : QString();
}

// The whole run, phase by phase; the objects live as long as the run.
class LiveBench
{
public:
    explicit LiveBench(const Args &args)
        : m_args(args)
    {
    }
    bool setUp();
    void idleCpu();
    bool openLocalClients();
    void stream();
    void lostEvents();
    void tearDown();

private:
    bool signIn();
    QStringList ticketUrls();
    void pickMarkerContacts(QStringList *lids, QStringList *names) const;
    void reportEventToView(qint64 endNs);
    void reportFanout();

    const Args m_args;
    QTemporaryDir m_dir;
    SimulatorProcess m_sim;
    QString m_session;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<SignInController> m_signIn;
    std::unique_ptr<Console> m_console;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<WindowFrontEnd> m_frontEnd;
    ProfileServices *m_services = nullptr;
    int m_synced = 0;
    MarkerBoard m_board;
    std::unique_ptr<PaintWatch> m_watch;
    QThread m_posterThread;
    MarkerPoster *m_poster = nullptr;
    QThread m_clientThread;
    LocalClients *m_clients = nullptr;
    QHash<QString, qint64> m_receivedAt; // event id -> LiveService::eventReceived, GUI thread
    qint64 m_received = 0, m_applied = 0, m_ignored = 0;
    QString m_lastApplied; // LiveChanges::lastEventId of the last batch
    qint64 m_streamedBefore = 0, m_streamedAfter = 0;
    qint64 m_streamStartNs = 0;
};

bool LiveBench::setUp()
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    QElapsedTimer t;
    t.start();
    if (!m_sim.start({QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--sessions"),
                      QStringLiteral("1"), QStringLiteral("--foreign-sessions"),
                      QStringLiteral("0"), QStringLiteral("--contacts"),
                      QString::number(m_args.contacts), QStringLiteral("--groups"),
                      QStringLiteral("1000"), QStringLiteral("--members"), QStringLiteral("50000"),
                      QStringLiteral("--api-key"),
                      QStringLiteral("wa_demo=read,send,manage,events")})) {
        std::fprintf(stderr, "the simulator did not start: %s\n", qPrintable(m_sim.errorString()));
        return false;
    }
    m_session = m_sim.primarySessions().first().id;
    if (!signIn())
        return false;
    // Sorted by LID, a rename leaves its row where it is: every marker stays on screen while
    // the stream renames rows around it. The refresh reads and compares the same pages.
    ContactsModel *model = m_window->contactsPane()->model();
    model->sort(ContactsModel::Lid, Qt::AscendingOrder);
    if (!waitFor([&] { return model->rowCount() >= 100; }))
        return false;
    m_window->contactsPane()->view()->repaint();
    std::fprintf(stderr, "signed in, synced and live in %.1f s\n", t.elapsed() / 1000.0);
    return true;
}

bool LiveBench::signIn()
{
    m_store = std::make_unique<ProfileStore>(m_dir.filePath(QStringLiteral("profiles.ini")));
    m_signIn = std::make_unique<SignInController>(m_store.get());
    Console::Options o;
    o.services.databasePath = m_dir.filePath(QStringLiteral("cache.sqlite"));
    o.services.localApiPort = 0;
    o.services.discoveryFilePath = m_dir.filePath(QStringLiteral("local-api.json"));
    o.services.syncIntervalMs = 0;
    m_console = std::make_unique<Console>(o, m_signIn.get());
    m_window = std::make_unique<MainWindow>();
    m_frontEnd = std::make_unique<WindowFrontEnd>(m_console.get(), m_window.get());
    m_window->resize(1440, 860);
    m_window->show();
    QObject::connect(m_console.get(), &Console::profileOpened, [this](ProfileServices *s) {
        m_services = s;
        QObject::connect(s, &ProfileServices::syncFinished, [this](const SyncOutcome &o) {
            ++m_synced;
            std::fprintf(stderr, "sync of %s: status %d, %lld contacts, %lld groups%s%s\n",
                         qPrintable(o.sessionId), int(o.status), o.contacts, o.groups,
                         o.message.isEmpty() ? "" : ": ", qPrintable(o.message));
        });
    });
    GatewayProfile p;
    p.name = QStringLiteral("bench-live");
    p.baseUrl = m_sim.url();
    p.tokenKind = TokenKind::ApiKey;
    std::optional<SignInOutcome> outcome;
    m_signIn->signIn(p, QStringLiteral("wa_demo"), m_console.get(),
                     [&](const SignInOutcome &r) { outcome = r; });
    if (!waitFor([&] { return outcome.has_value(); }) || !outcome->ok) {
        std::fprintf(stderr, "sign-in failed: %s\n",
                     outcome ? qPrintable(outcome->problem) : "timed out");
        return false;
    }
    const bool ready = waitFor(
        [&] {
            return m_services && m_synced >= 1 && !m_services->sync()->isRunning()
                && m_services->live() && m_services->live()->isLive()
                && m_services->localApi()->isListening();
        },
        600000);
    if (!ready) {
        std::fprintf(stderr, "the first sync or the live feed did not come\n");
        return false;
    }
    if (m_window->sessionsPane()->currentSession().isEmpty())
        m_window->sessionsPane()->selectSession(m_session);
    return true;
}

void LiveBench::idleCpu()
{
    spin(3000); // what the sync left behind (counts, the first refreshes) settles
    QElapsedTimer wall;
    wall.start();
    const double cpu0 = cpuSeconds();
    spin(m_args.idleSeconds * 1000);
    const double cpu = cpuSeconds() - cpu0;
    bench("live.idle_cpu_pct", 100.0 * cpu / (wall.nsecsElapsed() / 1e9), "%");
}

QStringList LiveBench::ticketUrls()
{
    const quint16 port = quint16(m_services->localApi()->url().port());
    const QByteArray token = m_services->localApi()->token();
    QStringList urls;
    for (int i = 0; i < kLocalClients; ++i) {
        const HttpReply r = roundTrip(port,
                                      httpRequest("POST", "/api/v1/realtime/ticket", port, token,
                                                  {"Content-Type: application/json"}, "{}"));
        if (r.status != 201) {
            std::fprintf(stderr, "ticket refused: %d %s\n", r.status, r.body.constData());
            return {};
        }
        urls << r.json().value(QStringLiteral("url")).toString();
    }
    return urls;
}

bool LiveBench::openLocalClients()
{
    const QStringList urls = ticketUrls();
    if (urls.size() != kLocalClients)
        return false;
    m_clients = new LocalClients(urls);
    m_clients->moveToThread(&m_clientThread);
    m_clientThread.start();
    runOn(m_clients, [this] { m_clients->open(); });
    if (!waitFor([&] { return m_clients->connected() == kLocalClients; }, 30000)) {
        std::fprintf(stderr, "only %d of %d local clients connected\n", m_clients->connected(),
                     kLocalClients);
        return false;
    }
    LiveService *live = m_services->live();
    // Connected after ProfileServices' own handler, which publishes to the local broadcast.
    QObject::connect(live, &LiveService::eventReceived, [this](const LiveEvent &e) {
        ++m_received;
        m_receivedAt.insert(e.id, nowNs());
    });
    QObject::connect(live, &LiveService::changesApplied, [this](const LiveChanges &c) {
        m_applied += c.applied;
        m_ignored += c.ignored;
        m_lastApplied = c.lastEventId;
    });
    return true;
}

void LiveBench::pickMarkerContacts(QStringList *lids, QStringList *names) const
{
    QTableView *view = m_window->contactsPane()->view();
    ContactsModel *model = m_window->contactsPane()->model();
    const int first = std::max(0, view->rowAt(0));
    int last = view->rowAt(view->viewport()->height() - 1);
    last = last < 0 ? model->rowCount() - 1 : last;
    for (int row = first; row <= last && lids->size() < kMarkerContacts; ++row) {
        const std::optional<CachedContact> c = model->contactAt(row);
        if (!c || c->contact.name.value_or(QString()).isEmpty())
            continue;
        *lids << c->contact.lid;
        *names << *c->contact.name;
    }
    std::fprintf(stderr, "markers rename %lld of the rows %d..%d on screen\n", qint64(lids->size()),
                 first, last);
}

void LiveBench::stream()
{
    QStringList lids, names;
    pickMarkerContacts(&lids, &names);
    QTableView *view = m_window->contactsPane()->view();
    m_watch = std::make_unique<PaintWatch>(view, m_window->contactsPane()->model(), &m_board);
    m_poster = new MarkerPoster(&m_board, m_sim.url(), m_session, lids, names, m_args.markerMs);
    m_poster->moveToThread(&m_posterThread);
    m_posterThread.start();

    m_streamedBefore = streamed(m_sim);
    m_sim.setEventRate(m_args.rate);
    runOn(m_poster, [this] { m_poster->start(); });
    m_streamStartNs = nowNs();
    QElapsedTimer t;
    t.start();
    const int paints0 = m_watch->paints();
    for (int s = 10; s < m_args.seconds; s += 10) {
        spin(int(s * 1000 - t.elapsed()));
        std::fprintf(stderr, "  %d s: %lld events received, %lld applied, %lld ignored\n", s,
                     m_received, m_applied, m_ignored);
    }
    spin(int(m_args.seconds * 1000 - t.elapsed()));
    runOn(m_poster, [this] { m_poster->stop(); });
    // The last markers are painted while the loop still spins: the control calls below
    // block this thread, and their wait is not the console's.
    spin(1000);
    m_sim.setEventRate(0);
    m_streamedAfter = streamed(m_sim);
    std::fprintf(stderr, "stream: %lld events sent in %.1f s, %d viewport paints\n",
                 m_streamedAfter - m_streamedBefore, t.elapsed() / 1000.0,
                 m_watch->paints() - paints0);
}

void LiveBench::reportEventToView(qint64 endNs)
{
    std::vector<double> ms;
    int unresolved = 0;
    QMutexLocker lock(&m_board.mutex);
    for (const Marker &m : m_board.markers) {
        // Not seen by the end (or renamed again first): counted with the time until the end,
        // which understates it, and said below.
        unresolved += !m.paintedNs;
        if (!m.paintedNs) {
            ContactsModel *model = m_window->contactsPane()->model();
            const int row = model->rowOfLid(m.lid);
            std::fprintf(stderr, "  unseen: '%s' sent %.0f ms before the end, row %d shows '%s'\n",
                         qPrintable(m.name), (endNs - m.sentNs) / 1e6, row,
                         qPrintable(model->index(row, ContactsModel::Name).data().toString()));
        }
        ms.push_back(((m.paintedNs ? m.paintedNs : endNs) - m.sentNs) / 1e6);
        if (ms.back() > 200)
            std::fprintf(stderr, "  slow marker '%s' at %.1f s: %.0f ms\n", qPrintable(m.name),
                         (m.sentNs - m_streamStartNs) / 1e9, ms.back());
    }
    std::fprintf(stderr, "%lld markers, %d never seen repainted, worst %.1f ms\n",
                 qint64(ms.size()), unresolved, percentile(ms, 1.0));
    bench("live.event_to_view_p50_ms", percentile(ms, 0.5), "ms");
    bench("live.event_to_view_p99_ms", percentile(ms, 0.99), "ms");
    bench("live.markers_unseen", unresolved, "count");
}

void LiveBench::reportFanout()
{
    const int dropped = m_clients->disconnected();
    runOn(m_clients, [this] { m_clients->close(); });
    std::vector<double> ms, worst;
    qint64 early = 0;
    for (const LocalClients::Delivery &d : m_clients->take()) {
        const auto it = m_receivedAt.constFind(d.id);
        if (it == m_receivedAt.constEnd())
            continue; // the console's own envelopes (console.sync)
        early += d.atNs < it.value();
        ms.push_back(std::max<qint64>(0, d.atNs - it.value()) / 1e6);
        // When the slow ones happened: the worst delivery of each second of the stream.
        const size_t second = size_t(std::max<qint64>(0, it.value() - m_streamStartNs)
                                     / 1000000000);
        worst.resize(std::max(worst.size(), second + 1));
        worst[second] = std::max(worst[second], ms.back());
    }
    QString timeline;
    for (size_t i = 0; i < worst.size(); ++i)
        if (worst[i] > 50)
            timeline += QStringLiteral(" %1s:%2ms").arg(i).arg(qRound(worst[i]));
    if (!timeline.isEmpty())
        std::fprintf(stderr, "fan-out over 50 ms in the seconds:%s\n", qPrintable(timeline));
    const qint64 expected = qint64(m_receivedAt.size()) * kLocalClients;
    std::fprintf(stderr,
                 "fan-out: %lld deliveries of %lld expected (%lld events x %d clients), %lld "
                 "stamped before the event's own stamp, %d clients disconnected, worst %.1f ms\n",
                 qint64(ms.size()), expected, qint64(m_receivedAt.size()), kLocalClients, early,
                 dropped, percentile(ms, 1.0));
    bench("live.local_fanout_p50_ms", percentile(ms, 0.5), "ms");
    bench("live.local_fanout_p99_ms", percentile(ms, 0.99), "ms");
    bench("live.local_fanout_missing", double(expected - qint64(ms.size())), "count");
}

void LiveBench::lostEvents()
{
    const QString last = m_sim.postEvent(
        m_session, QStringLiteral("group.update"),
        {{"groupJid",
          LiveDataView::ofCache(m_services->databasePath(), m_session).subjects.firstKey()},
         {"subject", QStringLiteral("end of the stream")}});
    const QString path = m_services->databasePath();
    // The batch that applies it commits its id as the resume point: then read it back once.
    if (last.isEmpty() || !waitFor([&] { return m_lastApplied == last; }, 600000)
        || storedEventId(path) != last) {
        std::fprintf(stderr, "the last marker never reached the cache\n");
        bench("live.lost_events", -1, "count");
        return;
    }
    const qint64 endNs = nowNs();
    spin(500); // the last refresh and paint
    reportEventToView(endNs);
    reportFanout();
    // Resyncs asked for by events (phone JIDs the cache cannot map) finish before comparing.
    waitFor([&] {
        if (m_services->sync()->isRunning())
            return false;
        spin(500);
        return !m_services->sync()->isRunning();
    });
    qint64 markers = 0;
    {
        QMutexLocker lock(&m_board.mutex);
        markers = qint64(m_board.markers.size()) + 1;
    }
    std::fprintf(stderr,
                 "events: %lld sent (%lld streamed + %lld markers), %lld received, %lld applied "
                 "+ %lld ignored = %lld; %d marker POSTs failed\n",
                 m_streamedAfter - m_streamedBefore + markers, m_streamedAfter - m_streamedBefore,
                 markers, m_received, m_applied, m_ignored, m_applied + m_ignored,
                 m_poster->failures());
    const LiveDataView ours = LiveDataView::ofCache(path, m_session);
    const LiveDataView theirs = LiveDataView::ofGateway(m_sim, m_session);
    if (!ours.error.isEmpty() || !theirs.error.isEmpty())
        std::fprintf(stderr, "cannot compare: %s\n", qPrintable(ours.firstDifference(theirs)));
    std::fprintf(stderr, "compared %lld contacts, %lld groups, %lld memberships\n",
                 qint64(theirs.names.size()), qint64(theirs.subjects.size()),
                 qint64(theirs.roles.size()));
    bench("live.lost_events", theirs.differences(ours), "count");
}

void LiveBench::tearDown()
{
    m_watch.reset();
    if (m_poster) {
        runOn(m_poster, [this] { delete m_poster; });
        m_posterThread.quit();
        m_posterThread.wait();
    }
    if (m_clients) {
        runOn(m_clients, [this] { delete m_clients; });
        m_clientThread.quit();
        m_clientThread.wait();
    }
    m_frontEnd.reset();
    m_window.reset();
    m_console.reset();
    m_sim.stop();
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("gc-bench-live"));
    const Args args = parseArgs(app);
    LiveBench b(args);
    if (!b.setUp())
        return 1;
    b.idleCpu();
    if (!b.openLocalClients())
        return 1;
    b.stream();
    b.lostEvents();
    b.tearDown();
    return 0;
}
