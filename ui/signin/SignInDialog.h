#pragma once

#include "auth/TokenInspector.h"

#include <QDialog>
#include <QPointer>

#include <memory>

class CapabilityProbe;
class GatewayClient;
class SignInController;
struct CapabilityReport;
struct SignInOutcome;

namespace Ui {
class SignInDialog;
}

// Signs in to a gateway: profile name, base URL and a pasted token (JWT or api-key). Tells
// which kind the token is and, for a JWT, its organization, role and expiry; warns on an
// expired token, one that expires within a day, and plain http to another machine. "Check"
// asks the gateway (CapabilityProbe, read-only) what the token can do. "Sign in" stores the
// token through the controller (keychain, or memory for this run when the user chooses it
// after a keychain failure) and accepts the dialog once signed in.
//
// Asynchronous throughout: show it with open(), never exec().
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SignInDialog(SignInController *controller, QWidget *parent = nullptr);
    ~SignInDialog() override;

    // Fills the fields from a saved profile of that name (URL, session ids), or just the
    // name for a new one; `message` says why sign-in is needed (empty: nothing shown).
    void setRequest(const QString &profile, const QString &message);

    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    // A check finished and its words are shown.
    void checkFinished();

private:
    void updateHints();
    void onNameEdited();
    void onUrlEdited();
    void check();
    void showReport(const CapabilityReport &report);
    void save();
    void saved(const SignInOutcome &outcome);
    void keepInMemory();
    void setBusy(bool busy);
    QStringList sessionIds() const;
    QString suggestedName() const;

    std::unique_ptr<Ui::SignInDialog> m_ui;
    QPointer<SignInController> m_controller;
    TokenInspection m_token;
    quint64 m_inputGeneration = 0; // bumped when the URL or token changes
    bool m_nameEdited = false;
    bool m_busy = false;
    bool m_checking = false;
};
