#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

class AuditLog;
class AuditModel;
class CacheDatabase;
class CacheReader;
class ContactCounter;
class ContactDetailModel;
class ContactsModel;
class DataVersionWatcher;
class GroupMembersModel;
class GroupsModel;
class SessionsModel;

// Every model of one profile's cache, as the window shows them, over a Read connection and
// reader that it is given (the composition root opens them): sessions, contacts, groups and
// members, the contact detail, the audit log, and the watcher that refreshes them all when a
// sync (or any writer, the realtime feed) commits. Commits come tens of times a second under
// the feed: the first refreshes at once, the rest at most every kRefreshGapMs, so a burst
// is one refresh.
class ProfileModels : public QObject
{
    Q_OBJECT
public:
    // None is owned; all must outlive this object.
    ProfileModels(const QString &profile, const QString &path, CacheDatabase *db,
                  CacheReader *reader, AuditLog *auditLog, ContactCounter *counter,
                  QObject *parent = nullptr);
    ~ProfileModels() override;

    QString profile() const { return m_profile; }
    QString path() const { return m_path; }
    // For CsvExport, which pages through every contact of a filter.
    CacheReader *reader() const { return m_reader; }
    AuditModel *audit() const { return m_audit; }
    SessionsModel *sessions() const { return m_sessions; }
    ContactsModel *contacts() const { return m_contacts; }
    GroupsModel *groups() const { return m_groups; }
    GroupMembersModel *members() const { return m_members; }
    ContactDetailModel *detail() const { return m_detail; }
    DataVersionWatcher *watcher() const { return m_watcher; }

    static constexpr int kWatchMs = 50;      // a commit shows within this plus a refresh
    static constexpr int kRefreshGapMs = 75; // at most ~13 refreshes a second

    // Re-reads every model now, in place (keeping filters, selection and scroll).
    void refresh();
    // A writer committed (told by the writer itself, sooner than the watcher notices):
    // refresh now, or at the end of the current gap.
    void noteCacheChanged();

Q_SIGNALS:
    void refreshed();

private:
    const QString m_profile;
    const QString m_path;
    CacheReader *m_reader;
    SessionsModel *m_sessions;
    ContactsModel *m_contacts;
    GroupsModel *m_groups;
    GroupMembersModel *m_members;
    ContactDetailModel *m_detail;
    AuditModel *m_audit;
    DataVersionWatcher *m_watcher;
    QTimer m_gap;           // running: a refresh happened less than kRefreshGapMs ago
    bool m_pending = false; // a commit came during the gap
};
