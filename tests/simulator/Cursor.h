#pragma once

#include <QByteArray>
#include <QString>

// Opaque keyset cursors for listContacts: base64url of "<last contact row>.<check>", where the
// check binds the position to its session, so an edited or foreign cursor is a 400, not a
// silently wrong page. Keyset (not offset) keeps pages stable when rows vanish between calls.
namespace sim::cursor {

QByteArray encode(quint64 seed, int session, quint32 lastRow);
bool decode(quint64 seed, int session, const QString &text, quint32 *lastRow);

} // namespace sim::cursor
