#include "auth/SignInController.h"

#include "auth/CredentialStore.h"
#include "auth/GatewayClientFactory.h"
#include "core/Logging.h"
#include "gateway/GatewayClient.h"

#include <QDateTime>
#include <QMetaEnum>

// Logged on gc.auth: profile names, states and error kinds. Never a token.

namespace {

// Calls `done` from the event loop, once, while `context` lives: callers see one code path
// whether the outcome was known at once (a refusal) or after the keychain answered.
void deliver(QObject *owner, QPointer<QObject> context, const SignInController::Callback &done,
             const SignInOutcome &outcome)
{
    if (!done)
        return;
    QMetaObject::invokeMethod(
        owner,
        [context, done, outcome] {
            if (context)
                done(outcome);
        },
        Qt::QueuedConnection);
}

SignInOutcome refused(const QString &problem)
{
    SignInOutcome o;
    o.problem = problem;
    return o;
}

QStringList trimmedSessionIds(const QStringList &ids)
{
    QStringList sessions;
    for (const QString &id : ids)
        sessions << id.trimmed();
    sessions.removeDuplicates();
    return sessions;
}

} // namespace

SignInController::SignInController(ProfileStore *profiles, CredentialStore *credentials,
                                   QObject *parent)
    : QObject(parent)
    , m_profiles(profiles ? profiles : new ProfileStore(this))
    , m_credentials(credentials ? credentials : new CredentialStore(this))
    , m_client(new GatewayClient(this))
{
    connect(m_client, &GatewayClient::unauthorized, this, &SignInController::onUnauthorized);
}

SignInController::~SignInController() = default;

std::optional<GatewayProfile> SignInController::profile() const
{
    if (m_profileName.isEmpty())
        return std::nullopt;
    return m_profiles->profile(m_profileName);
}

bool SignInController::isMemoryOnly() const
{
    return m_credentials->isMemoryOnly();
}

QString SignInController::reasonText(Reason reason, const QString &profile)
{
    switch (reason) {
    case Reason::NoProfile:
        return tr("Sign in to a gateway: no profile is chosen yet.");
    case Reason::UnknownProfile:
        return tr("There is no profile named \"%1\". Sign in to create it.").arg(profile);
    case Reason::NoToken:
        return tr("No token is stored for profile \"%1\" (or the keychain is locked). Sign in "
                  "with a token.")
            .arg(profile);
    case Reason::InvalidToken:
        return tr("The token stored for profile \"%1\" is unusable. Sign in with a new one.")
            .arg(profile);
    case Reason::TokenExpired:
        return tr("The token of profile \"%1\" has expired. Sign in with a new one.").arg(profile);
    case Reason::TokenRejected:
        return tr("The gateway rejected the token of profile \"%1\" (401): it expired or was "
                  "revoked. Sign in again.")
            .arg(profile);
    case Reason::MemoryOnly:
        return tr("The keychain is not used in this run: type the token of profile \"%1\" "
                  "again. It is kept in memory until the console quits.")
            .arg(profile);
    }
    return {};
}

void SignInController::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SignInController::clearSession()
{
    m_client->setEndpoint(QUrl(), QString());
    m_token.clear();
    m_info = TokenInspection();
}

void SignInController::require(const QString &profile, Reason reason, const QString &message)
{
    // After a 401 the client keeps its endpoint: what is in flight fails as it would anyway,
    // and the prompt is shown once. Otherwise nothing may go on with the previous token.
    if (reason != Reason::TokenRejected)
        clearSession();
    m_profileName = profile;
    qCInfo(lcAuth) << "sign-in required for profile" << profile << "reason"
                   << QMetaEnum::fromType<Reason>().valueToKey(int(reason));
    setState(State::SignInRequired);
    Q_EMIT signInRequired(profile, reason,
                          message.isEmpty() ? reasonText(reason, profile) : message);
}

void SignInController::start(const QString &requestedProfile)
{
    ++m_generation;
    QString name = requestedProfile.trimmed();
    if (name.isEmpty())
        name = m_profiles->currentName();
    if (name.isEmpty()) {
        require(QString(), Reason::NoProfile);
        return;
    }
    // "--profile prod" finds "Prod": names are unique regardless of case.
    for (const QString &existing : m_profiles->names()) {
        if (existing.compare(name, Qt::CaseInsensitive) == 0) {
            readToken(existing);
            return;
        }
    }
    require(name, Reason::UnknownProfile);
}

