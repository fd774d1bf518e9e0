#include "localapi/LocalApiProfileFollower.h"

#include "auth/SignInController.h"
#include "localapi/LocalApiService.h"

LocalApiProfileFollower::LocalApiProfileFollower(SignInController *signIn, QObject *parent)
    : QObject(parent)
    , m_signIn(signIn)
{
    connect(signIn, &SignInController::signedIn, this, &LocalApiProfileFollower::follow);
    connect(signIn, &SignInController::signedOut, this, &LocalApiProfileFollower::stop);
}

LocalApiProfileFollower::~LocalApiProfileFollower() = default;

void LocalApiProfileFollower::follow()
{
    m_service.reset(); // stops the old server and removes its discovery file first
    m_service = std::make_unique<LocalApiService>(m_signIn);
    connect(m_service.get(), &LocalApiService::listening, this,
            &LocalApiProfileFollower::listening);
    connect(m_service.get(), &LocalApiService::failed, this, &LocalApiProfileFollower::failed);
    if (m_configure)
        m_configure(*m_service);
    Q_EMIT serviceChanged(m_service.get());
    m_service->start();
}

void LocalApiProfileFollower::stop()
{
    if (!m_service)
        return;
    m_service.reset();
    Q_EMIT serviceChanged(nullptr);
}
