#include "auth/TokenInspector.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <cmath>

namespace {

// The translation context of this file's messages, in a form lupdate reads.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(TokenInspector)
};

// Latest second QDateTime and every sane clock can show: 9999-12-31T23:59:59Z.
constexpr double kMaxExpSeconds = 253402300799.0;

bool isBase64UrlChar(QChar c)
{
    const ushort u = c.unicode();
    return (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-'
        || u == '_';
}

// Decodes one JWT segment. JWTs use unpadded base64url; a trailing '=' is tolerated
// because some tools add it. Returns false with *why set on anything else.
bool decodeSegment(QStringView part, QByteArray *out, QString *why)
{
    QStringView body = part;
    while (body.endsWith(QLatin1Char('=')))
        body.chop(1);
    if (body.isEmpty()) {
        *why = Text::tr("it is empty");
        return false;
    }
    for (QChar c : body) {
        if (!isBase64UrlChar(c)) {
            *why = Text::tr("it is not base64url text");
            return false;
        }
    }
    // One leftover character carries only 6 bits: no byte can come from it.
    if (body.size() % 4 == 1) {
        *why = Text::tr("its base64url length is impossible (cut short?)");
        return false;
    }
    const auto result = QByteArray::fromBase64Encoding(
        body.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (result.decodingStatus != QByteArray::Base64DecodingStatus::Ok) {
        *why = Text::tr("it is not valid base64url");
        return false;
    }
    *out = result.decoded;
    return true;
}

// Bounds nesting before QJsonDocument sees the bytes, so a "[[[[...]]]]" bomb costs one
// linear scan instead of a deep recursive parse.
bool nestingWithin(const QByteArray &json, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (char c : json) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > maxDepth)
                return false;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return true;
}

bool decodeJsonObject(QStringView part, QJsonObject *out, QString *why)
{
    QByteArray bytes;
    if (!decodeSegment(part, &bytes, why))
        return false;
    if (!nestingWithin(bytes, TokenInspector::kMaxJsonDepth)) {
        *why = Text::tr("its JSON nests too deeply");
        return false;
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    // Qt rejects bare scalars as a parse error; either way the answer is the same.
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        *why = Text::tr("it is not a JSON object");
        return false;
    }
    *out = doc.object();
    return true;
}

QString stringClaim(const QJsonObject &claims, const char *name)
{
    const QJsonValue v = claims.value(QLatin1String(name));
    return v.isString() ? v.toString() : QString();
}

// Every character must be visible ASCII: anything else cannot travel in an HTTP header,
// and a space inside means two things were pasted together.
QString headerSafetyProblem(const QString &token)
{
    for (QChar c : token) {
        const ushort u = c.unicode();
        if (u == ' ' || u == '\t')
            return Text::tr("The token contains a space; paste only the token itself.");
        if (u == '\r' || u == '\n')
            return Text::tr("The token contains a line break; paste only the token itself.");
        if (u < 0x21 || u == 0x7f)
            return Text::tr("The token contains a control character.");
        if (u > 0x7e)
            return Text::tr("The token contains a non-ASCII character; tokens are plain ASCII.");
    }
    return {};
}

void readJwtClaims(const QJsonObject &header, const QJsonObject &claims, TokenInspection *r)
{
    r->alg = stringClaim(header, "alg");
    r->sub = stringClaim(claims, "sub");
    r->activeOrganizationId = stringClaim(claims, "activeOrganizationId");
    r->orgRole = stringClaim(claims, "orgRole");
    r->role = stringClaim(claims, "role");
    r->iss = stringClaim(claims, "iss");

    const QJsonValue aud = claims.value(QLatin1String("aud"));
    if (aud.isString()) {
        r->aud = QStringList{aud.toString()};
    } else if (aud.isArray()) {
        for (const QJsonValue v : aud.toArray())
            if (v.isString())
                r->aud << v.toString();
    }

    const QJsonValue exp = claims.value(QLatin1String("exp"));
    if (exp.isDouble()) {
        const double secs = exp.toDouble();
        if (std::isfinite(secs) && secs >= 0 && secs <= kMaxExpSeconds)
            r->expiresAt = QDateTime::fromMSecsSinceEpoch(qint64(secs * 1000.0), Qt::UTC);
        else
            r->notes << Text::tr("The token's expiry (exp) is out of range, so it is unknown.");
    } else if (!exp.isUndefined()) {
        r->notes << Text::tr("The token's expiry (exp) is not a number, so it is unknown.");
    } else {
        r->notes << Text::tr("The token has no expiry (exp).");
    }

    const QString alg = r->alg.toLower();
    if (r->alg.isEmpty())
        r->notes << Text::tr(
            "The JWT header names no signing algorithm; the gateway will reject it.");
    else if (alg == QLatin1String("none"))
        r->notes << Text::tr("The JWT is unsigned (alg \"none\"); the gateway will reject it.");
    else if (r->alg != QLatin1String("EdDSA") && r->alg != QLatin1String("ES256")
             && r->alg != QLatin1String("RS256"))
        r->notes
            << Text::tr(
                   "The JWT is signed with %1; the gateway normally expects EdDSA, ES256 or RS256.")
                   .arg(r->alg.left(32));
    if (r->activeOrganizationId.isEmpty())
        r->notes << Text::tr("The JWT names no active organization (activeOrganizationId).");
}

QString tooLargeProblem(qsizetype size)
{
    return Text::tr("The token is too large (%1 characters; at most %2).")
        .arg(size)
        .arg(TokenInspector::kMaxTokenLength);
}

// Why the cleaned token cannot be used at all; empty when it can.
QString cleanedTokenProblem(const QString &token)
{
    if (token.isEmpty())
        return Text::tr("No token was given.");
    if (token.size() > TokenInspector::kMaxTokenLength)
        return tooLargeProblem(token.size());
    return headerSafetyProblem(token);
}

// Reads a three-part token as a JWT. False, with a note saying why, when its header or
// claims cannot be read: the token is then treated as an api-key.
bool readAsJwt(const QList<QStringView> &parts, TokenInspection *r)
{
    QJsonObject header;
    QJsonObject claims;
    QString why;
    if (!decodeJsonObject(parts.at(0), &header, &why)) {
        r->notes << Text::tr("It has three parts like a JWT, but its header cannot be read: %1. "
                             "Treated as an api-key.")
                        .arg(why);
        return false;
    }
    if (!decodeJsonObject(parts.at(1), &claims, &why)) {
        r->notes << Text::tr("It has three parts like a JWT, but its claims cannot be read: %1. "
                             "Treated as an api-key.")
                        .arg(why);
        return false;
    }
    r->kind = TokenKind::Jwt;
    readJwtClaims(header, claims, r);
    if (parts.at(2).isEmpty())
        r->notes << Text::tr("The JWT has no signature; the gateway will reject it.");
    return true;
}

void readAsApiKey(const QString &token, qsizetype partCount, TokenInspection *r)
{
    r->kind = TokenKind::ApiKey;
    r->hasApiKeyPrefix = token.startsWith(QLatin1String("wa_"));
    if (r->hasApiKeyPrefix)
        return;
    if (token.startsWith(QLatin1String("eyJ")) && partCount != 3)
        r->notes << Text::tr("It starts like a JWT but does not have three dot-separated parts; "
                             "it may have been copied only in part.");
    else
        r->notes << Text::tr("It does not start with \"wa_\" as the gateway's api-keys do.");
}

} // namespace

