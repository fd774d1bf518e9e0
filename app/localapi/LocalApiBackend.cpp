#include "localapi/LocalApiBackend.h"

#include "cache/AuditLog.h"
#include "cache/CacheDatabase.h"
#include "cache/CacheReader.h"
#include "gateway/GatewayClient.h"
#include "gateway/GatewayReachability.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QThread>

Q_DECLARE_LOGGING_CATEGORY(lcLocalApiBackend)
Q_LOGGING_CATEGORY(lcLocalApiBackend, "gc.localapi")

namespace {
constexpr int kReadMapMiB = 256; // a 1,000,000-contact cache is about 210 MiB
} // namespace

LocalApiBackend::LocalApiBackend(Options options)
    : m_options(std::move(options))
    , m_client(m_options.client)
{
    if (!m_options.reachability)
        m_options.reachability = std::make_shared<GatewayReachability>();
    m_cursorKey.resize(32);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(m_cursorKey.data()), 8);
}

LocalApiBackend::~LocalApiBackend()
{
    closeOnThread();
    // A client never pulled onto a thread (the server did not start) has no affinity left.
    delete m_client;
}

void LocalApiBackend::openOnThread()
{
    m_context = std::make_unique<QObject>();
    if (m_client && !m_client->thread())
        m_client->moveToThread(QThread::currentThread());
    QString error;
    // Requests read contacts scattered over the whole file: mapped, a page not in SQLite's
    // own cache costs no read() and no copy. The price is that pages once read count in the
    // process's RSS (file-backed and clean: the kernel takes them back under pressure), so
    // the map is bounded; a larger cache reads the rest as usual.
    CacheDatabase::Options readOptions;
    readOptions.mmapSizeMiB = kReadMapMiB;
    m_readDb = CacheDatabase::open(m_options.databasePath, CacheDatabase::Mode::Read, readOptions,
                                   &error);
    if (!m_readDb) {
        // No cache yet (never synced): make one, so the API answers with empty data.
        if (CacheDatabase::open(m_options.databasePath, CacheDatabase::Mode::ReadWrite, &error))
            m_readDb = CacheDatabase::open(m_options.databasePath, CacheDatabase::Mode::Read,
                                           readOptions, &error);
    }
    if (!m_readDb) {
        m_openError = error;
        qCWarning(lcLocalApiBackend) << "cannot open the cache:" << error;
        return;
    }
    m_reader = std::make_unique<CacheReader>(*m_readDb);
    m_audit = std::make_unique<AuditLog>(*m_readDb);
}

qint64 LocalApiBackend::dataVersion()
{
    // Under load, ask SQLite whether anything changed at most every 50 ms (each question is a
    // read transaction of its own); a sync's commit shows within that.
    if (m_dataVersion >= 0 && m_dataVersionChecked.isValid() && m_dataVersionChecked.elapsed() < 50)
        return m_dataVersion;
    m_dataVersion = -1;
    QString error;
    if (QSqlQuery *version = m_readDb
            ? m_readDb->statement(QStringLiteral("PRAGMA data_version"), &error)
            : nullptr) {
        StatementReset reset(version);
        if (version->exec() && version->next())
            m_dataVersion = version->value(0).toLongLong();
    }
    m_dataVersionChecked.start();
    return m_dataVersion;
}

std::optional<LocalApiBackend::SessionInfo> LocalApiBackend::sessionInfo(const QString &sessionId,
                                                                         QString *error)
{
    error->clear();
    if (!m_reader)
        return std::nullopt;
    const qint64 current = dataVersion();
    if (current < 0 || current != m_sessionInfoVersion) {
        m_sessionInfo.clear();
        m_sessionInfoVersion = current;
    }
    const auto it = m_sessionInfo.constFind(sessionId);
    if (it != m_sessionInfo.constEnd())
        return *it;
    std::optional<CachedSession> s = m_reader->session(sessionId);
    if (!s) {
        *error = m_reader->lastError();
        return std::nullopt;
    }
    SessionInfo info{*s, m_reader->lastCompleteSyncAt(sessionId)};
    if (current >= 0 && m_sessionInfo.size() < 1000)
        m_sessionInfo.insert(sessionId, info);
    return info;
}

LocalApiBackend::ReadSnapshot::ReadSnapshot(LocalApiBackend &backend)
{
    if (!backend.m_readDb)
        return;
    // On the connection's own handle: Qt SQL's bookkeeping per exec is most of what BEGIN
    // and COMMIT cost.
    QString error;
    RowStatement *begin = backend.m_readDb->rowStatement(QStringLiteral("BEGIN"), &error);
    if (begin && begin->exec(&error))
        m_db = backend.m_readDb.get();
}

LocalApiBackend::ReadSnapshot::~ReadSnapshot()
{
    if (!m_db)
        return;
    QString error;
    if (RowStatement *commit = m_db->rowStatement(QStringLiteral("COMMIT"), &error))
        commit->exec(&error);
}

void LocalApiBackend::closeOnThread()
{
    m_sessionInfo.clear();
    m_sessionInfoVersion = -1;
    m_dataVersion = -1;
    m_dataVersionChecked.invalidate();
    m_storedAnswers.clear();
    m_audit.reset();
    m_reader.reset();
    m_readDb.reset();
    m_context.reset();
    if (m_client && m_client->thread() == QThread::currentThread()) {
        delete m_client;
        m_client = nullptr;
    }
}
