// A local API server with one small JSON route, for load tools:
//   localapi-load-server [PORT]   prints the URL and a fresh token, then serves until killed.
//   wrk -t1 -c32 -d10s -H "Authorization: Bearer <token>" <url>/api/v1/sessions/s1/contacts/1%40lid
#include "localapi/LocalApiServerThread.h"
#include "localapi/LocalApiToken.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    auto router = std::make_shared<LocalApiRouter>();
    const QByteArray contact =
        QJsonDocument(QJsonObject{
                          {QStringLiteral("lid"), QStringLiteral("205227043110953@lid")},
                          {QStringLiteral("name"), QStringLiteral("Ada Lovelace")},
                          {QStringLiteral("phoneNumber"), QJsonValue::Null},
                          {QStringLiteral("source"), QStringLiteral("dm")},
                      })
            .toJson(QJsonDocument::Compact);
    router->get(QStringLiteral("/api/v1/sessions/{session}/contacts/{lid}"),
                [contact](const HttpRequest &) { return HttpResponse::rawJson(contact); });

    LocalApiConfig config;
    config.port = app.arguments().size() > 1 ? quint16(app.arguments().at(1).toUInt()) : 0;
    config.token = LocalApiToken::generate();
    config.writeDiscoveryFile = false;
    LocalApiServerThread server;
    QObject::connect(&server, &LocalApiServerThread::listening, [&config](const QUrl &url) {
        std::printf("%s\n%s\n", qPrintable(url.toString()), config.token.constData());
        std::fflush(stdout);
    });
    QObject::connect(&server, &LocalApiServerThread::failed, [](const QString &reason) {
        std::fprintf(stderr, "%s\n", qPrintable(reason));
        QCoreApplication::exit(1);
    });
    server.start(config, router);
    return app.exec();
}