QString tokenKindName(TokenKind kind)
{
    switch (kind) {
    case TokenKind::Jwt:
        return QStringLiteral("jwt");
    case TokenKind::ApiKey:
        return QStringLiteral("api-key");
    case TokenKind::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

TokenKind tokenKindFromName(const QString &name)
{
    if (name == QLatin1String("jwt"))
        return TokenKind::Jwt;
    if (name == QLatin1String("api-key"))
        return TokenKind::ApiKey;
    return TokenKind::Invalid;
}

bool TokenInspection::isExpired(const QDateTime &now) const
{
    return expiresAt.isValid() && now >= expiresAt;
}

bool TokenInspection::expiresWithin(const QDateTime &now, qint64 seconds) const
{
    return expiresAt.isValid() && now.addSecs(seconds) >= expiresAt;
}

QStringList TokenInspection::capabilitiesFromRole() const
{
    if (kind != TokenKind::Jwt)
        return {};
    const QString r = orgRole.toLower();
    if (r == QLatin1String("owner") || r == QLatin1String("admin"))
        return {QStringLiteral("read"), QStringLiteral("send"), QStringLiteral("manage"),
                QStringLiteral("events")};
    // The gateway's code grants members events too (the published document says only two).
    if (r == QLatin1String("member"))
        return {QStringLiteral("read"), QStringLiteral("send"), QStringLiteral("events")};
    return {};
}

QString TokenInspector::clean(const QString &pasted, bool *strippedPrefix)
{
    QString t = pasted.trimmed();
    bool stripped = false;
    // "Authorization: Bearer x" or "Bearer x", copied from curl or browser dev tools.
    static const QLatin1String header("Authorization:");
    if (t.startsWith(header, Qt::CaseInsensitive)) {
        t = t.mid(header.size()).trimmed();
        stripped = true;
    }
    static const QLatin1String bearer("Bearer");
    if (t.size() > bearer.size() && t.startsWith(bearer, Qt::CaseInsensitive)
        && t.at(bearer.size()).isSpace()) {
        t = t.mid(bearer.size()).trimmed();
        stripped = true;
    } else if (t.compare(bearer, Qt::CaseInsensitive) == 0) {
        t.clear(); // the prefix alone: the token itself was left behind
        stripped = true;
    }
    if (strippedPrefix)
        *strippedPrefix = stripped;
    return t;
}

TokenInspection TokenInspector::inspect(const QString &pasted)
{
    TokenInspection r;
    // Refuse absurd input before even trimming it; whitespace padding is never this large.
    if (pasted.size() > 4 * kMaxTokenLength) {
        r.problem = tooLargeProblem(pasted.size());
        return r;
    }
    bool stripped = false;
    const QString token = clean(pasted, &stripped);
    r.problem = cleanedTokenProblem(token);
    if (!r.problem.isEmpty())
        return r;

    r.token = token;
    if (stripped)
        r.notes << Text::tr("Removed the \"Bearer\" prefix; only the token is kept.");

    const QList<QStringView> parts = QStringView(token).split(QLatin1Char('.'));
    if (parts.size() == 3 && readAsJwt(parts, &r))
        return r;
    readAsApiKey(token, parts.size(), &r);
    return r;
}
