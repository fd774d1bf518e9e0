#pragma once

#include "console/ProfileServices.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class ContactActions;
class ContactDetailPane;
class ContactsPane;
class GroupsPane;
class LocalApiDialog;
class ProfileModels;

class QAction;
class QLabel;
class QSplitter;
class QTabWidget;
class SessionsPane;
class SignInController;
class FreshnessLabel;
class SyncBar;
struct SyncOutcome;

// The console's main window: sessions on the left, Contacts and Groups tabs in the centre,
// the contact detail on the right, sync and reachability in the status bar. It wires the
// panes together; each pane, the actions and the sync bar are their own classes. It opens
// nothing itself: the composition root hands it the profile's models and services.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Adds the Profile menu and the sign-in status to the window.
    void setSignInController(SignInController *controller);
    // Shows a profile: its models, and (when signed in) its services: sync, contact actions,
    // local API and reachability. `services` may be null (a cache shown without signing in).
    // Neither is owned; detach() before they go.
    void attach(ProfileModels *cache, ProfileServices *services);
    void detach();
    void openLocalApi();

    ProfileModels *cache() const { return m_cache; }
    ProfileServices *services() const { return m_services; }
    SessionsPane *sessionsPane() const { return m_sessions; }
    ContactsPane *contactsPane() const { return m_contacts; }
    GroupsPane *groupsPane() const { return m_groups; }
    ContactDetailPane *detailPane() const { return m_detail; }
    QTabWidget *tabs() const { return m_tabs; }
    SyncBar *syncBar() const { return m_syncBar; }

    void syncNow();
    void showContact(const QString &lid);
    void showGroup(const QString &groupJid);
    // Writes the current tab's rows (every contact of the filter, page by page) as CSV.
    bool exportCurrentView(const QString &path, QString *error = nullptr);
    void openAuditLog();
    // Versions, platform, settings, the open profile and the last warnings, never a secret:
    // what a support ticket needs. copyDiagnostics() puts it on the clipboard.
    QString diagnostics() const;
    void copyDiagnostics();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void attachServices(ProfileServices *services);
    void onSessionChanged(const QString &sessionId);
    void onSyncFinished(const SyncOutcome &outcome, const QString &message);
    void updateSyncState();
    void askExport();
    void copy(const QString &text);
    void restoreSettings();
    void saveSettings() const;

    QPointer<SignInController> m_signIn;
    ProfileModels *m_cache = nullptr;
    QPointer<ProfileServices> m_services;
    QSplitter *m_split;
    SessionsPane *m_sessions;
    QTabWidget *m_tabs;
    ContactsPane *m_contacts;
    GroupsPane *m_groups;
    ContactDetailPane *m_detail;
    FreshnessLabel *m_freshness = nullptr;
    SyncBar *m_syncBar = nullptr;
    ContactActions *m_actions;
    QAction *m_unblockAction = nullptr;
    QAction *m_blockAction = nullptr;
    QAction *m_localApiAction = nullptr;
    QLabel *m_localApiStatus = nullptr;
    QPointer<LocalApiDialog> m_localApiDialog;
};
