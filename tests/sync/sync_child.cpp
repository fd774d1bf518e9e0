// A syncing process for tst_synccrash to kill at random points:
//   sync_child DB_PATH GATEWAY_URL SESSION   (exit 0 when the sync completed)
#include "cache/CacheDatabase.h"
#include "gateway/GatewayClient.h"
#include "sync/SyncEngine.h"

#include <QCoreApplication>
#include <QUrl>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4)
        return 2;
    QString error;
    auto db = CacheDatabase::open(args.at(1), CacheDatabase::Mode::ReadWrite, &error);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    GatewayClient client;
    client.setEndpoint(QUrl(args.at(2)), QStringLiteral("wa_demo"));
    SyncEngine engine(&client, db->path());
    int code = 1;
    QObject::connect(&engine, &SyncEngine::progress, [](const SyncProgress &p) {
        std::printf("%s %lld\n", qPrintable(p.phase), p.done);
        std::fflush(stdout);
    });
    QObject::connect(&engine, &SyncEngine::finished, [&code](const SyncOutcome &o) {
        code = o.ok() ? 0 : 1;
        QCoreApplication::quit();
    });
    engine.start(args.at(3));
    app.exec();
    return code;
}
