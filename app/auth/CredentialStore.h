#pragma once

#include "auth/CredentialError.h"
#include "auth/MemoryTokens.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

// Keeps each profile's token in the OS keychain (Secret Service on Linux), one entry per
// profile under the service AppInfo::applicationName(). Every call is asynchronous and
// answers through a callback: no nested event loops, so the UI never re-enters itself
// while a keychain prompt is up.
//
// When the keychain is unavailable the caller may switch to MemoryOnly: tokens then live
// in this object for this run only. The store never falls back on its own (and never to
// qtkeychain's plain-text "insecure fallback"): where a token goes is the user's choice.
//
// The token is never logged, printed or written anywhere but the keychain.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    enum class Mode {
        Keychain,
        MemoryOnly
    };
    Q_ENUM(Mode)

    using ReadCallback = std::function<void(const QString &token, const CredentialError &error)>;
    using Callback = std::function<void(const CredentialError &error)>;

    explicit CredentialStore(QObject *parent = nullptr);

    QString serviceName() const;
    Mode mode() const { return m_mode; }
    bool isMemoryOnly() const { return m_mode == Mode::MemoryOnly; }
    // Switching to MemoryOnly leaves the keychain untouched; switching back forgets the
    // in-memory tokens (they were never meant to outlive the choice).
    void setMode(Mode mode);

    // A read failing with a transient error (no backend yet, or "other") is tried once
    // more after this delay: at Linux session start the Secret Service may not be up yet.
    int retryDelayMs() const { return m_retryDelayMs; }
    void setRetryDelayMs(int ms) { m_retryDelayMs = ms; }

    // Each callback runs later, from the event loop, and only while `context` lives.
    void readToken(const QString &profile, QObject *context, ReadCallback done);
    void writeToken(const QString &profile, const QString &token, QObject *context, Callback done);
    // Removing a token that is not there succeeds: the end state is what was asked.
    void removeToken(const QString &profile, QObject *context, Callback done);
    // Copies the token to `to`, then deletes `from`, so a failure part-way never loses
    // it. Used before renaming a profile.
    void moveToken(const QString &from, const QString &to, QObject *context, Callback done);

Q_SIGNALS:
    void modeChanged(CredentialStore::Mode mode);

private:
    void startRead(const QString &profile, int attempt, QPointer<QObject> context,
                   ReadCallback done);
    void deliverLater(QPointer<QObject> context, std::function<void()> call);

    Mode m_mode = Mode::Keychain;
    int m_retryDelayMs = 1000;
    MemoryTokens m_memory;
};
