#pragma once

#include "gateway/GatewayTypes.h"

#include <QVariant>

// Keys the writer stores and the reader relies on.
namespace CacheKeys {

// Contacts and memberships take ids (sid << 40) + n, so a session's rows are one rowid range
// [rangeStart, rangeEnd] that an FTS5 MATCH can be limited to without reading any row.
constexpr int kSessionShift = 40;
inline qint64 rangeStart(qint64 sid)
{
    return sid << kSessionShift;
}
inline qint64 rangeEnd(qint64 sid)
{
    return ((sid + 1) << kSessionShift) - 1;
}

// The sort key of a display name: the folded name, else the folded business name, else
// SearchText::maxChar() so nameless rows sort last.
QVariant nameKey(const OptString &name, const OptString &businessName);

} // namespace CacheKeys