void SignInController::switchTo(const QString &profile)
{
    start(profile);
}

void SignInController::readToken(const QString &profile)
{
    const quint64 generation = ++m_generation;
    clearSession();
    m_profileName = profile;
    setState(State::Reading);
    m_credentials->readToken(
        profile, this,
        [this, generation, profile](const QString &stored, const CredentialError &error) {
            if (generation != m_generation)
                return; // superseded by a later start, switch, sign-in or sign-out
            if (error.kind == CredentialError::Kind::NotFound) {
                require(profile,
                        m_credentials->isMemoryOnly() ? Reason::MemoryOnly : Reason::NoToken);
                return;
            }
            if (!error.isOk()) {
                qCInfo(lcAuth) << "keychain unavailable for profile" << profile << "("
                               << credentialErrorKindName(error.kind) << ")";
                setState(State::KeychainUnavailable);
                Q_EMIT keychainUnavailable(profile, error);
                return;
            }
            const TokenInspection token = TokenInspector::inspect(stored);
            const std::optional<GatewayProfile> saved = m_profiles->profile(profile);
            if (!saved) { // removed meanwhile (by the terminal command, say)
                require(profile, Reason::UnknownProfile);
                return;
            }
            if (!token.isValid()) {
                require(profile, Reason::InvalidToken,
                        reasonText(Reason::InvalidToken, profile) + QLatin1Char(' ')
                            + token.problem);
                return;
            }
            if (token.isExpired(QDateTime::currentDateTimeUtc())) {
                require(profile, Reason::TokenExpired,
                        tr("The token of profile \"%1\" expired on %2. Sign in with a new one.")
                            .arg(profile, token.expiresAt.toLocalTime().toString(Qt::TextDate)));
                return;
            }
            activate(*saved, token);
        });
}

void SignInController::activate(const GatewayProfile &profile, const TokenInspection &token)
{
    m_client->setEndpoint(profile.baseUrl, token.token);
    m_token = token.token;
    m_info = token;
    m_info.token.clear();
    m_profileName = profile.name;
    m_profiles->setCurrent(profile.name);
    m_profiles->markUsed(profile.name);
    qCInfo(lcAuth) << "signed in to profile" << profile.name << "with a"
                   << tokenKindName(token.kind) << (isMemoryOnly() ? "(memory-only)" : "");
    setState(State::SignedIn);
    Q_EMIT signedIn(profile.name);
}

void SignInController::signIn(const GatewayProfile &input, const QString &pasted, QObject *context,
                              Callback done)
{
    const QPointer<QObject> guard(context);
    const GatewayUrlCheck url = ProfileStore::checkUrl(input.baseUrl.toString());
    const TokenInspection token = TokenInspector::inspect(pasted);
    const std::optional<GatewayProfile> existing = m_profiles->profile(input.name);
    const QString problem = signInProblem(input, url, token, existing);
    if (!problem.isEmpty()) {
        deliver(this, guard, done, refused(problem));
        return;
    }

    GatewayProfile profile = input;
    profile.baseUrl = url.url;
    profile.tokenKind = token.kind;
    profile.sessionIds = trimmedSessionIds(input.sessionIds);
    if (existing)
        profile.lastUsed = existing->lastUsed;
    const quint64 generation = ++m_generation; // a pending read is stale now
    m_credentials->writeToken(profile.name, token.token, this,
                              [this, guard, done, profile, token, generation,
                               isNew = !existing](const CredentialError &error) {
                                  deliver(this, guard, done,
                                          finishSignIn(error, profile, token, generation, isNew));
                              });
}

QString SignInController::signInProblem(const GatewayProfile &input, const GatewayUrlCheck &url,
                                        const TokenInspection &token,
                                        const std::optional<GatewayProfile> &existing) const
{
    QString problem = ProfileStore::checkName(input.name);
    if (problem.isEmpty() && !url.isValid())
        problem = url.problem;
    if (problem.isEmpty() && !token.isValid())
        problem = token.problem;
    if (problem.isEmpty() && token.isExpired(QDateTime::currentDateTimeUtc()))
        problem = tr("The JWT expired on %1; get a new one.")
                      .arg(token.expiresAt.toLocalTime().toString(Qt::TextDate));
    for (const QString &id : input.sessionIds) {
        if (problem.isEmpty())
            problem = ProfileStore::checkSessionId(id.trimmed());
    }
    if (problem.isEmpty() && !existing) {
        for (const QString &other : m_profiles->names())
            if (other.compare(input.name, Qt::CaseInsensitive) == 0)
                problem = tr("A profile named \"%1\" already exists.").arg(other);
    }
    return problem;
}

