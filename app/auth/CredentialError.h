#pragma once

#include <QMetaType>
#include <QString>

// Why a keychain operation failed, as a kind the UI can branch on and a sentence it can
// show. Neither ever contains the token.
struct CredentialError {
    enum class Kind {
        None,      // success
        NoBackend, // no Secret Service on D-Bus (or no D-Bus at all): offer memory-only mode
        Locked,    // the keychain is locked, or the user cancelled / denied access
        NotFound,  // no token is stored under that profile
        Other,     // anything else the keychain reported
    };

    Kind kind = Kind::None;
    QString message; // human sentence naming the cause
    QString detail;  // the backend's own words, for logs and "details" boxes

    bool isOk() const { return kind == Kind::None; }
    // The keychain itself cannot be reached: the caller may switch to memory-only mode.
    bool keychainUnavailable() const { return kind == Kind::NoBackend; }

    static CredentialError ok() { return {}; }
    static CredentialError make(Kind kind, const QString &profile, const QString &detail = {});
    // Maps a QKeychain::Error (passed as int so this header stays free of qtkeychain)
    // and its errorString() to a kind.
    static CredentialError fromKeychain(int keychainError, const QString &errorString,
                                        const QString &profile);
};

QString credentialErrorKindName(CredentialError::Kind kind); // "no-backend", "locked", ...

Q_DECLARE_METATYPE(CredentialError)
