#include "gateway/GatewayPaths.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace GatewayPaths {

namespace {

// The translation context of this file's messages, in a form lupdate reads.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(GatewayPaths)
};
// Control characters, and surrogates that do not form a pair (text that is not valid UTF-16).
bool hasControlCharacters(const QString &s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c.category() == QChar::Other_Control)
            return true;
        if (c.isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        if (c.isSurrogate())
            return true;
    }
    return false;
}

constexpr int kMaxIdLength = 128;
constexpr int kMaxQueryLength = 256;
} // namespace

QString checkSessionId(const QString &id)
{
    if (id.trimmed().isEmpty())
        return Text::tr("The session id is empty.");
    if (id.size() > kMaxIdLength || hasControlCharacters(id) || id != id.trimmed())
        return Text::tr("The session id is not valid.");
    return {};
}

QString checkLid(const QString &lid)
{
    static const QRegularExpression re(QStringLiteral("^[0-9]{1,24}@lid$"));
    return re.match(lid).hasMatch() ? QString() : Text::tr("Not a LID (expected digits@lid).");
}

QString checkLiveJid(const QString &jid)
{
    // Only the shape: the gateway accepts whatever whatsmeow parses (LID, phone, device and
    // group JIDs) and answers "invalid jid" itself, so the console does not judge further.
    static const QRegularExpression re(
        QStringLiteral("^[0-9A-Za-z._:-]{1,64}@[0-9A-Za-z.-]{1,32}$"));
    return re.match(jid).hasMatch()
        ? QString()
        : Text::tr("Not a WhatsApp address (expected something like digits@lid).");
}

QString checkGroupJid(const QString &gid)
{
    static const QRegularExpression re(QStringLiteral("^[0-9]{1,32}(-[0-9]{1,20})?@g\\.us$"));
    return re.match(gid).hasMatch() ? QString()
                                    : Text::tr("Not a group address (expected digits@g.us).");
}

QString checkQueryText(const QString &text)
{
    if (text.size() > kMaxQueryLength)
        return Text::tr("The search text is too long.");
    if (hasControlCharacters(text))
        return Text::tr("The search text contains control characters.");
    return {};
}

QByteArray encodeSegment(const QString &segment)
{
    return QUrl::toPercentEncoding(segment);
}

QUrl sessionsUrl(const QUrl &base, const QStringList &segments, const QByteArray &suffix,
                 const QueryItems &query)
{
    QByteArray path = base.path(QUrl::FullyEncoded).toUtf8();
    while (path.endsWith('/'))
        path.chop(1);
    path += "/api/v1/sessions";
    for (const QString &s : segments)
        path += '/' + encodeSegment(s);
    path += suffix;

    QByteArray queryString;
    for (const auto &[name, value] : query) {
        if (!queryString.isEmpty())
            queryString += '&';
        queryString += encodeSegment(name) + '=' + encodeSegment(value);
    }

    QUrl url = base;
    url.setPath(QString::fromLatin1(path), QUrl::StrictMode);
    url.setQuery(queryString.isEmpty() ? QString() : QString::fromLatin1(queryString),
                 QUrl::StrictMode);
    url.setFragment(QString());
    return url;
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    const int defaultA = a.scheme() == QLatin1String("https") ? 443 : 80;
    const int defaultB = b.scheme() == QLatin1String("https") ? 443 : 80;
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(defaultA) == b.port(defaultB);
}

} // namespace GatewayPaths
