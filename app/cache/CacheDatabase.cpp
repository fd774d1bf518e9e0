#include "cache/CacheDatabase.h"

#include "cache/CacheSchema.h"

#include <QAtomicInteger>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace {

QString uniqueConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("gc-cache-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

} // namespace

std::unique_ptr<CacheDatabase> CacheDatabase::open(const QString &path, Mode mode, QString *error)
{
    return open(path, mode, Options(), error);
}

std::unique_ptr<CacheDatabase> CacheDatabase::open(const QString &path, Mode mode,
                                                   const Options &options, QString *error)
{
    if (mode == Mode::Read && !QFileInfo::exists(path)) {
        setError(error, QStringLiteral("No cache at %1.").arg(path));
        return nullptr;
    }
    if (mode == Mode::ReadWrite && !QDir().mkpath(QFileInfo(path).absolutePath())) {
        setError(error, QStringLiteral("Cannot create the directory of %1.").arg(path));
        return nullptr;
    }
    std::unique_ptr<CacheDatabase> self(new CacheDatabase);
    self->m_path = path;
    self->m_mode = mode;
    self->m_name = uniqueConnectionName();
    self->m_thread = QThread::currentThread();
    self->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), self->m_name);
    self->m_db.setDatabaseName(path);
    if (!self->m_db.open()) {
        setError(
            error,
            QStringLiteral("Cannot open the cache %1: %2").arg(path, self->m_db.lastError().text()));
        return nullptr;
    }
    if (!self->configure(options, error))
        return nullptr;
    if (mode == Mode::ReadWrite) {
        if (!CacheSchema::migrate(*self, error))
            return nullptr;
    } else {
        const int version = CacheSchema::version(*self);
        if (version != CacheSchema::kLatestVersion) {
            setError(error,
                     QStringLiteral("The cache %1 has schema version %2, this program "
                                    "reads version %3.")
                         .arg(path)
                         .arg(version)
                         .arg(CacheSchema::kLatestVersion));
            return nullptr;
        }
    }
    return self;
}

CacheDatabase::~CacheDatabase()
{
    m_statements.clear(); // every statement goes before the connection does
    m_rowStatements.clear();
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    if (!m_name.isEmpty())
        QSqlDatabase::removeDatabase(m_name);
}

bool CacheDatabase::configure(const Options &options, QString *error)
{
    QStringList pragmas = {
        QStringLiteral("PRAGMA busy_timeout = %1").arg(options.busyTimeoutMs),
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA synchronous = NORMAL"),
        // Debian builds SQLite with SECURE_DELETE; the cache holds no secrets and zeroing
        // freed pages doubles the cost of every sweep.
        QStringLiteral("PRAGMA secure_delete = OFF"),
        QStringLiteral("PRAGMA temp_store = MEMORY"),
        QStringLiteral("PRAGMA cache_size = -%1").arg(options.cacheSizeKiB),
        QStringLiteral("PRAGMA mmap_size = %1").arg(qint64(options.mmapSizeMiB) * 1024 * 1024),
    };
    if (m_mode == Mode::ReadWrite) {
        pragmas
            << QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(options.walAutocheckpointPages)
            // After a checkpoint the WAL file shrinks back to this size.
            << QStringLiteral("PRAGMA journal_size_limit = %1").arg(qint64(64) * 1024 * 1024);
    } else
        pragmas.append(QStringLiteral("PRAGMA query_only = ON"));
    for (const QString &pragma : std::as_const(pragmas)) {
        if (!exec(pragma, error))
            return false;
    }
    if (m_mode == Mode::ReadWrite && !switchToWal(options.busyTimeoutMs, error))
        return false;
    if (m_mode == Mode::ReadWrite) {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("PRAGMA journal_mode")) || !q.next()
            || q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
            setError(error, QStringLiteral("The cache %1 cannot use WAL journaling.").arg(m_path));
            return false;
        }
    }
    return true;
}

bool CacheDatabase::switchToWal(int timeoutMs, QString *error)
{
    // SQLite does not wait on busy_timeout here: switching a new file to WAL needs a lock
    // that another connection opening it at the same moment (the window's and the writer's
    // at a first sign-in) may hold, and it answers "database is locked" at once.
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        QString failure;
        if (exec(QStringLiteral("PRAGMA journal_mode = WAL"), &failure))
            return true;
        if (!failure.contains(QLatin1String("locked")) || deadline.hasExpired()) {
            setError(error, failure);
            return false;
        }
        QThread::msleep(5);
    }
}

