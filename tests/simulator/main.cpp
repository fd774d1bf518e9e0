// gateway-sim: a local stand-in for the WhatsApp gateway, faithful to its published contract.
// Prints the stdout protocol documented in tests/support/SimulatorProcess.h.
#include "Auth.h"
#include "DataSet.h"
#include "Faults.h"
#include "Salts.h"
#include "SignalWatcher.h"
#include "SimOptions.h"
#include "SimServer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>

#include <cstdio>

using namespace sim;

namespace {

void say(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout); // the harness reads line by line while we keep running
}

QByteArray memoryFigures()
{
    QFile f(QStringLiteral("/proc/self/status"));
    QByteArray out;
    if (f.open(QIODevice::ReadOnly))
        for (const QByteArray &line : f.readAll().split('\n'))
            if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:"))
                out += line.simplified() + ' ';
    return out.trimmed();
}

void printJwts(const Auth &auth, const DataSet &data)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    auto user = [&data](int i) {
        return QStringLiteral("user_") + data.ids().ulid(kDataEpoch * 1000, salt::User, quint64(i));
    };
    const JwtClaims owner{user(0),         0, QStringLiteral("owner"), QStringLiteral("user"), now,
                          now + 30 * 86400};
    JwtClaims admin = owner, member = owner, expired = owner, foreign = owner;
    admin.sub = user(1);
    admin.orgRole = QStringLiteral("admin");
    member.sub = user(2);
    member.orgRole = QStringLiteral("member");
    expired.iat = now - 7200;
    expired.exp = now - 3600;
    foreign.sub = user(3);
    foreign.org = 1;
    const QList<QPair<const char *, QByteArray>> tokens = {
        {"owner", auth.mint(owner)},
        {"admin", auth.mint(admin)},
        {"member", auth.mint(member)},
        {"expired", auth.mint(expired)},
        {"bad-signature", auth.mint(owner, true)},
        {"foreign-owner", auth.mint(foreign)},
    };
    for (const auto &t : tokens)
        say(QStringLiteral("jwt %1 %2").arg(QLatin1String(t.first), QString::fromLatin1(t.second)));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gateway-sim"));
    SimOptions opt;
    QString error;
    if (!parseOptions(app, &opt, &error)) {
        std::fprintf(stderr, "gateway-sim: %s\n", qPrintable(error));
        return 2;
    }

    QElapsedTimer timer;
    timer.start();
    DataSet data(opt.gen);
    const qint64 generatedMs = timer.elapsed();

    QStringList orgIds;
    for (const Org &o : data.orgs)
        orgIds << o.id;
    Auth auth(opt.jwtSecret, opt.jwtIssuer, orgIds);
    if (opt.apiKeys.isEmpty())
        opt.apiKeys << ApiKeyOption{QStringLiteral("wa_demo"),
                                    QStringLiteral("read,send,manage,events"), false};
    for (const ApiKeyOption &k : opt.apiKeys) {
        Caps caps = 0;
        parseCaps(k.caps, &caps);
        auth.addApiKey({k.key, caps, k.foreign ? 1 : 0});
    }
    Faults faults(hashOf(opt.gen.seed, salt::Faults, 0));
    faults.set(opt.faults);

    SimServer server(data, auth, faults, opt.gen.seed, opt.realtime);
    const quint16 port = server.listen(QHostAddress::LocalHost, opt.port);
    if (port == 0) {
        std::fprintf(stderr, "gateway-sim: cannot listen on 127.0.0.1:%u\n", unsigned(opt.port));
        return 1;
    }
    SignalWatcher signalWatcher;

    say(QStringLiteral("listening on http://127.0.0.1:%1").arg(port));
    say(QStringLiteral("org %1 primary").arg(data.orgs[0].id));
    say(QStringLiteral("org %1 foreign").arg(data.orgs[1].id));
    for (const Session &s : data.sessions)
        say(QStringLiteral("session %1 %2 org=%3 contacts=%4 groups=%5 members=%6")
                .arg(s.id, s.status, data.orgs[s.org].id)
                .arg(s.liveContacts)
                .arg(s.groupEnd - s.groupBegin)
                .arg(s.liveMemberships));
    for (const ApiKey &k : auth.apiKeys())
        say(QStringLiteral("api-key %1 %2 org=%3")
                .arg(k.key, capsToString(k.caps), orgIds.at(k.org)));
    printJwts(auth, data);
    say(QStringLiteral("ready"));
    std::fprintf(
        stderr, "gateway-sim: %zu contacts, %zu groups, %zu memberships generated in %lld ms; %s\n",
        data.contacts.size(), data.groups.size(), data.memberships.size(),
        static_cast<long long>(generatedMs), memoryFigures().constData());
    return app.exec();
}
