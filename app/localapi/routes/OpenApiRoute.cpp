#include "localapi/routes/OpenApiRoute.h"

#include "localapi/LocalApiErrors.h"
#include "localapi/LocalApiRouter.h"

#include <QFile>

QByteArray OpenApiRoute::document()
{
    QFile file(QStringLiteral(":/localapi/openapi.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void OpenApiRoute::add(LocalApiRouter &router)
{
    const QByteArray doc = document();
    router.get(
        QStringLiteral("/api/v1/openapi.json"),
        [doc](const HttpRequest &) {
            if (doc.isEmpty())
                return LocalApiErrors::error(500, QLatin1String("internal"),
                                             QStringLiteral("the description is missing"));
            return HttpResponse::rawJson(doc);
        },
        LocalApiRouter::Access::Public);
}
