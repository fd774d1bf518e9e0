#include "SimOptions.h"

#include "Auth.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>

#include <limits>
#include <utility>

namespace sim {

namespace {

struct Opt {
    const char *name;
    const char *value; // nullptr: a flag
    const char *help;
};

const Opt kOptions[] = {
    {"port", "N", "TCP port on 127.0.0.1; 0 picks a free one (default 0)."},
    {"seed", "N", "Seed of the generated data and of fault choices (default 1)."},
    {"sessions", "N", "Sessions of the primary org (default 2)."},
    {"foreign-sessions", "N",
     "Small sessions of a second, foreign org: 50 contacts, 3 groups (default 1)."},
    {"contacts", "N",
     "Contacts of the primary org in total, split across its sessions (default 500)."},
    {"groups", "N", "Groups of the primary org in total (default 20)."},
    {"members", "N", "Group memberships of the primary org in total (default 1500)."},
    {"disconnected", "K",
     "The last K primary sessions are not working: stopped, scan_qr_code, "
     "logged_out, failed, starting, in turn (default 0)."},
    {"api-key", "KEY=CAPS[@foreign]",
     "An api-key with comma-separated capabilities out of read, send, "
     "manage, events; @foreign puts it in the foreign org. Repeatable. "
     "Without any, wa_demo=read,send,manage,events is created."},
    {"jwt-secret", "S", "HS256 secret the demo JWTs are signed with and verified against."},
    {"jwt-issuer", "URL", "iss and aud of the JWTs (default http://127.0.0.1:3000, the frontend)."},
    {"latency-ms", "N", "Delay every API answer by N ms (asynchronously; default 0)."},
    {"error-rate", "P",
     "Share 0..1 of API requests answered 500 internal / 503 gateway_unavailable."},
    {"error-status", "500|503|mixed", "Which status --error-rate injects (default mixed)."},
    {"rate-limit-every", "K",
     "After every K requests to a session (or org), the next --rate-limit-burst get 429."},
    {"rate-limit-burst", "N", "Length of each 429 burst (default 0: off)."},
    {"retry-after", "S",
     "Add Retry-After: S to 429 answers (default 0: no header, like the gateway)."},
    {"malformed-rate", "P", "Share 0..1 of API answers whose body is not JSON."},
    {"truncate-rate", "P",
     "Share 0..1 of API answers cut in half (Content-Length stays full) and closed."},
    {"drop-rate", "P", "Share 0..1 of API requests whose connection is closed without an answer."},
    {"redirect-to", "URL", "Answer every API request with 307 to URL + the same path and query."},
    {"heartbeat-seconds", "N",
     "Realtime: a ping frame every N seconds on each WebSocket (1..3600, default 20)."},
    {"ticket-seconds", "N",
     "Realtime: lifetime of a ticket from POST /api/v1/realtime/ticket (1..3600, default 30)."},
    {"events-per-second", "R",
     "Realtime: apply and publish R random changes a second (contact renames, group subject and "
     "mode changes, joins, leaves, promotions; seeded by --seed; default 0: none). "
     "PUT /_sim/realtime/stream {\"eventsPerSecond\":R} changes it at run time."},
    {"no-realtime-heartbeats", nullptr,
     "Realtime: send no ping frames, connections stay open (fault realtimeHeartbeats: false)."},
    {"explicit-nulls", nullptr,
     "Write null for unknown optional fields instead of leaving them out "
     "(the published schemas then no longer validate: by design)."},
};

bool toCount(const QString &text, qint64 max, qint64 *out)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < 0 || v > max)
        return false;
    *out = v;
    return true;
}

bool parseRealtime(const QCommandLineParser &p, RealtimeOptions *out, QString *error)
{
    for (const auto &[name, target] :
         {std::pair<const char *, int *>{"heartbeat-seconds", &out->heartbeatSeconds},
          {"ticket-seconds", &out->ticketSeconds}}) {
        const QString flag = QString::fromLatin1(name);
        qint64 v = 0;
        if (!p.isSet(flag))
            continue;
        if (!toCount(p.value(flag), 3600, &v) || v < 1) {
            *error = QStringLiteral("--%1 wants an integer in 1..3600").arg(flag);
            return false;
        }
        *target = int(v);
    }
    if (p.isSet(QStringLiteral("events-per-second"))) {
        bool ok = false;
        out->eventsPerSecond = p.value(QStringLiteral("events-per-second")).toDouble(&ok);
        if (!ok || out->eventsPerSecond < 0 || out->eventsPerSecond > 10000) {
            *error = QStringLiteral("--events-per-second wants a number in 0..10000");
            return false;
        }
    }
    return true;
}

} // namespace

