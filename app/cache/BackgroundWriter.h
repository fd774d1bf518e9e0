#pragma once

#include "cache/CacheTypes.h"

#include <QMutex>
#include <QObject>
#include <QString>
#include <QThread>
#include <QWaitCondition>

#include <functional>
#include <memory>

class CacheDatabase;

// The console's own small writes to a profile's cache (audit entries, the session list) on a
// thread and ReadWrite connection of their own: a click in the window never waits for a sync
// transaction's write lock. Jobs run one at a time, in the order posted.
//
//   BackgroundWriter writer(path);
//   writer.appendAudit(entry);                        // any thread; auditAppended(entry) follows
//   writer.post("sessions", [](CacheDatabase &db, QString *error) { ...; return true; });
//   writer.waitUntilIdle();                           // tests, shutdown
class BackgroundWriter : public QObject
{
    Q_OBJECT
public:
    using Job = std::function<bool(CacheDatabase &db, QString *error)>;

    explicit BackgroundWriter(const QString &databasePath, QObject *parent = nullptr);
    // Runs every job already posted, then ends the thread.
    ~BackgroundWriter() override;

    QString databasePath() const { return m_path; }

    // Any thread. `what` names the job in the failed() signal and the log. `after` (when
    // given) runs on the writer's thread once the job ran, or could not run because the
    // cache would not open, with whether it succeeded.
    void post(const QString &what, Job job, std::function<void(bool ok)> after = {});
    // `written` (when given) runs on `context`'s thread once the entry is committed, or could
    // not be (false): an action is answered only after its audit entry is safe.
    void appendAudit(const AuditEntry &entry, QObject *context = nullptr,
                     std::function<void(bool written)> written = {});
    // Blocks until every job posted so far has run; false on timeout. Never call it from a job.
    bool waitUntilIdle(int timeoutMs = 30000);

Q_SIGNALS:
    // From the writer's thread; the entry carries its new id and time.
    void auditAppended(const AuditEntry &entry);
    void failed(const QString &what, const QString &error);

private:
    void run(const QString &what, const Job &job, const std::function<void(bool ok)> &after);
    CacheDatabase *database(QString *error);

    const QString m_path;
    QThread m_thread;
    std::unique_ptr<QObject> m_worker; // lives on m_thread; jobs are queued to it
    std::unique_ptr<CacheDatabase> m_db;
    QMutex m_mutex;
    QWaitCondition m_idle;
    int m_pending = 0;
};
