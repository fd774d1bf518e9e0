#include "auth/CapabilityProbe.h"

#include "gateway/GatewayClient.h"

#include <QCoreApplication>
#include <QDateTime>

namespace {

// The translation context of this file's messages, in a form lupdate reads.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(CapabilityProbe)
};

const QStringList kAllCapabilities{QStringLiteral("read"), QStringLiteral("send"),
                                   QStringLiteral("manage"), QStringLiteral("events")};

bool isUnauthorized(const GatewayError &e)
{
    return e.kind == GatewayError::Kind::Api
        && (e.httpStatus == 401 || e.code == QLatin1String("unauthorized"));
}

bool isForbidden(const GatewayError &e)
{
    return e.kind == GatewayError::Kind::Api
        && (e.httpStatus == 403 || e.code == QLatin1String("forbidden"));
}

bool isNotFound(const GatewayError &e)
{
    return e.kind == GatewayError::Kind::Api
        && (e.httpStatus == 404 || e.code == QLatin1String("not_found"));
}

// Which of two errors says more about the token: 401, then 403, then 404, then the rest.
int weight(const GatewayError &e)
{
    if (!e.isError())
        return 0;
    if (isUnauthorized(e))
        return 4;
    if (isForbidden(e))
        return 3;
    if (isNotFound(e))
        return 2;
    return 1;
}

QString verdictName(CapabilityFinding::Verdict v)
{
    switch (v) {
    case CapabilityFinding::Verdict::Yes:
        return Text::tr("yes");
    case CapabilityFinding::Verdict::No:
        return Text::tr("no");
    case CapabilityFinding::Verdict::Unknown:
        break;
    }
    return Text::tr("unknown");
}

} // namespace

CapabilityFinding CapabilityReport::finding(const QString &capability) const
{
    for (const CapabilityFinding &f : findings)
        if (f.capability == capability)
            return f;
    return CapabilityFinding{capability, CapabilityFinding::Verdict::Unknown, QString()};
}

QStringList CapabilityReport::granted() const
{
    QStringList out;
    for (const CapabilityFinding &f : findings)
        if (f.verdict == CapabilityFinding::Verdict::Yes)
            out << f.capability;
    return out;
}

QStringList CapabilityReport::lines() const
{
    QStringList out = notes;
    if (tokenRejected) {
        out << Text::tr(
            "Token rejected: the gateway answered 401. Sign in again with a new token.");
        return out;
    }
    if (failure.isError()) {
        out << Text::tr("Could not ask the gateway: %1").arg(failure.describe());
        return out;
    }
    for (const CapabilityFinding &f : findings)
        out << QStringLiteral("%1: %2. %3").arg(f.capability, -6).arg(verdictName(f.verdict), f.how);
    return out;
}

