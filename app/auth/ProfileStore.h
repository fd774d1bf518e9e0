#pragma once

#include "auth/TokenInspector.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>

class QSettings;

// One gateway the console can sign in to. The token itself lives in the keychain
// (CredentialStore), under the profile's name; nothing here is secret.
struct GatewayProfile {
    QString name;
    QUrl baseUrl; // e.g. https://gateway.example (no /api/v1)
    TokenKind tokenKind = TokenKind::ApiKey;
    QStringList sessionIds; // added by hand, for tokens that cannot list sessions
    QDateTime lastUsed;     // UTC; invalid when never used
};

// The verdict on a gateway URL typed by a user.
struct GatewayUrlCheck {
    QUrl url;              // normalised: no trailing slash, no /api/v1 suffix
    QString problem;       // why it cannot be used; empty when usable
    bool insecure = false; // plain http to a host that is not this machine: warn, allow
    bool isValid() const { return problem.isEmpty(); }
};

// Profile metadata in QSettings: the list of profiles and which one is current. Never the
// token. Names double as keychain keys, so they are validated strictly.
class ProfileStore : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxNameLength = 64;

    // Uses the application's own settings (organisation and application from AppInfo).
    explicit ProfileStore(QObject *parent = nullptr);
    // Uses an INI file at this path (tests, or a portable setup).
    explicit ProfileStore(const QString &iniPath, QObject *parent = nullptr);
    ~ProfileStore() override;

    // Empty when the name is usable, else the reason.
    static QString checkName(const QString &name);
    static GatewayUrlCheck checkUrl(const QString &text);
    static QString checkSessionId(const QString &id); // an id added by hand, trimmed

    QList<GatewayProfile> profiles() const; // sorted by name, case-insensitively
    QStringList names() const;
    std::optional<GatewayProfile> profile(const QString &name) const;
    bool contains(const QString &name) const { return profile(name).has_value(); }

    // Each returns false and sets *error (when given) on refusal; nothing is changed then.
    bool add(const GatewayProfile &profile, QString *error = nullptr);
    bool update(const GatewayProfile &profile, QString *error = nullptr); // same name
    // Metadata only: move the keychain entry first (CredentialStore::moveToken).
    bool rename(const QString &from, const QString &to, QString *error = nullptr);
    bool remove(const QString &name);

    QString currentName() const;          // empty when none
    bool setCurrent(const QString &name); // empty name clears it
    bool markUsed(const QString &name, const QDateTime &when = QDateTime::currentDateTimeUtc());
    bool addSessionId(const QString &name, const QString &sessionId, QString *error = nullptr);
    bool removeSessionId(const QString &name, const QString &sessionId);

    QString settingsFile() const;

Q_SIGNALS:
    void profilesChanged();
    void currentChanged(const QString &name);

private:
    QList<GatewayProfile> load() const;
    void save(const QList<GatewayProfile> &profiles);
    static int indexOf(const QList<GatewayProfile> &profiles, const QString &name);
    QString validate(const GatewayProfile &profile) const;

    std::unique_ptr<QSettings> m_settings;
};
