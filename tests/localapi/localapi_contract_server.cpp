// Not a test by itself: starts the simulator, syncs it into a temporary cache, serves that
// cache with the local API on 127.0.0.1:0 and prints, one per line:
//   listening on http://127.0.0.1:PORT
//   token gcl_...
//   ready
// then serves until SIGTERM/SIGINT (the simulator is stopped on the way out).
// contract_localapi.sh walks it with the shared contract checker.
#include "LocalApiFixture.h"
#include "SimulatorProcess.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTemporaryDir>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {
int g_fds[2] = {-1, -1};
void onSignal(int)
{
    const char b = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_fds[0], &b, 1);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_fds) != 0)
        return 1;
    QSocketNotifier notifier(g_fds[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, [] { QCoreApplication::quit(); });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGTERM, &sa, nullptr);
    ::sigaction(SIGINT, &sa, nullptr);

    SimulatorProcess sim;
    if (!sim.start({QStringLiteral("--seed"), QStringLiteral("1"), QStringLiteral("--contacts"),
                    QStringLiteral("2000"), QStringLiteral("--groups"), QStringLiteral("60"),
                    QStringLiteral("--members"), QStringLiteral("6000"),
                    QStringLiteral("--sessions"), QStringLiteral("2")})) {
        std::fprintf(stderr, "%s\n", qPrintable(sim.errorString()));
        return 1;
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    QString error;
    if (!LocalApiFixture::syncSimulator(sim, QStringLiteral("wa_demo"), path, false, &error)) {
        std::fprintf(stderr, "sync failed: %s\n", qPrintable(error));
        return 1;
    }
    LocalApiUnderTest api;
    LocalApiUnderTest::Setup setup;
    setup.databasePath = path;
    setup.gatewayUrl = sim.url();
    setup.gatewayToken = QStringLiteral("wa_demo");
    if (!api.start(setup, &error)) {
        std::fprintf(stderr, "local API failed: %s\n", qPrintable(error));
        return 1;
    }
    // The token is printed because this helper exists to hand it to the contract checker.
    std::printf("listening on %s\ntoken %s\nready\n", qPrintable(api.url().toString()),
                api.token().constData());
    std::fflush(stdout);
    const int rc = app.exec();
    api.stop();
    sim.stop();
    return rc;
}