bool CacheDatabase::isOnOwnThread() const
{
    return QThread::currentThread() == m_thread;
}

RowStatement *CacheDatabase::rowStatement(const QString &sql, QString *error)
{
    auto it = m_rowStatements.find(sql);
    if (it != m_rowStatements.end())
        return it->second.get();
    // Qt's SQLite driver hands out its connection as "sqlite3*" (QSqlDriver::handle()).
    const QVariant handle = m_db.driver()->handle();
    sqlite3 *connection = handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0
        ? *static_cast<sqlite3 *const *>(handle.constData())
        : nullptr;
    QString localError;
    std::unique_ptr<RowStatement> statement = RowStatement::prepare(connection, sql, &localError);
    if (!statement) {
        setError(error, localError);
        return nullptr;
    }
    return m_rowStatements.emplace(sql, std::move(statement)).first->second.get();
}

QSqlQuery *CacheDatabase::statement(const QString &sql, QString *error)
{
    Q_ASSERT_X(isOnOwnThread(), "CacheDatabase", "a connection is used on its own thread only");
    auto it = m_statements.find(sql);
    if (it != m_statements.end())
        return it->second.get();
    auto query = std::make_unique<QSqlQuery>(m_db);
    query->setForwardOnly(true);
    if (!query->prepare(sql)) {
        setError(error, query->lastError().text());
        return nullptr;
    }
    QSqlQuery *raw = query.get();
    m_statements.emplace(sql, std::move(query));
    return raw;
}

bool CacheDatabase::exec(const QString &sql, QString *error)
{
    Q_ASSERT(isOnOwnThread());
    QSqlQuery q(m_db);
    if (q.exec(sql))
        return true;
    setError(error, QStringLiteral("%1 (in: %2)").arg(q.lastError().text(), sql.left(120)));
    return false;
}

qint64 CacheDatabase::dataVersion()
{
    // Both only grow, so their sum changes when either does.
    QSqlQuery q(m_db);
    qint64 version = 0;
    if (q.exec(QStringLiteral("PRAGMA data_version")) && q.next())
        version = q.value(0).toLongLong();
    else
        return -1;
    if (q.exec(QStringLiteral("SELECT total_changes()")) && q.next())
        return version + q.value(0).toLongLong();
    return -1;
}

StatementReset::~StatementReset()
{
    if (m_query)
        m_query->finish();
}

namespace {
QAtomicInteger<int> g_writersWaiting;
} // namespace

int CacheDatabase::writersWaiting()
{
    return g_writersWaiting.loadAcquire();
}

WriteTransaction::WriteTransaction(CacheDatabase &db)
    : m_db(db)
    , m_nested(db.m_transactionDepth > 0)
{
    if (m_nested) {
        m_active = true;
    } else if (m_db.m_bulkWriter) {
        m_active = m_db.exec(QStringLiteral("BEGIN IMMEDIATE"), &m_error);
    } else {
        g_writersWaiting.ref(); // a bulk writer on another connection steps aside (see there)
        m_active = m_db.exec(QStringLiteral("BEGIN IMMEDIATE"), &m_error);
        g_writersWaiting.deref();
    }
    if (m_active)
        ++m_db.m_transactionDepth;
}

WriteTransaction::~WriteTransaction()
{
    if (!m_active)
        return;
    --m_db.m_transactionDepth;
    if (m_nested) {
        m_db.m_rollbackOnly = true; // part of it may be written: the outer one must not commit
        return;
    }
    m_db.exec(QStringLiteral("ROLLBACK"), nullptr);
    m_db.m_rollbackOnly = false;
}

bool WriteTransaction::commit()
{
    if (!m_active)
        return false;
    if (m_nested) {
        m_active = false;
        --m_db.m_transactionDepth;
        return true;
    }
    if (m_db.m_rollbackOnly) {
        m_error = QStringLiteral("A write inside this transaction failed; nothing was stored.");
        return false; // the destructor rolls back
    }
    if (!m_db.exec(QStringLiteral("COMMIT"), &m_error))
        return false; // still active: the destructor rolls back
    m_active = false;
    --m_db.m_transactionDepth;
    return true;
}
