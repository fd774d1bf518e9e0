#pragma once

#include "gateway/GatewayCall.h"

#include <QPointer>
#include <QString>
#include <QUrl>

#include <memory>

class GatewayClient;
class GatewayReachability;
class SignInController;

// The one place that makes gateway clients: each is configured like the signed-in profile's
// (address, token, call options), reports to the profile's GatewayReachability, and a 401 it
// gets asks for a new sign-in. One client per thread: the window's, each sync's and the local
// API server's.
class GatewayClientFactory
{
public:
    GatewayClientFactory(SignInController *signIn,
                         std::shared_ptr<GatewayReachability> reachability,
                         GatewayCallOptions options = {});

    // A new client without a parent (the caller owns it, and may move it to another thread
    // before first use), or nullptr when not signed in.
    GatewayClient *make() const;
    // A client for an address and token that are not (yet) signed in: the sign-in dialog's
    // check, `profile show`. Same call options; reports to no profile.
    static GatewayClient *forEndpoint(const QUrl &baseUrl, const QString &token,
                                      QObject *parent = nullptr,
                                      const GatewayCallOptions &options = {});

    GatewayCallOptions options() const { return m_options; }
    GatewayReachability *reachability() const { return m_reachability.get(); }

private:
    QPointer<SignInController> m_signIn;
    std::shared_ptr<GatewayReachability> m_reachability;
    GatewayCallOptions m_options;
};
