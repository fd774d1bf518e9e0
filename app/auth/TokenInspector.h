#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

// What a pasted token is. The gateway accepts two kinds: a login JWT minted by its web
// frontend (org and role readable in the claims) and an api-key (usually "wa_...").
enum class TokenKind {
    Invalid, // unusable as typed: empty, too large, or characters an HTTP header cannot carry
    Jwt,
    ApiKey,
};

QString tokenKindName(TokenKind kind);            // "jwt", "api-key", "invalid"
TokenKind tokenKindFromName(const QString &name); // Invalid for anything else

// The result of TokenInspector::inspect(). Claims are read, never trusted: only the
// gateway can verify the signature, so these values drive hints in the UI, not access.
struct TokenInspection {
    TokenKind kind = TokenKind::Invalid;
    QString token;     // the cleaned token (trimmed, "Bearer " removed) to store and send
    QString problem;   // why kind is Invalid; empty otherwise
    QStringList notes; // human remarks worth showing (prefix removed, not "wa_", alg none...)

    bool hasApiKeyPrefix = false; // api-key starting with "wa_", as the gateway mints them

    // JWT only (empty / invalid when absent).
    QString alg;
    QString sub;
    QString activeOrganizationId;
    QString orgRole; // owner, admin, member
    QString role;    // platform role, e.g. super_admin
    QString iss;
    QStringList aud;     // "aud" may be one string or an array
    QDateTime expiresAt; // UTC; invalid when the token carries no usable "exp"

    bool isValid() const { return kind != TokenKind::Invalid; }
    bool isJwt() const { return kind == TokenKind::Jwt; }
    bool isApiKey() const { return kind == TokenKind::ApiKey; }

    // False when there is no "exp" (api-keys, or a JWT without one).
    bool isExpired(const QDateTime &now) const;
    bool expiresWithin(const QDateTime &now, qint64 seconds) const;

    // What the org role grants (README: owner/admin hold all four, member read+send).
    // Empty when unknown: an api-key, or a JWT without a recognised orgRole.
    QStringList capabilitiesFromRole() const;
};

// Classifies a pasted token without any I/O. Safe on hostile input: the size is capped
// before anything is decoded, and JSON nesting is bounded before it is parsed.
class TokenInspector
{
public:
    // Real tokens are well under 2 KiB; 16 KiB leaves room for fat JWTs and stops abuse.
    static constexpr int kMaxTokenLength = 16 * 1024;
    // Real JWT headers and claims are flat objects with shallow arrays.
    static constexpr int kMaxJsonDepth = 16;

    static TokenInspection inspect(const QString &pasted);

    // Trims whitespace and a "Bearer " / "Authorization: Bearer " prefix pasted by mistake.
    // Sets *strippedPrefix when a prefix was removed.
    static QString clean(const QString &pasted, bool *strippedPrefix = nullptr);
};
