#include "signin/ProfilesMenu.h"

#include "auth/ProfileStore.h"
#include "signin/SignInDialog.h"

#include <QActionGroup>
#include <QCheckBox>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

ProfilesMenu::ProfilesMenu(SignInController *controller, QWidget *window)
    : QMenu(tr("&Profile"), window)
    , m_controller(controller)
    , m_window(window)
{
    m_signIn = addAction(tr("Sign &in…"));
    m_switch = addMenu(tr("S&witch profile"));
    m_addSession = addAction(tr("Add &session id…"));
    m_addSession->setToolTip(tr("For tokens that cannot list sessions: use a session by its id"));
    addSeparator();
    m_signOut = addAction(tr("Sign &out…"));

    connect(m_signIn, &QAction::triggered, this, [this] {
        // Fill in the profile in question unless it is signed in already (then: a new one).
        const bool pending = m_controller && !m_controller->isSignedIn();
        openSignInDialog(pending ? m_controller->profileName() : QString(), QString());
    });
    connect(m_switch, &QMenu::aboutToShow, this, &ProfilesMenu::rebuildSwitchMenu);
    connect(m_addSession, &QAction::triggered, this, &ProfilesMenu::askSessionId);
    connect(m_signOut, &QAction::triggered, this, &ProfilesMenu::askSignOut);

    connect(controller, &SignInController::stateChanged, this, &ProfilesMenu::updateActions);
    connect(controller, &SignInController::signInRequired, this, &ProfilesMenu::onSignInRequired);
    connect(controller, &SignInController::keychainUnavailable, this,
            &ProfilesMenu::onKeychainUnavailable);
    connect(controller->profiles(), &ProfileStore::profilesChanged, this,
            &ProfilesMenu::rebuildSwitchMenu);
    rebuildSwitchMenu();
    updateActions();
}

SignInDialog *ProfilesMenu::signInDialog() const
{
    return m_dialog;
}

QMessageBox *ProfilesMenu::openMessage() const
{
    return m_message;
}

void ProfilesMenu::updateActions()
{
    const bool signedIn = m_controller && m_controller->isSignedIn();
    m_addSession->setEnabled(signedIn);
    // Signing out deletes the stored token: possible whenever a profile is in question.
    m_signOut->setEnabled(m_controller && !m_controller->profileName().isEmpty()
                          && m_controller->profiles()->contains(m_controller->profileName()));
    // Only the tick moves here: the action being triggered may be on the stack right now.
    for (QAction *a : m_switch->actions())
        a->setChecked(signedIn && a->data().toString() == m_controller->profileName());
}

void ProfilesMenu::rebuildSwitchMenu()
{
    m_switch->clear();
    delete m_switchGroup;
    m_switchGroup = nullptr;
    if (!m_controller)
        return;
    const QStringList names = m_controller->profiles()->names();
    auto *group = new QActionGroup(m_switch);
    m_switchGroup = group;
    for (const QString &name : names) {
        QAction *a = m_switch->addAction(
            QString(name).replace(QLatin1Char('&'), QLatin1String("&&")));
        a->setData(name);
        a->setCheckable(true);
        a->setChecked(m_controller->isSignedIn() && name == m_controller->profileName());
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, name] {
            if (m_controller
                && !(m_controller->isSignedIn() && m_controller->profileName() == name))
                m_controller->switchTo(name);
        });
    }
    m_switch->setEnabled(!names.isEmpty());
}

SignInDialog *ProfilesMenu::openSignInDialog(const QString &profile, const QString &message)
{
    if (!m_controller)
        return nullptr;
    if (!m_dialog) {
        m_dialog = new SignInDialog(m_controller, m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        m_dialog->setWindowModality(Qt::WindowModal);
    }
    if (!m_dialog->isBusy())
        m_dialog->setRequest(profile, message);
    m_dialog->open();
    return m_dialog;
}

void ProfilesMenu::onSignInRequired(const QString &profile, SignInController::Reason,
                                    const QString &message)
{
    openSignInDialog(profile, message);
}

void ProfilesMenu::onKeychainUnavailable(const QString &profile, const CredentialError &error)
{
    if (m_message)
        m_message->close();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Keychain unavailable"),
                                tr("The token of profile \"%1\" cannot be read from the OS "
                                   "keychain.")
                                    .arg(profile),
                                QMessageBox::NoButton, m_window);
    box->setInformativeText(error.message + QLatin1Char('\n')
                            + tr("The console never keeps a token in a file. You can keep it in "
                                 "memory for this run only and paste it again."));
    if (!error.detail.isEmpty())
        box->setDetailedText(error.detail);
    QPushButton *memory = box->addButton(tr("&Keep the token for this run only"),
                                         QMessageBox::AcceptRole);
    QPushButton *retry = box->addButton(tr("&Try again"), QMessageBox::ActionRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(retry);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [this, box, memory, retry, profile] {
        if (!m_controller)
            return;
        if (box->clickedButton() == memory)
            m_controller->useMemoryOnly(); // asks for the token (signInRequired)
        else if (box->clickedButton() == retry)
            m_controller->start(profile);
    });
    m_message = box;
    box->open();
}

void ProfilesMenu::askSignOut()
{
    if (!m_controller || m_controller->profileName().isEmpty())
        return;
    const QString name = m_controller->profileName();
    auto *box = new QMessageBox(QMessageBox::Question, tr("Sign out"),
                                tr("Sign out of profile \"%1\"?").arg(name), QMessageBox::NoButton,
                                m_window);
    box->setInformativeText(m_controller->isMemoryOnly()
                                ? tr("Its token is forgotten; the profile stays in the list.")
                                : tr("Its token is deleted from the OS keychain; the profile "
                                     "stays in the list."));
    auto *purge = new QCheckBox(tr("Also delete this profile's &cached data"), box);
    purge->setAccessibleName(tr("Also delete this profile's cached data"));
    box->setCheckBox(purge);
    QPushButton *signOut = box->addButton(tr("Sign &out"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(signOut);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [this, box, purge, signOut] {
        if (!m_controller || box->clickedButton() != signOut)
            return;
        m_controller->signOut(purge->isChecked(), this, [this](const SignInOutcome &o) {
            if (!o.ok)
                notify(tr("Sign out"), o.problem, true);
            else if (!o.notes.isEmpty())
                notify(tr("Signed out"), o.notes.join(QLatin1Char('\n')), false);
        });
    });
    m_message = box;
    box->open();
}

void ProfilesMenu::askSessionId()
{
    if (!m_controller || !m_controller->isSignedIn())
        return;
    auto *input = new QInputDialog(m_window);
    input->setWindowTitle(tr("Add session id"));
    input->setLabelText(tr("Session id for profile \"%1\" (remembered for this profile):")
                            .arg(m_controller->profileName()));
    input->setAccessibleName(tr("Add session id"));
    input->setAttribute(Qt::WA_DeleteOnClose);
    input->setWindowModality(Qt::WindowModal);
    connect(input, &QInputDialog::textValueSelected, this, [this](const QString &id) {
        QString problem;
        if (m_controller && !m_controller->addSessionId(id, &problem))
            notify(tr("Add session id"), problem, true);
    });
    input->open();
}

void ProfilesMenu::notify(const QString &title, const QString &text, bool warning)
{
    auto *box = new QMessageBox(warning ? QMessageBox::Warning : QMessageBox::Information, title,
                                text, QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    m_message = box;
    box->open();
}
