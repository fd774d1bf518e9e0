#include "auth/GatewayClientFactory.h"

#include "auth/SignInController.h"
#include "gateway/GatewayClient.h"
#include "gateway/GatewayReachability.h"

GatewayClientFactory::GatewayClientFactory(SignInController *signIn,
                                           std::shared_ptr<GatewayReachability> reachability,
                                           GatewayCallOptions options)
    : m_signIn(signIn)
    , m_reachability(std::move(reachability))
    , m_options(std::move(options))
{
}

GatewayClient *GatewayClientFactory::make() const
{
    if (!m_signIn)
        return nullptr;
    auto client = std::make_unique<GatewayClient>();
    client->setOptions(m_options);
    if (!m_signIn->applyTo(client.get()))
        return nullptr;
    if (m_reachability)
        m_reachability->watch(client.get());
    // Queued when the client lives on another thread (a sync's, the local API's).
    QObject::connect(client.get(), &GatewayClient::unauthorized, m_signIn.data(),
                     &SignInController::reportUnauthorized);
    return client.release();
}

GatewayClient *GatewayClientFactory::forEndpoint(const QUrl &baseUrl, const QString &token,
                                                 QObject *parent, const GatewayCallOptions &options)
{
    auto *client = new GatewayClient(parent);
    client->setOptions(options);
    client->setEndpoint(baseUrl, token);
    return client;
}