bool parseOptions(const QCoreApplication &app, SimOptions *out, QString *error)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "gateway-sim: a local HTTP server that follows the WhatsApp gateway's published contract\n"
        "(/api/v1/sessions...). It prints its URL, orgs, sessions, api-keys and demo JWTs on "
        "stdout,\n"
        "then \"ready\". Test control (no auth): GET|PUT|DELETE /_sim/faults, GET|DELETE "
        "/_sim/stats,\n"
        "PUT /_sim/sessions/{id}/status, GET /_sim/sessions/{id}/blocked, POST "
        "/_sim/sessions/{id}/mutate.\n"
        "Realtime (the router's WebSocket): POST /api/v1/realtime/ticket (events capability), "
        "then\n"
        "GET /api/v1/realtime?ticket=... upgrades (401 before the upgrade for a missing, used "
        "or expired\n"
        "ticket). Control: POST /_sim/events {\"session\",\"event\",\"payload\"} applies "
        "contact.update,\n"
        "group.update, group.participant or session.status to the data and publishes it, "
        "answering\n"
        "{\"id\"}; POST /_sim/realtime/drop [{\"abort\":true}] closes every realtime "
        "connection;\n"
        "GET /_sim/realtime counts connections, tickets and logged events."));
    p.addHelpOption();
    for (const Opt &o : kOptions) {
        if (o.value)
            p.addOption({QString::fromLatin1(o.name), QString::fromLatin1(o.help),
                         QString::fromLatin1(o.value)});
        else
            p.addOption({QString::fromLatin1(o.name), QString::fromLatin1(o.help)});
    }
    p.process(app);
    if (!p.positionalArguments().isEmpty()) {
        *error = QStringLiteral("unexpected argument %1").arg(p.positionalArguments().first());
        return false;
    }

    auto count = [&](const char *name, qint64 max, qint64 *target) {
        const QString n = QString::fromLatin1(name);
        if (!p.isSet(n))
            return true;
        qint64 v = 0;
        if (!toCount(p.value(n), max, &v)) {
            *error = QStringLiteral("--%1 wants an integer in 0..%2").arg(n).arg(max);
            return false;
        }
        *target = v;
        return true;
    };
    qint64 port = 0;
    GenParams &g = out->gen;
    qint64 seed = 1, sessions = g.sessions, foreign = g.foreignSessions, disconnected = 0;
    if (!count("port", 65535, &port) || !count("seed", std::numeric_limits<qint64>::max(), &seed)
        || !count("sessions", 1000, &sessions) || !count("foreign-sessions", 100, &foreign)
        || !count("disconnected", 1000, &disconnected) || !count("contacts", 50000000, &g.contacts)
        || !count("groups", 1000000, &g.groups) || !count("members", 100000000, &g.members))
        return false;
    if (sessions < 1 || disconnected > sessions) {
        *error = QStringLiteral(
            "--sessions must be at least 1 and --disconnected at most --sessions");
        return false;
    }
    out->port = quint16(port);
    g.seed = quint64(seed);
    g.sessions = int(sessions);
    g.foreignSessions = int(foreign);
    g.disconnected = int(disconnected);

    for (const QString &spec : p.values(QStringLiteral("api-key"))) {
        ApiKeyOption k;
        QString rest = spec;
        if (rest.endsWith(QLatin1String("@foreign"))) {
            k.foreign = true;
            rest.chop(8);
        }
        const qsizetype eq = rest.indexOf(QLatin1Char('='));
        Caps caps = 0;
        k.key = rest.left(eq);
        k.caps = rest.mid(eq + 1);
        if (eq <= 0 || !parseCaps(k.caps, &caps) || k.key.contains(QLatin1Char(' '))) {
            *error = QStringLiteral("--api-key wants KEY=CAPS[@foreign] with CAPS out of "
                                    "read,send,manage,events: %1")
                         .arg(spec);
            return false;
        }
        out->apiKeys << k;
    }
    out->jwtSecret = p.isSet(QStringLiteral("jwt-secret"))
        ? p.value(QStringLiteral("jwt-secret")).toUtf8()
        : QByteArray("gateway-sim-dev-secret-not-for-production");
    out->jwtIssuer = p.isSet(QStringLiteral("jwt-issuer"))
        ? p.value(QStringLiteral("jwt-issuer"))
        : QStringLiteral("http://127.0.0.1:3000");

    // The fault flags share their validation with PUT /_sim/faults.
    QJsonObject f;
    const char *const numeric[][2] = {{"latency-ms", "latencyMs"},
                                      {"error-rate", "errorRate"},
                                      {"rate-limit-every", "rateLimitEvery"},
                                      {"rate-limit-burst", "rateLimitBurst"},
                                      {"retry-after", "retryAfter"},
                                      {"malformed-rate", "malformedRate"},
                                      {"truncate-rate", "truncateRate"},
                                      {"drop-rate", "dropRate"}};
    for (const auto &n : numeric) {
        const QString flag = QString::fromLatin1(n[0]);
        if (!p.isSet(flag))
            continue;
        bool ok = false;
        const double v = p.value(flag).toDouble(&ok);
        if (!ok) {
            *error = QStringLiteral("--%1 wants a number").arg(flag);
            return false;
        }
        f.insert(QLatin1String(n[1]), v);
    }
    auto text = [&](const char *flag, const char *key) {
        if (p.isSet(QString::fromLatin1(flag)))
            f.insert(QLatin1String(key), p.value(QString::fromLatin1(flag)));
    };
    text("error-status", "errorStatus");
    text("redirect-to", "redirectTo");
    if (p.isSet(QStringLiteral("explicit-nulls")))
        f.insert(QLatin1String("explicitNulls"), true);
    if (p.isSet(QStringLiteral("no-realtime-heartbeats")))
        f.insert(QLatin1String("realtimeHeartbeats"), false);
    if (!parseRealtime(p, &out->realtime, error))
        return false;
    QString problem;
    if (!out->faults.merge(f, &problem)) {
        *error = problem;
        return false;
    }
    return true;
}

} // namespace sim
