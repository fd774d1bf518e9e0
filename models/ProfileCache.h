#pragma once

#include "gateway/GatewayTypes.h"

#include <QObject>
#include <QString>

#include <memory>

class AuditLog;
class CacheDatabase;
class CacheReader;
class ContactsModel;
class DataVersionWatcher;
class GroupMembersModel;
class GroupsModel;
class SessionsModel;

// One profile's cache as the window sees it: a Read connection for the models (on the GUI
// thread), a ReadWrite one only for the audit log, the models over them, and the watcher
// that refreshes them when a sync commits.
class ProfileCache : public QObject
{
    Q_OBJECT
public:
    // Creates (and migrates) the file when missing. nullptr and *error on failure.
    static std::unique_ptr<ProfileCache> open(const QString &profile, const QString &path,
                                              QString *error = nullptr);
    ~ProfileCache() override;

    QString profile() const { return m_profile; }
    QString path() const { return m_path; }
    CacheDatabase &database() { return *m_db; }
    CacheReader &reader() { return *m_reader; }
    AuditLog &audit() { return *m_audit; }
    SessionsModel *sessions() const { return m_sessions; }
    ContactsModel *contacts() const { return m_contacts; }
    GroupsModel *groups() const { return m_groups; }
    GroupMembersModel *members() const { return m_members; }
    DataVersionWatcher *watcher() const { return m_watcher; }

    // Sessions the window learnt of (listSessions, ids added by hand), stored so the sync
    // and the list can use them. False on a database error.
    bool storeSessions(const QList<WaSession> &sessions);
    bool addSessionIds(const QStringList &ids);

    // Re-reads every model (keeping filters); the views restore their selection.
    void refresh();

Q_SIGNALS:
    void refreshed();

private:
    ProfileCache() = default;

    QString m_profile;
    QString m_path;
    std::unique_ptr<CacheDatabase> m_db;
    std::unique_ptr<CacheDatabase> m_writeDb;
    std::unique_ptr<CacheReader> m_reader;
    std::unique_ptr<AuditLog> m_audit;
    SessionsModel *m_sessions = nullptr;
    ContactsModel *m_contacts = nullptr;
    GroupsModel *m_groups = nullptr;
    GroupMembersModel *m_members = nullptr;
    DataVersionWatcher *m_watcher = nullptr;
};
