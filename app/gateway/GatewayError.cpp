#include "gateway/GatewayError.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {
// The translation context of this file's messages, in a form lupdate reads.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(GatewayError)
};
} // namespace

bool GatewayError::isTransient() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
        return true;
    case Kind::Api:
        return httpStatus == 429 || httpStatus == 503 || code == QLatin1String("rate_limited")
            || code == QLatin1String("gateway_unavailable");
    default:
        return false;
    }
}

GatewayError GatewayError::make(Kind kind, const QString &message)
{
    GatewayError e;
    e.kind = kind;
    e.message = message;
    return e;
}

QString toString(GatewayError::Kind kind)
{
    switch (kind) {
    case GatewayError::Kind::None:
        return QStringLiteral("none");
    case GatewayError::Kind::Api:
        return QStringLiteral("api");
    case GatewayError::Kind::Network:
        return QStringLiteral("network");
    case GatewayError::Kind::Timeout:
        return QStringLiteral("timeout");
    case GatewayError::Kind::InvalidResponse:
        return QStringLiteral("invalid_response");
    case GatewayError::Kind::ResponseTooLarge:
        return QStringLiteral("response_too_large");
    case GatewayError::Kind::Tls:
        return QStringLiteral("tls");
    case GatewayError::Kind::RedirectRefused:
        return QStringLiteral("redirect_refused");
    case GatewayError::Kind::InvalidArgument:
        return QStringLiteral("invalid_argument");
    case GatewayError::Kind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

QString GatewayError::fieldErrors() const
{
    // The gateway's validation answers say only "validation failed"; the reasons, one string
    // per field ("invalid integer (query.limit: abc)"), are in details.errors.
    QStringList reasons;
    for (const QJsonValue &e : details.value(QLatin1String("errors")).toArray())
        if (e.isString())
            reasons << e.toString();
    return reasons.isEmpty() ? QString()
                             : QStringLiteral(": ") + reasons.join(QStringLiteral("; "));
}

QString GatewayError::describe() const
{
    QString text;
    switch (kind) {
    case Kind::None:
        return QString();
    case Kind::Api:
        if (code == QLatin1String("unauthorized"))
            text = Text::tr("The gateway rejected the token; sign in again.");
        else if (code == QLatin1String("forbidden"))
            text = Text::tr("This token is not allowed to do that.");
        else if (code == QLatin1String("not_found"))
            text = Text::tr("Not found (or it belongs to another organization).");
        else if (code == QLatin1String("not_implemented"))
            text = Text::tr("The session is not connected to WhatsApp.");
        else if (code == QLatin1String("rate_limited"))
            text = Text::tr("The gateway is rate limiting requests; try again shortly.");
        else if (code == QLatin1String("gateway_unavailable"))
            text = Text::tr("The gateway is unavailable; try again shortly.");
        else if (code == QLatin1String("validation_error"))
            text = Text::tr("The gateway refused the request as invalid.");
        else
            text = Text::tr("The gateway reported an error.");
        if (!message.isEmpty())
            text += QStringLiteral(" (") + message + fieldErrors() + QLatin1Char(')');
        break;
    case Kind::Network:
        text = Text::tr("The gateway cannot be reached: ") + message;
        break;
    case Kind::Timeout:
        text = Text::tr("The gateway did not answer in time.");
        break;
    case Kind::InvalidResponse:
        text = Text::tr("The gateway sent an answer that could not be read: ") + message;
        break;
    case Kind::ResponseTooLarge:
        text = Text::tr("The gateway's answer was larger than allowed.");
        break;
    case Kind::Tls:
        text = Text::tr("The secure connection to the gateway failed: ") + message;
        break;
    case Kind::RedirectRefused:
        text = Text::tr("The gateway redirected to another address; the request was stopped so the "
                        "token is not sent there.");
        break;
    case Kind::InvalidArgument:
        text = message;
        break;
    case Kind::Cancelled:
        text = Text::tr("Cancelled.");
        break;
    }
    if (outcomeUnknown)
        text += QLatin1Char(' ')
            + Text::tr("It may or may not have taken effect; repeating it is safe.");
    if (!requestId.isEmpty())
        text += QStringLiteral(" [") + requestId + QLatin1Char(']');
    return text;
}
