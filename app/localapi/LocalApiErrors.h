#pragma once

#include "http/HttpResponse.h"

#include <QJsonObject>
#include <QLatin1String>
#include <QString>

// The local API's error answers: the gateway's envelope {"error":{"code","message","details"?}}
// with the contract's codes, for the routes, the guard and the server's own refusals.
namespace LocalApiErrors {

HttpResponse error(int status, QLatin1String code, const QString &message,
                   const QJsonObject &details = {});
// error() with the contract code that matches the status (400 -> validation_error, ...).
HttpResponse error(int status, const QString &message);

// The contract's code for a status: validation_error for every 4xx it has no code for
// (405, 408, 411, 413, 417, 431) and for 505; internal for other 5xx.
QLatin1String codeForStatus(int status);

} // namespace LocalApiErrors
