#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

struct CapabilityReport;
struct TokenInspection;

// Words shown about a token and what it can do: by the sign-in dialog and the status bar.
// Built from the claims and the probe's report only; the token itself never appears.
class SignInText
{
    Q_DECLARE_TR_FUNCTIONS(SignInText)
public:
    // What kind of token it is and, for a JWT, its organization, roles and expiry; one
    // line each.
    static QString describeToken(const TokenInspection &token, const QDateTime &now);
    // One short line for the status bar: "org_1 · owner · expires in 3 days".
    static QString statusLine(const TokenInspection &token, const QDateTime &now);
    // A warning when the token has expired or expires within a day; empty otherwise.
    static QString expiryWarning(const TokenInspection &token, const QDateTime &now);
    // "in 3 hours", "2 days ago".
    static QString relative(const QDateTime &when, const QDateTime &now);
    static QString dateTime(const QDateTime &when);
    // A sentence on what the token can do, then the probe's lines.
    static QString capabilities(const CapabilityReport &report);
};
