#pragma once

#include <QString>

#include <optional>

class CacheDatabase;

// Small named values kept with a profile's cache (the meta table, schema version 6), on the
// connection's own thread. Values are text; a key never set reads as an empty optional.
namespace CacheMeta {

// The id of the last realtime event applied to this cache: where the feed resumes.
inline const QString kLiveLastEventId = QStringLiteral("live.lastEventId");
// When that event happened (epoch ms, as text): how current the live data is.
inline const QString kLiveLastEventAt = QStringLiteral("live.lastEventAt");

// nullopt when the key is not set; *error is set (and nullopt returned) when reading failed.
std::optional<QString> value(CacheDatabase &db, const QString &key, QString *error);
// Inserts or replaces; joins the caller's transaction when there is one.
bool setValue(CacheDatabase &db, const QString &key, const QString &value, QString *error);

} // namespace CacheMeta
