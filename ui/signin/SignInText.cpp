#include "signin/SignInText.h"

#include "auth/CapabilityProbe.h"
#include "auth/TokenInspector.h"

#include <QLocale>
#include <QStringList>

namespace {

constexpr qint64 kOneDay = 24 * 3600;

QStringList capabilitiesWith(const CapabilityReport &report, CapabilityFinding::Verdict verdict)
{
    QStringList out;
    for (const CapabilityFinding &f : report.findings)
        if (f.verdict == verdict)
            out << f.capability;
    return out;
}

} // namespace

QString SignInText::dateTime(const QDateTime &when)
{
    return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
}

QString SignInText::relative(const QDateTime &when, const QDateTime &now)
{
    const qint64 seconds = now.secsTo(when);
    const qint64 span = qAbs(seconds);
    QString amount;
    // Rounded to the nearest unit: a token minted for 30 days shows "in 30 days".
    if (span < 3600 - 30) {
        const qint64 n = qMax<qint64>(1, (span + 30) / 60);
        amount = n == 1 ? tr("1 minute") : tr("%1 minutes").arg(n);
    } else if (span < 2 * kOneDay - 1800) {
        const qint64 n = (span + 1800) / 3600;
        amount = n == 1 ? tr("1 hour") : tr("%1 hours").arg(n);
    } else {
        amount = tr("%1 days").arg((span + kOneDay / 2) / kOneDay);
    }
    return seconds >= 0 ? tr("in %1").arg(amount) : tr("%1 ago").arg(amount);
}

QString SignInText::describeToken(const TokenInspection &t, const QDateTime &now)
{
    if (!t.isValid())
        return tr("Not a usable token: %1").arg(t.problem);
    QStringList lines;
    if (t.isApiKey()) {
        lines << (t.hasApiKeyPrefix ? tr("An api-key (wa_...).") : tr("An api-key."));
        lines << tr("What it may do was saved on it at the gateway: use Check to find out.");
    } else {
        lines << tr("A login JWT (%1). Its claims are read here, not verified: only the gateway "
                    "can verify them.")
                     .arg(t.alg.isEmpty() ? tr("no algorithm") : t.alg);
        lines << tr("Organization: %1")
                     .arg(t.activeOrganizationId.isEmpty() ? tr("none in the claims")
                                                           : t.activeOrganizationId);
        QString role = t.orgRole.isEmpty() ? tr("none in the claims") : t.orgRole;
        if (!t.role.isEmpty())
            role += tr(" (platform role %1)").arg(t.role);
        lines << tr("Role: %1").arg(role);
        if (!t.sub.isEmpty())
            lines << tr("User: %1").arg(t.sub);
        if (t.expiresAt.isValid())
            lines << (t.isExpired(now)
                          ? tr("Expired: %1 (%2)")
                                .arg(dateTime(t.expiresAt), relative(t.expiresAt, now))
                          : tr("Expires: %1 (%2)")
                                .arg(dateTime(t.expiresAt), relative(t.expiresAt, now)));
        else
            lines << tr("Expires: never (no \"exp\" claim)");
    }
    for (const QString &note : t.notes)
        lines << tr("Note: %1").arg(note);
    return lines.join(QLatin1Char('\n'));
}

QString SignInText::statusLine(const TokenInspection &t, const QDateTime &now)
{
    if (!t.isValid())
        return {};
    if (t.isApiKey())
        return tr("api-key");
    QStringList parts;
    if (!t.activeOrganizationId.isEmpty())
        parts << tr("organization %1").arg(t.activeOrganizationId);
    if (!t.orgRole.isEmpty())
        parts << t.orgRole;
    if (t.expiresAt.isValid())
        parts << (t.isExpired(now) ? tr("expired %1").arg(relative(t.expiresAt, now))
                                   : tr("expires %1").arg(relative(t.expiresAt, now)));
    return parts.isEmpty() ? tr("JWT") : parts.join(QStringLiteral(" · "));
}

QString SignInText::expiryWarning(const TokenInspection &t, const QDateTime &now)
{
    if (!t.isValid() || !t.expiresAt.isValid())
        return {};
    if (t.isExpired(now))
        return tr("Warning: this token has expired (%1). The gateway will reject it; get a new "
                  "one.")
            .arg(relative(t.expiresAt, now));
    if (t.expiresWithin(now, kOneDay))
        return tr("Warning: this token expires within a day (%1, %2). You will have to sign in "
                  "again then.")
            .arg(dateTime(t.expiresAt), relative(t.expiresAt, now));
    return {};
}

QString SignInText::capabilities(const CapabilityReport &report)
{
    QStringList lines;
    if (report.tokenRejected) {
        lines << tr("The gateway rejected this token (401): it is wrong, expired or revoked.");
    } else if (report.failure.isError()) {
        lines << tr("The gateway could not be asked.");
    } else {
        const QStringList yes = capabilitiesWith(report, CapabilityFinding::Verdict::Yes);
        const QStringList no = capabilitiesWith(report, CapabilityFinding::Verdict::No);
        const QStringList unknown = capabilitiesWith(report, CapabilityFinding::Verdict::Unknown);
        const QString sep = QStringLiteral(", ");
        lines << (yes.isEmpty() ? tr("This token can do nothing that was tried.")
                                : tr("This token can: %1.").arg(yes.join(sep)));
        if (!no.isEmpty())
            lines << tr("It cannot: %1.").arg(no.join(sep));
        if (!unknown.isEmpty())
            lines << tr("Not known yet: %1.").arg(unknown.join(sep));
        if (report.finding(QStringLiteral("manage")).verdict == CapabilityFinding::Verdict::No)
            lines << tr("It cannot list sessions: type the session ids to use in \"Session ids\"; "
                        "they are remembered for this profile.");
    }
    lines << QString();
    lines << report.lines();
    if (!report.sessions.isEmpty()) {
        lines << tr("Sessions:");
        for (const WaSession &s : report.sessions)
            lines << QStringLiteral("  %1  %2%3")
                         .arg(s.id, s.status,
                              s.label ? QStringLiteral("  ") + *s.label : QString());
    }
    return lines.join(QLatin1Char('\n'));
}
