#include "Auth.h"

#include "JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

namespace sim {

namespace {

const char *const kCapNames[] = {"read", "send", "manage", "events"};

constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

bool decodePart(const QByteArray &part, QByteArray *out)
{
    if (part.isEmpty() || part.contains('='))
        return false;
    auto r = QByteArray::fromBase64Encoding(part, kB64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!r)
        return false;
    *out = r.decoded;
    return true;
}

bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0; // no early exit: timing does not tell how much matched
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

QString capsToString(Caps caps)
{
    QStringList out;
    for (int i = 0; i < 4; ++i)
        if (caps & (1 << i))
            out << QLatin1String(kCapNames[i]);
    return out.join(QLatin1Char(','));
}

bool parseCaps(const QString &text, Caps *caps)
{
    *caps = 0;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        int bit = -1;
        for (int i = 0; i < 4; ++i)
            if (part.trimmed() == QLatin1String(kCapNames[i]))
                bit = i;
        if (bit < 0)
            return false;
        *caps |= Caps(1 << bit);
    }
    return true;
}

Caps capsForOrgRole(const QString &orgRole)
{
    if (orgRole == QLatin1String("owner") || orgRole == QLatin1String("admin"))
        return CapRead | CapSend | CapManage | CapEvents;
    if (orgRole == QLatin1String("member"))
        return CapRead | CapSend | CapEvents;
    return 0;
}

Auth::Auth(const QByteArray &secret, const QString &issuer, const QStringList &orgIds)
    : m_secret(secret)
    , m_issuer(issuer)
    , m_orgIds(orgIds)
{
}

QByteArray Auth::mint(const JwtClaims &c, bool badSignature) const
{
    JsonWriter p;
    p.beginObject()
        .field("sub", c.sub)
        .field("activeOrganizationId", m_orgIds.value(c.org))
        .field("orgRole", c.orgRole)
        .field("role", c.role)
        .field("iss", m_issuer)
        .field("aud", m_issuer)
        .field("iat", c.iat)
        .field("exp", c.exp)
        .endObject();
    const QByteArray head = QByteArray(R"({"alg":"HS256","typ":"JWT"})").toBase64(kB64);
    const QByteArray signingInput = head + '.' + p.take().toBase64(kB64);
    const QByteArray key = badSignature ? m_secret + "-not-the-gateway-secret" : m_secret;
    return signingInput + '.'
        + QMessageAuthenticationCode::hash(signingInput, key, QCryptographicHash::Sha256)
              .toBase64(kB64);
}

bool Auth::authenticate(const QByteArray &authorization, const QByteArray &apiKeyHeader,
                        qint64 nowSec, Principal *who) const
{
    // Go's Header.Get trims the value; the scheme is matched case-insensitively.
    const QByteArray value = authorization.trimmed();
    const QByteArray bearer = value.size() > 7 && value.left(7).toLower() == "bearer "
        ? value.mid(7).trimmed()
        : QByteArray();
    const QList<QByteArray> parts = bearer.split('.');
    const bool jwtShaped = parts.size() == 3 && !parts.contains(QByteArray());
    if (jwtShaped && verifyJwt(bearer, nowSec, who))
        return true;
    QByteArray raw = apiKeyHeader.trimmed();
    if (raw.isEmpty() && !jwtShaped) // a failed JWT is never retried as an api-key
        raw = bearer;
    return !raw.isEmpty() && apiKey(raw, who);
}

bool Auth::apiKey(const QByteArray &token, Principal *who) const
{
    for (const ApiKey &k : m_keys) {
        if (sameBytes(k.key.toUtf8(), token)) {
            who->org = k.org;
            who->caps = k.caps;
            return true;
        }
    }
    return false;
}

bool Auth::verifyJwt(const QByteArray &token, qint64 nowSec, Principal *who) const
{
    const QList<QByteArray> parts = token.split('.');
    QByteArray header, payload, signature;
    if (!decodePart(parts[0], &header) || !decodePart(parts[1], &payload)
        || !decodePart(parts[2], &signature))
        return false;
    const QJsonObject h = QJsonDocument::fromJson(header).object();
    if (h.value(QLatin1String("alg")).toString() != QLatin1String("HS256"))
        return false;
    const QByteArray expected = QMessageAuthenticationCode::hash(
        parts[0] + '.' + parts[1], m_secret, QCryptographicHash::Sha256);
    if (!sameBytes(expected, signature))
        return false;
    const QJsonObject c = QJsonDocument::fromJson(payload).object();
    if (c.isEmpty() || !c.value(QLatin1String("exp")).isDouble()
        || c.value(QLatin1String("exp")).toDouble() <= double(nowSec))
        return false;
    const QJsonValue nbf = c.value(QLatin1String("nbf"));
    if (nbf.isDouble() && nbf.toDouble() > double(nowSec))
        return false;
    const QJsonValue aud = c.value(QLatin1String("aud"));
    const bool audOk = aud.toString() == m_issuer || aud.toArray().contains(QJsonValue(m_issuer));
    if (c.value(QLatin1String("iss")).toString() != m_issuer || !audOk)
        return false;
    // A user principal needs a subject and an active organization.
    const QString org = c.value(QLatin1String("activeOrganizationId")).toString();
    if (org.isEmpty() || c.value(QLatin1String("sub")).toString().isEmpty())
        return false;
    who->org = int(m_orgIds.indexOf(org));
    who->caps = capsForOrgRole(c.value(QLatin1String("orgRole")).toString());
    return true;
}

} // namespace sim
