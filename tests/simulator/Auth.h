#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// The gateway's two kinds of credentials: api-keys (a saved capability set, one org) and
// login JWTs (org and role in the claims). The real gateway verifies EdDSA tokens against the
// frontend's JWKS; the simulator signs and verifies HS256 with a shared secret instead, which
// exercises the same client paths (a client never verifies a token itself).
namespace sim {

enum Capability : quint8 {
    CapRead = 1,
    CapSend = 2,
    CapManage = 4,
    CapEvents = 8
};
using Caps = quint8;

QString capsToString(Caps caps); // "read,send,manage,events" order
bool parseCaps(const QString &text, Caps *caps);
Caps capsForOrgRole(const QString &orgRole); // owner/admin: all four, member: all but manage

struct Principal {
    int org = -1; // -1: an org the simulator does not know (sees no sessions)
    Caps caps = 0;
};

struct ApiKey {
    QString key;
    Caps caps = 0;
    int org = 0;
};

struct JwtClaims {
    QString sub;
    int org = 0;
    QString orgRole;
    QString role;
    qint64 iat = 0;
    qint64 exp = 0;
};

class Auth
{
public:
    Auth(const QByteArray &secret, const QString &issuer, const QStringList &orgIds);

    void addApiKey(const ApiKey &key) { m_keys << key; }
    const QList<ApiKey> &apiKeys() const { return m_keys; }

    QByteArray mint(const JwtClaims &claims, bool badSignature = false) const;

    // The gateway's two acceptors (authz.ResolveCredential): a bearer shaped like a JWT is
    // verified as one; otherwise x-api-key, or failing that the non-JWT bearer, is an api-key.
    // A failed JWT still lets x-api-key through. False means 401, whatever the reason.
    bool authenticate(const QByteArray &authorization, const QByteArray &apiKeyHeader,
                      qint64 nowSec, Principal *who) const;

private:
    bool verifyJwt(const QByteArray &token, qint64 nowSec, Principal *who) const;
    bool apiKey(const QByteArray &token, Principal *who) const;

    QByteArray m_secret;
    QString m_issuer;
    QStringList m_orgIds;
    QList<ApiKey> m_keys;
};

} // namespace sim
