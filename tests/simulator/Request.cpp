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
    if (p.endsWith('/')) // "/api/v1/sessions/" is the same list as without the slash
        p.chop(1);
    return p.split('/');
}

Route matchRoute(const QByteArray &method, const QList<QByteArray> &s)
{
    Route r;
    const qsizetype n = s.size();
    if (n < 3 || s[0] != "api" || s[1] != "v1" || s[2] != "sessions")
        return r;
    const bool get = method == "GET", post = method == "POST";
    if (n == 3) {
        r.op = get ? Op::ListSessions : Op::NoRoute;
        return r;
    }
    if (s[3].isEmpty())
        return r;
    r.sessionOk = decodeComponent(s[3], false, &r.session);
    if (n >= 6) {
        if (s[5].isEmpty())
            return r;
        r.itemOk = decodeComponent(s[5], false, &r.item);
    }
    const QByteArray kind = n >= 5 ? s[4] : QByteArray();
    if (n == 4 && get)
        r.op = Op::GetSession;
    else if (n == 5 && get && kind == "contacts")
        r.op = Op::ListContacts;
    else if (n == 6 && get && kind == "contacts")
        r.op = Op::GetContact;
    else if (n == 7 && kind == "contacts") {
        const QByteArray action = s[6];
        if (post && action == "block")
            r.op = Op::BlockContact;
        else if (post && action == "unblock")
            r.op = Op::UnblockContact;
        else if (get && action == "picture")
            r.op = Op::GetContactPicture;
        else if (get && action == "about")
            r.op = Op::GetContactAbout;
    } else if (n == 5 && get && kind == "groups")
        r.op = Op::ListGroups;
    else if (n == 6 && get && kind == "groups")
        r.op = Op::GetGroup;
    else if (n == 7 && get && kind == "groups" && s[6] == "members")
        r.op = Op::ListGroupMembers;
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
        if (!ok) {
            if (call->badQueryParam.isEmpty())
                call->badQueryParam = QString::fromLatin1(
                    pair.left(eq < 0 ? 40 : qMin<qsizetype>(eq, 40)));
            continue;
        }
        if (!call->query.contains(key)) // the first value wins, like Go's Query().Get
            call->query.insert(key, value);
    }
}

} // namespace sim