SignInOutcome SignInController::finishSignIn(const CredentialError &error,
                                             const GatewayProfile &profile,
                                             const TokenInspection &token, quint64 generation,
                                             bool isNew)
{
    if (!error.isOk()) {
        SignInOutcome o = refused(error.message);
        o.keychain = error;
        return o;
    }
    QString saveProblem;
    const bool saved = isNew ? m_profiles->add(profile, &saveProblem)
                             : m_profiles->update(profile, &saveProblem);
    if (!saved) {
        if (isNew) // leave no orphaned secret behind
            m_credentials->removeToken(profile.name, this, [](const CredentialError &) {});
        return refused(saveProblem);
    }
    SignInOutcome o;
    o.ok = true;
    if (generation == m_generation)
        activate(profile, token);
    else // another start, switch or sign-out came first: it wins
        o.notes << tr("The profile was saved; another sign-in was started meanwhile.");
    return o;
}

void SignInController::signOut(bool purgeCache, QObject *context, Callback done)
{
    const QPointer<QObject> guard(context);
    const QString name = m_profileName;
    if (name.isEmpty()) {
        deliver(this, guard, done, refused(tr("No profile is signed in.")));
        return;
    }
    m_credentials->removeToken(
        name, this, [this, guard, done, name, purgeCache](const CredentialError &error) {
            if (!error.isOk()) {
                SignInOutcome o = refused(error.message + QLatin1Char(' ')
                                          + tr("You are still signed in; nothing was deleted."));
                o.keychain = error;
                deliver(this, guard, done, o);
                return;
            }
            ++m_generation;
            clearSession();
            qCInfo(lcAuth) << "signed out of profile" << name;
            setState(State::SignedOut);
            // First, so that whoever holds the profile's cache open lets go of it before the purge.
            Q_EMIT signedOut(name);

            SignInOutcome o;
            o.ok = true;
            if (purgeCache) {
                QString purgeProblem;
                if (!m_purgeCache) {
                    o.notes << tr("There is no local cache to delete.");
                } else if (!m_purgeCache(name, &purgeProblem)) {
                    o.ok = false;
                    o.problem = tr("Signed out, but the cached data of profile \"%1\" could not be "
                                   "deleted: %2")
                                    .arg(name, purgeProblem);
                } else {
                    o.notes << tr("The cached data of profile \"%1\" was deleted.").arg(name);
                }
            }
            deliver(this, guard, done, o);
        });
}

void SignInController::useMemoryOnly()
{
    m_credentials->setMode(CredentialStore::Mode::MemoryOnly);
    if (m_state == State::KeychainUnavailable)
        require(m_profileName, Reason::MemoryOnly);
}

bool SignInController::addSessionId(const QString &sessionId, QString *error)
{
    if (m_profileName.isEmpty() || !m_profiles->contains(m_profileName)) {
        if (error)
            *error = tr("Sign in to a profile first.");
        return false;
    }
    return m_profiles->addSessionId(m_profileName, sessionId, error);
}

QStringList SignInController::sessionIds() const
{
    const std::optional<GatewayProfile> p = profile();
    return p ? p->sessionIds : QStringList();
}

void SignInController::checkCapabilities(const QUrl &baseUrl, const TokenInspection &token,
                                         const QStringList &sessionIds, QObject *context,
                                         CapabilityProbe::Callback done)
{
    GatewayClient *client = GatewayClientFactory::forEndpoint(baseUrl, token.token, this);
    auto *probe = new CapabilityProbe(client, client);
    QPointer<QObject> guard(context);
    probe->run(token, sessionIds, client, [client, guard, done](const CapabilityReport &report) {
        client->deleteLater();
        if (guard)
            done(report);
    });
}

bool SignInController::applyTo(GatewayClient *other) const
{
    if (!other || m_state != State::SignedIn)
        return false;
    other->setEndpoint(m_client->baseUrl(), m_token);
    return true;
}

void SignInController::onUnauthorized()
{
    if (m_state != State::SignedIn)
        return; // already asking, or the answer belongs to a profile left since
    require(m_profileName, Reason::TokenRejected);
}
