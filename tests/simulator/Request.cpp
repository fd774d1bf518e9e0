#include "Request.h"

namespace sim {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

const char *opName(Op op)
{
    switch (op) {
    case Op::ListSessions:
        return "listSessions";
    case Op::GetSession:
        return "getSession";
    case Op::ListContacts:
        return "listContacts";
    case Op::GetContact:
        return "getContact";
    case Op::BlockContact:
        return "blockContact";
    case Op::UnblockContact:
        return "unblockContact";
    case Op::GetContactPicture:
        return "getContactPicture";
    case Op::GetContactAbout:
        return "getContactAbout";
    case Op::ListGroups:
        return "listGroups";
    case Op::GetGroup:
        return "getGroup";
    case Op::ListGroupMembers:
        return "listGroupMembers";
    case Op::NoRoute:
        break;
    }
    return "noRoute";
}

bool decodeComponent(QByteArrayView encoded, bool plusIsSpace, QString *out)
{
    QByteArray bytes;
    bytes.reserve(encoded.size());
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const char c = encoded[i];
        if (c == '%') {
            const int hi = i + 2 < encoded.size() ? hexValue(encoded[i + 1]) : -1;
            const int lo = hi >= 0 ? hexValue(encoded[i + 2]) : -1;
            if (lo < 0)
                return false;
            bytes += char(hi * 16 + lo);
            i += 2;
        } else {
            bytes += (plusIsSpace && c == '+') ? ' ' : c;
        }
    }
    if (!bytes.isValidUtf8())
        return false;
    *out = QString::fromUtf8(bytes);
    return true;
}

QList<QByteArray> splitPath(const QByteArray &encodedPath)
{
    QByteArray p = encodedPath;
    if (p.startsWith('/'))
        p.remove(0, 1);
    return p.split('/');
}

namespace {

// The operation a path names, whatever the method, and the method it takes.
Op opForPath(const QList<QByteArray> &s, QByteArray *method)
{
    const qsizetype n = s.size();
    *method = "GET";
    if (n == 3)
        return Op::ListSessions;
    if (n == 4)
        return Op::GetSession;
    const QByteArray &kind = s[4];
    const bool contacts = kind == "contacts", groups = kind == "groups";
    if (n == 5)
        return contacts ? Op::ListContacts : groups ? Op::ListGroups : Op::NoRoute;
    if (n == 6)
        return contacts ? Op::GetContact : groups ? Op::GetGroup : Op::NoRoute;
    if (n != 7)
        return Op::NoRoute;
    const QByteArray &action = s[6];
    if (groups)
        return action == "members" ? Op::ListGroupMembers : Op::NoRoute;
    if (!contacts)
        return Op::NoRoute;
    if (action == "picture")
        return Op::GetContactPicture;
    if (action == "about")
        return Op::GetContactAbout;
    *method = "POST";
    if (action == "block")
        return Op::BlockContact;
    return action == "unblock" ? Op::UnblockContact : Op::NoRoute;
}

} // namespace

Route matchRoute(const QByteArray &method, const QList<QByteArray> &s)
{
    Route r;
    if (s.size() < 3 || s.size() > 7 || s[0] != "api" || s[1] != "v1" || s[2] != "sessions"
        || s.contains(QByteArray()))
        return r;
    QByteArray wanted;
    const Op op = opForPath(s, &wanted);
    if (op == Op::NoRoute)
        return r;
    if (method != wanted) {
        r.allowed = {wanted};
        return r;
    }
    r.op = op;
    if (s.size() >= 4)
        r.sessionOk = decodeComponent(s[3], false, &r.session);
    if (s.size() >= 6 && !decodeComponent(s[5], false, &r.item))
        r.item = QString::fromLatin1(s[5]); // matches nothing stored
    return r;
}

void parseQuery(const QByteArray &encodedQuery, ApiCall *call)
{
    if (encodedQuery.isEmpty())
        return;
    for (const QByteArray &pair : encodedQuery.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QString key, value;
        const bool ok = decodeComponent(pair.left(eq < 0 ? pair.size() : eq), true, &key)
            && decodeComponent(eq < 0 ? QByteArrayView() : QByteArrayView(pair).sliced(eq + 1),
                               true, &value);
        if (ok && !call->query.contains(key)) // the first value wins, like Go's Query().Get
            call->query.insert(key, value);
    }
}

} // namespace sim
