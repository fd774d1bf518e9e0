#pragma once

#include <QMainWindow>
#include <QPointer>

#include <memory>

class ContactActions;
class ContactDetailPane;
class ContactsPane;
class GroupsPane;
class LocalApiDialog;
class LocalApiProfileFollower;
class ProfileCache;
class QAction;
class QSplitter;
class QTabWidget;
class SessionsPane;
class SignInController;
class SyncBar;
struct SyncOutcome;

// The console's main window: sessions on the left, Contacts and Groups tabs in the centre,
// the contact detail on the right, sync and reachability in the status bar. It wires the
// panes together; each pane, the actions and the sync bar are their own classes.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Adds the Profile menu and status label, and follows the controller: signing in opens
    // that profile's cache (CacheLocation::databasePath) and lists its sessions.
    void setSignInController(SignInController *controller);
    // The local API of the signed-in profile: its address in the status bar and the Local
    // API dialog (address, token, regenerate). Without it the menu entry stays disabled.
    void setLocalApi(LocalApiProfileFollower *localApi);
    void openLocalApi();
    // Shows a profile's cache (tests and the demo call it directly). False and *error if the
    // cache cannot be opened.
    bool openProfile(const QString &profile, const QString &databasePath, QString *error = nullptr);
    void closeProfile();

    ProfileCache *cache() const { return m_cache.get(); }
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
    void onSignedIn(const QString &profile);
    void onSessionChanged(const QString &sessionId);
    void onSyncFinished(const SyncOutcome &outcome, const QString &message);
    void updateSyncState();
    void askExport();
    void copy(const QString &text);
    void restoreSettings();
    void saveSettings() const;

    QPointer<SignInController> m_signIn;
    std::unique_ptr<ProfileCache> m_cache;
    QSplitter *m_split;
    SessionsPane *m_sessions;
    QTabWidget *m_tabs;
    ContactsPane *m_contacts;
    GroupsPane *m_groups;
    ContactDetailPane *m_detail;
    SyncBar *m_syncBar = nullptr;
    ContactActions *m_actions;
    QAction *m_unblockAction = nullptr;
    QAction *m_blockAction = nullptr;
    QAction *m_localApiAction = nullptr;
    LocalApiProfileFollower *m_localApi = nullptr;
    QPointer<LocalApiDialog> m_localApiDialog;
};
