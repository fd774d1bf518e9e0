#pragma once

#include "gateway/GatewayTypes.h"
#include "http/HttpResponse.h"
#include "localapi/LocalApiBackend.h"
#include "localapi/LocalApiErrors.h"
#include "localapi/LocalApiRouter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

// Small helpers shared by the local API's route files (app/localapi/routes).
namespace LocalApiRoutesCommon {

// A handler of one session's stored data, called with the cache open and the session known.
using SessionHandler = std::function<HttpResponse(
    CacheReader &, const LocalApiBackend::SessionInfo &, const HttpRequest &)>;
// Wraps it: 503 without a cache, 404 for an unknown session, the stored answer when the
// cache has not changed since the same target was asked.
LocalApiRouter::Handler sessionRoute(std::shared_ptr<LocalApiBackend> backend,
                                     SessionHandler handler);

// "205227043110953@lid": digits, then @lid.
bool isLid(const QString &text);
// "120363041234567890@g.us" (older groups: "6281234567890-1600000000@g.us").
bool isGroupJid(const QString &text);
// A LID or a phone JID ("6281234567890@s.whatsapp.net"): what block/unblock take.
bool isContactJid(const QString &text);

// One entry of details.errors, as the gateway writes them (the value cut to 200 characters).
QJsonObject fieldError(const QString &location, const QString &message, const QString &value);
// 400 validation_error with details {"errors": [...]}.
HttpResponse validationError(const QString &message, const QJsonArray &errors);
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
