#pragma once

#include "gateway/GatewayTypes.h"
#include "http/HttpResponse.h"
#include "localapi/LocalApiBackend.h"
#include "localapi/LocalApiErrors.h"
#include "localapi/LocalApiRouter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// Small helpers shared by the local API's route files (app/localapi/routes).
namespace LocalApiRoutesCommon {

// A handler of one session's stored data, called with the cache open and the session known.
using SessionHandler = std::function<HttpResponse(
    CacheReader &, const LocalApiBackend::SessionInfo &, const HttpRequest &)>;
// The request's own checks (query values), run before the session is looked up as the
// gateway validates its input before its handler runs; nullopt when they pass.
using RequestCheck = std::function<std::optional<HttpResponse>(const HttpRequest &)>;
// Wraps it: 503 without a cache, the check's refusal, 404 for an unknown session, the stored
// answer when the cache has not changed since the same target was asked.
LocalApiRouter::Handler sessionRoute(std::shared_ptr<LocalApiBackend> backend,
                                     SessionHandler handler, RequestCheck check = {});

// One entry of details.errors as the gateway (huma) writes it:
// "invalid integer (query.limit: abc)".
QString fieldError(const QString &location, const QString &message, const QString &value);
// 400 validation_error "validation failed" with details {"errors": ["...", ...]}.
HttpResponse validationFailed(const QStringList &errors);
// 400 validation_error with this message and no details ("invalid cursor").
HttpResponse validationError(const QString &message);
// A query integer as the gateway parses it (optional sign, decimal digits, 64 bits);
// nullopt when it is not one.
std::optional<qint64> parseInteger(const QString &text);
// The cache could not be opened (503) or failed a read (500); the cause goes to the log only.
HttpResponse cacheUnavailable();
HttpResponse cacheFailure(const QString &error);
// Contact cursors as handed out: the cache's cursor, bound to the query it belongs to
// (scope: session, q, source, group) with an HMAC under a per-server key, so a tampered or
// foreign cursor is refused (400) instead of reading from a guessed position.
QString sealCursor(const QByteArray &key, const QString &scope, const QString &cursor);
std::optional<QString> openCursor(const QByteArray &key, const QString &scope,
                                  const QString &sealed);

// Adds X-Console-Synced-At when known.
HttpResponse withSyncedAt(HttpResponse response, OptInt syncedAt);

} // namespace LocalApiRoutesCommon
