#pragma once

#include "auth/CredentialError.h"
#include "auth/SignInController.h"

#include <QMenu>
#include <QPointer>

class SignInDialog;
class QActionGroup;
class QMessageBox;

// The "Profile" menu: Sign in…, Switch profile ▸, Add session id…, Sign out… (with a
// tick-box to delete the profile's cached data). It also answers the controller: a sign-in
// request opens the sign-in dialog (with the reason, and the profile filled in), and an
// unavailable keychain shows its cause with the choice to keep the token for this run only.
//
// Every dialog is window-modal and opened with open(): no nested event loop.
class ProfilesMenu : public QMenu
{
    Q_OBJECT
public:
    // `window` parents the dialogs; the menu goes into its menu bar (caller's job).
    ProfilesMenu(SignInController *controller, QWidget *window);

    QAction *signInAction() const { return m_signIn; }
    QMenu *switchMenu() const { return m_switch; }
    QAction *addSessionAction() const { return m_addSession; }
    QAction *signOutAction() const { return m_signOut; }

    // Opens (or refreshes, when one is open) the sign-in dialog.
    SignInDialog *openSignInDialog(const QString &profile, const QString &message);
    SignInDialog *signInDialog() const;
    QMessageBox *openMessage() const; // the question or notice shown last, while open

private:
    void rebuildSwitchMenu();
    void updateActions();
    void onSignInRequired(const QString &profile, SignInController::Reason reason,
                          const QString &message);
    void onKeychainUnavailable(const QString &profile, const CredentialError &error);
    void askSignOut();
    void askSessionId();
    void notify(const QString &title, const QString &text, bool warning);

    QPointer<SignInController> m_controller;
    QPointer<QWidget> m_window;
    QAction *m_signIn;
    QMenu *m_switch;
    QActionGroup *m_switchGroup = nullptr;
    QAction *m_addSession;
    QAction *m_signOut;
    QPointer<SignInDialog> m_dialog;
    QPointer<QMessageBox> m_message;
};
