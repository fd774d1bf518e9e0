#include "localapi/LocalApiErrors.h"

HttpResponse LocalApiErrors::error(int status, QLatin1String code, const QString &message,
                                   const QJsonObject &details)
{
    QJsonObject error{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!details.isEmpty())
        error.insert(QStringLiteral("details"), details);
    return HttpResponse::json(QJsonObject{{QStringLiteral("error"), error}}, status);
}

HttpResponse LocalApiErrors::error(int status, const QString &message)
{
    return error(status, codeForStatus(status), message);
}

QLatin1String LocalApiErrors::codeForStatus(int status)
{
    switch (status) {
    case 401:
        return QLatin1String("unauthorized");
    case 403:
        return QLatin1String("forbidden");
    case 404:
        return QLatin1String("not_found");
    case 409:
        return QLatin1String("conflict");
    case 429:
        return QLatin1String("rate_limited");
    case 501:
        return QLatin1String("not_implemented");
    case 502:
    case 503:
    case 504:
        return QLatin1String("gateway_unavailable");
    case 505:
        return QLatin1String("validation_error"); // the client's HTTP version
    default:
        return status >= 400 && status < 500 ? QLatin1String("validation_error")
                                             : QLatin1String("internal");
    }
}
