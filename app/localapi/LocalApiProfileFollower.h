#pragma once

#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

class LocalApiService;
class SignInController;

// Keeps the local API serving the signed-in profile and no other: a new LocalApiService
// for each signedIn (the previous one stopped first, so its port and discovery file never
// outlive the switch), none after signedOut (a signed-out console serves nothing).
class LocalApiProfileFollower : public QObject
{
    Q_OBJECT
public:
    // Runs on each new service before it starts (the port, a sync trigger...).
    using Configure = std::function<void(LocalApiService &service)>;

    explicit LocalApiProfileFollower(SignInController *signIn, QObject *parent = nullptr);
    ~LocalApiProfileFollower() override;

    void setConfigure(Configure configure) { m_configure = std::move(configure); }
    // The running service, or nullptr while signed out.
    LocalApiService *service() const { return m_service.get(); }

Q_SIGNALS:
    // A new service (or nullptr after sign-out); the old pointer is no longer valid.
    void serviceChanged(LocalApiService *service);
    void listening(const QUrl &url);
    void failed(const QString &reason);

private:
    void follow();
    void stop();

    SignInController *m_signIn;
    Configure m_configure;
    std::unique_ptr<LocalApiService> m_service;
};
