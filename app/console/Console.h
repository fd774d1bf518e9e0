#pragma once

#include "console/ProfileServices.h"

#include <QObject>
#include <QUrl>

#include <memory>

class CredentialStore;
class ProfileStore;
class QCommandLineParser;
class QTemporaryDir;
class SignInController;

// The composition root's core: sign-in, and the one ProfileServices set of the signed-in
// profile. A sign-in builds the set, a switch tears it down and builds the next one, a
// sign-out tears it down; front ends (the window, --headless) follow profileOpened and
// profileClosing and construct no service of their own.
class Console : public QObject
{
    Q_OBJECT
public:
    struct Options {
        QString profile; // --profile; empty: the one used last
        ProfileServices::Options services;
        // --demo URL: a throw-away profile for that gateway, signed in with demoToken and
        // kept for this run only (profile, token and cache in a temporary directory).
        QUrl demoGateway;
        QString demoToken;
    };
    static constexpr const char *kDemoTokenVariable = "GC_DEMO_TOKEN";

    // The options both front ends take: --profile NAME, --local-api-port N, --demo URL (the
    // token then comes from the environment variable kDemoTokenVariable, which is cleared).
    static void addOptions(QCommandLineParser &parser);
    // False and *error (a sentence for stderr) when a value is unusable.
    static bool readOptions(const QCommandLineParser &parser, Options *options, QString *error);

    // Uses `signIn` when given (tests), else makes one over the OS keychain and QSettings.
    explicit Console(const Options &options, SignInController *signIn = nullptr,
                     QObject *parent = nullptr);
    ~Console() override;

    SignInController *signIn() const { return m_signIn; }
    // The signed-in profile's services; nullptr while signed out.
    ProfileServices *services() const { return m_services.get(); }

    // Reads the profile's token and signs in; profileOpened() follows on success.
    void start();

Q_SIGNALS:
    // A new set, already started; valid until profileClosing() names it.
    void profileOpened(ProfileServices *services);
    // The set is about to be destroyed: let go of everything taken from it.
    void profileClosing(ProfileServices *services);

private:
    void open();
    void close();
    void signInToDemo();

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_demoDir;
    std::unique_ptr<ProfileStore> m_demoProfiles;
    std::unique_ptr<CredentialStore> m_demoCredentials;
    std::unique_ptr<SignInController> m_ownSignIn;
    SignInController *m_signIn = nullptr;
    std::unique_ptr<ProfileServices> m_services;
};
