#include "signin/SignInStatus.h"

#include "auth/SignInController.h"
#include "signin/SignInText.h"

SignInStatus::SignInStatus(SignInController *controller, QWidget *parent)
    : QLabel(parent)
    , m_controller(controller)
{
    setAccessibleName(tr("Signed-in profile"));
    setTextFormat(Qt::PlainText);
    connect(controller, &SignInController::stateChanged, this, &SignInStatus::refresh);
    connect(controller, &SignInController::signedIn, this, &SignInStatus::refresh);
    connect(controller, &SignInController::signedOut, this, &SignInStatus::refresh);
    m_tick.setInterval(60 * 1000);
    connect(&m_tick, &QTimer::timeout, this, &SignInStatus::refresh);
    refresh();
}

void SignInStatus::refresh()
{
    if (!m_controller)
        return;
    const QString name = m_controller->profileName();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString text;
    QString tip;
    switch (m_controller->state()) {
    case SignInController::State::SignedIn: {
        const QString token = SignInText::statusLine(m_controller->tokenInfo(), now);
        text = token.isEmpty() ? tr("Profile %1").arg(name)
                               : tr("Profile %1 — %2").arg(name, token);
        if (m_controller->isMemoryOnly())
            text += tr(" (token in memory only)");
        tip = SignInText::describeToken(m_controller->tokenInfo(), now);
        break;
    }
    case SignInController::State::Reading:
        text = tr("Signing in to %1…").arg(name);
        break;
    case SignInController::State::SignInRequired:
        text = name.isEmpty() ? tr("Not signed in") : tr("Profile %1: sign-in needed").arg(name);
        break;
    case SignInController::State::KeychainUnavailable:
        text = tr("Profile %1: the keychain is unavailable").arg(name);
        break;
    case SignInController::State::SignedOut:
        text = tr("Not signed in");
        break;
    }
    setText(text);
    setToolTip(tip);
    if (m_controller->isSignedIn())
        m_tick.start();
    else
        m_tick.stop();
}
