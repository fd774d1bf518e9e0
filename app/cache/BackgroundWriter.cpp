#include "cache/BackgroundWriter.h"

#include "cache/AuditLog.h"
#include "cache/CacheDatabase.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QPointer>

Q_DECLARE_LOGGING_CATEGORY(lcBackgroundWriter)
Q_LOGGING_CATEGORY(lcBackgroundWriter, "gc.cache.writer")

BackgroundWriter::BackgroundWriter(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_path(databasePath)
    , m_worker(std::make_unique<QObject>())
{
    m_thread.setObjectName(QStringLiteral("gc-writer"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

BackgroundWriter::~BackgroundWriter()
{
    waitUntilIdle(60000);
    // The connection belongs to the writer's thread: close it there.
    QMetaObject::invokeMethod(
        m_worker.get(), [this] { m_db.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void BackgroundWriter::post(const QString &what, Job job, std::function<void(bool ok)> after)
{
    {
        QMutexLocker lock(&m_mutex);
        ++m_pending;
    }
    QMetaObject::invokeMethod(
        m_worker.get(),
        [this, what, job = std::move(job), after = std::move(after)] { run(what, job, after); },
        Qt::QueuedConnection);
}

void BackgroundWriter::appendAudit(const AuditEntry &entry, QObject *context,
                                   std::function<void(bool written)> written)
{
    auto job = [this, entry](CacheDatabase &db, QString *error) {
        AuditLog log(db);
        AuditEntry stored = entry;
        if (stored.at <= 0)
            stored.at = QDateTime::currentMSecsSinceEpoch();
        const std::optional<qint64> id = log.append(stored);
        if (!id) {
            *error = log.lastError();
            return false;
        }
        stored.id = *id;
        Q_EMIT auditAppended(stored);
        return true;
    };
    QPointer<QObject> target(context);
    auto after = [target, written](bool ok) {
        // Queued to the context's own thread; dropped by Qt if the context is gone by then.
        if (written && target)
            QMetaObject::invokeMethod(
                target, [written, ok] { written(ok); }, Qt::QueuedConnection);
    };
    post(QStringLiteral("audit entry"), job, after);
}

bool BackgroundWriter::waitUntilIdle(int timeoutMs)
{
    Q_ASSERT(QThread::currentThread() != &m_thread);
    QDeadlineTimer deadline(timeoutMs);
    QMutexLocker lock(&m_mutex);
    while (m_pending > 0) {
        if (!m_idle.wait(&m_mutex, deadline))
            return false;
    }
    return true;
}

void BackgroundWriter::run(const QString &what, const Job &job,
                           const std::function<void(bool ok)> &after)
{
    QString error;
    CacheDatabase *db = database(&error);
    const bool ok = db && job(*db, &error);
    if (!ok) {
        qCWarning(lcBackgroundWriter).noquote() << what << "not written:" << error;
        Q_EMIT failed(what, error);
    }
    if (after)
        after(ok);
    QMutexLocker lock(&m_mutex);
    if (--m_pending == 0)
        m_idle.wakeAll();
}

CacheDatabase *BackgroundWriter::database(QString *error)
{
    if (!m_db)
        m_db = CacheDatabase::open(m_path, CacheDatabase::Mode::ReadWrite, error);
    return m_db.get();
}