CapabilityProbe::CapabilityProbe(GatewayClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

void CapabilityProbe::run(const TokenInspection &token, const QStringList &knownSessions,
                          QObject *context, Callback done)
{
    Q_ASSERT(!m_running);
    m_running = true;
    m_token = token;
    m_knownSessions = knownSessions;
    m_context = context;
    m_done = std::move(done);
    m_report = CapabilityReport();
    m_readOk.clear();
    m_readError = GatewayError();
    for (const QString &cap : kAllCapabilities)
        m_report.findings << CapabilityFinding{cap, CapabilityFinding::Verdict::Unknown,
                                               Text::tr("Not tried.")};

    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (token.isExpired(now))
        m_report.notes << Text::tr(
                              "The token expired on %1; the gateway will most likely reject it.")
                              .arg(token.expiresAt.toString(Qt::ISODate));
    else if (token.expiresWithin(now, 15 * 60))
        m_report.notes
            << Text::tr("The token expires soon (%1).").arg(token.expiresAt.toString(Qt::ISODate));

    if (!m_client) {
        m_report.failure = GatewayError::make(GatewayError::Kind::InvalidArgument,
                                              Text::tr("no gateway client"));
        finish();
        return;
    }
    m_client->listSessions(this, [this](const GatewayResult<Page<WaSession>> &r) {
        onSessions(r.ok() ? &*r.value : nullptr, r.error);
    });
}

void CapabilityProbe::onSessions(const Page<WaSession> *page, const GatewayError &error)
{
    if (page) {
        m_report.sessions = page->items;
        setFinding(QStringLiteral("manage"), CapabilityFinding::Verdict::Yes,
                   page->items.size() == 1
                       ? Text::tr("Listed 1 session.")
                       : Text::tr("Listed %1 sessions.").arg(page->items.size()));
        probeRead();
        return;
    }
    if (stopOn401(error))
        return;
    if (isForbidden(error)) {
        setFinding(
            QStringLiteral("manage"), CapabilityFinding::Verdict::No,
            Text::tr("The gateway answered 403 to listing sessions; add session ids by hand."));
        probeRead();
        return;
    }
    // Anything else means the question could not be asked: wrong URL, gateway down, TLS...
    m_report.failure = error;
    if (isNotFound(error))
        m_report.notes << Text::tr("Listing sessions answered 404: check the gateway URL.");
    finish();
}

void CapabilityProbe::probeRead()
{
    QString session;
    if (!m_knownSessions.isEmpty())
        session = m_knownSessions.first();
    else if (!m_report.sessions.isEmpty())
        session = m_report.sessions.first().id;

    if (session.isEmpty()) {
        const bool listed = m_report.finding(QStringLiteral("manage")).verdict
            == CapabilityFinding::Verdict::Yes;
        setFinding(QStringLiteral("read"), CapabilityFinding::Verdict::Unknown,
                   listed ? Text::tr("The organization has no session to read from.")
                          : Text::tr("No session to try: add a session id by hand."));
        concludeFromRole();
        finish();
        return;
    }

    m_report.probedSession = session;
    m_readStepsLeft = 2;
    ContactQuery oneContact;
    oneContact.limit = 1; // enough to learn whether reading is allowed
    m_client->listContacts(session, oneContact, this,
                           [this](const GatewayResult<Page<Contact>> &r) {
                               onReadStep(QStringLiteral("contacts"), r.error);
                           });
    m_client->listGroups(session, this, [this](const GatewayResult<Page<Group>> &r) {
        onReadStep(QStringLiteral("groups"), r.error);
    });
}

void CapabilityProbe::onReadStep(const QString &what, const GatewayError &error)
{
    if (error.isError()) {
        if (weight(error) > weight(m_readError))
            m_readError = error;
    } else {
        m_readOk << what;
    }
    if (--m_readStepsLeft > 0)
        return;

    const QString session = m_report.probedSession;
    if (stopOn401(m_readError))
        return;
    if (!m_readError.isError()) {
        setFinding(QStringLiteral("read"), CapabilityFinding::Verdict::Yes,
                   Text::tr("Read contacts and groups of session %1.").arg(session));
    } else if (isForbidden(m_readError)) {
        setFinding(QStringLiteral("read"), CapabilityFinding::Verdict::No,
                   Text::tr("The gateway answered 403 to reading session %1.").arg(session));
    } else if (isNotFound(m_readError)) {
        setFinding(QStringLiteral("read"), CapabilityFinding::Verdict::Unknown,
                   Text::tr("Session %1 was not found for this token (an unknown id, or another "
                            "organization's session).")
                       .arg(session));
    } else {
        setFinding(QStringLiteral("read"), CapabilityFinding::Verdict::Unknown,
                   Text::tr("Reading session %1 failed: %2").arg(session, m_readError.describe()));
    }
    concludeFromRole();
    finish();
}

void CapabilityProbe::concludeFromRole()
{
    // send and events are never tried: a live action changes something on WhatsApp.
    const QStringList byRole = m_token.capabilitiesFromRole();
    if (byRole.isEmpty()) {
        setFinding(QStringLiteral("send"), CapabilityFinding::Verdict::Unknown,
                   Text::tr("Not known until a live action (block, unblock) is tried."));
        setFinding(QStringLiteral("events"), CapabilityFinding::Verdict::Unknown,
                   Text::tr("Not known: the console does not use events."));
        return;
    }
    const QString how = Text::tr("By the token's org role \"%1\" (read from its claims; only the "
                                 "gateway can verify them).")
                            .arg(m_token.orgRole);
    for (const QString &cap : {QStringLiteral("send"), QStringLiteral("events")})
        setFinding(cap,
                   byRole.contains(cap) ? CapabilityFinding::Verdict::Yes
                                        : CapabilityFinding::Verdict::No,
                   how);
    // The gateway's answers win; say so when they disagree with the claims.
    for (const QString &cap : {QStringLiteral("read"), QStringLiteral("manage")}) {
        const CapabilityFinding::Verdict seen = m_report.finding(cap).verdict;
        if (seen == CapabilityFinding::Verdict::Unknown)
            continue;
        if ((seen == CapabilityFinding::Verdict::Yes) != byRole.contains(cap))
            m_report.notes << Text::tr(
                                  "The gateway's answer on %1 differs from the token's org role "
                                  "\"%2\"; the gateway's answer is what counts.")
                                  .arg(cap, m_token.orgRole);
    }
}

bool CapabilityProbe::stopOn401(const GatewayError &error)
{
    if (!isUnauthorized(error))
        return false;
    m_report.tokenRejected = true;
    finish();
    return true;
}

void CapabilityProbe::setFinding(const QString &capability, CapabilityFinding::Verdict verdict,
                                 const QString &how)
{
    for (CapabilityFinding &f : m_report.findings) {
        if (f.capability == capability) {
            f.verdict = verdict;
            f.how = how;
        }
    }
}

void CapabilityProbe::finish()
{
    m_running = false;
    Callback done = std::move(m_done);
    m_done = nullptr;
    if (m_context && done)
        done(m_report);
}
