#include "auth/CredentialError.h"

#include <QCoreApplication>

#include <qt6keychain/keychain.h>

namespace {

// The translation context of this file's messages, in a form lupdate reads.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(CredentialStore)
};

// libsecret reports a missing bus or a missing Secret Service as a plain OtherError; only
// its words tell it apart from a real failure. Observed: "Could not connect: No such file
// or directory", "Cannot autolaunch D-Bus without X11 $DISPLAY", "The name
// org.freedesktop.secrets was not provided by any .service files".
bool meansNoBackend(const QString &detail)
{
    static const char *const hints[] = {
        "could not connect",       "autolaunch",          "d-bus",
        "org.freedesktop.secrets", "not provided by any", "serviceunknown",
        "no such interface",       "secret service"};
    const QString lower = detail.toLower();
    for (const char *hint : hints)
        if (lower.contains(QLatin1String(hint)))
            return true;
    return false;
}

bool meansLockedOrCancelled(const QString &detail)
{
    const QString lower = detail.toLower();
    return lower.contains(QLatin1String("locked")) || lower.contains(QLatin1String("cancel"))
        || lower.contains(QLatin1String("dismissed"));
}

} // namespace

CredentialError CredentialError::make(Kind kind, const QString &profile, const QString &detail)
{
    CredentialError e;
    e.kind = kind;
    e.detail = detail;
    const QString why = detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(detail);
    switch (kind) {
    case Kind::None:
        return e;
    case Kind::NoBackend:
        e.message = Text::tr("The OS keychain is not available: no Secret Service was reachable "
                             "on D-Bus%1. The token can be kept in memory for this run only.")
                        .arg(why);
        break;
    case Kind::Locked:
        e.message = Text::tr("The OS keychain is locked or access to it was cancelled%1. Unlock "
                             "it and try again.")
                        .arg(why);
        break;
    case Kind::NotFound:
        // libsecret does not search a locked collection: a locked keychain reads as "not
        // found" too, so the sentence names both.
        e.message = Text::tr("No token is stored for profile \"%1\" (or the keychain is locked).")
                        .arg(profile);
        break;
    case Kind::Other:
        e.message = Text::tr("The OS keychain failed%1.").arg(why);
        break;
    }
    return e;
}

CredentialError CredentialError::fromKeychain(int keychainError, const QString &errorString,
                                              const QString &profile)
{
    switch (static_cast<QKeychain::Error>(keychainError)) {
    case QKeychain::NoError:
        return ok();
    case QKeychain::EntryNotFound:
        return make(Kind::NotFound, profile, errorString);
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return make(Kind::Locked, profile, errorString);
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return make(Kind::NoBackend, profile, errorString);
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    // Locked first: "GDBus.Error:org.freedesktop.Secret.Error.IsLocked" names D-Bus too.
    if (meansLockedOrCancelled(errorString))
        return make(Kind::Locked, profile, errorString);
    if (meansNoBackend(errorString))
        return make(Kind::NoBackend, profile, errorString);
    return make(Kind::Other, profile, errorString);
}

QString credentialErrorKindName(CredentialError::Kind kind)
{
    switch (kind) {
    case CredentialError::Kind::None:
        return QStringLiteral("ok");
    case CredentialError::Kind::NoBackend:
        return QStringLiteral("no-backend");
    case CredentialError::Kind::Locked:
        return QStringLiteral("locked");
    case CredentialError::Kind::NotFound:
        return QStringLiteral("not-found");
    case CredentialError::Kind::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}
