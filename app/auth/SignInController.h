#pragma once

#include "auth/CapabilityProbe.h"
#include "auth/CredentialError.h"
#include "auth/ProfileStore.h"
#include "auth/TokenInspector.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class CredentialStore;
class GatewayClient;

// What signIn() or signOut() came to. `keychain` is set when the keychain refused (the
// caller may offer memory-only mode, see SignInController::useMemoryOnly()); `problem` is a
// sentence for the user, empty on success; `notes` are remarks worth showing on success
// (the cache could not be purged, ...).
struct SignInOutcome {
    bool ok = false;
    CredentialError keychain;
    QString problem;
    QStringList notes;
};

// The console's signed-in state, shared by the window, the sync and the headless mode: which
// gateway profile is in use, and one GatewayClient pointed at its gateway with its token.
//
//   start(name)   at start-up: the profile named on the command line, else ProfileStore's
//                 current one; its token is read from the keychain asynchronously, then
//                 signedIn(name), or signInRequired(...), or keychainUnavailable(...).
//   signIn(...)   a profile typed in the sign-in dialog: token into the keychain, profile
//                 into QSettings, then signedIn(name).
//   switchTo(name), signOut(purge, ...), addSessionId(id).
//   A 401 from the gateway (GatewayClient::unauthorized) turns into signInRequired(name,
//   TokenRejected, ...), once per sign-in.
//
// The token is never logged and never handed out: tokenInfo() carries the claims only, and
// applyTo() configures another GatewayClient (one per thread) without exposing it.
class SignInController : public QObject
{
    Q_OBJECT
public:
    enum class State {
        SignedOut,           // nothing chosen yet, or signed out
        Reading,             // reading the token from the keychain
        SignedIn,            // client() is configured
        SignInRequired,      // a token must be typed (none stored, rejected by the gateway...)
        KeychainUnavailable, // the keychain could not be asked; see useMemoryOnly()
    };
    Q_ENUM(State)

    enum class Reason {
        NoProfile,      // no profile yet (first start)
        UnknownProfile, // --profile named a profile that does not exist
        NoToken,        // the profile has no stored token (or the keychain is locked)
        InvalidToken,   // the stored token is unusable
        TokenExpired,   // the stored JWT's "exp" has passed: the gateway would reject it
        TokenRejected,  // the gateway answered 401: expired or revoked
        MemoryOnly,     // memory-only mode chosen: the token must be typed for this run
    };
    Q_ENUM(Reason)

    using Callback = std::function<void(const SignInOutcome &outcome)>;
    // Removes a profile's local cache (the same shape as ProfileCommand::CachePurger).
    using CachePurger = std::function<bool(const QString &profile, QString *error)>;

    // Uses these stores when given (not owned); otherwise creates its own: the application's
    // QSettings and the OS keychain.
    explicit SignInController(ProfileStore *profiles = nullptr,
                              CredentialStore *credentials = nullptr, QObject *parent = nullptr);
    ~SignInController() override;

    ProfileStore *profiles() const { return m_profiles; }
    CredentialStore *credentials() const { return m_credentials; }
    // Owned by the controller, lives as long as it does. Points at the signed-in profile's
    // gateway while signed in; has no endpoint otherwise.
    GatewayClient *client() const { return m_client; }

    State state() const { return m_state; }
    bool isSignedIn() const { return m_state == State::SignedIn; }
    // The profile in question: signed in, being read, or waiting for a token. May be empty.
    QString profileName() const { return m_profileName; }
    // Its metadata, fresh from the ProfileStore (nullopt when it is not saved).
    std::optional<GatewayProfile> profile() const;
    // The signed-in token's kind and claims; `token` is always empty. Invalid when signed out.
    TokenInspection tokenInfo() const { return m_info; }
    bool isMemoryOnly() const;

    void setCachePurger(CachePurger purger) { m_purgeCache = std::move(purger); }
    bool canPurgeCache() const { return bool(m_purgeCache); }

    // Signs in to `requestedProfile` (from --profile) or, when empty, to the current one.
    void start(const QString &requestedProfile = QString());
    // Signs in to another saved profile, reading its token.
    void switchTo(const QString &profile);
    // Stores the token (keychain, or memory in memory-only mode) and the profile (added, or
    // updated when one of that exact name exists), makes it current and signs in. `done`
    // runs once, later, while `context` lives. Failures leave the previous state as it was.
    void signIn(const GatewayProfile &profile, const QString &token, QObject *context,
                Callback done);
    // Deletes the profile's token and (when asked, and a purger is set) its cached data.
    // The profile's metadata stays, so signing in again only needs a new token.
    void signOut(bool purgeCache, QObject *context, Callback done);
    // The keychain cannot be used: keep tokens in memory for this run (never in a file).
    // When the controller was waiting on the keychain (state KeychainUnavailable) it then
    // emits signInRequired(profile, MemoryOnly, ...), so the token can be typed again.
    void useMemoryOnly();
    // A session id for the current profile, for tokens that cannot list sessions.
    bool addSessionId(const QString &sessionId, QString *error = nullptr);
    QStringList sessionIds() const;

    // Points `other` (the local API's client on its own thread, say) at the same gateway with
    // the same token. Returns false, leaving it untouched, when not signed in. Call it on the
    // controller's thread while `other` is idle (before its thread starts using it).
    bool applyTo(GatewayClient *other) const;

    // Asks the gateway at `baseUrl` what `token` may do without signing in (the sign-in
    // dialog's check), through a client of its own that is dropped with the token afterwards.
    // `done` runs once, while `context` lives.
    void checkCapabilities(const QUrl &baseUrl, const TokenInspection &token,
                           const QStringList &sessionIds, QObject *context,
                           CapabilityProbe::Callback done);

    // The gateway answered 401 to a client applyTo() configured (made by the
    // GatewayClientFactory): the token expired or was revoked. Same as the own client's 401.
    void reportUnauthorized() { onUnauthorized(); }

    // One sentence per reason, for dialogs.
    static QString reasonText(Reason reason, const QString &profile);

Q_SIGNALS:
    void stateChanged(SignInController::State state);
    void signedIn(const QString &profile);
    // `profile` may be empty (NoProfile) or unsaved (UnknownProfile); `message` says why.
    void signInRequired(const QString &profile, SignInController::Reason reason,
                        const QString &message);
    // No Secret Service, locked, cancelled or failed: error.message names the cause.
    void keychainUnavailable(const QString &profile, const CredentialError &error);
    void signedOut(const QString &profile);

private:
    void readToken(const QString &profile);
    void activate(const GatewayProfile &profile, const TokenInspection &token);
    // Why signIn() must refuse this profile and token; empty when it may go ahead.
    QString signInProblem(const GatewayProfile &input, const GatewayUrlCheck &url,
                          const TokenInspection &token,
                          const std::optional<GatewayProfile> &existing) const;
    // After the token was written: saves the profile and signs in, unless superseded.
    SignInOutcome finishSignIn(const CredentialError &error, const GatewayProfile &profile,
                               const TokenInspection &token, quint64 generation, bool isNew);
    void require(const QString &profile, Reason reason, const QString &message = QString());
    void setState(State state);
    void clearSession();
    void onUnauthorized();

    ProfileStore *m_profiles = nullptr;
    CredentialStore *m_credentials = nullptr;
    GatewayClient *m_client = nullptr;
    State m_state = State::SignedOut;
    QString m_profileName;
    QString m_token;
    TokenInspection m_info;
    CachePurger m_purgeCache;
    quint64 m_generation = 0; // bumped by every start, switch, sign-in and sign-out
};
