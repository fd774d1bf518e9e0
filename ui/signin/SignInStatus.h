#pragma once

#include <QLabel>
#include <QPointer>
#include <QTimer>

class SignInController;

// A status-bar label: the signed-in profile and its token's organization, role and expiry
// (or why nobody is signed in). The full token description is its tool tip.
class SignInStatus : public QLabel
{
    Q_OBJECT
public:
    explicit SignInStatus(SignInController *controller, QWidget *parent = nullptr);

private:
    void refresh();

    QPointer<SignInController> m_controller;
    QTimer m_tick; // "expires in ..." stays true while the window stays open
};
