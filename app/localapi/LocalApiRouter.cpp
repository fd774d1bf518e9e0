#include "localapi/LocalApiRouter.h"

#include "core/Logging.h"
#include "localapi/PathCodec.h"

#include <QVarLengthArray>

#include <algorithm>

namespace {

using Segment = LocalApiRouter::Segment;

bool parsePattern(const QString &pattern, std::vector<Segment> *out)
{
    if (!pattern.startsWith(QLatin1Char('/')))
        return false;
    const QList<QStringView> parts = QStringView(pattern).mid(1).split(QLatin1Char('/'));
    for (const QStringView part : parts) {
        Segment segment;
        const qsizetype open = part.indexOf(QLatin1Char('{'));
        const qsizetype close = part.indexOf(QLatin1Char('}'));
        if (open < 0 && close < 0) {
            segment.prefix = part.toUtf8();
        } else {
            if (open < 0 || close < open + 2 || part.indexOf(QLatin1Char('{'), open + 1) >= 0
                || part.indexOf(QLatin1Char('}'), close + 1) >= 0)
                return false;
            segment.prefix = part.left(open).toUtf8();
            segment.param = part.mid(open + 1, close - open - 1).toString();
            segment.suffix = part.mid(close + 1).toUtf8();
        }
        // Literal text must already be in encoded form: only plain path characters.
        QString error;
        for (const QByteArray *literal : {&segment.prefix, &segment.suffix}) {
            if (literal->contains('%') || literal->contains('?')
                || (!literal->isEmpty() && !PathCodec::validatePath("/" + *literal, &error)))
                return false;
        }
        out->push_back(std::move(segment));
    }
    return true;
}

// Literal segments beat {param} ones, and more literal text beats less, so
// "/s/{id}:start" is tried before "/s/{id}" and "/s/all" before "/s/{id}".
bool moreSpecific(const LocalApiRouter::Route &a, const LocalApiRouter::Route &b)
{
    const size_t n = std::min(a.segments.size(), b.segments.size());
    for (size_t i = 0; i < n; ++i) {
        const Segment &x = a.segments[i];
        const Segment &y = b.segments[i];
        if (x.param.isEmpty() != y.param.isEmpty())
            return x.param.isEmpty();
        const qsizetype lx = x.prefix.size() + x.suffix.size();
        const qsizetype ly = y.prefix.size() + y.suffix.size();
        if (lx != ly)
            return lx > ly;
    }
    return false;
}

bool segmentMatches(const Segment &s, QByteArrayView encoded, QByteArrayView *paramText)
{
    if (s.param.isEmpty())
        return encoded == QByteArrayView(s.prefix);
    if (encoded.size() <= s.prefix.size() + s.suffix.size())
        return false; // a parameter is never empty
    if (!encoded.startsWith(QByteArrayView(s.prefix))
        || !encoded.endsWith(QByteArrayView(s.suffix)))
        return false;
    *paramText = encoded.sliced(s.prefix.size(),
                                encoded.size() - s.prefix.size() - s.suffix.size());
    return true;
}

void appendAllow(QByteArray *allow, const QByteArray &method)
{
    QList<QByteArray> items = allow->isEmpty() ? QList<QByteArray>() : allow->split(',');
    for (QByteArray &item : items)
        item = item.trimmed();
    const auto add = [&items](const QByteArray &m) {
        if (!items.contains(m))
            items.append(m);
    };
    add(method);
    if (method == "GET")
        add("HEAD");
    std::sort(items.begin(), items.end());
    *allow = items.join(", ");
}

} // namespace

bool LocalApiRouter::add(const QByteArray &method, const QString &pattern, Handler handler,
                         Access access)
{
    Route route;
    route.method = method;
    route.pattern = pattern;
    route.access = access;
    route.handler = std::move(handler);
    return insert(std::move(route));
}

bool LocalApiRouter::addAsync(const QByteArray &method, const QString &pattern,
                              AsyncHandler handler, Access access)
{
    Route route;
    route.method = method;
    route.pattern = pattern;
    route.access = access;
    route.asyncHandler = std::move(handler);
    return insert(std::move(route));
}

bool LocalApiRouter::setUpgrade(const QString &pattern, UpgradeHandler handler)
{
    for (Route &route : m_routes) {
        if (route.method == "GET" && route.pattern == pattern && handler) {
            route.upgradeHandler = std::move(handler);
            return true;
        }
    }
    qCWarning(lcLocalApi) << "no GET route to upgrade at" << pattern;
    return false;
}

bool LocalApiRouter::insert(Route route)
{
    if (route.method.isEmpty() || (!route.handler && !route.asyncHandler)
        || !parsePattern(route.pattern, &route.segments)) {
        qCWarning(lcLocalApi) << "refused malformed route" << route.method << route.pattern;
        return false;
    }
    const auto pos = std::upper_bound(m_routes.begin(), m_routes.end(), route, moreSpecific);
    m_routes.insert(pos, std::move(route));
    return true;
}

LocalApiRouter::Match LocalApiRouter::match(QByteArrayView method, QByteArrayView path,
                                            QList<QPair<QString, QString>> *params) const
{
    Match result;
    if (path.isEmpty() || path[0] != '/')
        return result;
    QVarLengthArray<QByteArrayView, 12> segments;
    qsizetype start = 1;
    while (start <= path.size()) {
        qsizetype end = path.indexOf('/', start);
        if (end < 0)
            end = path.size();
        segments.append(path.sliced(start, end - start));
        start = end + 1;
    }

    QVarLengthArray<QByteArrayView, 4> values;
    for (const Route &route : m_routes) {
        if (route.segments.size() != size_t(segments.size()))
            continue;
        values.clear();
        bool ok = true;
        for (qsizetype i = 0; ok && i < segments.size(); ++i) {
            const Segment &s = route.segments[size_t(i)];
            QByteArrayView value;
            ok = segmentMatches(s, segments[i], &value);
            if (ok && !s.param.isEmpty())
                values.append(value);
        }
        if (!ok)
            continue;
        result.publicPath = result.publicPath || route.access == Access::Public;
        const bool methodOk = route.method == method || (method == "HEAD" && route.method == "GET");
        if (!methodOk) {
            appendAllow(&result.allow, route.method);
            continue;
        }
        result.kind = Match::Kind::Found;
        result.route = &route;
        result.publicPath = route.access == Access::Public;
        qsizetype v = 0;
        for (const Segment &s : route.segments) {
            if (s.param.isEmpty())
                continue;
            QString decoded;
            if (!PathCodec::decodeComponent(values[v++], &decoded, &result.error)) {
                result.kind = Match::Kind::BadParameter;
                result.route = nullptr;
                return result;
            }
            if (params)
                params->append({s.param, decoded});
        }
        return result;
    }
    if (!result.allow.isEmpty())
        result.kind = Match::Kind::MethodNotAllowed;
    return result;
}
