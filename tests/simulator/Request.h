#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

// What the handlers see of an HTTP request. Paths are matched on their percent-encoded form
// and each segment is decoded on its own, so "%40" becomes "@", "%2F" never splits a segment
// and a ":action" suffix reaches the router untouched.
namespace sim {

enum class Op {
    ListSessions,
    GetSession,
    ListContacts,
    GetContact,
    BlockContact,
    UnblockContact,
    GetContactPicture,
    GetContactAbout,
    ListGroups,
    GetGroup,
    ListGroupMembers,
    NoRoute,
};
const char *opName(Op op); // the contract's operationId, "noRoute" for anything else

struct Route {
    Op op = Op::NoRoute;
    QList<QByteArray> allowed; // a known path asked with another method: 405 with these
    QString session;           // decoded {session}
    QString item;              // decoded {lid}, {jid} or {gid}; raw when not decodable
    bool sessionOk = true;     // false: not valid percent-encoded UTF-8
};

struct ApiCall {
    QByteArray method;
    QByteArray encodedPath;
    QByteArray encodedQuery;
    Route route;
    QHash<QString, QString> query; // first value of each parameter, decoded
    QByteArray authorization;
    QByteArray apiKey;
    bool explicitNulls = false;
};

// "%xx" decoding; '+' means a space in queries (as in Go's net/url, the gateway's parser).
// False for a malformed escape or bytes that are not UTF-8.
bool decodeComponent(QByteArrayView encoded, bool plusIsSpace, QString *out);
QList<QByteArray> splitPath(const QByteArray &encodedPath); // without the leading "/"
// The gateway's chi routes: an empty segment (a trailing slash) matches nothing, a known
// path with another method (HEAD included) is 405.
Route matchRoute(const QByteArray &method, const QList<QByteArray> &segments);
// Like Go's url.ParseQuery: a pair that does not decode is skipped, not an error.
void parseQuery(const QByteArray &encodedQuery, ApiCall *call);

} // namespace sim
