#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

// Builds the gateway's URLs and checks identifiers before anything is sent.
// Every data segment is percent-encoded on its own (a LID's '@', a ':' inside an id), while
// the fixed parts, including ':action' suffixes, are written as they are.
namespace GatewayPaths {

// "" when the value is acceptable, otherwise why not (one sentence for a person).
QString checkSessionId(const QString &id);
QString checkLid(const QString &lid);      // digits@lid
QString checkLiveJid(const QString &jid);  // shaped like user@server: live actions' {jid}
QString checkGroupJid(const QString &gid); // digits[-digits]@g.us
QString checkQueryText(const QString &text);

// Percent-encodes everything but RFC 3986 unreserved characters.
QByteArray encodeSegment(const QString &segment);

// Query parameters in order; names and values are percent-encoded when the URL is built
// (so a '+' or '&' in a search text arrives as typed).
using QueryItems = QList<QPair<QString, QString>>;

// base + "/api/v1/sessions" + each encoded segment; `suffix` is appended raw (e.g. ":start").
QUrl sessionsUrl(const QUrl &base, const QStringList &segments, const QByteArray &suffix = {},
                 const QueryItems &query = {});

// True when both URLs share scheme, host and port: the only place a token may go.
bool sameOrigin(const QUrl &a, const QUrl &b);

} // namespace GatewayPaths
