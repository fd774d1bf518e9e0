#include "core/SecretRedactor.h"

#include <QRegularExpression>

namespace SecretRedactor {

QString redact(const QString &text)
{
    // A JWT: three base64url parts, the first an encoded JSON object ("eyJ").
    static const QRegularExpression jwt(
        QStringLiteral(R"(eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*)"));
    // Whatever follows an Authorization scheme or a token-looking key.
    static const QRegularExpression bearer(QStringLiteral(R"((Bearer|Basic)\s+[^\s"',;]+)"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression keyed(
        QStringLiteral(R"(((?:api[-_]?key|token|secret|password)["']?\s*[:=]\s*["']?)[^\s"',;&]+)"),
        QRegularExpression::CaseInsensitiveOption);
    QString out = text;
    out.replace(jwt, QStringLiteral("[redacted]"));
    out.replace(bearer, QStringLiteral("\\1 [redacted]"));
    out.replace(keyed, QStringLiteral("\\1[redacted]"));
    return out;
}

} // namespace SecretRedactor
